"""Laporan media sosial (SOP C step 4, input of step 5 monev): every post per channel per period, exportable.

The export's "Metrik" column is filled by the apps that keep post metrics (monev), through the
``warta_social_delivery_metrics`` hook: given the exported deliveries, a hook returns
{delivery id: text}. This app reads no metrics itself.
"""

from collections import OrderedDict

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr
from wagtail.models import Site

from publishers.social import permissions
from publishers.social.models import PLATFORM_CHOICES, DeliveryStatus, SocialDelivery


class DeliveryReportFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Periode"), widget=DateRangePickerWidget)
    platform = django_filters.ChoiceFilter(label=_("Platform"), choices=PLATFORM_CHOICES)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DeliveryStatus.choices)
    site = django_filters.ModelChoiceFilter(label=_("Situs pengadilan"), queryset=Site.objects.all())

    class Meta:
        model = SocialDelivery
        fields = ["created_at", "platform", "status", "site"]


def local_time(moment):
    # A monev report wants dates, not "baru saja".
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


class LinkedTitleColumn(Column):
    cell_template_name = "publishers/social/report_title_cell.html"


class DeliveryStatusColumn(Column):
    cell_template_name = "publishers/social/report_status_cell.html"


class SocialDeliveryReportView(ReportView):
    page_title = _("Laporan media sosial")
    header_icon = "site"
    index_url_name = "social_report:index"
    index_results_url_name = "social_report:results"
    template_name = "publishers/social/report.html"
    results_template_name = "publishers/social/report_results.html"
    filterset_class = DeliveryReportFilterSet
    model = SocialDelivery
    columns = [
        Column("created_at", label=_("Diterbitkan"), accessor=lambda d: local_time(d.created_at)),
        LinkedTitleColumn("page_title", label=_("Konten")),
        Column("platform", label=_("Platform"), accessor="get_platform_display"),
        Column("account_name", label=_("Kanal")),
        DeliveryStatusColumn("status", label=_("Status")),
        Column("sent_at", label=_("Terkirim"), accessor=lambda d: local_time(d.sent_at)),
        Column("error_message", label=_("Keterangan")),
    ]
    list_export = ["created_at", "sent_at", "site", "page_title", "page_url", "platform", "account_name",
                   "status", "permalink", "attempts", "error_message", "metrics"]
    export_headings = {
        "created_at": _("Diterbitkan"), "sent_at": _("Terkirim"), "site": _("Situs pengadilan"),
        "page_title": _("Konten"), "page_url": _("Alamat konten"), "platform": _("Platform"),
        "account_name": _("Kanal"), "status": _("Status"), "permalink": _("Tautan kiriman"),
        "attempts": _("Percobaan"), "error_message": _("Keterangan"), "metrics": _("Metrik"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        as_text = {self.FORMAT_CSV: str, self.FORMAT_XLSX: str}
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "site": as_text,
            "platform": {fmt: lambda value: str(dict(PLATFORM_CHOICES).get(value, value)) for fmt in as_text},
            "status": {fmt: lambda value: str(DeliveryStatus(value).label) for fmt in as_text},
        }
        self.metrics_text = {}

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.metrics_text = {}
        for fn in hooks.get_hooks("warta_social_delivery_metrics"):
            self.metrics_text.update(fn(queryset) or {})
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def to_row_dict(self, item):
        return OrderedDict(
            (field, self.metrics_text.get(item.pk, "") if field == "metrics" else multigetattr(item, field))
            for field in self.list_export
        )

    def get_filename(self):
        return "laporan-media-sosial"

    def get_queryset(self):
        deliveries = SocialDelivery.objects.select_related("site").order_by("-created_at", "platform")
        if self.request.user.is_superuser:
            return deliveries
        return deliveries.filter(site__in=permissions.report_sites(self.request.user))
