"""Who may do what with channels and deliveries (SOP roles, see core/roles.py).

- connect, edit and remove channels: the court's outlet managers (publishers.permissions: Kasubag PTIP
  and superusers, for the courts whose root page they can publish);
- retry or cancel a channel's delivery: Admin and Kasubag (social.retry_socialdelivery);
- take a post down from a platform, post an item again: channel managers;
- read the delivery report: Admin, Kasubag, Sekretaris (view_socialdelivery, core.view_monev).
"""

from django.db.models import Q
from wagtail.models import Site

from core.courts import courts_for
from editorial.permissions import monev_permission_policy
from publishers.permissions import can_manage_outlets, managed_sites

__all__ = ["can_manage_channels", "can_retry", "can_view_page_status", "can_view_report", "managed_sites",
           "report_sites"]

# Connecting, editing and removing channels is managing the court's outlets (publishers.permissions), like its
# webhooks; SocialAccount's permission policy is that one policy (registered in viewsets.py).
can_manage_channels = can_manage_outlets


def can_retry(user):
    return bool(user and user.is_active and user.has_perm("social.retry_socialdelivery"))


def can_view_report(user):
    return bool(user and user.is_active and (
        user.has_perm("social.view_socialdelivery")
        or monev_permission_policy.user_has_permission(user, "view") or can_manage_channels(user)
    ))


def report_sites(user):
    """The courts whose deliveries this user reads: the courts they work on (core.courts) and the courts whose
    monev they read (editorial's monev permission policy)."""
    if not can_view_report(user):
        return Site.objects.none()
    readable = monev_permission_policy.instances_user_has_any_permission_for(user, ["view"])
    return Site.objects.filter(Q(pk__in=courts_for(user).values("pk")) | Q(pk__in=readable.values("pk")))


def can_view_page_status(user, page):
    if page.permissions_for_user(user).can_edit():
        return True
    site = page.get_site()
    return site is not None and report_sites(user).filter(pk=site.pk).exists()
