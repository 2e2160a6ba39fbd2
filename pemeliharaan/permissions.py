"""Court walls of SOP D: every permission is held per court (GroupSitePermission), so a user's assets, schedules
and work orders are those of the courts where they hold it (core.courts.courts_for). A schedule is published only
by the Kasubag PTIP's approval in its workflow (SOP D2), never by the editor's "Publish" action."""

from wagtail.permission_policies import ModelPermissionPolicy

from core import roles
from core.courts import courts_for
from editorial.court_workflows import CourtWorkflowPolicy

from .models import Asset, MaintenanceSchedule, WorkOrder

ACTIONS = ("view", "add", "change")


def asset_courts(user, action="view"):
    return courts_for(user, permission=f"pemeliharaan.{action}_asset")


class AssetPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ACTIONS:
            return asset_courts(user, action).exists()
        if action == "delete":
            # Whoever may change a court's register may remove a wrong row of it.
            return asset_courts(user, "change").exists()
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def _court_action(self, action):
        return action if action in ACTIONS else ("change" if action == "delete" else None)

    def user_has_permission_for_instance(self, user, action, instance):
        court_action = self._court_action(action)
        if court_action is None:
            return bool(user.is_active and user.is_superuser)
        return asset_courts(user, court_action).filter(pk=instance.court_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        courts = None
        for action in actions:
            court_action = self._court_action(action)
            if court_action is None:
                continue
            these = asset_courts(user, court_action)
            courts = these if courts is None else courts | these
        return Asset.objects.filter(court__in=courts) if courts is not None else Asset.objects.none()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def visible_assets(user):
    return Asset.objects.filter(court__in=asset_courts(user, "view"))


def schedule_courts(user, action="view"):
    return courts_for(user, permission=f"pemeliharaan.{action}_maintenanceschedule")


def order_courts(user, action="view"):
    """Courts whose work orders the user may see ("view"), carry out ("change") or evaluate ("evaluate")."""
    return courts_for(user, permission=f"pemeliharaan.{action}_workorder")


class SchedulePermissionPolicy(CourtWorkflowPolicy):
    publisher_role = roles.KASUBAG


def visible_schedules(user):
    return MaintenanceSchedule.objects.filter(court__in=schedule_courts(user, "view"))


def visible_orders(user):
    return WorkOrder.objects.filter(court__in=order_courts(user, "view"))


def may_report(user, order):
    """The assignee carries the order out and reports it; so may the court's Kasubag PTIP for them."""
    if user.is_superuser:
        return True
    if not order_courts(user, "change").filter(pk=order.court_id).exists():
        return False
    return order.assignee_id == user.pk or roles.holds_role(user, roles.KASUBAG)


def may_evaluate(user, order):
    return user.is_superuser or order_courts(user, "evaluate").filter(pk=order.court_id).exists()
