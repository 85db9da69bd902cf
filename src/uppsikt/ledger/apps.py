from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "uppsikt.ledger"
    verbose_name = "Huvudbok"
