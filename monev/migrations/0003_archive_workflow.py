"""Permissions of the monev roles on the report archive, the archive's private document collection, and the
"Persetujuan Arsip Monev" workflow (the Sekretaris approves) assigned to the MonevReport snippet."""

from django.db import migrations

from monev.archive_setup import setup_archive


def forwards(apps, schema_editor):
    setup_archive(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("monev", "0002_reports_metrics_archive"),
        ("editorial", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
