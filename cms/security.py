"""Browser protections on every response: the Content-Security-Policy (django-csp, one policy for the
public site and a looser one for Wagtail's admin) and the Permissions-Policy header.

Django's SecurityMiddleware sets the rest (HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy)
and XFrameOptionsMiddleware X-Frame-Options; docs/security.md lists them all.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class WartaCSPMiddleware(CSPMiddleware):
    """CONTENT_SECURITY_POLICY for the public site, WARTA_ADMIN_CONTENT_SECURITY_POLICY under the admin's URL.

    django-csp's decorators work per view; Wagtail's admin has hundreds of views, so the admin's policy is
    chosen here by path instead.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefix()):
            admin = getattr(settings, "WARTA_ADMIN_CONTENT_SECURITY_POLICY", None)
            if admin:
                directives = dict(admin["DIRECTIVES"])
                directives["form-action"] = [*directives.get("form-action", []), *login_origins()]
                return PolicyParts(default_config(directives), parts.update, parts.replace, parts.nonce)
        return parts


def login_origins():
    """Where a form in the admin may send the browser on: the login windows of the platforms a court connects
    (a connect form's answer redirects there, and browsers hold redirects after a form to form-action)."""
    origins = []
    for name in getattr(settings, "WARTA_ADMIN_FORM_ACTION_URL_SETTINGS", ()):
        parts = urlsplit(getattr(settings, name, "") or "")
        if parts.scheme in ("http", "https") and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in origins:
                origins.append(origin)
    return origins


class PermissionsPolicyMiddleware:
    """Sets PERMISSIONS_POLICY (feature -> allowed origins, empty for none) as the Permissions-Policy header.

    Django has no setting for it and the header is one line, so no package for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        features = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
