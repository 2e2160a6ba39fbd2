"""Settings shared by every environment.

Everything a deployment changes comes from environment variables (see README);
dev.py, test.py and production.py only adjust what differs between them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("WARTA_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ".localhost,127.0.0.1,[::1]")  # .localhost: every court of the demo
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Warta, lowest layer first: core -> cms -> editorial -> publishers -> monitoring -> monev (and the SOP A and D
    # apps beside it: programti, pemeliharaan) -> nasional
    "core",
    "cms",
    "editorial",
    "editorial.tindaklanjut",
    "publishers",
    "publishers.social",
    "publishers.webhooks",
    "publishers.website",
    "monitoring",
    "monitoring.penilaian",
    "monev",
    "programti",
    "pemeliharaan",
    "nasional",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    # first: a cached page for an anonymous visitor is answered before anything else runs (cms/page_cache.py)
    "cms.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
    "cms.security.WartaCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.two_factor.TwoFactorMiddleware",
    "core.api_tokens.APITokenExpiryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # last, so that it sees the lockout flag that the login view's authenticate() set
    "axes.middleware.AxesMiddleware",
]

# Browser protections (docs/security.md), in every environment so that the browser suite runs under them.
# The public site: its own files only, no inline script or style, no plugins, no framing by other sites;
# frames only for the video providers the video block accepts (YouTube, Vimeo).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com",
                      "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Wagtail 8's admin still writes inline <script> (date and time widgets, inline panels, choosers) and its
# JavaScript inserts <style> elements, so its pages need 'unsafe-inline' for scripts and styles; everything else
# stays as strict as the public site's (Warta's own admin styles are static files all the same).
WARTA_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],  # the two-step sign-in's QR code is a data: image
    },
}
# The admin's connect forms send the browser on to the platforms' login windows (OAuth): these settings' origins
# join the admin's form-action (cms/security.py), read per request so a changed URL is followed.
WARTA_ADMIN_FORM_ACTION_URL_SETTINGS = ["WARTA_FACEBOOK_DIALOG_URL", "WARTA_X_API_URL", "WARTA_THREADS_AUTH_URL"]
# Nothing of Warta uses these browser features; no page (nor a frame in it) may ask for them.
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb")}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's live preview frames the page from the admin (same origin)

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ by default so `make run` needs no server; production sets
# DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'warta.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20,
         "transaction_mode": "IMMEDIATE"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (cms/page_cache.py) needs a store that every web process and the publishing processes
# (worker, scheduler) share: Redis with REDIS_URL, otherwise files under var/cache/pages on this host.
WARTA_PAGE_CACHE = env_bool("WARTA_PAGE_CACHE", True)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 50000},
    },
}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "warta",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "warta-pages",
            "TIMEOUT": None,
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Authentication and sessions (docs/security.md). Axes counts failed logins and locks the username from that
# address for the cool-off time; the Kasubag PTIP of the court (or a superuser) can unlock earlier.
AUTHENTICATION_BACKENDS = [
    "core.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("WARTA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("WARTA_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Reverse proxies in front of Warta (nginx: 1); the client's address is then read from X-Forwarded-For.
WARTA_PROXY_COUNT = int(os.environ.get("WARTA_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.lockout.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_VERBOSE = False
# Two-factor authentication (django-otp, TOTP and recovery codes): required of the Kasubag PTIP, Sekretaris,
# Ketua and superusers when on; any other staff member may turn it on in their account.
WARTA_REQUIRE_2FA = env_bool("WARTA_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Warta"
WARTA_RECOVERY_CODES = 10
# A session ends after this much inactivity (every request renews it) and when the browser closes
# unless "Ingat saya" was ticked.
SESSION_COOKIE_AGE = int(os.environ.get("WARTA_SESSION_IDLE_MINUTES", str(8 * 60))) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
# API v3 tokens: requests per token (django-ninja's rate syntax) and how many days a token lives.
WARTA_API_TOKEN_RATE = os.environ.get("WARTA_API_TOKEN_RATE", "120/min")
WARTA_API_TOKEN_MAX_AGE_DAYS = int(os.environ.get("WARTA_API_TOKEN_MAX_AGE_DAYS", "90"))

# Indonesian first: the admin and the public site speak Indonesian unless a
# user picks English in their account settings.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers follow the reader's language (django/conf/locale/<lang>/formats.py); cms/formats/id
# spells the month out in Indonesian dates.
FORMAT_MODULE_PATH = ["cms.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"


def media_storage(environ):
    """The storage of uploaded media: MEDIA_ROOT on the file system, or an S3 bucket when
    WARTA_MEDIA_S3_BUCKET is set (django-storages; docs/operations.md, "Media on object storage").

    Objects are written private; the bucket's policy makes only images (images/, original_images/) public, and
    documents are streamed by Wagtail's serve view, which checks their collection's view restrictions.
    """
    bucket = environ.get("WARTA_MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "default_acl": environ.get("WARTA_MEDIA_S3_DEFAULT_ACL", "private").strip() or None,
        "querystring_auth": False,  # renditions' URLs go into static pages and to Instagram: no expiring URLs
        "file_overwrite": False,  # two uploads of "foto.jpg" keep two objects, as on the file system
        "custom_domain": environ.get("WARTA_MEDIA_S3_CUSTOM_DOMAIN", "").strip() or None,
        "location": environ.get("WARTA_MEDIA_S3_PREFIX", "").strip().strip("/"),
    }
    for option, variable in (("endpoint_url", "AWS_S3_ENDPOINT_URL"), ("region_name", "AWS_S3_REGION_NAME"),
                             ("access_key", "AWS_ACCESS_KEY_ID"), ("secret_key", "AWS_SECRET_ACCESS_KEY")):
        if environ.get(variable):  # unset: boto3's own chain (instance role, ~/.aws) decides
            options[option] = environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# How long the scheduler's record of each job run and the finished background tasks' results are kept;
# a daily job deletes older ones (core/upkeep.py).
WARTA_JOB_RUNS_KEEP_DAYS = int(os.environ.get("WARTA_JOB_RUNS_KEEP_DAYS", "30"))
WARTA_TASK_RESULTS_KEEP_DAYS = int(os.environ.get("WARTA_TASK_RESULTS_KEEP_DAYS", "30"))

# Background work: Wagtail 8 and Warta both use the django_tasks API. The
# database backend needs no extra service; `db_worker` runs the tasks.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("WARTA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "notifications", "delivery"],
    }
}

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Warta <warta@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Warta"  # the admin's brand: templates/wagtailadmin/ (tab titles, login, logo, favicon)
# Akun → Preferensi offers Indonesia's three time zones (not every zone in the world, whose long
# names include "Greenwich Mean Time" even in Indonesian); the admin's JavaScript labels each
# option with the browser's name for it, "Asia/Jakarta: WIB (Waktu Indonesia Barat)".
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
WAGTAILADMIN_BASE_URL = os.environ.get("WARTA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WARTA_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads are checked by their content, not their name (cms/uploads.py, docs/security.md "Hostile input"):
# no macro-capable legacy Office formats, RTF (embedded objects) or archives whose contents nobody checks.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.CourtDocumentForm"
# Documents are served only by Wagtail's view (/dokumen/<id>/<file name>), which checks a private collection's
# restriction and sends the file as an attachment (PDF inline) with nosniff and "default-src 'none'"; their
# files under MEDIA_ROOT/documents/ are never served directly (cms/urls.py, docs/operations.md's nginx). On object
# storage the view streams the file from the private bucket: never a redirect to the object's URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Raster formats only: an SVG is a document that can carry script, so it is refused at upload.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 40 megapixels is more than any camera photo a court publishes; a decoded image of that size takes ~160 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40 * 1000 * 1000
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.CourtImageForm"
# Draftail, hardened: a malformed contentstate is a form error; legacy stored HTML still opens (cleaned).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "cms.rich_text_editor.CourtDraftailRichTextArea"}}
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# Wagtail's responsive embed wraps the player in an inline style, which the public site's CSP refuses;
# site.css gives the video frame its 16:9 shape instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# The admin makes no calls to outside services: no release check, no Gravatar
# (privacy of court staff, and intranet deployments have no internet access).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Editorial workflow (editorial app): approving the last step publishes, marked as the
# workflow's own publish; notifications go to the next actor only, not to every superuser.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflow_finish.finish_workflow"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# Social cross-posting (publishers/social). Tokens are encrypted with WARTA_TOKEN_KEYS
# (comma-separated Fernet keys, newest first; derived from SECRET_KEY when unset, which
# `check --deploy` reports). Each Meta/X id goes with its secret (`check` reports half a pair).
WARTA_TOKEN_KEYS = env_list("WARTA_TOKEN_KEYS")
WARTA_META_APP_ID = os.environ.get("WARTA_META_APP_ID", "")
WARTA_META_APP_SECRET = os.environ.get("WARTA_META_APP_SECRET", "")
WARTA_X_CONSUMER_KEY = os.environ.get("WARTA_X_CONSUMER_KEY", "")
WARTA_X_CONSUMER_SECRET = os.environ.get("WARTA_X_CONSUMER_SECRET", "")
# Threads is its own Meta app (Threads use case): its app id and secret.
WARTA_THREADS_APP_ID = os.environ.get("WARTA_THREADS_APP_ID", "")
WARTA_THREADS_APP_SECRET = os.environ.get("WARTA_THREADS_APP_SECRET", "")
# Each platform's API base URL: the real platform unless overridden (tests, staging).
WARTA_FACEBOOK_API_URL = os.environ.get("WARTA_FACEBOOK_API_URL", "https://graph.facebook.com/v24.0")
WARTA_FACEBOOK_DIALOG_URL = os.environ.get("WARTA_FACEBOOK_DIALOG_URL", "https://www.facebook.com/v24.0/dialog/oauth")
WARTA_INSTAGRAM_API_URL = os.environ.get("WARTA_INSTAGRAM_API_URL", "https://graph.facebook.com/v24.0")
WARTA_X_API_URL = os.environ.get("WARTA_X_API_URL", "https://api.x.com")
WARTA_TELEGRAM_API_URL = os.environ.get("WARTA_TELEGRAM_API_URL", "https://api.telegram.org")
WARTA_THREADS_API_URL = os.environ.get("WARTA_THREADS_API_URL", "https://graph.threads.net/v1.0")
WARTA_THREADS_AUTH_URL = os.environ.get("WARTA_THREADS_AUTH_URL", "https://threads.net/oauth/authorize")
WARTA_SOCIAL_HTTP_TIMEOUT = (5, float(os.environ.get("WARTA_SOCIAL_HTTP_TIMEOUT", "30")))
# Webhook receivers (URLs people type in) must be public addresses (core.outbound). A court's own internal
# receiver is allowed here: comma-separated host names or IP addresses/networks (CIDR),
# e.g. "sipp.internal,10.8.0.0/24".
WARTA_OUTBOUND_ALLOWED_HOSTS = env_list("WARTA_OUTBOUND_ALLOWED_HOSTS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
        # a line per scheduler tick drowns the console; LOG_LEVEL_SCHEDULER=INFO shows them
        "apscheduler": {"level": os.environ.get("LOG_LEVEL_SCHEDULER", "WARNING")},
    },
}

# Static publishing of the public site (publishers/website, docs/static-site.md). Off unless
# WARTA_STATIC_SITE_DIR is set, so `make run` keeps serving the dynamic Wagtail site. Each site
# (court) is written to <dir>/<hostname>/; the build state lives in <dir>/.warta/.
WARTA_STATIC_SITE_DIR = os.environ.get("WARTA_STATIC_SITE_DIR", "")
# Where static pages send what only the CMS can answer (the search form, anything dynamic).
# Empty: links stay relative, for a front server that proxies those paths to the CMS.
WARTA_STATIC_DYNAMIC_URL = os.environ.get("WARTA_STATIC_DYNAMIC_URL", WARTA_BASE_URL).rstrip("/")
# Processes a full build renders in (publishers/website/parallel.py); unset: one per CPU, at most four.
WARTA_STATIC_BUILD_PROCESSES = int(os.environ["WARTA_STATIC_BUILD_PROCESSES"]) \
    if os.environ.get("WARTA_STATIC_BUILD_PROCESSES", "").isdigit() else None

# Frontend cache (CDN or Varnish in front of the site), off by default. Warta purges every URL a
# publication changes through wagtail.contrib.frontend_cache's backends.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("WARTA_FRONTEND_CACHE_URL"):  # Varnish, nginx proxy_cache_purge, ...: HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["WARTA_FRONTEND_CACHE_URL"],
    }
if os.environ.get("WARTA_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["WARTA_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("WARTA_CLOUDFLARE_TOKEN", ""),
    }
