"""A delivery the platform refuses for good after approval reaches the Kasubag PTIP at once: e-mail, dashboard
panel, and a form that corrects the text of that delivery and sends it again (real HTTP to the fakes)."""

import pytest
from django.urls import reverse

from publishers.social import outbox
from publishers.social.models import DeliveryStatus, SocialDelivery
from tests.support.factories import NewsPageFactory

S = DeliveryStatus
TEXT = "Sidang keliling di Kecamatan Maju."


def refused_on_x(court, users, platforms, photo):
    """X already has a post with the same text, so it refuses ours as a duplicate (a permanent failure)."""
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling", live=False, social_caption=TEXT,
                           social_image=photo)
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    delivery = SocialDelivery.objects.get(page=page, platform="x")
    platforms.x.tweets.append({"id": "1", "user_id": platforms.x_user, "sent_text": delivery.text,
                               "text": delivery.text, "media_keys": [], "created": platforms.clock.time()})
    outbox.process(delivery.pk, now=platforms.clock.now())
    delivery.refresh_from_db()
    assert delivery.status == S.FAILED
    return page, delivery


@pytest.fixture
def x_refusal(court, users, connected, platforms, photo, django_capture_on_commit_callbacks):
    platforms.x_user = connected.x_user
    with django_capture_on_commit_callbacks(execute=True):
        return refused_on_x(court, users, platforms, photo)


@pytest.mark.django_db
def test_kasubag_gets_an_email_with_the_reason_and_the_fix_link(x_refusal, users, mailoutbox):
    _page, delivery = x_refusal
    mails = [mail for mail in mailoutbox if users["kasubag"].email in mail.to]
    assert len(mails) == 1
    mail = mails[0]
    assert "Kiriman ke X gagal: Sidang keliling" in mail.subject
    assert "X menolak teks yang sama persis" in mail.body
    assert reverse("social_status:fix", args=[delivery.pk]) in mail.body
    assert not [m for m in mailoutbox if users["admin"].email in m.to]  # the Admin does not manage channels


@pytest.mark.django_db
def test_the_dashboard_panel_lists_the_failure_for_the_kasubag_only(x_refusal, client_as):
    _page, delivery = x_refusal
    html = client_as("kasubag").get("/admin/").content.decode()
    assert "Kiriman media sosial perlu tindakan" in html
    assert "X menolak teks yang sama persis" in html
    assert reverse("social_status:fix", args=[delivery.pk]) in html
    assert "Kiriman media sosial perlu tindakan" not in client_as("redaktur").get("/admin/").content.decode()
    refused = client_as("admin").get(reverse("social_status:fix", args=[delivery.pk]))  # Wagtail's "no permission"
    assert refused.status_code == 302 and refused.url == "/admin/"


@pytest.mark.django_db
def test_corrected_text_is_checked_against_the_rules_then_sent(x_refusal, client_as, platforms,
                                                               django_capture_on_commit_callbacks):
    page, delivery = x_refusal
    client = client_as("kasubag")
    url = reverse("social_status:fix", args=[delivery.pk])
    form = client.get(url).content.decode()
    assert TEXT in form and "X menolak teks yang sama persis" in form

    response = client.post(url, {"text": "Sidang " * 60})
    assert response.status_code == 200
    assert "Teks untuk X terlalu panjang" in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == S.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"text": "Sidang keliling di Kecamatan Maju, Senin 7 Desember."})
    assert response.status_code == 302 and response.url == reverse("social_status:page", args=[page.pk])
    delivery.refresh_from_db()
    assert delivery.status == S.SENT  # the test settings run the delivery task at once
    assert delivery.text == "Sidang keliling di Kecamatan Maju, Senin 7 Desember."
    assert len(platforms.x.tweets_containing("Senin 7 Desember")) == 1
    assert "mengubah teks kiriman" in delivery.log.filter(outcome="manual").last().message
    # Once resent it leaves the dashboard and the form says there is nothing to fix.
    assert "Kiriman media sosial perlu tindakan" not in client.get("/admin/").content.decode()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_an_unclear_telegram_send_waits_on_the_kasubag_dashboard_with_the_channel(
        court, users, connected, platforms, photo, client_as, mailoutbox, django_capture_on_commit_callbacks):
    platforms.telegram.fail_next("500_after", path="/sendPhoto")
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling", live=False, social_caption=TEXT,
                           social_image=photo)
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    delivery = SocialDelivery.objects.get(page=page, platform="telegram")
    with django_capture_on_commit_callbacks(execute=True):
        outbox.process(delivery.pk, now=platforms.clock.now())
    delivery.refresh_from_db()
    assert delivery.status == S.NEEDS_CHECK
    mails = [mail for mail in mailoutbox if users["kasubag"].email in mail.to]
    assert len(mails) == 1 and "Kiriman ke Telegram perlu dicek: Sidang keliling" in mails[0].subject
    assert "https://t.me/pnuji_info" in mails[0].body
    html = client_as("kasubag").get("/admin/").content.decode()
    assert f'data-delivery="{delivery.pk}" data-status="needs_check"' in html
    assert 'href="https://t.me/pnuji_info"' in html and "Tandai hasilnya" in html
    assert reverse("social_status:fix", args=[delivery.pk]) not in html  # nothing to fix: only to decide
