from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NasionalConfig(AppConfig):
    """The national roll-up: every court's figures side by side for its directorate and appellate court."""

    name = "nasional"
    verbose_name = _("Rekap nasional")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.courts import register_oversight
        from nasional import access

        # who oversees which courts, read-only: core.courts.courts_for(user, oversight=True) answers with these
        register_oversight(access.directorate_courts)
        register_oversight(access.appellate_district)
