"""Fake X API: OAuth 1.0a (every request's signature checked with oauthlib's server side), media upload v2,
posts, a user's recent posts, deletion and metrics."""

import itertools
import secrets
from datetime import datetime
from urllib.parse import urlencode

from oauthlib.oauth1 import AccessTokenEndpoint, RequestTokenEndpoint, RequestValidator, SignatureOnlyEndpoint
from oauthlib.oauth1.rfc5849 import utils
from twitter_text import extract_urls_with_indices, parse_tweet

from .base import FakePlatform, Problem, Response


def weighted_length(text):
    """X counts a post with its twitter-text rules."""
    return parse_tweet(text).weightedLength


def wrap_links(text):
    """The text as X stores it: every link twitter-text finds (a bare domain too) becomes a t.co link."""
    for url in reversed(extract_urls_with_indices(text)):
        start, end = url["indices"]
        text = text[:start] + f"https://t.co/{secrets.token_hex(5)}" + text[end:]
    return text


def problem(status, title, detail, headers=None):
    return Response(status, {"title": title, "detail": detail, "type": "about:blank", "status": status},
                    headers=headers or {})


class Validator(RequestValidator):
    """The fake's OAuth 1.0a storage; format checks are relaxed, signatures are checked for real."""

    enforce_ssl = False

    def __init__(self, fake):
        super().__init__()
        self.fake = fake
        self.nonces = set()

    # format checks: X's keys do not follow oauthlib's default lengths
    def check_client_key(self, client_key):
        return True

    def check_request_token(self, request_token):
        return True

    def check_access_token(self, request_token):
        return True

    def check_nonce(self, nonce):
        return True

    def check_verifier(self, verifier):
        return True

    @property
    def dummy_client(self):
        return "dummy-client"

    @property
    def dummy_request_token(self):
        return "dummy-request-token"

    @property
    def dummy_access_token(self):
        return "dummy-access-token"

    def validate_client_key(self, client_key, request):
        return client_key == self.fake.consumer_key

    def get_client_secret(self, client_key, request):
        return self.fake.consumer_secret if client_key == self.fake.consumer_key else "dummy-secret"

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request, request_token=None,
                                     access_token=None):
        key = (client_key, timestamp, nonce, request_token or access_token)
        if key in self.nonces:
            return False
        self.nonces.add(key)
        return True

    def validate_redirect_uri(self, client_key, redirect_uri, request):
        return redirect_uri.startswith("http")

    def get_default_realms(self, client_key, request):
        return []

    def validate_requested_realms(self, client_key, realms, request):
        return True

    def get_realms(self, token, request):
        return []

    def save_request_token(self, token, request):
        self.fake.request_tokens[token["oauth_token"]] = {
            "secret": token["oauth_token_secret"], "callback": request.redirect_uri, "verifier": None}

    def validate_request_token(self, client_key, token, request):
        return token in self.fake.request_tokens

    def get_request_token_secret(self, client_key, token, request):
        entry = self.fake.request_tokens.get(token)
        return entry["secret"] if entry else "dummy-secret"

    def validate_verifier(self, client_key, token, verifier, request):
        entry = self.fake.request_tokens.get(token)
        return bool(entry and entry["verifier"] == verifier)

    def invalidate_request_token(self, client_key, request_token, request):
        self.fake.request_tokens.pop(request_token, None)

    def save_access_token(self, token, request):
        self.fake.access_tokens[token["oauth_token"]] = {
            "secret": token["oauth_token_secret"], "user_id": token["user_id"], "valid": True}

    def get_access_token_secret(self, client_key, token, request):
        entry = self.fake.access_tokens.get(token)
        return entry["secret"] if entry else "dummy-secret"


