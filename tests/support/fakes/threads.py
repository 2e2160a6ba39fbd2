"""Fake Threads API (graph.threads.net), written from Meta's Threads API documentation.

OAuth: the authorization window (``/oauth/authorize``: client id, redirect URI, scopes, state; it answers with a
code), the code exchange (``POST /oauth/access_token``: client id and secret, grant_type=authorization_code, the
same redirect URI, a code used once), the long-lived token (``GET /access_token?grant_type=th_exchange_token``,
60 days) and its refresh (``GET /refresh_access_token?grant_type=th_refresh_token``). Every API call checks the
token. Posting: media containers (TEXT or IMAGE, the image fetched from its URL), their status, publishing,
the profile's posts, the publishing quota (250 per 24 hours), insights.
"""

import itertools
import re
import secrets
import time
from urllib.parse import urlencode

from .base import Problem, Response
from .graph import GraphFake, MetaTokens, graph_error, paged

LINK = re.compile(r"https?://\S+|\b[\w-]+(\.[\w-]+)+\.(?:id|com|net|org|info)(/\S*)?", re.IGNORECASE)
SCOPES_NEEDED = {"threads_basic", "threads_content_publish"}


class ThreadsTokens(MetaTokens):
    """Threads is its own app at Meta: its own id and secret."""

    app_id = "9876543210"
    app_secret = "threads-app-secret-0123456789"


def threads_length(text):
    """Characters, with an emoji counted as its UTF-8 bytes (Threads' documented limit)."""
    def emoji(char):
        point = ord(char)
        return (point >= 0x1F000 or 0x2300 <= point <= 0x23FF or 0x2600 <= point <= 0x27BF
                or 0x2B00 <= point <= 0x2BFF or 0xFE00 <= point <= 0xFE0F or point == 0x200D)
    return sum(len(char.encode()) if emoji(char) else 1 for char in text)


