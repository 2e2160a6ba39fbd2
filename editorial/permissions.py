"""Who may read the monev reports, and of which courts: one permission policy.

Editorial's step-time report (Laporan → Waktu alur redaksi), the dashboard's team list and monev's
reports and archive all ask it. Reading needs core.view_monev, which core.roles gives to Kasubag PTIP,
Sekretaris, Ketua and Pranata Komputer; superusers may read everything.

Which courts: the courts where the reader holds core.view_monev, which each court's role groups hold on
their own court's site (core.roles, per court), so a court's Sekretaris reads that court only; a group
holding it globally reads every court. The same courts bound the step records a person with no page
permissions sees on the dashboard and in the step report (`pages_worked_on`); people who work on pages see
the records of the pages they work on.
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
    """The pages this user adds, changes or publishes, or for a reader with no page permissions the pages of
    the courts whose monev they read; None when nothing limits them (a superuser, a deployment-wide reader)."""
    if user.is_superuser:
        return None
    if has_page_permissions(user):
        return policy_registry.get_by_type(Page).instances_user_has_any_permission_for(user, set(PAGE_ACTIONS))
    if user.has_perm(VIEW_MONEV):
        return None
    within = Q(pk__in=[])
    for path in courts_for(user, permission=VIEW_MONEV).values_list("root_page__path", flat=True):
        within |= Q(path__startswith=path)
    return Page.objects.filter(within)


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
        """Whether the user reads the monev of some court (held globally, or on a court's site)."""
        return bool(user and user.is_active and user.is_authenticated and (
            user.is_superuser or courts_for(user, permission=self.permission).exists()))

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
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
            | Q(groups__site_permissions__permission__in=permission),
            is_active=True,
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        sites = self.model._default_manager.select_related("root_page").order_by(
            "-is_default_site", "site_name", "hostname")
        if not self.user_has_any_permission(user, actions):
            return sites.none()
        if user.is_superuser:
            return sites
        return sites.filter(pk__in=courts_for(user, permission=self.permission).values("pk"))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


monev_permission_policy = MonevPermissionPolicy()
