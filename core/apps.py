from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every other Warta app stands on: roles, permissions, the scheduler, token encryption, courts."""

    name = "core"
    verbose_name = _("Inti Warta")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import core.checks  # noqa: F401  (registers the system checks)
        from core import api_tokens, audit, onboarding, upkeep
        from core.scheduling import register_job

        audit.connect()
        api_tokens.install_throttle()
        onboarding.register_step(15, onboarding.narrow_first_court)
        onboarding.register_step(20, onboarding.court_collection_and_groups)
        onboarding.register_step(90, onboarding.first_kasubag)
        register_job("prune_job_runs", upkeep.prune_job_runs, hour="3", minute="10")
        register_job("prune_task_results", upkeep.prune_task_results, hour="3", minute="20")
