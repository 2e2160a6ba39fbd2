"""The Kasubag runs the website checks from "Pemantauan Website" and reads the findings; the Sekretaris reads
them without the button."""

from playwright.sync_api import expect


def test_kasubag_runs_the_checks_and_reads_the_findings(live_court, open_as, settings):
    from cms.templatetags.court_tags import NATIONAL_SERVICES

    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]  # the court's own site is the live server
    # The national services it links to: answered by the same server (its home page, its 404).
    settings.WARTA_NATIONAL_SERVICE_URLS = {name: f"{live_court.url}/" for name, _d, _u in NATIONAL_SERVICES}
    settings.WARTA_NATIONAL_SERVICE_URLS["SIWAS"] = f"{live_court.url}/siwas-tidak-ada/"
    kasubag = open_as("kasubag")
    page = kasubag.page
    page.get_by_role("button", name="Laporan").click()
    page.get_by_role("link", name="Pemantauan Website").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Pemantauan Website")).to_be_visible()
    expect(page.get_by_text("Belum ada pemeriksaan untuk pengadilan ini.")).to_be_visible()
    page.get_by_role("button", name="Jalankan pemeriksaan sekarang").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("Pemeriksaan dijalankan.")
    critical = page.locator("section", has=page.get_by_role("heading", name="Kritis", exact=False))
    expect(critical).to_contain_text("Situs publik tidak memakai HTTPS")
    expect(critical).to_contain_text("Belum ada berita yang terbit")  # the data checks
    expect(critical).to_contain_text("Pasang sertifikat TLS")  # how to fix it
    good = page.locator("section", has=page.get_by_role("heading", name="Baik", exact=False))
    expect(good).to_contain_text("Beranda terbuka dalam")
    expect(good).to_contain_text("Peta situs terbuka dalam")
    expect(good).to_contain_text("Header Content-Security-Policy ada")  # Warta's own headers
    expect(good).to_contain_text("Direktori Putusan dapat dibuka")
    advised = page.locator("section", has=page.get_by_role("heading", name="Disarankan", exact=False))
    expect(advised).to_contain_text("SIWAS tidak dapat dibuka (HTTP 404)")
    expect(page.get_by_text("manual (Siti Rahma)", exact=False)).to_be_visible()  # the run history

    sekretaris = open_as("sekretaris")
    sekretaris.go("/admin/pemantauan/")
    expect(sekretaris.page.get_by_text("Situs publik tidak memakai HTTPS")).to_be_visible()
    expect(sekretaris.page.get_by_role("button", name="Jalankan pemeriksaan sekarang")).to_have_count(0)
