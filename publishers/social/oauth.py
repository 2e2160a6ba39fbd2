"""Connecting accounts: OAuth 2.0 with PKCE for Meta (Facebook Pages and their Instagram accounts),
OAuth 2.0 (authorization code, then a long-lived token) for Threads, OAuth 1.0a for X, through
requests-oauthlib; Telegram takes a bot token (forms.py).

Whatever has to survive the redirect to the platform and back (state, PKCE
verifier, X's request token) is kept in the Django session encrypted, and the
tokens obtained end up only in SocialAccount.credentials (encrypted).
"""

import uuid
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oauthlib.oauth2 import WebApplicationClient
from requests_oauthlib import OAuth1Session, OAuth2Session
from wagtail.log_actions import log

from core import crypto, platform_rules
from publishers.social.models import SocialAccount

SESSION_KEY = "warta_social_oauth"
# Pages: list, post, read engagement and insights; Instagram: publish and read insights.
META_SCOPES = ",".join([
    "pages_show_list", "pages_manage_posts", "pages_read_engagement", "read_insights",
    "instagram_basic", "instagram_content_publish", "instagram_manage_insights", "business_management",
])
TIMEOUT = 20


class OAuthProblem(Exception):
    """Something the person connecting should read (Indonesian)."""


def callback_url(provider):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("social_accounts:callback", args=[provider])


def _remember(request, **data):
    request.session[SESSION_KEY] = crypto.encrypt(data)


def _recall(request):
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        raise OAuthProblem(_("Sesi penyambungan sudah berakhir. Mulai lagi dari menu Kanal media sosial."))
    try:
        return crypto.decrypt(stored)
    except crypto.TokenDecryptionError:
        raise OAuthProblem(_("Sesi penyambungan tidak valid. Mulai lagi.")) from None


# Meta ------------------------------------------------------------------------------------------

def meta_configured():
    return bool(settings.WARTA_META_APP_ID and settings.WARTA_META_APP_SECRET)


def meta_start(request, site):
    client = WebApplicationClient(settings.WARTA_META_APP_ID)
    verifier = client.create_code_verifier(64)
    session = OAuth2Session(settings.WARTA_META_APP_ID, redirect_uri=callback_url("meta"), scope=META_SCOPES)
    url, state = session.authorization_url(
        settings.WARTA_FACEBOOK_DIALOG_URL,
        code_challenge=client.create_code_challenge(verifier, "S256"), code_challenge_method="S256",
    )
    _remember(request, provider="meta", state=state, verifier=verifier, site=site.pk)
    return url


def meta_finish(request):
    """Exchange the code (with the PKCE verifier) and list the Pages and Instagram accounts the person manages."""
    data = _recall(request)
    if data.get("provider") != "meta" or request.GET.get("state") != data["state"]:
        raise OAuthProblem(_("Jawaban Facebook tidak cocok dengan permintaan ini. Mulai lagi."))
    if request.GET.get("error"):
        raise OAuthProblem(_("Penyambungan dibatalkan di Facebook: %(reason)s") % {
            "reason": request.GET.get("error_description") or request.GET["error"]})
    api = settings.WARTA_FACEBOOK_API_URL.rstrip("/")
    session = OAuth2Session(settings.WARTA_META_APP_ID, redirect_uri=callback_url("meta"), state=data["state"])
    try:
        short = session.fetch_token(
            f"{api}/oauth/access_token", code=request.GET.get("code", ""),
            client_secret=settings.WARTA_META_APP_SECRET, include_client_id=True,
            code_verifier=data["verifier"], timeout=TIMEOUT,
        )
        long_lived = _json(requests.get(f"{api}/oauth/access_token", timeout=TIMEOUT, params={
            "grant_type": "fb_exchange_token", "client_id": settings.WARTA_META_APP_ID,
            "client_secret": settings.WARTA_META_APP_SECRET, "fb_exchange_token": short["access_token"]}))
        pages = _json(requests.get(f"{api}/me/accounts", timeout=TIMEOUT, params={
            "fields": "id,name,access_token,picture{url},instagram_business_account{id,username,profile_picture_url}"},
            headers={"Authorization": f"Bearer {long_lived['access_token']}"}))
    except (requests.RequestException, ValueError, KeyError) as exc:
        raise OAuthProblem(_("Facebook tidak dapat dihubungi atau menolak permintaan (%(error)s). Coba lagi.")
                           % {"error": type(exc).__name__}) from None
    candidates = []
    for page in pages.get("data", []):
        credentials = {"access_token": page["access_token"]}
        picture = ((page.get("picture") or {}).get("data") or {}).get("url", "")
        candidates.append({"platform": platform_rules.FACEBOOK, "external_id": str(page["id"]),
                           "name": page["name"], "handle": "", "credentials": credentials,
                           "avatar_url": _https_or_blank(picture)})
        instagram = page.get("instagram_business_account")
        if instagram:
            candidates.append({"platform": platform_rules.INSTAGRAM, "external_id": str(instagram["id"]),
                               "name": f"{page['name']} (Instagram)", "handle": instagram.get("username", ""),
                               "credentials": credentials,
                               "avatar_url": _https_or_blank(instagram.get("profile_picture_url", ""))})
    if not candidates:
        raise OAuthProblem(_("Akun Facebook ini tidak mengelola Halaman apa pun. Masuk dengan akun admin Halaman "
                             "pengadilan."))
    _remember(request, provider="meta-select", site=data["site"], candidates=candidates)
    return candidates


