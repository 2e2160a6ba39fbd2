"""Who sees which court's monev.

Reading the reports needs core.view_monev (Kasubag PTIP, Sekretaris,
Ketua, Pranata Komputer). A user with page permissions sees the courts whose
pages they work on; a reader with none (Sekretaris, Ketua, Pranata) sees every
court of the deployment, the same rule as editorial's step report
(editorial.step_rows.visible_records).
"""

from django import forms
from wagtail.models import Site

from core.courts import courts_for, has_page_permissions

VIEW_PERMISSION = "core.view_monev"


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
    if user.is_superuser or not has_page_permissions(user):
        return sites
    return sites.filter(pk__in=courts_for(user).values("pk"))
