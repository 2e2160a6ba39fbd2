from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every other Warta app stands on: roles, permissions, the scheduler, token encryption, courts."""

    name = "core"
    verbose_name = _("Inti Warta")
    default_auto_field = "django.db.models.BigAutoField"
