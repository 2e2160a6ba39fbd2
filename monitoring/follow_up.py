"""A follow-up plan made from a finding names its check (source_ref "monitoring:<check key>"). Its assignee can
run that check again from the "Laksanakan" screen: the result is evidence that the fix worked, shown there and
written into the plan's evidence when it is closed (the follow-up plans' evidence hooks)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from editorial.tindaklanjut.models import FollowUpPlan
from editorial.tindaklanjut.permissions import plan_courts

from . import checks
from .models import Recheck
from .tasks import run_recheck

PREFIX = "monitoring:"


def source_ref(check_key):
    return PREFIX + check_key


def check_of(plan):
    """The registered check a plan was made from, or None."""
    if not plan.source_ref.startswith(PREFIX):
        return None
    return checks.REGISTRY.get(plan.source_ref[len(PREFIX):])


@require_POST
def recheck(request, pk):
    plan = get_object_or_404(FollowUpPlan.objects.filter(court__in=plan_courts(request.user, "view")), pk=pk)
    if plan.assignee_id != request.user.pk:
        raise PermissionDenied
    check = check_of(plan)
    if check is None or plan.status != FollowUpPlan.DISETUJUI:
        messages.error(request, _("Rencana ini tidak dapat diperiksa ulang."))
    else:
        record = Recheck.objects.create(plan=plan, check_key=check.key, requested_by=request.user)
        run_recheck.enqueue(record.pk)
        messages.success(request, _("Pemeriksaan ulang «%(check)s» dijalankan.") % {"check": check.label})
    return redirect("tindaklanjut_carry_out", pk=plan.pk)


def latest(plan):
    return Recheck.objects.filter(plan=plan).first()


def _when(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def result_line(record):
    if record.finished_at is None:
        return _("Pemeriksaan ulang %(when)s: sedang berjalan, muat ulang halaman ini sebentar lagi.") % {
            "when": _when(record.requested_at)}
    verdict = _("lulus") if record.passed else _("belum lulus")
    return _("Pemeriksaan ulang %(when)s: %(verdict)s (%(summary)s)") % {
        "when": _when(record.finished_at), "verdict": verdict, "summary": record.summary or "—"}


def evidence_actions(request, plan):
    """The "Laksanakan" screen's line: the button to run the check again, and its latest result."""
    check = check_of(plan)
    if check is None:
        return None
    record = latest(plan)
    status = ""
    if record is not None:
        status = format_html('<p class="monitoring-recheck-result" data-passed="{}">{}</p>',
                             "" if record.passed is None else str(record.passed).lower(), result_line(record))
    return format_html(
        '<form method="post" action="{}" class="monitoring-recheck">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button type="submit" class="button button-secondary">{}</button></form>{}',
        reverse("monitoring:recheck", args=[plan.pk]), get_token(request),
        _("Periksa ulang: %(check)s") % {"check": check.label}, status)


def evidence_summary(plan):
    """The line written into the plan's evidence when it is closed: the latest finished re-check."""
    record = Recheck.objects.filter(plan=plan, finished_at__isnull=False).first()
    return result_line(record) if record is not None else None
