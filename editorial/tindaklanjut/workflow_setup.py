"""The approval workflow of a court's follow-up plans: "Persetujuan rencana tindak lanjut" with one group
approval task for the court's Sekretaris. Shared by the migration (every existing court) and onboarding."""

from core import roles

WORKFLOW_NAME = "Persetujuan rencana tindak lanjut"
TASK_NAME = "Persetujuan Sekretaris"


def setup_plan_workflow(apps, site_id, name_prefix=""):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CourtPlanWorkflow = apps.get_model("tindaklanjut", "CourtPlanWorkflow")

    sekretaris = Group.objects.filter(name=f"{name_prefix}{roles.SEKRETARIS}").first()
    if sekretaris is None:
        return None
    suffix = f" — {name_prefix.strip(' -:—')}" if name_prefix else ""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME + suffix, groups=sekretaris).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore",
                                                                   model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME + suffix, content_type=content_type, active=True)
        task.groups.add(sekretaris)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME + suffix, defaults={"active": True})
    WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    CourtPlanWorkflow.objects.update_or_create(site_id=site_id, defaults={"workflow": workflow})
    return workflow


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Sekretaris group gets its workflow."""
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__endswith=roles.SEKRETARIS):
        site_id = roles._court_of(apps, group.name, roles.SEKRETARIS)
        if site_id is not None:
            setup_plan_workflow(apps, site_id, group.name[: -len(roles.SEKRETARIS)])


def onboarding_step(onboarding):
    from django.apps import apps
    from django.utils.translation import gettext as _

    CourtPlanWorkflow = apps.get_model("tindaklanjut", "CourtPlanWorkflow")
    had = CourtPlanWorkflow.objects.filter(site_id=onboarding.site.pk).exists()
    if setup_plan_workflow(apps, onboarding.site.pk, onboarding.spec.group_prefix) is not None and not had:
        # Said only when made: a second run of the onboarding reports "nothing changed".
        onboarding.note(_("Alur persetujuan rencana tindak lanjut (Sekretaris)"))
