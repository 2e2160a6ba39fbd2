"""Locked sign-ins (django-axes) and the screen that unlocks them early (Pengaturan → Login terkunci).

Axes records failed sign-ins per username and address and refuses the login form for the cool-off time after
AXES_FAILURE_LIMIT failures. The Kasubag PTIP sees and unlocks the accounts of people of their own courts
(core.courts.courts_for), a superuser every locked name, also one that belongs to no account.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from core import roles
from core.courts import courts_for


def client_ip(request):
    """The address a sign-in comes from (AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR, or behind WARTA_PROXY_COUNT
    reverse proxies that each append to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the address the
    outermost of them saw; entries further left are the client's own word and are not trusted."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.WARTA_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return remote


def lockout_response(request, original_response=None, credentials=None):
    """The login page's answer while the sign-in is locked (AXES_LOCKOUT_CALLABLE): a page in the login's
    look saying for how long and who can unlock, with 429 Too Many Requests."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return TemplateResponse(request, "core/security/lockout.html", context,
                            status=settings.AXES_HTTP_RESPONSE_CODE).render()


def may_unlock(user):
    return user.is_active and (user.is_superuser or roles.holds_role(user, roles.KASUBAG))


def locked_attempts(request):
    """The attempts at or past the failure limit, newest first."""
    limit = get_failure_limit(request, {})
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=limit)
    cool_off = get_cool_off(request)
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.order_by("-attempt_time")


def courts_of(user):
    """The courts a person belongs to: where they work on pages (Admin, Redaktur, Kasubag PTIP) or read the
    court's monev (Kasubag PTIP, Sekretaris, Ketua, Pranata Komputer, per court)."""
    return (set(courts_for(user).values_list("pk", flat=True))
            | set(courts_for(user, permission="core.view_monev").values_list("pk", flat=True)))


def visible_to(viewer, attempts):
    """(attempt, account or None) pairs the viewer may unlock: accounts of their courts (all for a superuser)."""
    usernames = {attempt.username for attempt in attempts}
    User = get_user_model()
    accounts = {user.get_username(): user for user in User.objects.filter(**{f"{User.USERNAME_FIELD}__in": usernames})}
    if viewer.is_superuser:
        return [(attempt, accounts.get(attempt.username)) for attempt in attempts]
    own = courts_of(viewer)
    shared = {name: bool(own & courts_of(user)) for name, user in accounts.items()}
    return [(attempt, accounts[attempt.username]) for attempt in attempts if shared.get(attempt.username)]


class UnlockView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/security/unlock.html"
    page_title = gettext_lazy("Login terkunci")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_unlock(request.user):
            raise PermissionDenied
        self.rows = visible_to(request.user, list(locked_attempts(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, rows=self.rows)

    def post(self, request):
        username = request.POST.get("username", "")
        allowed = {attempt.username: account for attempt, account in self.rows}
        if username not in allowed:
            messages.error(request, _("Akun itu tidak terkunci atau bukan akun pengadilan Anda."))
        else:
            reset(username=username)
            if allowed[username] is not None:
                log(allowed[username], "warta.login_unlock", data={"username": username})
            messages.success(request, _("Login %(username)s dibuka kembali.") % {"username": username})
        return redirect("warta_login_unlock")


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check of a locked sign-in, first in AUTHENTICATION_BACKENDS. Every web sign-in passes the request
    (Wagtail's login form, the password reset); a call without one (the test client's login(), a shell) has no
    address to count and is let through to the next backend instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
