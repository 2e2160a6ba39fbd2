"""One HTTP client for every publisher (social channels, webhooks): timeouts, error kinds, no leaked tokens.

requests does the HTTP; this module decides what a failure means for an
outbox that must never double a post: a failure before the request left
(connection refused, connect timeout, a 429) is safe to retry; a failure
after it left (read timeout, dropped connection, most 5xx) of an
irreversible call is AMBIGUOUS and must be confirmed with the platform first.
"""

import logging
import re
import threading

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from core import outbound
from publishers.errors import DeliveryError, ErrorKind

logger = logging.getLogger(__name__)

SAFE_CONNECTION_ERRORS = ("NewConnectionError", "NameResolutionError", "ConnectTimeoutError")
_local = threading.local()


USER_AGENT = "Warta/1.0 (+court publishing)"


def _per_thread(name, make):
    """One session of a kind per worker thread, so calls reuse their connections."""
    session = getattr(_local, name, None)
    if session is None:
        session = make()
        session.headers["User-Agent"] = USER_AGENT
        setattr(_local, name, session)
    return session


def shared_session():
    """One requests.Session per worker thread, so calls to a platform reuse their connections."""
    return _per_thread("session", requests.Session)


def guarded_session():
    """The shared session's twin for addresses people typed in (webhooks): only public addresses (core.outbound)."""
    return _per_thread("guarded_session", outbound.guarded_session)


def redact(text, secrets):
    text = str(text or "")
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, "***")
    # Bot tokens look like 123456:ABC-def; they travel in the URL path.
    return re.sub(r"bot\d+:[\w-]+", "bot***", text)


def _left_the_building(exc):
    """True when the request may have reached the platform before the failure."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    seen = exc
    for _depth in range(6):
        if type(seen).__name__ in SAFE_CONNECTION_ERRORS:
            return False
        reason = getattr(seen, "reason", None)
        nxt = reason or (seen.args[0] if getattr(seen, "args", None) else None) or seen.__cause__ or seen.__context__
        if nxt is None or not isinstance(nxt, BaseException):
            break
        seen = nxt
    return True


class ApiClient:
    """Calls one platform's API for one account.

    ``interpret`` turns a non-2xx response into a DeliveryError (platform
    specific); ``on_response`` reads rate-limit headers.
    """

    def __init__(self, channel, base_url, *, auth=None, headers=None, secrets=(), interpret=None,
                 on_response=None, guarded=False):
        self.channel = channel
        # guarded: the URL is user input (a webhook), not a platform's configured API (see core.outbound).
        self.session = guarded_session if guarded else shared_session
        self.base_url = base_url.rstrip("/")
        # Credentials travel per request; the pooled session is shared by every account.
        self.auth = auth
        self.headers = dict(headers or {})
        self.secrets = [s for s in secrets if s]
        self.interpret = interpret
        self.on_response = on_response

    @property
    def timeout(self):
        return getattr(settings, "WARTA_SOCIAL_HTTP_TIMEOUT", (5, 30))

    def url(self, path):
        return path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"

    def call(self, method, path, *, irreversible=False, expect_json=True, **kwargs):
        url = self.url(path)
        shown = redact(url.split("?")[0], self.secrets)
        headers = {**self.headers, **(kwargs.pop("headers", None) or {})}
        try:
            response = self.session().request(method, url, timeout=self.timeout, auth=self.auth, headers=headers,
                                              **kwargs)
        except outbound.BlockedAddress as exc:
            raise DeliveryError(
                ErrorKind.PERMANENT,
                _("%(platform)s beralamat di jaringan internal (%(address)s); Warta tidak mengirim ke sana. "
                  "Ganti alamat URL-nya, atau minta pengelola server mengizinkannya "
                  "(WARTA_OUTBOUND_ALLOWED_HOSTS).") % {"platform": self.channel.label, "address": exc.address},
                str(exc),
            ) from None
        except requests.exceptions.RequestException as exc:
            ambiguous = irreversible and _left_the_building(exc)
            logger.warning("%s %s failed: %s", method, shown, type(exc).__name__)
            raise DeliveryError(
                ErrorKind.AMBIGUOUS if ambiguous else ErrorKind.TRANSIENT,
                _("%(platform)s tidak menjawab (gangguan jaringan). Warta akan mencoba lagi.")
                % {"platform": self.channel.label},
                redact(f"{type(exc).__name__}: {exc}", self.secrets),
            ) from None
        logger.info("%s %s -> %s", method, shown, response.status_code)
        if self.on_response:
            self.on_response(response)
        if response.status_code >= 400:
            error = self.interpret(response, irreversible) if self.interpret else None
            if error is None:
                error = self.default_error(response, irreversible)
            error.detail = redact(error.detail or response.text[:1000], self.secrets)
            raise error
        if not expect_json:
            return response
        try:
            return response.json()
        except ValueError:
            raise DeliveryError(
                ErrorKind.AMBIGUOUS if irreversible else ErrorKind.TRANSIENT,
                _("%(platform)s memberi jawaban yang tidak dapat dibaca. Warta akan memeriksa dan mencoba lagi.")
                % {"platform": self.channel.label},
                redact(response.text[:500], self.secrets),
            ) from None

    def default_error(self, response, irreversible):
        status = response.status_code
        if status == 429:
            return DeliveryError(
                ErrorKind.TRANSIENT,
                _("%(platform)s membatasi jumlah kiriman untuk sementara. Warta akan mencoba lagi.")
                % {"platform": self.channel.label},
                retry_after=retry_after_header(response), code=status,
            )
        if status >= 500:
            return DeliveryError(
                ErrorKind.AMBIGUOUS if irreversible else ErrorKind.TRANSIENT,
                _("%(platform)s sedang bermasalah (galat %(status)d). Warta akan mencoba lagi.")
                % {"platform": self.channel.label, "status": status},
                code=status,
            )
        if status in (401, 403):
            return DeliveryError(
                ErrorKind.PERMANENT,
                _("%(platform)s menolak akses. Sambungkan ulang kanal ini di menu Kanal media sosial.")
                % {"platform": self.channel.label},
                reconnect=True, code=status,
            )
        return DeliveryError(
            ErrorKind.PERMANENT,
            _("%(platform)s menolak kiriman ini.") % {"platform": self.channel.label},
            code=status,
        )


def retry_after_header(response):
    value = response.headers.get("Retry-After")
    if value and value.strip().isdigit():
        return int(value.strip())
    return None
