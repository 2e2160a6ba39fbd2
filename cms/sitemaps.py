"""The site's sitemap.xml: Wagtail's sitemap, read without building every page as its own type.

Wagtail's `Sitemap.items()` loads every live page `.specific()`: one model instance per page with all its
fields, then one `get_sitemap_urls()` each. A court's archive holds thousands of news items, and the
sitemap is re-rendered on every publication (the static output and the page cache both carry it), so that
cost grows with the archive. Here the pages are read as plain `Page` rows with the few fields a sitemap entry
needs; a page whose type gives its own `get_sitemap_urls` (none of the project's do today) is still asked
as its own type, so the answer is the same as Wagtail's.
"""

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

ENTRY_FIELDS = ("id", "path", "depth", "url_path", "content_type_id", "last_published_at",
                "latest_revision_created_at", "locale_id", "translation_key")


def _own_entries(page):
    model = page.specific_class
    return model is not None and model.get_sitemap_urls is not Page.get_sitemap_urls


class CourtSitemap(Sitemap):
    def items(self):
        return (
            self.get_wagtail_site().root_page.get_descendants(inclusive=True)
            .live().public().order_by("path").only(*ENTRY_FIELDS)
        )

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            source = item.specific if _own_entries(item) else item
            for url_info in source.get_sitemap_urls(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"wagtail": CourtSitemap})
