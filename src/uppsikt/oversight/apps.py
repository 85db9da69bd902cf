from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "uppsikt.oversight"
    verbose_name = "Uppsikt"
