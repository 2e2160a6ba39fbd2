from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishersConfig(AppConfig):
    name = "publishers"
    verbose_name = _("Publikasi dan media sosial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import roles

        # Admin and Kasubag PTIP retry or cancel a channel's delivery and read the delivery report (for the
        # first court also granted by migration 0002); the Sekretaris reads the report.
        for role in (roles.ADMIN, roles.KASUBAG):
            roles.grant(role, "publishers.view_socialdelivery", "publishers.retry_socialdelivery")
        roles.grant(roles.SEKRETARIS, "publishers.view_socialdelivery")
        # Each side connects its own signal handlers and registers its periodic jobs.
        from publishers.social import handlers as social_handlers  # noqa: F401
        from publishers.webhooks import handlers as webhook_handlers  # noqa: F401
        from publishers.website import handlers as website_handlers  # noqa: F401
