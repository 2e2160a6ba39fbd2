from django.db import migrations

from core.roles import add_court_permissions
from pemeliharaan.workflow_setup import setup_all_courts


class Migration(migrations.Migration):

    dependencies = [
        ("pemeliharaan", "0003_maintenance_schedule_and_work_orders"),
        ("editorial", "0012_step_records_for_other_items"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_court_permissions(
            "pemeliharaan.view_maintenanceschedule", "pemeliharaan.add_maintenanceschedule",
            "pemeliharaan.change_maintenanceschedule", "pemeliharaan.view_workorder", "pemeliharaan.change_workorder",
            "pemeliharaan.evaluate_workorder"), migrations.RunPython.noop),
        migrations.RunPython(setup_all_courts, migrations.RunPython.noop),
    ]
