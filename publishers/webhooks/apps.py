from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "publishers.webhooks"
    label = "webhooks"
    verbose_name = _("Webhook")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from publishers.webhooks import handlers, tasks

        handlers.register_signal_handlers()
        tasks.register_jobs()
