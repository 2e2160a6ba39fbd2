from django.db import migrations

from core.roles import add_court_permissions
from editorial.tindaklanjut.workflow_setup import setup_all_courts


class Migration(migrations.Migration):

    dependencies = [
        ("tindaklanjut", "0001_initial"),
        ("editorial", "0011_stock_groups_without_publish"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_court_permissions("tindaklanjut.view_followupplan", "tindaklanjut.add_followupplan",
                                                   "tindaklanjut.change_followupplan"),
                             migrations.RunPython.noop),
        migrations.RunPython(setup_all_courts, migrations.RunPython.noop),
    ]
