"""Production: PostgreSQL via DATABASE_URL, HTTPS, real secret key and token keys.

`manage.py check --deploy` passes with no warning when the environment in the
README's "Production" section is set.
"""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, WARTA_TOKEN_KEYS, env_bool, media_storage, os

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of at least 50 characters.")
# Platform tokens and webhook secrets are encrypted with these keys; a key derived from SECRET_KEY (what dev
# and the tests use) would make a SECRET_KEY change lose them all.
if not WARTA_TOKEN_KEYS:
    raise ImproperlyConfigured(
        'WARTA_TOKEN_KEYS must be set in production: make a key with python -c "from cryptography.fernet '
        'import Fernet; print(Fernet.generate_key().decode())" and keep it with the database backups.')
for _key in WARTA_TOKEN_KEYS:
    try:
        Fernet(_key)
    except ValueError:
        raise ImproperlyConfigured(
            "WARTA_TOKEN_KEYS must hold Fernet keys (Fernet.generate_key()), comma-separated, newest first.") from None

STORAGES = {
    "default": media_storage(os.environ),  # MEDIA_ROOT, or the bucket named in WARTA_MEDIA_S3_BUCKET
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# X_FRAME_OPTIONS is SAMEORIGIN (base.py): Wagtail's live preview frames the page from the admin, so DENY
# would break the editor; SAMEORIGIN still blocks framing by other sites.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# The CSP's upgrade-insecure-requests: a page served over HTTPS never loads anything over plain HTTP.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
                                          "upgrade-insecure-requests": True}}
WARTA_ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**WARTA_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
                                                      "upgrade-insecure-requests": True}}
