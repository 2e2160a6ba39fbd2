"""A static-site update that failed, kept until a later one for the same court succeeds.

One row per court (Wagtail Site): the pages still to sync (or a full rebuild), how often it failed, when it
is tried again, and the last error, which the Kasubag PTIP sees on the dashboard (publishers.website.panels).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SyncFailure(models.Model):
    site = models.OneToOneField("wagtailcore.Site", verbose_name=_("situs pengadilan"), on_delete=models.CASCADE,
                                related_name="+")
    page_ids = models.JSONField(_("halaman yang belum diperbarui"), default=list)
    full = models.BooleanField(_("bangun ulang seluruh situs"), default=False)
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("dicoba lagi"), null=True, blank=True)
    error = models.TextField(_("galat terakhir"), blank=True)
    failed_since = models.DateTimeField(_("gagal sejak"), default=timezone.now)
    updated_at = models.DateTimeField(_("diperbarui"), default=timezone.now)

    class Meta:
        verbose_name = _("pembaruan situs statis yang gagal")
        verbose_name_plural = _("pembaruan situs statis yang gagal")

    def __str__(self):
        return f"{self.site}: {self.error[:80]}"
