"""The website checks against a court's public server on 127.0.0.1, healthy and broken in each way."""

import pytest
from django.urls import reverse

from monitoring import checks, runner
from monitoring.models import BAIK, DISARANKAN, KRITIS, CheckRun, MonitoringSettings
from tests.support.factories import NewsPageFactory
from tests.support.site_server import SiteServer, make_certificate


@pytest.fixture
def monitored(court, settings):
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    NewsPageFactory(parent=court.news_index, title="Sidang keliling", slug="sidang-keliling")

    def point_at(server, slow_ms=2000):
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
