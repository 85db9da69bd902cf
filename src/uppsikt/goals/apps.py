from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "uppsikt.goals"
    verbose_name = "Mål"
