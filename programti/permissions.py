"""Court walls of the IT programmes: every permission is held per court (GroupSitePermission), so a user's
programmes are those of the courts where they hold it (core.courts.courts_for). Publishing is the Ketua's
approval of the workflow's last task only (SOP A3), never the editor's "Publish" action."""

from wagtail.permission_policies import ModelPermissionPolicy

from core import roles
from core.courts import courts_for
from editorial.workflow_finish import is_publishing_via_workflow

from .models import ProgramTI

ACTIONS = ("view", "add", "change")


def program_courts(user, action="view"):
    return courts_for(user, permission=f"programti.{action}_programti")


class ProgramPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ACTIONS:
            return program_courts(user, action).exists()
        if action == "publish":
            if user.is_active and user.is_superuser:
                return True
            return bool(user.is_active and is_publishing_via_workflow() and roles.holds_role(user, roles.KETUA)
                        and program_courts(user, "view").exists())
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        court_action = action if action in ACTIONS else "view"
        return program_courts(user, court_action).filter(pk=instance.court_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        courts = None
        for action in actions:
            these = program_courts(user, action if action in ACTIONS else "view")
            courts = these if courts is None else courts | these
        return ProgramTI.objects.filter(court__in=courts) if courts is not None else ProgramTI.objects.none()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def visible_programs(user):
    return ProgramTI.objects.filter(court__in=program_courts(user, "view"))
