"""The court's yearly IT programme (Program TI, SOP A).

A1: the Pranata Komputer drafts the programme (title, year, objectives, one row per activity in the areas
pengembangan, pengamanan and monitoring, and attachments). A2-A3: submitting it starts the court's workflow
"Penetapan program TI": the Kasubag PTIP proposes it, the Sekretaris reviews it and the Ketua sets it; each of
them may send it back to the Pranata with a note. The Ketua's approval publishes it, which issues the decree
(SK Teknologi Informasi, programti.decree). A4: the person responsible for each activity reports its progress
until it is done (ProgressReport). A5-A6: the Kasubag's implementation report and the IT monev report
(ProgramReport).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from editorial.models.standards import (
    PROCEDURE_PROGRAM,
    PROGRAM_LAKSANA,
    PROGRAM_LAPOR,
    PROGRAM_MONEV,
    PROGRAM_TETAP,
    PROGRAM_USUL,
)

MONTHS = [(1, _("Januari")), (2, _("Februari")), (3, _("Maret")), (4, _("April")), (5, _("Mei")),
          (6, _("Juni")), (7, _("Juli")), (8, _("Agustus")), (9, _("September")), (10, _("Oktober")),
          (11, _("November")), (12, _("Desember"))]


class ProgramTI(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="it_programmes",
                              verbose_name=_("pengadilan"))
    title = models.CharField(_("judul"), max_length=255)
    year = models.PositiveSmallIntegerField(_("tahun"))
    objectives = models.TextField(_("tujuan"), help_text=_("Sasaran program TI tahun ini."))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    sop_procedures = (PROCEDURE_PROGRAM,)

    class Meta:
        verbose_name = _("Program TI")
        verbose_name_plural = _("Program TI")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def sop_step_for_task(self, task):
        """SOP A2 for the Kasubag's proposal and the Sekretaris's review, A3 for the Ketua's decision."""
        from core import roles

        groups = getattr(task.specific, "groups", None)
        names = list(groups.values_list("name", flat=True)) if groups is not None else []
        if any(name == roles.KETUA or name.endswith(" " + roles.KETUA) for name in names):
            return PROGRAM_TETAP
        return PROGRAM_USUL

    def get_workflow(self):
        """The court's own workflow (one per court, not one per model as Wagtail's default)."""
        link = CourtProgramWorkflow.objects.filter(site_id=self.court_id).select_related("workflow").first()
        if link is None or not link.workflow.active:
            return None
        return link.workflow

    @classmethod
    def get_default_workflow(cls):
        """Wagtail asks the model before an instance has a court (the create view's "submit" action): the first
        court's. The instance's own is its court's (get_workflow)."""
        link = (CourtProgramWorkflow.objects.filter(workflow__active=True).select_related("workflow")
                .order_by("-site__is_default_site", "pk").first())
        return link.workflow if link else None

    def task_url(self, step):
        """Where the Kasubag reports the programme (A5) and evaluates it (A6): the "Laporan program TI" screen."""
        if step in (PROGRAM_LAPOR, PROGRAM_MONEV):
            return reverse("programti_reports") + f"?situs={self.court_id}&program={self.pk}"
        return None

    @property
    def decree(self):
        """The decree that set it (issued when the Ketua's approval published it), or None."""
        return Decree.objects.filter(program_id=self.pk).select_related("document").first() if self.pk else None

    @property
    def is_set(self):
        return self.pk is not None and Decree.objects.filter(program_id=self.pk).exists()


