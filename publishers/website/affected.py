"""What of a page the rest of the site shows, and which other pages depend on it.

A page's *card* is what listings, menus, breadcrumbs and links show of it
(title, summary, date, image ...): when it changes, every file that links to
the page is re-rendered. Its *rank* is what decides where listings put it
(parent, date, category): when that changes, listings that may newly show it
are re-rendered too. A change in the page's body alone touches only the page
itself (plus the feeds and the sitemap, which carry publication times).
"""

import json

from django.db.models import Q

from .state import PageRecord

# Fields that listings, cards and menus of the current templates show. Missing fields are skipped.
CARD_FIELDS = (
    "title", "seo_title", "search_description", "summary", "lead", "intro", "date", "valid_until",
    "category_id", "hero_image_id", "hero_alt", "show_in_menus",
)
RANK_FIELDS = ("date", "valid_until", "category_id")

# court_tags.related_news fills the "Berita lainnya" box of a news page with the RELATED items published
# just before it (date, then id): same category first, then any category; the first items of an index,
# short of items before them, take the items right after them.
RELATED = 4


def _fingerprint(page, fields):
    values = {name: getattr(page, name) for name in fields if hasattr(page, name)}
    return json.dumps(values, default=str, sort_keys=True)


def describe(page, url, parent_id, site_root):
    """The PageRecord of a live page at relative URL `url` in the site rooted at `site_root`."""
    in_menu = bool(page.show_in_menus) and page.depth in (site_root.depth + 1, site_root.depth + 2)
    # Menu entries follow the tree order, so for menu pages the position counts too.
    card = json.dumps({"url": url, "fields": _fingerprint(page, CARD_FIELDS),
                       "position": page.path if in_menu else None}, sort_keys=True)
    rank = json.dumps({"type": page._meta.label_lower, "parent": parent_id,
                       "fields": _fingerprint(page, RANK_FIELDS)}, sort_keys=True)
    return PageRecord(page.pk, url, parent_id, in_menu, card, rank)


def rank_dependents(old, new):
    """Ids of pages (besides listings) whose content depends on where this page ranks.

    `old` and `new` are PageRecords (either may be None). Only news pages have such dependents today:
    the "Berita lainnya" boxes of their siblings. A box shows this page only if it belongs to one of the
    RELATED items of its category after it, or to one of the RELATED items of any category after it
    (a box filled from other categories or with no category of its own), or to the first RELATED items
    of the index (filled from after); so at most 3 x RELATED pages per place the page held or holds.
    """
    from cms.models import NewsPage

    dependents = set()
    for record in (old, new):
        if record is None:
            continue
        rank = json.loads(record.rank)
        if rank["type"] != NewsPage._meta.label_lower or not rank["parent"]:
            continue
        fields = json.loads(rank["fields"])
        siblings = NewsPage.objects.live().public().filter(_children_q({rank["parent"]}))
        date, category = fields.get("date"), fields.get("category_id")
        if date is None:
            continue
        after = siblings.filter(Q(date__gt=date) | Q(date=date, pk__gt=record.page_id)).order_by("date", "pk")
        dependents.update(after.values_list("pk", flat=True)[:RELATED])
        if category is not None:
            dependents.update(after.filter(category_id=category).values_list("pk", flat=True)[:RELATED])
        dependents.update(siblings.order_by("date", "pk").values_list("pk", flat=True)[:RELATED])
    return dependents - {r.page_id for r in (old, new) if r is not None}


def _children_q(parent_ids):
    from wagtail.models import Page

    q = Q(pk__in=[])
    for parent in Page.objects.filter(pk__in=parent_ids).only("path", "depth"):
        q |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    return q
