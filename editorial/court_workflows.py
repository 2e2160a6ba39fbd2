"""What every item reviewed in a court's own workflow shares (follow-up plans, IT programmes, maintenance
schedules): the workflow made per court, and the permission policy that walls the items by court and lets them
be published only by the workflow's last approval.

- ``setup_court_workflow``: a court's workflow of group approval tasks, one per role (each task bound to that
  court's group of the role), linked to the court by the app's link model; for migrations (historical models) and
  onboarding alike. Idempotent.
- ``CourtWorkflowPolicy``: every permission is held per court (GroupSitePermission, ``core.courts.courts_for``);
  "publish" is the ``publisher_role``'s, and only while the workflow publishes (never the editor's Publish);
- ``WorkflowStatusColumn``: the item's place in that workflow in its listing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy

from core import roles
from core.courts import courts_for
from editorial.workflow_finish import is_publishing_via_workflow

ACTIONS = ("view", "add", "change")


def setup_court_workflow(apps, site_id, name_prefix, workflow_name, tasks, link_model):
    """The court's workflow `workflow_name` (suffixed with the court for all but the first court) with a group
    approval task per (task name, role), linked to the court by `link_model` ("app_label.Model"); None when the
    court lacks one of the groups."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Link = apps.get_model(*link_model.split("."))

    groups = [Group.objects.filter(name=f"{name_prefix}{role}").first() for _name, role in tasks]
    if None in groups:
        return None
    suffix = f" — {name_prefix.strip(' -:—')}" if name_prefix else ""
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name + suffix, defaults={"active": True})
    for order, ((name, _role), group) in enumerate(zip(tasks, groups)):
        task = GroupApprovalTask.objects.filter(name=name + suffix, groups=group).first()
        if task is None:
            content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore",
                                                                       model="groupapprovaltask")
            task = GroupApprovalTask.objects.create(name=name + suffix, content_type=content_type, active=True)
            task.groups.add(group)
        WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": order})
    Link.objects.update_or_create(site_id=site_id, defaults={"workflow": workflow})
    return workflow


def setup_all_courts(apps, role, setup):
    """`setup(apps, site_id, name_prefix)` for every court that has a group of `role`."""
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__endswith=role):
        site_id = roles._court_of(apps, group.name, role)
        if site_id is not None:
            setup(apps, site_id, group.name[: -len(role)])


def onboarding_step(onboarding, link_model, setup, note):
    """Onboarding: the new court's workflow, said (`note`) only when it was made now."""
    from django.apps import apps

    Link = apps.get_model(*link_model.split("."))
    had = Link.objects.filter(site_id=onboarding.site.pk).exists()
    if setup(apps, onboarding.site.pk, onboarding.spec.group_prefix) is not None and not had:
        # A second run of the onboarding reports "nothing changed".
        onboarding.note(note)


class CourtWorkflowPolicy(ModelPermissionPolicy):
    """Set ``publisher_role`` (the role whose approval publishes)."""

    publisher_role = None

    def courts(self, user, action):
        opts = self.model._meta
        return courts_for(user, permission=f"{opts.app_label}.{action}_{opts.model_name}")

    def user_has_permission(self, user, action):
        if action in ACTIONS:
            return self.courts(user, action).exists()
        if action == "publish":
            if user.is_active and user.is_superuser:
                return True
            return bool(user.is_active and is_publishing_via_workflow()
                        and roles.holds_role(user, self.publisher_role) and self.courts(user, "view").exists())
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self.courts(user, action if action in ACTIONS else "view").filter(pk=instance.court_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        courts = None
        for action in actions:
            these = self.courts(user, action if action in ACTIONS else "view")
            courts = these if courts is None else courts | these
        return self.model.objects.filter(court__in=courts) if courts is not None else self.model.objects.none()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class WorkflowStatusColumn(Column):
    """An item's place in its court workflow for a listing: done (`done_label`, by default when live), sent back
    ("Dikembalikan"), waiting on a decision (`waiting_label`) or a draft ("Konsep")."""

    def __init__(self, name, done_label, waiting_label, is_done=None, **kwargs):
        super().__init__(name, **kwargs)
        self.done_label, self.waiting_label = done_label, waiting_label
        self.is_done = is_done or (lambda instance: instance.live)

    def get_value(self, instance):
        if self.is_done(instance):
            return self.done_label
        state = instance.current_workflow_state
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            return _("Dikembalikan")
        return self.waiting_label if state is not None else _("Konsep")
