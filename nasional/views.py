"""The national table: one row per court the user reads, its figures for a period, sortable and filterable,
with an XLSX export (Wagtail's report view; who reads which courts is nasional.access)."""

import io

import django_filters
from django import forms
from django.db.models import Q
from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from cms import court_types
from monev import periods
from monev.periods import format_day
from monev.report.present import INT, PERCENT, TEXT, fmt_int, fmt_percent
from monev.report.spreadsheet import NUMBER_FORMATS

from . import access, figures

PERIOD_KINDS = [(kind, label) for kind, label in periods.KINDS if kind != periods.CUSTOM]


def default_period(today=None):
    """The last quarter that has ended."""
    today = today or timezone.localdate()
    current = periods.Period.containing(periods.QUARTER, today)
    return current.previous()


class PeriodFilterForm(forms.Form):
    period = None  # the period chosen, once the form is valid

    def clean(self):
        data = super().clean()
        kind, year = data.get("periode"), data.get("tahun")
        if kind and year:
            try:
                self.period = periods.Period.of(kind, year, data.get("ke") or 1)
            except ValueError:
                raise forms.ValidationError(_("Periode itu tidak ada.")) from None
        return data


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def _keep(queryset, name, value):
    return queryset  # the period chooses the figures, not the courts


class NationalFilterSet(WagtailFilterSet):
    periode = django_filters.ChoiceFilter(label=gettext_lazy("Jenis periode"), choices=PERIOD_KINDS, method=_keep,
                                          empty_label=None)
    tahun = IntegerFilter(label=gettext_lazy("Tahun"), method=_keep, min_value=2000, max_value=2100)
    ke = IntegerFilter(label=gettext_lazy("Ke-"), method=_keep, min_value=1, max_value=12,
                                     help_text=gettext_lazy("Bulan 1–12, triwulan 1–4 atau semester 1–2."))
    direktorat = django_filters.ChoiceFilter(label=gettext_lazy("Direktorat"), method="filter_directorate",
                                             empty_label=gettext_lazy("Semua direktorat"))
    jenis = django_filters.ChoiceFilter(label=gettext_lazy("Jenis pengadilan"), method="filter_type",
                                        empty_label=gettext_lazy("Semua jenis"))
    banding = django_filters.ModelChoiceFilter(label=gettext_lazy("Wilayah pengadilan tingkat banding"),
                                               queryset=Site.objects.none(), method="filter_appellate",
                                               empty_label=gettext_lazy("Semua wilayah"))

    class Meta:
        model = Site
        fields = []
        form = PeriodFilterForm

    def __init__(self, *args, courts, present_types, **kwargs):
        super().__init__(*args, **kwargs)
        period = default_period()
        self.default_period = period
        for name, value in (("periode", period.kind), ("tahun", period.start.year), ("ke", period.number)):
            self.filters[name].extra["initial"] = value
        directorates = {court_types.directorate_of(code) for code in present_types}
        self.filters["direktorat"].extra["choices"] = [
            (code, court_types.DIRECTORATE_SHORT[code]) for code in court_types.DIRECTORATES if code in directorates]
        self.filters["jenis"].extra["choices"] = [(code, label) for code, label in court_types.CHOICES
                                                  if code in present_types]
        self.filters["banding"].queryset = courts.filter(
            courtsettings__court_type__in=court_types.APPELLATE_TYPES).order_by("site_name", "hostname")
        self.form.fields["banding"].label_from_instance = lambda site: site.site_name or site.hostname

    def filter_directorate(self, queryset, name, value):
        return queryset.filter(courtsettings__court_type__in=court_types.types_of(value))

    def filter_type(self, queryset, name, value):
        return queryset.filter(courtsettings__court_type=value)

    def filter_appellate(self, queryset, name, value):
        # The appellate court's own row with the courts under it.
        return queryset.filter(Q(pk=value.pk) | Q(courtsettings__appellate_court=value)
                               | Q(courtsettings__appellate_court__courtsettings__appellate_court=value))

    @property
    def period(self):
        if self.is_valid() and self.form.period is not None:
            return self.form.period
        return self.default_period


