"""The court's publishing calendar (month and week): scheduled go-lives, planned social posts per channel,
posted items with their state, and SOP steps past their Mutu Baku. A planned post that has not been tried
can be moved to another free time of its channel: with the select beside it (keyboard), or by dragging it
onto another day (a small script posts the same form with the day; the server picks the channel's first free
time that day). Rendered on the server; the script only adds the drag and drop.
"""

import calendar as pycalendar
import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Revision

from core.courts import courts_for
from editorial import durations
from editorial.models import StepRecord

from . import outbox, permissions, schedule
from .models import DeliveryStatus, SocialAccount, SocialDelivery

MONTH, WEEK = "bulan", "minggu"
S = DeliveryStatus


@dataclass
class Entry:
    at: datetime.datetime
    kind: str  # golive / planned / posted / late
    title: str
    url: str = ""
    channel: str = ""
    state: str = ""
    delivery: SocialDelivery = None
    slots: list = field(default_factory=list)

    @property
    def time(self):
        return timezone.localtime(self.at).strftime("%H:%M")


def _within_site(site):
    return Page.objects.filter(path__startswith=site.root_page.path)


class CalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "publishers/social/calendar.html"
    page_title = gettext_lazy("Kalender publikasi")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.courts = permissions.report_sites(request.user).order_by("site_name", "pk")
        if not self.courts.exists():
            raise PermissionDenied
        chosen = request.GET.get("situs", "")
        self.site = (self.courts.filter(pk=chosen).first() if chosen.isdigit() else None) or self.courts.first()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def period(self):
        view = self.request.GET.get("tampilan") if self.request.GET.get("tampilan") in (MONTH, WEEK) else MONTH
        day = parse_date(self.request.GET.get("tanggal") or "") if len(self.request.GET.get("tanggal", "")) == 10 \
            else None
        day = day or timezone.localdate()
        if view == WEEK:
            start = day - datetime.timedelta(days=day.weekday())
            return view, day, start, start + datetime.timedelta(days=7)
        first = day.replace(day=1)
        start = first - datetime.timedelta(days=first.weekday())
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        end = last + datetime.timedelta(days=7 - last.weekday())
        return view, day, start, end

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        view, day, start, end = self.period()
        zone = timezone.get_current_timezone()
        lo = datetime.datetime.combine(start, datetime.time(0), tzinfo=zone)
        hi = datetime.datetime.combine(end, datetime.time(0), tzinfo=zone)
        accounts = SocialAccount.objects.for_site(self.site).order_by("platform", "name")
        channel = self.request.GET.get("kanal", "")
        channel = int(channel) if channel.isdigit() and accounts.filter(pk=channel).exists() else None
        category = self.request.GET.get("kategori", "")
        category = int(category) if category.isdigit() else None
        may_move = permissions.can_retry(self.request.user) and courts_for(self.request.user).filter(
            pk=self.site.pk).exists()

        pages = _within_site(self.site)
        if category is not None:
            from cms.models import NewsPage

            pages = pages.filter(pk__in=NewsPage.objects.filter(category_id=category).values("pk"))
        entries = []
        if channel is None:
            # Revision.object_id is text: compare with the pages' ids as text, in one query.
            page_ids = pages.annotate(text_id=Cast("pk", CharField())).values("text_id")
            for revision in Revision.page_revisions.filter(approved_go_live_at__gte=lo, approved_go_live_at__lt=hi,
                                                           object_id__in=page_ids):
                entries.append(Entry(revision.approved_go_live_at, "golive", _("Tayang: %(title)s") % {
                    "title": revision.object_str}, reverse("wagtailadmin_pages:edit", args=[revision.object_id])))
        deliveries = (SocialDelivery.objects.filter(site=self.site, page__in=pages)
                      .exclude(status__in=[S.CANCELLED, S.REMOVED]).select_related("account"))
        if channel is not None:
            deliveries = deliveries.filter(account_id=channel)
        for delivery in deliveries.filter(status__in=SocialDelivery.OPEN_STATUSES, next_attempt_at__gte=lo,
                                          next_attempt_at__lt=hi):
            movable = may_move and delivery.status == S.PENDING and not delivery.attempts and \
                delivery.account_id and delivery.next_attempt_at > timezone.now()
            entries.append(Entry(
                delivery.next_attempt_at, "planned", delivery.page_title,
                reverse("social_status:page", args=[delivery.page_id]) if delivery.page_id else "",
                delivery.account_name, delivery.get_status_display(), delivery,
                schedule.free_slots(delivery.account, timezone.now(), exclude=delivery)[:40] if movable else []))
        for delivery in deliveries.exclude(status__in=SocialDelivery.OPEN_STATUSES).filter(
                updated_at__gte=lo, updated_at__lt=hi):
            entries.append(Entry(
                delivery.sent_at or delivery.updated_at, "posted", delivery.page_title,
                reverse("social_status:page", args=[delivery.page_id]) if delivery.page_id else "",
                delivery.account_name, delivery.get_status_display(), delivery))
        today = timezone.localdate()
        if channel is None and start <= today < end:
            schedule_ = durations.schedule_for_site(self.site)
            now = timezone.now()
            for record in StepRecord.objects.open().filter(site=self.site, standard_minutes__gt=0).select_related(
                    "page").prefetch_related("content_object"):
                if durations.is_overdue(record, now, schedule_):
                    item = record.item
                    entries.append(Entry(now, "late", _("Terlambat: %(step)s — %(item)s") % {
                        "step": record.get_step_display(), "item": str(item) if item is not None else "—"}))
        entries.sort(key=lambda entry: entry.at)

        days = []
        current = start
        while current < end:
            days.append({"date": current, "outside": view == MONTH and current.month != day.month,
                         "today": current == today,
                         "entries": [e for e in entries if timezone.localtime(e.at).date() == current]})
            current += datetime.timedelta(days=1)
        step = datetime.timedelta(days=7) if view == WEEK else None
        if view == WEEK:
            previous, following = start - step, start + step
        else:
            previous = (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
            following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        from cms.models import NewsCategory

        context.update({
            "courts": self.courts, "site": self.site, "view": view, "day": day, "days": days,
            "weeks": [days[i:i + 7] for i in range(0, len(days), 7)],
            "previous": previous, "following": following, "accounts": accounts, "channel": channel,
            "categories": NewsCategory.objects.order_by("name"), "category": category,
            "weekdays": [_("Sen"), _("Sel"), _("Rab"), _("Kam"), _("Jum"), _("Sab"), _("Min")],
            "may_move": may_move,
        })
        return context


class MoveView(View):
    """POST: move a planned post to `waktu` (an ISO time offered by the calendar) or to the channel's first free
    time on `tanggal` (a dropped day)."""

    def post(self, request, delivery_id):
        delivery = SocialDelivery.objects.select_related("account").filter(pk=delivery_id).first()
        if delivery is None or not courts_for(request.user).filter(pk=delivery.site_id).exists():
            raise Http404
        if not permissions.can_retry(request.user) or delivery.account is None:
            raise PermissionDenied
        back = request.POST.get("next") or reverse("social_calendar")
        if not back.startswith("/admin/"):
            back = reverse("social_calendar")
        free = schedule.free_slots(delivery.account, timezone.now(), days=62, exclude=delivery)
        when = parse_datetime(request.POST.get("waktu", ""))
        dropped = parse_date(request.POST.get("tanggal", "")) if request.POST.get("tanggal") else None
        if when is not None:
            when = when if timezone.is_aware(when) else timezone.make_aware(when)
            when = next((slot for slot in free if slot == when), None)
        elif dropped is not None:
            when = next((slot for slot in free if timezone.localtime(slot).date() == dropped), None)
        if when is None:
            messages.error(request, _("Tidak ada waktu kosong kanal %(channel)s pada pilihan itu.") % {
                "channel": delivery.account_name})
            return redirect(back)
        try:
            outbox.reschedule(delivery, when, request.user)
        except outbox.ActionNotAllowed as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Kiriman “%(title)s” ke %(channel)s dipindahkan ke %(when)s.") % {
                "title": delivery.page_title, "channel": delivery.account_name,
                "when": timezone.localtime(when).strftime("%d/%m/%Y %H:%M")})
        return redirect(back)