class Activity(Orderable, models.Model):
    """One row of the programme: what is done, in which area, when, from which budget line, measured how, by
    whom. Its progress reports (A4) hang on it."""

    PENGEMBANGAN, PENGAMANAN, MONITORING = "pengembangan", "pengamanan", "monitoring"
    AREAS = [(PENGEMBANGAN, _("Pengembangan")), (PENGAMANAN, _("Pengamanan")), (MONITORING, _("Monitoring"))]

    program = ParentalKey(ProgramTI, on_delete=models.CASCADE, related_name="activities")
    name = models.CharField(_("kegiatan"), max_length=255)
    area = models.CharField(_("bidang"), max_length=20, choices=AREAS, default=PENGEMBANGAN)
    month_start = models.PositiveSmallIntegerField(_("bulan mulai"), choices=MONTHS, default=1)
    month_end = models.PositiveSmallIntegerField(_("bulan selesai"), choices=MONTHS, default=12)
    budget_line = models.CharField(_("mata anggaran"), max_length=255, blank=True)
    budget = models.DecimalField(_("anggaran (Rp)"), max_digits=15, decimal_places=0, null=True, blank=True)
    indicator = models.CharField(_("indikator kinerja"), max_length=255)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("penanggung jawab"))

    sop_procedures = (PROCEDURE_PROGRAM,)

    class Meta(Orderable.Meta):
        verbose_name = _("kegiatan program TI")
        verbose_name_plural = _("kegiatan program TI")

    def __str__(self):
        return self.name

    @property
    def court(self):
        """The court it belongs to (its step records are that court's)."""
        return self.program.court

    @property
    def court_id(self):
        return self.program.court_id

    def schedule_label(self):
        start, end = self.get_month_start_display(), self.get_month_end_display()
        return start if self.month_start == self.month_end else f"{start} – {end}"

    def latest_report(self):
        return self.progress_reports.order_by("-date", "-pk").first()

    def progress(self):
        """The percentage done: the latest report's (0 without one)."""
        report = self.latest_report()
        return report.percent if report else 0

    @property
    def is_done(self):
        return self.progress() >= 100

    def task_url(self, step):
        """Where the person responsible reports progress ("Tugas saya")."""
        if step == PROGRAM_LAKSANA:
            return reverse("programti_report_progress", args=[self.pk])
        return None


class ProgramAttachment(Orderable, models.Model):
    program = ParentalKey(ProgramTI, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("dokumen"))
    note = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")


class ProgressReport(models.Model):
    """A4: the person responsible reports how far an activity is (the latest report's percentage counts)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="progress_reports",
                                 verbose_name=_("kegiatan"))
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    percent = models.PositiveSmallIntegerField(_("kemajuan (%)"))
    text = models.TextField(_("uraian"))
    issue = models.TextField(_("kendala"), blank=True, help_text=_("Hambatan yang perlu ditindaklanjuti, bila ada."))
    evidence_documents = models.ManyToManyField("wagtaildocs.Document", blank=True, related_name="+",
                                                verbose_name=_("berkas bukti"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("dilaporkan oleh"))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("laporan kemajuan")
        verbose_name_plural = _("laporan kemajuan")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.activity} — {self.percent}%"


class Decree(models.Model):
    """SK Teknologi Informasi: the Ketua's decree that sets a programme (SOP A3), kept apart from the programme's
    revisions so that a later draft of the programme never rewrites it."""

    program = models.OneToOneField(ProgramTI, on_delete=models.CASCADE, related_name="+", verbose_name=_("program TI"))
    number = models.CharField(_("nomor"), max_length=100)
    date = models.DateField(_("tanggal"))
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("dokumen"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("ditetapkan oleh"))

    class Meta:
        verbose_name = _("SK Teknologi Informasi")
        verbose_name_plural = _("SK Teknologi Informasi")

    def __str__(self):
        return self.number


class DecreeSequence(models.Model):
    """The court's own decree numbers, one sequence per year."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "year"], name="programti_decree_sequence_unique")]


class CourtProgramWorkflow(models.Model):
    """Which workflow sets a court's IT programmes."""

    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="+")


class ProgramReport(models.Model):
    """A5 (Laporan pelaksanaan program TI) and A6 (Laporan Monitoring dan Evaluasi TI): the Kasubag PTIP's report
    of a programme for a period, with the figures of that moment kept as a PDF document."""

    PELAKSANAAN, MONEV = "pelaksanaan", "monev"
    KINDS = [(PELAKSANAAN, _("Laporan pelaksanaan program TI")),
             (MONEV, _("Laporan Monitoring dan Evaluasi TI"))]

    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("pengadilan"))
    program = models.ForeignKey(ProgramTI, on_delete=models.CASCADE, related_name="reports",
                                verbose_name=_("program TI"))
    kind = models.CharField(_("jenis"), max_length=20, choices=KINDS)
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    summary = models.TextField(_("ringkasan"))
    issues = models.TextField(_("kendala"), blank=True)
    recommendations = models.TextField(_("rekomendasi"), blank=True)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("dokumen"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("disusun oleh"))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    sop_procedures = (PROCEDURE_PROGRAM,)

    class Meta:
        verbose_name = _("laporan program TI")
        verbose_name_plural = _("laporan program TI")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.program}"
