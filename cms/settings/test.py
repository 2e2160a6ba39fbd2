"""Settings for the test suite: fast hashing, tasks run inline, mail kept in memory."""

from .base import *  # noqa: F401,F403
from .base import os

DEBUG = False
SECRET_KEY = "warta-test-only"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "notifications", "delivery"],
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WARTA_STATIC_SITE_DIR = ""  # a developer's shell setting must not make tests write there; static tests set their own
WAGTAILADMIN_BASE_URL = "http://testserver"
WARTA_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# pytest-xdist runs the suite in several worker processes (`make test` uses one per core): each worker keeps its
# own media folder, as pytest-django gives each its own test database.
MEDIA_ROOT = os.path.join(os.environ.get("WARTA_TEST_MEDIA_ROOT", "/tmp/warta-test-media"),
                          os.environ.get("PYTEST_XDIST_WORKER", "main"))
STATIC_ROOT = os.path.join(MEDIA_ROOT, "_static")
os.makedirs(STATIC_ROOT, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not SQLite's in-memory database: the browser suite's live server then serves each request on its
    # own connection, as production does, so requests that race (an autosave and a click) race for real.
    # WARTA_TEST_DB lets two test runs on one machine keep apart.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("WARTA_TEST_DB", os.path.join(MEDIA_ROOT, "test.sqlite3"))}
# Two-step sign-in stays off for the suite's role users (force_login, the browser's login form);
# tests/core/test_auth_security.py and tests/browser/test_two_factor.py turn it on.
WARTA_REQUIRE_2FA = False
# The page cache is off for the suite (a test that writes rows directly, without publishing, reads them back);
# tests/cms/test_page_cache.py turns it on. Its store is in-process, emptied before each test.
WARTA_PAGE_CACHE = False
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
              "TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 100000}},
}
WARTA_CHROMIUM_PATH = ""  # the accessibility check launches Chromium only in the tests that ask for it
