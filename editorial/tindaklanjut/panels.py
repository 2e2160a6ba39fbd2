from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from core import roles
from editorial.models.standards import TINDAK_LANJUT

from .models import FollowUpPlan
from .permissions import plan_courts


class OverduePlansPanel(Component):
    """Dashboard: plans past their due date and not closed, for their assignee and the court's Kasubag PTIP."""

    name = "tindaklanjut_overdue"
    order = 160
    template_name = "tindaklanjut/overdue_panel.html"

    def __init__(self, user):
        self.user = user

    def plans(self):
        today = timezone.localdate()
        mine = FollowUpPlan.objects.filter(court__in=plan_courts(self.user, "view"), due_date__lt=today).open()
        if not roles.holds_role(self.user, roles.KASUBAG) and not self.user.is_superuser:
            mine = mine.filter(assignee=self.user)
        plans = list(mine.select_related("assignee", "court").order_by("due_date")[:20])
        may_change = set(plan_courts(self.user, "change").values_list("pk", flat=True))
        for plan in plans:
            # The assignee goes where it is carried out; the Kasubag to the plan; others only read its title.
            if plan.assignee_id == self.user.pk and plan.status == FollowUpPlan.DISETUJUI:
                plan.panel_url = plan.task_url(TINDAK_LANJUT)
            elif plan.court_id in may_change:
                plan.panel_url = reverse("tindaklanjut_plans:edit", args=[plan.pk])
            else:
                plan.panel_url = ""
        return plans

    def render_html(self, parent_context=None):
        self._plans = self.plans()
        if not self._plans:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"plans": getattr(self, "_plans", None) or self.plans()}
