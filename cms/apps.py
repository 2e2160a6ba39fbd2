from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Situs pengadilan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.scheduling import publish_scheduled, register_job

        # Wagtail's docs run publish_scheduled from cron every minute.
        register_job("publish_scheduled", publish_scheduled, minute="*")
