from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.snippet_walls import CourtWalledSnippetViewSet

from . import views
from .forms import FollowUpPlanForm
from .models import FollowUpPlan
from .panels import OverduePlansPanel
from .permissions import FollowUpPlanPermissionPolicy, visible_plans

register_permission_policy(FollowUpPlan, FollowUpPlanPermissionPolicy(FollowUpPlan))


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.status == FollowUpPlan.SELESAI:
            return _("Selesai")
        if instance.status == FollowUpPlan.DISETUJUI:
            return _("Disetujui")
        state = instance.current_workflow_state
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            return _("Dikembalikan")
        if state is not None:
            return _("Menunggu persetujuan")
        return _("Konsep")


class ActionColumn(Column):
    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if (request and instance.status == FollowUpPlan.DISETUJUI and instance.assignee_id == request.user.pk):
            context["value"] = format_html('<a class="button button-small" href="{}">{}</a>',
                                           reverse("tindaklanjut_carry_out", args=[instance.pk]), _("Laksanakan"))
        else:
            context["value"] = ""
        return context


class FollowUpPlanViewSet(CourtWalledSnippetViewSet):
    visible = visible_plans
    model = FollowUpPlan
    icon = "tasks"
    menu_label = _("Rencana tindak lanjut")
    menu_name = "tindaklanjut"
    add_to_admin_menu = True
    menu_order = 260
    url_prefix = "tindaklanjut/rencana"
    url_namespace = "tindaklanjut_plans"
    add_view_class = views.PlanCreateView
    list_filter = ["priority", "status"]
    search_fields = ["title", "finding"]
    list_display = ["title", "court", "assignee", "due_date", "priority", StatusColumn("status", label=_("Status")),
                    ActionColumn("aksi", label=_("Aksi"))]
    # The form limits the court and the assignee to the user's courts; a snippet viewset takes its form class
    # from the edit handler (a viewset-level base_form_class is not read for snippets).
    edit_handler = ObjectList(
        [FieldPanel("court"), FieldPanel("title"), FieldPanel("finding"), FieldPanel("source_label"),
         FieldPanel("source_url"), FieldPanel("assignee"), FieldPanel("due_date"), FieldPanel("priority")],
        base_form_class=FollowUpPlanForm)

    def get_queryset(self, request):
        return visible_plans(request.user).select_related("court", "assignee")


register_snippet(FollowUpPlanViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [path("tindaklanjut/laksanakan/<int:pk>/", views.carry_out, name="tindaklanjut_carry_out")]


@hooks.register("construct_homepage_panels")
def overdue_panel(request, panels):
    panels.append(OverduePlansPanel(request.user))
