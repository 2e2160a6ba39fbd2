"""The monev report archive in the admin: a snippet with a workflow (Kasubag PTIP submits, Sekretaris approves).

Wagtail's snippet views do the listing (search, filters), editing, the
workflow and its history. Added here: courts limited to the user's own; no
"Publish" button (the only way to archive is the Sekretaris's approval); no
edit, revert, unpublish or delete once a report is archived; an inspect page
that shows the report as archived, the PDF and a check of its SHA-256.
"""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import WorkflowState
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.editing import ReviewSafeSnippetEditMixin, ReviewSafeSnippetViewSetMixin
from editorial.permissions import monev_permission_policy

from . import access, archive, periods, report
from .forms import MonevReportForm
from .models import MonevReport
from .report import present


def readable_courts(user):
    return monev_permission_policy.instances_user_has_permission_for(user, "view")


def _years():
    years = MonevReport.objects.dates("period_start", "year", order="DESC")
    return [(d.year, str(d.year)) for d in years]


class CourtFilter(django_filters.ModelChoiceFilter):
    field_class = access.CourtChoiceField


class MonevReportFilterSet(WagtailFilterSet):
    site = CourtFilter(label=_("Pengadilan"), queryset=lambda request: readable_courts(request.user),
                       empty_label=_("Semua pengadilan"))
    period_kind = django_filters.ChoiceFilter(label=_("Jenis periode"), choices=periods.KINDS,
                                              empty_label=_("Semua jenis"))
    year = django_filters.ChoiceFilter(label=_("Tahun"), field_name="period_start", lookup_expr="year",
                                       choices=_years, empty_label=_("Semua tahun"))
    archived = django_filters.BooleanFilter(label=_("Sudah diarsipkan"), field_name="archived_at",
                                            lookup_expr="isnull", exclude=True)

    class Meta:
        model = MonevReport
        fields = ["site", "period_kind", "year", "archived"]


class CourtScopedMixin:
    """Only reports of the user's courts; archived reports are read-only for everyone."""

    block_archived = False

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            found = MonevReport.objects.filter(pk=pk).values("site_id", "archived_at").first()
            if found and not readable_courts(request.user).filter(pk=found["site_id"]).exists():
                raise PermissionDenied
            if found and found["archived_at"] and self.block_archived:
                messages.warning(request, _("Laporan ini sudah diarsipkan dan tidak dapat diubah lagi."))
                return redirect("wagtailsnippets_monev_monevreport:inspect", pk)
        return super().dispatch(request, *args, **kwargs)


class NoDirectPublishMixin:
    def get_available_actions(self):
        # Publishing archives the report, which needs the Sekretaris's approval through the workflow.
        return [action for action in super().get_available_actions() if action != "publish"]


class IndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        # The status column reads each report's current workflow state: fetch them all at once.
        states = WorkflowState.objects.active().select_related("current_task_state__task")
        return (super().get_base_queryset().filter(site__in=readable_courts(self.request.user))
                .select_related("site").prefetch_related(
                    Prefetch("_workflow_states", queryset=states, to_attr="_current_workflow_states")))


class CreateView(NoDirectPublishMixin, snippet_views.CreateView):
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        if self.request.method != "GET":
            return instance
        # "Ajukan untuk diarsipkan" on the report page opens this form for that court and period.
        data = self.request.GET
        sites = readable_courts(self.request.user)
        if data.get("site") and sites.filter(pk=data["site"]).exists():
            instance.site_id = int(data["site"])
        if data.get("period_kind") in dict(periods.KINDS):
            instance.period_kind = data["period_kind"]
        for name in ("period_start", "period_end"):
            try:
                setattr(instance, name, datetime.date.fromisoformat(data.get(name, "")))
            except ValueError:
                pass
        return instance


class EditView(CourtScopedMixin, ReviewSafeSnippetEditMixin, NoDirectPublishMixin, snippet_views.EditView):
    block_archived = True


class DeleteView(CourtScopedMixin, snippet_views.DeleteView):
    block_archived = True


class UnpublishView(CourtScopedMixin, snippet_views.UnpublishView):
    block_archived = True


class InspectView(CourtScopedMixin, snippet_views.InspectView):
    template_name = "monev/archive_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        if obj.is_archived:
            figures = obj.figures
            context["hash_matches"] = archive.sha256_of(obj.document) == obj.sha256 if obj.document else False
        else:
            obj = obj.get_latest_revision_as_object()  # a draft's text lives in its latest revision
            figures = report.compute(obj.site, obj.period)
        context.update(report=obj, figures=figures, sections=present.sections(figures),
                       section_offset=1 if obj.overview else 0)
        return context


class MonevReportViewSet(ReviewSafeSnippetViewSetMixin, SnippetViewSet):
    model = MonevReport
    icon = "folder-open-inverse"
    menu_label = _("Arsip laporan monev")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = MonevReportFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    unpublish_view_class = UnpublishView
    inspect_view_class = InspectView
    list_display = [
        TitleColumn("title", label=_("Laporan"), url_name="wagtailsnippets_monev_monevreport:inspect"),
        Column("site", label=_("Pengadilan"), accessor=lambda r: access.court_label(r.site)),
        Column("period_label", label=_("Periode"), accessor=lambda r: r.period.label),
        Column("status_label", label=_("Status")),
        DateColumn("archived_at", label=_("Diarsipkan")),
        Column("sha256", label=_("SHA-256"), accessor=lambda r: r.sha256[:16] + "…" if r.sha256 else "—"),
    ]
    ordering = ["-period_start", "-period_end"]
    edit_handler = ObjectList([
        FieldPanel("site"),
        MultiFieldPanel([FieldPanel("period_kind"), FieldRowPanel([FieldPanel("period_start"),
                                                                   FieldPanel("period_end")])],
                        heading=_("Periode")),
        FieldPanel("overview", help_text=_("Gambaran umum pelaksanaan pengelolaan website dan media sosial.")),
        FieldPanel("obstacles"),
        FieldPanel("follow_up"),
    ], base_form_class=MonevReportForm)
