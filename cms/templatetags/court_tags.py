"""Template helpers for the court's public pages: service links, listings, pagination."""

from django import template
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()

# National services every court website links to (court-website.md, "Standard links").
# The Mahkamah Agung runs them centrally, so the addresses are the same for every court.
NATIONAL_SERVICES = [
    ("Direktori Putusan", _("Salinan putusan pengadilan seluruh Indonesia"), "https://putusan3.mahkamahagung.go.id/"),
    ("e-Court", _("Pendaftaran perkara, pembayaran dan persidangan secara elektronik"),
     "https://ecourt.mahkamahagung.go.id/"),
    ("SIWAS", _("Pengaduan masyarakat tentang aparatur peradilan"), "https://siwas.mahkamahagung.go.id/"),
    ("JDIH", _("Jaringan dokumentasi dan informasi hukum Mahkamah Agung"), "https://jdih.mahkamahagung.go.id/"),
    ("LAPOR!", _("Layanan aspirasi dan pengaduan online rakyat"), "https://www.lapor.go.id/"),
]
LOCAL_HOSTS = {"localhost", "testserver"}


def sipp_url(court_settings, site):
    """The court's own SIPP hearing list: sipp.<court-domain>/list_jadwal_sidang.

    SIPP runs on each court's own domain. A `sipp_url` on the court settings wins
    when present; otherwise it is derived from the site's hostname, and left out
    for development hosts (localhost, IP addresses) where there is no such server.
    """
    explicit = getattr(court_settings, "sipp_url", "") if court_settings else ""
    if explicit:
        return explicit
    hostname = (site.hostname if site else "").lower()
    if not hostname or hostname in LOCAL_HOSTS or "." not in hostname or hostname.replace(".", "").isdigit():
        return ""
    hostname = hostname.removeprefix("www.")
    return f"https://sipp.{hostname}/list_jadwal_sidang"


def service_links(court_settings, site):
    """[{name, description, url}] for SIPP (when known) and the national services. WARTA_NATIONAL_SERVICE_URLS
    ({name: url}) moves a national service's address (a mirror, or a test server)."""
    from django.conf import settings

    moved = getattr(settings, "WARTA_NATIONAL_SERVICE_URLS", None) or {}
    links = []
    sipp = sipp_url(court_settings, site)
    if sipp:
        links.append({"name": "SIPP", "description": _("Jadwal sidang dan penelusuran perkara"), "url": sipp})
    links += [{"name": name, "description": description, "url": moved.get(name, url)}
              for name, description, url in NATIONAL_SERVICES]
    return links


@register.simple_tag(takes_context=True)
def court_service_links(context):
    """[{name, description, url}] for SIPP (when known) and the national services."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    court_settings = None
    if site is not None:
        from cms.models import CourtSettings

        court_settings = CourtSettings.for_request(request)  # cached on the request
    return service_links(court_settings, site)


@register.filter
def with_renditions(pages, field="hero_image"):
    """Evaluate a listing and prefetch its images' renditions in one query (no N+1 per card)."""
    items = list(pages)
    with_image = [item for item in items if getattr(item, f"{field}_id", None)]
    if with_image:
        prefetch_related_objects(with_image, f"{field}__renditions")
    return items


@register.simple_tag(takes_context=True)
def first_page_of_type(context, model_label):
    """The first live page of a type under the current site, e.g. "cms.NewsIndexPage" (for "see all" links)."""
    from django.apps import apps

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    model = apps.get_model(model_label)

    def first():
        pages = model.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page)
        return (pages.order_by("path").first(),)

    from cms import page_cache

    # Kept per court until it changes: a page with children (an index) changing renews the court.
    return page_cache.cached(request, site, f"first:{model._meta.label_lower}", first)[0]


def related_tags(parent_path, category_id, everything=False):
    """Page-cache tags of the "Berita lainnya" boxes under the index at `parent_path` (cms/page_cache.py).

    Every box depends on its index's tag; a box showing its own category on that category's tag; a box
    that shows news of other categories (a small category, or none) on the index's "any" tag.
    """
    if everything:
        return {f"related:{parent_path}"}
    tags = {f"related:{parent_path}:*"}
    if category_id:
        tags.add(f"related:{parent_path}:{category_id}")
    return tags


@register.simple_tag(takes_context=True)
def related_news(context, page, limit=4):
    """The news published just before this one in the same index: same category first, newest first.

    Only items before it (by date, then id), so a new item changes no existing item's box; the first few
    items of an index, which have fewer than `limit` items before them, are filled with the items right
    after them. publishers/website/affected.py (rank_dependents) follows this rule: keep the two in step.
    """
    from django.db.models import Q

    from cms import page_cache
    from cms.models import NewsPage
    from cms.serving import public

    # Bounded queries, each read along a date index from this item's place, instead of sorting the index.
    siblings = public(NewsPage.objects.live().sibling_of(page, inclusive=False)).select_related("category",
                                                                                                "hero_image")
    if page.pk is None:  # an unsaved item's preview: everything of its date or older is before it
        before, after = Q(date__lte=page.date), Q(date__gt=page.date)
    else:
        before = Q(date__lt=page.date) | Q(date=page.date, pk__lt=page.pk)
        after = Q(date__gt=page.date) | Q(date=page.date, pk__gt=page.pk)

    def pick():
        older = siblings.filter(before)
        same = list(older.filter(category_id=page.category_id).order_by("-date", "-pk")[:limit]
                    if page.category_id else [])
        if len(same) < limit:
            others = older.exclude(pk__in=[item.pk for item in same])
            if page.category_id:
                others = others.exclude(category_id=page.category_id)
            same += list(others.order_by("-date", "-pk")[:limit - len(same)])
        if len(same) < limit:
            same += list(siblings.filter(after).order_by("date", "pk")[:limit - len(same)])
        return same

    parent_path = page.path[:-Page.steplen]
    request = context.get("request")
    # The tags' generations are read before the items, so that a publication committing meanwhile is not
    # missed; the "any" tag is kept only when the box shows news of other categories.
    any_tag = f"related:{parent_path}:*"
    own = page_cache.snapshot(request, *related_tags(parent_path, None, everything=True),
                              f"related:{parent_path}:{page.category_id}", any_tag)
    other = {key: own.pop(key) for key in [page_cache.gen_key_for(request, any_tag)] if key in own}
    items = with_renditions(pick())
    page_cache.keep(request, own)
    if not page.category_id or any(item.category_id != page.category_id for item in items):
        page_cache.keep(request, other)
    return items


@register.simple_tag
def live_children(page):
    """A standard page's live, public children with their own fields (summary)."""
    return Page.objects.child_of(page).live().public().specific().order_by("path")


@register.filter
def month_label(key):
    """'2026-11' -> 'November 2026' in the active language (a month archive's name)."""
    from django.utils.dateformat import format as date_format

    from cms.models.news import parse_month

    month = parse_month(key)
    return date_format(month, "F Y") if month else ""


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers for a pager, with "…" gaps: 1 2 … 7 8 9 … 20."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.filter
def result_summary(page):
    """The line a search result or child listing shows under the title."""
    return (
        getattr(page, "search_description", "")
        or getattr(page, "summary", "")
        or getattr(page, "lead", "")
        or getattr(page, "intro", "")
    )
