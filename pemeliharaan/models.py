"""SOP D (IT maintenance): the court's register of IT assets (Aset TI), the things its maintenance schedule and
work orders are about."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How many days ahead a warranty or licence that runs out counts as "expiring" (list and dashboard warning).
EXPIRY_WARNING_DAYS = 30


class AssetQuerySet(models.QuerySet):
    def expiring(self, on, days=EXPIRY_WARNING_DAYS):
        """Assets whose warranty or licence ends between `on` (a date) and `days` later, both included."""
        until = on + datetime.timedelta(days=days)
        return self.filter(models.Q(warranty_until__gte=on, warranty_until__lte=until)
                           | models.Q(licence_until__gte=on, licence_until__lte=until))


class Asset(models.Model):
    HARDWARE, SOFTWARE, NETWORK, HOSTING = "perangkat_keras", "perangkat_lunak", "jaringan", "hosting"
    KINDS = [(HARDWARE, _("Perangkat keras")), (SOFTWARE, _("Perangkat lunak")), (NETWORK, _("Jaringan")),
             (HOSTING, _("Hosting website"))]

    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="it_assets",
                              verbose_name=_("pengadilan"))
    code = models.CharField(_("kode aset"), max_length=50)
    name = models.CharField(_("nama"), max_length=255)
    kind = models.CharField(_("jenis"), max_length=20, choices=KINDS)
    location = models.CharField(_("lokasi"), max_length=255, blank=True)
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="it_assets", verbose_name=_("pemegang"))
    purchase_date = models.DateField(_("tanggal pembelian"), null=True, blank=True)
    warranty_until = models.DateField(_("garansi sampai"), null=True, blank=True)
    licence_until = models.DateField(_("lisensi sampai"), null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True)

    objects = AssetQuerySet.as_manager()

    class Meta:
        verbose_name = _("Aset TI")
        verbose_name_plural = _("Aset TI")
        ordering = ["court", "code"]
        constraints = [models.UniqueConstraint(fields=["court", "code"], name="pemeliharaan_asset_code_per_court")]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def expiry_warnings(self, on=None, days=EXPIRY_WARNING_DAYS):
        """[(what, date)] for a warranty or licence ending within `days` of `on` (today by default)."""
        on = on or timezone.localdate()
        until = on + datetime.timedelta(days=days)
        found = []
        for label, value in ((_("Garansi"), self.warranty_until), (_("Lisensi"), self.licence_until)):
            if value is not None and on <= value <= until:
                found.append((label, value))
        return found
