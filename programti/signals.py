"""The programme's steps outside the workflow (editorial.step_records times the workflow's own tasks):

- A1 (PROGRAM_SUSUN): from the Pranata's first save of a programme until it is submitted;
- A3's output: the Ketua's approval publishes the programme, which issues its decree (programti.decree);
- A4 (PROGRAM_LAKSANA): each activity, from the decree until its person responsible reports it done.
"""

from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Revision, TaskState
from wagtail.signals import published, task_submitted

from editorial import step_records
from editorial.models import StepRecord
from editorial.models.standards import PROGRAM_LAKSANA, PROGRAM_SUSUN

from .models import ProgramTI


def _program_of_revision(revision):
    if revision.content_type_id is None:
        return None
    model = revision.content_type.model_class()
    if model is not ProgramTI:
        return None
    return ProgramTI.objects.filter(pk=revision.object_id).first()


def on_revision_saved(sender, instance, created, raw=False, **kwargs):
    """The first save of a programme starts its drafting (A1)."""
    if not created or raw or instance.user_id is None:
        return
    program = _program_of_revision(instance)
    if program is None or program.workflow_in_progress:
        return
    fields = step_records._object_fields(program)
    if StepRecord.objects.filter(content_type=fields["content_type"], object_id=fields["object_id"],
                                 step=PROGRAM_SUSUN).exists():
        return
    step_records.open_step(program, PROGRAM_SUSUN, instance.user, instance.created_at)


def on_task_submitted(sender, instance, user=None, **kwargs):
    """Submitting ends the drafting (A1)."""
    obj = instance.workflow_state.content_object
    if isinstance(obj, ProgramTI):
        step_records.close_steps(obj, PROGRAM_SUSUN, instance.started_at, StepRecord.SUBMITTED,
                                 actor=instance.workflow_state.requested_by)


def approver(program):
    """Who approved the programme's last task (the Ketua), or None (a superuser's direct publish)."""
    state = (TaskState.objects.filter(workflow_state__base_content_type=program.get_base_content_type(),
                                      workflow_state__object_id=str(program.pk), status=TaskState.STATUS_APPROVED)
             .select_related("finished_by").order_by("-finished_at", "-pk").first())
    return state.finished_by if state else None


def on_published(sender, instance, revision=None, **kwargs):
    """The Ketua's approval (the workflow's publish) sets the programme: its decree, then A4 for each activity."""
    from . import decree

    decree.issue(instance, approver(instance))
    now = timezone.now()
    for activity in ProgramTI.objects.get(pk=instance.pk).activities.select_related("responsible"):
        if not activity.is_done:
            step_records.open_step(activity, PROGRAM_LAKSANA, activity.responsible, now)


def connect():
    uid = "programti."
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid=uid + "revision")
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid=uid + "submitted")
    published.connect(on_published, sender=ProgramTI, dispatch_uid=uid + "published")
