"""Admin integration of the publishers app: social channels, per-item delivery status, delivery report."""

from django.urls import include, path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from publishers.social import calendar, failures, outbox, permissions, preview, views
from publishers.social.reports import SocialDeliveryReportView
from publishers.social.viewsets import social_account_viewset


@hooks.register("register_admin_viewset")
def register_social_accounts():
    return social_account_viewset


@hooks.register("register_admin_urls")
def register_social_urls():
    status_urls = [
        path("<int:page_id>/", views.PageStatusView.as_view(), name="page"),
        path("<int:page_id>/kirim-lagi/", views.RepostView.as_view(), name="repost"),
        path("kiriman/<int:delivery_id>/perbaiki-teks/", failures.FixTextView.as_view(), name="fix"),
        path("kiriman/<int:delivery_id>/<str:action>/", views.DeliveryActionView.as_view(), name="action"),
    ]
    report_urls = [
        path("", SocialDeliveryReportView.as_view(), name="index"),
        path("hasil/", SocialDeliveryReportView.as_view(results_only=True), name="results"),
    ]
    return [
        path("media-sosial/kalender/", calendar.CalendarView.as_view(), name="social_calendar"),
        path("media-sosial/kalender/pindah/<int:delivery_id>/", calendar.MoveView.as_view(),
             name="social_calendar_move"),
        path("media-sosial/pratinjau/<int:page_id>/", preview.social_preview_context, name="social_preview_context"),
        path("media-sosial/status/", include((status_urls, "social_status"), namespace="social_status")),
        path("media-sosial/laporan/", include((report_urls, "social_report"), namespace="social_report")),
    ]


# A delivery that failed for good: on the dashboard of the court's channel managers (publishers/social/failures.py).
hooks.register("construct_homepage_panels", failures.homepage_panel)

# The social draft preview in the page editor (publishers/social/preview.py).
hooks.register("insert_global_admin_css", preview.admin_css)
hooks.register("insert_editor_js", preview.editor_js)


def _has_social_draft(page):
    from cms.models.social import SocialDraftMixin

    return issubclass(page.specific_class or type(page), SocialDraftMixin)


class SocialStatusMenuItem(PageMenuItem):
    label = _("Status media sosial")
    icon_name = "site"
    url_name = "social_status:page"

    def is_shown(self, user):
        return _has_social_draft(self.page) and permissions.can_view_page_status(user, self.page)


@hooks.register("register_page_header_buttons")
def social_status_header_button(page, user, view_name, next_url=None):
    yield SocialStatusMenuItem(page=page, priority=62)


@hooks.register("register_page_listing_more_buttons")
def social_status_listing_button(page, user, next_url=None):
    yield SocialStatusMenuItem(page=page, priority=45)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_social_report_menu_item():
    return ReportMenuItem(_("Laporan media sosial"), reverse("social_report:index"), name="social-report",
                          icon_name="site", order=950)


@hooks.register("warta_after_review_publish_summary")
def social_publish_summary(obj):
    """What the approval set in motion, for the Kasubag's confirmation: the posts now queued for this item."""
    from django.utils.translation import ngettext
    from wagtail.models import Page

    from publishers.social.models import OPEN_STATUSES, SocialDelivery

    if not isinstance(obj, Page):
        return None
    count = SocialDelivery.objects.filter(page_id=obj.pk, revision_id=obj.live_revision_id,
                                          status__in=OPEN_STATUSES).count()
    if not count:
        return None
    return ngettext("%(count)d kiriman media sosial dijadwalkan.", "%(count)d kiriman media sosial dijadwalkan.",
                    count) % {"count": count}


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.report_sites(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(_("Kalender publikasi"), reverse("social_calendar"), icon_name="date", order=851)


@hooks.register("register_log_actions")
def social_log_actions(actions):
    @actions.register_action(outbox.RESCHEDULE_ACTION)
    class Rescheduled(LogFormatter):
        label = _("Kiriman media sosial dijadwalkan ulang")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            when = parse_datetime(data.get("at") or "")
            return _("Kiriman ke %(channel)s dipindahkan ke %(when)s") % {
                "channel": data.get("channel", "—"),
                "when": localtime(when).strftime("%d/%m/%Y %H:%M") if when else "—"}
