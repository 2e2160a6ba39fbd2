from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.courts import courts_for

from . import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("pemantauan/", include(admin_urls, namespace="monitoring"))]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return courts_for(request.user, permission="monitoring.view_checkrun").exists()


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return MonitoringMenuItem(_("Pemantauan Website"), reverse("monitoring:index"), icon_name="pick", order=900)


@hooks.register("construct_homepage_panels")
def monitoring_panel(request, panels):
    from .panels import CriticalFindingsPanel

    panels.append(CriticalFindingsPanel(request))


@hooks.register("tindaklanjut_evidence_actions")
def recheck_button(request, plan):
    from .follow_up import evidence_actions

    return evidence_actions(request, plan)


@hooks.register("tindaklanjut_evidence_summary")
def recheck_evidence(plan):
    from .follow_up import evidence_summary

    return evidence_summary(plan)
