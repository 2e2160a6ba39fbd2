"""Working hours per weekday with a break, and national days off kept apart from a court's own.

Existing working hours are carried over: a court that had changed them keeps its start and end on
its working days (without a break, as before); a court still at the old defaults (08:00-16:30,
Monday to Friday, never changed) gets the Mahkamah Agung's working week instead, with the midday
break and Friday's longer one. Existing days off without a
court become national holidays ("nasional"); duplicates of a date are merged first.
"""

import datetime
import django.db.models.deletion
from django.db import migrations, models


DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OLD_DEFAULT = (datetime.time(8, 0), datetime.time(16, 30), "01234")
T = datetime.time
# editorial.durations.STANDARD_WEEK as it was when this migration was written
STANDARD_WEEK = (
    *[(T(8, 0), T(16, 30), T(12, 0), T(13, 0))] * 4,
    (T(8, 0), T(17, 0), T(11, 30), T(13, 0)),
    None,
    None,
)


def carry_over_hours(apps, schema_editor):
    WorkingHours = apps.get_model("editorial", "WorkingHours")
    for hours in WorkingHours.objects.all():
        if (hours.start_time, hours.end_time, hours.workdays) == OLD_DEFAULT:
            week = STANDARD_WEEK
        else:
            workdays = {int(day) for day in hours.workdays}
            week = [(hours.start_time, hours.end_time, None, None) if day in workdays else None for day in range(7)]
        for key, times in zip(DAY_KEYS, week):
            for suffix, value in zip(("start", "end", "break_start", "break_end"), times or (None,) * 4):
                setattr(hours, f"{key}_{suffix}", value)
        hours.save()


def hours_back(apps, schema_editor):
    WorkingHours = apps.get_model("editorial", "WorkingHours")
    for hours in WorkingHours.objects.all():
        days = [day for day, key in enumerate(DAY_KEYS) if getattr(hours, f"{key}_start") is not None]
        if days:
            first = DAY_KEYS[days[0]]
            hours.start_time, hours.end_time = getattr(hours, f"{first}_start"), getattr(hours, f"{first}_end")
        hours.workdays = "".join(str(day) for day in days)
        hours.save()


