"""Rendering public URLs in-process, exactly as the dynamic site serves them.

Each URL goes through Django's full request handling (middleware, URL
resolution, Wagtail's serve view, error handlers) as an anonymous visitor on
the site's own hostname, so the static file holds the same bytes a visitor of
the dynamic site would get. No HTTP server or socket is involved.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.base import BaseHandler
from django.http import Http404
from django.test import RequestFactory
from django.urls import get_resolver
from wagtail.models import Site


@dataclass
class Rendered:
    status: int
    content_type: str
    content: bytes
    context: dict = field(default_factory=dict)

    @property
    def ok(self):
        return self.status == 200


class SiteRenderer:
    def __init__(self, site):
        # Every URL rendered here belongs to this site: the request carries it, with its root page already
        # read as its own type, so that Wagtail's routing does not look them up again for each URL
        # (Site.find_for_request keeps what it finds in request._wagtail_site).
        self.site = Site.objects.select_related("root_page").get(pk=site.pk)
        self.site.root_page = self.site.root_page.specific
        self.handler = BaseHandler()
        self.handler.load_middleware()
        self.factory = RequestFactory()
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        # warta.static_render: never answered from the dynamic site's page cache (cms/page_cache.py).
        self.extra = {"HTTP_HOST": host, "SERVER_NAME": site.hostname, "SERVER_PORT": str(site.port),
                      "warta.static_render": True}
        # Behind HTTPS (port 443, or a production that redirects to HTTPS) the request must look
        # secure, or SecurityMiddleware answers with a redirect instead of the page.
        self.secure = site.port == 443 or getattr(settings, "SECURE_SSL_REDIRECT", False)
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if self.secure and proxy_header:
            self.extra[proxy_header[0]] = proxy_header[1]

    def get(self, path, query=()):
        request = self.factory.get(path, data=dict(query), secure=self.secure, **self.extra)
        request._wagtail_site = self.site
        return self._read(self.handler.get_response(request))

    def not_found_page(self, path):
        """The site's 404 page, as the project's handler404 renders it in production.

        Called directly rather than through the handler, which with DEBUG on would give
        Django's technical 404 page instead.
        """
        request = self.factory.get(path, secure=self.secure, **self.extra)
        request._wagtail_site = self.site
        request.user = AnonymousUser()
        response = get_resolver().resolve_error_handler(404)(request, exception=Http404())
        if hasattr(response, "render"):
            response.render()
        return self._read(response)

    def _read(self, response):
        try:
            if getattr(response, "streaming", False):
                content = b"".join(response.streaming_content)
            else:
                content = response.content
            context = getattr(response, "context_data", None) or {}
            return Rendered(response.status_code, response.get("Content-Type", ""), content, dict(context))
        finally:
            # Not response.close(): that also sends request_finished, whose receivers close the
            # database connection (CONN_MAX_AGE=0), and a build renders thousands of URLs in a row.
            for closer in getattr(response, "_resource_closers", []):
                closer()

