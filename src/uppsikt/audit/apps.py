from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "uppsikt.audit"
    verbose_name = "Granskningslogg"
