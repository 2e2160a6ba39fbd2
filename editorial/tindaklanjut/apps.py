from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TindakLanjutConfig(AppConfig):
    name = "editorial.tindaklanjut"
    label = "tindaklanjut"
    verbose_name = _("Rencana tindak lanjut")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import onboarding, roles

        from . import signals
        from .workflow_setup import onboarding_step

        signals.connect()

        # SOP B6: the Kasubag PTIP analyses a finding and writes the plan; the Sekretaris approves it.
        # SOP B7: the assignee (Admin, Pranata Komputer or the Kasubag) carries it out. The Ketua reads.
        roles.grant(roles.KASUBAG, "tindaklanjut.view_followupplan", "tindaklanjut.add_followupplan",
                    "tindaklanjut.change_followupplan", per_court=True)
        roles.grant(roles.SEKRETARIS, "tindaklanjut.view_followupplan", "tindaklanjut.change_followupplan",
                    per_court=True)
        for role in (roles.ADMIN, roles.PRANATA, roles.KETUA):
            roles.grant(role, "tindaklanjut.view_followupplan", per_court=True)
        onboarding.register_step(35, onboarding_step)
