from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "uppsikt.accounts"
    verbose_name = "Konton och roller"
