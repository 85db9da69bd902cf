from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "uppsikt.economy"
    verbose_name = "Ekonomi"
