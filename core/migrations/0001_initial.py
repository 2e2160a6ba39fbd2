"""The core app's models, moved here from cms (JobRun) and editorial (the permissions without a model).

Only the migration state is created here. JobRun's table is cms's, renamed to core_jobrun by
cms 0006 (which also relabels its content type); the permissions model has no table and
editorial 0008 relabels its content type, so existing grants keep working.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CorePermissions",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                    ],
                    options={
                        "permissions": [("view_monev", "Dapat melihat laporan monev"),
                                        ("manage_channels", "Dapat mengelola kanal media sosial")],
                        "managed": False,
                        "default_permissions": (),
                    },
                ),
                migrations.CreateModel(
                    name="JobRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("job", models.CharField(max_length=100, verbose_name="tugas")),
                        ("slot", models.DateTimeField(verbose_name="jadwal")),
                        ("started_at", models.DateTimeField(auto_now_add=True, verbose_name="mulai")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="selesai")),
                        ("error", models.TextField(blank=True, verbose_name="galat")),
                    ],
                    options={
                        "verbose_name": "jalannya tugas terjadwal",
                        "verbose_name_plural": "jalannya tugas terjadwal",
                        "ordering": ["-slot"],
                        "constraints": [models.UniqueConstraint(fields=("job", "slot"), name="unique_job_slot")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
