"""The decree (SK Teknologi Informasi) printed when the Ketua sets a programme, and the walls between courts."""

import re
import shutil
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import override

from cms.models import CourtSettings
from core.onboarding import CourtSpec, add_court
from programti import decree as decrees
from programti.models import Decree, ProgramTI
from tests.conftest import ROLE_USERS
from tests.support.factories import UserFactory

from .conftest import TITLE, edit_data

pytestmark = pytest.mark.django_db(transaction=False)


def set_by_ketua(program, users, client_as):
    """Submit as the Pranata, then each decision point approves; returns the decree."""
    client_as("pranata").post(reverse("programti_programs:edit", args=[program.pk]),
                              edit_data(program, **{"action-submit": "Ajukan"}))
    for name in ("kasubag", "sekretaris", "ketua"):
        program.refresh_from_db()
        state = program.current_workflow_state.current_task_state
        response = client_as(name).post(
            reverse("programti_programs:workflow_action", args=[program.pk, "approve", state.pk]), {"comment": ""})
        assert response.status_code == 302
    program.refresh_from_db()
    assert program.live
    return Decree.objects.get(program=program)


def pdf_text(document):
    with document.file.open("rb") as fh:
        return pdf_bytes_text(fh.read())


def pdf_bytes_text(data):
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                              check=True).stdout.decode()
    from io import BytesIO

    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_number_format_in_one_place(court):
    settings = CourtSettings.for_site(court.site)
    settings.short_name, settings.court_type = "PN Uji", "PN"
    assert decrees.decree_number(3, settings, 2026) == "3/KPN.UJI/SK/TI/2026"
    settings.short_name, settings.court_type = "PA Contoh", "PA"
    assert decrees.decree_number(1, settings, 2027) == "1/KPA.CONTOH/SK/TI/2027"


def test_the_ketuas_approval_issues_the_decree_pdf(court, users, client_as, draft_program):
    settings = CourtSettings.for_site(court.site)
    settings.court_name, settings.short_name, settings.court_type = "Pengadilan Negeri Uji", "PN Uji", "PN"
    settings.save()
    _pranata, program = draft_program
    decree = set_by_ketua(program, users, client_as)
    assert decree.number == "1/KPN.UJI/SK/TI/2026" and decree.issued_by == users["ketua"]
    document = decree.document
    assert document.title == "Keputusan Ketua Pengadilan Negeri Uji tentang Program Teknologi Informasi Tahun 2026"
    assert document.collection.get_parent() is not None or document.collection.depth == 1
    text = " ".join(pdf_text(document).split())
    with override("id"):
        day = date_format(decree.date, "DATE_FORMAT")
    assert TITLE in text and decree.number in text and day in text
    assert "Pemasangan firewall" in text and "Pengamanan" in text and "25.000.000" in text
    # The programme's list and editor link the decree.
    listing = client_as("pranata").get(reverse("programti_programs:list")).content.decode()
    assert document.url in listing and decree.number in listing
    editor = client_as("pranata").get(reverse("programti_programs:edit", args=[program.pk])).content.decode()
    assert document.url in editor and "Laporkan kemajuan" in editor

    # The next programme of the court that year takes the next number; a republish keeps its decree.
    assert decrees.next_sequence(court.site, 2026) == 2
    program.get_latest_revision().publish()
    assert Decree.objects.filter(program=program).count() == 1


def test_other_court_sees_nothing(court, users, client_as, draft_program):
    _pranata, program = draft_program
    decree = set_by_ketua(program, users, client_as)
    activity = program.activities.first()
    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    for name, role in ROLE_USERS.items():
        client = Client()
        client.force_login(UserFactory(username=f"{name}-pa", groups=["PA Contoh — " + role]))
        listing = client.get(reverse("programti_programs:list"))
        assert listing.status_code in (200, 302, 403)
        assert TITLE not in listing.content.decode() and decree.number not in listing.content.decode()
        for view in ("edit", "history", "workflow_history", "inspect", "usage"):
            try:
                url = reverse(f"programti_programs:{view}", args=[program.pk])
            except Exception:
                continue
            assert client.get(url).status_code in (302, 403, 404), (name, view)
        assert client.get(reverse("programti_report_progress", args=[activity.pk])).status_code in (403, 404)
        add = client.get(reverse("programti_programs:add"))
        if add.status_code == 200:
            select = re.search(r'<select name="court".*?</select>', add.content.decode(), re.S)
            assert select is None or f'value="{court.site.pk}"' not in select.group(0)
    # Court B's Pranata drafts its own programme; court A's people do not see it.
    other = Client()
    other.force_login(UserFactory(username="pranata-pa2", groups=["PA Contoh — Pranata Komputer"]))
    assert ProgramTI.objects.filter(court=court.site).count() == 1
    assert TITLE in client_as("ketua").get(reverse("programti_programs:list")).content.decode()
