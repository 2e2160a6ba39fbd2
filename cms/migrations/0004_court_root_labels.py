"""The roots Wagtail's migrations create read Indonesian: the root collection "Umum" (general) and the root page
"Semua situs" (every court's site hangs below it) instead of "Root".

Both names are data, shown as they are in the upload and chooser dialogs, the page explorer and the
reports (no catalogue translates them). A root someone renamed already keeps its name.
"""

from django.db import migrations

WAGTAIL_NAME = "Root"
COLLECTION_NAME = "Umum"
PAGE_TITLE = "Semua situs"


def rename(apps, collection_from, collection_to, page_from, page_to):
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")
    Collection.objects.filter(depth=1, name=collection_from).update(name=collection_to)
    Page.objects.filter(depth=1, title=page_from).update(title=page_to, draft_title=page_to)


def forwards(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, COLLECTION_NAME, WAGTAIL_NAME, PAGE_TITLE)


def backwards(apps, schema_editor):
    rename(apps, COLLECTION_NAME, WAGTAIL_NAME, PAGE_TITLE, WAGTAIL_NAME)


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0003_social_draft"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
