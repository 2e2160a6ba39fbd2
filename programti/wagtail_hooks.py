from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.snippet_walls import CourtWalledSnippetViewSet, CourtWorkflowCreateView
from editorial.court_workflows import WorkflowStatusColumn

from . import views
from .forms import ProgramForm
from .models import ProgramTI
from .panels import ActivityPanel, DecreePanel
from .permissions import ProgramPermissionPolicy, program_courts, visible_programs

register_permission_policy(ProgramTI, ProgramPermissionPolicy(ProgramTI))


class DecreeColumn(Column):
    def get_value(self, instance):
        decree = instance.decree
        if decree is None or decree.document is None:
            return ""
        return format_html('<a href="{}">{}</a>', decree.document.url, decree.number)


ACTIVITY_PANELS = [FieldPanel("name"), FieldPanel("area"), FieldPanel("month_start"), FieldPanel("month_end"),
                   FieldPanel("budget_line"), FieldPanel("budget"), FieldPanel("indicator"),
                   FieldPanel("responsible")]


class ProgramViewSet(CourtWalledSnippetViewSet):
    visible = visible_programs
    model = ProgramTI
    icon = "clipboard-list"
    menu_label = _("Program TI")
    menu_name = "programti"
    add_to_admin_menu = True
    menu_order = 265
    url_prefix = "programti/program"
    url_namespace = "programti_programs"
    add_view_class = CourtWorkflowCreateView
    list_filter = ["year"]
    search_fields = ["title", "objectives"]
    list_display = ["title", "year", "court",
                    WorkflowStatusColumn("status", _("Ditetapkan"), _("Dalam penetapan"),
                                         is_done=lambda program: program.is_set, label=_("Status")),
                    DecreeColumn("decree", label=_("SK Teknologi Informasi"))]
    edit_handler = TabbedInterface([
        ObjectList([FieldPanel("court"), FieldPanel("title"), FieldPanel("year"), FieldPanel("objectives"),
                    DecreePanel(heading=_("Penetapan dan pelaksanaan"))], heading=_("Program")),
        ObjectList([ActivityPanel("activities", heading=_("Kegiatan"), label=_("Kegiatan"),
                                  panels=ACTIVITY_PANELS)], heading=_("Kegiatan")),
        ObjectList([InlinePanel("attachments", heading=_("Lampiran"), label=_("Lampiran"),
                                panels=[FieldPanel("document"), FieldPanel("note")])], heading=_("Lampiran")),
    ], base_form_class=ProgramForm)

    def get_queryset(self, request):
        return visible_programs(request.user).select_related("court")


register_snippet(ProgramViewSet)


@hooks.register("register_admin_urls")
def urls():
    from .report_views import ReportsView

    return [path("programti/kegiatan/<int:pk>/kemajuan/", views.report_progress, name="programti_report_progress"),
            path("programti/laporan/", ReportsView.as_view(), name="programti_reports")]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return program_courts(request.user, "view").exists()


@hooks.register("register_reports_menu_item")
def reports_menu_item():
    return ReportsMenuItem(_("Laporan program TI"), reverse("programti_reports"), icon_name="doc-full", order=910)

