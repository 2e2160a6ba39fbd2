"""The workflow that sets a court's IT programme: "Penetapan program TI" with three group approval tasks, the
court's Kasubag PTIP (proposes, SOP A2), Sekretaris (reviews, A2) and Ketua (sets, A3). Shared by the migration
(every existing court) and onboarding."""

from core import roles

WORKFLOW_NAME = "Penetapan program TI"
TASKS = [("Usulan Kasubag PTIP", roles.KASUBAG), ("Telaah Sekretaris", roles.SEKRETARIS),
         ("Penetapan Ketua", roles.KETUA)]


def setup_program_workflow(apps, site_id, name_prefix=""):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CourtProgramWorkflow = apps.get_model("programti", "CourtProgramWorkflow")

    groups = [Group.objects.filter(name=f"{name_prefix}{role}").first() for _name, role in TASKS]
    if None in groups:
        return None
    suffix = f" — {name_prefix.strip(' -:—')}" if name_prefix else ""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME + suffix, defaults={"active": True})
    for order, ((name, _role), group) in enumerate(zip(TASKS, groups)):
        task = GroupApprovalTask.objects.filter(name=name + suffix, groups=group).first()
        if task is None:
            content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore",
                                                                       model="groupapprovaltask")
            task = GroupApprovalTask.objects.create(name=name + suffix, content_type=content_type, active=True)
            task.groups.add(group)
        WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": order})
    CourtProgramWorkflow.objects.update_or_create(site_id=site_id, defaults={"workflow": workflow})
    return workflow


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Ketua group gets its workflow."""
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__endswith=roles.KETUA):
        site_id = roles._court_of(apps, group.name, roles.KETUA)
        if site_id is not None:
            setup_program_workflow(apps, site_id, group.name[: -len(roles.KETUA)])


def onboarding_step(onboarding):
    from django.apps import apps
    from django.utils.translation import gettext as _

    CourtProgramWorkflow = apps.get_model("programti", "CourtProgramWorkflow")
    had = CourtProgramWorkflow.objects.filter(site_id=onboarding.site.pk).exists()
    if setup_program_workflow(apps, onboarding.site.pk, onboarding.spec.group_prefix) is not None and not had:
        # Said only when made: a second run of the onboarding reports "nothing changed".
        onboarding.note(_("Alur penetapan program TI (Kasubag PTIP, Sekretaris, Ketua)"))
