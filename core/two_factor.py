"""Two-step sign-in (verifikasi dua langkah) with django-otp: a TOTP app and one-time recovery codes.

Required of the Kasubag PTIP, Sekretaris, Ketua and superusers while WARTA_REQUIRE_2FA is on; any other
staff member may turn it on from their account and is then asked for a code at every sign-in too. After the
password, the middleware sends such a user to the code screen (or, without a confirmed device, to the set-up
screen) before any other admin screen, and elsewhere treats them as not signed in yet.
"""

import io
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from core import roles

SETUP_URL = "warta_two_factor_setup"
VERIFY_URL = "warta_two_factor_verify"
# Admin URLs a signed-in user may reach before the second step: signing in and out, the password reset,
# the scripts and icons those screens load, and the two screens of the second step.
OPEN_URLS = {
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_password_reset", "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm", "wagtailadmin_password_reset_complete", "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite", SETUP_URL, VERIFY_URL,
}
DEVICE_NAME = "Aplikasi autentikator"


def is_required(user):
    """Whether this user must sign in with a second factor."""
    if not getattr(settings, "WARTA_REQUIRE_2FA", True):
        return False
    return user.is_superuser or roles.holds_role(user, *roles.TWO_FACTOR_ROLES)


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def owes_second_factor(user):
    """Signed in with the password but not yet with the code, while they need one."""
    if not user.is_authenticated or user.is_verified():
        return False
    return is_enrolled(user) or is_required(user)


class TwoFactorMiddleware:
    """Holds a user who owes the second step at its screens (after django-otp's OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES or not owes_second_factor(request.user):
            return None
        match = request.resolver_match
        if not match or not request.path.startswith(reverse("wagtailadmin_home")):
            request.user = AnonymousUser()  # the public site and the APIs: not signed in yet
            return None
        if match.url_name in OPEN_URLS:
            return None
        target = VERIFY_URL if is_enrolled(request.user) else SETUP_URL
        return redirect(f"{reverse(target)}?next={quote(request.get_full_path())}")


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return candidate
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Kode"), max_length=16, strip=True,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}))

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").lower()


def qr_svg_data_uri(text):
    """The QR code of `text` as an inline SVG data URI (no file, no outside service)."""
    buffer = io.BytesIO()
    # a white background of its own: readable on the dark theme with no inline style (the admin's CSP)
    segno.make(text, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False, light="#fff")
    return "data:image/svg+xml;utf8," + quote(buffer.getvalue().decode())


def _secret_text(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown once: only these return them)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Kode pemulihan",
                                                           defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.WARTA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def setup(request):
    """Set up the authenticator app: QR code and secret, then a first code confirms it; recovery codes follow.

    Open to a user without a confirmed device, and to one who has already passed the second step (to start
    over with a new phone); never to someone who knows only the password of an enrolled account."""
    user = request.user
    if is_enrolled(user) and not user.is_verified():
        return redirect(f"{reverse(VERIFY_URL)}?next={quote(_next_url(request))}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if verify_token(user, device.persistent_id, form.cleaned_data["code"]):
            with transaction.atomic():
                replaced = TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk)
                was_enrolled = replaced.exists()
                replaced.delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
                account = get_user_model().objects.get(pk=user.pk)  # request.user is django-otp's lazy wrapper
                log(account, "warta.two_factor_reset" if was_enrolled else "warta.two_factor_enable", user=account)
            device.refresh_from_db()
            otp_login(request, device)
            return TemplateResponse(request, "core/security/two_factor_codes.html",
                                    {"codes": codes, "next": _next_url(request)})
        form.add_error("code", _("Kode tidak cocok. Periksa jam di ponsel Anda lalu masukkan kode yang baru."))
    return TemplateResponse(request, "core/security/two_factor_setup.html", {
        "form": form, "qr": qr_svg_data_uri(device.config_url), "secret": _secret_text(device),
        "required": is_required(user), "enrolled": is_enrolled(user), "next": _next_url(request),
    })


def verify(request):
    """Ask for the code of the authenticator app, or a recovery code, after the password."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not is_enrolled(user):
        return redirect(f"{reverse(SETUP_URL)}?next={quote(_next_url(request))}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        for device in [*TOTPDevice.objects.filter(user=user, confirmed=True),
                       *StaticDevice.objects.filter(user=user, confirmed=True)]:
            matched = verify_token(user, device.persistent_id, code)
            if matched:
                otp_login(request, matched)
                return redirect(_next_url(request))
        form.add_error("code", _("Kode salah atau sudah dipakai. Coba lagi dengan kode yang baru."))
    return TemplateResponse(request, "core/security/two_factor_verify.html",
                            {"form": form, "next": _next_url(request)})
