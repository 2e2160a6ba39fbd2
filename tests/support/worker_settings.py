"""Settings of a real `manage.py db_worker` that a test starts: the test settings with the database task
backend (the test process enqueues into the same test database), the test's receivers on 127.0.0.1 allowed,
and a short delivery lease so that a killed worker's delivery is taken over within seconds."""

from cms.settings.test import *  # noqa: F401,F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "notifications", "delivery"],
    }
}
WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
WARTA_SOCIAL_LEASE_SECONDS = 2
