"""Assign the editorial workflow (Koreksi Redaktur, then Persetujuan Kasubag PTIP) to the whole tree.

Replaces Wagtail's default "Moderators approval" assignment on the root page,
so every new page goes through the SOP's review.
"""

from django.db import migrations

from editorial.workflow_setup import WORKFLOW_NAME, setup_court_workflow


def assign(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    setup_court_workflow(apps, root.pk)


def unassign(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    WorkflowPage.objects.filter(page=root, workflow__name=WORKFLOW_NAME).delete()
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": default})


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_mutu_baku_seed"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(assign, unassign)]
