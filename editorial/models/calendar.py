import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

WEEKDAYS = [
    (0, _("Senin")), (1, _("Selasa")), (2, _("Rabu")), (3, _("Kamis")),
    (4, _("Jumat")), (5, _("Sabtu")), (6, _("Minggu")),
]


class WorkingHoursForm(WagtailAdminModelForm):
    # Stored as a string of weekday digits ("01234"); edited as checkboxes.
    workdays = forms.TypedMultipleChoiceField(
        label=_("hari kerja"), choices=WEEKDAYS, coerce=int, widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["workdays"] = [int(day) for day in (self.instance.workdays or "")]

    def clean_workdays(self):
        return "".join(str(day) for day in sorted(set(self.cleaned_data["workdays"])))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Jam pulang harus sesudah jam masuk."))
        return cleaned


@register_setting(icon="time")
class WorkingHours(BaseSiteSetting):
    """The court's working hours, against which Mutu Baku times are counted (one row per court site)."""

    timezone = models.CharField(
        _("zona waktu"), max_length=40, default="Asia/Jakarta",
        choices=[("Asia/Jakarta", _("WIB (Asia/Jakarta)")), ("Asia/Makassar", _("WITA (Asia/Makassar)")),
                 ("Asia/Jayapura", _("WIT (Asia/Jayapura)"))],
    )
    start_time = models.TimeField(_("jam masuk"), default=datetime.time(8, 0))
    end_time = models.TimeField(_("jam pulang"), default=datetime.time(16, 30))
    workdays = models.CharField(_("hari kerja"), max_length=7, default="01234")

    base_form_class = WorkingHoursForm
    panels = [
        FieldPanel("timezone"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")], heading=_("Jam kerja")),
        FieldPanel("workdays"),
    ]

    class Meta:
        verbose_name = _("jam kerja")
        verbose_name_plural = _("jam kerja")

    @property
    def weekdays(self):
        return frozenset(int(day) for day in self.workdays)


class Holiday(models.Model):
    """A day off (national holiday or cuti bersama), for all courts or for one court's site."""

    date = models.DateField(_("tanggal"))
    name = models.CharField(_("keterangan"), max_length=200)
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("situs pengadilan"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+", help_text=_("Kosongkan bila berlaku untuk semua pengadilan (libur nasional)."),
    )

    panels = [FieldPanel("date"), FieldPanel("name"), FieldPanel("site")]

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["date", "site"], name="unique_holiday_per_site")]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"
