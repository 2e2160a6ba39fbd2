"""The admin dashboard's "Tugas saya" panel: what waits for me, and for the Kasubag the whole team's open work."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from editorial.models import StepRecord
from editorial.permissions import monev_permission_policy
from editorial.send_back import note_for, notes_for
from editorial.step_rows import build_rows, user_name, visible_records


def waits_for(record, user):
    if record.task_state_id:
        return record.task_state.task.specific.groups.filter(pk__in=user.groups.all()).exists()
    return record.actor_id == user.pk


class MyTasksPanel(Component):
    name = "warta_my_tasks"
    template_name = "editorial/dashboard/my_tasks.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        records = list(
            visible_records(user, StepRecord.objects.open())
            .select_related("page", "actor", "site", "task_state__task")
            .prefetch_related("content_object")
            .order_by("started_at", "pk")
        )
        rows = build_rows(records)
        # Another item's review step is listed below with its workflow actions ("others"), not twice.
        mine = [row for row in rows if waits_for(row.record, user)
                and (row.record.page_id or not row.record.task_state_id)]
        # An item sent back waits for the Admin's fixes: show the reviewer's note with it.
        returned_pages = [row.record.page for row in mine if row.record.returned and row.record.page_id]
        notes = notes_for(returned_pages)
        for row in mine:
            row.note = None
            if row.record.returned:
                # Another item sent back (a follow-up plan): its own note (rare, so asked one by one).
                row.note = notes.get(row.record.page_id) if row.record.page_id else (
                    note_for(row.record.content_object) if row.record.content_object is not None else None)
        show_team = monev_permission_policy.user_has_permission(user, "view")
        return {
            "request": self.request,
            "mine": mine,
            "others": other_objects_waiting(user),
            "team": rows if show_team else None,
            "heading": _("Tugas saya"),
        }


def other_objects_waiting(user):
    """Workflow objects other than pages (the monev report's archive approval, and any snippet under a workflow)
    whose current step waits for this user, each with the step's own actions."""
    finder = AdminURLFinder(user)
    waiting = []
    states = (TaskState.objects.reviewable_by(user)
              .select_related("revision", "task", "workflow_state__requested_by")
              .order_by("started_at", "pk"))
    for state in states:
        obj = state.revision.content_object if state.revision_id else None
        if obj is None or isinstance(obj, Page):
            continue
        url_name = obj.snippet_viewset.get_url_name("workflow_action")
        waiting.append({
            "title": str(obj),
            "type": obj._meta.verbose_name,
            "step": state.task.name,
            "started_at": state.started_at,
            "requested_by": user_name(state.workflow_state.requested_by),
            "edit_url": finder.get_edit_url(obj),
            "actions": [(label, modal, reverse(url_name, args=[quote(obj.pk), name, state.pk]))
                        for name, label, modal in state.task.specific.get_actions(obj, user)],
        })
    return waiting
