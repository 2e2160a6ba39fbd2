from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Fields every public page shares: a summary for listings and search results."""

    summary = models.TextField(
        _("ringkasan"), blank=True, max_length=400,
        help_text=_("Satu atau dua kalimat untuk daftar, hasil pencarian dan pratinjau tautan."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    promote_panels = Page.promote_panels + [FieldPanel("summary")]
    # Read by API v2 and v3; writable=True puts a field in API v3's create/update input schema (title,
    # slug, SEO fields and show_in_menus are always there). These are what the editor's Promosi tab and
    # schedule dialog offer on every page; page types extend the list as they extend content_panels.
    api_fields = [
        APIField("summary", writable=True),
        APIField("go_live_at", writable=True),
        APIField("expire_at", writable=True),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        from cms import serving

        # Routed by cms.serving and below no restricted page: public, known without a query.
        if serving.known_public(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
