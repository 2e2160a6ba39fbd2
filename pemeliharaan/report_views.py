"""The "Rencana dan Realisasi Pemeliharaan" report screen: one court (core.court_picker), a period (this year
by default), the figures of pemeliharaan.realisation as tables, XLSX and PDF."""

import datetime
from urllib.parse import urlencode

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.models import CourtSettings
from core.court_picker import CourtPickerMixin

from . import realisation


def parse_day(value, default):
    try:
        return datetime.date.fromisoformat(value) if value else default
    except ValueError:
        return default


class RealisationView(CourtPickerMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "pemeliharaan/realisation.html"
    page_title = gettext_lazy("Rencana dan Realisasi Pemeliharaan")
    header_icon = "cogs"
    court_permission = "pemeliharaan.view_workorder"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        self.start = parse_day(request.GET.get("start"), datetime.date(self.today.year, 1, 1))
        self.end = parse_day(request.GET.get("end"), datetime.date(self.today.year, 12, 31))
        if self.end < self.start:
            self.start, self.end = self.end, self.start
        self.figures = realisation.compute(self.site, self.start, self.end, self.today)
        wanted = request.GET.get("format")
        court = slugify(self.site.site_name or self.site.hostname)
        name = f"pemeliharaan-{court}-{self.start:%Y%m%d}-{self.end:%Y%m%d}"
        if wanted == "xlsx":
            response = HttpResponse(realisation.to_xlsx(self.figures, self.court_name()), content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
            return response
        if wanted == "pdf":
            response = HttpResponse(self.pdf(), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
            return response
        return super().get(request, *args, **kwargs)

    def court_name(self):
        return CourtSettings.for_site(self.site).court_name or self.site.site_name

    def pdf(self):
        from weasyprint import HTML  # heavy import, only when a PDF is wanted

        html = render_to_string("pemeliharaan/pdf/realisation.html", {
            "figures": self.figures, "court": self.court_name(), "columns": realisation.columns(),
            "start": date_format(self.start, "DATE_FORMAT"), "end": date_format(self.end, "DATE_FORMAT"),
            "today": date_format(self.today, "DATE_FORMAT")})
        return HTML(string=html).write_pdf()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = {"situs": self.site.pk, "start": self.start.isoformat(), "end": self.end.isoformat()}
        here = reverse("pemeliharaan_realisasi") + "?" + urlencode(query)
        context.update(figures=self.figures, columns=realisation.columns(), start=self.start, end=self.end,
                       xlsx_url=here + "&format=xlsx", pdf_url=here + "&format=pdf",
                       state_labels=realisation.STATE_LABELS)
        return context
