"""The work orders' screens (SOP D3-D4): the court's list ("Perintah pemeliharaan"), and one order with the
assignee's report (date, findings, result, evidence files) and the Kasubag PTIP's evaluation (accept, or return
with a note); an order whose report found something gets a link to a follow-up plan (D5-D6)."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model

from core.court_picker import CourtPickerMixin
from core.forms import MultipleFileField
from editorial.tindaklanjut.permissions import plan_courts
from editorial.tindaklanjut.views import court_collection, upload_error

from . import orders
from .models import WorkOrder, WorkOrderReport
from .permissions import may_evaluate, may_report, visible_orders


class ReportForm(forms.ModelForm):
    files = MultipleFileField(label=gettext_lazy("Berkas bukti"), required=False,
                              help_text=gettext_lazy("Foto, tangkapan layar atau dokumen hasil pemeliharaan."))

    class Meta:
        model = WorkOrderReport
        fields = ["done_on", "result", "findings"]
        widgets = {"done_on": AdminDateInput(), "result": forms.RadioSelect,
                   "findings": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, order=None, **kwargs):
        self.order = order
        super().__init__(*args, **kwargs)

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal dikerjakan tidak boleh di masa depan."))
        if self.order is not None and self.order.issued_at and day < timezone.localdate(self.order.issued_at):
            raise forms.ValidationError(_("Tanggal dikerjakan tidak boleh sebelum perintah diterbitkan."))
        return day

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        for upload in files:
            error = upload_error(upload)
            if error:
                raise forms.ValidationError(error)
        return files


class EvaluationForm(forms.Form):
    verdict = forms.ChoiceField(label=gettext_lazy("Hasil evaluasi"), choices=WorkOrderReport.VERDICTS,
                                widget=forms.RadioSelect)
    note = forms.CharField(label=gettext_lazy("Catatan evaluasi"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("verdict") == WorkOrderReport.DIKEMBALIKAN and not cleaned.get("note", "").strip():
            self.add_error("note", forms.ValidationError(
                _("Tuliskan apa yang harus diperbaiki sebelum mengembalikan perintah.")))
        return cleaned


FILTERS = [("", gettext_lazy("Semua")), ("saya", gettext_lazy("Tugas saya")),
           ("terbuka", gettext_lazy("Harus dikerjakan")), ("evaluasi", gettext_lazy("Menunggu evaluasi")),
           ("terjadwal", gettext_lazy("Terjadwal")), ("selesai", gettext_lazy("Selesai"))]


class OrderListView(CourtPickerMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "pemeliharaan/orders.html"
    page_title = gettext_lazy("Perintah pemeliharaan")
    header_icon = "cogs"
    court_permission = "pemeliharaan.view_workorder"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def filtered(self, rows, key):
        user = self.request.user
        if key == "saya":
            return rows.filter(assignee=user, status__in=(WorkOrder.DITERBITKAN, WorkOrder.DIKEMBALIKAN))
        if key == "terbuka":
            return rows.filter(status__in=(WorkOrder.DITERBITKAN, WorkOrder.DIKEMBALIKAN))
        if key == "evaluasi":
            return rows.filter(status=WorkOrder.DILAPORKAN)
        if key in (WorkOrder.TERJADWAL, WorkOrder.SELESAI):
            return rows.filter(status=key)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.request.GET.get("tampil", "")
        if key not in dict(FILTERS):
            key = ""
        rows = self.filtered(WorkOrder.objects.filter(court=self.site), key)
        year = self.request.GET.get("tahun", "")
        if year.isdigit():
            rows = rows.filter(due_date__year=int(year))
        today = timezone.localdate()
        rows = list(rows.select_related("assignee", "schedule").order_by("due_date", "pk")[:500])
        for row in rows:
            row.realisation_state = row.realisation(today)
        context.update(orders=rows, filters=FILTERS, chosen=key, year=year, today=today)
        return context


class OrderDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "pemeliharaan/order.html"
    header_icon = "cogs"
    page_title = gettext_lazy("Perintah pemeliharaan")

    def dispatch(self, request, pk):
        self.order = get_object_or_404(
            visible_orders(request.user).select_related("schedule", "asset", "assignee", "court"), pk=pk)
        self.can_report = may_report(request.user, self.order) and self.order.status in (
            WorkOrder.DITERBITKAN, WorkOrder.DIKEMBALIKAN)
        self.can_evaluate = may_evaluate(request.user, self.order) and self.order.status == WorkOrder.DILAPORKAN
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.order.title

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")},
                {"url": reverse("pemeliharaan_perintah:list") + f"?situs={self.order.court_id}",
                 "label": _("Perintah pemeliharaan")},
                {"url": "", "label": self.order.title}]

    def post(self, request):
        order = self.order
        action = request.POST.get("action")
        if action == "report":
            if not self.can_report:
                raise PermissionDenied
            form = ReportForm(request.POST, request.FILES, order=order)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(report_form=form))
            documents = [get_document_model().objects.create(
                title=(_("Bukti pemeliharaan: %(order)s") % {"order": order})[:255], file=upload,
                collection=court_collection(order.court), uploaded_by_user=request.user)
                for upload in form.cleaned_data["files"]]
            orders.report(order, request.user, form.cleaned_data["done_on"], form.cleaned_data["findings"],
                          form.cleaned_data["result"], documents)
            messages.success(request, _("Laporan pemeliharaan disimpan dan menunggu evaluasi Kasubag PTIP."))
        elif action == "evaluate":
            if not self.can_evaluate:
                raise PermissionDenied
            form = EvaluationForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(evaluation_form=form))
            verdict = form.cleaned_data["verdict"]
            orders.evaluate(order, request.user, verdict, form.cleaned_data["note"])
            if verdict == WorkOrderReport.DITERIMA:
                messages.success(request, _("Pemeliharaan diterima: perintah selesai."))
            else:
                messages.success(request, _("Perintah dikembalikan kepada pelaksana dengan catatan."))
        else:
            raise PermissionDenied
        return redirect("pemeliharaan_perintah:detail", pk=order.pk)

    def follow_up_url(self, latest):
        order = self.order
        if latest is None or latest.result != WorkOrderReport.PERLU_TINDAK_LANJUT:
            return ""
        if latest.verdict == WorkOrderReport.DIKEMBALIKAN:
            return ""  # the assignee reports again first
        if not plan_courts(self.request.user, "add").filter(pk=order.court_id).exists():
            return ""
        return reverse("tindaklanjut_plans:add") + "?" + urlencode({
            "court": order.court_id,
            "title": (_("Tindak lanjut pemeliharaan: %(order)s") % {"order": order.title})[:255],
            "finding": latest.findings[:1500], "source_label": str(order)[:255],
            "source_url": self.request.build_absolute_uri(reverse("pemeliharaan_perintah:detail", args=[order.pk])),
            "source_ref": f"pemeliharaan:perintah:{order.pk}"})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.order
        report_form = kwargs.get("report_form")
        if self.can_report and report_form is None:
            report_form = ReportForm(order=order, initial={"done_on": timezone.localdate(),
                                                           "result": WorkOrderReport.BAIK})
        evaluation_form = kwargs.get("evaluation_form")
        if self.can_evaluate and evaluation_form is None:
            evaluation_form = EvaluationForm()
        reports = list(order.reports.select_related("reported_by", "evaluated_by")
                       .prefetch_related("evidence_documents"))
        latest = reports[0] if reports else None
        returned = latest if latest is not None and latest.verdict == WorkOrderReport.DIKEMBALIKAN else None
        context.update(order=order, reports=reports, report_form=report_form if self.can_report else None,
                       evaluation_form=evaluation_form if self.can_evaluate else None, returned=returned,
                       realisation=order.realisation(timezone.localdate()),
                       follow_up_url=self.follow_up_url(latest),
                       schedule_url=reverse("pemeliharaan_jadwal:edit", args=[order.schedule_id]))
        return context
