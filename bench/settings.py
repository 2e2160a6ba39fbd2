"""Settings for `make bench`: production behaviour (DEBUG off, real task queue) on plain HTTP.

The bench runs on 127.0.0.1 against a throwaway SQLite database that
bench/__main__.py points DATABASE_URL at before Django starts.
"""

import os

os.environ.setdefault("SECRET_KEY", "warta-bench-only-" + "0123456789" * 5)
if not os.environ.get("WARTA_TOKEN_KEYS"):
    # production refuses to start without one; the bench's databases are thrown away, and so is this key
    from cryptography.fernet import Fernet

    os.environ["WARTA_TOKEN_KEYS"] = Fernet.generate_key().decode()

from cms.settings.production import *  # noqa: E402,F401,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["*"]
# Templates use {% static %}; the plain storage needs no collectstatic manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# No mail leaves the machine during a bench run.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

# The social section's drain under faults: the production backoff (30 s doubling up to an hour, a minute before
# confirming an unclear post) scaled down by BENCH_SOCIAL_BACKOFF_SCALE, so that the figure measures the workers
# rather than the waiting; the platforms' own pauses are what the fakes announce (bench/social.py).
_SCALE = float(os.environ.get("BENCH_SOCIAL_BACKOFF_SCALE", "1"))
WARTA_SOCIAL_BACKOFF_SECONDS = 30 / _SCALE
WARTA_SOCIAL_BACKOFF_MAX_SECONDS = 3600 / _SCALE
WARTA_SOCIAL_CONFIRM_DELAY_SECONDS = 60 / _SCALE
