"""Who may read the monev reports, and of which courts: one permission policy.

Editorial's step-time report (Laporan → Waktu alur redaksi), the dashboard's team list and monev's
reports and archive all ask it. Reading needs core.view_monev, which core.roles gives to Kasubag PTIP,
Sekretaris, Ketua and Pranata Komputer; superusers may read everything.

Which courts: a reader who works on pages (Kasubag PTIP) sees their own courts (core.courts); a reader
with no page permissions at all (Sekretaris, Ketua, Pranata Komputer) oversees the deployment and sees
every court. The same rule picks the step records a person sees on the dashboard and in the step report
(`pages_worked_on`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import policy_registry

from core.courts import PAGE_ACTIONS, courts_for, has_page_permissions

VIEW_MONEV = "core.view_monev"


def pages_worked_on(user):
    """The pages this user adds, changes or publishes; None when nothing limits them (superuser, or no page
    permissions at all)."""
    if user.is_superuser or not has_page_permissions(user):
        return None
    return policy_registry.get_by_type(Page).instances_user_has_any_permission_for(user, set(PAGE_ACTIONS))


class MonevPermissionPolicy(BasePermissionPolicy):
    """The monev readers' policy, on the pattern of Wagtail's permission policies.

    Its one action is "view"; its instances are the courts (Sites) whose monev a user may read. It is
    not registered in Wagtail's policy registry: that would replace the policy of Wagtail's own Sites
    admin.
    """

    actions = ("view",)

    def __init__(self, model="wagtailcore.Site", permission=VIEW_MONEV):
        super().__init__(model)
        self.permission = permission

    def _may_read(self, user):
        return bool(user and user.is_active and (user.is_superuser or user.has_perm(self.permission)))

    def user_has_permission(self, user, action):
        return action in self.actions and self._may_read(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not set(actions) & set(self.actions):
            return User.objects.none()
        app_label, codename = self.permission.split(".", 1)
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        return User.objects.filter(
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission),
            is_active=True,
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        sites = self.model._default_manager.select_related("root_page").order_by(
            "-is_default_site", "site_name", "hostname")
        if not self.user_has_any_permission(user, actions):
            return sites.none()
        if user.is_superuser or not has_page_permissions(user):
            return sites
        return sites.filter(pk__in=courts_for(user).values("pk"))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


monev_permission_policy = MonevPermissionPolicy()
