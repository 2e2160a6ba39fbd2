"""A superuser onboards a court from the admin; its first Kasubag PTIP accepts the invitation, and the new court
runs its review on its own: its Kasubag approves its item, the first court's Kasubag never sees it."""

import re
from types import SimpleNamespace

from django.core import mail
from playwright.sync_api import expect
from wagtail.models import Page, Site

from cms.models import NewsIndexPage
from tests.browser.review import act, news_draft, submit
from tests.support.factories import UserFactory

PA = "PA Uji — "


def test_a_superuser_adds_a_court_whose_kasubag_then_runs_its_review(live_court, open_as, browser):
    root = open_as("root")
    page = root.page
    page.get_by_role("button", name="Pengaturan").click()
    page.get_by_role("link", name="Tambah pengadilan").click()
    expect(page.locator("#header-title")).to_have_text("Tambah pengadilan")
    page.fill("#id_name", "Pengadilan Agama Uji")
    page.select_option("#id_court_type", "PA")
    page.fill("#id_domain", "pa-uji.localhost")
    page.fill("#id_kasubag_email", "ptip@pa-uji.go.id")
    page.get_by_role("button", name="Tambahkan pengadilan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("Pengadilan Agama Uji ditambahkan")
    expect(page.locator(".messages")).to_contain_text("Undangan dikirim ke ptip@pa-uji.go.id")

    # A second submission of the same court is refused with a clear message, nothing is made twice.
    page.goto(live_court.url + "/admin/pengadilan/tambah/")
    page.fill("#id_name", "Pengadilan Agama Lain")
    page.select_option("#id_court_type", "PA")
    page.fill("#id_domain", "pa-uji.localhost")
    page.get_by_role("button", name="Tambahkan pengadilan").click()
    root.see("Domain ini sudah dipakai PA Uji.")
    assert Site.objects.filter(hostname="pa-uji.localhost").count() == 1

    # The invitation's link sets the new Kasubag's password; they log in and land on their dashboard.
    [invitation] = [message for message in mail.outbox if message.to == ["ptip@pa-uji.go.id"]]
    link = re.search(r"https?://\S+", invitation.body).group(0)
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    newcomer = context.new_page()
    newcomer.goto(link)
    newcomer.fill("#id_new_password1", "Sandi-PA-Uji-2026!")
    newcomer.fill("#id_new_password2", "Sandi-PA-Uji-2026!")
    newcomer.locator("form button[type=submit]").click()
    newcomer.wait_for_load_state("networkidle")
    newcomer.goto(live_court.url + "/admin/login/")
    newcomer.fill("#id_username", "ptip")
    newcomer.fill("#id_password", "Sandi-PA-Uji-2026!")
    newcomer.click("button[type=submit]")
    newcomer.wait_for_url(live_court.url + "/admin/")

    # The court's own Admin and Redaktur pass an item on to its Kasubag, who approves it by a real click.
    home = Site.objects.get(hostname="pa-uji.localhost").root_page
    news_index = NewsIndexPage.objects.child_of(home).get()
    admin = UserFactory(username="admin-pa", groups=[PA + "Admin"])
    redaktur = UserFactory(username="redaktur-pa", groups=[PA + "Redaktur"])
    item = news_draft(SimpleNamespace(news_index=news_index, users={"admin": admin}), "Sidang isbat nikah terpadu")
    act(submit(item, admin), redaktur, "approve")

    newcomer.goto(live_court.url + "/admin/")
    tasks = newcomer.locator("#warta-my-tasks-section")
    tasks.get_by_role("link", name="Sidang isbat nikah terpadu").first.click()
    newcomer.wait_for_load_state("networkidle")
    newcomer.locator("footer [data-w-dropdown-target='toggle']").first.click()
    newcomer.get_by_role("button", name="Setujui dan terbitkan").first.click()
    newcomer.wait_for_load_state("networkidle")
    expect(newcomer.locator(".messages")).to_contain_text("'Sidang isbat nikah terpadu' disetujui dan terbit.")
    assert Page.objects.get(pk=item.pk).live

    # The first court's Kasubag sees nothing of the new court: not its item, not its pages.
    kasubag = open_as("kasubag")
    kasubag.go("/admin/")
    expect(kasubag.page.locator("body")).not_to_contain_text("Sidang isbat nikah terpadu")
    response = kasubag.go(f"/admin/pages/{item.pk}/edit/")
    assert response.status == 200  # Wagtail answers a refused edit by redirecting to the dashboard
    assert f"/admin/pages/{item.pk}/edit/" not in kasubag.page.url
    context.close()
