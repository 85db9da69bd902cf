from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "uppsikt.web"
    verbose_name = "Webbgränssnitt"
