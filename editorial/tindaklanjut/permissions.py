"""Court walls of the follow-up plans: every permission is held per court (GroupSitePermission), so a user's
plans are those of the courts where they hold it (core.courts.courts_for)."""

from wagtail.permission_policies import ModelPermissionPolicy

from core import roles
from core.courts import courts_for
from editorial.workflow_finish import is_publishing_via_workflow

from .models import FollowUpPlan


def plan_courts(user, action="view"):
    return courts_for(user, permission=f"tindaklanjut.{action}_followupplan")


class FollowUpPlanPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("view", "add", "change"):
            return plan_courts(user, action).exists()
        if action == "publish":
            # Approving is publishing: the Sekretaris publishes through the workflow's approval only (Wagtail
            # asks this policy when the last task finishes), never with the editor's "Publish" action.
            if user.is_active and user.is_superuser:
                return True
            return bool(user.is_active and is_publishing_via_workflow() and roles.holds_role(user, roles.SEKRETARIS)
                        and plan_courts(user, "view").exists())
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in ("view", "add", "change"):
            return plan_courts(user, action).filter(pk=instance.court_id).exists()
        return plan_courts(user, "view").filter(pk=instance.court_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        courts = None
        for action in actions:
            these = plan_courts(user, action if action in ("view", "add", "change") else "view")
            courts = these if courts is None else courts | these
        return FollowUpPlan.objects.filter(court__in=courts) if courts is not None else FollowUpPlan.objects.none()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def visible_plans(user):
    return FollowUpPlan.objects.filter(court__in=plan_courts(user, "view"))