def meta_candidates(request):
    """The Pages found by meta_finish, still waiting for the person's choice (left in the session)."""
    stored = request.session.get(SESSION_KEY)
    data = crypto.decrypt(stored) if stored else {}
    if data.get("provider") != "meta-select":
        raise OAuthProblem(_("Sesi penyambungan sudah berakhir. Mulai lagi dari menu Kanal media sosial."))
    return data["site"], data["candidates"]


def meta_save(request, site, chosen):
    request.session.pop(SESSION_KEY, None)
    return [save_account(site, request.user, **candidate) for candidate in chosen]


def _https_or_blank(url):
    """A picture address the admin may show: only https (the admin page is https in production)."""
    url = str(url or "")
    return url if url.startswith("https://") else ""


def _json(response):
    response.raise_for_status()
    return response.json()


# X ---------------------------------------------------------------------------------------------

def x_configured():
    return bool(settings.WARTA_X_CONSUMER_KEY and settings.WARTA_X_CONSUMER_SECRET)


def x_start(request, site):
    api = settings.WARTA_X_API_URL.rstrip("/")
    oauth = OAuth1Session(settings.WARTA_X_CONSUMER_KEY, client_secret=settings.WARTA_X_CONSUMER_SECRET,
                          callback_uri=callback_url("x"))
    try:
        tokens = oauth.fetch_request_token(f"{api}/oauth/request_token", timeout=TIMEOUT)
    except (requests.RequestException, ValueError) as exc:
        raise OAuthProblem(_("X tidak dapat dihubungi atau menolak kunci aplikasi (%(error)s).")
                           % {"error": type(exc).__name__}) from None
    _remember(request, provider="x", site=site.pk, token=tokens["oauth_token"], secret=tokens["oauth_token_secret"])
    return oauth.authorization_url(f"{api}/oauth/authorize")


def x_finish(request):
    data = _recall(request)
    if data.get("provider") != "x" or request.GET.get("oauth_token") != data["token"]:
        raise OAuthProblem(_("Jawaban X tidak cocok dengan permintaan ini. Mulai lagi."))
    if request.GET.get("denied"):
        raise OAuthProblem(_("Penyambungan dibatalkan di X."))
    api = settings.WARTA_X_API_URL.rstrip("/")
    oauth = OAuth1Session(settings.WARTA_X_CONSUMER_KEY, client_secret=settings.WARTA_X_CONSUMER_SECRET,
                          resource_owner_key=data["token"], resource_owner_secret=data["secret"],
                          verifier=request.GET.get("oauth_verifier", ""))
    try:
        access = oauth.fetch_access_token(f"{api}/oauth/access_token", timeout=TIMEOUT)
    except (requests.RequestException, ValueError) as exc:
        raise OAuthProblem(_("X menolak penyambungan (%(error)s). Mulai lagi.") % {"error": type(exc).__name__}) \
            from None
    from wagtail.models import Site

    site = Site.objects.get(pk=data["site"])
    return save_account(
        site, request.user, platform=platform_rules.X, external_id=str(access["user_id"]),
        name=f"X @{access.get('screen_name', '')}", handle=access.get("screen_name", ""),
        credentials={"oauth_token": access["oauth_token"], "oauth_token_secret": access["oauth_token_secret"]},
    )


