from django.utils import timezone
from wagtail.admin.ui.components import Component

from core import roles

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
        return list(mine.select_related("assignee", "court").order_by("due_date")[:20])

    def render_html(self, parent_context=None):
        if not self.plans():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"plans": self.plans()}
