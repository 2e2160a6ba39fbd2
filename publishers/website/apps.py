from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "publishers.website"
    label = "website"
    verbose_name = _("Situs statis")

    def ready(self):
        from publishers.website import handlers, page_cache

        # The page cache's purge first: its on-commit callback then runs before the static site's task is
        # queued, so no worker renders with what the purge renews.
        page_cache.register_signal_handlers()
        handlers.register_signal_handlers()
        handlers.register_jobs()
