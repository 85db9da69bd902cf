from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "uppsikt.finance"
    verbose_name = "Ekonomi"
