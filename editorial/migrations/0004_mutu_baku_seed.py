"""Seed the Mutu Baku (time standards) of every SOP step, A to D, from editorial.sop_data."""

from django.db import migrations

from editorial.sop_data import SOP_STEPS


def seed(apps, schema_editor):
    MutuBaku = apps.get_model("editorial", "MutuBaku")
    for procedure, step, activity, actor, requirements, minutes, output, workflow_step in SOP_STEPS:
        MutuBaku.objects.update_or_create(
            procedure=procedure, step=step,
            defaults={"activity": activity, "actor": actor, "requirements": requirements, "minutes": minutes,
                      "output": output, "workflow_step": workflow_step},
        )


def unseed(apps, schema_editor):
    apps.get_model("editorial", "MutuBaku").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_editorial_models")]

    operations = [migrations.RunPython(seed, unseed)]
