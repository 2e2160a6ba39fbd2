from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PemeliharaanConfig(AppConfig):
    """SOP D: IT maintenance (pemeliharaan teknologi informasi): the asset register, the maintenance schedule
    and its work orders."""

    name = "pemeliharaan"
    verbose_name = _("Pemeliharaan TI")
    default_auto_field = "django.db.models.BigAutoField"
