"""The report's period picker (GET form, so every report has a link that can be shared and exported)."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from editorial.permissions import monev_permission_policy

from . import periods
from .access import CourtChoiceField, court_label


class PeriodForm(forms.Form):
    situs = CourtChoiceField(label=_("Pengadilan"), queryset=None, empty_label=None)
    jenis = forms.ChoiceField(label=_("Jenis periode"), choices=periods.KINDS, initial=periods.MONTH)
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    ke = forms.IntegerField(
        label=_("Ke-"), min_value=1, max_value=12, required=False,
        help_text=_("Bulan 1–12, triwulan 1–4 atau semester 1–2."),
    )
    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=AdminDateInput)
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=AdminDateInput)

    def __init__(self, data=None, *, sites, **kwargs):
        today = timezone.localdate()
        last_month = periods.Period.containing(periods.MONTH, today.replace(day=1) - datetime.timedelta(days=1))
        initial = {"situs": sites.first(), "jenis": periods.MONTH, "tahun": last_month.start.year,
                   "ke": last_month.start.month}
        if data is not None and not data.get("jenis"):
            data = None  # first visit: show last month's report
        super().__init__(data, initial=initial, **kwargs)
        self.fields["situs"].queryset = sites
        if sites.count() == 1:
            self.fields["situs"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        kind = data.get("jenis")
        if kind == periods.CUSTOM:
            start, end = data.get("dari"), data.get("sampai")
            if not start or not end:
                raise forms.ValidationError(_("Isi tanggal awal dan akhir periode."))
            if end < start:
                raise forms.ValidationError(_("Tanggal akhir tidak boleh sebelum tanggal awal."))
            if (end - start).days > 366 * 2:
                raise forms.ValidationError(_("Periode paling panjang dua tahun."))
            data["period"] = periods.Period.custom(start, end)
        elif kind and data.get("tahun"):
            try:
                data["period"] = periods.Period.of(kind, data["tahun"], data.get("ke") or 1)
            except ValueError:
                raise forms.ValidationError(_("Periode itu tidak ada.")) from None
        return data

    def selection(self):
        """(site, period) chosen, or the defaults when the form is unbound."""
        if self.is_bound:
            if not self.is_valid():
                return None, None
            return self.cleaned_data["situs"], self.cleaned_data["period"]
        initial = self.initial
        return initial["situs"], periods.Period.of(initial["jenis"], initial["tahun"], initial["ke"])


# The buttons that send a report to the Sekretaris's approval (first submission and resubmission).
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def court_today(site):
    from .report import court_timezone

    return datetime.datetime.now(court_timezone(site)).date()


def format_date(day):
    # The admin's one date format (the date pickers use it too).
    return day.strftime(getattr(settings, "WAGTAIL_DATE_FORMAT", "%d/%m/%Y"))


class MonevReportForm(WagtailAdminModelForm):
    """The archive report's form: courts limited to the user's own (Wagtail passes `for_user`).

    A draft may be written while its period runs, but it goes to the Sekretaris (and so to the archive,
    where its figures are frozen) only once the period has ended: frozen half-way, the figures would
    never show the whole period."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            self.fields["site"].queryset = monev_permission_policy.instances_user_has_permission_for(
                self.for_user, "view")
            self.fields["site"].label_from_instance = court_label

    def clean(self):
        data = super().clean()
        if self.is_bound and any(self.data.get(action) for action in SUBMIT_ACTIONS):
            self.refuse_open_period(data)
        return data

    def refuse_open_period(self, data):
        site = data.get("site") or getattr(self.instance, "site", None)
        kind, start = data.get("period_kind"), data.get("period_start")
        if site is None or not kind or not start:
            return
        if kind == periods.CUSTOM:
            end = data.get("period_end")
            if not end or end < start:
                return  # the model's own check names what is missing
            period = periods.Period.custom(start, end)
        else:
            period = periods.Period.containing(kind, start)
        if period.end >= court_today(site):
            raise forms.ValidationError(
                _("Periode %(period)s belum berakhir (sampai %(end)s), sehingga angkanya belum lengkap. "
                  "Laporan dapat diajukan untuk diarsipkan mulai %(first_day)s; sampai saat itu simpan "
                  "sebagai draf.") % {"period": period.label, "end": format_date(period.end),
                                      "first_day": format_date(period.end + datetime.timedelta(days=1))},
                code="period_not_ended")
