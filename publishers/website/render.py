"""Rendering public URLs in-process, exactly as the dynamic site serves them.

Each URL goes through Django's full request handling (middleware, URL
resolution, Wagtail's serve view, error handlers) as an anonymous visitor on
the site's own hostname, so the static file holds the same bytes a visitor of
the dynamic site would get. No HTTP server or socket is involved.
"""

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory

# WSGI environ key marking a static render (no HTTP header can set a key with dots).
STATIC_RENDER_KEY = "warta.static_render"


def is_static_render(request):
    """True while the builder renders this request for the static output."""
    return bool(request is not None and request.META.get(STATIC_RENDER_KEY))


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
        self.site = site
        self.handler = BaseHandler()
        self.handler.load_middleware()
        self.factory = RequestFactory()
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        self.extra = {"HTTP_HOST": host, "SERVER_NAME": site.hostname, "SERVER_PORT": str(site.port),
                      STATIC_RENDER_KEY: True}
        # Behind HTTPS (port 443, or a production that redirects to HTTPS) the request must look
        # secure, or SecurityMiddleware answers with a redirect instead of the page.
        self.secure = site.port == 443 or getattr(settings, "SECURE_SSL_REDIRECT", False)
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if self.secure and proxy_header:
            self.extra[proxy_header[0]] = proxy_header[1]

    def get(self, path, query=(), expect_not_found=False):
        if expect_not_found:
            with _quiet_not_found():
                return self.get(path, query)
        request = self.factory.get(path, data=dict(query), secure=self.secure, **self.extra)
        response = self.handler.get_response(request)
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


class _DropNotFound(logging.Filter):
    def filter(self, record):
        return getattr(record, "status_code", None) != 404


@contextmanager
def _quiet_not_found():
    """Rendering the 404 page is expected to answer 404; keep it out of the error log."""
    request_logger = logging.getLogger("django.request")
    quiet = _DropNotFound()
    request_logger.addFilter(quiet)
    try:
        yield
    finally:
        request_logger.removeFilter(quiet)
