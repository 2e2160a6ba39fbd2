"""What the Facebook and Instagram fakes share: Meta's tokens, Graph error bodies, image fetching."""

import io
import itertools
import json
import secrets

import requests
from PIL import Image

from .base import FakePlatform, Problem, Response, bearer_token

MB = 1024 * 1024


class MetaTokens:
    """Tokens Meta knows about, shared by the Facebook and Instagram fakes (one Meta)."""

    app_id = "1234567890"
    app_secret = "fb-app-secret-0123456789"

    def __init__(self):
        self.tokens = {}  # token -> {"kind", "expires_at", "scopes", "subject"}
        self.ids = itertools.count(17841400000000000)

    def issue(self, kind, subject="", expires_at=0, scopes=()):
        token = f"EAA{kind[:2].upper()}{secrets.token_hex(16)}"
        self.tokens[token] = {"kind": kind, "expires_at": expires_at, "scopes": list(scopes), "subject": subject,
                              "valid": True}
        return token

    def revoke(self, token):
        self.tokens[token]["valid"] = False

    def info(self, token):
        return self.tokens.get(token)

    def next_id(self):
        return str(next(self.ids))


def paged(request, items, default_limit=25):
    """A Graph API list page with cursor paging (``after``), as Meta returns it."""
    limit = int(request.query.get("limit", default_limit))
    start = int(request.query.get("after", 0))
    chunk = items[start:start + limit]
    body = {"data": chunk}
    if start + limit < len(items):
        body["paging"] = {"cursors": {"before": str(start), "after": str(start + limit)},
                          "next": f"{request.url.split('?')[0]}?after={start + limit}"}
    else:
        body["paging"] = {"cursors": {"before": str(start), "after": str(start + len(chunk))}}
    return body


def graph_error(status, message, code, subcode=None, *, transient=False, headers=None):
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": secrets.token_hex(6)}
    if subcode:
        error["error_subcode"] = subcode
    if transient:
        error["is_transient"] = True
    return Response(status, {"error": error}, headers=headers or {})


class GraphFake(FakePlatform):
    image_limit = 8 * MB

    def __init__(self, tokens, clock=None):
        self.meta = tokens
        self.app_id, self.app_secret = tokens.app_id, tokens.app_secret
        super().__init__(clock)
        self.usage_percent = 5  # what X-App-Usage reports
        self.regain_minutes = 2  # a 429's estimated_time_to_regain_access (whole minutes, as Meta sends it)
        self.fetched = {}
        self.route("GET", r"/debug_token", self.debug_token)
        self.routes.insert(0, self.routes.pop())  # before the catch-all node routes

    def authenticate(self, request):
        token = bearer_token(request)
        info = self.meta.info(token) if token else None
        if not info or not info["valid"] or (info["expires_at"] and info["expires_at"] < self.clock.time()):
            raise Problem(graph_error(400, "Error validating access token: The session has been invalidated "
                                           "because the user changed their password.", 190, 460))
        return info

    def debug_token(self, request):
        self.authenticate_app_or_token(request)
        info = self.meta.info(request.query.get("input_token"))
        if not info:
            return Response(200, {"data": {"is_valid": False, "error": {"code": 190, "message": "Invalid token"}}})
        valid = info["valid"] and not (info["expires_at"] and info["expires_at"] < self.clock.time())
        return Response(200, {"data": {"app_id": self.app_id, "type": info["kind"].upper(), "is_valid": valid,
                                       "expires_at": info["expires_at"], "scopes": info["scopes"]}})

    def authenticate_app_or_token(self, request):
        auth = request.headers.get("authorization", "")
        if auth == f"Bearer {self.app_id}|{self.app_secret}":
            return
        self.authenticate(request)

    def failure_response(self, mode, request):
        if mode == "500":
            return graph_error(500, "An unexpected error has occurred. Please retry your request later.", 2,
                               transient=True)
        if mode == "429":
            usage = {"1234": [{"type": "pages", "call_count": 100, "total_cputime": 40, "total_time": 60,
                               "estimated_time_to_regain_access": self.regain_minutes}]}
            return graph_error(400, "(#32) Page request limit reached", 32,
                               headers={"X-Business-Use-Case-Usage": json.dumps(usage)})
        if mode == "expired_token":
            return graph_error(400, "Error validating access token: Session has expired.", 190, 463)
        if mode == "invalid_media":
            return self.invalid_media_response()
        raise ValueError(mode)

    def usage_headers(self):
        return {"X-App-Usage": json.dumps({"call_count": self.usage_percent, "total_time": 1, "total_cputime": 1})}

    def fetch_image(self, url, *, jpeg_only):
        """Download the image like Meta does; raise the platform's error if it cannot be used.

        A URL already fetched and checked is not decoded again (renditions never change), which keeps
        the 200-item test fast; the first fetch of every URL is real."""
        cached = self.fetched.get((url, jpeg_only))
        if cached:
            return cached
        try:
            response = requests.get(url, timeout=5)
        except requests.RequestException:
            raise Problem(self.fetch_failed_response()) from None
        if response.status_code != 200:
            raise Problem(self.fetch_failed_response())
        content = response.content
        try:
            image = Image.open(io.BytesIO(content))
            image.load()
        except Exception:
            raise Problem(self.invalid_media_response()) from None
        if jpeg_only and image.format != "JPEG":
            raise Problem(self.invalid_media_response())
        if len(content) > self.image_limit:
            raise Problem(self.too_large_response())
        self.fetched[(url, jpeg_only)] = (image, content)
        return image, content

    def fetch_failed_response(self):
        return graph_error(400, "Media download has failed.", 9004, 2207052)

    def invalid_media_response(self):
        return graph_error(400, "Invalid parameter", 100, 2207005)

    def too_large_response(self):
        return graph_error(400, "The image size is too large.", 100, 2207004)
