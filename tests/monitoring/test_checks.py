"""The website checks against a court's public server on 127.0.0.1, healthy and broken in each way."""

import pytest
from django.urls import reverse

from cms.templatetags.court_tags import NATIONAL_SERVICES
from monitoring import checks, runner
from monitoring.models import BAIK, DISARANKAN, KRITIS, CheckRun, MonitoringSettings
from tests.support.factories import NewsPageFactory
from tests.support.site_server import SiteServer, make_certificate


@pytest.fixture
def monitored(court, settings):
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    NewsPageFactory(parent=court.news_index, title="Sidang keliling", slug="sidang-keliling")

    def point_at(server, slow_ms=2000):
        # The national services the site links to, on the same local server.
        settings.WARTA_NATIONAL_SERVICE_URLS = {name: f"{server.url}/layanan/{number}/"
                                                for number, (name, _d, _u) in enumerate(NATIONAL_SERVICES)}
        config = MonitoringSettings.for_site(court.site)
        config.public_url, config.slow_ms = server.url, slow_ms
        config.save()
        return court.site

    return point_at


def by_check(run, key):
    return [(finding.severity, finding.title) for finding in run.findings.filter(check_key=key)]


def test_a_healthy_https_site_is_good_everywhere(monitored, settings, tmp_path):
    certfile, keyfile = make_certificate(tmp_path, days=90)
    settings.WARTA_MONITORING_CA_BUNDLE = str(certfile)
    with SiteServer(tls=(certfile, keyfile)) as server:
        run = runner.run(monitored(server))
    assert {severity for severity, _title in by_check(run, "halaman_publik")} == {BAIK}
    assert len(by_check(run, "halaman_publik")) == 4  # home, the newest item, the feed, the sitemap
    assert {"/", "/berita/sidang-keliling/", "/feed/rss/", "/sitemap.xml"} <= set(server.requests)
    assert {severity for severity, _title in by_check(run, "header_keamanan")} == {BAIK}
    ((severity, title),) = by_check(run, "sertifikat_tls")
    assert severity == BAIK and title.startswith("Sertifikat TLS berlaku sampai ")


@pytest.mark.parametrize("days, severity, start", [
    (-3, KRITIS, "Sertifikat TLS sudah kedaluwarsa sejak "),
    (5, KRITIS, "Sertifikat TLS habis dalam 4 hari"),
    (20, DISARANKAN, "Sertifikat TLS habis dalam 19 hari"),
])
def test_expired_and_expiring_certificates(monitored, settings, tmp_path, days, severity, start):
    certfile, keyfile = make_certificate(tmp_path, days=days)
    settings.WARTA_MONITORING_CA_BUNDLE = str(certfile)
    with SiteServer(tls=(certfile, keyfile)) as server:
        run = runner.run(monitored(server))
    ((found_severity, title),) = by_check(run, "sertifikat_tls")
    assert found_severity == severity and title.startswith(start), title
    finding = run.findings.get(check_key="sertifikat_tls")
    assert "peramban menolak" in finding.why and "certbot" in finding.how_to_fix


def test_a_plain_http_site_with_missing_headers_a_failing_and_a_slow_page(monitored):
    with SiteServer() as server:
        server.drop_headers = {"Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"}
        server.statuses["/sitemap.xml"] = 500
        server.delays["/feed/rss/"] = 0.3
        run = runner.run(monitored(server, slow_ms=100))
    pages = dict((title.split(" ")[0], severity) for severity, title in by_check(run, "halaman_publik"))
    assert by_check(run, "sertifikat_tls") == [(KRITIS, "Situs publik tidak memakai HTTPS")]
    titles = dict((title, severity) for severity, title in by_check(run, "halaman_publik"))
    assert titles["Peta situs tidak dapat dibuka (HTTP 500)"] == KRITIS
    assert any(title.startswith("Umpan RSS lambat: ") and severity == DISARANKAN for title, severity in titles.items())
    assert pages["Beranda"] == BAIK
    headers = dict((title, severity) for severity, title in by_check(run, "header_keamanan"))
    assert headers == {
        "Header Strict-Transport-Security ada": BAIK,  # not asked of a plain HTTP site (its own finding)
        "Header Content-Security-Policy tidak ada": DISARANKAN,
        "Header X-Content-Type-Options ada": BAIK,
        "Header Referrer-Policy tidak ada": DISARANKAN,
        "Header X-Frame-Options / frame-ancestors tidak ada": DISARANKAN,
    }


