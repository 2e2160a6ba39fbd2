import datetime

from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.http import urlencode
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


ARCHIVE_PARAM = "bulan"  # ?bulan=2026-11: the month archive of the listing
LEGACY_PAGE_PARAM = "halaman"  # ?halaman=3: pages numbered from the newest, before the month archives


def parse_month(value):
    """'2026-11' -> date(2026, 11, 1); None for anything else."""
    if not value or len(value) != 7 or value[4] != "-" or not (value[:4] + value[5:]).isdigit():
        return None
    year, month = int(value[:4]), int(value[5:])
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        return None
    return datetime.date(year, month, 1)


def month_key(day):
    return f"{day.year:04d}-{day.month:02d}"


def next_month(first_day):
    return datetime.date(first_day.year + first_day.month // 12, first_day.month % 12 + 1, 1)


def ids_then_rows(items, ids):
    """Rows for `ids` in the listing's order: the narrow id query decides, then only those rows are read with
    their joins (sorting full rows of a large archive costs several times more than sorting their ids)."""
    rows = {row.pk: row for row in items.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


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
        """The index's live, public items, newest first.

        Which pages belong here is asked of each item row (EXISTS on its page: this index's child, live,
        public) rather than by joining the page table: the database then reads the news rows along their date
        index from the newest and stops at the first ten, whatever the size of the archive. Joined, SQLite
        scans every page of the court and sorts them (its planner cannot tell the path prefix matches them
        all), so the front page cost grew with the archive."""
        from wagtail.models import Page

        listed = Page.objects.child_of(self).live().public().filter(pk=OuterRef("pk"))
        return (
            NewsPage.objects.filter(Exists(listed))
            .select_related("hero_image", "category").order_by("-date", "-pk")
        )

    def filtered_news(self, request):
        """The listing the query asks for (?kategori=, ?tag=), newest first, and what the template shows of the
        filter."""
        items = self.news()
        shown = {}
        category = clean_query_text(request.GET.get("kategori"), limit=100)
        tag = clean_query_text(request.GET.get("tag"), limit=100)
        if category:
            items = items.filter(category__slug=category)
            shown["active_category"] = NewsCategory.objects.filter(slug=category).first()
        if tag:
            items = items.filter(tags__slug=tag).distinct()
            shown["active_tag"] = tag
        return items, shown

    def serve(self, request, *args, **kwargs):
        legacy = request.GET.get(LEGACY_PAGE_PARAM)
        if legacy is not None:
            return HttpResponsePermanentRedirect(self._legacy_page_url(request, legacy))
        return super().serve(request, *args, **kwargs)

    def _legacy_page_url(self, request, number):
        """Where an old ?halaman=N link now points: the month archive holding that page's newest item
        (pages were numbered from the newest, NEWS_PER_PAGE a page), or the front page."""
        query = [(name, request.GET[name]) for name in ("kategori", "tag") if request.GET.get(name)]
        number = int(number) if number.isdigit() and len(number) < 7 else 1
        if number > 1:
            items, _shown = self.filtered_news(request)
            position = (number - 1) * NEWS_PER_PAGE
            dates = list(items.values_list("date", flat=True)[position:position + 1]) or \
                list(items.order_by("date", "pk").values_list("date", flat=True)[:1])
            if dates:
                query.append((ARCHIVE_PARAM, month_key(dates[0])))
        return self.get_url(request) + ("?" + urlencode(query) if query else "")

    def get_context(self, request, *args, **kwargs):
        """The front page shows the newest NEWS_PER_PAGE items; older ones are in month archives
        (?bulan=2026-11), each listing that month whole, linked to the months before and after that have
        items. A month's archive changes only when one of its own items does, so a new item touches the front
        page and its month, never the rest of the archive (a static copy of the site rewrites a few files,
        not every page of a numbered pagination), and every query reads a range of the date index whatever
        the size of the archive."""
        context = super().get_context(request, *args, **kwargs)
        items, shown = self.filtered_news(request)
        context.update(shown)
        month = parse_month(request.GET.get(ARCHIVE_PARAM))
        if request.GET.get(ARCHIVE_PARAM) is not None and month is None:
            raise Http404
        if month is None:
            ids = list(items.values_list("pk", flat=True)[:NEWS_PER_PAGE])
            news = ids_then_rows(items, ids)
            context["archive_link"] = month_key(news[-1].date) if news else None
        else:
            end = next_month(month)
            in_month = items.filter(date__gte=month, date__lt=end)
            news = ids_then_rows(in_month, list(in_month.values_list("pk", flat=True)))
            if not news:
                raise Http404  # a month without items has no archive page
            newer = items.order_by("date", "pk").filter(date__gte=end).values_list("date", flat=True)[:1]
            older = items.filter(date__lt=month).values_list("date", flat=True)[:1]
            context["archive_month"] = month
            context["newer_month"] = month_key(newer[0]) if newer else None
            context["older_month"] = month_key(older[0]) if older else None
        context["news_items"] = news
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
