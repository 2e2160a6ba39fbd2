from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Pemantauan Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import roles
        from core.scheduling import register_job

        from . import checks, tasks

        checks.load()
        # SOP B4: the Admin and the Kasubag PTIP monitor the website (with the Pranata Komputer, who keeps
        # it running); the Sekretaris and the Ketua read the results.
        for role in (roles.ADMIN, roles.KASUBAG, roles.PRANATA):
            roles.grant(role, "monitoring.view_checkrun", "monitoring.add_checkrun", per_court=True)
        for role in (roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "monitoring.view_checkrun", per_court=True)
        roles.grant(roles.KASUBAG, "monitoring.change_monitoringsettings", per_court=True)
        register_job("monitoring_checks", tasks.run_all_courts, minute="7", hour="*/6")
