"""Fake Instagram content publishing: containers, status polling, media_publish, publishing quota."""

import itertools
import re
import time

from .base import Problem, Response, bearer_token
from .graph import GraphFake, graph_error, paged

HASHTAG = re.compile(r"(?<!\w)#\w+")


class InstagramFake(GraphFake):
    name = "instagram"

    def __init__(self, tokens, clock=None):
        self.accounts = {}  # ig_user_id -> {"page_token", "username"}
        self.containers = {}  # container_id -> {...}
        self.media = []  # published posts
        self.quota_total = 50
        self.processing_polls = 1  # IN_PROGRESS answers before FINISHED
        self.listing_lag = 0  # seconds before a new post shows in the account's media list
        self.media_read_errors = 0  # how many reads of a published media answer a server error
        self.insights_of = {}  # media_id -> {metric: value}; any other metric asked answers 11
        self.counter = itertools.count(1)
        super().__init__(tokens, clock)

    def setup_routes(self):
        self.route("POST", r"/(?P<ig>\d+)/media", self.create_container)
        self.route("GET", r"/(?P<ig>\d+)/media", self.list_media)
        self.route("POST", r"/(?P<ig>\d+)/media_publish", self.media_publish)
        self.route("GET", r"/(?P<ig>\d+)/content_publishing_limit", self.publishing_limit)
        self.route("GET", r"/(?P<node>\d+)/insights", self.insights)
        self.route("GET", r"/(?P<node>\d+)", self.read_node)

    def add_account(self, ig_user_id, username, token):
        self.accounts[ig_user_id] = {"token": token, "username": username}

    def posts_containing(self, text):
        return [m for m in self.media if text in m["caption"]]

    def account_for(self, request, ig):
        self.authenticate(request)
        account = self.accounts.get(ig)
        if account is None or account["token"] != bearer_token(request):
            raise Problem(graph_error(403, "(#10) The user is not an Instagram Business", 10))
        return account

    def create_container(self, request, ig):
        self.account_for(request, ig)
        caption = request.param("caption", "")
        if len(caption) > 2200:
            return graph_error(400, "The caption is too long.", 100, 2207010)
        if len(HASHTAG.findall(caption)) > 30:
            return graph_error(400, "Too many hashtags.", 100, 2207010)
        image_url = request.param("image_url")
        if not image_url:
            return graph_error(400, "(#100) The parameter image_url is required", 100)
        image, _content = self.fetch_image(image_url, jpeg_only=True)
        ratio = image.width / image.height
        if ratio < 0.8 - 0.01 or ratio > 1.91 + 0.01:
            return graph_error(400, "The aspect ratio is not supported.", 36003, 2207009)
        container_id = self.meta.next_id()
        with self.lock:
            self.containers[container_id] = {"ig": ig, "caption": caption, "status": "IN_PROGRESS",
                                             "polls": 0, "created": self.clock.time(), "media_id": None}
        return Response(200, {"id": container_id}, headers=self.usage_headers())

    def read_node(self, request, node):
        self.authenticate(request)
        if node in self.containers:
            container = self.containers[node]
            with self.lock:
                if container["status"] == "IN_PROGRESS":
                    container["polls"] += 1
                    if container["polls"] > self.processing_polls:
                        container["status"] = "FINISHED"
                if container["status"] in ("IN_PROGRESS", "FINISHED") and \
                        self.clock.time() - container["created"] > 24 * 3600:
                    container["status"] = "EXPIRED"
            return Response(200, {"id": node, "status_code": container["status"], "status": container["status"]})
        for item in self.media:
            if item["id"] == node:
                with self.lock:
                    if self.media_read_errors > 0:
                        self.media_read_errors -= 1
                        return self.failure_response("500", request)
                return Response(200, {"id": node, "permalink": item["permalink"]})
        return graph_error(400, "Unsupported get request.", 100, 33)

    def used_quota(self, ig):
        since = self.clock.time() - 24 * 3600
        return sum(1 for m in self.media if m["ig"] == ig and m["timestamp"] >= since)

    def publishing_limit(self, request, ig):
        self.account_for(request, ig)
        return Response(200, {"data": [{"quota_usage": self.used_quota(ig),
                                        "config": {"quota_total": self.quota_total, "quota_duration": 86400}}]})

    def media_publish(self, request, ig):
        self.account_for(request, ig)
        container = self.containers.get(str(request.param("creation_id")))
        if container is None or container["ig"] != ig:
            return graph_error(400, "(#100) Invalid creation_id", 100)
        if self.used_quota(ig) >= self.quota_total:
            return graph_error(400, "Application request limit reached", 9, 2207042)
        with self.lock:
            if container["status"] == "PUBLISHED":
                return graph_error(400, "The media has already been published", 100, 2207026)
            if container["status"] != "FINISHED":
                return graph_error(400, "Media ID is not available", 9007, 2207027)
            number = next(self.counter)
            media_id = self.meta.next_id()
            item = {"id": media_id, "ig": ig, "caption": container["caption"], "timestamp": self.clock.time(),
                    "permalink": f"https://www.instagram.com/p/WARTA{number}/"}
            self.media.append(item)
            container["status"] = "PUBLISHED"
            container["media_id"] = media_id
        return Response(200, {"id": media_id}, headers=self.usage_headers())

    def list_media(self, request, ig):
        self.account_for(request, ig)
        items = [{"id": m["id"], "caption": m["caption"], "permalink": m["permalink"],
                  "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(m["timestamp"]))}
                 for m in reversed(self.media)
                 if m["ig"] == ig and m["timestamp"] <= self.clock.time() - self.listing_lag]
        return Response(200, paged(request, items))

    def insights(self, request, node):
        self.authenticate(request)
        metrics = request.query.get("metric", "").split(",")
        values = self.insights_of.get(node, {})
        return Response(200, {"data": [{"name": m, "period": "lifetime", "values": [{"value": values.get(m, 11)}]}
                                       for m in metrics]})
