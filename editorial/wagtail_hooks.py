"""The editorial workflow in the Wagtail admin: guards, labels, dashboard, report, standards and audit log."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    PublishMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
)
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from editorial import publishing
from editorial.editing import EditorialPageViewSet
from editorial.models import MutuBaku
from editorial.panels import MyTasksPanel
from editorial.permissions import monev_permission_policy
from editorial.reports import StepDurationReportView

# --- no way around the workflow -------------------------------------------------------------

hooks.register("before_edit_page", publishing.refuse_direct_publish_on_edit)
hooks.register("before_edit_page", publishing.refuse_workflow_withdrawal)
hooks.register("before_create_page", publishing.refuse_direct_publish_on_create)
hooks.register("before_bulk_action", publishing.refuse_bulk_publish)
hooks.register("before_bulk_action", publishing.refuse_bulk_move_across_courts)
hooks.register("before_copy_page", publishing.refuse_copy_and_publish)
hooks.register("after_copy_page", publishing.say_copy_is_a_draft)
hooks.register("before_move_page", publishing.refuse_move_across_courts)
hooks.register("register_actions", publishing.register_actions)
# Wagtail's copy view takes the page class's copy_form_class; set on Page, every page type gets it.
Page.copy_form_class = publishing.ReviewCopyForm


class SubmitToRedakturMenuItem(SubmitForModerationMenuItem):
    """Wagtail labels it "Submit to <workflow>" or "Resubmit to <task>"; every (re)submission goes to the Redaktur."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("Kirim ke Redaktur")
        return context


@hooks.register("construct_page_action_menu")
def editorial_action_menu(menu_items, request, context):
    user = request.user
    page = context.get("page")
    task = page.current_workflow_task if page is not None and page.pk else None
    reviewer = task is not None and bool(task.get_actions(page, user))
    state = page.current_workflow_state if page is not None and page.pk else None
    sent_back = state is not None and state.status == state.STATUS_NEEDS_CHANGES
    for index, item in reversed(list(enumerate(menu_items))):
        if isinstance(item, PublishMenuItem) and not publishing.may_publish_directly(user):
            del menu_items[index]
        elif isinstance(item, (CancelWorkflowMenuItem, RestartWorkflowMenuItem)) and task is not None and not (
                user.is_superuser or reviewer):
            del menu_items[index]
        elif isinstance(item, RestartWorkflowMenuItem) and sent_back:
            # After a send-back, "Kirim ke Redaktur" already starts the review again at the Redaktur.
            del menu_items[index]
        elif type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitToRedakturMenuItem(order=item.order)


@hooks.register("register_admin_viewset")
def editorial_page_viewset():
    # Registered for the base Page model after Wagtail's own, so every page type gets the review-safe editor.
    return EditorialPageViewSet()


# --- audit log ------------------------------------------------------------------------------

@hooks.register("register_log_actions")
def editorial_log_actions(actions):
    @actions.register_action(publishing.EMERGENCY_PUBLISH)
    class EmergencyPublish(LogFormatter):
        label = _("Terbit darurat (di luar alur redaksi)")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if not data.get("superuser"):
                return _("Diterbitkan di luar alur redaksi oleh pengguna yang bukan superuser")
            if data.get("scheduled"):
                return _("Dijadwalkan terbit darurat oleh superuser, di luar alur redaksi")
            return _("Diterbitkan darurat oleh superuser, di luar alur redaksi")

    @actions.register_action("warta.workflow.restart")
    class WorkflowRestart(LogFormatter):
        label = _("Alur redaksi: mulai lagi dari Redaktur")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            try:
                return _("Dikirim ulang setelah dikembalikan di '%(from)s'; diperiksa lagi mulai '%(to)s'") % {
                    "from": data["from"]["title"], "to": data["to"]["title"]}
            except (KeyError, TypeError):
                return _("Dikirim ulang; diperiksa lagi dari langkah pertama")


# --- dashboard and report ------------------------------------------------------------------------

@hooks.register("construct_homepage_panels")
def editorial_homepage_panels(request, panels):
    # "Tugas saya" lists everything waiting for this person (pages and reports, with the report's own actions),
    # so Wagtail's "Awaiting your review" would only repeat part of it.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.append(MyTasksPanel(request))


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [
        path("reports/waktu-alur-redaksi/", StepDurationReportView.as_view(), name="editorial_step_report"),
        path("reports/waktu-alur-redaksi/results/", StepDurationReportView.as_view(results_only=True),
             name="editorial_step_report_results"),
    ]



class StepReportMenuItem(MenuItem):
    def is_shown(self, request):
        return monev_permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def editorial_report_menu_item():
    return StepReportMenuItem(_("Waktu alur redaksi"), reverse("editorial_step_report"), icon_name="time",
                              order=700)


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/css/editorial.css"))


# --- Mutu Baku and the court calendar --------------------------------------------------------------

class MutuBakuViewSet(ModelViewSet):
    model = MutuBaku
    icon = "time"
    menu_label = _("Mutu Baku SOP")
    list_display = ["__str__", "actor", "minutes", "workflow_step"]
    list_filter = ["procedure", "workflow_step"]
    form_fields = ["procedure", "step", "activity", "actor", "requirements", "minutes", "output", "workflow_step"]
    list_export = ["procedure", "step", "activity", "actor", "requirements", "minutes", "output", "workflow_step"]


# Hari libur: national days read-only, each court keeps its own (editorial/calendar_admin.py).
from editorial.calendar_admin import HolidayViewSet  # noqa: E402 - kept inside this block


class EditorialViewSetGroup(ModelViewSetGroup):
    menu_label = _("Mutu Baku")
    menu_icon = "time"
    menu_order = 800
    items = (MutuBakuViewSet("mutu_baku"), HolidayViewSet("hari_libur"))


@hooks.register("register_admin_viewset")
def editorial_viewsets():
    return EditorialViewSetGroup()


# --- role guides ------------------------------------------------------------------------------
# docs/panduan/*.md inside the admin (editorial/guides.py): the Help menu opens the guide of the
# user's role instead of Wagtail's English guides on the internet; the dashboard links to it too.

from editorial import guides  # noqa: E402 - kept inside this block

hooks.register("register_admin_urls", guides.urls)
for _guide_menu_item in guides.help_menu_items():
    hooks.register("register_help_menu_item", _guide_menu_item)
hooks.register("construct_help_menu", guides.remove_wagtail_guides)
# --- end role guides ---
