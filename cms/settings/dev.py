from .base import *  # noqa: F401,F403
from .base import STATIC_ROOT, VAR_DIR, env_bool, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "warta-dev-only-not-secret")
# Mail goes to the console in development unless EMAIL_BACKEND is set.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
VAR_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns at start-up otherwise
# A template edited during development shows at once: the page cache is off unless asked for.
WARTA_PAGE_CACHE = env_bool("WARTA_PAGE_CACHE", False)
