"""Django settings, read from the environment.

- `DATABASE_URL`: any URL dj-database-url understands (postgresql://..., sqlite:///...).
  Default: the SQLite file `uppsikt.sqlite3` in the data directory.
- `UPPSIKT_DATA_DIR`: where local state lives (default `./data`, created on demand).
- `UPPSIKT_SECRET_KEY`: the secret key. Without it a random key is generated once and
  kept in `<data dir>/secret_key`, so there is never a guessable default.
- `UPPSIKT_DEBUG` (or `DEBUG`): `1`/`true`/`yes`/`on` turns debug mode on.
- `UPPSIKT_ALLOWED_HOSTS`: comma-separated host names (default: localhost only).
- `UPPSIKT_PROXIES`: the number of reverse proxies in front of the server (default 0),
  so that the login lock-out counts per client address (X-Forwarded-For).
- `UPPSIKT_HTTPS`: set when served over HTTPS (behind a proxy that sends
  X-Forwarded-Proto): secure cookies and redirects to HTTPS. Off by default so that
  a local server on plain http://localhost can still log in. Also HSTS for a year,
  for subdomains too unless `UPPSIKT_HSTS_SUBDOMAINS` is `0`/`false`/`no`/`off`; on the
  browsers' preload list only with `UPPSIKT_HSTS_PRELOAD`.
- `UPPSIKT_LOG_FILE`: also write the error log to this file (relative to the data dir
  unless absolute). Errors always go to stderr, with a traceback and the request id.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url

_TRUE = {"1", "true", "yes", "on"}


def _flag(*names: str) -> bool:
    return any(os.environ.get(name, "").strip().lower() in _TRUE for name in names)


def _data_dir() -> Path:
    return Path(os.environ.get("UPPSIKT_DATA_DIR") or Path.cwd() / "data").resolve()


def _secret_key(data_dir: Path) -> str:
    """The key from the environment, else one generated once and kept in the data dir."""
    from_env = os.environ.get("UPPSIKT_SECRET_KEY", "").strip()
    if from_env:
        return from_env
    path = data_dir / "secret_key"
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting at once must not end up with different keys.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()


def _database(data_dir: Path) -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        # sqlite3 does not create missing folders, so the data dir must exist first.
        data_dir.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{data_dir / 'uppsikt.sqlite3'}"
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_health_checks=True))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # IMMEDIATE takes the write lock when a transaction starts, so concurrent
            # writers wait (up to `timeout` seconds) instead of failing half-way.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    else:
        config["CONN_MAX_AGE"] = 60
    return config


LOG_FORMAT = "%(asctime)s %(levelname)s [request %(request_id)s] %(name)s: %(message)s"


def logging_config(data_dir: Path, log_file: str) -> dict[str, Any]:
    """Server errors (django.request 5xx, with the traceback) and our own `uppsikt` loggers
    at WARNING and above to stderr, and to `log_file` (relative to the data dir) if given;
    every line carries the id of the request it belongs to."""
    handlers: dict[str, dict[str, Any]] = {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "level": "WARNING",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    }
    if log_file:
        path = data_dir / log_file  # an absolute log_file stays as it is
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = {
            # Watched: a log rotated away by logrotate is reopened, not written on unseen.
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(path),
            "encoding": "utf-8",
            "level": "WARNING",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "uppsikt.web.request_id.RequestIdFilter"}},
        "formatters": {"plain": {"format": LOG_FORMAT}},
        "handlers": handlers,
        "loggers": {
            # ERROR: 5xx and uncaught exceptions in views; 4xx (WARNING) are no server errors.
            # Not propagated: Django's own "django" handler would print them twice in DEBUG.
            "django.request": {"handlers": names, "level": "ERROR", "propagate": False},
            "uppsikt": {"handlers": names, "level": "WARNING"},
        },
    }


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = _data_dir()

DEBUG = _flag("UPPSIKT_DEBUG", "DEBUG")
SECRET_KEY = _secret_key(DATA_DIR)
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("UPPSIKT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "uppsikt.organisations",
    "uppsikt.goals",
    "uppsikt.reports",
    "uppsikt.economy",
    "uppsikt.accounts",
    "uppsikt.audit",
    "uppsikt.oversight",
    "uppsikt.web",
    "axes",
]

MIDDLEWARE = [
    # First: every response and every log record of the request carries its id.
    "uppsikt.web.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "uppsikt.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "uppsikt.web.security.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it counts failed logins and locks out guessing.
    "axes.middleware.AxesMiddleware",
]

LOGGING = logging_config(DATA_DIR, os.environ.get("UPPSIKT_LOG_FILE", "").strip())

ROOT_URLCONF = "uppsikt.urls"
WSGI_APPLICATION = "uppsikt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": _database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and changed passwords are hashed with it; older hashes still verify
# and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# django-axes first so that a locked-out user is refused before the password is tried.
# Single sign-on (OIDC) plugs in here as one more backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("UPPSIKT_LOGIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out user and address may try again after 15 min
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
# Behind reverse proxies, the number of them: the lock-out then counts per client address
# taken from X-Forwarded-For (see uppsikt.accounts.client_ip), not per proxy.
UPPSIKT_PROXIES = int(os.environ.get("UPPSIKT_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "uppsikt.accounts.client_ip.client_ip"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = 60 * 60 * 10  # a working day
# Sessions live in the database and are cached per process: most requests read none.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
# forms.js reads the token from the cookie, so that pages opened before a new login work.
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "uppsikt.web.csrf.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# E-mail (round reminders): printed to the console unless UPPSIKT_EMAIL_BACKEND names a
# real backend (e.g. django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST set).
EMAIL_BACKEND = (
    os.environ.get("UPPSIKT_EMAIL_BACKEND", "").strip()
    or "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("UPPSIKT_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("UPPSIKT_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("UPPSIKT_FROM_EMAIL", "").strip() or "uppsikt@localhost"
# The address links in e-mails start with (there is no request to take it from).
UPPSIKT_BASE_URL = os.environ.get("UPPSIKT_BASE_URL", "").strip() or "http://localhost:8000"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

if _flag("UPPSIKT_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # HSTS: browsers that have seen the site once never try plain http again for a year.
    # Subdomains too unless UPPSIKT_HSTS_SUBDOMAINS=0 (a subdomain still served over http);
    # preload only with UPPSIKT_HSTS_PRELOAD: the browsers' list is hard to leave again.
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = (
        os.environ.get("UPPSIKT_HSTS_SUBDOMAINS", "1").strip().lower() in _TRUE
    )
    SECURE_HSTS_PRELOAD = _flag("UPPSIKT_HSTS_PRELOAD")

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise serves the app's own files (htmx, styles) from the app folders, so
    # `uppsikt serve` and gunicorn need no `collectstatic` and no separate web server.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Rendered pages and built reports are cached under stamps of what they are built from
# (see uppsikt.reports.reading), so entries never go stale; the cache is shared by all server
# processes on the machine so that a page is rebuilt once per change, not once per worker.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
    # Oversight pages kept per reader (`oversight.caching.reader_page`) live in each
    # server process's memory: a page is read back without touching the disk. Their keys
    # hold the database's stamp, so a process never serves a stale one.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "uppsikt-pages",
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
}
