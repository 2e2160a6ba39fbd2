from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import api_router
from cms.feeds import NewsAtomFeed, NewsFeed
from editorial.api import register as register_editorial_api

register_editorial_api(api_v3)  # workflow endpoints, added before api_v3.urls is read

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", views.search, name="search"),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("feed/rss/", NewsFeed(), name="news_feed_rss"),
    path("feed/atom/", NewsAtomFeed(), name="news_feed_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
