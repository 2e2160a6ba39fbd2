from django.db import migrations

from core.roles import add_court_permissions
from programti.workflow_setup import setup_all_courts


class Migration(migrations.Migration):

    dependencies = [
        ("programti", "0001_initial"),
        ("editorial", "0012_step_records_for_other_items"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_court_permissions("programti.view_programti", "programti.add_programti",
                                                   "programti.change_programti", "programti.view_activity",
                                                   "programti.add_programreport"),
                             migrations.RunPython.noop),
        migrations.RunPython(setup_all_courts, migrations.RunPython.noop),
    ]
