from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonevConfig(AppConfig):
    name = "monev"
    verbose_name = _("Monev")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from monev import archive

        archive.connect()
