from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "uppsikt.review"
    verbose_name = "Arbetsflöde och historik"
