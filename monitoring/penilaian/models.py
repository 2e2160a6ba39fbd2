"""The public-information checklist of SK KMA 2-144/KMA/SK/VIII/2022 and what fulfils each item on a court's
website.

The items (ChecklistItem) are the national list: seeded from data/daftar_2144.json, changed in the admin only by
whoever holds the global model permissions (the deployment's managers). A court records, per item, the page, the
document or the external address that fulfils it (Pemenuhan); its Admin and Kasubag PTIP hold those permissions
on their own court's site only.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

BERKALA, SERTA_MERTA, SETIAP_SAAT = "berkala", "serta_merta", "setiap_saat"
GROUPS = [
    (BERKALA, _("Informasi berkala")),
    (SERTA_MERTA, _("Informasi serta merta")),
    (SETIAP_SAAT, _("Informasi tersedia setiap saat")),
]

# How often an item must be updated, and the window (days) within which its page or document must have been
# updated to count as fresh. None: no window (kept while it stays true; "segera" is published when it happens).
FREQUENCIES = [
    ("setiap_saat", _("Setiap saat")),
    ("segera", _("Segera (serta merta)")),
    ("bulanan", _("Bulanan")),
    ("triwulanan", _("Triwulanan")),
    ("semesteran", _("Semesteran")),
    ("tahunan", _("Tahunan")),
    ("bila_berubah", _("Bila berubah")),
]
WINDOW_DAYS = {"bulanan": 31, "triwulanan": 92, "semesteran": 183, "tahunan": 366}


class ChecklistItem(models.Model):
    code = models.SlugField(_("kode"), max_length=80, unique=True)
    group = models.CharField(_("kelompok"), max_length=20, choices=GROUPS)
    subgroup = models.CharField(_("subkelompok"), max_length=120, blank=True)
    title = models.CharField(_("judul"), max_length=255)
    description = models.TextField(_("keterangan"), blank=True)
    frequency = models.CharField(_("pemutakhiran"), max_length=20, choices=FREQUENCIES)
    order = models.PositiveIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("dinilai"), default=True,
                                 help_text=_("Butir yang tidak dinilai tidak tampil dan tidak dihitung."))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("butir penilaian website")
        verbose_name_plural = _("butir penilaian website")

    def __str__(self):
        return self.title

    @property
    def window_days(self):
        return WINDOW_DAYS.get(self.frequency)


class Pemenuhan(models.Model):
    """What fulfils one checklist item on one court's website."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", editable=False)
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="fulfilments", editable=False)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("halaman"))
    document = models.ForeignKey(get_document_model_string(), null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("dokumen"))
    url = models.URLField(_("alamat luar"), blank=True, max_length=500,
                          help_text=_("Misalnya tautan SIPP, Direktori Putusan, SIWAS atau JDIH."))
    note = models.TextField(_("catatan"), blank=True)
    incomplete = models.BooleanField(_("belum lengkap"), default=False,
                                     help_text=_("Centang bila isinya belum memenuhi butir ini seluruhnya."))
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "item"], name="penilaian_one_per_item")]
        verbose_name = _("pemenuhan butir penilaian")
        verbose_name_plural = _("pemenuhan butir penilaian")

    def __str__(self):
        return f"{self.item} — {self.site}"

    def clean(self):
        if self.page_id and self.site_id:
            root = self.site.root_page
            if not self.page.path.startswith(root.path):
                raise ValidationError({"page": _("Halaman ini milik pengadilan lain; pilih halaman situs %(court)s.")
                                       % {"court": self.site.site_name or self.site.hostname}})
