"""The court calendar Mutu Baku times are counted in: working hours per weekday and days off."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from editorial.durations import STANDARD_WEEK

WEEKDAYS = [
    (0, _("Senin")), (1, _("Selasa")), (2, _("Rabu")), (3, _("Kamis")),
    (4, _("Jumat")), (5, _("Sabtu")), (6, _("Minggu")),
]
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# (field suffix, label) of the four times of a day, in the order of STANDARD_WEEK's tuples
DAY_PARTS = (
    ("start", _("jam masuk")), ("end", _("jam pulang")),
    ("break_start", _("mulai istirahat")), ("break_end", _("selesai istirahat")),
)


def _day_time(weekday, part):
    suffix, label = DAY_PARTS[part]
    standard = STANDARD_WEEK[weekday]
    return models.TimeField(format_lazy("{} {}", label, WEEKDAYS[weekday][1]), null=True, blank=True,
                            default=standard[part] if standard else None)


class WorkingHoursForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        open_days = 0
        for key, (_day, name) in zip(DAY_KEYS, WEEKDAYS):
            start, end, break_start, break_end = (cleaned.get(f"{key}_{suffix}") for suffix, _label in DAY_PARTS)
            if any(f"{key}_{suffix}" in self.errors for suffix, _label in DAY_PARTS):
                continue
            if start is None and end is None:
                if break_start or break_end:
                    self.add_error(f"{key}_break_start", _("Hari libur tidak memiliki jam istirahat; kosongkan."))
                continue
            if start is None or end is None:
                self.add_error(f"{key}_start" if start is None else f"{key}_end",
                               _("Isi jam masuk dan jam pulang, atau kosongkan keduanya bila %(day)s libur.")
                               % {"day": name})
                continue
            if end <= start:
                self.add_error(f"{key}_end", _("Jam pulang harus sesudah jam masuk."))
                continue
            open_days += 1
            if (break_start is None) != (break_end is None):
                self.add_error(f"{key}_break_end" if break_end is None else f"{key}_break_start",
                               _("Isi mulai dan selesai istirahat, atau kosongkan keduanya."))
            elif break_start is not None and not start <= break_start < break_end <= end:
                self.add_error(f"{key}_break_start",
                               _("Istirahat harus berada di antara jam masuk dan jam pulang, dan selesai "
                                 "sesudah mulai."))
        if open_days == 0 and not self.errors:
            raise ValidationError(_("Isi jam kerja untuk sekurang-kurangnya satu hari."))
        return cleaned


class WeekHoursPanel(Panel):
    """The seven days as one table, a row per day and a column per time, instead of 28 fields one under another."""

    def get_form_options(self):
        return {"fields": [f"{key}_{suffix}" for key in DAY_KEYS for suffix, _label in DAY_PARTS]}

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/week_hours.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["day_heading"] = _("Hari")
            context["columns"] = [_("Masuk"), _("Pulang"), _("Mulai istirahat"), _("Selesai istirahat")]
            context["days"] = [(name, [self.form[f"{key}_{suffix}"] for suffix, _label in DAY_PARTS])
                               for key, (_day, name) in zip(DAY_KEYS, WEEKDAYS)]
            return context


@register_setting(icon="time")
class WorkingHours(BaseSiteSetting):
    """The court's working hours per weekday, against which Mutu Baku times are counted (one row per court site).

    Each day has a start and an end (both empty: closed) and an optional break, so a Friday with its
    long midday break for Friday prayers is counted as the court works it.
    """

    timezone = models.CharField(
        _("zona waktu"), max_length=40, default="Asia/Jakarta",
        choices=[("Asia/Jakarta", _("WIB (Asia/Jakarta)")), ("Asia/Makassar", _("WITA (Asia/Makassar)")),
                 ("Asia/Jayapura", _("WIT (Asia/Jayapura)"))],
    )
    mon_start = _day_time(0, 0)
    mon_end = _day_time(0, 1)
    mon_break_start = _day_time(0, 2)
    mon_break_end = _day_time(0, 3)
    tue_start = _day_time(1, 0)
    tue_end = _day_time(1, 1)
    tue_break_start = _day_time(1, 2)
    tue_break_end = _day_time(1, 3)
    wed_start = _day_time(2, 0)
    wed_end = _day_time(2, 1)
    wed_break_start = _day_time(2, 2)
    wed_break_end = _day_time(2, 3)
    thu_start = _day_time(3, 0)
    thu_end = _day_time(3, 1)
    thu_break_start = _day_time(3, 2)
    thu_break_end = _day_time(3, 3)
    fri_start = _day_time(4, 0)
    fri_end = _day_time(4, 1)
    fri_break_start = _day_time(4, 2)
    fri_break_end = _day_time(4, 3)
    sat_start = _day_time(5, 0)
    sat_end = _day_time(5, 1)
    sat_break_start = _day_time(5, 2)
    sat_break_end = _day_time(5, 3)
    sun_start = _day_time(6, 0)
    sun_end = _day_time(6, 1)
    sun_break_start = _day_time(6, 2)
    sun_break_end = _day_time(6, 3)

    base_form_class = WorkingHoursForm
    panels = [
        FieldPanel("timezone"),
        WeekHoursPanel(
            heading=_("Jam kerja per hari"),
            help_text=_("Kosongkan jam masuk dan jam pulang pada hari yang tidak bekerja. Istirahat boleh "
                        "dikosongkan. Hari libur nasional, cuti bersama dan hari libur pengadilan diatur di "
                        "Mutu Baku → Hari libur."),
        ),
    ]

    class Meta:
        verbose_name = _("jam kerja")
        verbose_name_plural = _("jam kerja")

    def day(self, weekday):
        """(start, end, break start, break end) of a weekday (Monday = 0), or None when the court is closed."""
        key = DAY_KEYS[weekday]
        times = tuple(getattr(self, f"{key}_{suffix}") for suffix, _label in DAY_PARTS)
        return times if times[0] is not None and times[1] is not None else None

    @property
    def week(self):
        return tuple(self.day(weekday) for weekday in range(7))


class HolidayQuerySet(models.QuerySet):
    def national(self):
        return self.filter(site__isnull=True)

    def of_site(self, site):
        return self.filter(site=site)


class Holiday(models.Model):
    """A day off for all courts (national holiday or cuti bersama) or for one court.

    National rows (no site) come from the `holidays` package (editorial.holidays_seed) and are kept
    in step with it; courts cannot change them. A court adds its own days off, or marks a national
    day as a working day for itself (`working_day`), with a row of its own on that date.
    """

    NASIONAL = "nasional"
    CUTI_BERSAMA = "cuti_bersama"
    PENGADILAN = "pengadilan"
    SOURCES = [
        (NASIONAL, _("Libur nasional")),
        (CUTI_BERSAMA, _("Cuti bersama")),
        (PENGADILAN, _("Pengadilan")),
    ]

    date = models.DateField(_("tanggal"))
    name = models.CharField(_("keterangan"), max_length=200)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("situs pengadilan"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+", help_text=_("Kosong untuk libur nasional dan cuti bersama (berlaku di semua pengadilan)."),
    )
    source = models.CharField(_("sumber"), max_length=20, choices=SOURCES, default=PENGADILAN)
    working_day = models.BooleanField(
        _("tetap masuk kerja"), default=False,
        help_text=_("Centang bila pengadilan tetap bekerja pada libur nasional atau cuti bersama di tanggal ini."),
    )

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date", "site_id"]
        constraints = [
            models.UniqueConstraint(fields=["date", "site"], name="unique_holiday_per_site",
                                    violation_error_message=_("Pengadilan ini sudah mencatat tanggal tersebut.")),
            # NULLs are distinct in a unique index, so national days need their own.
            models.UniqueConstraint(fields=["date"], condition=Q(site__isnull=True), name="unique_national_holiday"),
            models.CheckConstraint(
                condition=(Q(site__isnull=True, source__in=["nasional", "cuti_bersama"], working_day=False)
                           | Q(site__isnull=False, source="pengadilan")),
                name="holiday_source_matches_site",
            ),
        ]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"

    @property
    def is_national(self):
        return self.site_id is None

    def day_label(self):
        return date_format(self.date, "l, j F Y")

    # how Wagtail's listing heads and sorts the column (django.contrib.admin's display attributes)
    day_label.short_description = _("tanggal")
    day_label.admin_order_field = "date"

    def label(self):
        """What the row means for the court: national holiday, cuti bersama, the court's day off or working day."""
        if self.working_day:
            return _("Pengadilan tetap masuk kerja")
        if self.source == self.PENGADILAN:
            return _("Libur pengadilan")
        return self.get_source_display()

    label.short_description = _("sumber")
