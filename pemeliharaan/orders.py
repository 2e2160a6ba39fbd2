"""The life of a work order (Perintah pemeliharaan), one source of truth for the admin screens, the scheduler and
the tests:

- plan(schedule): the Kasubag PTIP's approval publishes the schedule; each task's dates of the year become
  planned orders (a later approved revision adds the new dates and drops the planned orders it no longer has;
  issued orders stay as they are);
- issue_due(now): every planned order whose date has come is issued; D3 (PEMELIHARAAN) opens for its assignee
  from the start of its date (or from the approval, when the schedule was approved after that date);
- report(): the assignee reports it done (D3 closes, D4 opens for the court's Kasubag PTIP);
- evaluate(): the Kasubag accepts it (D4 closes, the order is done) or returns it with a note (D3 reopens for the
  assignee, who reports again; the returned report stays in its history).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core import roles
from editorial import step_records
from editorial.models import StepRecord
from editorial.models.standards import PEMELIHARAAN, PEMELIHARAAN_MONEV

from .models import MaintenanceSchedule, WorkOrder, WorkOrderReport


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@transaction.atomic
def plan(schedule, now=None):
    """Planned orders for every date of every task of the schedule's live revision; returns how many were made."""
    now = now or timezone.now()
    schedule = MaintenanceSchedule.objects.get(pk=schedule.pk)
    wanted = {}
    for task in schedule.tasks.select_related("asset", "assignee"):
        for day in task.due_dates(schedule.year):
            wanted[(task.pk, day)] = task
    existing = {(order.task_id, order.due_date): order
                for order in WorkOrder.objects.filter(schedule=schedule, task__isnull=False)}
    gone = [order.pk for key, order in existing.items() if key not in wanted and order.status == WorkOrder.TERJADWAL]
    WorkOrder.objects.filter(pk__in=gone).delete()
    made = [WorkOrder(court_id=schedule.court_id, schedule=schedule, task=task, asset=task.asset,
                      asset_label=str(task.asset)[:310], title=task.name, assignee=task.assignee, due_date=day)
            for (task_id, day), task in wanted.items() if (task_id, day) not in existing]
    WorkOrder.objects.bulk_create(made)
    # A planned order follows its task's edits (name, assignee) until it is issued.
    for (task_id, day), task in wanted.items():
        order = existing.get((task_id, day))
        if order is not None and order.status == WorkOrder.TERJADWAL and (
                order.title != task.name or order.assignee_id != task.assignee_id or order.asset_id != task.asset_id):
            order.title, order.assignee, order.asset = task.name, task.assignee, task.asset
            order.asset_label = str(task.asset)[:310]
            order.save(update_fields=["title", "assignee", "asset", "asset_label"])
    return len(made)


def issue(order, now):
    """Issue one planned order: D3 waits on its assignee from the start of its date (or now, if later)."""
    approved_at = order.schedule.last_published_at or now
    issued_at = min(max(start_of(order.due_date), approved_at), now)
    updated = WorkOrder.objects.filter(pk=order.pk, status=WorkOrder.TERJADWAL).update(
        status=WorkOrder.DITERBITKAN, issued_at=issued_at)
    if updated:
        order.status, order.issued_at = WorkOrder.DITERBITKAN, issued_at
        step_records.open_step(order, PEMELIHARAAN, order.assignee, issued_at)
    return bool(updated)


def issue_due(now=None):
    """The scheduler's daily job (and the approval's): issue every planned order whose date has come."""
    now = now or timezone.now()
    count = 0
    for order in WorkOrder.objects.due_for_issue(timezone.localdate(now)).select_related(
            "schedule", "assignee", "court"):
        count += issue(order, now)
    return count


def kasubag_of(site):
    """Who evaluates the court's work orders: its Kasubag PTIP (the first active one)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import GroupSitePermission

    groups = Group.objects.filter(pk__in=GroupSitePermission.objects.filter(site=site).values("group_id"),
                                  name__endswith=roles.KASUBAG)
    return get_user_model().objects.filter(is_active=True, groups__in=groups).order_by("pk").first()


@transaction.atomic
def report(order, user, done_on, findings, result, documents=(), now=None):
    now = now or timezone.now()
    entry = WorkOrderReport.objects.create(order=order, done_on=done_on, findings=findings, result=result,
                                           reported_by=user, reported_at=now)
    if documents:
        entry.evidence_documents.add(*documents)
    order.status, order.done_on = WorkOrder.DILAPORKAN, done_on
    order.save(update_fields=["status", "done_on"])
    step_records.close_steps(order, PEMELIHARAAN, now, StepRecord.DONE, actor=user)
    step_records.open_step(order, PEMELIHARAAN_MONEV, kasubag_of(order.court), now)
    return entry


@transaction.atomic
def evaluate(order, user, verdict, note, now=None):
    now = now or timezone.now()
    entry = order.reports.filter(verdict="").order_by("-reported_at", "-pk").first()
    if entry is None:
        return None
    entry.verdict, entry.evaluation, entry.evaluated_by, entry.evaluated_at = verdict, note, user, now
    entry.save(update_fields=["verdict", "evaluation", "evaluated_by", "evaluated_at"])
    if verdict == WorkOrderReport.DITERIMA:
        order.status = WorkOrder.SELESAI
        order.save(update_fields=["status"])
        step_records.close_steps(order, PEMELIHARAAN_MONEV, now, StepRecord.DONE, actor=user)
    else:
        # Not done until reported again: the realisation no longer counts the returned report's date.
        order.status, order.done_on = WorkOrder.DIKEMBALIKAN, None
        order.save(update_fields=["status", "done_on"])
        step_records.close_steps(order, PEMELIHARAAN_MONEV, now, StepRecord.REJECTED, actor=user)
        step_records.open_step(order, PEMELIHARAAN, order.assignee, now, returned=True)
    return entry
