from django.urls import reverse
from django.utils import timezone
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
