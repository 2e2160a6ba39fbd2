from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import InlinePanel, Panel
from wagtail.admin.ui.components import Component

from core import roles

from .models import Asset
from .permissions import asset_courts


class ExpiringAssetsPanel(Component):
    """Dashboard of the Pranata Komputer and the Kasubag PTIP: warranties and licences that end within 30 days."""

    name = "pemeliharaan_expiring"
    order = 165
    template_name = "pemeliharaan/expiring_panel.html"

    def __init__(self, user):
        self.user = user

    def assets(self):
        if not (self.user.is_superuser or roles.holds_role(self.user, roles.PRANATA, roles.KASUBAG)):
            return []
        today = timezone.localdate()
        found = list(Asset.objects.filter(court__in=asset_courts(self.user, "change")).expiring(today)
                     .select_related("court").order_by("code")[:20])
        for asset in found:
            asset.warnings = asset.expiry_warnings(today)
            asset.panel_url = reverse("pemeliharaan_aset:edit", args=[asset.pk])
        return found

    def render_html(self, parent_context=None):
        self._assets = self.assets()
        if not self._assets:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {"assets": getattr(self, "_assets", None) or self.assets()}


class WorkOrdersPanel(Panel):
    """On the schedule's editor: once approved, its work orders by status, with the link to them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pemeliharaan/panels/work_orders.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from django.db.models import Count

            from .models import WorkOrder

            context = super().get_context_data(parent_context)
            schedule = self.instance
            counts = dict(WorkOrder.objects.filter(schedule_id=schedule.pk).values_list("status")
                          .annotate(n=Count("pk")).values_list("status", "n"))
            rows = [(label, counts.get(key, 0)) for key, label in WorkOrder.STATUSES]
            context.update(schedule=schedule, rows=rows, total=sum(counts.values()),
                           list_url=reverse("pemeliharaan_perintah:list") + f"?situs={schedule.court_id}"
                                                                          f"&tahun={schedule.year}")
            return context


class MaintenanceTaskPanel(InlinePanel):
    """The schedule's task rows, each with MaintenanceTaskForm (asset and assignee among the user's courts)."""

    def get_form_options(self):
        from .forms import MaintenanceTaskForm

        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=MaintenanceTaskForm, inherit_kwargs=["for_user"])
        return options


class AssetHistoryPanel(Panel):
    """On the asset's editor: its work orders, newest first, with what each report found (its history)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pemeliharaan/panels/asset_history.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from django.db.models import Prefetch

            from .models import WorkOrder, WorkOrderReport

            context = super().get_context_data(parent_context)
            orders = list(WorkOrder.objects.filter(asset_id=self.instance.pk).exclude(status=WorkOrder.TERJADWAL)
                          .select_related("assignee").prefetch_related(Prefetch(
                              "reports", queryset=WorkOrderReport.objects.order_by("-reported_at", "-pk")))
                          .order_by("-due_date", "-pk")[:50])
            planned = WorkOrder.objects.filter(asset_id=self.instance.pk, status=WorkOrder.TERJADWAL).count()
            context.update(orders=orders, planned=planned)
            return context
