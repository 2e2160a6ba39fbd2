"""Running every registered check for one court and keeping what they found."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import alerts, checks
from .models import BAIK, KRITIS, CheckRun, Finding, MonitoringSettings

logger = logging.getLogger(__name__)


def _results(check, ctx):
    try:
        return list(check.func(ctx))
    except Exception as exc:  # one broken check must not stop the others; it is a finding itself
        logger.exception("monitoring check %s failed for %s", check.key, ctx.site)
        return [checks.Result(KRITIS, _("Pemeriksaan «%(check)s» gagal dijalankan (%(error)s)") % {
            "check": check.label, "error": exc.__class__.__name__},
            _("Tanpa pemeriksaan ini, masalah di bagian itu tidak terlihat."),
            _("Laporkan ke Pranata Komputer; rinciannya ada di log server."))]


def run(site, trigger=CheckRun.SCHEDULED, user=None):
    """Run the checks for the court's site; the CheckRun with its findings."""
    settings = MonitoringSettings.for_site(site)
    ctx = checks.Context(site, settings)
    results = []
    try:
        for check in checks.REGISTRY.values():
            results += [(check, result) for result in _results(check, ctx)]
    finally:
        ctx.close()
    with transaction.atomic():
        record = CheckRun.objects.create(site=site, trigger=trigger, started_by=user)
        Finding.objects.bulk_create(
            Finding(run=record, check_key=check.key, group=check.group, severity=result.severity,
                    title=result.title[:300], why=result.why, how_to_fix=result.how_to_fix,
                    target=result.target[:500], detail=result.detail)
            for check, result in results)
        record.finished_at = timezone.now()
        record.save(update_fields=["finished_at"])
    alerts.record_changes(record)
    return record


def recheck(record):
    """Run the one check of a Recheck for its plan's court: it passes when nothing it finds is worse than good.
    Not a CheckRun: the court's history and alerts stay those of the full runs."""
    check = checks.REGISTRY.get(record.check_key)
    site = record.plan.court
    if check is None:
        found = []
    else:
        ctx = checks.Context(site, MonitoringSettings.for_site(site))
        try:
            found = _results(check, ctx)
        finally:
            ctx.close()
    bad = [result for result in found if result.severity != BAIK]
    record.passed = check is not None and not bad
    record.summary = "; ".join(result.title for result in (bad or found))[:2000]
    record.finished_at = timezone.now()
    record.save(update_fields=["passed", "summary", "finished_at"])
    return record
