"""The production settings pass `manage.py check --deploy` with the environment the README documents."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def run_check(tmp_path, **extra):
    # the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a "production" process
    base = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **base,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "pn-contoh.go.id",
        "CSRF_TRUSTED_ORIGINS": "https://pn-contoh.go.id",
        "WARTA_BASE_URL": "https://pn-contoh.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "WARTA_VAR_DIR": str(tmp_path),
        "WARTA_TOKEN_KEYS": Fernet.generate_key().decode(),
        **extra,
    }
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_a_missing_secret_key(tmp_path):
    result = run_check(tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_token_keys(tmp_path):
    result = run_check(tmp_path, WARTA_TOKEN_KEYS="")
    assert result.returncode != 0
    assert "WARTA_TOKEN_KEYS must be set in production" in result.stderr


def test_production_refuses_token_keys_that_are_not_fernet_keys(tmp_path):
    result = run_check(tmp_path, WARTA_TOKEN_KEYS="not-a-key")
    assert result.returncode != 0
    assert "WARTA_TOKEN_KEYS must hold Fernet keys" in result.stderr
