"""Settings shared by every environment.

Every secret and address is read from the environment; the defaults here are
safe for a first local run only (SQLite next to the code, DEBUG off).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabbed forms win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "csp",
    "import_export",
    "axes",
    "aachen_portal",
    "translations",
    "fields",
    "council",
    # Before measures: its permissions must exist when the Redaktion role is
    # synchronised after migrate (measures/apps.py).
    "operator_pages",
    "measures",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Turns a cached page into 304 Not Modified when the visitor's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Negotiates unprefixed URLs (Accept-Language, then the remembered choice).
    "aachen_portal.middleware.PortalLocaleMiddleware",
    # Whole public pages from the cache (inside the language middleware, so the
    # remembered language is still set on a hit); see aachen_portal/page_cache.py.
    "aachen_portal.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # ETag and Last-Modified on public pages, 304 before the view runs; inside the
    # page cache, so a hit costs no query (see aachen_portal/validators.py).
    "aachen_portal.validators.PublicPageValidatorsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login first, then Django's own backend authenticates.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "aachen_portal.urls"
WSGI_APPLICATION = "aachen_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aachen_portal.context_processors.languages",
            ],
        },
    },
]

# The embedded default is SQLite next to the code, so a first run needs no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
# SQLite as a web server's database (`make run`): write-ahead logging, so readers
# never wait for a writer; a busy timeout, so a writer waits for the lock instead
# of failing at once with "database is locked"; and IMMEDIATE transactions, which
# take the write lock when they begin — a deferred transaction that reads first
# and then writes cannot wait for it (SQLite reports the lock at once to avoid a
# deadlock). Tested by tests/portal/test_concurrent_requests.py.
SQLITE_BUSY_TIMEOUT_SECONDS = int(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "20"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # German and local words with padding, keyboard rows, repetitions (aachen_portal/passwords.py)
    {"NAME": "aachen_portal.passwords.PredictablePasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source language of content and interface. The others
# are the languages of the largest groups the concept names (Turkey, China,
# Syria) plus English. Adding a language is one entry here plus its
# translations (see README, "Adding a language"); nothing else lists them.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("tr", _("Türkisch")),
    ("ar", _("Arabisch")),
    ("zh-hans", _("Chinesisch (vereinfacht)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Number and date formats follow CLDR; aachen_portal/formats/ corrects the few
# Django locales that differ from it (Arabic).
FORMAT_MODULE_PATH = ["aachen_portal.formats"]
# The remembered language choice: set on every visit to a prefixed page. It is
# a functional cookie (the visitor's own choice), valid for a year.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

# modeltranslation: German is the default and the fallback for every language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded catalogues between preview and confirmation (measures/spreadsheet/previews.py);
    # shared by all server processes, so a folder on the server's disk.
    "import_previews": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get(
                "IMPORT_PREVIEW_DIR", str(BASE_DIR / "var" / "import-previews")
            )
        },
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# Security headers on every response. No inline script or style anywhere, no
# third-party origin: the admin's translation tabs use a vendored jQuery UI.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Brute-force protection of the admin login (django-axes): after AXES_FAILURE_LIMIT
# failed attempts for one username from one IP address, that combination is locked
# for the cool-off time; a successful login resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
# The client address is the one our reverse proxies appended to X-Forwarded-For
# (right-most after PROXY_COUNT proxies), never a value the client wrote; see
# aachen_portal/client_ip.py. 0 = no proxy in front (make run, tests).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "aachen_portal.client_ip.client_ip"

# The change history is an audit trail: readable in the admin, never reverted from it
# (a revert would bypass the status rule and the version check of measures).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Catalogue import and export (django-import-export), see measures/spreadsheet/.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_TMP_STORAGE_CLASS = "measures.spreadsheet.previews.PreviewStorage"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
MEASURE_IMPORT_MAX_BYTES = int(os.environ.get("MEASURE_IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))

# The council's papers through OParl 1.1 (council/, ``manage.py sync_council``).
# Aachen: https://ratsinfo.aachen.de/public/oparl/system
OPARL_SYSTEM_URL = os.environ.get("OPARL_SYSTEM_URL", "")
OPARL_TIMEOUT = float(os.environ.get("OPARL_TIMEOUT", "30"))  # seconds per request
OPARL_RETRIES = int(os.environ.get("OPARL_RETRIES", "4"))  # on 5xx and connection errors
OPARL_BACKOFF = float(os.environ.get("OPARL_BACKOFF", "2"))  # seconds, doubled per retry
OPARL_REQUEST_INTERVAL = float(os.environ.get("OPARL_REQUEST_INTERVAL", "0.5"))  # politeness

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes announces itself on every start; its lockout warnings still show.
    # httpx would log every request of the council sync (sync_council) at INFO.
    "loggers": {"axes.apps": {"level": "WARNING"}, "httpx": {"level": "WARNING"}},
}

# Caches. With REDIS_URL (production, benchmark) one Redis is shared by all
# server processes, and the whole-page cache of public pages is on; without it
# a per-process memory cache serves small things and the page cache is off.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Short socket timeouts: a Redis that is down or stalls costs a request this
# long at most, then the circuit breaker skips it (aachen_portal/cache_guard.py).
CACHE_SOCKET_TIMEOUT = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.25"))
REDIS_CACHE_OPTIONS = {
    "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
    "socket_timeout": CACHE_SOCKET_TIMEOUT,
    "retry_on_timeout": False,
    # JSON, never pickle: a value planted in Redis cannot run code here.
    "serializer": "aachen_portal.cache_serializer.JSONSerializer",
}
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "aachen-portal"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# After a cache error, the cache is skipped for this long (then tried again).
PORTAL_CACHE_BREAKER_SECONDS = float(os.environ.get("PORTAL_CACHE_BREAKER_SECONDS", "10"))
# How often the cache's copy of the content version is compared with the
# database's (the authoritative one): bounds how long a version bump that
# missed the cache can go unnoticed by a process that never saw the fault.
PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS = int(
    os.environ.get("PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS", "10")
)
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", bool(REDIS_URL))
# Identifies the deployed code (e.g. the git commit); part of every cached page
# and ETag, so a release with new templates or translations is served at once.
RELEASE = os.environ.get("RELEASE", "dev")
PORTAL_PAGE_CACHE_ALIAS = "default"
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", str(24 * 3600)))
