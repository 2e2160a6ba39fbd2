"""Instagram professional account through Instagram content publishing (Facebook Login).

Preparing is harmless: read the account's publishing quota from
``content_publishing_limit`` (never hard-coded), create a media container from
the rendition's public ``image_url`` (Meta downloads it), and poll its
``status_code`` until FINISHED. Publishing is ``media_publish`` with that
container. The container also makes confirmation exact: its status turns
PUBLISHED once the post exists.
"""

import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from core import platform_rules

from .base import Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted
from .facebook import GraphChannel, checked_image_url, graph_pages, insights
from .metrics import count, shaped

# Containers expire after 24 hours; stop reusing one a little before that.
CONTAINER_LIFETIME = timedelta(hours=23)
# Confirming looks at posts made since the container was created (less this, for clocks that disagree).
FIND_SLACK = timedelta(minutes=10)
FIND_PAGES = 20
MEDIA_METRICS = "views,reach,likes,comments,shares,saved,total_interactions"


class InstagramChannel(GraphChannel):
    platform = platform_rules.INSTAGRAM
    api_url_setting = "WARTA_INSTAGRAM_API_URL"
    can_remove = False  # the Instagram API has no delete for media

    @property
    def ig_user_id(self):
        return self.account.external_id

    def prepare(self, delivery):
        prepared = delivery.prepared
        if not delivery.image_id:
            raise DeliveryError(ErrorKind.PERMANENT, _(
                "Instagram hanya menerima kiriman bergambar. Pilih gambar, terbitkan ulang, lalu klik Coba lagi."))
        if prepared.get("container_id") and not self._container_usable(prepared):
            prepared.pop("container_id", None)
        if not prepared.get("container_id"):
            self._check_quota()
            image_url = checked_image_url(self, delivery)
            data = self.client.call("POST", f"{self.ig_user_id}/media",
                                    data={"image_url": image_url, "caption": delivery.text})
            prepared.update(container_id=str(data["id"]), image_url=image_url,
                            container_created_at=self.now.isoformat())
        self._wait_until_finished(prepared)

    def _container_usable(self, prepared):
        created = prepared.get("container_created_at")
        return bool(created) and self.now - datetime.fromisoformat(created) < CONTAINER_LIFETIME

    def _check_quota(self):
        data = self.client.call("GET", f"{self.ig_user_id}/content_publishing_limit",
                                params={"fields": "config,quota_usage"})
        entry = (data.get("data") or [{}])[0]
        config = entry.get("config") or {}
        total, used = config.get("quota_total"), entry.get("quota_usage", 0)
        if total is not None and used >= total:
            raise DeliveryError(
                ErrorKind.TRANSIENT,
                _("Kuota Instagram (%(total)d kiriman per 24 jam) sudah habis. Warta akan mengirim setelah kuota "
                  "tersedia lagi.") % {"total": total},
                retry_after=3600,
            )

    def _wait_until_finished(self, prepared):
        container = prepared["container_id"]
        polls = getattr(settings, "WARTA_SOCIAL_STATUS_POLLS", 5)
        for poll in range(polls):
            data = self.client.call("GET", container, params={"fields": "status_code,status"})
            status = data.get("status_code")
            if status == "FINISHED":
                return
            if status in ("ERROR", "EXPIRED"):
                prepared.pop("container_id", None)
                raise DeliveryError(
                    ErrorKind.PERMANENT if status == "ERROR" else ErrorKind.TRANSIENT,
                    _("Instagram gagal mengolah gambar: %(reason)s") % {"reason": data.get("status") or status},
                    data.get("status", ""),
                )
            if poll < polls - 1:
                time.sleep(getattr(settings, "WARTA_SOCIAL_POLL_SECONDS", 2))
        raise DeliveryError(ErrorKind.TRANSIENT, _("Instagram masih mengolah gambar. Warta akan mencoba lagi."),
                            retry_after=60)

    def publish(self, delivery):
        data = self.client.call("POST", f"{self.ig_user_id}/media_publish",
                                data={"creation_id": delivery.prepared["container_id"]}, irreversible=True)
        media_id = str(data["id"])
        return Posted(media_id, self.permalink(media_id))

    def permalink(self, media_id):
        """Best effort: the post exists whatever this returns (the daily upkeep asks again)."""
        try:
            return self.client.call("GET", media_id, params={"fields": "permalink"}).get("permalink", "")
        except DeliveryError:
            return ""

    def confirm(self, delivery):
        container = delivery.prepared.get("container_id")
        if not container:
            return ConfirmResult(Confirmation.NOT_POSTED)
        status = self.client.call("GET", container, params={"fields": "status_code"}).get("status_code")
        if status == "PUBLISHED":
            # The container does not name the media it became: find it among the account's posts. Until it is
            # found the confirmation is asked again (the worker's backoff), so no row is marked sent without an id.
            posted = self._find_post(delivery)
            if posted is None:
                raise DeliveryError(ErrorKind.TRANSIENT, _(
                    "Instagram menyatakan kiriman sudah terbit, tetapi kiriman itu belum tampak di daftar akun; "
                    "Warta akan memeriksa lagi."))
            return ConfirmResult(Confirmation.POSTED, posted)
        if status in ("ERROR", "EXPIRED"):
            return ConfirmResult(Confirmation.NOT_POSTED, keep_prepared=False)
        return ConfirmResult(Confirmation.NOT_POSTED)  # FINISHED or IN_PROGRESS: not published yet

    def _find_post(self, delivery):
        """The published media's id and link: the newest post with our caption made after the container was."""
        created = delivery.prepared.get("container_created_at")
        since = datetime.fromisoformat(created) - FIND_SLACK if created else None
        params = {"fields": "id,caption,permalink,timestamp", "limit": 100}
        if since is not None:
            params["since"] = int(since.timestamp())
        for item in graph_pages(self.client, f"{self.ig_user_id}/media", params, max_pages=FIND_PAGES):
            made = _timestamp(item.get("timestamp"))
            if since is not None and made is not None and made < since:
                break  # newest first: everything further down is older than our container
            if (item.get("caption") or "").strip() == delivery.text.strip():
                return Posted(str(item["id"]), item.get("permalink") or self.permalink(str(item["id"])))
        return None

    @classmethod
    def channel_url(cls, account):
        handle = account.handle.lstrip("@")
        return f"https://www.instagram.com/{handle}/" if handle else ""

    def remove(self, delivery):
        raise DeliveryError(ErrorKind.PERMANENT, _(
            "Instagram tidak mengizinkan penghapusan lewat API. Hapus kiriman langsung di aplikasi Instagram, "
            "lalu klik Tandai sudah dihapus."))

    @classmethod
    def metrics_from(cls, answer):
        """Media insights; an empty set (the data lags up to 48 hours) is no data yet, not zeros."""
        answer = answer or {}
        return shaped(answer, views=count(answer.get("views")), reach=count(answer.get("reach")),
                      reactions=count(answer.get("likes")), comments=count(answer.get("comments")),
                      shares=count(answer.get("shares")), saves=count(answer.get("saved")))

    def fetch_metrics(self, delivery):
        data = self.client.call("GET", f"{delivery.platform_post_id}/insights", params={"metric": MEDIA_METRICS})
        return self.metrics_from(insights(data))

    def fetch_followers(self):
        data = self.client.call("GET", self.ig_user_id, params={"fields": "followers_count"})
        return count(data.get("followers_count"))


def _timestamp(value):
    """A Graph API timestamp ("2026-12-05T00:10:00+0000" or Unix seconds) as an aware datetime, or None."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
