"""Laporan waktu alur redaksi: each step of each item, its duration in working hours against its Mutu Baku."""

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from editorial.models import StepRecord
from editorial.models.standards import WORKFLOW_STEPS
from editorial.permissions import monev_permission_policy
from editorial.step_rows import build_rows, visible_records


def actors(request):
    User = get_user_model()
    return User.objects.filter(pk__in=StepRecord.objects.values("actor")).order_by(User.USERNAME_FIELD)


class StepRecordFilterSet(WagtailFilterSet):
    started_at = django_filters.DateFromToRangeFilter(label=_("Periode"), widget=DateRangePickerWidget)
    step = django_filters.ChoiceFilter(label=_("Langkah"), choices=WORKFLOW_STEPS, empty_label=_("Semua langkah"))
    actor = django_filters.ModelChoiceFilter(label=_("Pelaksana"), queryset=actors, empty_label=_("Siapa saja"))
    standard = django_filters.ChoiceFilter(
        label=_("Standar waktu"), method="filter_standard", empty_label=_("Semua"),
        choices=[("met", _("Memenuhi standar")), ("missed", _("Melewati standar")), ("open", _("Masih berjalan"))],
    )
    site = django_filters.ModelChoiceFilter(label=_("Pengadilan"), queryset=Site.objects.all(),
                                            empty_label=_("Semua pengadilan"))

    class Meta:
        model = StepRecord
        fields = ["started_at", "step", "actor", "standard", "site"]

    def filter_standard(self, queryset, name, value):
        if value in ("met", "missed"):
            return queryset.met_standard(met=value == "met")
        if value == "open":
            return queryset.filter(finished_at__isnull=True)
        return queryset


class ContentColumn(TitleColumn):
    """The title with its page type under it (one column less: the title needs the room)."""

    cell_template_name = "editorial/reports/title_cell.html"


class DurationColumn(Column):
    """"6 jam 20 menit / 45 menit", each duration kept on one line: ten columns leave the title room only
    when the short ones are narrow."""

    cell_template_name = "editorial/reports/duration_cell.html"


class StepDurationReportView(ReportView):
    page_title = _("Waktu alur redaksi (Mutu Baku)")
    header_icon = "time"
    index_url_name = "editorial_step_report"
    index_results_url_name = "editorial_step_report_results"
    filterset_class = StepRecordFilterSet
    paginate_by = 50
    template_name = "editorial/reports/step_report.html"
    permission_policy = monev_permission_policy
    permission_required = "view"
    columns = [
        ContentColumn("title", label=_("Konten"), get_url=lambda row: row.edit_url, classname="step-report__title"),
        Column("step", label=_("Langkah")),
        Column("actor", label=_("Pelaksana")),
        Column("started_display", label=_("Mulai")),
        Column("finished_display", label=_("Selesai")),
        # One column for the time taken against its standard (the export keeps them apart, as numbers).
        DurationColumn("duration", label=_("Durasi / standar (jam kerja)")),
        Column("met_label", label=_("Memenuhi standar")),
        Column("outcome", label=_("Hasil")),
    ]
    list_export = ["title", "page_type", "step", "actor", "started_local", "finished_local", "duration_minutes",
                   "standard_minutes", "met_label", "outcome"]
    export_headings = {
        "title": _("Konten"), "page_type": _("Jenis"), "step": _("Langkah"), "actor": _("Pelaksana"),
        "started_local": _("Mulai"), "finished_local": _("Selesai"), "duration_minutes": _("Durasi (menit jam kerja)"),
        "standard_minutes": _("Standar (menit)"), "met_label": _("Memenuhi standar"), "outcome": _("Hasil"),
    }

    def get_queryset(self):
        return visible_records(self.request.user).select_related(
            "page", "actor", "site", "task_state__task").prefetch_related("content_object").order_by(
            "-started_at", "-pk")

    # Rows carry the computed durations; the table is built before ReportView decorates the page, so both
    # paths convert (once: decorate reuses the rows the table got).
    def get_table(self, object_list):
        self._rows = build_rows(object_list)
        return super().get_table(self._rows)

    def decorate_paginated_queryset(self, object_list):
        rows = getattr(self, "_rows", None)
        return rows if rows is not None else build_rows(object_list)

    def get_filename(self):
        return f"waktu-alur-redaksi-{datetime.date.today():%Y-%m-%d}"
