"""Instagram professional account through Instagram content publishing (Facebook Login).

Preparing is harmless: read the account's publishing quota from
``content_publishing_limit`` (never hard-coded), create a media container from
the rendition's public ``image_url`` (Meta downloads it), and poll its
``status_code`` until FINISHED. Publishing is ``media_publish`` with that
container. The container also makes confirmation exact: its status turns
PUBLISHED once the post exists.
"""

from django.utils.translation import gettext as _

from core import platform_rules

from .base import DeliveryError, ErrorKind
from .containers import ContainerChannel
from .facebook import checked_image_url, insights
from .metrics import count, shaped

MEDIA_METRICS = "views,reach,likes,comments,shares,saved,total_interactions"


class InstagramChannel(ContainerChannel):
    platform = platform_rules.INSTAGRAM
    api_url_setting = "WARTA_INSTAGRAM_API_URL"
    can_remove = False  # the Instagram API has no delete for media

    container_edge = "media"
    publish_edge = "media_publish"
    quota_edge = "content_publishing_limit"
    posts_edge = "media"
    text_field = "caption"
    status_field = "status_code"
    status_reason_field = "status"

    def container_body(self, delivery):
        if not delivery.image_id:
            raise DeliveryError(ErrorKind.PERMANENT, _(
                "Instagram hanya menerima kiriman bergambar. Pilih gambar, terbitkan ulang, lalu klik Coba lagi."))
        return {"image_url": checked_image_url(self, delivery), "caption": delivery.text}

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
        data = self.client.call("GET", self.owner_id, params={"fields": "followers_count"})
        return count(data.get("followers_count"))

