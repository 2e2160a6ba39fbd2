"""Two courts on one deployment walk the review side by side, in chromium, without seeing each other.

The first court (PN Uji) and a court onboarded with add_court (PA Uji) each have their Admin draft a news item
and send it on, their Redaktur pass it, their Kasubag PTIP approve and publish it, their Sekretaris read the step
report; the steps interleave, and at every step each person's screens show their own court's item only. Each
court's public site then carries its own item and not the other's."""

from playwright.sync_api import expect
from wagtail.models import Site

from cms.models import NewsIndexPage, NewsPage
from core.onboarding import CourtSpec, add_court
from tests.browser.conftest import PASSWORD
from tests.support.factories import UserFactory

ITEMS = {"": "Sidang keliling PN di Desa Sukamaju", "-pa": "Pelayanan terpadu isbat nikah PA di Kecamatan Maju"}
LEADS = {"": "Pengadilan Negeri Uji menggelar sidang keliling.", "-pa": "Pengadilan Agama Uji melayani isbat nikah."}


def open_action_menu(person):
    person.page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def sees_only_its_own(person, suffix, locator="body"):
    other = "-pa" if suffix == "" else ""
    area = person.page.locator(locator)
    expect(area).to_contain_text(ITEMS[suffix])
    expect(area).not_to_contain_text(ITEMS[other])


def test_two_courts_review_side_by_side_without_seeing_each_other(live_court, open_as):
    port = live_court.url.rsplit(":", 1)[1]
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Uji", short_name="PA Uji", court_type="PA",
                                     hostname="pa-uji.localhost"))
    site_pa = Site.objects.get(pk=onboarding.site.pk)
    site_pa.port = int(port)
    site_pa.save()
    for role, group in (("admin", "Admin"), ("redaktur", "Redaktur"), ("kasubag", "Kasubag PTIP"),
                        ("sekretaris", "Sekretaris")):
        live_court.users[f"{role}-pa"] = UserFactory(
            username=f"{role}-pa", groups=[f"PA Uji — {group}"], password=PASSWORD,
            first_name=role.title(), last_name="PA Uji", email=f"{role}@pa-uji.go.id")
    news_index = {"": live_court.news_index,
                  "-pa": NewsIndexPage.objects.child_of(site_pa.root_page).get()}

    # 1. Each court's Admin drafts its item and sends it to its Redaktur.
    for suffix in ("", "-pa"):
        admin = open_as("admin" + suffix)
        admin.go(f"/admin/pages/add/cms/newspage/{news_index[suffix].pk}/")
        page = admin.page
        page.fill("#id_title", ITEMS[suffix])
        page.fill("#id_lead", LEADS[suffix])
        page.get_by_role("button", name="Sisipkan blok").first.click()
        page.get_by_role("option", name="Paragraf").click()
        editor = page.locator(".Draftail-Editor [contenteditable=true]").first
        editor.click()
        editor.type(LEADS[suffix] + " Layanan ini gratis bagi warga.")
        # Draftail hands what was typed to the form a moment later; then the Admin saves the draft (the footer's
        # main button) and sends it from the item's edit view.
        page.wait_for_function("() => document.querySelector('input[name=body-0-value]').value.includes('gratis')")
        page.locator("footer button[type=submit]").first.click()
        page.wait_for_url("**/edit/")
        open_action_menu(admin)
        page.get_by_role("button", name="Kirim ke Redaktur").click()
        page.wait_for_load_state("networkidle")
        expect(admin.page.locator(".messages")).to_contain_text(f"'{ITEMS[suffix]}' dikirim ke langkah")
        admin.go("/admin/pages/search/?q=Sidang+Pelayanan")
        expect(admin.page.locator("body")).not_to_contain_text(ITEMS["-pa" if suffix == "" else ""])

    # 2. Each Redaktur finds only their court's item under "Tugas saya" and passes it on.
    for suffix in ("", "-pa"):
        redaktur = open_as("redaktur" + suffix)
        sees_only_its_own(redaktur, suffix, "#warta-my-tasks-section")
        redaktur.page.locator("#warta-my-tasks-section").get_by_role("link", name=ITEMS[suffix]).click()
        redaktur.page.wait_for_load_state("networkidle")
        open_action_menu(redaktur)
        redaktur.page.get_by_role("button", name="Setujui", exact=True).click()
        expect(redaktur.page.locator(".messages")).to_contain_text(
            f"'{ITEMS[suffix]}' disetujui dan diteruskan ke langkah 'Persetujuan Kasubag PTIP")

    # 3. Each Kasubag approves and publishes their own court's item, and only sees that one.
    for suffix in ("-pa", ""):
        kasubag = open_as("kasubag" + suffix)
        sees_only_its_own(kasubag, suffix, "#warta-my-tasks-section")
        kasubag.page.locator("#warta-my-tasks-section").get_by_role("link", name=ITEMS[suffix]).first.click()
        kasubag.page.wait_for_load_state("networkidle")
        open_action_menu(kasubag)
        kasubag.page.get_by_role("button", name="Setujui dan terbitkan").first.click()
        kasubag.page.wait_for_load_state("networkidle")
        expect(kasubag.page.locator(".messages")).to_contain_text(f"'{ITEMS[suffix]}' disetujui dan terbit.")
        assert NewsPage.objects.get(title=ITEMS[suffix]).live

    # 4. Each Sekretaris reads the step report of their own court only.
    for suffix in ("", "-pa"):
        sekretaris = open_as("sekretaris" + suffix)
        sekretaris.go("/admin/reports/waktu-alur-redaksi/")
        sees_only_its_own(sekretaris, suffix, "main")

    # 5. Each court's public site carries its own item, not the other's.
    page = open_as("admin").page
    for suffix, host in (("", live_court.url), ("-pa", f"http://pa-uji.localhost:{port}")):
        page.goto(host + news_index[suffix].relative_url(news_index[suffix].get_site()))
        sees_only_its_own(type("Public", (), {"page": page}), suffix, "main")
