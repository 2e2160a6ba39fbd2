"""Who reads which courts in the national roll-up: the oversight that core.courts.courts_for answers.

- A superuser reads every court.
- A member of a directorate reader group (nasional.DirectorateReader) reads the courts whose type
  belongs to that directorate; the Supreme Court's Biro Hukum dan Humas reads every court.
- The staff of an appellate court who read its monev (Kasubag PTIP, Sekretaris, Ketua, Pranata
  Komputer of a PT, PTA, PTTUN, Dilmilti...) read their own court and the courts under it.

Nobody else opens the table (a first-instance court's staff read their own court's monev report).
It is read-only for everyone: the policy grants "view" and nothing else.
"""

from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from cms import court_types
from core.courts import courts_for
from editorial.permissions import VIEW_MONEV

from .models import ALL_COURTS, DirectorateReader

VIEW = "view"
VIEW_PERMISSION = "nasional.view_national"


def directorate_courts(user):
    """The courts of the directorates the user's reader groups read (an oversight provider)."""
    if not user.has_perm(VIEW_PERMISSION):
        return None
    scopes = set(DirectorateReader.objects.filter(group__user=user).values_list("directorate", flat=True))
    if ALL_COURTS in scopes:
        return Q(pk__isnull=False)
    types = [code for directorate in sorted(scopes) for code in court_types.types_of(directorate)]
    return Q(courtsettings__court_type__in=types) if types else None


def appellate_district(user):
    """An appellate court's monev readers read it and the courts under it, two levels down (a Dilmiltama:
    the Dilmilti and their Dilmil) (an oversight provider)."""
    appellate = list(courts_for(user, permission=VIEW_MONEV)
                     .filter(courtsettings__court_type__in=court_types.APPELLATE_TYPES).values_list("pk", flat=True))
    if not appellate:
        return None
    return (Q(pk__in=appellate) | Q(courtsettings__appellate_court__in=appellate)
            | Q(courtsettings__appellate_court__courtsettings__appellate_court__in=appellate))


def readable_courts(user):
    """The courts (Sites) whose figures this user reads in the national roll-up."""
    return courts_for(user, oversight=True)


class NationalRollupPolicy(BasePermissionPolicy):
    """Read-only access to courts' figures in the national roll-up (see the module's docstring)."""

    def __init__(self):
        super().__init__(Site)

    def instances_user_has_any_permission_for(self, user, actions):
        if VIEW not in actions:
            return Site.objects.none()
        return readable_courts(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission(self, user, action):
        if action != VIEW:
            return False
        # kept on the request's user: the menu asks on every admin page, the view once more
        if not hasattr(user, "_nasional_can_view"):
            user._nasional_can_view = self.instances_user_has_permission_for(user, action).exists()
        return user._nasional_can_view

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == VIEW and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


policy = NationalRollupPolicy()
