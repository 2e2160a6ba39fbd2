"""The roles that work on pages through the v3 API get Wagtail's API token permissions (core.roles.API_TOKENS).

Users used to create their tokens on Warta's own screen (Akun → Token API); Wagtail's screen (Pengaturan →
Token API) takes its place and is gated by these permissions. Both always stored Wagtail's APIToken rows, so
the tokens already issued keep working. Every court's groups of these roles get them (their names end in the
role's name); a permission a group already holds stays as it is.
"""

from django.db import migrations

from core.roles import API_TOKENS, ROLES, ensure_permissions


def grant_api_tokens(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    codenames = [dotted.split(".", 1)[1] for dotted in API_TOKENS]
    permissions = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    for role, spec in ROLES.items():
        if set(API_TOKENS) <= set(spec["model_perms"]):
            for group in Group.objects.filter(name__endswith=role):
                group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("editorial", "0008_permissions_to_core"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant_api_tokens, migrations.RunPython.noop)]
