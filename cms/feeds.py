"""RSS 2.0 and Atom feeds of the court's news, one per site."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.models import CourtSettings, NewsPage

FEED_SIZE = 20


class NewsFeed(Feed):
    def get_object(self, request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        self.request = request
        return site

    def title(self, site):
        return _("Berita %(court)s") % {"court": CourtSettings.for_site(site).court_name}

    def link(self, site):
        return site.root_url + "/"

    def description(self, site):
        return _("Berita terbaru dari %(court)s") % {"court": CourtSettings.for_site(site).court_name}

    def items(self, site):
        return (
            NewsPage.objects.live().public().descendant_of(site.root_page, inclusive=True)
            .select_related("category").order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read the description as HTML; the lead is plain text, so it goes in escaped.
        return escape(item.lead)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
