from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.api_forms import api_form_class
from cms.blocks import BodyBlock
from cms.sanitise import clean_query_text

from .base import BasePage
from .social import SocialDraftMixin

NEWS_PER_PAGE = 10


class SlicedPaginator(Paginator):
    """Reads a page's ids first (a narrow sort over the listing), then only those rows with their joins.

    Sorting the full rows (page, news item, category, image) to take ten of thousands costs several times
    more than sorting their ids; deep pages of a large archive were the slowest pages to render.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(list(self.object_list.filter(pk__in=ids)), number, self)


@register_snippet
class NewsCategory(models.Model):
    name = models.CharField(_("nama"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(BasePage):
    """Berita: the news listing, filterable by category and tag, with an RSS/Atom feed."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")

    def news(self):
        return (
            NewsPage.objects.live().public().child_of(self)
            .select_related("hero_image", "category").order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news()
        category = clean_query_text(request.GET.get("kategori"), limit=100)
        tag = clean_query_text(request.GET.get("tag"), limit=100)
        if category:
            items = items.filter(category__slug=category)
            context["active_category"] = NewsCategory.objects.filter(slug=category).first()
        if tag:
            items = items.filter(tags__slug=tag).distinct()
            context["active_tag"] = tag
        paginator = SlicedPaginator(items, NEWS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("halaman", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["page_obj"] = page_obj
        context["categories"] = NewsCategory.objects.all()
        return context


class NewsPage(SocialDraftMixin, BasePage):
    """Berita: one news item."""

    date = models.DateField(_("tanggal"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory, verbose_name=_("kategori"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tag"))
    lead = models.TextField(_("teras berita"), max_length=600, help_text=_("Paragraf pembuka yang merangkum berita."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("gambar utama"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    hero_alt = models.CharField(
        _("teks alternatif gambar"), max_length=250, blank=True,
        help_text=_("Uraian gambar untuk pembaca layar. Wajib jika ada gambar utama."),
    )
    hero_caption = models.CharField(_("keterangan gambar"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi berita"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")], heading=_("Metadata")),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_caption")],
                        heading=_("Gambar utama")),
        FieldPanel("body"),
    ]
    edit_handler = SocialDraftMixin.tabs(content_panels, BasePage.promote_panels, BasePage.settings_panels)
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # Everything the editor offers is writable through API v3 (APIField(writable=True)). The category is
    # written and read in v3 by id; API v2 keeps showing it with name and slug (cms/api.py).
    api_fields = BasePage.api_fields + [
        APIField("date", writable=True),
        APIField("category", writable=True),
        APIField("tags", writable=True),
        APIField("lead", writable=True),
        APIField("hero_image", writable=True),
        APIField("hero_image_thumbnail", serializer=ImageRenditionField("fill-640x360", source="hero_image")),
        APIField("hero_image_large", serializer=ImageRenditionField("width-1280", source="hero_image")),
        APIField("hero_alt", writable=True),
        APIField("hero_caption", writable=True),
        APIField("body", writable=True),
    ] + SocialDraftMixin.api_fields
    api_base_form_class = api_form_class(SocialDraftMixin.base_form_class)

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    serve_select_related = ("hero_image", "category")  # read with the page when it is served (cms/serving.py)

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        # Newest first, overall (home page, feeds) and per category ("Berita lainnya"), read along an index
        # whatever the size of the archive.
        indexes = [
            models.Index(fields=["date", "page_ptr"], name="cms_news_date"),
            models.Index(fields=["category", "date", "page_ptr"], name="cms_news_category_date"),
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Isi teks alternatif untuk gambar utama.")})
        self.clean_social_draft()
