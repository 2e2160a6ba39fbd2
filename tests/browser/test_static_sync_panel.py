"""The Kasubag PTIP sees on the dashboard that the court's static site is behind, and why; the Admin does not."""

from publishers.website.models import SyncFailure


def test_kasubag_sees_a_failed_static_site_update_on_the_dashboard(live_court, open_as, settings, tmp_path):
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "situs")
    SyncFailure.objects.create(site=live_court.site, page_ids=[live_court.home.pk], attempts=2,
                               error="OSError: [Errno 28] No space left on device")
    kasubag = open_as("kasubag")
    kasubag.go("/admin/")
    panel = kasubag.page.locator("#warta-static-sync-section, section:has(#warta-static-sync-heading)").first
    kasubag.see("Situs statis belum diperbarui")
    text = kasubag.page.locator("main").inner_text()
    assert "konten yang baru disetujui mungkin belum tampil" in text
    assert "No space left on device" in text and "Percobaan" in text and "Galat terakhir" in text
    assert panel.count() == 1

    admin = open_as("admin")
    admin.go("/admin/")
    assert "Situs statis belum diperbarui" not in admin.page.locator("main").inner_text()
