"""Warta's permissions without a model (view_monev, manage_channels) move to the core app.

The model has no table: its content type is relabelled, so the Permission rows and the groups
holding them stay. A database migrated from scratch reached 0002 with roles that already name
core's permissions, before core's model existed, so its role groups hold none of them yet: they
get them here. A permission some group already holds is left as the deployment set it.
"""

from django.db import migrations

from core.content_types import move_content_type
from core.roles import ROLES, ensure_permissions


def grant_missing(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    for permission in Permission.objects.filter(content_type__app_label="core", group__isnull=True):
        for role, spec in ROLES.items():
            if f"core.{permission.codename}" in spec["model_perms"]:
                for group in Group.objects.filter(name__endswith=role):
                    group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ("editorial", "0007_working_calendar"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.DeleteModel(name="EditorialPermissions"),
        migrations.RunPython(move_content_type("editorial.editorialpermissions", "core.corepermissions"),
                             move_content_type("core.corepermissions", "editorial.editorialpermissions")),
        migrations.RunPython(grant_missing, migrations.RunPython.noop),
    ]
