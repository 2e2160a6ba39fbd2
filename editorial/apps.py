from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Alur redaksi dan monev")
    default_auto_field = "django.db.models.BigAutoField"
