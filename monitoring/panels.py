from django.urls import reverse
from wagtail.admin.ui.components import Component

from core.courts import courts_for

from .models import KRITIS, CheckRun, Finding


class CriticalFindingsPanel(Component):
    """On the dashboard of whoever runs the checks: the critical findings of each court's latest run."""

    name = "warta_monitoring"
    template_name = "monitoring/panel.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def courts(self):
        return courts_for(self.request.user, permission="monitoring.add_checkrun")

    def get_context_data(self, parent_context):
        latest = []
        for site in self.courts():
            run = CheckRun.objects.filter(site=site, finished_at__isnull=False).first()
            if run is not None:
                critical = list(Finding.objects.filter(run=run, severity=KRITIS))
                if critical:
                    latest.append({"site": site, "run": run, "findings": critical,
                                   "url": reverse("monitoring:index") + f"?situs={site.pk}"})
        return {"courts": latest}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["courts"]:
            return ""
        from django.template.loader import render_to_string

        return render_to_string(self.template_name, context, request=self.request)
