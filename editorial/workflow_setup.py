"""The editorial workflow (SOP B & C) of a court, as data shared by migrations and per-court set-up.

One deployment serves many courts (Wagtail sites). The default court's
workflow is assigned to the tree root by migration 0005, so every page goes
through it; a court with its own role groups (roles.setup_role_groups with a
name prefix) gets its own workflow on its home page with the same function.
Functions take an `apps` registry so they work with historical models.
"""

from core import roles

WORKFLOW_NAME = "Alur Redaksi Berita (SOP B & C)"
KOREKSI_NAME = "Koreksi Redaktur"
PERSETUJUAN_NAME = "Persetujuan Kasubag PTIP"


def _task(apps, model_name, name, group):
    ContentType = apps.get_model("contenttypes", "ContentType")
    model = apps.get_model("editorial", model_name)
    content_type, _created = ContentType.objects.get_or_create(app_label="editorial", model=model_name.lower())
    task = model.objects.filter(name=name, groups=group).first()
    if task is None:
        task = model.objects.create(name=name, content_type=content_type, active=True)
        task.groups.add(group)
    return task


def setup_court_workflow(apps, page_id, name_prefix=""):
    """Create the court's two review tasks and workflow, and assign it to the given page (and so its subtree)."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    redaktur = Group.objects.get(name=f"{name_prefix}{roles.REDAKTUR}")
    kasubag = Group.objects.get(name=f"{name_prefix}{roles.KASUBAG}")
    suffix = f" — {name_prefix.strip(' -:—')}" if name_prefix else ""
    koreksi = _task(apps, "KoreksiRedakturTask", KOREKSI_NAME + suffix, redaktur)
    persetujuan = _task(apps, "PersetujuanKasubagTask", PERSETUJUAN_NAME + suffix, kasubag)

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME + suffix, defaults={"active": True})
    for order, task in enumerate([koreksi, persetujuan]):
        WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": order})
    WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
    return workflow
