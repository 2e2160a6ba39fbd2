from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PenilaianConfig(AppConfig):
    name = "monitoring.penilaian"
    label = "penilaian"
    verbose_name = _("Penilaian Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import roles

        from . import demo

        # SOP B3: the Admin updates the content and the assessment data; the Kasubag PTIP coordinates and checks.
        for role in (roles.ADMIN, roles.KASUBAG):
            roles.grant(role, "penilaian.view_pemenuhan", "penilaian.add_pemenuhan", "penilaian.change_pemenuhan",
                        per_court=True)
        for role in (roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "penilaian.view_pemenuhan", per_court=True)
        demo.connect()
