"""The admin screens of the follow-up plans: the snippet views (court-walled), the add view's prefill from the
querystring, and the assignee's "Laksanakan" screen.

Hook ``tindaklanjut_evidence_actions``: higher apps (e.g. the website monitoring) may register
``fn(request, plan)`` returning HTML (made safe by the caller, e.g. with format_html) or None; each answer is
shown on the "Laksanakan" screen as an extra line of evidence actions, for instance a button to re-run a check
that should now pass.

Hook ``tindaklanjut_evidence_summary``: ``fn(plan)`` returning a line of text or None; each line is added to the
plan's evidence when the assignee closes it (e.g. the result of that re-run check).
"""

from pathlib import PurePath
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupSitePermission
from wagtail.snippets.views.snippets import CreateView

from cms.uploads import Refused, check_document

from .models import FollowUpPlan
from .permissions import plan_courts

EVIDENCE_HOOK = "tindaklanjut_evidence_actions"
SUMMARY_HOOK = "tindaklanjut_evidence_summary"
PREFILL = ("finding", "title", "source_label", "source_url", "source_ref")


class PlanCreateView(CreateView):
    @property
    def workflow(self):
        """The court's workflow once the plan has its court (Wagtail's would be the model's default)."""
        if self.object is not None and self.object.court_id:
            return self.object.get_workflow()
        return self.model.get_default_workflow()

    def get_add_url(self):
        """The form posts back to the add URL with the source code it was opened with: source_ref is not a field
        anyone types (it names, e.g., the check that can be re-run as evidence), so it travels in the URL."""
        url = super().get_add_url()
        ref = self.request.GET.get("source_ref", "")
        return f"{url}?{urlencode({'source_ref': ref})}" if ref else url

    def get_initial_form_instance(self):
        """Prefill from the querystring (court, finding, title, source_label, source_url, source_ref): plain data,
        kept as text in the form's fields (escaped on output), the court only if the user may add plans there."""
        instance = self.model()
        for name in PREFILL:
            value = self.request.GET.get(name, "")
            limit = self.model._meta.get_field(name).max_length
            setattr(instance, name, value[:limit] if limit else value)
        court = self.request.GET.get("court", "")
        if court.isdigit():
            site = plan_courts(self.request.user, "add").filter(pk=int(court)).first()
            if site is not None:
                instance.court = site
        return instance


def court_collection(site):
    """The court's own collection: the one its role groups hold collection permissions on (the root for none)."""
    groups = GroupSitePermission.objects.filter(site=site).values("group_id")
    return (Collection.objects.filter(group_permissions__group__in=groups).exclude(depth=1).first()
            or Collection.get_first_root_node())


def upload_error(upload):
    """The reason to refuse an evidence file, as Wagtail's document form and cms.uploads would, or None."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    ext = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if allowed and ext not in allowed:
        return _("Jenis berkas .%(ext)s tidak diterima. Yang diterima: %(allowed)s.") % {
            "ext": ext, "allowed": ", ".join(allowed)}
    try:
        check_document(upload, upload.name)
    except Refused as refused:
        return refused.message
    return None


class EvidenceForm(forms.Form):
    evidence = forms.CharField(label=gettext_lazy("Bukti pelaksanaan"), widget=forms.Textarea)
    files = forms.FileField(label=gettext_lazy("Berkas bukti"), required=False)


def carry_out(request, pk):
    """SOP B7: the assignee closes an approved plan with evidence (text and files)."""
    plan = get_object_or_404(FollowUpPlan.objects.filter(court__in=plan_courts(request.user, "view")), pk=pk)
    if plan.assignee_id != request.user.pk:
        raise PermissionDenied
    if plan.status != FollowUpPlan.DISETUJUI:
        messages.error(request, _("Rencana ini belum disetujui atau sudah selesai."))
        return redirect("tindaklanjut_plans:list")
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        documents = []
        upload = form.cleaned_data.get("files")
        if upload:
            error = upload_error(upload)
            if error:
                form.add_error("files", error)
            else:
                documents.append(get_document_model().objects.create(
                    title=(_("Bukti: %(title)s") % {"title": plan.title})[:255], file=upload,
                    collection=court_collection(plan.court), uploaded_by_user=request.user))
        if not form.errors:
            evidence = "\n\n".join([form.cleaned_data["evidence"], *(
                line for fn in hooks.get_hooks(SUMMARY_HOOK) if (line := fn(plan)))])
            plan.close(request.user, evidence, documents)
            messages.success(request, _("Rencana tindak lanjut selesai dilaksanakan."))
            return redirect("tindaklanjut_plans:list")
    extra = [html for fn in hooks.get_hooks(EVIDENCE_HOOK) if (html := fn(request, plan))]
    return TemplateResponse(request, "tindaklanjut/carry_out.html",
                            {"plan": plan, "form": form, "evidence_actions": extra})
