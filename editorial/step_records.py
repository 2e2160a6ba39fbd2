"""Keeps the StepRecord ledger in step with the workflow (connected in EditorialConfig.ready).

- The Admin's drafting step (menyiapkan) opens with the first draft revision
  of an item that is not in review, or when a reviewer sends it back, and
  closes when a task starts (submission or resubmission) or when it is
  published directly.
- Each review task state opens a record when it starts and closes it when it
  is approved, sent back or cancelled.
- Other objects under a workflow (a follow-up plan, an IT programme) are timed the same way when they name
  the step a review task measures (review_step()); a send-back reopens that step for whoever submitted it;
  steps outside the workflow (carrying a plan out) are opened and closed by their app through open_step()
  and close_steps().
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, get_default_page_content_type
from wagtail.signals import page_published, task_approved, task_cancelled, task_rejected, task_submitted

from editorial import durations
from editorial.models import StepRecord
from editorial.models.standards import MENYIAPKAN


def _site(page):
    return page.get_site()  # None for a page outside every site: default working hours then


def _close(record, finished_at, outcome, actor=None, item=None):
    record.finished_at = finished_at
    record.outcome = outcome
    if actor is not None:
        record.actor = actor
    if item is not None:
        # The standard follows the item as it was when the step ended (e.g. social draft switched on).
        record.standard_minutes = durations.standard_minutes(record.step, item)
    record.working_seconds = durations.working_seconds(
        record.started_at, finished_at, durations.schedule_for_site(record.site)
    )
    record.save()


def open_drafting(page, actor, started_at, returned=False):
    if StepRecord.objects.open().filter(page_id=page.pk, step=MENYIAPKAN).exists():
        return None
    return StepRecord.objects.create(
        page_id=page.pk, site=_site(page), step=MENYIAPKAN, actor=actor, started_at=started_at,
        standard_minutes=durations.standard_minutes(MENYIAPKAN, page), returned=returned,
    )


def close_drafting(page, finished_at, outcome):
    for record in StepRecord.objects.open().filter(page_id=page.pk, step=MENYIAPKAN):
        _close(record, finished_at, outcome, item=page)


def on_revision_saved(sender, instance, created, raw=False, **kwargs):
    """A draft saved outside review starts (or continues) the drafting step."""
    if not created or raw or instance.user_id is None:
        return
    if instance.base_content_type_id != get_default_page_content_type().id:
        return
    page = instance.content_object
    if page is None or page.workflow_in_progress or page.get_workflow() is None:
        return
    open_drafting(page.specific, instance.user, instance.created_at)


def _object_fields(obj):
    """A non-page item's StepRecord fields: what it is and the court it belongs to."""
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk),
            "site": getattr(obj, "court", None)}


def review_step(obj, task):
    """The step a workflow task measures for a non-page item: the item's ``sop_step_for_task(task)`` when its
    workflow has several tasks (a programme reviewed by the Sekretaris, then set by the Ketua), else its model's
    ``review_step``; None when the item is not timed."""
    choose = getattr(obj, "sop_step_for_task", None)
    return choose(task) if choose else getattr(type(obj), "review_step", None)


def open_step(obj, step, actor, started_at, returned=False):
    """Open a step of a non-page item that no workflow task measures (e.g. carrying out an approved plan, or
    fixing a plan sent back: `returned`)."""
    fields = _object_fields(obj)
    if StepRecord.objects.open().filter(content_type=fields["content_type"], object_id=fields["object_id"],
                                        step=step, task_state__isnull=True).exists():
        return None
    return StepRecord.objects.create(step=step, actor=actor, started_at=started_at, returned=returned,
                                     standard_minutes=durations.standard_minutes(step, obj), **fields)


def close_steps(obj, step, finished_at, outcome, actor=None):
    """Close the open steps of a non-page item that no workflow task measures."""
    fields = _object_fields(obj)
    for record in StepRecord.objects.open().filter(content_type=fields["content_type"], task_state__isnull=True,
                                                   object_id=fields["object_id"], step=step):
        _close(record, finished_at, outcome, actor=actor, item=obj)


def on_task_submitted(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    obj = instance.revision.as_object()
    if not isinstance(obj, Page):
        step = review_step(obj, task)
        if step:
            close_steps(obj, step, instance.started_at, StepRecord.SUBMITTED)  # the fixes after a send-back
            StepRecord.objects.get_or_create(
                task_state=instance,
                defaults={"step": step, "started_at": instance.started_at,
                          "standard_minutes": durations.standard_minutes(step, obj), **_object_fields(obj)},
            )
        return
    page = obj
    step = getattr(task, "workflow_step", None)
    close_drafting(page, instance.started_at, StepRecord.SUBMITTED)
    if step:
        StepRecord.objects.get_or_create(
            task_state=instance,
            defaults={"page_id": page.pk, "site": _site(page), "step": step, "started_at": instance.started_at,
                      "standard_minutes": durations.standard_minutes(step, page)},
        )


def _on_task_finished(instance, outcome):
    record = StepRecord.objects.filter(task_state_id=instance.pk).first()
    obj = instance.workflow_state.content_object
    page = obj.specific if isinstance(obj, Page) else None
    if record is not None and record.is_open:
        _close(record, instance.finished_at, outcome, actor=instance.finished_by,
               item=page.get_latest_revision_as_object() if page else obj)
    return page


def on_task_approved(sender, instance, user=None, **kwargs):
    _on_task_finished(instance, StepRecord.APPROVED)


def on_task_rejected(sender, instance, user=None, **kwargs):
    page = _on_task_finished(instance, StepRecord.REJECTED)
    obj = instance.workflow_state.content_object
    step = review_step(obj, instance.task.specific) if page is None and obj is not None else None
    if step:
        # Sent back: the step waits on whoever submitted it, until they submit again.
        open_step(obj, step, instance.workflow_state.requested_by, instance.finished_at, returned=True)
    if page is not None:
        open_drafting(page.get_latest_revision_as_object(), instance.workflow_state.requested_by,
                      instance.finished_at, returned=True)


def on_task_cancelled(sender, instance, user=None, **kwargs):
    _on_task_finished(instance, StepRecord.CANCELLED)


def on_page_published(sender, instance, revision=None, **kwargs):
    close_drafting(instance, timezone.now(), StepRecord.PUBLISHED)


def connect():
    from django.db.models.signals import post_save

    uid = "editorial.step_records."
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid=uid + "revision")
    # Wagtail sends task signals with the task state's specific class as sender; ours use the base TaskState.
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid=uid + "submitted")
    task_approved.connect(on_task_approved, sender=TaskState, dispatch_uid=uid + "approved")
    task_rejected.connect(on_task_rejected, sender=TaskState, dispatch_uid=uid + "rejected")
    task_cancelled.connect(on_task_cancelled, sender=TaskState, dispatch_uid=uid + "cancelled")
    page_published.connect(on_page_published, dispatch_uid=uid + "published")

