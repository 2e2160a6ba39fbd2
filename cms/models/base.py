from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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

    class Meta:
        abstract = True