class ThreadsFake(GraphFake):
    name = "threads"

    def __init__(self, clock=None):
        self.codes = {}  # code -> {"redirect_uri", "scope", "user"}
        self.profiles = {}  # threads user id -> {"username", "followers"}
        self.next_login = None  # the profile the next authorization logs in as
        self.containers = {}
        self.posts = []
        self.quota_total = 250
        self.processing_polls = 0  # IN_PROGRESS answers before FINISHED
        self.listing_lag = 0
        self.insights_of = {}
        self.counter = itertools.count(1)
        super().__init__(ThreadsTokens(), clock)

    def setup_routes(self):
        self.route("GET", r"/oauth/authorize", self.authorize)
        self.route("POST", r"/oauth/access_token", self.access_token)
        self.route("GET", r"/access_token", self.long_lived)
        self.route("GET", r"/refresh_access_token", self.refresh)
        self.route("GET", r"/me", self.me)
        self.route("POST", r"/(?P<user>\d+)/threads", self.create_container)
        self.route("GET", r"/(?P<user>\d+)/threads", self.list_posts)
        self.route("POST", r"/(?P<user>\d+)/threads_publish", self.publish)
        self.route("GET", r"/(?P<user>\d+)/threads_publishing_limit", self.publishing_limit)
        self.route("GET", r"/(?P<user>\d+)/threads_insights", self.user_insights)
        self.route("GET", r"/(?P<node>\d+)/insights", self.media_insights)
        self.route("GET", r"/(?P<node>\d+)", self.read_node)

    # set-up helpers for tests -----------------------------------------------------------------
    def add_profile(self, username="pnuji", followers=321):
        user_id = self.meta.next_id()
        self.profiles[user_id] = {"username": username, "followers": followers}
        self.next_login = user_id
        return user_id

    def long_lived_token(self, user_id):
        return self.meta.issue("user", subject=user_id, scopes=sorted(SCOPES_NEEDED | {"threads_manage_insights"}),
                               expires_at=int(self.clock.time()) + 60 * 86400)

    def posts_containing(self, text):
        return [post for post in self.posts if text in post["text"]]

    # OAuth ------------------------------------------------------------------------------------
    def authorize(self, request):
        """The person logs in to Threads and approves; the window redirects back with a code."""
        query = request.query
        if query.get("client_id") != self.app_id or query.get("response_type") != "code":
            return Response(400, {"error": "invalid client_id or response_type"})
        scopes = set(query.get("scope", "").replace(",", " ").split())
        if not SCOPES_NEEDED <= scopes:
            return Response(400, {"error": "missing scopes"})
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"redirect_uri": query["redirect_uri"], "scope": scopes, "user": self.next_login}
        location = query["redirect_uri"] + "?" + urlencode({"code": code + "#_", "state": query.get("state", "")})
        return Response(302, b"", headers={"Location": location})

    def access_token(self, request):
        if request.param("client_id") != self.app_id or request.param("client_secret") != self.app_secret:
            return graph_error(400, "Error validating client secret.", 1)
        if request.param("grant_type") != "authorization_code":
            return graph_error(400, "Unsupported grant_type", 100)
        grant = self.codes.pop(request.param("code", "").removesuffix("#_"), None)
        if grant is None or grant["redirect_uri"] != request.param("redirect_uri"):
            return graph_error(400, "Invalid verification code format.", 100, 36007)
        token = self.meta.issue("short", subject=grant["user"], scopes=sorted(grant["scope"]),
                                expires_at=int(self.clock.time()) + 3600)
        return Response(200, {"access_token": token, "user_id": int(grant["user"])})

    def long_lived(self, request):
        if request.param("grant_type") != "th_exchange_token" or request.param("client_secret") != self.app_secret:
            return graph_error(400, "Error validating client secret.", 1)
        info = self.meta.info(request.param("access_token"))
        if not info or not info["valid"] or info["kind"] != "short":
            return graph_error(400, "Invalid OAuth access token.", 190)
        token = self.meta.issue("user", subject=info["subject"], scopes=info["scopes"],
                                expires_at=int(self.clock.time()) + 60 * 86400)
        return Response(200, {"access_token": token, "token_type": "bearer", "expires_in": 60 * 86400})

    def refresh(self, request):
        info = self.authenticate(request)
        if request.param("grant_type") != "th_refresh_token" or info["kind"] != "user":
            return graph_error(400, "Invalid grant_type", 100)
        token = self.meta.issue("user", subject=info["subject"], scopes=info["scopes"],
                                expires_at=int(self.clock.time()) + 60 * 86400)
        return Response(200, {"access_token": token, "token_type": "bearer", "expires_in": 60 * 86400})

    def profile_for(self, request, user):
        info = self.authenticate(request)
        if info["subject"] != user or user not in self.profiles:
            raise Problem(graph_error(403, "(#10) Application does not have permission for this action", 10))
        return info

    def me(self, request):
        info = self.authenticate(request)
        profile = self.profiles[info["subject"]]
        return Response(200, {"id": info["subject"], "username": profile["username"],
                              "threads_profile_picture_url": f"https://scontent.threads.example/{info['subject']}.jpg"})

    # Posting ----------------------------------------------------------------------------------
    def create_container(self, request, user):
        info = self.profile_for(request, user)
        if "threads_content_publish" not in info["scopes"]:
            return graph_error(403, "(#10) The user has not granted threads_content_publish", 10)
        media_type = request.param("media_type")
        text = request.param("text", "")
        if media_type not in ("TEXT", "IMAGE"):
            return graph_error(400, "(#100) Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}", 100)
        if media_type == "TEXT" and not text:
            return graph_error(400, "(#100) Param text is required for TEXT posts", 100)
        if threads_length(text) > 500:
            return graph_error(400, "(#100) Param text must be at most 500 characters long.", 100)
        if len({m.group(0) for m in LINK.finditer(text)}) > 5:
            return graph_error(400, "THREADS_API__LINK_LIMIT_EXCEEDED", 100)
        if media_type == "IMAGE":
            image_url = request.param("image_url")
            if not image_url:
                return graph_error(400, "(#100) Param image_url is required for IMAGE posts", 100)
            self.fetch_image(image_url, jpeg_only=False)
        container_id = self.meta.next_id()
        with self.lock:
            self.containers[container_id] = {"user": user, "text": text, "media_type": media_type,
                                             "status": "IN_PROGRESS", "polls": 0, "created": self.clock.time()}
        return Response(200, {"id": container_id}, headers=self.usage_headers())

    def used_quota(self, user):
        since = self.clock.time() - 24 * 3600
        return sum(1 for post in self.posts if post["user"] == user and post["timestamp"] >= since)

    def publishing_limit(self, request, user):
        self.profile_for(request, user)
        return Response(200, {"data": [{"quota_usage": self.used_quota(user),
                                        "config": {"quota_total": self.quota_total, "quota_duration": 86400}}]})

    def publish(self, request, user):
        self.profile_for(request, user)
        container = self.containers.get(str(request.param("creation_id")))
        if container is None or container["user"] != user:
            return graph_error(400, "(#100) Invalid creation_id", 100)
        if self.used_quota(user) >= self.quota_total:
            return graph_error(400, "(#4) Application request limit reached", 4)
        with self.lock:
            if container["status"] == "PUBLISHED":
                return graph_error(400, "The media has already been published", 100)
            if container["status"] != "FINISHED":
                return graph_error(400, "Media not ready for publishing", 100, 4279009)
            media_id = self.meta.next_id()
            number = next(self.counter)
            self.posts.append({"id": media_id, "user": user, "text": container["text"],
                               "media_type": container["media_type"], "timestamp": self.clock.time(),
                               "permalink": f"https://www.threads.net/@{self.profiles[user]['username']}/post/"
                                            f"WARTA{number}"})
            container["status"] = "PUBLISHED"
        return Response(200, {"id": media_id}, headers=self.usage_headers())

    def read_node(self, request, node):
        self.authenticate(request)
        container = self.containers.get(node)
        if container is not None:
            with self.lock:
                if container["status"] == "IN_PROGRESS":
                    container["polls"] += 1
                    if container["polls"] > self.processing_polls:
                        container["status"] = "FINISHED"
                if container["status"] in ("IN_PROGRESS", "FINISHED") and \
                        self.clock.time() - container["created"] > 24 * 3600:
                    container["status"] = "EXPIRED"
            return Response(200, {"id": node, "status": container["status"]})
        for post in self.posts:
            if post["id"] == node:
                return Response(200, {"id": node, "permalink": post["permalink"], "text": post["text"],
                                      "timestamp": _iso(post["timestamp"])})
        return graph_error(400, "Unsupported get request.", 100, 33)

    def list_posts(self, request, user):
        self.profile_for(request, user)
        since = int(request.query.get("since", 0))
        items = [{"id": post["id"], "text": post["text"], "permalink": post["permalink"],
                  "timestamp": _iso(post["timestamp"])}
                 for post in reversed(self.posts)
                 if post["user"] == user and post["timestamp"] >= since
                 and post["timestamp"] <= self.clock.time() - self.listing_lag]
        return Response(200, paged(request, items))

    def media_insights(self, request, node):
        self.authenticate(request)
        if not any(post["id"] == node for post in self.posts):
            return graph_error(400, "Unsupported get request.", 100, 33)
        values = self.insights_of.get(node, {})
        metrics = request.query.get("metric", "").split(",")
        return Response(200, {"data": [{"name": m, "period": "lifetime", "values": [{"value": values.get(m, 5)}]}
                                       for m in metrics]})

    def user_insights(self, request, user):
        self.profile_for(request, user)
        if request.query.get("metric") != "followers_count":
            return graph_error(400, "(#100) metric not supported", 100)
        return Response(200, {"data": [{"name": "followers_count", "period": "day",
                                        "total_value": {"value": self.profiles[user]["followers"]}}]})


def _iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(seconds))
