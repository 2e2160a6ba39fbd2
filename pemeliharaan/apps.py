from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PemeliharaanConfig(AppConfig):
    """SOP D: IT maintenance (pemeliharaan teknologi informasi): the asset register, the maintenance schedule
    and its work orders."""

    name = "pemeliharaan"
    verbose_name = _("Pemeliharaan TI")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import roles

        # The Pranata Komputer keeps the court's asset register, the Kasubag PTIP oversees it; the Sekretaris
        # and the Ketua read it.
        for role in (roles.PRANATA, roles.KASUBAG):
            roles.grant(role, "pemeliharaan.view_asset", "pemeliharaan.add_asset", "pemeliharaan.change_asset",
                        per_court=True)
        for role in (roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "pemeliharaan.view_asset", per_court=True)
