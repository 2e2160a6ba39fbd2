"""Signal handlers for webhooks (connected in WebhooksConfig.ready): one delivery per (event, endpoint)."""

from wagtail.signals import page_published, page_unpublished

from publishers.webhooks import outbox
from publishers.webhooks.models import EVENT_PUBLISHED, EVENT_UNPUBLISHED


def on_published(sender, instance, revision, **kwargs):
    outbox.create_for_event(instance, EVENT_PUBLISHED, revision)


def on_unpublished(sender, instance, **kwargs):
    outbox.create_for_event(instance, EVENT_UNPUBLISHED, instance.live_revision)


def register_signal_handlers():
    page_published.connect(on_published, dispatch_uid="publishers.webhooks.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="publishers.webhooks.unpublished")
