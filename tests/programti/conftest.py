import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from programti.models import ProgramTI

TITLE = "Program TI PN Uji 2026"


def edit_data(program, **extra):
    """The edit form's data for a saved programme: its rows with their ids (as the editor posts them)."""
    program = ProgramTI.objects.get(pk=program.pk).get_latest_revision_as_object()
    fields = ("name", "area", "month_start", "month_end", "budget_line", "budget", "indicator")
    rows = [{"id": activity.pk, **{name: getattr(activity, name) if getattr(activity, name) is not None else ""
                                   for name in fields}, "responsible": activity.responsible_id}
            for activity in program.activities.all()]
    data = nested_form_data({
        "court": program.court_id, "title": program.title, "year": program.year, "objectives": program.objectives,
        "activities": inline_formset(rows, initial=len(rows)), "attachments": inline_formset([])})
    data.update(extra)
    return data


def program_data(court, users, title=TITLE, **extra):
    data = nested_form_data({
        "court": court.site.pk, "title": title, "year": 2026,
        "objectives": "Layanan berbasis TI yang andal dan aman.",
        "activities": inline_formset([
            {"name": "Pengembangan aplikasi antrean", "area": "pengembangan", "month_start": 2, "month_end": 5,
             "budget_line": "DIPA 524111", "budget": "15000000", "indicator": "Aplikasi dipakai di PTSP",
             "responsible": users["pranata"].pk},
            {"name": "Pemasangan firewall", "area": "pengamanan", "month_start": 3, "month_end": 3,
             "budget_line": "DIPA 532111", "budget": "25000000", "indicator": "Firewall aktif",
             "responsible": users["pranata"].pk},
            {"name": "Pemantauan jaringan bulanan", "area": "monitoring", "month_start": 1, "month_end": 12,
             "budget_line": "", "budget": "", "indicator": "12 laporan pemantauan",
             "responsible": users["kasubag"].pk},
        ]),
        "attachments": inline_formset([]),
    })
    data.update(extra)
    return data


@pytest.fixture
def draft_program(court, users, client_as):
    """The Pranata's saved draft: (client, programme)."""
    pranata = client_as("pranata")
    response = pranata.post(reverse("programti_programs:add"), program_data(court, users))
    assert response.status_code == 302, response.content.decode()[:4000]
    return pranata, ProgramTI.objects.get(title=TITLE)
