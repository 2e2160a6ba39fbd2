from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorialPermissions(models.Model):
    """Holds Warta's own permissions that belong to no single model (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_monev", _("Dapat melihat laporan monev")),
            ("manage_channels", _("Dapat mengelola kanal media sosial")),
        ]
