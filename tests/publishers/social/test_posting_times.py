"""Posting times: an item goes out at go-live, at a chosen time or in each channel's next free slot, and every
channel keeps its minimum gap and daily limit; what waits says why, and the worker does not take it early."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from publishers.social import outbox, schedule
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory

WIB = ZoneInfo("Asia/Jakarta")
FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 20, 0, tzinfo=WIB)


def at(day, hour, minute=0):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=WIB)


def channel(**fields):
    return SocialAccount(platform="telegram", name="Kanal uji", external_id="@uji", **fields)


def plan(account, mode=schedule.TAYANG, chosen=None, taken=(), now=FRIDAY_EVENING):
    return schedule.plan(account, mode, chosen, now=now, taken=list(taken), zone=WIB)


def test_next_slot_on_working_days_or_every_day():
    working = channel(slot_times="19:00, 08:00")
    assert plan(working, schedule.SLOT).at == at(7, 8)  # Friday 20:00 → Monday 08:00
    assert "slot" in plan(working, schedule.SLOT).reason
    assert plan(channel(slot_times="08:00, 19:00", slot_days="semua"), schedule.SLOT).at == at(5, 8)
    assert plan(working, schedule.SLOT, now=at(7, 8, 0)).at == at(7, 8)  # a slot that is now is taken now
    assert plan(channel(), schedule.SLOT).at == FRIDAY_EVENING  # no slots: at go-live


def test_the_gap_and_the_daily_limit_push_a_post_on_and_say_why():
    account = channel(slot_times="08:00, 19:00", min_gap_minutes=60)
    assert plan(account, schedule.SLOT, taken=[at(7, 8, 10)]).at == at(7, 19)
    limited = channel(slot_times="08:00, 19:00", daily_limit=1)
    result = plan(limited, schedule.SLOT, taken=[at(7, 8)])
    assert result.at == at(8, 8) and "batas 1 kiriman per hari" in result.reason
    gap = plan(channel(min_gap_minutes=30), taken=[FRIDAY_EVENING - datetime.timedelta(minutes=10)])
    assert gap.at == FRIDAY_EVENING + datetime.timedelta(minutes=20) and "jeda minimal 30 menit" in gap.reason
    assert plan(channel(min_gap_minutes=30), taken=[at(4, 12)]) == schedule.Plan(FRIDAY_EVENING, "")
    full_day = plan(channel(daily_limit=2), taken=[at(4, 9), at(4, 15)])
    assert full_day.at == at(5, 0)  # at go-live, but the day is full: just after midnight, the court's time


def test_a_chosen_time_and_a_bad_choice():
    chosen = plan(channel(), schedule.WAKTU, chosen=at(5, 10))
    assert chosen.at == at(5, 10) and "waktu yang dipilih" in chosen.reason
    assert plan(channel(), schedule.WAKTU, chosen=at(1, 10)).at == FRIDAY_EVENING  # a past time: at once
    page = NewsPageFactory.build(social_schedule={"mode": "waktu", "at": "bukan waktu"})
    assert schedule.item_choice(page) == (schedule.TAYANG, None)
    with pytest.raises(ValueError):
        schedule.parse_slots("08:00, 25:00")
    assert schedule.parse_slots("8.00 19:30;08:00") == [datetime.time(8), datetime.time(19, 30)]


@pytest.mark.django_db
def test_an_item_in_the_next_slot_waits_for_it_and_then_posts(court, users, connected, platforms, photo,
                                                             django_capture_on_commit_callbacks):
    telegram = SocialAccount.objects.get(site=court.site, platform="telegram")
    telegram.slot_times, telegram.slot_days = "08:00, 19:00", SocialAccount.EVERY_DAY
    telegram.save()
    page = NewsPageFactory(parent=court.news_index, title="Pelayanan terpadu keliling", live=False,
                           social_caption="Pelayanan terpadu keliling besok.", social_image=photo,
                           social_schedule={"mode": "slot"})
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    deliveries = {d.platform: d for d in SocialDelivery.objects.filter(page=page)}
    waiting = deliveries["telegram"]
    assert waiting.status == DeliveryStatus.PENDING and waiting.planned_at > timezone.now()
    assert timezone.localtime(waiting.planned_at, WIB).strftime("%H:%M") in ("08:00", "19:00")
    assert "slot kanal" in waiting.wait_reason
    # The channels without slots posted at go-live; Telegram waits for its slot.
    assert deliveries["facebook"].status == DeliveryStatus.SENT
    assert not platforms.telegram.messages_containing("Pelayanan terpadu keliling")
    outbox.run_due(timezone.now())
    assert not platforms.telegram.messages_containing("Pelayanan terpadu keliling")
    outbox.run_due(waiting.planned_at + datetime.timedelta(seconds=1))
    waiting.refresh_from_db()
    assert waiting.status == DeliveryStatus.SENT
    assert len(platforms.telegram.messages_containing("Pelayanan terpadu keliling")) == 1


@pytest.mark.django_db
def test_the_best_time_hint_comes_from_the_channels_own_engagement(court, client_as):
    from django.urls import reverse

    from monev.best_time import best_hours
    from monev.models import MetricSnapshot

    account = SocialAccount.objects.create(site=court.site, platform="telegram", name="Info PN Uji",
                                           external_id="@pnuji")
    kasubag = client_as("kasubag")
    edit = reverse("social_accounts:edit", args=[account.pk])
    assert "Waktu terbaik" not in kasubag.get(edit).content.decode()  # no history yet: no hint

    def post(n, hour, engagement):
        posted = at(1, hour) + datetime.timedelta(days=n)
        delivery = SocialDelivery.objects.create(account=account, site=court.site, platform="telegram",
                                                 account_name=account.name, page_title=f"Berita {hour}-{n}",
                                                 text="x", status=DeliveryStatus.SENT, sent_at=posted)
        MetricSnapshot.objects.create(delivery=delivery, site=court.site, platform="telegram",
                                      account_name=account.name, posted_at=posted, day=7, taken_at=posted,
                                      reactions=engagement, comments=1, latest=True)

    for n in range(5):
        post(n, 19, 40)  # 41 per post
        post(n, 8, 20)  # 21
    post(0, 13, 500)  # one lucky post at 13:00 is not an hour's habit
    assert best_hours(account) == [(19, 41.0, 5), (8, 21.0, 5)]
    html = kasubag.get(edit).content.decode()
    assert "Waktu terbaik menurut riwayat kanal ini: 19.00–20.00 (rata-rata 41 keterlibatan dari 5 kiriman)" in html


@pytest.mark.django_db
def test_the_calendar_shows_planned_and_posted_items_and_moves_a_planned_post(
        court, users, connected, platforms, photo, client_as, django_capture_on_commit_callbacks):
    from django.urls import reverse
    from wagtail.models import PageLogEntry

    telegram = SocialAccount.objects.get(site=court.site, platform="telegram")
    telegram.slot_times, telegram.slot_days = "08:00, 19:00", SocialAccount.EVERY_DAY
    telegram.save()
    page = NewsPageFactory(parent=court.news_index, title="Donor darah di pengadilan", live=False,
                           social_caption="Donor darah besok.", social_image=photo, social_schedule={"mode": "slot"})
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    waiting = SocialDelivery.objects.get(page=page, platform="telegram")
    kasubag = client_as("kasubag")
    planned_day = timezone.localtime(waiting.planned_at).date()
    html = kasubag.get(reverse("social_calendar"), {"tanggal": planned_day.isoformat()}).content.decode()
    assert "Donor darah di pengadilan" in html and "warta-calendar__entry--planned" in html
    assert "warta-calendar__entry--posted" in html  # the channels without slots posted at go-live

    free = schedule.free_slots(telegram, timezone.now(), exclude=waiting)
    target = free[2]
    assert target != waiting.planned_at
    move = reverse("social_calendar_move", args=[waiting.pk])
    assert client_as("sekretaris").post(move, {"waktu": target.isoformat()}).status_code in (403, 404)
    with django_capture_on_commit_callbacks(execute=True):
        response = kasubag.post(move, {"waktu": target.isoformat(), "next": reverse("social_calendar")})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.planned_at == target == waiting.next_attempt_at and "dipindahkan oleh" in waiting.wait_reason
    entry = PageLogEntry.objects.get(page=page, action="warta.social.reschedule")
    assert entry.data["channel"] == telegram.name
    # A time the channel does not have free is refused; so is a day with no free time.
    kasubag.post(move, {"waktu": (target + datetime.timedelta(minutes=7)).isoformat()})
    waiting.refresh_from_db()
    assert waiting.planned_at == target
    # Dropped on another day: the channel's first free time that day.
    other_day = timezone.localtime(free[-1]).date()
    kasubag.post(move, {"tanggal": other_day.isoformat()})
    waiting.refresh_from_db()
    assert timezone.localtime(waiting.planned_at).date() == other_day


@pytest.mark.django_db
def test_the_calendar_shows_a_scheduled_go_live(court, users, client_as):
    from django.urls import reverse

    page = NewsPageFactory(parent=court.news_index, title="Pengumuman libur", live=False)
    go_live = timezone.now() + datetime.timedelta(days=2)
    page.go_live_at = go_live
    page.save_revision(user=users["kasubag"], approved_go_live_at=go_live)
    html = client_as("kasubag").get(reverse("social_calendar"), {
        "tampilan": "minggu", "tanggal": timezone.localtime(go_live).date().isoformat()}).content.decode()
    assert "Tayang: Pengumuman libur" in html


@pytest.mark.django_db
def test_one_channel_waits_for_its_slot_while_the_others_post_at_go_live(court, users, connected, platforms, photo,
                                                                         django_capture_on_commit_callbacks):
    telegram = SocialAccount.objects.get(site=court.site, platform="telegram")
    telegram.slot_times, telegram.slot_days = "08:00, 19:00", SocialAccount.EVERY_DAY
    telegram.save()
    x = SocialAccount.objects.get(site=court.site, platform="x")
    x.slot_times = "08:00"  # has slots, but the item sends X at go-live like the rest
    x.save()
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling", live=False,
                           social_caption="Sidang keliling besok.", social_image=photo,
                           social_schedule={"mode": "tayang", "channels": {str(telegram.pk): "slot"}})
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    deliveries = {d.platform: d for d in SocialDelivery.objects.filter(page=page)}
    assert deliveries["telegram"].status == DeliveryStatus.PENDING
    assert deliveries["telegram"].planned_at > timezone.now() and "slot kanal" in deliveries["telegram"].wait_reason
    assert {platform: d.status for platform, d in deliveries.items() if platform != "telegram"} == {
        platform: DeliveryStatus.SENT for platform in deliveries if platform != "telegram"}
