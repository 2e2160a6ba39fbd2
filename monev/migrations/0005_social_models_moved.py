"""The social models moved from the publishers app to the social app: only the foreign keys' target
in the migration state changes (the columns and their constraints follow the renamed tables)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("monev", "0004_monev_settings"),
        ("social", "0001_initial"),
    ]
    # The publishers app drops the old models from the state once nothing points at them.
    run_before = [("publishers", "0005_models_to_own_apps")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="followercount",
                    name="account",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                            related_name="follower_counts", to="social.socialaccount",
                                            verbose_name="kanal"),
                ),
                migrations.AlterField(
                    model_name="metricsnapshot",
                    name="delivery",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                            related_name="metric_snapshots", to="social.socialdelivery",
                                            verbose_name="kiriman"),
                ),
            ],
            database_operations=[],
        ),
    ]
