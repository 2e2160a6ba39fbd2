"""Facebook Page through the Graph API.

Photo posts follow Meta's documented way: upload the photo unpublished
(``POST /{page}/photos published=false``, harmless), then one feed post
(``POST /{page}/feed attached_media=[{media_fbid}]``, the irreversible call),
then read back ``permalink_url``. The account's credentials hold a Page
access token, sent in the Authorization header (never in a logged URL).
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from core import platform_rules
from publishers.http import ApiClient
from publishers.social import media

from .base import Channel, Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted, TokenCheck
from .graph import graph_error, usage_pause
from .metrics import count, shaped

# How far back to look for our post when confirming (posts appear with their creation time).
CONFIRM_WINDOW = timedelta(minutes=10)
MAX_PAGES = 10
POST_METRICS = "post_total_media_view_unique,post_reactions_by_type_total,post_clicks"


class GraphChannel(Channel):
    """Shared set-up for the Meta channels."""

    def __init__(self, account, now=None):
        super().__init__(account, now)
        token = account.credentials.get("access_token", "")
        self.client = ApiClient(
            self, self.api_url, headers={"Authorization": f"Bearer {token}"}, secrets=[token],
            interpret=lambda response, irreversible: graph_error(self, response, irreversible),
            on_response=self._read_usage,
        )

    def _read_usage(self, response):
        pause = usage_pause(response)
        if pause:
            self.pause_for = pause

    def check_token(self):
        token = self.account.credentials.get("access_token", "")
        app_id = getattr(settings, "WARTA_META_APP_ID", "")
        app_secret = getattr(settings, "WARTA_META_APP_SECRET", "")
        # debug_token wants an app token when there is one; the token can also inspect itself.
        params = {"input_token": token}
        headers = {"Authorization": f"Bearer {app_id}|{app_secret}"} if app_id and app_secret else None
        try:
            data = self.client.call("GET", "debug_token", params=params, headers=headers).get("data", {})
        except DeliveryError as error:
            return TokenCheck(valid=not error.reconnect and error.kind != ErrorKind.PERMANENT,
                              message=error.message)
        expires = data.get("expires_at") or 0
        expires_at = datetime.fromtimestamp(expires, tz=UTC) if expires else None
        if not data.get("is_valid", False):
            return TokenCheck(valid=False, expires_at=expires_at, message=_(
                "Token %(platform)s tidak berlaku lagi. Sambungkan ulang kanal ini.") % {"platform": self.label},
                details=data)
        return TokenCheck(valid=True, expires_at=expires_at, details=data)


class FacebookChannel(GraphChannel):
    platform = platform_rules.FACEBOOK
    api_url_setting = "WARTA_FACEBOOK_API_URL"

    @property
    def page_id(self):
        return self.account.external_id

    def prepare(self, delivery):
        prepared = delivery.prepared  # the worker saves it whatever happens
        if delivery.image_id and not prepared.get("photo_id"):
            image_url = checked_image_url(self, delivery)
            data = self.client.call("POST", f"{self.page_id}/photos", data={"url": image_url, "published": "false"})
            prepared.update(photo_id=str(data["id"]), image_url=image_url)

    def publish(self, delivery):
        body = {"message": delivery.text, "published": True}
        if delivery.prepared.get("photo_id"):
            body["attached_media"] = [{"media_fbid": delivery.prepared["photo_id"]}]
        data = self.client.call("POST", f"{self.page_id}/feed", json=body, irreversible=True)
        post_id = str(data["id"])
        return Posted(post_id, self.permalink(post_id))

    def permalink(self, post_id):
        """The post's permalink_url; when Graph would not say, the link Facebook serves for a Page post id."""
        try:
            link = self.client.call("GET", post_id, params={"fields": "permalink_url"}).get("permalink_url", "")
        except DeliveryError:
            link = ""
        return link or self.fallback_link(post_id)

    @staticmethod
    def fallback_link(post_id):
        page, _sep, number = str(post_id).partition("_")
        return f"https://www.facebook.com/{page}/posts/{number}" if number else ""

    @classmethod
    def channel_url(cls, account):
        return f"https://www.facebook.com/{account.external_id}"

    def confirm(self, delivery):
        """Look for our message among the Page's posts made around the time of the call."""
        moment = delivery.in_flight_at or delivery.created_at
        params = {"fields": "id,message,permalink_url,created_time", "limit": 100,
                  "since": int((moment - CONFIRM_WINDOW).timestamp()),
                  "until": int((moment + CONFIRM_WINDOW).timestamp())}
        for post in graph_pages(self.client, f"{self.page_id}/published_posts", params):
            if (post.get("message") or "").strip() == delivery.text.strip():
                post_id = str(post["id"])
                return ConfirmResult(Confirmation.POSTED,
                                     Posted(post_id, post.get("permalink_url") or self.fallback_link(post_id)))
        return ConfirmResult(Confirmation.NOT_POSTED)

    def remove(self, delivery):
        self.client.call("DELETE", delivery.platform_post_id, irreversible=True)

    @classmethod
    def metrics_from(cls, answer):
        """Post insights (and the post's own comments/shares fields, when given); Facebook has no views."""
        answer = answer or {}
        return shaped(answer, reach=count(answer.get("post_total_media_view_unique")),
                      reactions=count(answer.get("post_reactions_by_type_total")),
                      clicks=count(answer.get("post_clicks")),
                      comments=_field_count(answer, "comments"), shares=_field_count(answer, "shares"))

    def fetch_metrics(self, delivery):
        data = self.client.call("GET", f"{delivery.platform_post_id}/insights", params={"metric": POST_METRICS})
        return self.metrics_from(insights(data))

    def fetch_followers(self):
        data = self.client.call("GET", self.page_id, params={"fields": "followers_count"})
        return count(data.get("followers_count"))


def graph_pages(client, path, params, max_pages=MAX_PAGES):
    """Items of a Graph API list, following the ``after`` cursor (a busy account has more than one page)."""
    params = dict(params)
    for _page in range(max_pages):
        data = client.call("GET", path, params=params)
        yield from data.get("data", [])
        after = ((data.get("paging") or {}).get("cursors") or {}).get("after")
        if not after or not (data.get("paging") or {}).get("next"):
            return
        params["after"] = after
    # More posts than we read: the caller cannot conclude "not posted" from what it saw.
    raise DeliveryError(ErrorKind.TRANSIENT, _("Terlalu banyak kiriman untuk diperiksa sekaligus."))


def checked_image_url(channel, delivery):
    """The public URL of the rendition for this platform, after checking it against the platform's rules."""
    rendition = media.rendition_for(delivery.image, delivery.crop, channel.platform)
    problems = media.rendition_errors(rendition, channel.platform)
    if problems:
        raise DeliveryError(ErrorKind.PERMANENT, " ".join(str(p) for p in problems))
    return media.public_url(rendition)


def _field_count(answer, name):
    value = answer.get(name)
    if isinstance(value, dict):  # {"count": 3} for shares, {"summary": {"total_count": 5}} for comments
        return count(value.get("count", (value.get("summary") or {}).get("total_count")))
    return count(value)


def insights(data):
    metrics = {}
    for item in data.get("data", []):
        values = item.get("values") or [{}]
        metrics[item.get("name")] = values[-1].get("value")
    return metrics
