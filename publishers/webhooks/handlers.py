"""Signal handlers for webhooks (imported from PublishersConfig.ready): one delivery per (event, endpoint)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from publishers.webhooks import outbox, tasks
from publishers.webhooks.models import EVENT_PUBLISHED, EVENT_UNPUBLISHED


@receiver(page_published, dispatch_uid="publishers.webhooks.published")
def on_published(sender, instance, revision, **kwargs):
    outbox.create_for_event(instance, EVENT_PUBLISHED, revision)


@receiver(page_unpublished, dispatch_uid="publishers.webhooks.unpublished")
def on_unpublished(sender, instance, **kwargs):
    outbox.create_for_event(instance, EVENT_UNPUBLISHED, instance.live_revision)


tasks.register_jobs()

from publishers.webhooks import admin  # noqa: E402,F401  (registers the admin section's hooks)
