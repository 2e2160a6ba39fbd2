"""JobRun moves to the core app: its table is renamed core_jobrun (rows kept) and its content type relabelled."""

from django.db import migrations

from core.content_types import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0005_social_excluded_channels"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="jobrun", table="core_jobrun")],
            state_operations=[migrations.DeleteModel(name="JobRun")],
        ),
        migrations.RunPython(move_content_type("cms.jobrun", "core.jobrun"),
                             move_content_type("core.jobrun", "cms.jobrun")),
    ]
