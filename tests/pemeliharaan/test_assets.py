"""The IT asset register (SOP D): per-court permissions, the walls between two courts, the spreadsheet import
(all rows or none, files judged by content), the expiry warnings and the QR label sheet."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.onboarding import CourtSpec, add_court
from pemeliharaan.importing import import_assets
from pemeliharaan.models import Asset
from pemeliharaan.panels import ExpiringAssetsPanel
from pemeliharaan.permissions import asset_courts
from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=False)

HEADER = ["Kode", "Nama", "Jenis", "Lokasi", "Pemegang", "Tanggal pembelian", "Garansi sampai", "Lisensi sampai",
          "Catatan"]


def xlsx(rows, name="aset.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def csv_file(text, name="aset.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def other_court(court, users):
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                     hostname="pa-contoh.localhost"))
    pranata = UserFactory(username="pranata-pa", groups=["PA Contoh — Pranata Komputer"])
    return type("Other", (), {"site": onboarding.site, "pranata": pranata})


def test_roles_hold_the_register_on_their_own_court(court, users):
    for name in ("pranata", "kasubag"):
        for action in ("view", "add", "change"):
            assert list(asset_courts(users[name], action)) == [court.site], (name, action)
    for name in ("sekretaris", "ketua"):
        assert list(asset_courts(users[name], "view")) == [court.site]
        assert not asset_courts(users[name], "add").exists()
    assert not asset_courts(users["redaktur"], "view").exists()


def test_a_good_xlsx_creates_every_row(court, users):
    upload = xlsx([HEADER,
                   ["PC-01", "Komputer meja PTSP", "Perangkat keras", "Ruang PTSP", "pranata",
                    datetime.datetime(2024, 1, 15), datetime.datetime(2027, 1, 15), None, ""],
                   ["LIS-01", "Lisensi antivirus", "perangkat lunak", "", "", "2025-02-01", "", "31/12/2026", "50 PC"],
                   ["WEB-01", "Hosting website", "Hosting website", "Pusat data", "", "", "", "2027-06-30", ""]])
    created, errors = import_assets(upload, court.site)
    assert errors == []
    assert [asset.code for asset in Asset.objects.order_by("code")] == ["LIS-01", "PC-01", "WEB-01"]
    pc = Asset.objects.get(code="PC-01")
    assert pc.kind == Asset.HARDWARE and pc.holder == users["pranata"] and pc.court == court.site
    assert pc.purchase_date == datetime.date(2024, 1, 15) and pc.warranty_until == datetime.date(2027, 1, 15)
    lis = Asset.objects.get(code="LIS-01")
    assert lis.kind == Asset.SOFTWARE and lis.licence_until == datetime.date(2026, 12, 31) and lis.notes == "50 PC"
    assert Asset.objects.get(code="WEB-01").kind == Asset.HOSTING


def test_a_good_csv_with_semicolons_imports_too(court, users):
    upload = csv_file("kode;nama;jenis;lokasi\nSW-01;Switch lantai 1;jaringan;Ruang server\n")
    created, errors = import_assets(upload, court.site)
    assert errors == [] and Asset.objects.get().kind == Asset.NETWORK


def test_one_bad_row_creates_nothing_and_every_bad_row_is_named(court, users, client_as):
    Asset.objects.create(court=court.site, code="PC-09", name="Sudah ada", kind=Asset.HARDWARE)
    upload = xlsx([HEADER,
                   ["PC-01", "Komputer", "Perangkat keras", "", "", "", "", "", ""],
                   ["PC-02", "", "mesin", "", "", "", "", "", ""],
                   ["PC-01", "Kembar", "Jaringan", "", "orang-asing", "kemarin", "", "", ""],
                   ["PC-09", "Printer", "Perangkat keras", "", "", "", "", "", ""]])
    response = client_as("pranata").post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Baris 3: kolom &quot;nama&quot; kosong; jenis &quot;mesin&quot; tidak dikenal" in html
    assert "Baris 4: kode PC-01 sudah dipakai di baris 2" in html
    assert "pemegang &quot;orang-asing&quot; bukan nama pengguna pegawai pengadilan ini" in html
    assert "tanggal pembelian &quot;kemarin&quot; bukan tanggal" in html
    assert "Baris 5: kode PC-09 sudah terdaftar" in html
    assert "Baris 2" not in html
    assert list(Asset.objects.values_list("code", flat=True)) == ["PC-09"]


def test_a_renamed_non_spreadsheet_is_refused(court, users, client_as):
    client = client_as("pranata")
    fake = SimpleUploadedFile("aset.xlsx", b"kode,nama,jenis\nPC-01,Komputer,jaringan\n")
    response = client.post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": fake})
    assert response.status_code == 200
    assert "tidak sesuai dengan namanya" in response.content.decode()
    png = SimpleUploadedFile("aset.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = client.post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": png})
    assert "tidak sesuai dengan namanya" in response.content.decode()
    other = SimpleUploadedFile("aset.pdf", b"%PDF-1.4 x")
    response = client.post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": other})
    assert "Hanya berkas .xlsx atau .csv" in response.content.decode()
    assert not Asset.objects.exists()


def test_a_good_import_through_the_screen_redirects_to_the_list(court, users, client_as):
    client = client_as("kasubag")
    upload = csv_file("kode,nama,jenis\nPC-01,Komputer,perangkat keras\n")
    response = client.post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": upload})
    assert response.status_code == 302 and response["Location"] == reverse("pemeliharaan_aset:list")
    assert Asset.objects.get().court == court.site
    assert client_as("sekretaris").get(reverse("pemeliharaan_import")).status_code in (302, 403)


def test_walls_between_two_courts(court, users, client_as, other_court):
    mine = Asset.objects.create(court=court.site, code="PC-A", name="RAHASIA-A", kind=Asset.HARDWARE)
    theirs = Asset.objects.create(court=other_court.site, code="PC-B", name="RAHASIA-B", kind=Asset.HARDWARE)
    from django.test import Client

    client_b = Client()
    client_b.force_login(other_court.pranata)
    listing = client_b.get(reverse("pemeliharaan_aset:list")).content.decode()
    assert "RAHASIA-B" in listing and "RAHASIA-A" not in listing
    for name in ("edit", "delete", "history", "usage"):
        assert client_b.get(reverse(f"pemeliharaan_aset:{name}", args=[mine.pk])).status_code == 404, name
    assert client_b.get(reverse("pemeliharaan_aset:edit", args=[theirs.pk])).status_code == 200
    # The label sheet and the import only ever show or write the user's own court, whatever the querystring says.
    labels = client_b.get(reverse("pemeliharaan_labels"), {"situs": court.site.pk})
    assert labels.status_code == 200 and labels["Content-Type"] == "application/pdf"
    upload = csv_file("kode,nama,jenis\nPC-C,Komputer,jaringan\n")
    client_b.post(reverse("pemeliharaan_import"), {"situs": court.site.pk, "file": upload})
    assert Asset.objects.get(code="PC-C").court == other_court.site
    # Adding through the form: the other court is not a choice.
    response = client_b.post(reverse("pemeliharaan_aset:add"), {"court": court.site.pk, "code": "PC-D",
                                                                 "name": "Coba", "kind": Asset.HARDWARE})
    assert response.status_code == 200 and not Asset.objects.filter(code="PC-D").exists()
    pranata_a = client_as("pranata").get(reverse("pemeliharaan_aset:list")).content.decode()
    assert "RAHASIA-A" in pranata_a and "RAHASIA-B" not in pranata_a


def test_expiring_warranties_and_licences_warn(court, users):
    on = datetime.date(2026, 12, 5)
    soon = Asset.objects.create(court=court.site, code="A", name="Garansi habis", kind=Asset.HARDWARE,
                                warranty_until=datetime.date(2027, 1, 4))
    Asset.objects.create(court=court.site, code="B", name="Aman", kind=Asset.HARDWARE,
                         warranty_until=datetime.date(2027, 1, 5), licence_until=datetime.date(2026, 12, 4))
    licence = Asset.objects.create(court=court.site, code="C", name="Lisensi", kind=Asset.SOFTWARE,
                                   licence_until=on)
    assert sorted(a.code for a in Asset.objects.expiring(on)) == ["A", "C"]
    assert [str(label) for label, _day in soon.expiry_warnings(on)] == ["Garansi"]
    assert [str(label) for label, _day in licence.expiry_warnings(on)] == ["Lisensi"]


def test_the_dashboard_panel_and_the_list_show_the_warning(court, users, client_as):
    from django.utils import timezone

    today = timezone.localdate()
    Asset.objects.create(court=court.site, code="A", name="Server", kind=Asset.HARDWARE,
                         warranty_until=today + datetime.timedelta(days=3))
    assert [asset.code for asset in ExpiringAssetsPanel(users["pranata"]).assets()] == ["A"]
    assert [asset.code for asset in ExpiringAssetsPanel(users["kasubag"]).assets()] == ["A"]
    assert ExpiringAssetsPanel(users["ketua"]).assets() == []
    assert "pemeliharaan-expiring" in client_as("pranata").get(reverse("pemeliharaan_aset:list")).content.decode()
    assert "Garansi atau lisensi aset TI segera berakhir" in client_as("kasubag").get(
        reverse("wagtailadmin_home")).content.decode()


def test_the_label_sheet_is_a_pdf(court, users, client_as):
    Asset.objects.create(court=court.site, code="PC-01", name="Komputer", kind=Asset.HARDWARE)
    response = client_as("ketua").get(reverse("pemeliharaan_labels"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client_as("redaktur").get(reverse("pemeliharaan_labels")).status_code in (302, 403)
