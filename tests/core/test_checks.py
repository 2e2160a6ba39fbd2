"""Warta's system checks: token keys in production, and the app settings that only work in pairs."""

from cryptography.fernet import Fernet
from django.core.checks import run_checks


def ids(deploy=False):
    return [message.id for message in run_checks(include_deployment_checks=deploy) if message.id.startswith("core.")]


def test_missing_token_keys_are_reported_by_the_deploy_check(settings):
    settings.WARTA_TOKEN_KEYS = []
    assert "core.W001" in ids(deploy=True)
    assert "core.W001" not in ids()  # development runs on the derived key
    settings.WARTA_TOKEN_KEYS = [Fernet.generate_key().decode()]
    assert "core.W001" not in ids(deploy=True)


def test_a_token_key_that_is_not_a_fernet_key_is_an_error(settings):
    settings.WARTA_TOKEN_KEYS = [Fernet.generate_key().decode(), "bukan-kunci"]
    errors = [m for m in run_checks() if m.id == "core.E002"]
    assert [m.msg for m in errors] == [
        "WARTA_TOKEN_KEYS: key 2 is not a Fernet key (32 url-safe base64-encoded bytes)."]


def test_half_a_pair_of_app_settings_is_reported(settings):
    settings.WARTA_META_APP_ID = "1234"
    settings.WARTA_META_APP_SECRET = ""
    settings.WARTA_X_CONSUMER_KEY = ""
    settings.WARTA_X_CONSUMER_SECRET = "rahasia"
    messages = sorted(m.msg for m in run_checks() if m.id == "core.W003")
    assert len(messages) == 2
    assert messages[0].startswith("WARTA_META_APP_ID is set but WARTA_META_APP_SECRET is not")
    assert messages[1].startswith("WARTA_X_CONSUMER_SECRET is set but WARTA_X_CONSUMER_KEY is not")


def test_whole_pairs_and_empty_pairs_pass(settings):
    settings.WARTA_META_APP_ID, settings.WARTA_META_APP_SECRET = "1234", "rahasia"
    settings.WARTA_X_CONSUMER_KEY, settings.WARTA_X_CONSUMER_SECRET = "", ""
    assert "core.W003" not in ids()
