"""Signal handlers for social delivery (connected in SocialConfig.ready).

``page_published`` fires whenever a page goes live: the Kasubag's approval,
a scheduled publish, a republish of a correction. The outbox decides whether
this publish is the item's first (the only one that posts).
"""

import logging

from wagtail.signals import page_published

from publishers.social import outbox

logger = logging.getLogger(__name__)


def create_deliveries(sender, instance, revision, **kwargs):
    created = outbox.create_for_publish(instance, revision, user=getattr(revision, "user", None))
    if created:
        logger.info("page %s published: %d social deliveries queued", instance.pk, len(created))


def register_signal_handlers():
    page_published.connect(create_deliveries, dispatch_uid="publishers.social.create_deliveries")


def quiet_http_library_logs():
    """urllib3, oauthlib and requests-oauthlib log request URLs (a Telegram bot token is in the path) and
    OAuth headers at DEBUG: keep them at WARNING unless a deployment configures them on purpose."""
    for name in ("urllib3", "oauthlib", "requests_oauthlib"):
        library_logger = logging.getLogger(name)
        if library_logger.level == logging.NOTSET:
            library_logger.setLevel(logging.WARNING)

