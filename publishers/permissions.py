"""Who may manage a court's publishing outlets: its social media channels and its webhooks.

Kasubag PTIP (core.manage_channels, see core/roles.py) and superusers, each for the courts (sites) where
they approve, i.e. whose root page they may publish. One policy for every outlet model (a model with a
`site` foreign key), registered for it with wagtail.permissions.register_permission_policy; views ask the
registry for it (policy_registry.get_by_type(Model)), as Wagtail's own reports do for pages.
"""

from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from core.courts import courts_for


def can_manage_outlets(user):
    return bool(user and user.is_active and (user.is_superuser or user.has_perm("core.manage_channels")))


def managed_sites(user):
    """The courts whose outlets this user manages: the courts where they approve (publish)."""
    if not can_manage_outlets(user):
        return Site.objects.none()
    return courts_for(user, actions=("publish",))


class OutletPermissionPolicy(ModelPermissionPolicy):
    """Every action on an outlet needs core.manage_channels; on one outlet, also that its court is the user's.

    Wagtail's generic views check the model-wide permission; the views that load one outlet take it from
    instances_user_has_any_permission_for, so an address typed by hand reaches no other court's outlet.
    """

    def user_has_permission(self, user, action):
        return can_manage_outlets(user)

    def user_has_any_permission(self, user, actions):
        return can_manage_outlets(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_manage_outlets(user) and managed_sites(user).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(site__in=managed_sites(user))

    def sites_user_has_permission_for(self, user):
        """The courts this user may add an outlet to (the choices of a form's site field)."""
        return managed_sites(user)


class ManagedOutletsMixin:
    """For a generic view on an outlet model: the object it loads (edit, delete) is one of the user's courts'."""

    def get_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change"])


class ManagedOutletObjectMixin:
    """For a generic view about one outlet that lists something else (history, usage): the outlet it loads is
    one of the user's courts'."""

    def get_base_object_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change"])
