"""Permissions, the private document collection and the approval workflow of the monev archive (SOP C step 6).

As data, like editorial.workflow_setup, so a migration sets up the default
court and a later per-court set-up (groups with a name prefix) can reuse it.
Functions take an `apps` registry so they work with historical models.
"""

from core import roles

WORKFLOW_NAME = "Persetujuan Arsip Monev"
TASK_NAME = "Persetujuan Sekretaris (arsip monev)"
COLLECTION_NAME = "Arsip Monev"

# Who may do what with MonevReport: the Kasubag PTIP drafts and submits, the Sekretaris approves
# (approving publishes, which is what archives the report), Ketua and Pranata read.
REPORT_PERMISSIONS = {
    roles.KASUBAG: ["add", "change", "view", "lock", "unlock"],
    roles.SEKRETARIS: ["view", "publish"],
    roles.KETUA: ["view"],
    roles.PRANATA: ["view"],
}
# Groups that may open the archived PDFs (documents of the collection are served to them only).
READERS = [roles.KASUBAG, roles.SEKRETARIS, roles.KETUA, roles.PRANATA]


def _report_content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="monev", model="monevreport")[0]


def _permission(apps, action):
    Permission = apps.get_model("auth", "Permission")
    # publish / lock / unlock are added by Wagtail after migrating; create them now to assign them.
    permission, _created = Permission.objects.get_or_create(
        content_type=_report_content_type(apps), codename=f"{action}_monevreport",
        defaults={"name": f"Can {action} laporan monev"},
    )
    return permission


def setup_archive(apps, name_prefix=""):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    groups = {role: Group.objects.filter(name=f"{name_prefix}{role}").first() for role in REPORT_PERMISSIONS}
    for role, actions in REPORT_PERMISSIONS.items():
        if groups[role] is not None:
            groups[role].permissions.add(*[_permission(apps, action) for action in actions])

    # A collection of its own, readable by the monev roles only, so the archived PDFs never go public
    # (the static site also leaves restricted collections behind the CMS).
    root = Collection.objects.filter(depth=1).first()
    collection = Collection.objects.filter(name=f"{name_prefix}{COLLECTION_NAME}", depth=2).first()
    if collection is None:
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        number = int(last.path[4:8], 36) + 1 if last else 1
        collection = Collection.objects.create(
            name=f"{name_prefix}{COLLECTION_NAME}", depth=2, path=root.path + _base36(number).rjust(4, "0"),
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": "groups"})
    restriction.groups.add(*[groups[role] for role in READERS if groups[role] is not None])

    sekretaris = groups[roles.SEKRETARIS]
    task = GroupApprovalTask.objects.filter(name=f"{name_prefix}{TASK_NAME}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=f"{name_prefix}{TASK_NAME}", active=True,
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
        )
        if sekretaris is not None:
            task.groups.add(sekretaris)
    workflow, _created = Workflow.objects.get_or_create(name=f"{name_prefix}{WORKFLOW_NAME}",
                                                        defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    if not name_prefix:
        WorkflowContentType.objects.update_or_create(content_type=_report_content_type(apps),
                                                     defaults={"workflow": workflow})
    return workflow, collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out
