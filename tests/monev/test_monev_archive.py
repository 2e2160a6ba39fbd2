"""The monev archive (SOP C step 6), driven through the admin as the Kasubag PTIP and the Sekretaris."""

import datetime
import hashlib
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from monev import pageviews
from monev.models import MonevReport
from tests.support.factories import NewsPageFactory
from tests.support.pdf import pdf_text

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Jakarta")
OCTOBER = {"jenis": "bulan", "tahun": 2026, "ke": 10}


def publish_item(court, users, title, day, views):
    page = NewsPageFactory(parent=court.news_index, title=title, owner=users["admin"],
                           first_published_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=TZ))
    pageviews.add_views(court.site.pk, page.pk, day, views)
    return page


@pytest.fixture
def october(court, users):
    users["admin"].first_name, users["admin"].last_name = "Dewi", "Lestari"
    users["admin"].save()
    for name, first, last in (("kasubag", "Hendra", "Wijaya"), ("sekretaris", "Ratna", "Kusuma")):
        users[name].first_name, users[name].last_name = first, last
        users[name].save()
    return [publish_item(court, users, f"Sidang keliling di desa {i}", datetime.date(2026, 10, 5 + i), 1000 * i)
            for i in range(1, 4)]


def submit_october_report(court, client):
    page = client.get("/admin/monev/laporan/", {"situs": court.site.pk, **OCTOBER}).content.decode()
    match = re.search(r'href="([^"]*/admin/snippets/monev/monevreport/add/[^"]*)"', page)
    assert match, "the report page offers to submit the period for the archive"
    add_url = match.group(1).replace("&amp;", "&")
    form = client.get(add_url).content.decode()
    assert 'value="bulan" selected' in form
    response = client.post(add_url, {
        "site": court.site.pk, "period_kind": "bulan", "period_start": "2026-10-01", "period_end": "",
        "overview": "Situs dan kanal media sosial berjalan baik.",
        "obstacles": "Jaringan kantor sempat terputus dua kali.",
        "follow_up": "Menambah jalur internet cadangan pada triwulan berikutnya.",
        "action-submit": "1",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    return MonevReport.objects.get(site=court.site)


def approve(client, report, action="approve", comment=""):
    task_state = report.current_workflow_task_state
    url = reverse("wagtailsnippets_monev_monevreport:workflow_action", args=[report.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_kasubag_submits_sekretaris_approves_and_the_archive_never_changes(
        court, users, client_as, october, django_capture_on_commit_callbacks, mailoutbox):
    kasubag, sekretaris = client_as("kasubag"), client_as("sekretaris")
    with django_capture_on_commit_callbacks(execute=True):
        report = submit_october_report(court, kasubag)
    assert report.title == "Laporan Monev Oktober 2026"
    assert (report.period_start, report.period_end) == (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
    assert report.workflow_in_progress and not report.live and not report.is_archived
    assert any(users["sekretaris"].email in message.to for message in mailoutbox)

    # The Kasubag cannot archive it himself, not even with a hand-made "publish" request.
    kasubag.post(reverse("wagtailsnippets_monev_monevreport:edit", args=[report.pk]), {
        "site": court.site.pk, "period_kind": "bulan", "period_start": "2026-10-01", "action-publish": "1"})
    report.refresh_from_db()
    assert not report.live and not report.is_archived

    # The Sekretaris reviews the preview (current figures), then approves.
    preview = sekretaris.get(reverse("wagtailsnippets_monev_monevreport:inspect", args=[report.pk])).content.decode()
    assert "Pratinjau dengan angka saat ini" in preview and "6.000" in preview
    assert report.title in sekretaris.get("/admin/").content.decode()  # waiting on the dashboard
    assert approve(sekretaris, report).status_code == 302

    report.refresh_from_db()
    assert report.live and report.is_archived
    assert report.approved_by == users["sekretaris"] and report.submitted_by == users["kasubag"]
    assert report.document.collection.name == "Arsip Monev"
    with report.document.file.open("rb") as fh:
        archived_bytes = fh.read()
    assert hashlib.sha256(archived_bytes).hexdigest() == report.sha256
    assert report.figures["publication"]["total"] == 3 and report.figures["website"]["total"] == 6000
    text = pdf_text(archived_bytes)
    for expected in ("Oktober 2026", "6.000", "Sidang keliling di desa 3", "3.000", "Hendra Wijaya", "Ratna Kusuma",
                     "Jaringan kantor sempat terputus dua kali.", "Disetujui secara elektronik"):
        assert expected in text, expected

    # New data for October arrives after approval: the live report changes, the archive does not.
    publish_item(court, users, "Berita susulan", datetime.date(2026, 10, 30), 500)
    live = kasubag.get("/admin/monev/laporan/", {"situs": court.site.pk, **OCTOBER}).content.decode()
    assert "6.500" in live and "Berita susulan" in live
    assert "Lihat laporan di arsip" in live and "Ajukan untuk diarsipkan" not in live
    archived = sekretaris.get(reverse("wagtailsnippets_monev_monevreport:inspect", args=[report.pk]))
    html = archived.content.decode()
    assert "Berkas cocok dengan yang disetujui." in html and report.sha256 in html
    assert "6.000" in html and "6.500" not in html and "Berita susulan" not in html
    report.refresh_from_db()
    assert report.figures["website"]["total"] == 6000
    with report.document.file.open("rb") as fh:
        assert hashlib.sha256(fh.read()).hexdigest() == report.sha256

    # Archived means read-only, for everyone.
    for client, view in ((kasubag, "edit"), (sekretaris, "unpublish"), (client_as("root"), "delete")):
        response = client.get(reverse(f"wagtailsnippets_monev_monevreport:{view}", args=[report.pk]), follow=True)
        assert "sudah diarsipkan dan tidak dapat diubah" in response.content.decode(), view
    bulk = client_as("root").post(f"/admin/bulk/monev/monevreport/delete/?id={report.pk}", follow=True)
    assert "tidak dapat dihapus" in bulk.content.decode()
    report.refresh_from_db()
    assert report.live and report.is_archived

    # Nor can its PDF be deleted from the documents, though the Kasubag may delete other documents.
    delete_url = reverse("wagtaildocs:delete", args=[report.document.pk])
    assert "mencegahnya dihapus" in kasubag.get(delete_url).content.decode()  # "references prevent deletion"
    kasubag.post(delete_url)
    assert report.document.__class__.objects.filter(pk=report.document.pk).exists()


def test_the_archived_pdf_is_served_only_to_the_monev_roles(court, users, client_as, october):
    report = submit_october_report(court, client_as("kasubag"))
    approve(client_as("sekretaris"), report)
    report.refresh_from_db()
    url = report.document.url
    response = client_as("pranata").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_as("admin").get(url).status_code != 200
    from django.test import Client

    assert Client().get(url).status_code != 200


def test_a_tampered_pdf_is_reported(court, users, client_as, october):
    report = submit_october_report(court, client_as("kasubag"))
    approve(client_as("sekretaris"), report)
    report.refresh_from_db()
    with report.document.file.open("wb") as fh:
        fh.write(b"%PDF-1.7 something else")
    html = client_as("ketua").get(reverse("wagtailsnippets_monev_monevreport:inspect", args=[report.pk]))
    assert "Berkas TIDAK cocok" in html.content.decode()


def test_sekretaris_sends_it_back_and_nothing_is_archived_until_approved(court, users, client_as, october):
    kasubag, sekretaris = client_as("kasubag"), client_as("sekretaris")
    report = submit_october_report(court, kasubag)
    approve(sekretaris, report, action="reject", comment="Tambahkan analisis kendala.")
    report.refresh_from_db()
    assert not report.live and not report.is_archived and report.document is None
    assert report.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    listing = kasubag.get(reverse("wagtailsnippets_monev_monevreport:list")).content.decode()
    assert "Perlu perbaikan" in listing
    # The Kasubag fixes the text and resubmits; the Sekretaris approves the new version.
    response = kasubag.post(reverse("wagtailsnippets_monev_monevreport:edit", args=[report.pk]), {
        "site": court.site.pk, "period_kind": "bulan", "period_start": "2026-10-01",
        "obstacles": "Jaringan terputus; penyebabnya kabel fiber.", "action-submit": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    approve(sekretaris, report)
    report.refresh_from_db()
    assert report.is_archived
    assert "penyebabnya kabel fiber" in pdf_text(report.document.file.open("rb").read())


def test_archive_listing_is_searchable_and_filtered(court, users, client_as, october):
    report = submit_october_report(court, client_as("kasubag"))
    approve(client_as("sekretaris"), report)
    ketua = client_as("ketua")
    url = reverse("wagtailsnippets_monev_monevreport:list")
    assert "Laporan Monev Oktober 2026" in ketua.get(url, {"q": "jaringan"}).content.decode()
    assert "Laporan Monev Oktober 2026" not in ketua.get(url, {"q": "anggaran"}).content.decode()
    assert "Laporan Monev Oktober 2026" in ketua.get(url, {"year": "2026", "period_kind": "bulan"}).content.decode()
    assert "Laporan Monev Oktober 2026" not in ketua.get(url, {"period_kind": "tahun"}).content.decode()
    assert ketua.get(reverse("wagtailsnippets_monev_monevreport:add")).status_code in (302, 403)  # not allowed


@pytest.mark.parametrize("role, allowed", [("admin", False), ("redaktur", False), ("kasubag", True),
                                           ("sekretaris", True), ("ketua", True), ("pranata", True)])
def test_who_sees_the_monev_report(court, client_as, role, allowed):
    client = client_as(role)
    assert (client.get("/admin/monev/laporan/").status_code == 200) is allowed
    assert (client.get("/admin/monev/laporan/unduh/csv/").status_code == 200) is allowed
    menu = client.get("/admin/").content.decode()
    assert ("/admin/monev/laporan/" in menu) is allowed


def test_spreadsheet_exports_carry_the_figures(court, users, client_as, october):
    from openpyxl import load_workbook

    client = client_as("kasubag")
    query = {"situs": court.site.pk, **OCTOBER}
    response = client.get("/admin/monev/laporan/unduh/xlsx/", query)
    assert 'filename="laporan-monev-' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Ringkasan", "Publikasi", "Kepatuhan SOP (Mutu Baku)", "Keterlibatan publik",
                               "Pemantauan website", "Penilaian website", "Rencana tindak lanjut"]
    rows = [row[:3] for row in book["Keterlibatan publik"].iter_rows(values_only=True)]
    assert ("Sidang keliling di desa 3", "/berita/sidang-keliling-di-desa-3/", 3000) in rows
    summary = [row[:4] for row in book["Ringkasan"].iter_rows(values_only=True)]
    assert ("Kunjungan halaman situs", 6000, 0, None) in summary

    csv_text = client.get("/admin/monev/laporan/unduh/csv/", query).content.decode("utf-8-sig")
    assert "\r\n,Tidak tercatat,3\r\n" in csv_text  # published by no one on record (made by a factory)
    assert "Sidang keliling di desa 2,/berita/sidang-keliling-di-desa-2/,2000" in csv_text
