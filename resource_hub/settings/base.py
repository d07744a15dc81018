"""Settings shared by every environment. Environment variables are read only
through `environment.py`; each integration has its own module (storage, search).
"""

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from .api import *  # noqa: F403
from .email import *  # noqa: F403
from .environment import (
    BASE_DIR,
    env_base_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
)
from .search import *  # noqa: F403
from .security import *  # noqa: F403
from .signin import *  # noqa: F403
from .storage import *  # noqa: F403

PROJECT_DIR = BASE_DIR / "resource_hub"

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "resource_hub.core",
    "resource_hub.access",
    "resource_hub.files",
    "resource_hub.institutions",
    "resource_hub.records",
    "resource_hub.events",
    "resource_hub.demo",
    "resource_hub.api",
    # django-ninja: its templates and static files draw /api/v1/docs from the site
    # itself (without the app, ninja falls back to a CDN the CSP refuses).
    "ninja",
    "resource_hub.desk",
    "resource_hub.interop",
    "resource_hub.imports",
    "resource_hub.bundles",
    "resource_hub.portal",
    "resource_hub.network",
    "resource_hub.stats",
    "resource_hub.backups",
    "resource_hub.ops",  # manage.py preflight
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: it replaces Wagtail's moderation e-mails (see its signal_handlers).
    "resource_hub.notifications",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # intcomma: counts grouped the way each language writes them
    "axes",  # sign-in throttling, see settings/signin.py
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "resource_hub.core.security_policy.ContentSecurityPolicyMiddleware",  # settings/security.py
    "django.contrib.sessions.middleware.SessionMiddleware",
    "resource_hub.core.middleware.LocaleMiddleware",  # language prefixes, see its docstring
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail admin views that answer some hostile addresses with a 500 (its docstring).
    "resource_hub.core.admin_guard.AdminGuardMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "resource_hub.urls"
WSGI_APPLICATION = "resource_hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user:password@host:5432/name; a SQLite file by default.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The region's languages. English and Simplified Chinese are complete; the
# others are offered as far as their translations go.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("th", "ไทย"),
    ("vi", "Tiếng Việt"),
    ("id", "Bahasa Indonesia"),
    ("ms", "Bahasa Melayu"),
    ("km", "ខ្មែរ"),
    ("lo", "ລາວ"),
    ("my", "မြန်မာ"),
    ("fil", "Filipino"),
]
# Django ships no locale information for Lao and Filipino; without it
# get_language_info() (the language switcher) fails for them.
LANG_INFO.update(
    {
        "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"},
        "fil": {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"},
    }
)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (Wagtail's own and ours). "immediate" runs them inline,
# "database" queues them for `manage.py db_worker` (django-tasks-db).
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[env_choice("TASKS_BACKEND", tuple(_TASK_BACKENDS), "immediate")]
    }
}
# A task left running by a worker not seen for this long (its heartbeat is
# written every --schedule-interval, 60 s by default) is queued again; after
# TASK_MAX_ATTEMPTS workers died running it, it is marked failed (core/liveness.py).
TASK_WORKER_STALE_SECONDS = env_int("TASK_WORKER_STALE_SECONDS", 300)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)

# Members sign in on the site's own page (the desk's templates for django.contrib.auth);
# Wagtail's private pages send visitors there too.
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "login"
# Editors land on their review queue, everyone else on their submissions.
LOGIN_REDIRECT_URL = "notifications:landing"
LOGOUT_REDIRECT_URL = "/"

WAGTAIL_SITE_NAME = _("Resource Hub")

# OAI-PMH at /oai (resource_hub/interop/oai): Identify's adminEmail, records per
# page, and how long a resumption token stays valid (seconds).
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", "repository@example.org")
OAI_PAGE_SIZE = 100
OAI_TOKEN_LIFETIME = 24 * 60 * 60
# Usage statistics (resource_hub/stats): days raw view and download events are
# kept before the daily aggregation prunes them (the daily figures stay).
STATS_RAW_EVENT_DAYS = env_int("STATS_RAW_EVENT_DAYS", 90)
# Off: no view or download is recorded (a site that must not count, or bench/stats.py's
# baseline); the figures already aggregated are still shown.
STATS_RECORDING = env_bool("STATS_RECORDING", True)
# Where people reach the site: the start of every absolute link (citations,
# share links, JSON-LD, Open Graph, exports, e-mails). `bootstrap_site` gives
# the default Wagtail Site this host and port, since page URLs come from it.
# Unset, it follows `make run`'s RUN_HOST and RUN_PORT, which the Makefile
# passes on, so a server on another port still links to itself.
_RUN_HOST = env_str("RUN_HOST", "127.0.0.1")
if _RUN_HOST in {"0.0.0.0", "::", "[::]"}:  # noqa: S104 - listening everywhere; link to loopback
    _RUN_HOST = "127.0.0.1"
elif ":" in _RUN_HOST and not _RUN_HOST.startswith("["):
    _RUN_HOST = f"[{_RUN_HOST}]"  # an IPv6 address in a URL
SITE_BASE_URL = env_base_url("SITE_BASE_URL", f"http://{_RUN_HOST}:{env_str('RUN_PORT', '8000')}")
# Wagtail's moderation e-mails link to the admin with this.
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Wagtail's sign-in form with its password field's label translated (core/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "resource_hub.core.forms.AdminLoginForm"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to the internet
WAGTAILDOCS_SERVE_METHOD = "redirect"
# Our document model records checksum, size, sniffed type and page count.
WAGTAILDOCS_DOCUMENT_MODEL = "files.ResourceDocument"
# Admin uploads measure checksum, type and page count like files.services does.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resource_hub.files.forms.ResourceDocumentForm"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"refused_host": {"()": "resource_hub.core.logs.RefusedHostFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # A foreign Host header: a WARNING line, not an ERROR with a traceback.
        "django.security.DisallowedHost": {"filters": ["refused_host"]},
        "elastic_transport": {"level": "WARNING"},
        "botocore": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
