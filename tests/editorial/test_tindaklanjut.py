"""Follow-up plans (SOP B6-B7): the court's approval workflow, the add view's prefill, the walls between
courts, the assignee's closing with evidence and the report querysets."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from core.onboarding import CourtSpec, add_court
from editorial.send_back import note_for
from editorial.tindaklanjut.models import CourtPlanWorkflow, FollowUpPlan
from tests.conftest import ROLE_USERS
from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=False)


def form_data(court, assignee, **extra):
    data = {"court": court.site.pk, "title": "Perbaiki tautan rusak", "finding": "Tautan /berita/x rusak",
            "source_label": "Pemantauan website", "source_url": "/admin/pemantauan/1/",
            "assignee": assignee.pk, "due_date": "2026-12-20", "priority": "tinggi"}
    data.update(extra)
    return data


def submit_plan(client, court, assignee):
    response = client.post(reverse("tindaklanjut_plans:add"), {**form_data(court, assignee),
                                                                "action-submit": "Kirim"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return FollowUpPlan.objects.get(title="Perbaiki tautan rusak")


def task_state(plan):
    return plan.current_workflow_state.current_task_state


def test_every_court_has_the_approval_workflow(court, users):
    link = CourtPlanWorkflow.objects.get(site=court.site)
    assert link.workflow.name == "Persetujuan rencana tindak lanjut"
    task = link.workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Sekretaris"]
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                     hostname="pa-contoh.localhost"))
    other = CourtPlanWorkflow.objects.get(site=onboarding.site)
    assert other.workflow.name == "Persetujuan rencana tindak lanjut — PA Contoh"
    assert [group.name for group in other.workflow.tasks.get().specific.groups.all()] == [
        "PA Contoh — Sekretaris"]


def test_add_view_prefills_as_text(court, users, client_as):
    response = client_as("kasubag").get(reverse("tindaklanjut_plans:add"), {
        "court": court.site.pk, "title": "<script>alert(1)</script>", "finding": "Halaman lambat",
        "source_label": "Pemantauan", "source_url": "javascript:alert(2)"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Halaman lambat" in html


def test_approval_journey_with_send_back(court, users, client_as, django_capture_on_commit_callbacks):
    kasubag, sekretaris, pranata = client_as("kasubag"), client_as("sekretaris"), client_as("pranata")
    users["pranata"].email = "pranata@example.test"
    users["pranata"].save()
    with django_capture_on_commit_callbacks(execute=True):
        plan = submit_plan(kasubag, court, users["pranata"])
    assert plan.workflow_in_progress and not plan.live
    assert [users["sekretaris"].email] in [message.to for message in mail.outbox]

    # A Redaktur cannot approve; the Sekretaris sends it back with a note.
    state = task_state(plan)
    url = reverse("tindaklanjut_plans:workflow_action", args=[plan.pk, "reject", state.pk])
    assert client_as("redaktur").post(url, {"comment": "x"}).status_code in (403, 404)
    response = sekretaris.post(url, {"comment": "Tenggat terlalu lama."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert note_for(plan).comment == "Tenggat terlalu lama."

    # The Kasubag fixes and resubmits; the Sekretaris approves; the plan is approved for the assignee.
    response = kasubag.post(reverse("tindaklanjut_plans:edit", args=[plan.pk]),
                            {**form_data(court, users["pranata"], due_date="2026-12-10"), "action-submit": "Kirim"})
    assert response.status_code == 302
    state = task_state(plan)
    with django_capture_on_commit_callbacks(execute=True):
        response = sekretaris.post(reverse("tindaklanjut_plans:workflow_action",
                                           args=[plan.pk, "approve", state.pk]), {"comment": ""})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.live and plan.status == FollowUpPlan.DISETUJUI
    assert plan.due_date == datetime.date(2026, 12, 10)
    assert any(message.to == ["pranata@example.test"] and "disetujui" in message.subject for message in mail.outbox)

    # Only the assignee carries it out, with evidence text and a file.
    carry = reverse("tindaklanjut_carry_out", args=[plan.pk])
    assert kasubag.get(carry).status_code in (302, 403)
    page = pranata.get(carry)
    assert "Laksanakan rencana tindak lanjut" in page.content.decode()
    bad = pranata.post(carry, {"evidence": "Sudah", "files": SimpleUploadedFile("bukti.exe", b"MZ")})
    assert bad.status_code == 200 and FollowUpPlan.objects.get(pk=plan.pk).status == FollowUpPlan.DISETUJUI
    response = pranata.post(carry, {"evidence": "Tautan diperbaiki.",
                                    "files": SimpleUploadedFile("bukti.txt", b"tautan sudah benar\n")})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == FollowUpPlan.SELESAI and plan.closed_by == users["pranata"]
    assert plan.evidence_documents.get().title.startswith("Bukti:")
    listing = kasubag.get(reverse("tindaklanjut_plans:list")).content.decode()
    assert "Selesai" in listing


def test_other_court_sees_nothing(court, users, client_as):
    plan = submit_plan(client_as("kasubag"), court, users["pranata"])
    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    from django.test import Client
    for name, role in ROLE_USERS.items():
        client = Client()
        client.force_login(UserFactory(username=f"{name}-pa", groups=["PA Contoh — " + role]))
        listing = client.get(reverse("tindaklanjut_plans:list"))
        assert listing.status_code in (200, 302, 403)
        assert "Perbaiki tautan rusak" not in listing.content.decode()
        for view in ("edit", "history", "workflow_history", "inspect", "usage"):
            try:
                url = reverse(f"tindaklanjut_plans:{view}", args=[plan.pk])
            except Exception:
                continue
            assert client.get(url).status_code in (302, 403, 404), (name, view)
        assert client.get(reverse("tindaklanjut_carry_out", args=[plan.pk])).status_code == 404
        add = client.get(reverse("tindaklanjut_plans:add"), {"court": court.site.pk, "title": "x"})
        if add.status_code == 200:
            assert f'value="{court.site.pk}" selected' not in add.content.decode()


def test_querysets_period_and_overdue(court, users):
    def plan(title, created, due, status=""):
        return FollowUpPlan.objects.create(court=court.site, title=title, assignee=users["pranata"],
                                           due_date=due, status=status,
                                           created_at=timezone.make_aware(datetime.datetime(*created)))
    plan("a", (2026, 11, 3, 9), datetime.date(2026, 11, 10))
    plan("b", (2026, 11, 20, 9), datetime.date(2026, 11, 25), FollowUpPlan.SELESAI)
    plan("c", (2026, 12, 2, 9), datetime.date(2026, 12, 30), FollowUpPlan.DISETUJUI)
    in_nov = FollowUpPlan.objects.in_period(court.site, datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert sorted(p.title for p in in_nov) == ["a", "b"]
    overdue = FollowUpPlan.objects.overdue(court.site, datetime.date(2026, 12, 5))
    assert [p.title for p in overdue] == ["a"]
    from editorial.tindaklanjut.queries import overdue_plans, plans_in_period
    assert [p.title for p in overdue_plans(court.site, datetime.date(2026, 12, 31))] == ["a", "c"]
    assert plans_in_period(court.site, datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)).get().title == "c"


def test_steps_timed_against_mutu_baku_and_listed_in_my_tasks(court, users, client_as):
    """SOP B6 (the Sekretaris's approval) and B7 (carrying out) are step records like the editorial steps,
    measured against the Mutu Baku rows B6 and B7, and each shows in the "Tugas saya" of whoever it waits on."""
    from editorial.models import StepRecord
    from editorial.models.standards import RENCANA_TL, TINDAK_LANJUT

    kasubag, sekretaris, pranata = client_as("kasubag"), client_as("sekretaris"), client_as("pranata")
    plan = submit_plan(kasubag, court, users["pranata"])
    records = StepRecord.objects.filter(object_id=str(plan.pk), page__isnull=True)
    review = records.get()
    assert (review.step, review.site, review.standard_minutes, review.is_open) == (RENCANA_TL, court.site, 60, True)
    assert review.task_state_id == task_state(plan).pk

    # The Sekretaris sees it with the workflow's buttons, not a second time among the steps waiting on them
    # (once more only in the team's open work, which the Sekretaris reads as a monev reader).
    dashboard = sekretaris.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-workflow-action-url" in dashboard
    assert dashboard.count(f'data-step-record="{review.pk}"') == 1

    # Publishing is the workflow's: the Sekretaris's "Publish" on the editor does nothing.
    response = sekretaris.post(reverse("tindaklanjut_plans:edit", args=[plan.pk]),
                               {**form_data(court, users["pranata"]), "action-publish": "Terbitkan"})
    plan.refresh_from_db()
    assert not plan.live and plan.status == ""
    assert response.status_code in (200, 302, 403)

    state = task_state(plan)
    sekretaris.post(reverse("tindaklanjut_plans:workflow_action", args=[plan.pk, "approve", state.pk]),
                    {"comment": ""})
    review.refresh_from_db()
    assert (review.outcome, review.actor, review.is_open) == (StepRecord.APPROVED, users["sekretaris"], False)
    assert review.working_seconds is not None
    carrying = records.get(step=TINDAK_LANJUT)
    assert (carrying.actor, carrying.standard_minutes, carrying.is_open) == (users["pranata"], 30, True)

    # The assignee's "Tugas saya" lists it, linked to the Laksanakan screen.
    carry = reverse("tindaklanjut_carry_out", args=[plan.pk])
    dashboard = pranata.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{carry}">Perbaiki tautan rusak</a>' in dashboard
    assert "Melaksanakan tindak lanjut" in dashboard

    pranata.post(carry, {"evidence": "Tautan diperbaiki."})
    carrying.refresh_from_db()
    assert (carrying.outcome, carrying.is_open) == (StepRecord.DONE, False)
    assert f'href="{carry}"' not in pranata.get(reverse("wagtailadmin_home")).content.decode()

    # The step report lists both steps, the plan's title linked where the step is done.
    report = kasubag.get(reverse("editorial_step_report"), {"step": RENCANA_TL}).content.decode()
    assert "Persetujuan rencana tindak lanjut (Sekretaris)" in report
    assert reverse("tindaklanjut_plans:edit", args=[plan.pk]) in report


def test_overdue_plans_on_the_assignees_and_the_kasubags_dashboard(court, users, client_as):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    plan = FollowUpPlan.objects.create(court=court.site, title="Ganti sertifikat TLS", assignee=users["pranata"],
                                       due_date=yesterday, status=FollowUpPlan.DISETUJUI)
    FollowUpPlan.objects.create(court=court.site, title="Sudah beres", assignee=users["pranata"],
                                due_date=yesterday, status=FollowUpPlan.SELESAI)
    heading = "Rencana tindak lanjut lewat tenggat"
    pranata = client_as("pranata").get(reverse("wagtailadmin_home")).content.decode()
    assert heading in pranata and "Sudah beres" not in pranata
    assert f'href="{reverse("tindaklanjut_carry_out", args=[plan.pk])}">Ganti sertifikat TLS' in pranata
    kasubag = client_as("kasubag").get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{reverse("tindaklanjut_plans:edit", args=[plan.pk])}">Ganti sertifikat TLS' in kasubag
    assert heading not in client_as("admin").get(reverse("wagtailadmin_home")).content.decode()


def test_a_plan_is_timed_by_the_procedure_its_finding_came_from(court, users):
    """A maintenance finding's plan is timed against SOP D5-D6, the website's against B6-B7."""
    from editorial import durations
    from editorial.models.standards import RENCANA_TL, TINDAK_LANJUT

    website = FollowUpPlan(court=court.site, title="a", source_ref="monitoring:header_keamanan")
    maintenance = FollowUpPlan(court=court.site, title="b", source_ref="pemeliharaan:perintah:4")
    programme = FollowUpPlan(court=court.site, title="c", source_ref="programti:kegiatan:2")
    assert [durations.standard_minutes(RENCANA_TL, plan) for plan in (website, maintenance, programme)] == [60, 60, 0]
    assert [durations.standard_minutes(TINDAK_LANJUT, plan) for plan in (website, maintenance, programme)] == [
        30, 120, 60]


def test_the_plan_form_offers_only_the_users_courts_and_their_people(court, users, client_as):
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                     hostname="pa-contoh.localhost"))
    outsider = UserFactory(username="pa-admin", groups=["PA Contoh — Admin"])
    kasubag = client_as("kasubag")
    form = kasubag.get(reverse("tindaklanjut_plans:add")).content.decode()

    def options(name):
        select = form[form.index(f'id="id_{name}"'):]
        return select[:select.index("</select>")]

    assert "PA Contoh" not in options("court") and "PN Uji" in options("court")
    assert "pa-admin" not in options("assignee") and "pranata" in options("assignee")
    response = kasubag.post(reverse("tindaklanjut_plans:add"), {
        **form_data(court, users["pranata"]), "court": onboarding.site.pk, "action-submit": "Kirim"})
    assert response.status_code == 200 and not FollowUpPlan.objects.exists()
    response = kasubag.post(reverse("tindaklanjut_plans:add"), {
        **form_data(court, outsider), "action-submit": "Kirim"})
    assert response.status_code == 200 and not FollowUpPlan.objects.exists()
