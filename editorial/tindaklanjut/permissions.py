"""Court walls of the follow-up plans: every permission is held per court (GroupSitePermission), so a user's
plans are those of the courts where they hold it (core.courts.courts_for)."""

from core import roles
from core.courts import courts_for
from editorial.court_workflows import CourtWorkflowPolicy

from .models import FollowUpPlan


def plan_courts(user, action="view"):
    return courts_for(user, permission=f"tindaklanjut.{action}_followupplan")


class FollowUpPlanPermissionPolicy(CourtWorkflowPolicy):
    # Approving is publishing: the Sekretaris publishes through the workflow's approval only (Wagtail asks this
    # policy when the last task finishes), never with the editor's "Publish" action.
    publisher_role = roles.SEKRETARIS


def visible_plans(user):
    return FollowUpPlan.objects.filter(court__in=plan_courts(user, "view"))
