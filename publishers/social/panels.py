"""An editor panel with the item's delivery status, for the "Media sosial" tab of news and announcements.

Added at the end of that tab by publishers.social.draft; it shows nothing to edit, only where each channel
stands and a link to the full status page (retry, cancel, remove).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from publishers.social.models import DeliveryStatus


class SocialStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Status kiriman"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "social_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "publishers/social/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            deliveries = list(page.social_deliveries.order_by("-round", "platform")) if page.pk else []
            context.update(item=page, deliveries=deliveries, sent=DeliveryStatus.SENT)
            return context
