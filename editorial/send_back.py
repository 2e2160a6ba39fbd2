"""The send-back note: who returned an item to the Admin, when, and what to fix (one place, read by the
dashboard and the editor)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import TaskState, WorkflowState

from editorial.step_rows import user_name


@dataclass
class SendBackNote:
    comment: str
    by: str
    at: object
    step: str


def notes_for(objects):
    """{object pk: SendBackNote} for those of `objects` (of one model) that wait for the Admin's fixes."""
    objects = list(objects)
    if not objects:
        return {}
    base_type = objects[0].get_base_content_type() if hasattr(objects[0], "get_base_content_type") else (
        ContentType.objects.get_for_model(objects[0]))
    states = (TaskState.objects
              .filter(workflow_state__base_content_type=base_type, status=TaskState.STATUS_REJECTED,
                      workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
                      workflow_state__object_id__in=[str(obj.pk) for obj in objects])
              .select_related("finished_by", "task", "workflow_state")
              .order_by("finished_at", "pk"))
    notes = {}
    for state in states:  # the latest send-back of each item wins
        notes[state.workflow_state.object_id] = SendBackNote(
            comment=state.comment, by=user_name(state.finished_by), at=state.finished_at, step=state.task.name)
    return {obj.pk: notes[str(obj.pk)] for obj in objects if str(obj.pk) in notes}


def note_for(obj):
    return notes_for([obj]).get(obj.pk)
