from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import access
from .views import NationalReportView


@hooks.register("register_admin_urls")
def nasional_admin_urls():
    return [
        path("rekap-nasional/", NationalReportView.as_view(), name="nasional_report"),
        path("rekap-nasional/hasil/", NationalReportView.as_view(results_only=True), name="nasional_report_results"),
    ]


class NationalMenuItem(MenuItem):
    def is_shown(self, request):
        return access.policy.user_has_permission(request.user, access.VIEW)


@hooks.register("register_admin_menu_item")
def nasional_menu_item():
    return NationalMenuItem(_("Rekap nasional"), reverse_lazy("nasional_report"), name="rekap-nasional",
                            icon_name="globe", order=860)
