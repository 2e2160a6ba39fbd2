"""SOP D (IT maintenance): the court's register of IT assets (Aset TI), its yearly maintenance schedule (Jadwal
pemeliharaan) and the work orders (Perintah pemeliharaan) the schedule's approval plans."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from editorial.models.standards import JADWAL_PERIKSA, PEMELIHARAAN, PEMELIHARAAN_MONEV, PROCEDURE_MAINTENANCE

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


# ---------------------------------------------------------------------------------------------------------------
# The maintenance schedule (Jadwal pemeliharaan, SOP D1-D2) and its work orders (Perintah pemeliharaan, D3-D4).
# ---------------------------------------------------------------------------------------------------------------



class MaintenanceSchedule(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """D1: the Pranata Komputer drafts the year's recurring maintenance tasks, one row per asset and task. D2:
    submitting it starts the court's workflow "Pemeriksaan jadwal pemeliharaan"; the Kasubag PTIP approves it
    (which publishes it and plans its work orders) or sends it back with a note."""

    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="maintenance_schedules",
                              verbose_name=_("pengadilan"))
    title = models.CharField(_("judul"), max_length=255)
    year = models.PositiveSmallIntegerField(_("tahun"))
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    sop_procedures = (PROCEDURE_MAINTENANCE,)
    review_step = JADWAL_PERIKSA

    class Meta:
        verbose_name = _("Jadwal pemeliharaan")
        verbose_name_plural = _("Jadwal pemeliharaan")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def get_workflow(self):
        """The court's own workflow (one per court, not one per model as Wagtail's default)."""
        link = CourtMaintenanceWorkflow.objects.filter(site_id=self.court_id).select_related("workflow").first()
        if link is None or not link.workflow.active:
            return None
        return link.workflow

    @classmethod
    def get_default_workflow(cls):
        """Asked before an instance has a court (the create view's "submit" action): the first court's."""
        link = (CourtMaintenanceWorkflow.objects.filter(workflow__active=True).select_related("workflow")
                .order_by("-site__is_default_site", "pk").first())
        return link.workflow if link else None


class MaintenanceTask(Orderable, models.Model):
    """One recurring task of the schedule: what is done to which asset, how often from its first date, by whom."""

    SEKALI, BULANAN, TRIWULANAN, SEMESTERAN, TAHUNAN = 0, 1, 3, 6, 12
    FREQUENCIES = [(BULANAN, _("Bulanan")), (TRIWULANAN, _("Triwulanan")), (SEMESTERAN, _("Semesteran")),
                   (TAHUNAN, _("Tahunan")), (SEKALI, _("Sekali"))]

    schedule = ParentalKey(MaintenanceSchedule, on_delete=models.CASCADE, related_name="tasks")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="+", verbose_name=_("aset"))
    name = models.CharField(_("pekerjaan"), max_length=255, help_text=_("Misalnya: uji pemulihan backup."))
    frequency = models.PositiveSmallIntegerField(_("frekuensi"), choices=FREQUENCIES, default=BULANAN)
    first_date = models.DateField(_("tanggal pertama"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("pelaksana"))

    class Meta(Orderable.Meta):
        verbose_name = _("pekerjaan pemeliharaan")
        verbose_name_plural = _("pekerjaan pemeliharaan")

    def __str__(self):
        return f"{self.name} — {self.asset}"

    def due_dates(self, year=None):
        """The task's dates in the schedule's year: its first date, then every `frequency` months on the same
        day (the month's last day when the month is shorter)."""
        import calendar

        year = year or self.schedule.year
        if self.first_date is None or self.first_date.year != year:
            return []
        if self.frequency == self.SEKALI:
            return [self.first_date]
        dates, month = [], self.first_date.month
        while month <= 12:
            day = min(self.first_date.day, calendar.monthrange(year, month)[1])
            dates.append(datetime.date(year, month, day))
            month += self.frequency
        return dates


class WorkOrderQuerySet(models.QuerySet):
    def due_for_issue(self, day):
        """Planned orders whose date has come (issued on their date, or at once when planned late)."""
        return self.filter(status=WorkOrder.TERJADWAL, due_date__lte=day)

    def in_period(self, start, end):
        return self.filter(due_date__gte=start, due_date__lte=end)

    def awaiting_evaluation(self):
        return self.filter(status=WorkOrder.DILAPORKAN)

    def open_for(self, user):
        """Orders the user has to carry out now."""
        return self.filter(assignee=user, status__in=(WorkOrder.DITERBITKAN, WorkOrder.DIKEMBALIKAN))


class WorkOrder(models.Model):
    """Perintah pemeliharaan: one date of a task of an approved schedule. Planned on approval, issued on its date
    (D3 starts for its assignee), reported done with findings and evidence (WorkOrderReport; D4 starts for the
    Kasubag PTIP), then evaluated: accepted (done) or returned to the assignee with a note."""

    TERJADWAL, DITERBITKAN, DILAPORKAN, DIKEMBALIKAN, SELESAI = (
        "terjadwal", "diterbitkan", "dilaporkan", "dikembalikan", "selesai")
    STATUSES = [(TERJADWAL, _("Terjadwal")), (DITERBITKAN, _("Diterbitkan")), (DILAPORKAN, _("Menunggu evaluasi")),
                (DIKEMBALIKAN, _("Dikembalikan")), (SELESAI, _("Selesai"))]

    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("pengadilan"))
    schedule = models.ForeignKey(MaintenanceSchedule, on_delete=models.CASCADE, related_name="work_orders",
                                 verbose_name=_("jadwal pemeliharaan"))
    task = models.ForeignKey(MaintenanceTask, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("pekerjaan"))
    asset = models.ForeignKey(Asset, on_delete=models.SET_NULL, null=True, blank=True, related_name="work_orders",
                              verbose_name=_("aset"))
    asset_label = models.CharField(_("aset"), max_length=310)
    title = models.CharField(_("pekerjaan"), max_length=255)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                 verbose_name=_("pelaksana"))
    due_date = models.DateField(_("tanggal jadwal"))
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=TERJADWAL)
    issued_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    done_on = models.DateField(_("tanggal dikerjakan"), null=True, blank=True,
                               help_text=_("Tanggal pada laporan yang berlaku (bukan laporan yang dikembalikan)."))

    objects = WorkOrderQuerySet.as_manager()
    sop_procedures = (PROCEDURE_MAINTENANCE,)

    class Meta:
        verbose_name = _("perintah pemeliharaan")
        verbose_name_plural = _("perintah pemeliharaan")
        ordering = ["due_date", "pk"]
        permissions = [("evaluate_workorder", _("Dapat mengevaluasi perintah pemeliharaan"))]
        constraints = [models.UniqueConstraint(fields=["task", "due_date"], name="pemeliharaan_order_per_date")]
        indexes = [models.Index(fields=["court", "due_date"])]

    def __str__(self):
        return f"{self.title} — {self.asset_label} ({self.due_date:%d/%m/%Y})"

    def get_admin_display_title(self):
        return str(self)

    def task_url(self, step):
        """Where the assignee carries the order out (D3) and the Kasubag evaluates it (D4)."""
        from django.urls import reverse

        if step in (PEMELIHARAAN, PEMELIHARAAN_MONEV):
            return reverse("pemeliharaan_perintah:detail", args=[self.pk])
        return None

    def realisation(self, today):
        """Plan against realisation: "tepat" (done by its date), "terlambat" (done after it), "terlewat" (not done,
        its date passed) or "belum" (not done, its date still to come)."""
        if self.done_on is not None:
            return "tepat" if self.done_on <= self.due_date else "terlambat"
        return "terlewat" if self.due_date < today else "belum"


