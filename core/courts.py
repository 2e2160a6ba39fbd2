"""Which courts a user may see.

A court is a Wagtail Site. Its people hold page permissions (through their groups) on the site's
root page or above it (the first court's role groups hold them on the tree root, another court's on
its own root, see core.roles.setup_role_groups). So the courts of a user are the sites whose root
page lies in a subtree where their groups hold page permissions; a superuser sees every court.

People who work on no pages (the Sekretaris, the Ketua, the Pranata Komputer) belong to their court through
per-court permissions: Wagtail's GroupSitePermission on the court's site (core.roles gives each court's groups
theirs). `courts_for(user, permission="core.view_monev")` answers with the courts where the user holds that
permission: every court when they hold it globally, else the sites their groups hold it on.

Some people read courts they do not work on: a directorate general reads the figures of its courts, an
appellate court those of the courts under it. Higher apps that know such readers (nasional) register a
provider with `register_oversight`; `courts_for(user, oversight=True)` answers with the courts the user
oversees, read-only.
"""

from django.db.models import Q
from wagtail.models import GroupSitePermission, Page, Site
from wagtail.permissions import policy_registry

PAGE_ACTIONS = ("add", "change", "publish")
_OVERSIGHT = []


def register_oversight(provider):
    """Add a provider of oversight: provider(user) -> a Q over Site of the courts the user reads without
    working on them, or None. Called from a higher app's AppConfig.ready()."""
    if provider not in _OVERSIGHT:
        _OVERSIGHT.append(provider)
    return provider


def courts_for(user, actions=PAGE_ACTIONS, *, permission=None, oversight=False):
    """The sites of the courts this user works on: every site for a superuser, none for an inactive or
    anonymous user, else the sites whose root page lies at or below a page on which the user's groups hold
    one of the page permissions `actions` ("publish": the courts where they approve).

    With permission="app_label.codename", the courts where the user holds that per-court permission instead
    (every court when held globally, else the sites their groups hold it on through GroupSitePermission).

    With oversight=True, the courts the user oversees read-only instead (what the registered providers
    answer; every site for a superuser): never a court to work on."""
    if not (user and user.is_active and user.is_authenticated):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    if permission is not None:
        if user.has_perm(permission):
            return Site.objects.all()
        app_label, codename = permission.split(".", 1)
        return Site.objects.filter(pk__in=GroupSitePermission.objects.filter(
            group__user=user, permission__content_type__app_label=app_label,
            permission__codename=codename).values("site_id"))
    if oversight:
        conditions = [condition for condition in (provider(user) for provider in _OVERSIGHT)
                      if condition is not None]
        if not conditions:
            return Site.objects.none()
        combined = conditions[0]
        for condition in conditions[1:]:
            combined |= condition
        return Site.objects.filter(combined)
    codenames = {f"{action}_page" for action in actions}
    policy = policy_registry.get_by_type(Page)
    paths = {grant.page.path for grant in policy.get_cached_permissions_for_user(user)
             if grant.permission.codename in codenames}
    if not paths:
        return Site.objects.none()
    within = Q()
    for path in paths:
        within |= Q(root_page__path__startswith=path)
    return Site.objects.filter(within)


def has_page_permissions(user):
    """Whether the user's groups hold any page permission (readers such as the Sekretaris hold none)."""
    return bool(policy_registry.get_by_type(Page).get_cached_permissions_for_user(user))


def people_of(site):
    """The active users who work on this court: members of the groups that hold page permissions at or above
    its root page, or per-court permissions on its site (the inverse of courts_for, superusers aside)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupPagePermission

    root_path = site.root_page.path
    ancestors = [root_path[:end] for end in range(Page.steplen, len(root_path) + 1, Page.steplen)]
    groups = set(GroupPagePermission.objects.filter(page__path__in=ancestors).values_list("group_id", flat=True))
    groups |= set(GroupSitePermission.objects.filter(site=site).values_list("group_id", flat=True))
    return get_user_model().objects.filter(is_active=True, groups__in=groups).distinct()


def people_of_courts(courts):
    """The active users who work on any of these courts (people_of each), by username."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.none()
    for site in courts:
        people = people | people_of(site)
    return people.distinct().order_by("username")
