"""Admin views: the monev report for any period, and its PDF / XLSX / CSV export."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.permissions import monev_permission_policy

from . import report
from .forms import PeriodForm, court_today, format_date
from .models import MonevReport
from .report import pdf, present, spreadsheet


class MonevAccessMixin(PermissionCheckedMixin):
    permission_policy = monev_permission_policy
    permission_required = "view"

    def get_selection(self):
        sites = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        if not sites.exists():
            raise PermissionDenied
        self.form = PeriodForm(self.request.GET or None, sites=sites)
        return self.form.selection()


def export_filename(figures, extension):
    period = figures["period"]
    return f"laporan-monev-{slugify(figures['site']['name'])}-{period['start']}-{period['end']}.{extension}"


class ReportView(MonevAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "monev/report.html"
    page_title = _("Laporan Monev")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site, period = self.get_selection()
        context["form"] = self.form
        if site is None:
            return context
        figures = report.compute(site, period)
        context["figures"] = figures
        context["sections"] = present.sections(figures)
        context["query"] = self.request.GET.urlencode() if self.request.GET else (
            f"situs={site.pk}&jenis={period.kind}&tahun={period.start.year}&ke={period.number or 1}")
        if period.end >= court_today(site):
            # Said here already, so nobody writes the report expecting to submit it today.
            context["open_period_note"] = _(
                "Periode ini belum berakhir, sehingga angkanya masih bertambah. Laporannya dapat disusun "
                "sebagai draf dan diajukan untuk diarsipkan mulai %(first_day)s.") % {
                "first_day": format_date(period.end + datetime.timedelta(days=1))}
        archived = MonevReport.objects.filter(site=site, period_kind=period.kind, period_start=period.start,
                                              period_end=period.end).first()
        if archived is not None and self.request.user.has_perm("monev.view_monevreport"):
            context["archived_url"] = reverse("wagtailsnippets_monev_monevreport:inspect", args=[archived.pk])
        elif archived is None and self.request.user.has_perm("monev.add_monevreport"):
            context["archive_url"] = reverse("wagtailsnippets_monev_monevreport:add") + (
                f"?site={site.pk}&period_kind={period.kind}&period_start={period.start}&period_end={period.end}")
        return context


class ExportView(MonevAccessMixin, View):
    CONTENT_TYPES = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
    }

    def get(self, request, fmt):
        if fmt not in self.CONTENT_TYPES:
            raise Http404
        site, period = self.get_selection()
        if site is None:
            raise Http404
        figures = report.compute(site, period)
        if fmt == "pdf":
            content = pdf.render(figures, site)
        elif fmt == "xlsx":
            content = spreadsheet.to_xlsx(figures)
        else:
            content = spreadsheet.to_csv(figures)
        response = HttpResponse(content, content_type=self.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{export_filename(figures, fmt)}"'
        return response
