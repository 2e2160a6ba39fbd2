from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramTIConfig(AppConfig):
    """SOP A: the court's yearly IT programme (pengelolaan teknologi informasi)."""

    name = "programti"
    verbose_name = _("Program TI")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import onboarding, roles

        from . import signals
        from .workflow_setup import onboarding_step

        signals.connect()

        # A1: the Pranata Komputer drafts the programme. A2-A3: the Kasubag PTIP, the Sekretaris and the Ketua
        # decide on it in the workflow (change: Wagtail's editor, where they act on their task). A4: every role
        # that works on a programme reads its activities (their progress steps show in "Tugas saya").
        roles.grant(roles.PRANATA, "programti.view_programti", "programti.add_programti",
                    "programti.change_programti", per_court=True)
        for role in (roles.KASUBAG, roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "programti.view_programti", "programti.change_programti", per_court=True)
        for role in (roles.PRANATA, roles.KASUBAG, roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "programti.view_activity", per_court=True)
        # A5-A6: the Kasubag PTIP writes the implementation and monev reports; the others read them.
        roles.grant(roles.KASUBAG, "programti.add_programreport", per_court=True)
        onboarding.register_step(55, onboarding_step)
