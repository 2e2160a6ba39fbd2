from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonevConfig(AppConfig):
    name = "monev"
    verbose_name = _("Monev")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import onboarding
        from core.scheduling import register_job
        from monev.onboarding import court_archive

        onboarding.register_step(40, court_archive)
        from monev import archive, pageviews, social_collect

        archive.connect()
        # Snapshots fall due at day 1 / 7 / 28 after posting: hourly is close enough, and spreads the calls.
        register_job("monev_social_metrics", social_collect.collect, minute="20")
        register_job("monev_followers", social_collect.record_followers, hour="5", minute="40")
        # Page views are counted in the cache on the request path and written to the daily rows each minute.
        register_job("monev_pageviews_flush", pageviews.flush, minute="*")
