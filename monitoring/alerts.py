"""A check turning critical, and recovering, is told once to the court's Kasubag PTIP and Pranata Komputer
by e-mail (the dashboard panel shows the current critical findings at every visit)."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core import roles
from core.courts import people_of

from . import checks
from .models import KRITIS, CheckState

logger = logging.getLogger(__name__)
TOLD = (roles.KASUBAG, roles.PRANATA)


def recipients(site):
    return [user for user in people_of(site).filter(email__gt="").prefetch_related("groups")
            if any(group.name.endswith(TOLD) for group in user.groups.all())]


def record_changes(run):
    """Compare the run's worst severity per check with the state kept; mail what turned critical or recovered."""
    worst = {}
    for finding in run.findings.all():
        rank = {KRITIS: 2, "disarankan": 1}.get(finding.severity, 0)
        if rank >= worst.get(finding.check_key, (-1, None))[0]:
            worst[finding.check_key] = (rank, finding)
    turned, recovered = [], []
    for key, (rank, finding) in worst.items():
        state = CheckState.objects.filter(site=run.site, check_key=key).first()
        was_critical = state is not None and state.severity == KRITIS
        if rank == 2 and not was_critical:
            turned.append(finding)
        elif rank < 2 and was_critical:
            recovered.append(finding)
        if state is None or state.severity != finding.severity:
            CheckState.objects.update_or_create(site=run.site, check_key=key,
                                                defaults={"severity": finding.severity, "since": timezone.now()})
    if turned or recovered:
        tell(run, turned, recovered)
    return turned, recovered


def tell(run, turned, recovered):
    labels = {key: check.label for key, check in checks.REGISTRY.items()}
    subject = (_("Pemantauan website %(court)s: %(count)d masalah kritis") % {
        "court": run.site.site_name or run.site.hostname, "count": len(turned)} if turned else
        _("Pemantauan website %(court)s: pulih") % {"court": run.site.site_name or run.site.hostname})
    body = render_to_string("monitoring/alert.txt", {
        "site": run.site, "turned": turned,
        "recovered": [f"{labels.get(finding.check_key, finding.check_key)}: {finding.title}" for finding in recovered],
        "url": _admin_url(run.site)})
    for person in recipients(run.site):
        try:
            send_mail(subject, body, None, [person.email], fail_silently=False)
        except Exception:  # a mail server down must not lose the run's findings
            logger.exception("monitoring alert to %s failed", person.email)


def _admin_url(site):
    from django.conf import settings
    from django.urls import reverse

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("monitoring:index") + f"?situs={site.pk}"
