"""What Instagram and Threads share: Meta's two-step posting, a media container first, then its publication.

The container is made (and kept in ``delivery.prepared``) before anything is public, polled until the platform
has processed it, then published by one irreversible call. After an unclear answer to that call the container's
status says whether it was published; the container does not name the post it became, so the post is found among
the account's newest posts by its text, and a row is never marked sent without the post's id.
"""

import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from .base import Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted
from .facebook import GraphChannel, graph_pages

CONTAINER_LIFETIME = timedelta(hours=23)  # containers expire after 24 hours
FIND_SLACK = timedelta(minutes=10)
FIND_PAGES = 20


class ContainerChannel(GraphChannel):
    """A Meta channel that posts through a container. Subclasses name their endpoints and fields."""

    container_edge = ""      # POST {owner}/{container_edge} makes the container
    publish_edge = ""        # POST {owner}/{publish_edge} {creation_id} publishes it
    quota_edge = ""          # GET {owner}/{quota_edge}: quota_usage and config.quota_total
    posts_edge = ""          # GET {owner}/{posts_edge}: the account's posts, newest first
    text_field = ""          # the post's text in that list
    status_field = ""        # the container's state: IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED
    status_reason_field = ""  # why processing failed

    @property
    def owner_id(self):
        return self.account.external_id

    def container_body(self, delivery):
        raise NotImplementedError

    # Posting --------------------------------------------------------------------------------------

    def prepare(self, delivery):
        prepared = delivery.prepared
        if prepared.get("container_id") and not self._container_usable(prepared):
            prepared.pop("container_id", None)
        if not prepared.get("container_id"):
            self._check_quota()
            body = self.container_body(delivery)
            data = self.client.call("POST", f"{self.owner_id}/{self.container_edge}", data=body)
            prepared.update(container_id=str(data["id"]), container_created_at=self.now.isoformat())
            if body.get("image_url"):
                prepared["image_url"] = body["image_url"]
        self._wait_until_finished(prepared)

    def _container_usable(self, prepared):
        created = prepared.get("container_created_at")
        return bool(created) and self.now - datetime.fromisoformat(created) < CONTAINER_LIFETIME

    def _check_quota(self):
        data = self.client.call("GET", f"{self.owner_id}/{self.quota_edge}", params={"fields": "quota_usage,config"})
        entry = (data.get("data") or [{}])[0]
        total = (entry.get("config") or {}).get("quota_total")
        if total is not None and entry.get("quota_usage", 0) >= total:
            raise DeliveryError(
                ErrorKind.TRANSIENT,
                _("Kuota %(platform)s (%(total)d kiriman per 24 jam) sudah habis. Warta akan mengirim setelah kuota "
                  "tersedia lagi.") % {"platform": self.label, "total": total},
                retry_after=3600,
            )

    def _wait_until_finished(self, prepared):
        container = prepared["container_id"]
        polls = getattr(settings, "WARTA_SOCIAL_STATUS_POLLS", 5)
        for poll in range(polls):
            data = self.client.call("GET", container,
                                    params={"fields": f"{self.status_field},{self.status_reason_field}"})
            status = data.get(self.status_field)
            if status == "FINISHED":
                return
            if status in ("ERROR", "EXPIRED"):
                prepared.pop("container_id", None)
                reason = data.get(self.status_reason_field) or ""
                raise DeliveryError(
                    ErrorKind.PERMANENT if status == "ERROR" else ErrorKind.TRANSIENT,
                    _("%(platform)s gagal mengolah kiriman: %(reason)s") % {"platform": self.label,
                                                                           "reason": reason or status},
                    reason,
                )
            if poll < polls - 1:
                time.sleep(getattr(settings, "WARTA_SOCIAL_POLL_SECONDS", 2))
        raise DeliveryError(ErrorKind.TRANSIENT, _("%(platform)s masih mengolah kiriman. Warta akan mencoba lagi.")
                            % {"platform": self.label}, retry_after=60)

    def publish(self, delivery):
        data = self.client.call("POST", f"{self.owner_id}/{self.publish_edge}",
                                data={"creation_id": delivery.prepared["container_id"]}, irreversible=True)
        media_id = str(data["id"])
        return Posted(media_id, self.permalink(media_id))

    def permalink(self, media_id):
        """Best effort: the post exists whatever this returns (the upkeep asks again)."""
        try:
            return self.client.call("GET", media_id, params={"fields": "permalink"}).get("permalink", "")
        except DeliveryError:
            return ""

    # After an unclear answer ----------------------------------------------------------------------

    def confirm(self, delivery):
        container = delivery.prepared.get("container_id")
        if not container:
            return ConfirmResult(Confirmation.NOT_POSTED)
        status = self.client.call("GET", container, params={"fields": self.status_field}).get(self.status_field)
        if status == "PUBLISHED":
            # Until the post is found the confirmation is asked again (the worker's backoff).
            posted = self._find_post(delivery)
            if posted is None:
                raise DeliveryError(ErrorKind.TRANSIENT, _(
                    "%(platform)s menyatakan kiriman sudah terbit, tetapi kiriman itu belum tampak di daftar akun; "
                    "Warta akan memeriksa lagi.") % {"platform": self.label})
            return ConfirmResult(Confirmation.POSTED, posted)
        if status in ("ERROR", "EXPIRED"):
            return ConfirmResult(Confirmation.NOT_POSTED, keep_prepared=False)
        return ConfirmResult(Confirmation.NOT_POSTED)  # FINISHED or IN_PROGRESS: not published yet

    def _find_post(self, delivery):
        """The published post's id and link: the newest post with our text made after the container was."""
        created = delivery.prepared.get("container_created_at")
        since = datetime.fromisoformat(created) - FIND_SLACK if created else None
        params = {"fields": f"id,{self.text_field},permalink,timestamp", "limit": 100}
        if since is not None:
            params["since"] = int(since.timestamp())
        for item in graph_pages(self.client, f"{self.owner_id}/{self.posts_edge}", params, max_pages=FIND_PAGES):
            made = graph_timestamp(item.get("timestamp"))
            if since is not None and made is not None and made < since:
                break  # newest first: everything further down is older than our container
            if (item.get(self.text_field) or "").strip() == delivery.text.strip():
                return Posted(str(item["id"]), item.get("permalink") or self.permalink(str(item["id"])))
        return None


def graph_timestamp(value):
    """A Graph API timestamp ("2026-12-05T00:10:00+0000" or Unix seconds) as an aware datetime, or None."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
