"""Encryption of platform tokens at rest.

Keys come from WARTA_TOKEN_KEYS (comma-separated Fernet keys, newest first):
MultiFernet encrypts with the first key and decrypts with any of them, so a
key is rotated by putting a new one in front, running
`manage.py rotate_social_tokens`, then dropping the old one. Without the
variable (development, tests) a key is derived from SECRET_KEY, so tokens
stay unreadable to anyone holding only a database dump.
"""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class TokenDecryptionError(Exception):
    """The stored credentials cannot be read with the configured keys."""


def _keys():
    configured = [key.strip() for key in getattr(settings, "WARTA_TOKEN_KEYS", []) if key.strip()]
    if configured:
        try:
            return [Fernet(key) for key in configured]
        except ValueError as exc:
            raise ImproperlyConfigured(
                "WARTA_TOKEN_KEYS must hold Fernet keys (Fernet.generate_key()), comma-separated."
            ) from exc
    if not settings.SECRET_KEY:
        raise ImproperlyConfigured("Set WARTA_TOKEN_KEYS (or at least SECRET_KEY) to store platform tokens.")
    derived = hashlib.sha256(b"warta-social-tokens:" + settings.SECRET_KEY.encode()).digest()
    return [Fernet(base64.urlsafe_b64encode(derived))]


def _fernet():
    return MultiFernet(_keys())


def encrypt(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data, separators=(",", ":")).encode()).decode()


def decrypt(token: str) -> dict:
    if not token:
        return {}
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken as exc:
        raise TokenDecryptionError("stored credentials cannot be decrypted with WARTA_TOKEN_KEYS") from exc


def rotate(token: str) -> str:
    """Re-encrypt with the first (newest) key."""
    return _fernet().rotate(token.encode()).decode() if token else token
