"""SOP A1-A3: the Pranata drafts, the Kasubag proposes, the Sekretaris reviews and the Ketua sets the programme;
every decision point can send it back to the Pranata with a note; only the Ketua's approval publishes it, which
issues the decree. Each step is timed against its Mutu Baku."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from core.onboarding import CourtSpec, add_court
from editorial.models import StepRecord
from editorial.models.standards import PROGRAM_LAKSANA, PROGRAM_SUSUN, PROGRAM_TETAP, PROGRAM_USUL
from editorial.send_back import note_for
from programti.models import CourtProgramWorkflow, Decree, ProgramTI

from .conftest import TITLE, edit_data, program_data

pytestmark = pytest.mark.django_db(transaction=False)


def state_of(program):
    program.refresh_from_db()
    return program.current_workflow_state.current_task_state


def act(client, program, action, comment=""):
    state = state_of(program)
    url = reverse("programti_programs:workflow_action", args=[program.pk, action, state.pk])
    return client.post(url, {"comment": comment})


def submit(client, court, users, program):
    response = client.post(reverse("programti_programs:edit", args=[program.pk]),
                           edit_data(program, **{"action-submit": "Ajukan"}))
    assert response.status_code == 302, response.content.decode()[:4000]


def records(program, step=None):
    rows = StepRecord.objects.filter(object_id=str(program.pk), content_type__model="programti")
    return rows.filter(step=step) if step else rows


def test_every_court_has_the_three_step_workflow(court, users):
    link = CourtProgramWorkflow.objects.get(site=court.site)
    assert link.workflow.name == "Penetapan program TI"
    tasks = [task.specific for task in link.workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [task.name for task in tasks] == ["Usulan Kasubag PTIP", "Telaah Sekretaris", "Penetapan Ketua"]
    assert [[g.name for g in task.groups.all()] for task in tasks] == [["Kasubag PTIP"], ["Sekretaris"], ["Ketua"]]
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                     hostname="pa-contoh.localhost"))
    other = CourtProgramWorkflow.objects.get(site=onboarding.site).workflow
    assert other.name == "Penetapan program TI — PA Contoh"
    assert [task.specific.groups.get().name for task in other.tasks.order_by("workflow_tasks__sort_order")] == [
        "PA Contoh — Kasubag PTIP", "PA Contoh — Sekretaris", "PA Contoh — Ketua"]


def test_send_back_at_each_decision_point_then_set(court, users, client_as, draft_program):
    pranata, program = draft_program
    kasubag, sekretaris, ketua = client_as("kasubag"), client_as("sekretaris"), client_as("ketua")
    assert program.activities.count() == 3 and not program.live
    # A1 runs from the first save.
    drafting = records(program, PROGRAM_SUSUN).get()
    assert (drafting.actor, drafting.is_open, drafting.standard_minutes) == (users["pranata"], True, 120)

    submit(pranata, court, users, program)
    drafting.refresh_from_db()
    assert (drafting.outcome, drafting.is_open) == (StepRecord.SUBMITTED, False)

    # Each of the three decision points sends it back to the Pranata, who fixes and resubmits.
    deciders = [(kasubag, "Kasubag", PROGRAM_USUL, 60), (sekretaris, "Sekretaris", PROGRAM_USUL, 60),
                (ketua, "Ketua", PROGRAM_TETAP, 30)]
    for index, (client, who, step, minutes) in enumerate(deciders):
        # the decision points before it approve
        advance_to(program, index, [decider[0] for decider in deciders])
        review = StepRecord.objects.get(task_state=state_of(program))
        assert (review.step, review.standard_minutes, review.is_open) == (step, minutes, True)
        # Someone else (not of that task's group) cannot decide; the Pranata cannot publish.
        other = kasubag if client is not kasubag else sekretaris
        before = state_of(program)
        refused = act(other, program, "reject", "x")
        assert refused.status_code in (302, 403, 404) and refused.get("Location", "/admin/") == "/admin/"
        assert state_of(program) == before and before.status == before.STATUS_IN_PROGRESS
        note = f"Perbaiki anggaran ({who})."
        assert act(client, program, "reject", note).status_code == 302
        program.refresh_from_db()
        assert program.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert note_for(program).comment == note and not program.live
        review.refresh_from_db()
        assert (review.outcome, review.actor) == (StepRecord.REJECTED, users[client_name(client, users, who)])
        fixing = records(program, step).filter(task_state__isnull=True, finished_at__isnull=True).get()
        assert fixing.returned and fixing.actor == users["pranata"]
        # The Pranata fixes and resubmits: back to the decision point that sent it back.
        response = pranata.post(reverse("programti_programs:edit", args=[program.pk]),
                                edit_data(program, **{"action-submit": "Ajukan ulang"}))
        assert response.status_code == 302, response.content.decode()[:3000]
        fixing.refresh_from_db()
        assert (fixing.outcome, fixing.is_open) == (StepRecord.SUBMITTED, False)
        program.refresh_from_db()
        assert program.workflow_in_progress and not program.live

    # Resubmitted to the Ketua, who approves: only that approval publishes and issues the decree.
    assert not program.live and not Decree.objects.exists()
    assert task_index(program) == 2
    assert act(ketua, program, "approve").status_code == 302
    program.refresh_from_db()
    assert program.live and not program.workflow_in_progress
    decree = Decree.objects.get(program=program)
    assert decree.number == "1/KPN.UJI/SK/TI/2026" or decree.number.startswith("1/KPN.")
    assert decree.issued_by == users["ketua"]
    # A4 opens for every activity, waiting on its person responsible.
    laksana = StepRecord.objects.filter(step=PROGRAM_LAKSANA, finished_at__isnull=True)
    assert sorted(record.actor.username for record in laksana) == ["kasubag", "pranata", "pranata"]
    assert program.activities.count() == 3
    # Every decision was timed: 3 sends-back + final pass.
    finished = records(program).filter(task_state__isnull=False)
    assert finished.filter(step=PROGRAM_TETAP, outcome=StepRecord.APPROVED).count() == 1
    assert finished.filter(step=PROGRAM_USUL, outcome=StepRecord.REJECTED).count() == 2
    assert finished.filter(step=PROGRAM_TETAP, outcome=StepRecord.REJECTED).count() == 1
    assert all(record.working_seconds is not None for record in records(program).exclude(finished_at=None))


def task_index(program):
    state = state_of(program)
    workflow = program.current_workflow_state.workflow
    return [task.pk for task in workflow.tasks.order_by("workflow_tasks__sort_order")].index(state.task_id)


def advance_to(program, index, clients):
    """Approve with each current decision point's client until the programme waits at decision point `index`."""
    while task_index(program) < index:
        assert act(clients[task_index(program)], program, "approve").status_code == 302


def client_name(client, users, who):
    return {"Kasubag": "kasubag", "Sekretaris": "sekretaris", "Ketua": "ketua"}[who]


def test_only_the_workflow_publishes(court, users, client_as, draft_program):
    pranata, program = draft_program
    for name in ("pranata", "kasubag", "sekretaris", "ketua"):
        client_as(name).post(reverse("programti_programs:edit", args=[program.pk]),
                             edit_data(program, **{"action-publish": "Terbitkan"}))
        program.refresh_from_db()
        assert not program.live, name
    assert not Decree.objects.exists()


def test_person_responsible_must_work_at_the_court(court, users, client_as):
    from tests.support.factories import UserFactory

    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    stranger = UserFactory(username="pranata-pa", groups=["PA Contoh — Pranata Komputer"])
    data = program_data(court, users)
    data["activities-0-responsible"] = stranger.pk
    response = client_as("pranata").post(reverse("programti_programs:add"), data)
    assert response.status_code == 200
    assert not ProgramTI.objects.filter(title=TITLE).exists()
    form = client_as("pranata").get(reverse("programti_programs:add")).content.decode()
    assert "pranata-pa" not in form
