"""The schedule's steps outside the workflow (editorial.step_records times the Kasubag's check, D2):

- D1 (JADWAL_SUSUN): from the Pranata's first save of a schedule until it is submitted;
- D2's output: the Kasubag's approval publishes the schedule, which plans its work orders and issues those whose
  date has come (pemeliharaan.orders).
"""

from django.db.models.signals import post_save
from wagtail.models import Revision, TaskState
from wagtail.signals import published, task_submitted

from editorial import step_records
from editorial.models import StepRecord
from editorial.models.standards import JADWAL_SUSUN

from .models import MaintenanceSchedule


def on_revision_saved(sender, instance, created, raw=False, **kwargs):
    """The first save of a schedule starts its drafting (D1)."""
    if not created or raw or instance.user_id is None or instance.content_type_id is None:
        return
    if instance.content_type.model_class() is not MaintenanceSchedule:
        return
    schedule = MaintenanceSchedule.objects.filter(pk=instance.object_id).first()
    if schedule is None or schedule.workflow_in_progress:
        return
    fields = step_records._object_fields(schedule)
    if StepRecord.objects.filter(content_type=fields["content_type"], object_id=fields["object_id"],
                                 step=JADWAL_SUSUN).exists():
        return
    step_records.open_step(schedule, JADWAL_SUSUN, instance.user, instance.created_at)


def on_task_submitted(sender, instance, user=None, **kwargs):
    """Submitting ends the drafting (D1)."""
    obj = instance.workflow_state.content_object
    if isinstance(obj, MaintenanceSchedule):
        step_records.close_steps(obj, JADWAL_SUSUN, instance.started_at, StepRecord.SUBMITTED,
                                 actor=instance.workflow_state.requested_by)


def on_published(sender, instance, revision=None, **kwargs):
    """The Kasubag's approval (the workflow's publish): the work orders of the year, those due now issued."""
    from . import orders

    orders.plan(instance)
    orders.issue_due()


def connect():
    uid = "pemeliharaan."
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid=uid + "revision")
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid=uid + "submitted")
    published.connect(on_published, sender=MaintenanceSchedule, dispatch_uid=uid + "published")
