"""Authentication and sessions (docs/security.md): login lockout and its unlock screen, two-step sign-in,
password rules, the audit log of password and role changes, and the limits on API tokens."""

import datetime

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import APIToken, ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from core import two_factor
from core.onboarding import CourtSpec, add_court
from tests.conftest import ROLE_USERS
from tests.support.factories import PASSWORD, UserFactory

LOGIN = "/admin/login/"
UNLOCK = "/admin/keamanan/login-terkunci/"
VERIFY = "/admin/keamanan/dua-langkah/"
SETUP = "/admin/keamanan/dua-langkah/atur/"


def fail_login(client, username, times):
    for _ in range(times):
        response = client.post(LOGIN, {"username": username, "password": "salah-sekali-123"})
    return response


# --- lockout -------------------------------------------------------------------------------------------

@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_locked_after_the_failure_limit_with_an_indonesian_page(court, users):
    client = Client()
    assert fail_login(client, "redaktur", 2).status_code == 200  # the form again, with its error
    response = fail_login(client, "redaktur", 1)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Login terkunci sementara" in text
    assert "Terlalu banyak percobaan masuk yang gagal (3 kali)" in text
    assert "dikunci selama 30 menit" in text
    # the right password does not get in while locked
    response = client.post(LOGIN, {"username": "redaktur", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_success_before_the_limit_resets_the_count(court, users):
    client = Client()
    fail_login(client, "admin", 2)
    assert client.post(LOGIN, {"username": "admin", "password": PASSWORD}).status_code == 302
    Client().post("/admin/logout/")
    assert fail_login(Client(), "admin", 2).status_code == 200


@pytest.fixture
def second_court(court, users):
    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    return {name: UserFactory(username=f"{name}-pa", groups=[f"PA Contoh — {group}"])
            for name, group in ROLE_USERS.items()}


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_kasubag_unlocks_only_people_of_their_own_court(second_court, users, client_as):
    fail_login(Client(), "admin-pa", 2)
    fail_login(Client(), "sekretaris-pa", 2)
    fail_login(Client(), "redaktur", 2)
    fail_login(Client(), "sekretaris", 2)
    fail_login(Client(), "tidak-ada", 2)

    kasubag_pa = Client()
    kasubag_pa.force_login(second_court["kasubag"])
    page = kasubag_pa.get(UNLOCK).content.decode()
    assert "admin-pa" in page and "sekretaris-pa" in page  # readers without page permissions too
    assert ">redaktur<" not in page and ">sekretaris<" not in page and "tidak-ada" not in page
    response = kasubag_pa.post(UNLOCK, {"username": "redaktur"}, follow=True)
    assert "bukan akun pengadilan Anda" in response.content.decode()
    assert AccessAttempt.objects.filter(username="redaktur").exists()

    response = kasubag_pa.post(UNLOCK, {"username": "admin-pa"}, follow=True)
    assert "Login admin-pa dibuka kembali." in response.content.decode()
    assert not AccessAttempt.objects.filter(username="admin-pa").exists()
    entry = ModelLogEntry.objects.get(action="warta.login_unlock")
    assert entry.user_id == second_court["kasubag"].pk and entry.object_id == str(second_court["admin"].pk)
    assert Client().post(LOGIN, {"username": "admin-pa", "password": PASSWORD}).status_code == 302

    # a superuser sees every locked name; other roles may not open the screen
    page = client_as("root").get(UNLOCK).content.decode()
    assert "redaktur" in page and "tidak-ada" in page
    assert client_as("admin").get(UNLOCK).status_code in (302, 403)
    assert client_as("kasubag").get(UNLOCK).status_code == 200


# --- two-step sign-in ----------------------------------------------------------------------------------

def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def unthrottle(device):
    """django-otp makes a device wait after a wrong code (1 s, doubling); the test does not wait."""
    type(device).objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    device.refresh_from_db()


def password_login(username):
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    return client


def enrol(user):
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    codes = two_factor.new_recovery_codes(user)
    return device, codes


@override_settings(WARTA_REQUIRE_2FA=True)
def test_the_kasubag_must_set_up_two_step_sign_in(court, users):
    client = password_login("kasubag")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    page = client.get(response["Location"]).content.decode()
    assert "Peran Anda wajib memakai verifikasi dua langkah" in page
    assert "data:image/svg+xml" in page
    device = TOTPDevice.objects.get(user=users["kasubag"], confirmed=False)

    response = client.post(SETUP, {"code": "000000", "next": "/admin/"})
    assert "Kode tidak cocok" in response.content.decode()
    unthrottle(device)
    response = client.post(SETUP, {"code": current_code(device), "next": "/admin/"})
    text = response.content.decode()
    assert "Simpan kode pemulihan ini" in text
    assert StaticDevice.objects.get(user=users["kasubag"]).token_set.count() == 10
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="warta.two_factor_enable", object_id=str(users["kasubag"].pk)).exists()
    # the public site and other screens treat a password-only session as not signed in yet
    second = password_login("kasubag")
    assert second.get("/admin/pages/").status_code == 302
    assert second.get(SETUP)["Location"].startswith(VERIFY)  # no new device with the password alone


@override_settings(WARTA_REQUIRE_2FA=True)
def test_sekretaris_ketua_and_superusers_need_it_the_admin_does_not(court, users):
    for name in ("sekretaris", "ketua", "root"):
        assert password_login(name).get("/admin/")["Location"].startswith(SETUP), name
    assert password_login("admin").get("/admin/").status_code == 200


@override_settings(WARTA_REQUIRE_2FA=True)
def test_an_admin_who_enrolled_is_asked_for_the_code(court, users):
    device, _codes = enrol(users["admin"])
    client = password_login("admin")
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{VERIFY}?next=/admin/pages/"
    page = client.get(response["Location"]).content.decode()
    assert "Masukkan kode verifikasi" in page
    response = client.post(VERIFY, {"code": "123456", "next": "/admin/pages/"})
    assert "Kode salah atau sudah dipakai" in response.content.decode()
    unthrottle(device)
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_an_admin_who_enrolled_is_asked_even_with_the_setting_off(court, users):
    enrol(users["admin"])
    assert password_login("admin").get("/admin/")["Location"].startswith(VERIFY)
    assert password_login("kasubag").get("/admin/").status_code == 200  # off: not required


@override_settings(WARTA_REQUIRE_2FA=True)
def test_a_recovery_code_works_once(court, users):
    _device, codes = enrol(users["ketua"])
    client = password_login("ketua")
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200

    again = password_login("ketua")
    response = again.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert response.status_code == 200 and "Kode salah atau sudah dipakai" in response.content.decode()
    assert again.get("/admin/").status_code == 302


# --- passwords, sessions, audit log --------------------------------------------------------------------

def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Pendek-123a")
    validate_password("cukup-panjang-2026")


def test_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_password_change_is_logged_and_revokes_the_owners_tokens(court, users, client_as):
    APIToken.create_token(user=users["redaktur"], name="skrip")
    _other, _plain = APIToken.create_token(user=users["admin"], name="lain")
    client = client_as("redaktur")
    html = client.get("/admin/account/").content.decode()
    form = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "password-old_password"}).find_parent("form")
    data = querydict_from_html(str(form), form_index=0).copy()
    for name, value in {"name_email-last_name": "Hartono", "password-old_password": PASSWORD,
                        "password-new_password1": "kata-sandi-baru-2026",
                        "password-new_password2": "kata-sandi-baru-2026"}.items():
        data[name] = value
    response = client.post("/admin/account/", data)
    assert response.status_code == 302
    assert not APIToken.objects.filter(user=users["redaktur"], revoked_at__isnull=True).exists()
    assert APIToken.objects.filter(user=users["admin"], revoked_at__isnull=True).exists()
    entry = ModelLogEntry.objects.get(action="warta.password_change", object_id=str(users["redaktur"].pk))
    assert entry.user_id == users["redaktur"].pk
    assert entry.message == "Kata sandi diganti; 1 token API dicabut"
    # a save that does not touch the password logs nothing
    users["redaktur"].refresh_from_db()
    users["redaktur"].first_name = "Rudi"
    users["redaktur"].save()
    assert ModelLogEntry.objects.filter(action="warta.password_change").count() == 1


