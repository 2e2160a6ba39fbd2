"""The site's URLs. Each Warta app above cms mounts its own: its `urls` module, if it has one, is included
here in layer order (core/layers.py), before Wagtail's page serving takes every path that is left."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import include, path
from django.utils.module_loading import module_has_submodule
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from cms import court_walls, views
from cms.api import api_router
from cms.feeds import NewsAtomFeed, NewsFeed
from cms.page_cache import cacheable_view
from cms.sitemaps import sitemap
from core.layers import LAYERS, rank


def app_urls():
    configs = sorted((config for config in apps.get_app_configs() if (rank(config) or 0) > LAYERS["cms"]), key=rank)
    return [path("", include(f"{config.name}.urls")) for config in configs
            if module_has_submodule(config.module, "urls")]


urlpatterns = [
    # Two of Wagtail's admin screens, narrowed to the user's courts, on Wagtail's own paths (cms/court_walls.py).
    path("admin/choose-page/<int:parent_page_id>/",
         require_admin_access(court_walls.CourtPageChooserBrowseView.as_view()), name="court_choose_page_child"),
    path("admin/reports/page-types-usage/",
         require_admin_access(court_walls.CourtPageTypesUsageReportView.as_view()), name="court_page_types_usage"),
    path("admin/reports/page-types-usage/results/",
         require_admin_access(court_walls.CourtPageTypesUsageReportView.as_view(results_only=True)),
         name="court_page_types_usage_results"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", views.search, name="search"),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("feed/rss/", cacheable_view(NewsFeed()), name="news_feed_rss"),
    path("feed/atom/", cacheable_view(NewsAtomFeed()), name="news_feed_atom"),
    path("sitemap.xml", cacheable_view(sitemap), name="sitemap"),
    *app_urls(),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only, as nginx does in production: a document's file is served by Wagtail's document view
    # (/dokumen/), which checks its collection's view restriction.
    urlpatterns += [
        *static(f"{settings.MEDIA_URL}images/", document_root=Path(settings.MEDIA_ROOT) / "images"),
        *static(f"{settings.MEDIA_URL}original_images/", document_root=Path(settings.MEDIA_ROOT) / "original_images"),
    ]

urlpatterns += [path("", include(wagtail_urls))]
