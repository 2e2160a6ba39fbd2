"""System checks of Warta's own settings (`manage.py check`, and `check --deploy` for production)."""

from cryptography.fernet import Fernet
from django.conf import settings
from django.core import checks

# Settings that are used together: one without the other connects nothing.
PAIRS = [
    ("WARTA_META_APP_ID", "WARTA_META_APP_SECRET"),
    ("WARTA_X_CONSUMER_KEY", "WARTA_X_CONSUMER_SECRET"),
    ("WARTA_THREADS_APP_ID", "WARTA_THREADS_APP_SECRET"),
]


def _token_keys():
    return [key.strip() for key in getattr(settings, "WARTA_TOKEN_KEYS", []) if key.strip()]


@checks.register(checks.Tags.security, deploy=True)
def check_token_keys_set(app_configs=None, **kwargs):
    if _token_keys():
        return []
    return [checks.Warning(
        "WARTA_TOKEN_KEYS is not set: platform tokens and webhook secrets are encrypted with a key derived "
        "from SECRET_KEY, so changing SECRET_KEY makes them unreadable and a leaked SECRET_KEY reveals them.",
        hint='Set WARTA_TOKEN_KEYS to a key made with python -c "from cryptography.fernet import Fernet; '
             'print(Fernet.generate_key().decode())" and keep it with the database backups.',
        id="core.W001",
    )]


@checks.register(checks.Tags.security)
def check_token_keys_valid(app_configs=None, **kwargs):
    errors = []
    for position, key in enumerate(_token_keys(), start=1):
        try:
            Fernet(key)
        except ValueError:
            errors.append(checks.Error(
                f"WARTA_TOKEN_KEYS: key {position} is not a Fernet key (32 url-safe base64-encoded bytes).",
                hint="Keys are comma-separated, newest first; make one with Fernet.generate_key().",
                id="core.E002",
            ))
    return errors


@checks.register()
def check_setting_pairs(app_configs=None, **kwargs):
    warnings = []
    for first, second in PAIRS:
        values = {name: bool(str(getattr(settings, name, "") or "").strip()) for name in (first, second)}
        if values[first] != values[second]:
            present, missing = (first, second) if values[first] else (second, first)
            warnings.append(checks.Warning(
                f"{present} is set but {missing} is not: the two are used together, and connecting an "
                "account through this app fails until both are set.",
                hint=f"Set {missing}, or unset {present}.",
                id="core.W003",
            ))
    return warnings
