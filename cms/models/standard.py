from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class StandardPage(BasePage):
    """Profile, services, procedures: any page of text with optional child pages."""

    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]

    class Meta:
        verbose_name = _("halaman standar")
        verbose_name_plural = _("halaman standar")
