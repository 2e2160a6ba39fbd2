"""The admin dashboard's "Tugas saya" panel: what waits for me, and for the Kasubag the whole team's open work."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from editorial.models import StepRecord
from editorial.step_rows import build_rows, visible_records


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
            .order_by("started_at", "pk")
        )
        rows = build_rows(records)
        mine = [row for row in rows if waits_for(row.record, user)]
        show_team = user.is_superuser or user.has_perm("editorial.view_monev")
        return {
            "request": self.request,
            "mine": mine,
            "team": rows if show_team else None,
            "heading": _("Tugas saya"),
        }