# Threads ---------------------------------------------------------------------------------------

THREADS_SCOPES = "threads_basic,threads_content_publish,threads_manage_insights"


def threads_configured():
    return bool(settings.WARTA_THREADS_APP_ID and settings.WARTA_THREADS_APP_SECRET)


def threads_start(request, site):
    session = OAuth2Session(settings.WARTA_THREADS_APP_ID, redirect_uri=callback_url("threads"),
                            scope=THREADS_SCOPES)
    url, state = session.authorization_url(settings.WARTA_THREADS_AUTH_URL)
    _remember(request, provider="threads", state=state, site=site.pk)
    return url


def threads_finish(request):
    """Exchange the code for a token, that token for a long-lived one (60 days), and read the profile."""
    data = _recall(request)
    if data.get("provider") != "threads" or request.GET.get("state") != data["state"]:
        raise OAuthProblem(_("Jawaban Threads tidak cocok dengan permintaan ini. Mulai lagi."))
    if request.GET.get("error"):
        raise OAuthProblem(_("Penyambungan dibatalkan di Threads: %(reason)s") % {
            "reason": request.GET.get("error_description") or request.GET["error"]})
    api = settings.WARTA_THREADS_API_URL.rstrip("/")
    # Threads appends "#_" to the code it hands back; it is not part of the code.
    code = request.GET.get("code", "").removesuffix("#_")
    try:
        short = _json(requests.post(f"{api}/oauth/access_token", timeout=TIMEOUT, data={
            "client_id": settings.WARTA_THREADS_APP_ID, "client_secret": settings.WARTA_THREADS_APP_SECRET,
            "grant_type": "authorization_code", "redirect_uri": callback_url("threads"), "code": code}))
        long_lived = _json(requests.get(f"{api}/access_token", timeout=TIMEOUT, params={
            "grant_type": "th_exchange_token", "client_secret": settings.WARTA_THREADS_APP_SECRET,
            "access_token": short["access_token"]}))
        token = long_lived["access_token"]
        profile = _json(requests.get(f"{api}/me", timeout=TIMEOUT, params={
            "fields": "id,username,threads_profile_picture_url"}, headers={"Authorization": f"Bearer {token}"}))
    except (requests.RequestException, ValueError, KeyError) as exc:
        raise OAuthProblem(_("Threads tidak dapat dihubungi atau menolak permintaan (%(error)s). Coba lagi.")
                           % {"error": type(exc).__name__}) from None
    from wagtail.models import Site

    site = Site.objects.get(pk=data["site"])
    username = profile.get("username", "")
    return save_account(
        site, request.user, platform=platform_rules.THREADS, external_id=str(profile["id"]),
        name=f"Threads @{username}", handle=username, credentials={"access_token": token},
        expires_at=timezone.now() + timedelta(seconds=int(long_lived.get("expires_in") or 0)),
        avatar_url=_https_or_blank(profile.get("threads_profile_picture_url", "")),
    )


# Saving ----------------------------------------------------------------------------------------

@transaction.atomic
def save_account(site, user, *, platform, external_id, name, handle, credentials, expires_at=None, avatar_url=""):
    """Create the account, or reconnect it (new credentials, health reset) if the court already has it."""
    account = SocialAccount.objects.filter(site=site, platform=platform, external_id=external_id).first()
    is_new = account is None
    if is_new:
        account = SocialAccount(site=site, platform=platform, external_id=external_id, name=name[:200])
    account.handle = handle
    account.avatar_url = avatar_url[:1000]
    account.credentials = credentials
    account.token_expires_at = expires_at
    account.needs_reconnect = False
    account.last_error = ""
    account.expiry_warned_at = None
    account.paused_until = None
    account.connected_by = user
    account.connected_at = timezone.now()
    account.save()
    # Who connected which account, and when, in the channel's history (never the token). Its own uuid:
    # Wagtail's history keeps one entry per (uuid, action), and one Meta login connects several accounts.
    log(instance=account, action="wagtail.create" if is_new else "wagtail.edit", user=user, uuid=uuid.uuid4())
    return account
