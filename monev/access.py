"""Who sees which court's monev.

Reading the reports needs editorial.view_monev (Kasubag PTIP, Sekretaris,
Ketua, Pranata Komputer). A user with page permissions sees the courts whose
pages they work on; a reader with none (Sekretaris, Ketua, Pranata) sees every
court of the deployment, the same rule as editorial's step report
(editorial.step_rows.visible_records).
"""

from django import forms
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

VIEW_PERMISSION = "editorial.view_monev"


def court_label(site):
    """A court as people call it: the site's name, else its host name (Site's own str adds port and "[default]")."""
    return site.site_name or site.hostname


class CourtChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return court_label(obj)


def can_view(user):
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(VIEW_PERMISSION)))


def visible_sites(user):
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "site_name", "hostname")
    if not can_view(user):
        return sites.none()
    if user.is_superuser:
        return sites
    policy = policy_registry.get_by_type(Page)
    if not policy.get_cached_permissions_for_user(user):
        return sites
    pages = policy.instances_user_has_any_permission_for(user, {"add", "change", "publish"})
    roots = [site.pk for site in sites if pages.filter(path__startswith=site.root_page.path).exists()]
    return sites.filter(pk__in=roots)
