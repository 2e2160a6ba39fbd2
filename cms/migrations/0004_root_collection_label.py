"""The root collection reads "Umum" (general) instead of Wagtail's "Root" in the upload and chooser dialogs.

Wagtail's migration creates the root collection with the name "Root", stored as data and shown as is
(there is no translated label for it). A court that renamed it already keeps its name.
"""

from django.db import migrations

WAGTAIL_NAME = "Root"
COURT_NAME = "Umum"


def rename(apps, old, new):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old).update(name=new)


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0003_social_draft"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [
        migrations.RunPython(lambda apps, schema_editor: rename(apps, WAGTAIL_NAME, COURT_NAME),
                             lambda apps, schema_editor: rename(apps, COURT_NAME, WAGTAIL_NAME)),
    ]
