from django.db import migrations

from core.roles import add_court_permissions


class Migration(migrations.Migration):

    dependencies = [
        ("pemeliharaan", "0001_initial"),
        ("editorial", "0012_step_records_for_other_items"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_court_permissions("pemeliharaan.view_asset", "pemeliharaan.add_asset",
                                                   "pemeliharaan.change_asset"),
                             migrations.RunPython.noop),
    ]
