from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.action_menu import PublishMenuItem
from wagtail.snippets.models import register_snippet

from cms import page_cache
from editorial.permissions import monev_permission_policy

from . import archive, pageviews, social_metrics
from .archive_views import MonevReportViewSet
from .models import MonevReport
from .views import ExportView, ReportView


@hooks.register("on_serve_page")
def count_page_view(next_serve_page):
    def serve(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        pageviews.record(page, request, response)
        return response

    return serve


@hooks.register(page_cache.HIT_HOOK)
def count_cached_page_view(request, site_id, page_id):
    """A page answered from the dynamic site's page cache is a view all the same."""
    if site_id and page_id:
        pageviews.record_ids(site_id, page_id, request)


# --- admin: Monev menu (Laporan, Arsip), report and export views, the archive snippet --------------------

register_snippet(MonevReportViewSet)


@hooks.register("register_admin_urls")
def monev_admin_urls():
    return [
        path("monev/laporan/", ReportView.as_view(), name="monev_report"),
        path("monev/laporan/unduh/<str:fmt>/", ExportView.as_view(), name="monev_report_export"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return monev_permission_policy.user_has_permission(request.user, "view")


class ArchiveMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(f"monev.{action}_monevreport") for action in ("view", "add", "change"))


@hooks.register("register_admin_menu_item")
def monev_menu():
    return SubmenuMenuItem(_("Monev"), Menu(items=[
        ReportMenuItem(_("Laporan"), reverse_lazy("monev_report"), name="monev-laporan", icon_name="table",
                       order=100),
        ArchiveMenuItem(_("Arsip"), reverse_lazy("wagtailsnippets_monev_monevreport:list"), name="monev-arsip",
                        icon_name="folder-open-inverse", order=200),
    ]), name="monev", icon_name="table", order=850)


@hooks.register("construct_snippet_action_menu")
def no_publish_button_on_monev_reports(menu_items, request, context):
    # Archiving (publishing) a report happens only when the Sekretaris approves it in the workflow.
    if context.get("model") is MonevReport:
        menu_items[:] = [item for item in menu_items if not isinstance(item, PublishMenuItem)]


@hooks.register("before_delete_snippet")
def keep_archived_reports(request, instances):
    # Also guards the listing's bulk delete, which does not go through the delete view.
    if any(isinstance(obj, MonevReport) and obj.is_archived for obj in instances):
        messages.error(request, _("Laporan monev yang sudah diarsipkan tidak dapat dihapus."))
        return redirect("wagtailsnippets_monev_monevreport:list")
    return None


@hooks.register("register_log_actions")
def monev_log_actions(actions):
    @actions.register_action(archive.ARCHIVE_ACTION)
    class Archived(LogFormatter):
        label = _("Laporan monev diarsipkan")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Diarsipkan; SHA-256 PDF %(sha)s") % {"sha": data.get("sha256", "—")}


@hooks.register("warta_after_review_publish_summary")
def monev_archive_summary(obj):
    """The Sekretaris's approval archives the report: say where the PDF went."""
    if isinstance(obj, MonevReport) and obj.is_archived:
        return _("Laporan diarsipkan; PDF-nya tersimpan di koleksi Arsip Monev dengan sidik SHA-256.")
    return None


@hooks.register("warta_social_delivery_metrics")
def social_delivery_metrics(deliveries):
    """The "Metrik" column of the Laporan media sosial export: each post's latest snapshot."""
    return social_metrics.latest_as_text(deliveries)


@hooks.register("social_best_time_hint")
def social_best_time_hint(account):
    from .best_time import hint

    return hint(account)
