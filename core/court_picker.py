"""A screen about one court at a time, among the courts the user may see for one permission.

``?situs=<site pk>`` (or a posted ``situs``) picks the court; without it, or with a court the user may not see,
the first of theirs (by name). A user with none gets 403. The template shows the choice with
``{% include "core/includes/court_picker.html" %}`` (only when there is more than one court)."""

from django.core.exceptions import PermissionDenied

from .courts import courts_for


class CourtPickerMixin:
    court_permission = None  # "app_label.codename" held per court

    def dispatch(self, request, *args, **kwargs):
        self.courts = courts_for(request.user, permission=self.court_permission).order_by("site_name", "pk")
        if not self.courts.exists():
            raise PermissionDenied
        chosen = request.GET.get("situs") or request.POST.get("situs")
        self.site = (self.courts.filter(pk=chosen).first() if chosen and chosen.isdigit() else None) \
            or self.courts.first()
        return super().dispatch(request, *args, **kwargs)

    def user_holds(self, permission):
        """Whether the user holds another per-court permission on the chosen court."""
        return courts_for(self.request.user, permission=permission).filter(pk=self.site.pk).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(courts=self.courts, site=self.site)
        return context
