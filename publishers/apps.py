from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishersConfig(AppConfig):
    name = "publishers"
    verbose_name = _("Publikasi dan media sosial")
    default_auto_field = "django.db.models.BigAutoField"
