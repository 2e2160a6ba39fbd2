from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PemeliharaanConfig(AppConfig):
    """SOP D: IT maintenance (pemeliharaan teknologi informasi): the asset register, the maintenance schedule
    and its work orders."""

    name = "pemeliharaan"
    verbose_name = _("Pemeliharaan TI")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import onboarding, roles
        from core.scheduling import register_job

        from . import demo, orders, signals
        from .workflow_setup import onboarding_step

        signals.connect()
        demo.connect()

        # The Pranata Komputer keeps the court's asset register, the Kasubag PTIP oversees it; the Sekretaris
        # and the Ketua read it.
        for role in (roles.PRANATA, roles.KASUBAG):
            roles.grant(role, "pemeliharaan.view_asset", "pemeliharaan.add_asset", "pemeliharaan.change_asset",
                        per_court=True)
        for role in (roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "pemeliharaan.view_asset", per_court=True)
        # D1: the Pranata drafts the schedule; D2: the Kasubag checks it in the workflow (change: Wagtail's
        # editor, where the task is acted on). D3: the Pranata carries the work orders out (the Kasubag may
        # report for them); D4: the Kasubag evaluates them. The Sekretaris and the Ketua read all of it.
        roles.grant(roles.PRANATA, "pemeliharaan.view_maintenanceschedule", "pemeliharaan.add_maintenanceschedule",
                    "pemeliharaan.change_maintenanceschedule", "pemeliharaan.view_workorder",
                    "pemeliharaan.change_workorder", per_court=True)
        roles.grant(roles.KASUBAG, "pemeliharaan.view_maintenanceschedule",
                    "pemeliharaan.change_maintenanceschedule", "pemeliharaan.view_workorder",
                    "pemeliharaan.change_workorder", "pemeliharaan.evaluate_workorder", per_court=True)
        for role in (roles.SEKRETARIS, roles.KETUA):
            roles.grant(role, "pemeliharaan.view_maintenanceschedule", "pemeliharaan.view_workorder",
                        per_court=True)
        onboarding.register_step(56, onboarding_step)
        # Work orders are issued on their dates, early in the morning.
        register_job("pemeliharaan_work_orders", orders.issue_due, hour="0", minute="10")
