from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialConfig(AppConfig):
    name = "publishers.social"
    label = "social"
    verbose_name = _("Media sosial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import social_draft
        from core import roles
        from publishers.social import handlers, tasks
        from publishers.social.draft import SocialChannelsExtension

        # Admin and Kasubag PTIP retry or cancel a channel's delivery and read the delivery report (for the
        # first court also granted by publishers migration 0002); the Sekretaris reads the report.
        for role in (roles.ADMIN, roles.KASUBAG):
            roles.grant(role, "social.view_socialdelivery", "social.retry_socialdelivery")
        roles.grant(roles.SEKRETARIS, "social.view_socialdelivery")
        # The channel ticks, each platform's checks and the delivery status in the social draft's editor tab.
        social_draft.register(SocialChannelsExtension())
        handlers.register_signal_handlers()
        handlers.quiet_http_library_logs()
        tasks.register_jobs()