def test_group_changes_are_logged_with_the_groups(court, users, client_as):
    user = users["admin"]
    redaktur = Group.objects.get(name="Redaktur")
    with_root = client_as("root")
    response = with_root.post(f"/admin/users/edit/{user.pk}/", {
        "username": "admin", "email": user.email or "admin@example.com", "first_name": "Dewi", "last_name": "A",
        "is_active": "on", "groups": [redaktur.pk], "password1": "", "password2": "",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    messages = [entry.message for entry in ModelLogEntry.objects.filter(action="warta.groups_change",
                                                                         object_id=str(user.pk))]
    assert any("ditambahkan ke Redaktur" in message for message in messages)
    assert any("dikeluarkan dari Admin" in message for message in messages)
    assert ModelLogEntry.objects.filter(action="warta.groups_change", user=users["root"]).exists()


# --- API tokens ----------------------------------------------------------------------------------------

@override_settings(WARTA_API_TOKEN_RATE="3/min")
def test_each_token_is_rate_limited_with_429(court, users):
    _token, plain = APIToken.create_token(user=users["redaktur"], name="skrip")
    _other, other_plain = APIToken.create_token(user=users["admin"], name="lain")
    client = Client()
    statuses = [client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {other_plain}").status_code == 200


@override_settings(WARTA_API_TOKEN_MAX_AGE_DAYS=90)
def test_a_token_older_than_the_maximum_age_is_revoked(court, users):
    token, plain = APIToken.create_token(user=users["redaktur"], name="lama")
    fresh, fresh_plain = APIToken.create_token(user=users["redaktur"], name="baru")
    APIToken.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=91))
    client = Client()
    assert client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {fresh_plain}").status_code == 200


@override_settings(AXES_FAILURE_LIMIT=2, WARTA_PROXY_COUNT=1)
def test_behind_a_proxy_the_lock_holds_the_clients_address_only(court, users):
    from_a = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert fail_login(from_a, "redaktur", 2).status_code == 429
    assert AccessAttempt.objects.get(username="redaktur").ip_address == "203.0.113.7"
    # another client through the same proxy still signs in; a forged leftmost entry changes nothing
    from_b = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.9")
    assert from_b.post(LOGIN, {"username": "redaktur", "password": PASSWORD}).status_code == 302
    garbage = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="bukan-alamat")
    assert fail_login(garbage, "admin", 1).status_code == 200  # the proxy's own address, no error


def test_a_password_reset_by_mail_is_logged(court, users, mailoutbox):
    import re

    user = users["sekretaris"]
    user.email = "sekretaris@pn-uji.go.id"
    user.save()
    client = Client()
    client.post("/admin/password_reset/", {"email": user.email})
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "sandi-baru-yang-panjang", "new_password2":
                                      "sandi-baru-yang-panjang"})
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="warta.password_change", object_id=str(user.pk))
    assert entry.message == "Kata sandi diganti"


@override_settings(WARTA_REQUIRE_2FA=True)
def test_reset_two_factor_command_sends_the_user_to_set_up_again(court, users):
    from django.core.management import CommandError, call_command

    enrol(users["kasubag"])
    call_command("reset_two_factor", "kasubag")
    assert not TOTPDevice.objects.filter(user=users["kasubag"]).exists()
    assert not StaticDevice.objects.filter(user=users["kasubag"]).exists()
    assert ModelLogEntry.objects.filter(action="warta.two_factor_reset", object_id=str(users["kasubag"].pk)).exists()
    assert password_login("kasubag").get("/admin/")["Location"].startswith(SETUP)
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("reset_two_factor", "siapa")
