from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.translation import gettext_lazy as _

from .standards import WORKFLOW_STEPS


class StepRecordQuerySet(models.QuerySet):
    def open(self):
        return self.filter(finished_at__isnull=True)

    def finished(self):
        return self.filter(finished_at__isnull=False)

    def measured(self):
        """Finished steps that have a standard to meet (editorial.durations.met_standard is not None)."""
        return self.finished().filter(working_seconds__isnull=False, standard_minutes__gt=0)

    def met_standard(self, met=True):
        """Finished steps for which editorial.durations.met_standard(working_seconds, standard_minutes) is `met`.

        The same rule as that function, asked of the database: at most the standard, to the second.
        """
        return self.measured().filter(met_standard_condition(met))


def met_standard_condition(met=True):
    """StepRecordQuerySet.met_standard()'s condition on its own, for a measured step (as in an aggregate's
    filter: Count("id", filter=met_standard_condition()))."""
    limit = models.F("standard_minutes") * 60
    return models.Q(working_seconds__lte=limit) if met else models.Q(working_seconds__gt=limit)


class StepRecord(models.Model):
    """One pass of an item through one editorial step, timed against its Mutu Baku standard.

    The item is a page, or another object under a workflow (content_type and object_id: a follow-up plan).

    Task steps mirror a Wagtail TaskState; the Admin's drafting step (menyiapkan)
    has no TaskState, so it starts at the first draft or at a send-back and ends
    at the (re)submission. The standard is kept as it was for this pass, and the
    time taken is counted in the court's working hours when the step ends
    (editorial.durations).
    """

    OPEN = "open"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    PUBLISHED = "published"
    DONE = "done"
    OUTCOMES = [
        (OPEN, _("Berjalan")),
        (SUBMITTED, _("Dikirim ke Redaktur")),
        (APPROVED, _("Disetujui")),
        (REJECTED, _("Dikembalikan ke Admin")),
        (CANCELLED, _("Dibatalkan")),
        (PUBLISHED, _("Diterbitkan langsung")),
        (DONE, _("Selesai dilaksanakan")),
    ]

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("konten"), on_delete=models.CASCADE,
                             related_name="+", null=True, blank=True)
    # An item other than a page (a follow-up plan): its model and primary key, as Wagtail's revisions keep them.
    content_type = models.ForeignKey("contenttypes.ContentType", verbose_name=_("jenis"), null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(_("id objek"), max_length=255, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("situs pengadilan"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    step = models.CharField(_("langkah"), max_length=20, choices=WORKFLOW_STEPS)
    task_state = models.OneToOneField("wagtailcore.TaskState", verbose_name=_("status tugas"), null=True,
                                      blank=True, on_delete=models.CASCADE, related_name="step_record")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("pelaksana"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(_("mulai"), db_index=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    standard_minutes = models.PositiveIntegerField(_("standar (menit)"), default=0)
    working_seconds = models.PositiveIntegerField(_("durasi (detik jam kerja)"), null=True, blank=True)
    outcome = models.CharField(_("hasil"), max_length=20, choices=OUTCOMES, default=OPEN)
    returned = models.BooleanField(_("perbaikan setelah dikembalikan"), default=False)
    reminder_sent_at = models.DateTimeField(_("pengingat terkirim"), null=True, blank=True)

    objects = StepRecordQuerySet.as_manager()

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["finished_at", "step"], name="steprecord_open_step_idx"),
                   models.Index(fields=["content_type", "object_id"], name="steprecord_object_idx")]
        verbose_name = _("catatan waktu langkah")
        verbose_name_plural = _("catatan waktu langkah")

    def __str__(self):
        return f"{self.get_step_display()} — {self.page_id} @ {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self):
        return self.finished_at is None

    @property
    def item(self):
        """What the step is about: the page (its specific class, fields deferred) or the other object."""
        if self.page_id:
            return self.page.specific_deferred
        return self.content_object