class WorkOrderReport(models.Model):
    """D3's record (Pelaporan Pemeliharaan TI): what was done on which day, the findings and the evidence, and
    D4's evaluation of it. A report sent back stays in the order's history."""

    BAIK, PERLU_TINDAK_LANJUT = "baik", "perlu_tindak_lanjut"
    RESULTS = [(BAIK, _("Baik, tidak ada masalah")), (PERLU_TINDAK_LANJUT, _("Ada temuan yang perlu ditindaklanjuti"))]
    DITERIMA, DIKEMBALIKAN = "diterima", "dikembalikan"
    VERDICTS = [(DITERIMA, _("Diterima")), (DIKEMBALIKAN, _("Dikembalikan"))]

    order = models.ForeignKey(WorkOrder, on_delete=models.CASCADE, related_name="reports",
                              verbose_name=_("perintah pemeliharaan"))
    done_on = models.DateField(_("tanggal dikerjakan"))
    result = models.CharField(_("hasil"), max_length=30, choices=RESULTS, default=BAIK)
    findings = models.TextField(_("uraian dan temuan"))
    evidence_documents = models.ManyToManyField("wagtaildocs.Document", blank=True, related_name="+",
                                                verbose_name=_("berkas bukti"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("dilaporkan oleh"))
    reported_at = models.DateTimeField(_("dilaporkan"), default=timezone.now)
    verdict = models.CharField(_("evaluasi"), max_length=20, choices=VERDICTS, blank=True)
    evaluation = models.TextField(_("catatan evaluasi"), blank=True)
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("dievaluasi oleh"))
    evaluated_at = models.DateTimeField(_("dievaluasi"), null=True, blank=True)

    class Meta:
        verbose_name = _("laporan pemeliharaan")
        verbose_name_plural = _("laporan pemeliharaan")
        ordering = ["-reported_at", "-pk"]

    def __str__(self):
        return f"{self.order} — {self.done_on:%d/%m/%Y}"


class CourtMaintenanceWorkflow(models.Model):
    """Which workflow checks a court's maintenance schedules."""

    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="+")
