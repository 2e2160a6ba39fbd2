"""Wagtail screens that show pages of every court, narrowed to the courts of the person using them.

Wagtail's page chooser browses any page by id, and its page types report names the last edited page of each
type in the whole tree; neither asks a hook that could narrow the page itself (the chooser's
`construct_page_chooser_queryset` hook filters the listed children only). Their views are subclassed here and
mounted on Wagtail's own paths ahead of Wagtail's admin URLs (cms/urls.py). A superuser sees every court.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from core.courts import courts_for


def court_root_paths(user):
    """The tree paths of the root pages of the courts this user works on; None for a superuser (no limit)."""
    if user.is_superuser:
        return None
    return list(courts_for(user).values_list("root_page__path", flat=True))


def within_courts(paths, prefix=""):
    """A Q over pages (through `prefix`, e.g. "pages__") at or below the given court roots."""
    condition = Q(**{f"{prefix}pk__in": []})
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def chooser_pages(pages, request):
    """The `construct_page_chooser_queryset` hook: the chooser lists the user's courts' pages, and the pages
    above a court's root (the tree root) to browse down from."""
    paths = court_root_paths(request.user)
    if paths is None:
        return pages
    above = {path[:length] for path in paths for length in range(Page.steplen, len(path), Page.steplen)}
    return pages.filter(within_courts(paths) | Q(path__in=above))


class CourtPageChooserBrowseView(BrowseView):
    """The page chooser opened at a page: only a page of the user's courts or one above their roots."""

    def get(self, request, parent_page_id=None):
        paths = court_root_paths(request.user)
        if parent_page_id and paths is not None:
            page = Page.objects.filter(pk=parent_page_id).only("path").first()
            if page is None or not any(page.path.startswith(path) or path.startswith(page.path)
                                       for path in paths):
                raise Http404
        return super().get(request, parent_page_id)


class CourtPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page types report, its counts and last edited pages taken from the user's courts only."""

    def get_queryset(self):
        paths = court_root_paths(self.request.user)
        if paths is None:
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        chosen = self.filters.form.cleaned_data.get("site")
        if chosen:
            paths = [path for path in paths if chosen.startswith(path)]
        latest = (Page.objects.filter(within_courts(paths), content_type=OuterRef("pk"))
                  .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"))
        queryset = queryset.annotate(count=Count("pages", filter=within_courts(paths, "pages__")),
                                     last_edited_page_id=Subquery(latest.values("pk")[:1]))
        return queryset.order_by("-count", "app_label", "model")


def refuse_move_not_permitted(request, page, destination):
    """The `before_move_page` hook: Wagtail's move confirmation shows the page before the move itself checks
    the user's permission; a user who may not move the page there gets no screen."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
