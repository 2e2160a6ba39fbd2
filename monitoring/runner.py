"""Running every registered check for one court and keeping what they found."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import alerts, checks
from .models import KRITIS, CheckRun, Finding, MonitoringSettings

logger = logging.getLogger(__name__)


def run(site, trigger=CheckRun.SCHEDULED, user=None):
    """Run the checks for the court's site; the CheckRun with its findings."""
    settings = MonitoringSettings.for_site(site)
    ctx = checks.Context(site, settings)
    results = []
    try:
        for check in checks.REGISTRY.values():
            try:
                found = list(check.func(ctx))
            except Exception as exc:  # one broken check must not stop the others; it is a finding itself
                logger.exception("monitoring check %s failed for %s", check.key, site)
                found = [checks.Result(KRITIS, _("Pemeriksaan «%(check)s» gagal dijalankan (%(error)s)") % {
                    "check": check.label, "error": exc.__class__.__name__},
                    _("Tanpa pemeriksaan ini, masalah di bagian itu tidak terlihat."),
                    _("Laporkan ke Pranata Komputer; rinciannya ada di log server."))]
            results += [(check, result) for result in found]
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
