from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramTIConfig(AppConfig):
    """SOP A: the court's yearly IT programme (pengelolaan teknologi informasi)."""

    name = "programti"
    verbose_name = _("Program TI")
    default_auto_field = "django.db.models.BigAutoField"
