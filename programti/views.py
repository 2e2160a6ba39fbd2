"""The admin screens of the IT programme: the snippet views (court-walled), and the person responsible's
"Laporkan kemajuan" screen of an activity (SOP A4)."""


from django import forms
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model

from core import roles
from core.forms import MultipleFileField
from editorial import step_records
from editorial.models import StepRecord
from editorial.models.standards import PROGRAM_LAKSANA
from editorial.tindaklanjut.views import court_collection, upload_error

from .models import Activity, ProgressReport
from .permissions import program_courts


class ProgressForm(forms.ModelForm):
    files = MultipleFileField(label=gettext_lazy("Berkas bukti"), required=False)

    class Meta:
        model = ProgressReport
        fields = ["date", "percent", "text", "issue"]
        widgets = {"date": AdminDateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["percent"].validators.append(MaxValueValidator(100))
        self.fields["percent"].widget.attrs.update(min=0, max=100)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal laporan tidak boleh di masa depan."))
        return day


def may_report(user, activity):
    """The person responsible reports an activity's progress; so may the court's Kasubag PTIP for them."""
    if user.is_superuser or activity.responsible_id == user.pk:
        return True
    return roles.holds_role(user, roles.KASUBAG) and program_courts(user, "change").filter(
        pk=activity.program.court_id).exists()


def report_progress(request, pk):
    """SOP A4: a progress report on an activity of a programme the Ketua has set (date, percent, text, issue,
    evidence files). The activity's step (PROGRAM_LAKSANA) ends when it is reported done (100 %)."""
    activity = get_object_or_404(Activity.objects.select_related("program__court", "responsible").filter(
        program__court__in=program_courts(request.user, "view")), pk=pk)
    if not may_report(request.user, activity):
        raise PermissionDenied
    program = activity.program
    if not program.is_set:
        messages.error(request, _("Program ini belum ditetapkan Ketua."))
        return redirect("programti_programs:list")
    form = ProgressForm(request.POST or None, request.FILES or None,
                        initial={"date": timezone.localdate(), "percent": activity.progress()})
    if request.method == "POST" and form.is_valid():
        documents = []
        for upload in form.cleaned_data.get("files") or []:
            error = upload_error(upload)
            if error:
                form.add_error("files", error)
        if not form.errors:
            for upload in form.cleaned_data.get("files") or []:
                documents.append(get_document_model().objects.create(
                    title=(_("Bukti kemajuan: %(activity)s") % {"activity": activity.name})[:255], file=upload,
                    collection=court_collection(program.court), uploaded_by_user=request.user))
            report = form.save(commit=False)
            report.activity = activity
            report.reported_by = request.user
            report.save()
            if documents:
                report.evidence_documents.add(*documents)
            if report.percent >= 100 and activity.is_done:
                step_records.close_steps(activity, PROGRAM_LAKSANA, timezone.now(), StepRecord.DONE,
                                         actor=request.user)
                from .reports import open_reporting_if_done
                open_reporting_if_done(program)
            messages.success(request, _("Kemajuan kegiatan “%(activity)s” dicatat: %(percent)s%%.") % {
                "activity": activity.name, "percent": report.percent})
            return redirect("programti_report_progress", pk=activity.pk)
    return TemplateResponse(request, "programti/report_progress.html", {
        "activity": activity, "program": program, "form": form,
        "reports": activity.progress_reports.select_related("reported_by").prefetch_related("evidence_documents"),
    })
