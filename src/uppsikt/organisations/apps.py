from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "uppsikt.organisations"
    verbose_name = "Organisationer"
