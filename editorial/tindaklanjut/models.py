"""Follow-up plans (Rencana Tindak Lanjut, SOP B6-B7).

A finding (of the website monitoring, and later of the evaluations of the IT programme and of IT maintenance)
becomes a plan item written by the court's Kasubag PTIP. The plan is a snippet under Wagtail's workflow
engine: submitting it starts the court's workflow "Persetujuan rencana tindak lanjut" (one group approval task
for the court's Sekretaris, see workflow_setup), who approves it or sends it back with a note. An approved
(published) plan is carried out and closed by its assignee with evidence.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from editorial.models.standards import (
    PROCEDURE_MAINTENANCE,
    PROCEDURE_PROGRAM,
    PROCEDURE_WEBSITE,
    RENCANA_TL,
    TINDAK_LANJUT,
)


class FollowUpPlanQuerySet(models.QuerySet):
    def for_court(self, site):
        return self.filter(court=site)

    def in_period(self, site, start, end):
        """The court's plans created between start and end (dates, both included)."""
        return self.filter(court=site, created_at__date__gte=start, created_at__date__lte=end)

    def overdue(self, site, on):
        """The court's plans whose due date lies before `on` (a date) and that are not closed."""
        return self.filter(court=site, due_date__lt=on).exclude(status=FollowUpPlan.SELESAI)

    def open(self):
        return self.exclude(status=FollowUpPlan.SELESAI)


class FollowUpPlan(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    TINGGI, SEDANG, RENDAH = "tinggi", "sedang", "rendah"
    PRIORITIES = [(TINGGI, _("Tinggi")), (SEDANG, _("Sedang")), (RENDAH, _("Rendah"))]
    DISETUJUI, SELESAI = "disetujui", "selesai"
    STATUSES = [("", _("Konsep")), (DISETUJUI, _("Disetujui")), (SELESAI, _("Selesai"))]

    court = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="follow_up_plans",
                              verbose_name=_("pengadilan"))
    title = models.CharField(_("tindakan"), max_length=255, help_text=_("Apa yang akan dilakukan."))
    finding = models.TextField(_("temuan"), blank=True, help_text=_("Temuan yang ditindaklanjuti."))
    source_label = models.CharField(_("sumber"), max_length=255, blank=True)
    source_url = models.CharField(_("tautan sumber"), max_length=500, blank=True)
    # What produced the finding, for the app that made it (e.g. "monitoring:sistem.pages", a check it can re-run
    # as evidence): set by the link that opened the add view, never typed.
    source_ref = models.CharField(_("kode sumber"), max_length=120, blank=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                 related_name="follow_up_plans", verbose_name=_("pelaksana"))
    due_date = models.DateField(_("tenggat"), null=True)
    priority = models.CharField(_("prioritas"), max_length=10, choices=PRIORITIES, default=SEDANG)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, blank=True, default="")
    evidence = models.TextField(_("bukti pelaksanaan"), blank=True)
    evidence_documents = models.ManyToManyField("wagtaildocs.Document", blank=True, related_name="+",
                                                verbose_name=_("dokumen bukti"))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    closed_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("diselesaikan oleh"))

    objects = FollowUpPlanQuerySet.as_manager()

    # Timed against the Mutu Baku like the editorial steps (editorial.step_records): the Sekretaris's approval
    # is SOP B6 (D5 for a maintenance finding), carrying the plan out B7 (A7, D6).
    review_step = RENCANA_TL
    # The SOP procedure whose Mutu Baku rows time the plan: the app that made the finding says which
    # (source_ref "<app label>:..."); the website's (B) when no other app claims it.
    PROCEDURE_OF_SOURCE = {"programti": PROCEDURE_PROGRAM, "pemeliharaan": PROCEDURE_MAINTENANCE}

    @property
    def sop_procedures(self):
        return (self.PROCEDURE_OF_SOURCE.get(self.source_ref.partition(":")[0], PROCEDURE_WEBSITE),)

    class Meta:
        verbose_name = _("Rencana tindak lanjut")
        verbose_name_plural = _("Rencana tindak lanjut")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_workflow(self):
        """The court's own workflow (one per court, not one per model as Wagtail's default)."""
        link = CourtPlanWorkflow.objects.filter(site_id=self.court_id).select_related("workflow").first()
        if link is None or not link.workflow.active:
            return None
        return link.workflow

    @classmethod
    def get_default_workflow(cls):
        """Plans are under a workflow (Wagtail asks the model before an instance has a court, e.g. for the
        create view's "submit" action): the first court's. The instance's own is its court's (get_workflow)."""
        link = (CourtPlanWorkflow.objects.filter(workflow__active=True).select_related("workflow")
                .order_by("-site__is_default_site", "pk").first())
        return link.workflow if link else None

    def is_overdue(self, on=None):
        on = on or timezone.localdate()
        return self.status != self.SELESAI and self.due_date is not None and self.due_date < on

    def task_url(self, step):
        """Where the person a step waits on does it ("Tugas saya"): carrying out opens the Laksanakan screen."""
        if step == TINDAK_LANJUT:
            return reverse("tindaklanjut_carry_out", args=[self.pk])
        return None

    def close(self, user, evidence, documents=()):
        from editorial import step_records
        from editorial.models import StepRecord

        self.status = self.SELESAI
        self.evidence = evidence
        self.closed_at = timezone.now()
        self.closed_by = user
        self.save(update_fields=["status", "evidence", "closed_at", "closed_by"])
        if documents:
            self.evidence_documents.add(*documents)
        step_records.close_steps(self, TINDAK_LANJUT, self.closed_at, StepRecord.DONE, actor=user)


class CourtPlanWorkflow(models.Model):
    """Which workflow approves a court's plans."""

    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="+")
