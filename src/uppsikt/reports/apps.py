from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "uppsikt.reports"
    verbose_name = "Rapporter"
