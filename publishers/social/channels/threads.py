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

import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from core import platform_rules
from publishers.http import ApiClient

from .base import Channel, Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted, TokenCheck
from .facebook import checked_image_url, graph_pages, insights
from .graph import graph_error, usage_pause
from .metrics import count, shaped, total

CONTAINER_LIFETIME = timedelta(hours=23)
FIND_SLACK = timedelta(minutes=10)
FIND_PAGES = 20
MEDIA_METRICS = "views,likes,replies,reposts,quotes"
# A long-lived token can be refreshed once it is a day old; the daily check does so when it has less than this.
REFRESH_BEFORE = timedelta(days=30)


class ThreadsChannel(Channel):
    platform = platform_rules.THREADS
    api_url_setting = "WARTA_THREADS_API_URL"
    can_remove = False  # removal is done in the Threads app, then marked here

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

    @property
    def user_id(self):
        return self.account.external_id

    # Posting --------------------------------------------------------------------------------------

    def prepare(self, delivery):
        prepared = delivery.prepared
        if prepared.get("container_id") and not self._container_usable(prepared):
            prepared.pop("container_id", None)
        if not prepared.get("container_id"):
            self._check_quota()
            body = {"media_type": "TEXT", "text": delivery.text}
            if delivery.image_id:
                body.update(media_type="IMAGE", image_url=checked_image_url(self, delivery))
            data = self.client.call("POST", f"{self.user_id}/threads", data=body)
            prepared.update(container_id=str(data["id"]), container_created_at=self.now.isoformat())
        self._wait_until_finished(prepared)

    def _container_usable(self, prepared):
        created = prepared.get("container_created_at")
        return bool(created) and self.now - datetime.fromisoformat(created) < CONTAINER_LIFETIME

    def _check_quota(self):
        data = self.client.call("GET", f"{self.user_id}/threads_publishing_limit",
                                params={"fields": "quota_usage,config"})
        entry = (data.get("data") or [{}])[0]
        total_quota = (entry.get("config") or {}).get("quota_total")
        if total_quota is not None and entry.get("quota_usage", 0) >= total_quota:
            raise DeliveryError(
                ErrorKind.TRANSIENT,
                _("Kuota Threads (%(total)d kiriman per 24 jam) sudah habis. Warta akan mengirim setelah kuota "
                  "tersedia lagi.") % {"total": total_quota},
                retry_after=3600,
            )

    def _wait_until_finished(self, prepared):
        container = prepared["container_id"]
        polls = getattr(settings, "WARTA_SOCIAL_STATUS_POLLS", 5)
        for poll in range(polls):
            data = self.client.call("GET", container, params={"fields": "status,error_message"})
            status = data.get("status")
            if status == "FINISHED":
                return
            if status in ("ERROR", "EXPIRED"):
                prepared.pop("container_id", None)
                raise DeliveryError(
                    ErrorKind.PERMANENT if status == "ERROR" else ErrorKind.TRANSIENT,
                    _("Threads gagal mengolah kiriman: %(reason)s") % {
                        "reason": data.get("error_message") or status},
                    data.get("error_message", ""),
                )
            if poll < polls - 1:
                time.sleep(getattr(settings, "WARTA_SOCIAL_POLL_SECONDS", 2))
        raise DeliveryError(ErrorKind.TRANSIENT, _("Threads masih mengolah kiriman. Warta akan mencoba lagi."),
                            retry_after=60)

    def publish(self, delivery):
        data = self.client.call("POST", f"{self.user_id}/threads_publish",
                                data={"creation_id": delivery.prepared["container_id"]}, irreversible=True)
        media_id = str(data["id"])
        return Posted(media_id, self.permalink(media_id))

    def permalink(self, media_id):
        """Best effort: the post exists whatever this returns (the upkeep asks again)."""
        try:
            return self.client.call("GET", media_id, params={"fields": "permalink"}).get("permalink", "")
        except DeliveryError:
            return ""

    @classmethod
    def channel_url(cls, account):
        handle = account.handle.lstrip("@")
        return f"https://www.threads.net/@{handle}" if handle else ""

    def confirm(self, delivery):
        container = delivery.prepared.get("container_id")
        if not container:
            return ConfirmResult(Confirmation.NOT_POSTED)
        status = self.client.call("GET", container, params={"fields": "status"}).get("status")
        if status == "PUBLISHED":
            posted = self._find_post(delivery)
            if posted is None:
                raise DeliveryError(ErrorKind.TRANSIENT, _(
                    "Threads menyatakan kiriman sudah terbit, tetapi kiriman itu belum tampak di daftar akun; "
                    "Warta akan memeriksa lagi."))
            return ConfirmResult(Confirmation.POSTED, posted)
        if status in ("ERROR", "EXPIRED"):
            return ConfirmResult(Confirmation.NOT_POSTED, keep_prepared=False)
        return ConfirmResult(Confirmation.NOT_POSTED)  # FINISHED or IN_PROGRESS: not published yet

    def _find_post(self, delivery):
        """The newest post with our text made after the container was."""
        created = delivery.prepared.get("container_created_at")
        since = datetime.fromisoformat(created) - FIND_SLACK if created else None
        params = {"fields": "id,text,permalink,timestamp", "limit": 100}
        if since is not None:
            params["since"] = int(since.timestamp())
        for item in graph_pages(self.client, f"{self.user_id}/threads", params, max_pages=FIND_PAGES):
            made = _timestamp(item.get("timestamp"))
            if since is not None and made is not None and made < since:
                break
            if (item.get("text") or "").strip() == delivery.text.strip():
                return Posted(str(item["id"]), item.get("permalink") or self.permalink(str(item["id"])))
        return None

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
        data = self.client.call("GET", f"{self.user_id}/threads_insights", params={"metric": "followers_count"})
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


def _timestamp(value):
    """A Threads timestamp ("2026-12-05T00:10:00+0000" or Unix seconds) as an aware datetime, or None."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
