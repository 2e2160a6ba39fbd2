"""The Kasubag sets a channel's posting times (a bad time is refused, saying why); the Admin sends an item at
go-live but its X channel in that channel's next free slot; once approved, its status says when it goes out and
why it waits."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from publishers.social.models import SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory


def test_posting_slots_set_by_the_kasubag_hold_an_item_until_its_slot(live_court, open_as, x_account):
    kasubag = open_as("kasubag")
    page = kasubag.page
    kasubag.go("/admin/")
    page.get_by_role("link", name="Kanal media sosial").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="X PN Uji").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Jam kiriman").fill("08:00, 25:00")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("“25:00” bukan jam")
    page.get_by_label("Jam kiriman").fill("19:00, 08:00")
    page.get_by_label("Hari kiriman").select_option(label="Setiap hari")
    page.get_by_label("Jeda minimal (menit)").fill("60")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("X PN Uji")
    account = SocialAccount.objects.get(name="X PN Uji")
    assert (account.slot_times, account.slot_days, account.min_gap_minutes) == ("08:00, 19:00", "semua", 60)

    news = NewsPageFactory(parent=live_court.news_index, title="Pelayanan terpadu keliling", live=False,
                           social_caption="Pelayanan terpadu keliling besok di Desa Maju.")
    news.save_revision(user=live_court.users["admin"])
    admin = open_as("admin")
    admin.go(f"/admin/pages/{news.pk}/edit/")
    admin.page.get_by_role("tab", name="Media sosial").click()
    # The item goes at go-live; its X channel alone waits for the channel's next slot.
    admin.page.get_by_label("Saat konten tayang", exact=True).check()
    admin.page.get_by_label("Waktu kirim X: X PN Uji", exact=True).select_option(label="Slot kanal berikutnya")
    admin.page.get_by_role("button", name="Simpan draf").click()
    admin.page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    admin.page.wait_for_load_state("networkidle")
    news.refresh_from_db()
    latest = news.get_latest_revision_as_object()
    assert latest.social_schedule == {"mode": "tayang", "channels": {str(account.pk): "slot"}}
    latest.save_revision(user=live_court.users["kasubag"]).publish(user=live_court.users["kasubag"])

    delivery = SocialDelivery.objects.get(page=news)
    assert delivery.status == "pending" and delivery.planned_at > timezone.now()
    kasubag.go(f"/admin/media-sosial/status/{news.pk}/")
    row = page.locator(f"tr[data-delivery='{delivery.pk}']")
    expect(row).to_contain_text("menunggu")
    expect(row.locator("[data-wait-reason]")).to_contain_text("slot kanal berikutnya")
    expect(row.locator("[data-wait-reason]")).to_contain_text(
        timezone.localtime(delivery.planned_at).strftime("%d/%m/%Y %H:%M"))
    assert not x_account[0].tweets_containing("Pelayanan terpadu keliling")


def test_the_kasubag_moves_a_planned_post_in_the_calendar_by_keyboard_and_by_drag(live_court, open_as, x_account):
    from publishers.social import schedule

    account = SocialAccount.objects.get(name="X PN Uji")
    account.slot_times, account.slot_days = "08:00, 19:00", SocialAccount.EVERY_DAY
    account.save()
    news = NewsPageFactory(parent=live_court.news_index, title="Donor darah di pengadilan", live=False,
                           social_caption="Donor darah di pengadilan besok.", social_schedule={"mode": "slot"})
    news.save_revision(user=live_court.users["kasubag"]).publish(user=live_court.users["kasubag"])
    delivery = SocialDelivery.objects.get(page=news)
    free = schedule.free_slots(account, timezone.now(), exclude=delivery)
    planned = timezone.localtime(delivery.planned_at)
    target = next(slot for slot in free if timezone.localtime(slot).date() != planned.date())

    kasubag = open_as("kasubag")
    page = kasubag.page
    page.get_by_role("link", name="Kalender publikasi").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Kalender publikasi")).to_be_visible()
    planned_day = timezone.localtime(delivery.planned_at).strftime("%Y-%m-%d")
    if not page.locator(f"td[data-date='{planned_day}']").count():  # planned in the next month
        page.get_by_role("link", name="Berikutnya").click()
        page.wait_for_load_state("networkidle")
    entry = page.locator(f"td[data-date='{planned_day}'] .warta-calendar__entry", has_text="Donor darah")
    expect(entry).to_contain_text("X PN Uji")

    # Keyboard: "Pindahkan", choose a free time, submit.
    entry.locator("summary", has_text="Pindahkan").click()
    entry.get_by_label("Waktu kosong X PN Uji").select_option(target.isoformat())
    entry.get_by_role("button", name="Pindahkan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("dipindahkan ke " + timezone.localtime(target).strftime(
        "%d/%m/%Y %H:%M"))
    delivery.refresh_from_db()
    assert delivery.planned_at == target

    # Drag and drop onto another day of the week it is in now: the channel's first free time that day.
    target_day = timezone.localtime(target).date()
    kasubag.go(f"/admin/media-sosial/kalender/?tampilan=minggu&tanggal={target_day.isoformat()}")
    moved = page.locator(".warta-calendar__entry--planned", has_text="Donor darah")
    free_days = {timezone.localtime(slot).date().isoformat()
                 for slot in schedule.free_slots(account, timezone.now(), exclude=delivery)}
    cells = page.locator("td.warta-calendar__day")
    drop = next(cells.nth(i) for i in range(cells.count())
                if cells.nth(i).get_attribute("data-date") in free_days - {target_day.isoformat()})
    drop_date = drop.get_attribute("data-date")
    moved.drag_to(drop)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("dipindahkan ke")
    delivery.refresh_from_db()
    assert timezone.localtime(delivery.planned_at).strftime("%Y-%m-%d") == drop_date

    # The item's history says so.
    kasubag.go(f"/admin/pages/{news.pk}/history/")
    kasubag.see("Kiriman ke X PN Uji dipindahkan ke")
