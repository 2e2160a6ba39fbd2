from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Alur redaksi dan monev")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.api.v3.urls import api as api_v3

        from core import onboarding, roles
        from core.scheduling import register_job
        from editorial.onboarding import review_workflow

        onboarding.register_step(30, review_workflow)
        from editorial import holidays_seed, notifications, publishing, step_records
        from editorial.api import register as register_api

        # The Kasubag PTIP keeps the Mutu Baku standards and the court calendar they are counted in.
        roles.grant(roles.KASUBAG, "editorial.change_mutubaku", "editorial.add_holiday", "editorial.change_holiday",
                    "editorial.delete_holiday")
        roles.grant(roles.KASUBAG, "editorial.change_workinghours", per_court=True)
        register_api(api_v3)  # the workflow endpoints on Wagtail's v3 API, before cms/urls.py mounts it
        step_records.connect()
        notifications.connect()
        publishing.connect()
        # One reminder per step past its Mutu Baku standard; every 5 minutes is close enough.
        register_job("editorial_overdue_reminders", notifications.send_overdue_reminders, minute="*/5")
        # National holidays and cuti bersama of this year and the next, in step with the holidays package.
        register_job("editorial_national_holidays", holidays_seed.seed_national_holidays, hour="0", minute="35")