class XFake(FakePlatform):
    name = "x"
    image_limit = 5 * 1024 * 1024

    def __init__(self, clock=None):
        self.consumer_key = "warta-consumer-key-" + secrets.token_hex(4)
        self.consumer_secret = "warta-consumer-secret-" + secrets.token_hex(8)
        self.request_tokens = {}
        self.access_tokens = {}
        self.users = {}  # user_id -> screen_name
        self.media = {}  # media_id -> {"media_key", "user_id"}
        self.public_metrics_of = {}  # tweet id -> public_metrics that replace the defaults below
        self.tweets = []
        self.deleted = []
        self.ids = itertools.count(1850000000000000001)
        self.rate_limit_reset_seconds = 60  # a 429's x-rate-limit-reset, from now (the window's end)
        self.validator = Validator(self)
        self.signature_endpoint = SignatureOnlyEndpoint(self.validator)
        self.request_token_endpoint = RequestTokenEndpoint(self.validator)
        self.access_token_endpoint = AccessTokenEndpoint(self.validator)
        self.rejected_signatures = 0
        super().__init__(clock)

    def setup_routes(self):
        self.route("POST", r"/oauth/request_token", self.request_token)
        self.route("GET", r"/oauth/authorize", self.authorize)
        self.route("POST", r"/oauth/access_token", self.access_token)
        self.route("POST", r"/2/media/upload", self.upload)
        self.route("POST", r"/2/tweets", self.create_tweet)
        self.route("GET", r"/2/tweets", self.lookup)
        self.route("DELETE", r"/2/tweets/(?P<tweet>\d+)", self.delete_tweet)
        self.route("GET", r"/2/users/me", self.me)
        self.route("GET", r"/2/users/(?P<user>\d+)/tweets", self.user_tweets)

    # test helpers -----------------------------------------------------------------------------
    def add_user(self, screen_name="PNUji"):
        user_id = str(next(self.ids))
        token, secret = f"{user_id}-{secrets.token_hex(12)}", secrets.token_hex(20)
        self.users[user_id] = screen_name
        self.access_tokens[token] = {"secret": secret, "user_id": user_id, "valid": True}
        return user_id, token, secret

    def revoke(self, token):
        self.access_tokens[token]["valid"] = False

    def tweets_containing(self, text):
        return [t for t in self.tweets if text in t["sent_text"]]

    def failure_response(self, mode, request):
        if mode == "500":
            return problem(503, "Service Unavailable", "Service Unavailable")
        if mode == "429":
            reset = int(self.clock.time()) + self.rate_limit_reset_seconds
            return problem(429, "Too Many Requests", "Too Many Requests", headers={
                "x-rate-limit-limit": "200", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)})
        if mode == "expired_token":
            return problem(401, "Unauthorized", "Unauthorized")
        if mode == "invalid_media":
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        raise ValueError(mode)

    # OAuth 1.0a ------------------------------------------------------------------------------
    def _oauth_body(self, request):
        form_encoded = request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
        return request.body.decode() if form_encoded else None

    def authenticate(self, request):
        valid, oauth_request = self.signature_endpoint.validate_request(
            request.url, request.method, self._oauth_body(request), request.headers)
        if not valid:
            self.rejected_signatures += 1
            raise Problem(problem(401, "Unauthorized", "Unauthorized"))
        token = self.access_tokens.get(oauth_request.resource_owner_key)
        if token is None or not token["valid"]:
            raise Problem(problem(401, "Unauthorized", "Unauthorized"))
        return token["user_id"]

    def request_token(self, request):
        headers, body, status = self.request_token_endpoint.create_request_token_response(
            request.url, request.method, self._oauth_body(request), request.headers)
        return Response(status, body, content_type="application/x-www-form-urlencoded")

    def authorize(self, request):
        """The account holder approves the app; X redirects back with a verifier."""
        token = request.query.get("oauth_token")
        entry = self.request_tokens.get(token)
        if entry is None:
            return Response(400, b"invalid token", content_type="text/plain")
        user_id = next(iter(self.users), None) or self.add_user()[0]
        entry["verifier"] = secrets.token_hex(8)
        entry["user_id"] = user_id
        location = entry["callback"] + ("&" if "?" in entry["callback"] else "?") + urlencode(
            {"oauth_token": token, "oauth_verifier": entry["verifier"]})
        return Response(302, b"", headers={"Location": location})

    def access_token(self, request):
        params = dict(utils.parse_authorization_header(request.headers.get("authorization", "")))
        entry = self.request_tokens.get(params.get("oauth_token"), {})
        user_id = entry.get("user_id", "")
        headers, body, status = self.access_token_endpoint.create_access_token_response(
            request.url, request.method, self._oauth_body(request), request.headers,
            credentials={"user_id": user_id, "screen_name": self.users.get(user_id, "")})
        return Response(status, body, content_type="application/x-www-form-urlencoded")

    # API v2 ---------------------------------------------------------------------------------
    def upload(self, request):
        user_id = self.authenticate(request)
        upload = request.files.get("media")
        if upload is None:
            return problem(400, "Invalid Request", "media is required")
        content = upload["content"]
        if len(content) > self.image_limit:
            return problem(400, "Invalid Request", "File size exceeds 5242880 bytes.")
        if not content.startswith(b"\xff\xd8") and not content.startswith(b"\x89PNG"):
            return problem(400, "Invalid Request", "media type unrecognized.")
        media_id = str(next(self.ids))
        self.media[media_id] = {"media_key": f"3_{media_id}", "user_id": user_id}
        return Response(200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(content),
                                       "expires_after_secs": 86400,
                                       "image": {"image_type": "image/jpeg"}}})

    def create_tweet(self, request):
        user_id = self.authenticate(request)
        body = request.json or {}
        text = body.get("text", "")
        if weighted_length(text) > 280:
            return problem(400, "Invalid Request", "Your Tweet text is too long.")
        media_ids = (body.get("media") or {}).get("media_ids", [])
        keys = []
        for media_id in media_ids:
            item = self.media.get(str(media_id))
            if item is None or item["user_id"] != user_id:
                return problem(400, "Invalid Request", "Your media IDs are invalid.")
            keys.append(item["media_key"])
        with self.lock:
            if any(t["sent_text"] == text and t["user_id"] == user_id for t in self.tweets):
                return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
            tweet_id = str(next(self.ids))
            stored = wrap_links(text)
            self.tweets.append({"id": tweet_id, "user_id": user_id, "sent_text": text, "text": stored,
                                "media_keys": keys, "created": self.clock.time()})
        return Response(201, {"data": {"id": tweet_id, "text": stored,
                                       "edit_history_tweet_ids": [tweet_id]}})

    def user_tweets(self, request, user):
        user_id = self.authenticate(request)
        if user_id != user:
            return problem(403, "Forbidden", "Not allowed")
        start, end = request.query.get("start_time"), request.query.get("end_time")
        since = datetime.fromisoformat(start.replace("Z", "+00:00")).timestamp() if start else 0
        until = datetime.fromisoformat(end.replace("Z", "+00:00")).timestamp() if end else 2**40
        limit = int(request.query.get("max_results", 10))
        offset = int(request.query.get("pagination_token") or 0)
        matching = [t for t in reversed(self.tweets) if t["user_id"] == user and since <= t["created"] <= until]
        items = matching[offset:offset + limit]
        meta = {"result_count": len(items)}
        if offset + limit < len(matching):
            meta["next_token"] = str(offset + limit)
        data = []
        for tweet in items:
            entry = {"id": tweet["id"], "text": tweet["text"], "edit_history_tweet_ids": [tweet["id"]]}
            if tweet["media_keys"]:
                entry["attachments"] = {"media_keys": tweet["media_keys"]}
            data.append(entry)
        return Response(200, {"data": data, "meta": meta} if data else {"meta": meta})

    def delete_tweet(self, request, tweet):
        user_id = self.authenticate(request)
        for item in self.tweets:
            if item["id"] == tweet and item["user_id"] == user_id:
                self.tweets.remove(item)
                self.deleted.append(item)
                return Response(200, {"data": {"deleted": True}})
        return problem(404, "Not Found Error", "Could not find tweet")

    def lookup(self, request):
        self.authenticate(request)
        ids = request.query.get("ids", "").split(",")
        data = [{"id": t["id"], "text": t["text"], "public_metrics": self.public_metrics_of.get(t["id"], {
            "retweet_count": 1, "reply_count": 0, "like_count": 4, "quote_count": 0, "bookmark_count": 0,
            "impression_count": 120})} for t in self.tweets if t["id"] in ids]
        return Response(200, {"data": data})

    def me(self, request):
        user_id = self.authenticate(request)
        return Response(200, {"data": {"id": user_id, "name": "Pengadilan", "username": self.users[user_id]}})
