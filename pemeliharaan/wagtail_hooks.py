from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, IndexView

from core.snippet_walls import CourtWalledSnippetViewSet, CourtWorkflowCreateView
from editorial.court_workflows import WorkflowStatusColumn

from . import views
from .forms import AssetForm, ScheduleForm
from .models import Asset, MaintenanceSchedule
from .order_views import OrderDetailView, OrderListView
from .panels import AssetHistoryPanel, ExpiringAssetsPanel, MaintenanceTaskPanel, WorkOrdersPanel
from .permissions import (
    AssetPermissionPolicy,
    SchedulePermissionPolicy,
    asset_courts,
    order_courts,
    visible_assets,
    visible_schedules,
)
from .report_views import RealisationView

register_permission_policy(Asset, AssetPermissionPolicy(Asset))
register_permission_policy(MaintenanceSchedule, SchedulePermissionPolicy(MaintenanceSchedule))


class ExpiryColumn(Column):
    """A warning when the warranty or licence ends within 30 days."""

    def get_value(self, instance):
        warnings = instance.expiry_warnings(timezone.localdate())
        if not warnings:
            return ""
        return format_html('<span class="w-status w-status--label pemeliharaan-expiring">{}</span>',
                           format_html_join("; ", "{} {} {}", ((label, _("berakhir"), day.strftime("%d/%m/%Y"))
                                                                for label, day in warnings)))


class AssetIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if asset_courts(user, "add").exists():
            buttons.append(HeaderButton(_("Impor dari lembar kerja"), url=reverse("pemeliharaan_import"),
                                        icon_name="upload"))
        if asset_courts(user, "view").exists():
            buttons.append(HeaderButton(_("Label QR (PDF)"), url=reverse("pemeliharaan_labels"), icon_name="doc-full"))
        return buttons


class AssetDeleteView(DeleteView):
    """An asset a maintenance schedule names is kept (its rows and work orders refer to it): Wagtail refuses the
    delete with a bare "no permission"; say why instead."""

    def refuse(self):
        messages.error(self.request, gettext("Aset ini dipakai dalam jadwal pemeliharaan sehingga tidak dapat "
                                             "dihapus. Hapus dulu pekerjaannya dari jadwal."))
        return redirect("pemeliharaan_aset:edit", self.object.pk)

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.refuse()
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self.refuse()


class AssetViewSet(CourtWalledSnippetViewSet):
    visible = visible_assets
    model = Asset
    icon = "desktop"
    menu_label = _("Aset TI")
    menu_name = "pemeliharaan_aset"
    url_prefix = "pemeliharaan/aset"
    url_namespace = "pemeliharaan_aset"
    index_view_class = AssetIndexView
    delete_view_class = AssetDeleteView
    list_filter = ["kind"]
    search_fields = ["code", "name", "location"]
    list_display = ["code", "name", "kind", "court", "location", "holder", "warranty_until", "licence_until",
                    ExpiryColumn("expiry", label=_("Peringatan"))]
    edit_handler = ObjectList([FieldPanel("court"), FieldPanel("code"), FieldPanel("name"), FieldPanel("kind"),
                               FieldPanel("location"), FieldPanel("holder"), FieldPanel("purchase_date"),
                               FieldPanel("warranty_until"), FieldPanel("licence_until"), FieldPanel("notes"),
                               AssetHistoryPanel(heading=_("Riwayat pemeliharaan"))],
                              base_form_class=AssetForm)

    def get_queryset(self, request):
        return visible_assets(request.user).select_related("court", "holder")


TASK_PANELS = [FieldPanel("asset"), FieldPanel("name"), FieldPanel("frequency"), FieldPanel("first_date"),
               FieldPanel("assignee")]


class ScheduleViewSet(CourtWalledSnippetViewSet):
    visible = visible_schedules
    model = MaintenanceSchedule
    icon = "date"
    menu_label = _("Jadwal pemeliharaan")
    menu_name = "pemeliharaan_jadwal"
    url_prefix = "pemeliharaan/jadwal"
    url_namespace = "pemeliharaan_jadwal"
    add_view_class = CourtWorkflowCreateView
    list_filter = ["year"]
    search_fields = ["title", "notes"]
    list_display = ["title", "year", "court",
                    WorkflowStatusColumn("status", _("Disetujui"), _("Menunggu pemeriksaan"), label=_("Status"))]
    edit_handler = TabbedInterface([
        ObjectList([FieldPanel("court"), FieldPanel("title"), FieldPanel("year"), FieldPanel("notes"),
                    WorkOrdersPanel(heading=_("Perintah pemeliharaan"))], heading=_("Jadwal")),
        ObjectList([MaintenanceTaskPanel("tasks", heading=_("Pekerjaan"), label=_("Pekerjaan"),
                                         panels=TASK_PANELS)], heading=_("Pekerjaan")),
    ], base_form_class=ScheduleForm)

    def get_queryset(self, request):
        return visible_schedules(request.user).select_related("court")


class OrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return order_courts(request.user, "view").exists()


class OrderViewSet(ViewSet):
    """Perintah pemeliharaan: the court's work orders (made by the schedule's approval, never by hand)."""

    name = "pemeliharaan_perintah"
    url_prefix = "pemeliharaan/perintah"
    icon = "cogs"
    menu_label = _("Perintah pemeliharaan")
    menu_name = "pemeliharaan_perintah"

    def get_urlpatterns(self):
        return [path("", OrderListView.as_view(), name="list"),
                path("<int:pk>/", OrderDetailView.as_view(), name="detail")]

    def get_menu_item(self, order=None):
        return OrdersMenuItem(self.menu_label, self.menu_url, name=self.menu_name, icon_name=self.menu_icon,
                              order=order or self.menu_order)


class MaintenanceGroup(ViewSetGroup):
    """One menu for SOP D: the asset register, the schedules and the work orders."""

    items = (AssetViewSet, ScheduleViewSet, OrderViewSet)
    menu_label = _("Pemeliharaan TI")
    menu_name = "pemeliharaan"
    menu_icon = "cogs"
    add_to_admin_menu = True
    menu_order = 270


register_snippet(MaintenanceGroup)


@hooks.register("register_admin_urls")
def urls():
    return [path("pemeliharaan/aset-impor/", views.ImportView.as_view(), name="pemeliharaan_import"),
            path("pemeliharaan/aset-label/", views.LabelsView.as_view(), name="pemeliharaan_labels"),
            path("pemeliharaan/realisasi/", RealisationView.as_view(), name="pemeliharaan_realisasi")]


class RealisationMenuItem(MenuItem):
    def is_shown(self, request):
        return order_courts(request.user, "view").exists()


@hooks.register("register_reports_menu_item")
def realisation_menu_item():
    return RealisationMenuItem(_("Rencana dan Realisasi Pemeliharaan"), reverse("pemeliharaan_realisasi"),
                               icon_name="cogs", order=920)


@hooks.register("construct_homepage_panels")
def expiring_panel(request, panels):
    panels.append(ExpiringAssetsPanel(request.user))