def fmt_ratio(value):
    return fmt_percent(value, digits=0)


class NumberColumn(Column):
    """A figure: right-aligned, shown as Indonesian text, sorted by its number."""

    def __init__(self, name, label, kind=INT, **kwargs):
        self.kind = kind
        formatter = fmt_int if kind == INT else (fmt_ratio if name.endswith("_ratio") else fmt_percent)
        super().__init__(name, label=label, sort_key=name, classname="nasional-number",
                         accessor=lambda row: formatter(getattr(row, name)), **kwargs)


DATE = "date"
EXPORT_FORMATS = {**NUMBER_FORMATS, DATE: "yyyy-mm-dd"}


class DateColumn(Column):
    """A day: shown in the active language ("—" when there is none), sorted by date, a date in the export."""

    kind = DATE

    def __init__(self, name, label, **kwargs):
        super().__init__(name, label=label, sort_key=name, accessor=lambda row: _day(getattr(row, name)), **kwargs)


def _day(value):
    return "—" if value is None else format_day(value)


class NationalReportView(ReportView):
    page_title = gettext_lazy("Rekap nasional")
    header_icon = "table"
    template_name = "nasional/report.html"
    results_template_name = "nasional/report_results.html"
    index_url_name = "nasional_report"
    index_results_url_name = "nasional_report_results"
    filterset_class = NationalFilterSet
    paginate_by = 100
    default_ordering = "name"
    permission_policy = access.policy
    permission_required = access.VIEW

    @cached_property
    def courts(self):
        """The courts this user reads (before the filters)."""
        return access.readable_courts(self.request.user)

    @cached_property
    def present_types(self):
        return set(self.courts.exclude(courtsettings__court_type="").values_list(
            "courtsettings__court_type", flat=True).distinct().order_by())

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "courts": self.courts, "present_types": self.present_types}

    @cached_property
    def period(self):
        return self.filters.period

    @cached_property
    def columns(self):
        columns = [
            Column("name", label=_("Pengadilan"), sort_key="name"),
            Column("type_label", label=_("Jenis"), sort_key="type_label"),
        ]
        if len({court_types.directorate_of(code) for code in self.present_types}) > 1:
            columns.append(Column("directorate_label", label=_("Direktorat"), sort_key="directorate_label"))
        columns += [
            Column("appellate_name", label=_("Tingkat banding"), sort_key="appellate_name"),
            NumberColumn("published", _("Konten terbit")),
            NumberColumn("measured", _("Langkah SOP diukur")),
            NumberColumn("met_share", _("Sesuai Mutu Baku"), kind=PERCENT),
            NumberColumn("median_ratio", _("Median waktu / standar"), kind=PERCENT),
            NumberColumn("p90_ratio", _("P90 waktu / standar"), kind=PERCENT),
            NumberColumn("sent", _("Kiriman terkirim")),
            NumberColumn("failed", _("Kiriman gagal")),
            NumberColumn("needs_check", _("Kiriman perlu dicek")),
            NumberColumn("views", _("Kunjungan situs")),
            Column("checklist_score", label=_("Skor penilaian website"), sort_key="checklist_total",
                   classname="nasional-number"),
            NumberColumn("checklist_percent", _("Skor penilaian website (%)"), kind=PERCENT),
            NumberColumn("critical", _("Temuan kritis")),
            DateColumn("last_check", _("Pemeriksaan terakhir")),
            NumberColumn("plans_made", _("RTL dibuat")),
            NumberColumn("plans_closed", _("RTL selesai")),
            NumberColumn("plans_overdue", _("RTL melewati tenggat")),
        ]
        return columns

    def get_base_queryset(self):
        return self.courts

    def order_queryset(self, queryset):
        return queryset  # the rows are sorted by their figures, once computed

    def get_filtered_queryset(self):
        sites = super().get_filtered_queryset()
        self.rows = figures.compute(sites, self.period)
        return sort_rows(self.rows, self.ordering)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period"] = self.period
        context["summary"] = summary(self.rows)
        return context

    # --- export ---------------------------------------------------------------------------------

    @cached_property
    def list_export(self):
        return [column.name for column in self.columns]

    @cached_property
    def export_headings(self):
        return {column.name: str(column.label) for column in self.columns}

    @cached_property
    def export_kinds(self):
        return {column.name: getattr(column, "kind", TEXT) for column in self.columns}

    def to_row_dict(self, item):
        return {name: getattr(item, name) for name in self.list_export}

    def get_filename(self):
        return f"rekap-nasional-{self.period.start}-{self.period.end}"

    def write_xlsx_response(self, queryset):
        """One sheet, headed like the monev report's (title, period, when computed), numbers as numbers."""
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        book = Workbook()
        sheet = book.active
        sheet.title = _("Rekap nasional")[:31]
        bold = Font(bold=True)
        sheet.append([_("Rekap nasional"), self.filter_description()])
        sheet.append([_("Periode"), str(self.period.label)])
        sheet.append([_("Dihitung pada"), timezone.localtime().isoformat(timespec="seconds")])
        sheet.append([])
        sheet.append([self.export_headings[name] for name in self.list_export])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in queryset:
            values = self.to_row_dict(row)
            sheet.append([values[name] for name in self.list_export])
            for name, target in zip(self.list_export, sheet[sheet.max_row]):
                kind = self.export_kinds[name]
                if kind in EXPORT_FORMATS and target.value is not None:
                    target.number_format = EXPORT_FORMATS[kind]
        sheet.column_dimensions["A"].width = 40
        for number in range(2, len(self.list_export) + 1):
            sheet.column_dimensions[get_column_letter(number)].width = 16
        out = io.BytesIO()
        book.save(out)
        out.seek(0)
        return FileResponse(out, as_attachment=True, filename=f"{self.get_filename()}.xlsx",
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def filter_description(self):
        """The court filters in words ("PA, wilayah PTA Contoh"), or "Semua pengadilan"."""
        parts = []
        if self.filters.is_valid():
            data = self.filters.form.cleaned_data
            if data.get("direktorat"):
                parts.append(court_types.DIRECTORATE_SHORT[data["direktorat"]])
            if data.get("jenis"):
                parts.append(court_types.SHORT[data["jenis"]])
            if data.get("banding"):
                site = data["banding"]
                parts.append(_("wilayah %(court)s") % {"court": site.site_name or site.hostname})
        return ", ".join(parts) or _("Semua pengadilan yang dapat Anda lihat")


def sort_rows(rows, ordering):
    """Rows by a column (a leading "-" for descending), empty figures last either way, then by name."""
    ordering = ordering or "name"
    name = ordering.lstrip("-")
    descending = ordering.startswith("-")

    def key(row):
        value = getattr(row, name)
        if isinstance(value, str):
            value = value.casefold()
        return value

    by_name = sorted(rows, key=lambda row: row.name.casefold())
    present = [row for row in by_name if key(row) not in (None, "")]
    missing = [row for row in by_name if key(row) in (None, "")]
    return sorted(present, key=key, reverse=descending) + missing


def summary(rows):
    """The totals of the rows shown (all pages of the table); the checklist score as the courts' average."""
    measured = sum(row.measured for row in rows)
    met = sum(row.met for row in rows)
    totals = {name: fmt_int(sum(getattr(row, name) for row in rows))
              for name in ("published", "measured", "sent", "failed", "needs_check", "views")}
    totals.update({name: fmt_int(sum(getattr(row, name) or 0 for row in rows))
                   for name in ("critical", "plans_made", "plans_closed", "plans_overdue")})
    scored = [row.checklist_percent for row in rows if row.checklist_percent is not None]
    return dict(totals, courts=fmt_int(len(rows)), met_share=fmt_percent(met / measured if measured else None),
                checklist_percent=fmt_percent(sum(scored) / len(scored) if scored else None),
                checked=fmt_int(sum(1 for row in rows if row.last_check is not None)))

