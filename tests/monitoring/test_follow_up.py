"""A finding becomes a follow-up plan (prefilled from the finding), is approved by the Sekretaris, and its assignee
re-runs the finding's check as evidence before closing it: failing while the server is still broken, passing
once it is fixed, the result written into the plan's evidence."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from editorial.tindaklanjut.models import FollowUpPlan
from monitoring import runner
from monitoring.models import MonitoringSettings, Recheck
from tests.support.site_server import SiteServer


@pytest.fixture
def broken_headers(court, settings):
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    with SiteServer() as server:
        server.drop_headers = {"Content-Security-Policy"}
        config = MonitoringSettings.for_site(court.site)
        config.public_url = server.url
        config.save()
        yield server


def test_finding_to_plan_to_recheck_to_closed(court, users, client_as, broken_headers):
    run = runner.run(court.site)
    finding = run.findings.get(check_key="header_keamanan", title="Header Content-Security-Policy tidak ada")
    kasubag, sekretaris, pranata = client_as("kasubag"), client_as("sekretaris"), client_as("pranata")

    # The screen links the finding to a prefilled plan: its text, where it came from, and which check it was.
    screen = kasubag.get(reverse("monitoring:index")).content.decode()
    start = screen.index(reverse("tindaklanjut_plans:add"), screen.index(finding.title))
    link = screen[start:screen.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["source_ref"] == ["monitoring:header_keamanan"]
    assert query["finding"][0].startswith("Disarankan: Header Content-Security-Policy tidak ada")
    form = kasubag.get(link).content.decode()
    assert "Pasang header" in form or finding.how_to_fix[:30] in form

    response = kasubag.post(link, {
        "court": court.site.pk, "title": query["title"][0], "finding": query["finding"][0],
        "source_label": query["source_label"][0], "source_url": query["source_url"][0],
        "assignee": users["pranata"].pk, "due_date": "2026-12-20", "priority": "sedang", "action-submit": "Kirim"})
    assert response.status_code == 302
    plan = FollowUpPlan.objects.get()
    assert plan.source_ref == "monitoring:header_keamanan" and plan.finding.startswith("Disarankan: Header")
    state = plan.current_workflow_state.current_task_state
    sekretaris.post(reverse("tindaklanjut_plans:workflow_action", args=[plan.pk, "approve", state.pk]),
                    {"comment": ""})
    plan.refresh_from_db()
    assert plan.status == FollowUpPlan.DISETUJUI

    carry = reverse("tindaklanjut_carry_out", args=[plan.pk])
    recheck = reverse("monitoring:recheck", args=[plan.pk])
    page = pranata.get(carry).content.decode()
    assert "Periksa ulang: Header keamanan" in page and f'action="{recheck}"' in page

    # Only the assignee may re-run it.
    assert kasubag.post(recheck).status_code in (302, 403)
    assert not Recheck.objects.exists()

    pranata.post(recheck)  # the server still lacks the header
    first = Recheck.objects.get()
    assert first.passed is False and "Content-Security-Policy tidak ada" in first.summary
    assert "belum lulus" in pranata.get(carry).content.decode()

    broken_headers.drop_headers = set()  # fixed
    pranata.post(recheck)
    assert Recheck.objects.first().passed is True
    assert 'data-passed="true"' in pranata.get(carry).content.decode()

    response = pranata.post(carry, {"evidence": "Header CSP dipasang di nginx."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == FollowUpPlan.SELESAI
    assert plan.evidence.startswith("Header CSP dipasang di nginx.\n\nPemeriksaan ulang ")
    assert ": lulus (" in plan.evidence


def test_a_plan_without_a_check_has_no_recheck(court, users, client_as):
    plan = FollowUpPlan.objects.create(court=court.site, title="Perbarui DIPA", assignee=users["pranata"],
                                       status=FollowUpPlan.DISETUJUI, source_ref="monitoring:tidak_ada")
    pranata = client_as("pranata")
    assert "Periksa ulang" not in pranata.get(reverse("tindaklanjut_carry_out", args=[plan.pk])).content.decode()
    pranata.post(reverse("monitoring:recheck", args=[plan.pk]))
    assert not Recheck.objects.exists()
