"""The dashboard panel that tells the Kasubag PTIP their court's static site is behind (a failed update)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from core.courts import courts_for

from .models import SyncFailure


def failures_for(user):
    """Failed static-site updates of the courts where this user approves (publishes)."""
    return (SyncFailure.objects.filter(site__in=courts_for(user, actions=("publish",)))
            .select_related("site").order_by("failed_since"))


class StaticSyncPanel(Component):
    name = "warta_static_sync"
    template_name = "website/dashboard/static_sync.html"
    order = 40  # above "Tugas saya": readers do not see the latest approvals until it is solved

    def __init__(self, failures):
        self.failures = failures

    def get_context_data(self, parent_context):
        return {"failures": self.failures, "heading": _("Situs statis belum diperbarui")}