def test_a_site_that_does_not_answer(monitored):
    with SiteServer() as server:
        site = monitored(server)
    run = runner.run(site)  # the server is gone
    assert {severity for severity, _title in by_check(run, "halaman_publik")} == {KRITIS}
    assert "tidak dapat dibuka (ConnectionError)" in by_check(run, "halaman_publik")[0][1]


def test_a_check_that_fails_is_a_finding_and_the_others_run(monitored, monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")
        yield

    monkeypatch.setitem(checks.REGISTRY, "rusak", checks.Check("rusak", "sistem", "Pemeriksaan rusak", broken))
    with SiteServer() as server:
        run = runner.run(monitored(server))
    assert by_check(run, "rusak") == [(KRITIS, "Pemeriksaan «Pemeriksaan rusak» gagal dijalankan (RuntimeError)")]
    assert by_check(run, "halaman_publik")


def test_an_internal_address_is_not_reached_unless_allowed(monitored, settings):
    with SiteServer() as server:
        site = monitored(server)
        settings.WARTA_OUTBOUND_ALLOWED_HOSTS = []
        run = runner.run(site)
    assert server.requests == []
    assert {severity for severity, _title in by_check(run, "halaman_publik")} == {KRITIS}


def test_the_screen_is_walled_per_court_and_runs_on_demand(monitored, client_as, court, django_user_model):
    url = reverse("monitoring:index")
    with SiteServer() as server:
        site = monitored(server)
        kasubag = client_as("kasubag")
        response = kasubag.post(url, {"situs": site.pk})
        assert response.status_code == 302
    run = CheckRun.objects.get(site=site)
    assert run.trigger == CheckRun.MANUAL and run.started_by.username == "kasubag"
    page = kasubag.get(url).content.decode()
    assert "Kritis" in page and "Situs publik tidak memakai HTTPS" in page
    # The Sekretaris reads, but does not run; someone of no court sees nothing.
    sekretaris = client_as("sekretaris")
    assert "Situs publik tidak memakai HTTPS" in sekretaris.get(url).content.decode()
    assert "Jalankan pemeriksaan sekarang" not in sekretaris.get(url).content.decode()
    assert sekretaris.post(url, {"situs": site.pk}).status_code in (302, 403)  # Wagtail: to the dashboard
    assert CheckRun.objects.count() == 1
    outsider = django_user_model.objects.create_user("luar", password="x")
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    from django.test import Client

    other = Client()
    other.force_login(outsider)
    assert other.get(url).status_code in (302, 403)
    assert other.post(url, {"situs": site.pk}).status_code in (302, 403)
    assert CheckRun.objects.count() == 1


# capacity, background processes, software versions, accounts


def only(run, key):
    found = by_check(run, key)
    assert len(found) == 1, found
    return found[0]


def test_a_nearly_full_disk_is_critical_and_growth_tells_the_days_left(monitored, settings, tmp_path):
    import datetime
    import shutil

    from django.utils import timezone

    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "foto.jpg").write_bytes(b"x" * 1_000_000)
    usage = shutil.disk_usage(tmp_path)
    with SiteServer() as server:
        site = monitored(server)
        settings.WARTA_MONITORING_DISK_BYTES = usage.total - usage.free + 1024 ** 3 * 100  # 100 GB free
        first = runner.run(site)
        severity, title = only(first, "ruang_disk")
        assert severity == BAIK and title.startswith("Sisa disk 100,0 GB dari ")
        # A month later the media grew by 30 GB: 100 GB last about a hundred days at that rate.
        CheckRun.objects.filter(pk=first.pk).update(started_at=timezone.now() - datetime.timedelta(days=30))
        finding = first.findings.get(check_key="ruang_disk")
        finding.detail = {**finding.detail, "media_bytes": finding.detail["media_bytes"] - 30 * 1024 ** 3}
        finding.save()
        second = runner.run(site)
        severity, title = only(second, "ruang_disk")
        assert "penuh dalam ±99 hari" in title or "penuh dalam ±100 hari" in title, title
        assert severity == BAIK
        settings.WARTA_MONITORING_DISK_BYTES = usage.total - usage.free + 1024 ** 3  # 1 GB left
        severity, title = only(runner.run(site), "ruang_disk")
    assert severity == KRITIS and title.startswith("Sisa disk 1,0 GB dari "), title


