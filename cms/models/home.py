from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from cms.blocks import BodyBlock

from .base import BasePage


class HomePage(BasePage):
    """Beranda: welcome text, latest news and announcements, quick service links."""

    intro = models.TextField(_("sambutan"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("gambar utama"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("intro"), FieldPanel("hero_image")], heading=_("Pembuka")),
        FieldPanel("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("beranda")
        verbose_name_plural = _("beranda")

    serve_select_related = ("hero_image",)

    def route(self, request, path_components):
        # The site's root page routes the whole path at once (cms/serving.py).
        from cms import page_cache, serving

        if page_cache.enabled():
            if not path_components:
                setattr(self, serving.ANCESTORS_ATTR, [])
            else:
                result = serving.route(self, request, path_components)
                if result is not None:
                    return result
        return super().route(request, path_components)

    # What the home page shows of each item it lists (cms/page_cache.py purges it when this changes).
    LISTED_FIELDS = ("pk", "url_path", "title", "date", "valid_until", "category_id", "hero_image_id", "hero_alt",
                     "summary", "lead")

    def listings(self):
        """(latest news, current announcements) the home page lists."""
        from cms.serving import public

        from .announcements import AnnouncementPage
        from .news import NewsPage

        latest_news = (
            public(NewsPage.objects.live().descendant_of(self))
            .select_related("hero_image", "category").order_by("-date", "-pk")[:6]
        )
        announcements = public(AnnouncementPage.objects.live().descendant_of(self)).current()[:5]
        return latest_news, announcements

    def listing_signature(self):
        """What the listings show, as a comparable value: it changed iff the home page's lists changed."""
        return [[tuple(str(getattr(item, name, "")) for name in self.LISTED_FIELDS) for item in items]
                for items in self.listings()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"], context["announcements"] = self.listings()
        return context
