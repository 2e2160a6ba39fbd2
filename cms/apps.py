from django.apps import AppConfig
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _


def publish_scheduled():
    """Wagtail's scheduled publishing (go-live and expiry), which its docs run from cron every minute."""
    call_command("publish_scheduled")


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Situs pengadilan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.onboarding import site_and_pages
        from core import onboarding, roles
        from core.scheduling import register_job

        onboarding.register_step(10, site_and_pages)

        # The Kasubag PTIP keeps the court's settings and the news categories.
        roles.grant(roles.KASUBAG, "cms.add_newscategory", "cms.change_newscategory", "cms.delete_newscategory")
        roles.grant(roles.KASUBAG, "cms.change_courtsettings", per_court=True)
        register_job("publish_scheduled", publish_scheduled, minute="*")