def test_a_stopped_scheduler_and_a_waiting_queue_are_critical(monitored):
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.models import JobRun

    with SiteServer() as server:
        site = monitored(server)
        found = dict((title, severity) for severity, title in by_check(runner.run(site), "proses_latar"))
        assert found["Penjadwal tidak berjalan (terakhir: —)"] == KRITIS
        assert found["Antrean tugas dikerjakan"] == BAIK
        JobRun.objects.create(job="monev_pageviews_flush", slot=timezone.now())
        stale = DBTaskResult.objects.create(task_path="monitoring.tasks.run_checks", queue_name="default",
                                            args_kwargs={"args": [], "kwargs": {}}, backend_name="default",
                                            priority=0)
        DBTaskResult.objects.filter(pk=stale.pk).update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))
        found = dict((title, severity) for severity, title in by_check(runner.run(site), "proses_latar"))
    assert found["Penjadwal berjalan"] == BAIK
    assert found["1 tugas menunggu lebih dari 15 menit: pekerja tugas tidak berjalan"] == KRITIS


def test_versions_against_the_support_window(monitored, monkeypatch):
    import sys

    import django
    import wagtail

    from monitoring.checks import keamanan

    lines = {"python": "{}.{}".format(*sys.version_info[:2]), "django": "{}.{}".format(*django.VERSION[:2]),
             "wagtail": "{}.{}".format(*wagtail.VERSION[:2])}
    monkeypatch.setattr(keamanan, "support_windows", lambda: {
        "python": {lines["python"]: "2020-01-01"}, "django": {lines["django"]: "2099-12-31"}, "wagtail": {}})
    with SiteServer() as server:
        found = by_check(runner.run(monitored(server)), "versi_perangkat_lunak")
    assert (KRITIS, f"Python {lines['python']} tidak lagi menerima perbaikan keamanan sejak 01/01/2020") in found
    assert (BAIK, f"Django {lines['django']} didukung sampai 31/12/2099") in found
    assert (DISARANKAN, f"Wagtail {lines['wagtail']}: akhir dukungan belum tercatat") in found


def test_idle_accounts_accounts_without_two_factor_and_failed_logins(monitored, users):
    from axes.models import AccessFailureLog
    from django.utils import timezone

    users["kasubag"].last_login = timezone.now()
    users["kasubag"].save()
    for _ in range(25):
        AccessFailureLog.objects.create(username="admin", ip_address="10.0.0.9", user_agent="x", path_info="/admin/")
    with SiteServer() as server:
        found = dict((title.split(":")[0], (severity, title)) for severity, title in
                     by_check(runner.run(monitored(server)), "akun_admin"))
    severity, title = found["5 akun tidak masuk lebih dari 90 hari"]
    assert severity == DISARANKAN and "kasubag" not in title and "redaktur" in title
    severity, title = found["6 akun tanpa verifikasi dua langkah"]
    assert severity in (DISARANKAN, KRITIS) and "kasubag" in title
    assert found["25 kali gagal masuk dalam 30 hari"][0] == DISARANKAN


def test_deploy_checks_run(monitored):
    with SiteServer() as server:
        found = by_check(runner.run(monitored(server)), "pemeriksaan_deploy")
    assert found and all(severity in (BAIK, DISARANKAN) for severity, _title in found)


def test_a_check_turning_critical_is_told_once_and_again_when_it_recovers(monitored, users, mailoutbox, client_as):
    from monitoring.models import CheckState

    for name in ("kasubag", "pranata", "admin"):
        users[name].email = f"{name}@pn-uji.go.id"
        users[name].save()
    with SiteServer() as server:
        site = monitored(server)
        server.statuses["/sitemap.xml"] = 500
        runner.run(site)
        assert sorted(m.to[0] for m in mailoutbox) == ["kasubag@pn-uji.go.id", "pranata@pn-uji.go.id"]
        alert = mailoutbox[0]
        assert "masalah kritis" in alert.subject
        assert "Peta situs tidak dapat dibuka (HTTP 500)" in alert.body and "/admin/pemantauan/" in alert.body
        assert CheckState.objects.get(site=site, check_key="halaman_publik").severity == KRITIS
        # On the Kasubag's dashboard while it lasts.
        dashboard = client_as("kasubag").get(reverse("wagtailadmin_home")).content.decode()
        assert "Pemantauan website: temuan kritis" in dashboard and "Peta situs tidak dapat dibuka" in dashboard
        mailoutbox.clear()
        runner.run(site)  # still broken: nothing new to tell
        assert [m for m in mailoutbox if "masalah kritis" in m.subject and "Peta situs" in m.body] == []
        server.statuses.pop("/sitemap.xml")
        mailoutbox.clear()
        runner.run(site)
    recovered = [m for m in mailoutbox if m.subject.endswith(": pulih") or "Sudah pulih" in m.body]
    assert len({m.to[0] for m in recovered}) == 2
    assert "- Halaman publik dapat dibuka: " in recovered[0].body


