"""The "Pemantauan Website" screen: the latest findings of a court, grouped by severity, the run history,
and a button that runs the checks now."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.court_picker import CourtPickerMixin

from .follow_up import source_ref
from .models import BAIK, DISARANKAN, KRITIS, CheckRun
from .tasks import run_checks

VIEW, RUN = "monitoring.view_checkrun", "monitoring.add_checkrun"


def finding_text(finding):
    """The finding as a plan's "temuan": what was found, where, and how to fix it (kept short for a URL)."""
    parts = [f"{finding.get_severity_display()}: {finding.title}", finding.target, finding.how_to_fix]
    return "\n".join(part for part in parts if part)[:1500]


class MonitoringView(CourtPickerMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/index.html"
    page_title = gettext_lazy("Pemantauan Website")
    header_icon = "pick"
    court_permission = VIEW

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        if not self.user_holds(RUN):
            raise PermissionDenied
        run_checks.enqueue(self.site.pk, request.user.pk)
        messages.success(request, _("Pemeriksaan dijalankan. Hasilnya tampil di bawah setelah selesai."))
        return redirect(reverse("monitoring:index") + f"?situs={self.site.pk}")

    def follow_up_url(self):
        """The follow-up plan's add view, when that app is installed and the user may add plans."""
        from django.urls import NoReverseMatch

        try:
            return reverse("tindaklanjut_plans:add")
        except NoReverseMatch:
            return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = CheckRun.objects.filter(site=self.site)
        latest = runs.filter(finished_at__isnull=False).prefetch_related("findings").first()
        findings = list(latest.findings.all()) if latest else []
        follow_up = self.follow_up_url()
        if follow_up:
            from urllib.parse import urlencode

            here = self.request.build_absolute_uri(reverse("monitoring:index") + f"?situs={self.site.pk}")
            for finding in findings:
                if finding.severity != BAIK:
                    finding.follow_up_url = follow_up + "?" + urlencode({
                        "court": self.site.pk, "title": finding.title, "finding": finding_text(finding),
                        "source_label": _("Pemantauan Website"), "source_url": here,
                        "source_ref": source_ref(finding.check_key)})
        context.update({
            "latest": latest,
            "groups": [(severity, label, [f for f in findings if f.severity == severity])
                       for severity, label in ((KRITIS, _("Kritis")), (DISARANKAN, _("Disarankan")),
                                               (BAIK, _("Baik")))],
            "history": runs[:10],
            "can_run": self.user_holds(RUN),
        })
        return context
