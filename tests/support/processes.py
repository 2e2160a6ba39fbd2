"""Warta in another process, on the test database: `make run`'s development server, or a production-settings
Django, to see what those settings (not the test settings) answer."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    """The test database as a DATABASE_URL (a transactional test's rows are committed, so the process sees them)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return (f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{db['HOST'] or 'localhost'}"
            f":{db['PORT'] or 5432}/{db['NAME']}")


def environment(settings_module, var_dir, **extra):
    # the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE and pytest's own variables stay out of the process
    base = {key: value for key, value in os.environ.items()
            if key != "DJANGO_ALLOW_ASYNC_UNSAFE" and not key.startswith("PYTEST_")}
    return {**base, "DJANGO_SETTINGS_MODULE": settings_module, "DATABASE_URL": database_url(),
            "SECRET_KEY": settings.SECRET_KEY, "MEDIA_ROOT": str(settings.MEDIA_ROOT), "WARTA_VAR_DIR": str(var_dir),
            "WARTA_STATIC_SITE_DIR": "",
            # the test's two-step sign-in requirement (off in the test settings), so that a session made with
            # force_login is as signed in there as here
            "WARTA_REQUIRE_2FA": str(getattr(settings, "WARTA_REQUIRE_2FA", False)), **extra}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def development_server(var_dir):
    """`manage.py runserver` with the development settings (DEBUG, as `make run`); yields its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        cwd=ROOT, env=environment("cms.settings.dev", var_dir), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _attempt in range(600):  # up to a minute on a busy machine
            if process.poll() is not None:
                raise RuntimeError(f"runserver stopped: {process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def run_with_production_settings(script, var_dir, **extra):
    """Runs `manage.py shell -c script` with the production settings (and a production-like environment);
    returns the completed process."""
    from cryptography.fernet import Fernet

    env = environment("cms.settings.production", var_dir, SECRET_KEY="p" * 60, ALLOWED_HOSTS="pn-contoh.go.id",
                      CSRF_TRUSTED_ORIGINS="https://pn-contoh.go.id", WARTA_BASE_URL="https://pn-contoh.go.id",
                      WARTA_TOKEN_KEYS=Fernet.generate_key().decode(), **extra)
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
