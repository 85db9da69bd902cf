"""URL configuration: the web app, the sign-in pages and the admin (set-up tasks)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "logga-in/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("uppsikt.web.urls")),
]

# Our own 500 page: it shows the request id that the error's log record carries.
handler500 = "uppsikt.web.errors.server_error"
