"""The directorate reader groups (Badilum, Badilag, Badilmiltun) and the Supreme Court's Biro Hukum dan
Humas, read-only, with the courts each reads."""

from django.db import migrations

from nasional.roles import remove_reader_groups, setup_reader_groups


def create_groups(apps, schema_editor):
    setup_reader_groups(apps)


def remove_groups(apps, schema_editor):
    remove_reader_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("nasional", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
