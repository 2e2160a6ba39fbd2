from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Alur redaksi dan monev")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.scheduling import register_job
        from editorial import holidays_seed, notifications, publishing, step_records

        step_records.connect()
        notifications.connect()
        publishing.connect()
        # One reminder per step past its Mutu Baku standard; every 5 minutes is close enough.
        register_job("editorial_overdue_reminders", notifications.send_overdue_reminders, minute="*/5")
        # National holidays and cuti bersama of this year and the next, in step with the holidays package.
        register_job("editorial_national_holidays", holidays_seed.seed_national_holidays, hour="0", minute="35")
