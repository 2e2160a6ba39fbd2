"""Penilaian Website: the court's Admin links a missing checklist item to a page with the page chooser and sees
the score go up; the Kasubag PTIP sees the same score."""

from playwright.sync_api import expect

from monitoring.penilaian.models import ChecklistItem, Pemenuhan
from tests.support.factories import NewsPageFactory


def test_admin_links_a_missing_item_and_the_kasubag_sees_the_score(live_court, open_as):
    NewsPageFactory(parent=live_court.news_index, title="Visi dan Misi Pengadilan", slug="visi-dan-misi")
    Pemenuhan.objects.create(site=live_court.site, item=ChecklistItem.objects.get(code="jdih"),
                             url="https://jdih.mahkamahagung.go.id/")
    admin = open_as("admin")
    admin.go("/admin/")
    admin.page.get_by_role("button", name="Laporan").click()
    admin.page.get_by_role("link", name="Penilaian Website").click()
    admin.page.wait_for_load_state("networkidle")
    expect(admin.page.locator("[data-penilaian-total]")).to_have_text("Nilai: 2 dari 86 (2,3%)")
    row = admin.page.locator("tr[data-butir='visi-misi']")
    expect(row).to_contain_text("0 · Tidak ada")
    expect(admin.page.locator("tr[data-butir='jdih']")).to_contain_text("2 · Lengkap")

    row.get_by_role("link", name="Ubah Visi dan misi").click()
    admin.page.wait_for_load_state("networkidle")
    admin.page.locator("[data-chooser-action-choose]").first.click()
    modal = admin.page.locator(".modal-content")
    expect(modal).to_be_visible()
    modal.locator("input[name='q']").fill("Visi dan Misi")
    modal.locator("a.choose-page", has_text="Visi dan Misi Pengadilan").click()
    expect(admin.page.locator("[data-chooser-title]").first).to_have_text("Visi dan Misi Pengadilan")
    admin.page.get_by_label("Catatan").fill("Halaman profil pengadilan.")
    admin.page.get_by_role("button", name="Simpan").click()
    admin.page.wait_for_load_state("networkidle")
    expect(admin.page.locator(".messages")).to_contain_text("Butir “Visi dan misi” disimpan.")
    expect(admin.page.locator("[data-penilaian-total]")).to_have_text("Nilai: 4 dari 86 (4,7%)")
    row = admin.page.locator("tr[data-butir='visi-misi']")
    expect(row).to_contain_text("2 · Lengkap")
    expect(row.get_by_role("link", name="Visi dan Misi Pengadilan")).to_be_visible()

    kasubag = open_as("kasubag")
    kasubag.go("/admin/penilaian-website/")
    expect(kasubag.page.locator("[data-penilaian-total]")).to_have_text("Nilai: 4 dari 86 (4,7%)")
    expect(kasubag.page.locator("tr[data-butir='visi-misi']")).to_contain_text("Halaman profil pengadilan.")
