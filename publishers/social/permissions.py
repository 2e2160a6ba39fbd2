"""Who may do what with channels and deliveries (SOP roles, see core/roles.py).

- connect, edit and remove channels: Kasubag PTIP (core.manage_channels) and superusers,
  for the courts (sites) whose root page they can publish;
- retry or cancel a channel's delivery: Admin and Kasubag (social.retry_socialdelivery);
- take a post down from a platform, post an item again: channel managers;
- read the delivery report: Admin, Kasubag, Sekretaris (view_socialdelivery, core.view_monev).
"""

from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from core.courts import courts_for


def can_manage_channels(user):
    return bool(user and user.is_active and (user.is_superuser or user.has_perm("core.manage_channels")))


def can_retry(user):
    return bool(user and user.is_active and user.has_perm("social.retry_socialdelivery"))


def can_view_report(user):
    return bool(user and user.is_active and (
        user.has_perm("social.view_socialdelivery") or user.has_perm("core.view_monev")
        or can_manage_channels(user)
    ))


def can_view_page_status(user, page):
    return can_view_report(user) or page.permissions_for_user(user).can_edit()


def managed_sites(user):
    """The courts whose channels this user manages: the courts where they approve (publish)."""
    if not can_manage_channels(user):
        return Site.objects.none()
    return courts_for(user, actions=("publish",))


class ChannelPermissionPolicy(ModelPermissionPolicy):
    """Every action on SocialAccount needs core.manage_channels, limited to the user's courts."""

    def user_has_permission(self, user, action):
        return can_manage_channels(user)

    def user_has_any_permission(self, user, actions):
        return can_manage_channels(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_manage_channels(user) and managed_sites(user).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(site__in=managed_sites(user))
