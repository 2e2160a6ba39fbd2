"""The national checklist of SK KMA 2-144/KMA/SK/VIII/2022 (data/daftar_2144.json), and the per-court permissions
of the role groups that already exist."""

import json
from pathlib import Path

from django.db import migrations

from core.roles import add_court_permissions

DATA = Path(__file__).resolve().parent.parent / "data" / "daftar_2144.json"


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("penilaian", "ChecklistItem")
    for order, entry in enumerate(json.loads(DATA.read_text(encoding="utf-8")), start=1):
        ChecklistItem.objects.update_or_create(code=entry["code"], defaults={
            "group": entry["group"], "subgroup": entry["subgroup"], "title": entry["title"],
            "description": entry.get("description", ""), "frequency": entry["frequency"], "order": order * 10})


class Migration(migrations.Migration):

    dependencies = [("penilaian", "0001_initial"), ("editorial", "0011_stock_groups_without_publish")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(add_court_permissions("penilaian.view_pemenuhan", "penilaian.add_pemenuhan",
                                                   "penilaian.change_pemenuhan"),
                             migrations.RunPython.noop),
    ]