# data


def test_data_checks_links_services_freshness_alt_text_and_scans(monitored, court, tmp_path):
    import datetime
    import json

    import wagtail_factories
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from wagtail.documents.models import Document

    from cms.models import NewsPage
    from tests.support.factories import NewsPageFactory

    old = timezone.localdate() - datetime.timedelta(days=40)
    for page in court.news_index.get_children().specific():
        page.date = old
        page.save()
    gone = NewsPageFactory(parent=court.news_index, title="Berita yang ditarik", date=old)
    scan = Document.objects.create(title="Putusan hasil pindai", file=ContentFile(_pdf(text=False), name="scan.pdf"))
    typed = Document.objects.create(title="Maklumat pelayanan", file=ContentFile(_pdf(text=True), name="teks.pdf"))
    missing = Document.objects.create(title="Berkas hilang", file=ContentFile(b"%PDF-1.4", name="hilang.pdf"))
    body = [{"type": "paragraph", "value": f'<p>Lihat <a linktype="page" id="{gone.pk}">berita itu</a>.</p>'},
            {"type": "document", "value": {"document": scan.pk, "title": ""}},
            {"type": "document", "value": {"document": typed.pk, "title": ""}},
            {"type": "document", "value": {"document": missing.pk, "title": ""}}]
    linking = NewsPageFactory(parent=court.news_index, title="Berita dengan lampiran", date=old, body=json.dumps(body))
    linking.save_revision().publish()
    # An image without its text, as content imported from before the editor required it has them.
    NewsPage.objects.filter(pk=linking.pk).update(hero_image=wagtail_factories.ImageFactory(), hero_alt="")
    gone.unpublish()
    missing.file.storage.delete(missing.file.name)
    with SiteServer() as server:
        server.statuses["/layanan/2/"] = 503  # SIWAS
        run = runner.run(monitored(server))
    assert only(run, "tautan_internal") == (DISARANKAN, "1 halaman memuat tautan rusak: Berita dengan lampiran")
    services = dict((title, severity) for severity, title in by_check(run, "layanan_standar"))
    assert services["SIWAS tidak dapat dibuka (HTTP 503)"] == DISARANKAN
    assert services["Direktori Putusan dapat dibuka"] == BAIK
    assert only(run, "kesegaran_berita") == (KRITIS, f"Berita terakhir 40 hari lalu ({old:%d/%m/%Y})")
    assert only(run, "teks_alternatif") == (DISARANKAN,
                                             "1 berita dengan gambar tanpa teks alternatif: Berita dengan lampiran")
    assert only(run, "dokumen_pindaian") == (DISARANKAN, "1 dokumen PDF hasil pindai tanpa teks: Putusan hasil pindai")


def _pdf(text):
    """A one-page PDF made by WeasyPrint: with its text, or as an image only (a scan)."""
    from weasyprint import HTML

    if text:
        return HTML(string="<p>Maklumat pelayanan Pengadilan Negeri Uji.</p>").write_pdf()
    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAW"
             "jR9awAAAABJRU5ErkJggg==")
    return HTML(string=f'<img src="{pixel}" style="width:100px">').write_pdf()


# accessibility


CLEAN = ('<!DOCTYPE html><html lang="id"><head><title>Pengadilan Negeri Uji</title></head><body><main>'
         '<h1>Pengadilan Negeri Uji</h1><p>Selamat datang.</p></main></body></html>')


def test_accessibility_runs_axe_in_chromium_on_each_page_type(monitored, court, settings):
    from pathlib import Path

    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed")
    settings.WARTA_CHROMIUM_PATH = "/usr/bin/chromium"
    with SiteServer() as server:
        server.bodies["/"] = CLEAN.replace("<p>Selamat datang.</p>", '<img src="/gedung.png">')  # no alt
        server.bodies["/berita/sidang-keliling/"] = CLEAN
        found = dict((title.split(":")[0], (severity, title))
                     for severity, title in by_check(runner.run(monitored(server)), "aksesibilitas"))
    severity, title = found["Beranda"]
    assert severity == KRITIS and "image-alt" in title, title
    assert found["Berita"] == (BAIK, "Berita: tidak ada pelanggaran aksesibilitas")


def test_without_chromium_the_accessibility_check_says_so(monitored, settings):
    settings.WARTA_CHROMIUM_PATH = "/tidak/ada/chromium"
    with SiteServer() as server:
        assert only(runner.run(monitored(server)), "aksesibilitas") == (
            DISARANKAN, "Pemeriksaan aksesibilitas tidak dijalankan: Chromium tidak terpasang")
