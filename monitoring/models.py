"""What the website checks found, kept as history: a run per court and time, its findings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

SISTEM, KEAMANAN, KAPASITAS, DATA, AKSESIBILITAS = "sistem", "keamanan", "kapasitas", "data", "aksesibilitas"
GROUPS = [(SISTEM, _("Sistem")), (KEAMANAN, _("Keamanan")), (KAPASITAS, _("Kapasitas")), (DATA, _("Data")),
          (AKSESIBILITAS, _("Aksesibilitas"))]
KRITIS, DISARANKAN, BAIK = "kritis", "disarankan", "baik"
SEVERITIES = [(KRITIS, _("Kritis")), (DISARANKAN, _("Disarankan")), (BAIK, _("Baik"))]


@register_setting(icon="pick")
class MonitoringSettings(BaseSiteSetting):
    public_url = models.URLField(
        _("alamat publik situs"), blank=True,
        help_text=_("Alamat yang dibuka masyarakat, misalnya https://pn-contoh.go.id. Kosongkan bila sama "
                    "dengan alamat situs di Warta."))
    slow_ms = models.PositiveIntegerField(
        _("batas respons lambat (milidetik)"), default=2000,
        help_text=_("Halaman yang menjawab lebih lambat dari ini dicatat sebagai temuan."))

    class Meta:
        verbose_name = _("pengaturan pemantauan website")

    def base_url(self):
        return (self.public_url or self.site.root_url).rstrip("/")


class CheckRun(models.Model):
    SCHEDULED, MANUAL = "terjadwal", "manual"
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("pengadilan"), on_delete=models.CASCADE,
                             related_name="+")
    started_at = models.DateTimeField(_("mulai"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    trigger = models.CharField(_("dijalankan"), max_length=10, default=SCHEDULED,
                               choices=[(SCHEDULED, _("terjadwal")), (MANUAL, _("manual"))])
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("dijalankan oleh"))

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("pemeriksaan website")
        verbose_name_plural = _("pemeriksaan website")

    def __str__(self):
        return f"{self.site} {self.started_at:%Y-%m-%d %H:%M}"


class Finding(models.Model):
    run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="findings")
    check_key = models.CharField(_("pemeriksaan"), max_length=60)
    group = models.CharField(_("kelompok"), max_length=14, choices=GROUPS)
    severity = models.CharField(_("tingkat"), max_length=12, choices=SEVERITIES)
    title = models.CharField(_("temuan"), max_length=300)
    why = models.TextField(_("mengapa penting"), blank=True)
    how_to_fix = models.TextField(_("cara memperbaiki"), blank=True)
    target = models.CharField(_("yang diperiksa"), max_length=500, blank=True)
    detail = models.JSONField(_("rincian"), default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("temuan pemeriksaan")
        verbose_name_plural = _("temuan pemeriksaan")

    def __str__(self):
        return self.title


class CheckState(models.Model):
    """The worst severity each check of a court had at its last run, to tell people of a change once."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    check_key = models.CharField(max_length=60)
    severity = models.CharField(max_length=12, choices=SEVERITIES)
    since = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "check_key"], name="monitoring_state_per_check")]


class Recheck(models.Model):
    """One check run again for a follow-up plan made from its finding: the evidence that the fix worked
    (shown on the assignee's "Laksanakan" screen and written into the plan's evidence when it is closed)."""

    plan = models.ForeignKey("tindaklanjut.FollowUpPlan", verbose_name=_("rencana tindak lanjut"),
                             on_delete=models.CASCADE, related_name="+")
    check_key = models.CharField(_("pemeriksaan"), max_length=60)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("diminta oleh"))
    requested_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    passed = models.BooleanField(_("lulus"), null=True)
    summary = models.TextField(_("hasil"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("pemeriksaan ulang")
        verbose_name_plural = _("pemeriksaan ulang")
