"""StepRecords (of pages and of other items) as rows for people: who it waits on, time taken against the
standard (dashboard and report)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from core.courts import courts_for
from editorial import durations
from editorial.models import StepRecord
from editorial.permissions import pages_worked_on


def visible_records(user, queryset=None):
    """Records of the pages this user works on (people with no page permissions, e.g. Sekretaris and Ketua:
    those of the courts whose monev they read), and of the other items (follow-up plans) of the courts where
    they may view that kind of item."""
    queryset = StepRecord.objects.all() if queryset is None else queryset
    pages = pages_worked_on(user)
    if pages is None:
        return queryset
    within = Q(page__in=pages.values("pk"))
    kinds = queryset.filter(page__isnull=True).values("content_type").distinct().order_by()
    for kind in ContentType.objects.filter(pk__in=kinds):
        courts = courts_for(user, permission=f"{kind.app_label}.view_{kind.model}")
        within |= Q(page__isnull=True, content_type=kind, site__in=courts)
    return queryset.filter(within)


def _naive_local(value):
    # Spreadsheets have no time zones: export the court's wall-clock time, not UTC.
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def _display(value):
    # The admin's one date-time format (the date pickers and Wagtail's own columns use it too).
    fmt = getattr(settings, "WAGTAIL_DATETIME_FORMAT", "%d/%m/%Y %H:%M")
    return timezone.localtime(value).strftime(fmt) if value else ""


def user_name(user):
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


@dataclass
class StepRow:
    record: StepRecord
    title: str
    page_type: str
    step: str
    waits_on: str
    actor: str
    started_at: object
    finished_at: object
    elapsed_seconds: int
    standard_minutes: int
    outcome: str

    @property
    def started_display(self):
        return _display(self.started_at)

    @property
    def finished_display(self):
        return _display(self.finished_at)

    @property
    def started_local(self):
        return _naive_local(self.started_at)

    @property
    def finished_local(self):
        return _naive_local(self.finished_at)

    edit_url: str = ""

    @property
    def page_id(self):
        return self.record.page_id

    @property
    def duration(self):
        return durations.format_duration(self.elapsed_seconds)

    @property
    def duration_minutes(self):
        return self.elapsed_seconds // 60

    @property
    def standard(self):
        return durations.format_duration(self.standard_minutes * 60) if self.standard_minutes else "—"

    @property
    def met(self):
        """durations.met_standard of the time taken so far: None without a standard."""
        return durations.met_standard(self.elapsed_seconds, self.standard_minutes)

    @property
    def overdue(self):
        return self.met is False

    @property
    def met_label(self):
        if self.met is None:
            return "—"
        if self.record.is_open:
            return _("Berjalan") if self.met else _("Terlambat")
        return _("Ya") if self.met else _("Tidak")


def item_title(item):
    if item is None:
        return _("(sudah dihapus)")
    title = getattr(item, "get_admin_display_title", None)
    return title() if title else str(item)


def item_url(record, item, finder=None):
    """Where the step is done: the page editor, the item's own screen for that step, or its edit view."""
    if record.page_id:
        return reverse("wagtailadmin_pages:edit", args=[record.page_id])
    if item is None:
        return ""
    task_url = getattr(item, "task_url", None)
    return (task_url(record.step) if task_url else None) or (finder or AdminURLFinder()).get_edit_url(item) or ""


def build_rows(records, now=None):
    now = now or timezone.now()
    schedules = {}
    rows = []
    finder = AdminURLFinder()
    for record in records:
        schedule = schedules.get(record.site_id)
        if schedule is None:
            schedule = schedules[record.site_id] = durations.schedule_for_site(record.site)
        page = record.item
        groups = ""
        if record.task_state_id:
            groups = ", ".join(group.name for group in record.task_state.task.specific.groups.all())
        rows.append(StepRow(
            record=record,
            title=item_title(page),
            page_type=capfirst(page._meta.verbose_name) if page is not None else "",
            step=record.get_step_display(),
            waits_on=user_name(record.actor) if not record.task_state_id else groups,
            # Who did it; for a review step still open, who it waits on.
            actor=user_name(record.actor) or groups,
            started_at=record.started_at,
            finished_at=record.finished_at,
            elapsed_seconds=durations.elapsed_seconds(record, now, schedule),
            standard_minutes=record.standard_minutes,
            outcome=record.get_outcome_display(),
            edit_url=item_url(record, page, finder),
        ))
    return rows
