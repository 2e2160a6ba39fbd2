"""Threads (Meta's Threads API, graph.threads.net) for a Threads profile, with a long-lived user token.

Like Instagram, a post is made in two steps: preparing creates a media container
(``POST /{threads-user-id}/threads`` with ``media_type`` TEXT or IMAGE, the text
and the rendition's public ``image_url``, which Meta downloads) and waits for its
``status`` to be FINISHED; publishing is ``POST /{threads-user-id}/threads_publish``
with that container. Publishing the same container twice is refused, and the
container's status turns PUBLISHED once the post exists, so an unclear answer is
settled by asking: the post itself (its id and permalink) is then found among the
profile's posts (``GET /{threads-user-id}/threads``) by its text.

Before creating a container, the profile's quota (250 posts per 24 hours) is read
from ``threads_publishing_limit``. Long-lived tokens last 60 days and are renewed
by the daily check (``refresh_access_token``) from a day after they were issued.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from core import platform_rules

from .base import DeliveryError, ErrorKind, TokenCheck
from .containers import ContainerChannel
from .facebook import checked_image_url, insights
from .metrics import count, shaped, total

MEDIA_METRICS = "views,likes,replies,reposts,quotes"
REFRESH_BEFORE = timedelta(days=30)


class ThreadsChannel(ContainerChannel):
    platform = platform_rules.THREADS
    api_url_setting = "WARTA_THREADS_API_URL"
    can_remove = False  # removal is done in the Threads app, then marked here

    container_edge = "threads"
    publish_edge = "threads_publish"
    quota_edge = "threads_publishing_limit"
    posts_edge = "threads"
    text_field = "text"
    status_field = "status"
    status_reason_field = "error_message"

    def container_body(self, delivery):
        body = {"media_type": "TEXT", "text": delivery.text}
        if delivery.image_id:
            body.update(media_type="IMAGE", image_url=checked_image_url(self, delivery))
        return body

    @classmethod
    def channel_url(cls, account):
        handle = account.handle.lstrip("@")
        return f"https://www.threads.net/@{handle}" if handle else ""

    def remove(self, delivery):
        raise DeliveryError(ErrorKind.PERMANENT, _(
            "Hapus kiriman langsung di aplikasi Threads, lalu klik Tandai sudah dihapus."))

    # Monev ----------------------------------------------------------------------------------------

    @classmethod
    def metrics_from(cls, answer):
        """Media insights: views, likes, replies, reposts and quotes (reposts and quotes are shares)."""
        answer = answer or {}
        return shaped(answer, views=count(answer.get("views")), reactions=count(answer.get("likes")),
                      comments=count(answer.get("replies")),
                      shares=total(count(answer.get("reposts")), count(answer.get("quotes"))))

    def fetch_metrics(self, delivery):
        data = self.client.call("GET", f"{delivery.platform_post_id}/insights", params={"metric": MEDIA_METRICS})
        return self.metrics_from(insights(data))

    def fetch_followers(self):
        data = self.client.call("GET", f"{self.owner_id}/threads_insights", params={"metric": "followers_count"})
        for item in data.get("data", []):
            if item.get("name") == "followers_count":
                return count((item.get("total_value") or {}).get("value"))
        return None

    # The connection -------------------------------------------------------------------------------

    def check_token(self):
        try:
            data = self.client.call("GET", "me", params={"fields": "id,username"})
        except DeliveryError as error:
            return TokenCheck(valid=not error.reconnect and error.kind != ErrorKind.PERMANENT, message=error.message)
        expires_at = self.account.token_expires_at
        if expires_at and expires_at - self.now < REFRESH_BEFORE:
            expires_at = self._refresh() or expires_at
        return TokenCheck(valid=True, expires_at=expires_at, details={"username": data.get("username", "")})

    def _refresh(self):
        """Renew the long-lived token (another 60 days) and keep the new one; None if Threads would not."""
        try:
            data = self.client.call("GET", "refresh_access_token", params={
                "grant_type": "th_refresh_token", "access_token": self.account.credentials.get("access_token", "")})
        except DeliveryError:
            return None
        if not data.get("access_token"):
            return None
        expires_at = self.now + timedelta(seconds=int(data.get("expires_in") or 0))
        self.account.credentials = {**self.account.credentials, "access_token": data["access_token"]}
        type(self.account).objects.filter(pk=self.account.pk).update(
            credentials_encrypted=self.account.credentials_encrypted, token_expires_at=expires_at)
        return expires_at

