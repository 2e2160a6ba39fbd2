"""Give the SOP roles their social delivery permissions (SOP C steps 3-6).

Admin and Kasubag PTIP may retry or cancel a channel's delivery and read the
delivery report; Sekretaris reads the report (monev archive). Groups of other
courts carry a name prefix, hence the suffix match.
"""

from django.db import migrations

from core.roles import ADMIN, KASUBAG, SEKRETARIS, ensure_permissions

GRANTS = {
    ADMIN: ["retry_socialdelivery", "view_socialdelivery"],
    KASUBAG: ["retry_socialdelivery", "view_socialdelivery"],
    SEKRETARIS: ["view_socialdelivery"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    for role, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="publishers", codename__in=codenames)
        for group in Group.objects.filter(name__endswith=role):
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="publishers",
                              codename__in=["retry_socialdelivery", "view_socialdelivery"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publishers", "0001_initial"),
        ("editorial", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
