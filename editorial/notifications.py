"""Workflow notifications by email, sent from a background task (queue "notifications").

Wagtail's notifiers (wagtail.admin.mail) send synchronously from the workflow
signals, inside the editor's request. Here the same notifiers and templates
are used, but the signal only enqueues a task once the transaction commits;
the task re-reads the objects and sends. Wagtail renders the HTML part outside
the recipient's language override, so send_emails is redone to render subject,
text and HTML in the recipient's preferred language.

A step that runs past its Mutu Baku standard sends one reminder
(send_overdue_reminders, a periodic job; StepRecord.reminder_sent_at records it).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)


class LocalisedEmailMixin:
    def send_emails(self, template_set, context, recipients, **kwargs):
        sent = 0
        try:
            with mail.OpenedConnection(get_connection()) as connection:
                for recipient in recipients:
                    context["user"] = recipient
                    with override(UserProfile.get_for_user(recipient).get_preferred_language()):
                        subject = render_to_string(template_set["subject"], context).strip()
                        text = render_to_string(template_set["text"], context).strip()
                        html = None
                        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                            html = render_to_string(template_set["html"], context)
                    try:
                        mail.send_mail(" ".join(subject.split()), text, [recipient.email], connection=connection,
                                       html_message=html)
                        sent += 1
                    except Exception:
                        logger.exception("failed to send notification %r to %s", subject, recipient.email)
        except (TimeoutError, ConnectionError, OSError):
            logger.exception("mail connection failed; notifications skipped")
        return sent == len(recipients)


class TaskSubmittedNotifier(LocalisedEmailMixin, mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmittedNotifier(LocalisedEmailMixin, mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovedNotifier(LocalisedEmailMixin, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(LocalisedEmailMixin, mail.WorkflowStateRejectionEmailNotifier):
    def get_context(self, workflow_state, task_state=None, **kwargs):
        # The task that sent it back, as recorded when it happened: by the time the
        # background task runs, the Admin may already have resubmitted.
        context = super().get_context(workflow_state, **kwargs)
        if task_state is not None:
            context.update(task=task_state.task, task_state=task_state, comment=task_state.get_comment())
        return context


class OverdueReminderNotifier(LocalisedEmailMixin, mail.EmailNotificationMixin, mail.Notifier):
    """One reminder that a step is past its standard time, to whoever must act next."""

    notification = "submitted"  # honours the "submitted for moderation" preference

    def __init__(self):
        from editorial.models import StepRecord

        super().__init__((StepRecord,))

    def get_template_set(self, instance, **kwargs):
        base = "editorial/notifications/overdue_reminder"
        return {"subject": base + "_subject.txt", "text": base + ".txt", "html": base + ".html"}

    def get_recipient_users(self, record, **kwargs):
        User = get_user_model()
        if record.task_state_id:
            task = record.task_state.task.specific
            return set(User.objects.filter(groups__in=task.groups.all()).distinct())
        return {record.actor} if record.actor_id else set()

    def get_context(self, record, **kwargs):
        from editorial import durations
        from editorial.step_rows import item_title, item_url

        context = super().get_context(record, **kwargs)
        item = record.item
        context.update({
            "record": record, "title": item_title(item), "edit_url": item_url(record, item),
            "step": record.get_step_display(),
            "elapsed": durations.format_duration(durations.elapsed_seconds(record)),
            "standard": durations.format_duration(record.standard_minutes * 60),
        })
        return context


NOTIFIERS = {
    "task_submitted": (TaskState, TaskSubmittedNotifier),
    "workflow_submitted": (WorkflowState, WorkflowSubmittedNotifier),
    "workflow_approved": (WorkflowState, WorkflowApprovedNotifier),
    "workflow_rejected": (WorkflowState, WorkflowRejectedNotifier),
}


@task(queue_name="notifications")
def send_workflow_notification(kind, object_id, user_id=None, task_state_id=None):
    model, notifier_class = NOTIFIERS[kind]
    instance = model.objects.filter(pk=object_id).first()
    if instance is None:
        return False
    if model is TaskState:
        instance = instance.specific
    extra = {}
    if task_state_id:
        extra["task_state"] = TaskState.objects.filter(pk=task_state_id).first()
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return notifier_class()(instance=instance, user=user, **extra)


@task(queue_name="notifications")
def send_overdue_reminder(record_id):
    from editorial.models import StepRecord

    record = StepRecord.objects.select_related("page", "task_state").filter(pk=record_id).first()
    if record is None or not record.is_open:
        return False
    return OverdueReminderNotifier()(instance=record)


def enqueue_on_commit(task_obj, *args):
    transaction.on_commit(lambda: task_obj.enqueue(*args))


def _receiver(kind):
    def receiver(sender, instance, user=None, **kwargs):
        task_state_id = instance.current_task_state_id if kind == "workflow_rejected" else None
        enqueue_on_commit(send_workflow_notification, kind, instance.pk, user.pk if user else None, task_state_id)
    receiver.__name__ = f"enqueue_{kind}"
    return receiver


# Wagtail connects its synchronous notifiers under these dispatch uids (wagtail.admin.signal_handlers).
WAGTAIL_NOTIFIER_UIDS = {
    "task_submitted": (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    "workflow_submitted": (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    "workflow_rejected": (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    "workflow_approved": (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
}
_receivers = {kind: _receiver(kind) for kind in WAGTAIL_NOTIFIER_UIDS}


def connect():
    """Put the background senders in place of Wagtail's synchronous ones.

    They take over Wagtail's dispatch uids: a connect() with a uid already taken
    is ignored by Django, so this works whether wagtail.admin's ready() ran
    before (its receiver is disconnected here) or runs after (its connect is a no-op).
    """
    for kind, (signal, sender, uid) in WAGTAIL_NOTIFIER_UIDS.items():
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_receivers[kind], sender=sender, dispatch_uid=uid, weak=False)


def send_overdue_reminders(now=None):
    """Periodic job: one reminder per open step that has run past its standard.

    Review steps and drafts sent back to the Admin are tasks someone was given; a first draft
    the Admin has not submitted yet is their own work in progress and gets no reminder.
    """
    from django.db.models import Q

    from editorial import durations
    from editorial.models import StepRecord

    now = now or timezone.now()
    schedules = {}
    sent = 0
    assigned = Q(task_state__isnull=False) | Q(returned=True)
    for record in StepRecord.objects.open().filter(assigned, reminder_sent_at__isnull=True, standard_minutes__gt=0):
        schedule = schedules.setdefault(record.site_id, durations.schedule_for_site(record.site))
        if not durations.is_overdue(record, now, schedule):
            continue
        # Claim the reminder first, so a second scheduler (or a retry) cannot send it again.
        claimed = StepRecord.objects.filter(pk=record.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
        if claimed:
            enqueue_on_commit(send_overdue_reminder, record.pk)
            sent += 1
    return sent
