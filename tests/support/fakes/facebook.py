"""Fake Facebook: Login dialog and token endpoints (with PKCE), Pages and the Graph API calls Warta makes."""

import base64
import hashlib
import itertools
import secrets
from urllib.parse import urlencode

from .base import Problem, Response
from .graph import MB, GraphFake, graph_error, paged


class FacebookFake(GraphFake):
    name = "facebook"
    image_limit = 4 * MB

    def __init__(self, tokens, clock=None):
        self.codes = {}  # code -> {"redirect_uri", "challenge", "method"}
        self.pages = {}  # page_id -> {"name", "token", "instagram": {"id", "username"} | None}
        self.photos = {}  # photo_id -> {"page", "published"}
        self.posts = []  # live feed posts (what the court's followers see)
        self.deleted = []
        self.insights_of = {}  # post_id -> {metric: value}; any other metric asked answers 7
        self.counter = itertools.count(1)
        super().__init__(tokens, clock)

    def setup_routes(self):
        self.route("GET", r"/dialog/oauth", self.dialog)
        self.route("GET", r"/oauth/access_token", self.access_token)
        self.route("POST", r"/oauth/access_token", self.access_token)
        self.route("GET", r"/me/accounts", self.me_accounts)
        self.route("POST", r"/(?P<page>\d+)/photos", self.upload_photo)
        self.route("POST", r"/(?P<page>\d+)/feed", self.create_post)
        self.route("GET", r"/(?P<page>\d+)/published_posts", self.published_posts)
        self.route("GET", r"/(?P<post>\d+_\d+)/insights", self.insights)
        self.route("GET", r"/(?P<post>\d+_\d+)", self.read_post)
        self.route("DELETE", r"/(?P<post>\d+_\d+)", self.delete_post)

    # set-up helpers for tests -----------------------------------------------------------------
    def add_page(self, name="PN Uji", instagram_username=None):
        page_id = self.meta.next_id()
        token = self.meta.issue("page", subject=page_id,
                                scopes=["pages_show_list", "pages_manage_posts", "pages_read_engagement"])
        instagram = {"id": self.meta.next_id(), "username": instagram_username} if instagram_username else None
        self.pages[page_id] = {"name": name, "token": token, "instagram": instagram}
        return page_id, token, instagram

    def posts_containing(self, text):
        return [post for post in self.posts if text in post["message"]]

    # OAuth 2.0 (authorization code with PKCE) ---------------------------------------------------
    def dialog(self, request):
        """The person logs in and approves; the dialog redirects back with a code."""
        if request.query.get("client_id") != self.app_id:
            return Response(400, {"error": "invalid client_id"})
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"redirect_uri": request.query["redirect_uri"],
                            "challenge": request.query.get("code_challenge"),
                            "method": request.query.get("code_challenge_method"),
                            "scope": request.query.get("scope", "")}
        location = request.query["redirect_uri"] + "?" + urlencode({"code": code, "state": request.query["state"]})
        return Response(302, b"", headers={"Location": location})

    def access_token(self, request):
        if request.param("client_id") != self.app_id or request.param("client_secret") != self.app_secret:
            return graph_error(400, "Error validating client secret.", 1)
        if request.param("grant_type") == "fb_exchange_token":
            short = request.param("fb_exchange_token")
            info = self.meta.info(short)
            if not info or not info["valid"]:
                return graph_error(400, "Invalid OAuth access token.", 190)
            token = self.meta.issue("user", subject=info["subject"], scopes=info["scopes"],
                                    expires_at=int(self.clock.time()) + 60 * 86400)
            return Response(200, {"access_token": token, "token_type": "bearer", "expires_in": 60 * 86400})
        grant = self.codes.pop(request.param("code"), None)
        if grant is None or grant["redirect_uri"] != request.param("redirect_uri"):
            return graph_error(400, "This authorization code has expired or been used.", 100, 36007)
        if grant["challenge"]:
            verifier = request.param("code_verifier") or ""
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if grant["method"] != "S256" or digest != grant["challenge"]:
                return graph_error(400, "Invalid code verifier.", 100)
        token = self.meta.issue("user", subject="user", scopes=grant["scope"].replace(",", " ").split(),
                                expires_at=int(self.clock.time()) + 2 * 3600)
        return Response(200, {"access_token": token, "token_type": "bearer", "expires_in": 2 * 3600})

    def me_accounts(self, request):
        info = self.authenticate(request)
        if info["kind"] != "user":
            return graph_error(400, "(#100) Tried accessing nonexisting field (accounts)", 100)
        data = []
        for page_id, page in self.pages.items():
            entry = {"id": page_id, "name": page["name"], "access_token": page["token"], "category": "Government"}
            if page["instagram"]:
                entry["instagram_business_account"] = dict(page["instagram"])
            data.append(entry)
        return Response(200, {"data": data, "paging": {}})

    # Pages ----------------------------------------------------------------------------------
    def page_for(self, request, page):
        info = self.authenticate(request)
        if page not in self.pages or info["subject"] != page:
            raise Problem(graph_error(403, "(#200) The user hasn't authorized the application to perform this "
                                           "action", 200))
        return self.pages[page]

    def upload_photo(self, request, page):
        self.page_for(request, page)
        url = request.param("url")
        if not url:
            return graph_error(400, "(#324) Requires upload file", 324)
        self.fetch_image(url, jpeg_only=False)
        photo_id = self.meta.next_id()
        published = str(request.param("published", "true")).lower() != "false"
        self.photos[photo_id] = {"page": page, "published": published}
        return Response(200, {"id": photo_id}, headers=self.usage_headers())

    def too_large_response(self):
        return graph_error(400, "Photos should be smaller than 4 MB and saved as JPG, PNG", 100, 1366046)

    def invalid_media_response(self):
        return graph_error(400, "(#324) Missing or invalid image file", 324)

    def fetch_failed_response(self):
        return graph_error(400, "(#100) url should represent a valid URL", 100)

    def create_post(self, request, page):
        self.page_for(request, page)
        message = request.param("message", "")
        attached = request.param("attached_media") or []
        for item in attached:
            photo = self.photos.get(str(item.get("media_fbid")))
            if not photo or photo["page"] != page:
                return graph_error(400, "(#100) attached_media: invalid media_fbid", 100)
        with self.lock:
            post_id = f"{page}_{next(self.counter)}"
            self.posts.append({"id": post_id, "message": message, "photos": [str(i["media_fbid"]) for i in attached],
                               "created_time": int(self.clock.time())})
        return Response(200, {"id": post_id}, headers=self.usage_headers())

    def find_post(self, post_id):
        for post in self.posts:
            if post["id"] == post_id:
                return post
        raise Problem(graph_error(400, "Unsupported get request. Object does not exist", 100, 33))

    def permalink(self, post_id):
        page, number = post_id.split("_")
        return f"https://www.facebook.com/{page}/posts/{number}"

    def read_post(self, request, post):
        self.authenticate(request)
        found = self.find_post(post)
        return Response(200, {"id": found["id"], "permalink_url": self.permalink(found["id"])})

    def published_posts(self, request, page):
        self.page_for(request, page)
        since = int(request.query.get("since", 0))
        until = int(request.query.get("until", 2**40))
        posts = [p for p in reversed(self.posts)
                 if p["id"].startswith(f"{page}_") and since <= p["created_time"] <= until]
        data = [{"id": p["id"], "message": p["message"], "permalink_url": self.permalink(p["id"]),
                 "created_time": p["created_time"]} for p in posts]
        return Response(200, paged(request, data))

    def delete_post(self, request, post):
        self.authenticate(request)
        found = self.find_post(post)
        self.posts.remove(found)
        self.deleted.append(found)
        return Response(200, {"success": True})

    def insights(self, request, post):
        self.authenticate(request)
        self.find_post(post)
        metrics = request.query.get("metric", "").split(",")
        values = self.insights_of.get(post, {})
        return Response(200, {"data": [{"name": m, "period": "lifetime", "values": [{"value": values.get(m, 7)}]}
                                       for m in metrics]})
