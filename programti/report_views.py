"""The "Laporan program TI" screen (SOP A5-A6): a court's programme for a period, its figures (activities planned
vs done, progress per area, issues) with a PDF export; each issue can become a follow-up plan (A7); the Kasubag
PTIP saves the implementation report (A5) and the IT monev report (A6) with their PDFs."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model

from cms.models import CourtSettings
from core.court_picker import CourtPickerMixin
from editorial import step_records
from editorial.models import StepRecord
from editorial.models.standards import PROGRAM_LAPOR, PROGRAM_MONEV
from editorial.step_rows import user_name
from editorial.tindaklanjut.permissions import plan_courts
from editorial.tindaklanjut.views import court_collection

from . import figures as program_figures
from .decree import logo_data_uri
from .models import ProgramReport, ProgramTI

VIEW, REPORT = "programti.view_programti", "programti.add_programreport"


class ReportForm(forms.ModelForm):
    class Meta:
        model = ProgramReport
        fields = ["kind", "summary", "issues", "recommendations"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "issues": forms.Textarea(attrs={"rows": 3}),
                   "recommendations": forms.Textarea(attrs={"rows": 3})}


def parse_day(value, default):
    try:
        return datetime.date.fromisoformat(value) if value else default
    except ValueError:
        return default


def render_pdf(figures, site, report=None):
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    court = CourtSettings.for_site(site)
    html = render_to_string("programti/pdf/monev.html", {
        "figures": figures, "court": court, "logo": logo_data_uri(court), "report": report,
        "start": date_format(figures.start, "DATE_FORMAT"), "end": date_format(figures.end, "DATE_FORMAT"),
        "printed_on": date_format(timezone.localdate(), "DATE_FORMAT"),
        "author": user_name(report.created_by) if report else "",
        "title": report.get_kind_display() if report else _("Laporan Monitoring dan Evaluasi TI"),
    })
    return HTML(string=html).write_pdf()


class ReportsView(CourtPickerMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "programti/reports.html"
    page_title = gettext_lazy("Laporan program TI")
    header_icon = "doc-full"
    court_permission = VIEW

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def setup_program(self):
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        self.programs = list(ProgramTI.objects.filter(court=self.site, live=True).order_by("-year", "title"))
        chosen = data.get("program", "")
        self.program = next((p for p in self.programs if chosen.isdigit() and p.pk == int(chosen)), None) or (
            self.programs[0] if self.programs else None)
        if self.program is None:
            self.start = self.end = None
            return
        year = self.program.year
        today = timezone.localdate()
        default_end = min(datetime.date(year, 12, 31), max(today, datetime.date(year, 1, 1)))
        self.start = parse_day(data.get("start"), datetime.date(year, 1, 1))
        self.end = parse_day(data.get("end"), default_end)
        if self.end < self.start:
            self.start, self.end = self.end, self.start

    def here(self):
        query = {"situs": self.site.pk}
        if self.program is not None:
            query.update(program=self.program.pk, start=self.start.isoformat(), end=self.end.isoformat())
        return reverse("programti_reports") + "?" + urlencode(query)

    def get(self, request, *args, **kwargs):
        self.setup_program()
        if request.GET.get("format") == "pdf" and self.program is not None:
            pdf = render_pdf(program_figures.compute(self.program, self.start, self.end), self.site)
            response = HttpResponse(pdf, content_type="application/pdf")
            name = f"monev-ti-{slugify(self.site.site_name)}-{self.start:%Y%m%d}-{self.end:%Y%m%d}.pdf"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.user_holds(REPORT):
            raise PermissionDenied
        self.setup_program()
        if self.program is None:
            raise PermissionDenied
        form = ReportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        report = form.save(commit=False)
        report.court, report.program, report.created_by = self.site, self.program, request.user
        report.period_start, report.period_end = self.start, self.end
        report.save()
        figures = program_figures.compute(self.program, self.start, self.end)
        pdf = render_pdf(figures, self.site, report)
        report.document = get_document_model().objects.create(
            title=f"{report.get_kind_display()} — {self.program.title} ({date_format(self.start, 'DATE_FORMAT')} – "
                  f"{date_format(self.end, 'DATE_FORMAT')})"[:255],
            file=ContentFile(pdf, name=f"{report.kind}-ti-{self.program.year}-{report.pk}.pdf"),
            collection=court_collection(self.site), uploaded_by_user=request.user)
        report.save(update_fields=["document"])
        now = timezone.now()
        if report.kind == ProgramReport.PELAKSANAAN:
            # A5 done; A6 (monitoring and evaluation) starts for the Kasubag.
            step_records.close_steps(self.program, PROGRAM_LAPOR, now, StepRecord.DONE, actor=request.user)
            step_records.open_step(self.program, PROGRAM_MONEV, request.user, now)
        else:
            step_records.close_steps(self.program, PROGRAM_MONEV, now, StepRecord.DONE, actor=request.user)
        messages.success(request, _("%(kind)s disimpan.") % {"kind": report.get_kind_display()})
        return redirect(self.here())

    def issue_links(self, figures):
        if not plan_courts(self.request.user, "add").filter(pk=self.site.pk).exists():
            return
        here = self.request.build_absolute_uri(self.here())
        for report in figures.issues:
            activity = report.activity
            report.follow_up_url = reverse("tindaklanjut_plans:add") + "?" + urlencode({
                "court": self.site.pk,
                "title": (_("Tindak lanjut kendala: %(activity)s") % {"activity": activity.name})[:255],
                "finding": report.issue[:1500],
                "source_label": _("Monev program TI %(year)s") % {"year": self.program.year},
                "source_url": here, "source_ref": f"programti:kegiatan:{activity.pk}"})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = None
        if self.program is not None:
            figures = program_figures.compute(self.program, self.start, self.end)
            self.issue_links(figures)
        can_report = self.user_holds(REPORT)
        context.update({
            "programs": self.programs, "program": self.program, "figures": figures,
            "start": self.start, "end": self.end, "can_report": can_report,
            "form": kwargs.get("form") or (ReportForm() if can_report else None),
            "saved": ProgramReport.objects.filter(court=self.site).select_related("document", "program",
                                                                                  "created_by")[:20],
            "pdf_url": self.here() + "&format=pdf" if self.program is not None else "",
        })
        return context