def classify_holidays(apps, schema_editor):
    Holiday = apps.get_model("editorial", "Holiday")
    seen = set()
    for holiday in Holiday.objects.filter(site__isnull=True).order_by("date", "pk"):
        if holiday.date in seen:
            holiday.delete()
            continue
        seen.add(holiday.date)
        holiday.source = "nasional"
        holiday.save(update_fields=["source"])


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0006_role_permissions_for_standards'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='holiday',
            options={'ordering': ['date', 'site_id'], 'verbose_name': 'hari libur', 'verbose_name_plural': 'hari libur'},
        ),
        migrations.AddField(
            model_name='holiday',
            name='source',
            field=models.CharField(choices=[('nasional', 'Libur nasional'), ('cuti_bersama', 'Cuti bersama'), ('pengadilan', 'Pengadilan')], default='pengadilan', max_length=20, verbose_name='sumber'),
        ),
        migrations.AddField(
            model_name='holiday',
            name='working_day',
            field=models.BooleanField(default=False, help_text='Centang bila pengadilan tetap bekerja pada libur nasional atau cuti bersama di tanggal ini.', verbose_name='tetap masuk kerja'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='fri_break_end',
            field=models.TimeField(blank=True, default=datetime.time(13, 0), null=True, verbose_name='selesai istirahat Jumat'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='fri_break_start',
            field=models.TimeField(blank=True, default=datetime.time(11, 30), null=True, verbose_name='mulai istirahat Jumat'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='fri_end',
            field=models.TimeField(blank=True, default=datetime.time(17, 0), null=True, verbose_name='jam pulang Jumat'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='fri_start',
            field=models.TimeField(blank=True, default=datetime.time(8, 0), null=True, verbose_name='jam masuk Jumat'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='mon_break_end',
            field=models.TimeField(blank=True, default=datetime.time(13, 0), null=True, verbose_name='selesai istirahat Senin'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='mon_break_start',
            field=models.TimeField(blank=True, default=datetime.time(12, 0), null=True, verbose_name='mulai istirahat Senin'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='mon_end',
            field=models.TimeField(blank=True, default=datetime.time(16, 30), null=True, verbose_name='jam pulang Senin'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='mon_start',
            field=models.TimeField(blank=True, default=datetime.time(8, 0), null=True, verbose_name='jam masuk Senin'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sat_break_end',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='selesai istirahat Sabtu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sat_break_start',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='mulai istirahat Sabtu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sat_end',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='jam pulang Sabtu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sat_start',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='jam masuk Sabtu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sun_break_end',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='selesai istirahat Minggu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sun_break_start',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='mulai istirahat Minggu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sun_end',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='jam pulang Minggu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='sun_start',
            field=models.TimeField(blank=True, default=None, null=True, verbose_name='jam masuk Minggu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='thu_break_end',
            field=models.TimeField(blank=True, default=datetime.time(13, 0), null=True, verbose_name='selesai istirahat Kamis'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='thu_break_start',
            field=models.TimeField(blank=True, default=datetime.time(12, 0), null=True, verbose_name='mulai istirahat Kamis'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='thu_end',
            field=models.TimeField(blank=True, default=datetime.time(16, 30), null=True, verbose_name='jam pulang Kamis'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='thu_start',
            field=models.TimeField(blank=True, default=datetime.time(8, 0), null=True, verbose_name='jam masuk Kamis'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='tue_break_end',
            field=models.TimeField(blank=True, default=datetime.time(13, 0), null=True, verbose_name='selesai istirahat Selasa'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='tue_break_start',
            field=models.TimeField(blank=True, default=datetime.time(12, 0), null=True, verbose_name='mulai istirahat Selasa'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='tue_end',
            field=models.TimeField(blank=True, default=datetime.time(16, 30), null=True, verbose_name='jam pulang Selasa'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='tue_start',
            field=models.TimeField(blank=True, default=datetime.time(8, 0), null=True, verbose_name='jam masuk Selasa'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='wed_break_end',
            field=models.TimeField(blank=True, default=datetime.time(13, 0), null=True, verbose_name='selesai istirahat Rabu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='wed_break_start',
            field=models.TimeField(blank=True, default=datetime.time(12, 0), null=True, verbose_name='mulai istirahat Rabu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='wed_end',
            field=models.TimeField(blank=True, default=datetime.time(16, 30), null=True, verbose_name='jam pulang Rabu'),
        ),
        migrations.AddField(
            model_name='workinghours',
            name='wed_start',
            field=models.TimeField(blank=True, default=datetime.time(8, 0), null=True, verbose_name='jam masuk Rabu'),
        ),
        migrations.AlterField(
            model_name='holiday',
            name='site',
            field=models.ForeignKey(blank=True, help_text='Kosong untuk libur nasional dan cuti bersama (berlaku di semua pengadilan).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='situs pengadilan'),
        ),
        migrations.RunPython(carry_over_hours, hours_back),
        migrations.RunPython(classify_holidays, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='workinghours',
            name='end_time',
        ),
        migrations.RemoveField(
            model_name='workinghours',
            name='start_time',
        ),
        migrations.RemoveField(
            model_name='workinghours',
            name='workdays',
        ),
        migrations.AlterConstraint(
            model_name='holiday',
            name='unique_holiday_per_site',
            constraint=models.UniqueConstraint(fields=('date', 'site'), name='unique_holiday_per_site', violation_error_message='Pengadilan ini sudah mencatat tanggal tersebut.'),
        ),
        migrations.AddConstraint(
            model_name='holiday',
            constraint=models.UniqueConstraint(condition=models.Q(('site__isnull', True)), fields=('date',), name='unique_national_holiday'),
        ),
        migrations.AddConstraint(
            model_name='holiday',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('site__isnull', True), ('source__in', ['nasional', 'cuti_bersama']), ('working_day', False)), models.Q(('site__isnull', False), ('source', 'pengadilan')), _connector='OR'), name='holiday_source_matches_site'),
        ),
    ]
