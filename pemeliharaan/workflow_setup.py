"""The workflow that checks a court's maintenance schedule: "Pemeriksaan jadwal pemeliharaan" with one group
approval task, the court's Kasubag PTIP (SOP D2). Shared by the migration (every existing court) and onboarding."""

from core import roles

WORKFLOW_NAME = "Pemeriksaan jadwal pemeliharaan"
TASK_NAME = "Pemeriksaan Kasubag PTIP"


def setup_maintenance_workflow(apps, site_id, name_prefix=""):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CourtMaintenanceWorkflow = apps.get_model("pemeliharaan", "CourtMaintenanceWorkflow")

    group = Group.objects.filter(name=f"{name_prefix}{roles.KASUBAG}").first()
    if group is None:
        return None
    suffix = f" — {name_prefix.strip(' -:—')}" if name_prefix else ""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME + suffix, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME + suffix, groups=group).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME + suffix, content_type=content_type, active=True)
        task.groups.add(group)
    WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    CourtMaintenanceWorkflow.objects.update_or_create(site_id=site_id, defaults={"workflow": workflow})
    return workflow


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Kasubag PTIP group gets its workflow."""
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__endswith=roles.KASUBAG):
        site_id = roles._court_of(apps, group.name, roles.KASUBAG)
        if site_id is not None:
            setup_maintenance_workflow(apps, site_id, group.name[: -len(roles.KASUBAG)])


def onboarding_step(onboarding):
    from django.apps import apps
    from django.utils.translation import gettext as _

    CourtMaintenanceWorkflow = apps.get_model("pemeliharaan", "CourtMaintenanceWorkflow")
    had = CourtMaintenanceWorkflow.objects.filter(site_id=onboarding.site.pk).exists()
    if setup_maintenance_workflow(apps, onboarding.site.pk, onboarding.spec.group_prefix) is not None and not had:
        # Said only when made: a second run of the onboarding reports "nothing changed".
        onboarding.note(_("Alur pemeriksaan jadwal pemeliharaan (Kasubag PTIP)"))
