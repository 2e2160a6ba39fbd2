"""Platform tokens and webhook secrets at rest: encrypted with WARTA_TOKEN_KEYS, rotated by putting a new key first."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from core import crypto


def test_a_round_trip_keeps_the_data_and_hides_it(settings):
    settings.WARTA_TOKEN_KEYS = [Fernet.generate_key().decode()]
    token = crypto.encrypt({"access_token": "RAHASIA"})
    assert "RAHASIA" not in token
    assert crypto.decrypt(token) == {"access_token": "RAHASIA"}
    assert crypto.decrypt("") == {}


def test_rotation_re_encrypts_with_the_newest_key(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.WARTA_TOKEN_KEYS = [old]
    token = crypto.encrypt({"secret": "s"})
    settings.WARTA_TOKEN_KEYS = [new, old]
    rotated = crypto.rotate(token)
    settings.WARTA_TOKEN_KEYS = [new]
    assert crypto.decrypt(rotated) == {"secret": "s"}
    with pytest.raises(crypto.TokenDecryptionError):
        crypto.decrypt(token)


def test_without_keys_a_key_derived_from_the_secret_key_is_used(settings):
    settings.WARTA_TOKEN_KEYS = []
    settings.SECRET_KEY = "kunci-rahasia-uji"
    token = crypto.encrypt({"a": 1})
    settings.SECRET_KEY = "kunci-lain"
    with pytest.raises(crypto.TokenDecryptionError):
        crypto.decrypt(token)


def test_a_key_that_is_not_a_fernet_key_is_a_configuration_error(settings):
    settings.WARTA_TOKEN_KEYS = ["bukan-kunci"]
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt({})
