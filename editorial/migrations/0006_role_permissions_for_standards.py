"""Give the role groups their permissions on the new editorial models (Mutu Baku, holidays, working hours)."""

from django.db import migrations

from core.roles import setup_role_groups


def update_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    setup_role_groups(apps, Page.objects.filter(depth=1).first().pk, Collection.objects.filter(depth=1).first().pk)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_editorial_workflow")]

    operations = [migrations.RunPython(update_groups, migrations.RunPython.noop)]
