"""The asset register's own screens: the spreadsheet import and the QR label sheet (PDF), each about one court
(core.court_picker), and the wall around the snippet views' URLs with a pk."""


from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.court_picker import CourtPickerMixin

from .importing import KOLOM, ImportRefused, import_assets
from .models import Asset


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Berkas lembar kerja (.xlsx atau .csv)"))


class ImportView(CourtPickerMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "pemeliharaan/import.html"
    page_title = gettext_lazy("Impor Aset TI")
    header_icon = "upload"
    court_permission = "pemeliharaan.add_asset"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")},
                {"url": reverse("pemeliharaan_aset:list"), "label": _("Aset TI")},
                {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["columns"] = list(KOLOM)
        context["kinds"] = [label for _key, label in Asset.KINDS]
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        row_errors = []
        if form.is_valid():
            try:
                created, row_errors = import_assets(form.cleaned_data["file"], self.site)
            except ImportRefused as refused:
                form.add_error("file", str(refused))
            else:
                if not row_errors:
                    messages.success(request, _("%(count)s aset diimpor.") % {"count": len(created)})
                    return redirect(reverse("pemeliharaan_aset:list"))
                form.add_error("file", _("Tidak ada aset yang diimpor: perbaiki baris di bawah lalu unggah lagi."))
        return self.render_to_response(self.get_context_data(form=form, row_errors=row_errors))


class LabelsView(CourtPickerMixin, TemplateView):
    """A sheet of QR labels (PDF) for the court's assets: each code says which asset it is."""

    court_permission = "pemeliharaan.view_asset"

    def get(self, request, *args, **kwargs):
        import segno
        import weasyprint

        assets = list(Asset.objects.filter(court=self.site).order_by("code"))
        court_name = self.site.site_name or self.site.hostname
        for asset in assets:
            text = f"{asset.code}\n{asset.name}\n{court_name}"
            asset.qr = segno.make(text, error="m").svg_data_uri(scale=4, border=1)
        html = render_to_string("pemeliharaan/labels.html", {"assets": assets, "court_name": court_name})
        pdf = weasyprint.HTML(string=html).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        name = slugify(f"label-aset-{court_name}") or "label-aset"
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
