"""Create the SOP role groups (Admin, Redaktur, Kasubag PTIP, Sekretaris, Ketua,
Pranata Komputer) with their Wagtail permissions. Production gets the groups
from this migration; the demo loader only adds users to them."""

from django.db import migrations

from core.roles import ROLES, setup_role_groups


def create_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    setup_role_groups(apps, root_page.pk, root_collection.pk)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
