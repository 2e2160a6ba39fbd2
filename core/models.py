from django.db import models
from django.utils.translation import gettext_lazy as _


class CorePermissions(models.Model):
    """Holds Warta's own permissions that belong to no single model (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_monev", _("Dapat melihat laporan monev")),
            ("manage_channels", _("Dapat mengelola kanal media sosial")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class JobRun(models.Model):
    """One run of a periodic job for one time slot (unique: a double start runs it once)."""

    job = models.CharField(_("tugas"), max_length=100)
    slot = models.DateTimeField(_("jadwal"))
    started_at = models.DateTimeField(_("mulai"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="unique_job_slot")]
        ordering = ["-slot"]
        verbose_name = _("jalannya tugas terjadwal")
        verbose_name_plural = _("jalannya tugas terjadwal")

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
