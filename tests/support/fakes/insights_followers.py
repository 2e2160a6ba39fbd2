"""Follower counts and "no data yet" insights on the running fake platforms (for the monev metrics tests).

Added to the fakes of tests/support/fakes/fixtures.py at test time, in the shapes of the
platforms' documented answers:

- Facebook Page: ``GET /{page-id}?fields=followers_count`` → ``{"id", "followers_count"}``
- Instagram user: ``GET /{ig-user-id}?fields=followers_count`` → ``{"id", "followers_count"}``
- X: ``GET /2/users/me?user.fields=public_metrics`` → ``data.public_metrics.followers_count``
- Telegram: ``getChatMemberCount`` → ``{"ok": true, "result": n}``
- Instagram insights for a post whose data is not ready: ``{"data": []}`` (an empty set, not zeros).
"""

import re

from .base import Response


def _first(fake, method, pattern, handler):
    fake.routes.insert(0, (method, re.compile(f"^{pattern}$"), handler))


def serve_followers(platforms, connected, counts):
    """counts: {platform: followers}; the fakes answer with these until changed (the dict is read live)."""
    fb, ig, x, tg = platforms.facebook, platforms.instagram, platforms.x, platforms.telegram

    def facebook_page(request, page):
        fb.authenticate(request)
        return Response(200, {"id": page, "followers_count": counts["facebook"]})

    _first(fb, "GET", "/" + re.escape(str(connected.page_id)),
           lambda request: facebook_page(request, connected.page_id))

    original_node = ig.read_node

    def instagram_node(request, node):
        if node == str(connected.ig_id) and "followers_count" in request.query.get("fields", ""):
            ig.authenticate(request)
            return Response(200, {"id": node, "followers_count": counts["instagram"]})
        return original_node(request, node)

    _first(ig, "GET", r"/(?P<node>\d+)", instagram_node)

    original_me = x.me

    def x_me(request):
        response = original_me(request)
        if response.status == 200 and "public_metrics" in request.query.get("user.fields", ""):
            response.body["data"]["public_metrics"] = {"followers_count": counts["x"], "following_count": 3,
                                                       "tweet_count": 40, "listed_count": 1}
        return response

    _first(x, "GET", r"/2/users/me", x_me)

    def member_count(request, bot):
        chat_id, chat = tg.find_chat(request.param("chat_id"))
        if chat is None:
            return Response(400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"})
        return Response(200, {"ok": True, "result": counts["telegram"]})

    tg.api_getChatMemberCount = member_count


def instagram_not_ready(platforms):
    """Instagram answers an empty set for every post's insights (its data lags up to 48 hours)."""
    ig = platforms.instagram

    def empty(request, node):
        ig.authenticate(request)
        return Response(200, {"data": []})

    _first(ig, "GET", r"/(?P<node>\d+)/insights", empty)
    return lambda: ig.routes.pop(0)
