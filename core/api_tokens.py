"""Limits on Wagtail's API tokens (the v3 API, Pengaturan → Token API).

Wagtail 8's APIToken has no expiry and no rate limit of its own: a token older than
WARTA_API_TOKEN_MAX_AGE_DAYS is revoked when it is next presented (so Wagtail answers 401 as for any revoked
token), each token may make WARTA_API_TOKEN_RATE requests (django-ninja's throttle, 429 past it), and every
token of a user is revoked when their password changes (core/audit.py calls revoke_tokens_of).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from ninja.throttling import SimpleRateThrottle
from wagtail.models import APIToken

BEARER = "Bearer "


class APITokenRateThrottle(SimpleRateThrottle):
    """django-ninja's rate throttle keyed on the token that authenticated the request (Wagtail's
    BearerTokenAuth sets request.auth to the APIToken); requests without a token are not counted here."""

    scope = "apitoken"

    def __init__(self):
        super().__init__(rate=settings.WARTA_API_TOKEN_RATE)

    def allow_request(self, request):
        # the rate is read per request so that a changed setting (tests, a reload) applies at once
        if self.rate != settings.WARTA_API_TOKEN_RATE:
            self.rate = settings.WARTA_API_TOKEN_RATE
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request):
        token = getattr(request, "auth", None)
        if not isinstance(token, APIToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}


def install_throttle():
    """Give every operation of Wagtail's v3 API the per-token throttle; called from core's ready(), before
    the URLconf binds the API's routers (django-ninja reads api.throttle then)."""
    from wagtail.api.v3.api import api

    api.throttle = [APITokenRateThrottle()]


def revoke_expired(token_text):
    """Revoke the presented token if it is older than the maximum age; one UPDATE, nothing when it is not."""
    max_age = settings.WARTA_API_TOKEN_MAX_AGE_DAYS
    if not max_age or not APIToken.validate_token_format(token_text):
        return 0
    now = timezone.now()
    return APIToken.objects.filter(
        key_hash__in=APIToken.candidate_key_hashes(token_text),
        revoked_at__isnull=True,
        created__lt=now - timedelta(days=max_age),
    ).update(revoked_at=now)


def revoke_tokens_of(user):
    """Revoke every live token of this user; returns how many."""
    return APIToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


class APITokenExpiryMiddleware:
    """Applies the maximum age to a bearer token before Wagtail's BearerTokenAuth reads it: Wagtail offers no
    hook inside its authentication for an expiry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header.startswith(BEARER):
            revoke_expired(header[len(BEARER):].strip())
        return self.get_response(request)
