from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "publishers.website"
    label = "website"
    verbose_name = _("Situs statis")

    def ready(self):
        from publishers.website import handlers, page_cache

        handlers.register_signal_handlers()
        page_cache.register_signal_handlers()
        handlers.register_jobs()
