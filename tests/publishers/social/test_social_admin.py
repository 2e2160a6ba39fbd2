"""The social media admin as each role uses it: connecting channels (OAuth against the fakes), the editorial
approval that posts, each item's status with retry/cancel/remove, and the delivery report."""

import csv
import io
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from cms.models import NewsPage
from publishers.social import outbox
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery
from tests.support.admin_forms import (
    create_url,
    current_task_state,
    edit_url,
    page_form,
    workflow_action_url,
)
from tests.support.factories import NewsPageFactory

S = DeliveryStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def insecure_oauth(monkeypatch):
    # oauthlib refuses plain http; the fakes speak http on 127.0.0.1 (production uses https).
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def follow_platform_redirect(response):
    """Play the browser at the platform: follow our redirect to its dialog, which approves and sends us back."""
    assert response.status_code == 302
    at_platform = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert at_platform.status_code == 302, at_platform.text
    back = urlsplit(at_platform.headers["Location"])
    assert back.netloc == "testserver"
    return f"{back.path}?{back.query}"


# Connecting channels ------------------------------------------------------------------------------

def test_kasubag_connects_facebook_page_and_instagram(court, users, client_as, platforms, insecure_oauth):
    page_id, page_token, instagram = platforms.facebook.add_page("PN Uji", instagram_username="pnuji")
    kasubag = client_as("kasubag")
    response = kasubag.get(reverse("social_accounts:add"))
    assert "Sambungkan kanal media sosial" in text(response)
    response = kasubag.post(reverse("social_accounts:add"), {"site": court.site.pk, "provider": "meta"})
    assert response["Location"].startswith(platforms.facebook.url + "/dialog/oauth")
    assert "code_challenge=" in response["Location"] and "code_challenge_method=S256" in response["Location"]

    response = kasubag.get(follow_platform_redirect(response))
    assert response["Location"] == reverse("social_accounts:connect_meta_select")
    response = kasubag.get(response["Location"])
    page = text(response)
    assert "Facebook: PN Uji" in page and "Instagram: PN Uji (Instagram) (@pnuji)" in page
    assert page_token not in response.content.decode()
    response = kasubag.post(reverse("social_accounts:connect_meta_select"), {"accounts": ["0", "1"]})
    assert response.status_code == 302

    facebook = SocialAccount.objects.get(platform="facebook")
    insta = SocialAccount.objects.get(platform="instagram")
    assert (facebook.external_id, insta.external_id, insta.handle) == (page_id, instagram["id"], "pnuji")
    assert facebook.credentials == {"access_token": page_token} == insta.credentials
    assert page_token not in facebook.credentials_encrypted
    assert facebook.site == court.site and facebook.connected_by == users["kasubag"]

    listing = kasubag.get(reverse("social_accounts:index"))
    assert "PN Uji (Instagram)" in text(listing) and "tersambung" in text(listing)
    edit = kasubag.get(reverse("social_accounts:edit", args=[facebook.pk]))
    assert page_token not in edit.content.decode()
    assert "Sambungkan ulang" in text(edit)
    history = kasubag.get(reverse("social_accounts:history", args=[facebook.pk]))
    assert "Kasubag" in text(history) and page_token not in history.content.decode()


def test_wrong_pkce_verifier_is_refused(court, client_as, platforms, insecure_oauth):
    platforms.facebook.add_page("PN Uji")
    kasubag = client_as("kasubag")
    response = kasubag.post(reverse("social_accounts:add"), {"site": court.site.pk, "provider": "meta"})
    callback = follow_platform_redirect(response)
    # The code is intercepted and used with another session (no verifier of ours): Facebook refuses it.
    thief = client_as("root")
    response = thief.get(callback, follow=True)
    assert "Sesi penyambungan sudah berakhir" in text(response)
    assert not SocialAccount.objects.exists()


def test_kasubag_connects_x_with_oauth1(court, client_as, platforms, insecure_oauth):
    user_id, _token, _secret = platforms.x.add_user("PNUji")
    kasubag = client_as("kasubag")
    response = kasubag.post(reverse("social_accounts:add"), {"site": court.site.pk, "provider": "x"})
    assert response["Location"].startswith(platforms.x.url + "/oauth/authorize?oauth_token=")
    response = kasubag.get(follow_platform_redirect(response), follow=True)
    assert "Kanal X @PNUji tersambung" in text(response)
    account = SocialAccount.objects.get(platform="x")
    assert account.external_id == user_id and account.handle == "PNUji"
    # The stored token really works: the fake verifies the OAuth 1.0a signature of every call.
    from publishers.social.channels import channel_for

    assert channel_for(account).check_token().valid
    assert platforms.x.rejected_signatures == 0


def test_telegram_needs_a_working_token_and_an_admin_bot(court, client_as, platforms):
    token, bot_id = platforms.telegram.add_bot("warta_pn_uji_bot")
    platforms.telegram.add_channel("pnuji_info", title="Info PN Uji")  # bot not yet an admin
    kasubag = client_as("kasubag")
    url = reverse("social_accounts:connect_telegram")
    response = kasubag.post(url, {"site": court.site.pk, "channel": "@pnuji_info", "bot_token": "123:salah"})
    assert "Token bot Telegram tidak berlaku lagi" in text(response)
    response = kasubag.post(url, {"site": court.site.pk, "channel": "@pnuji_info", "bot_token": token})
    assert "belum menjadi admin kanal ini" in text(response)
    assert token not in response.content.decode()  # the password field never echoes it

    platforms.telegram.chats[next(iter(platforms.telegram.chats))]["admins"][bot_id] = True
    response = kasubag.post(url, {"site": court.site.pk, "channel": "@pnuji_info", "bot_token": token}, follow=True)
    assert "Kanal Info PN Uji tersambung" in text(response)
    account = SocialAccount.objects.get(platform="telegram")
    assert account.handle == "pnuji_info" and account.credentials == {"bot_token": token}


@pytest.mark.parametrize("role", ["admin", "redaktur", "sekretaris"])
def test_only_channel_managers_see_channels(court, client_as, role):
    client = client_as(role)
    assert client.get(reverse("social_accounts:index")).status_code in (302, 403)
    assert client.get(reverse("social_accounts:add")).status_code in (302, 403)


# Approval to post ---------------------------------------------------------------------------------

def test_kasubag_approval_posts_to_every_platform(court, users, client_as, connected, platforms, photo,
                                                  django_capture_on_commit_callbacks):
    """SOP C steps 1-4: Admin drafts and submits, Redaktur corrects, Kasubag approves; posts go out."""
    admin, redaktur, kasubag = client_as("admin"), client_as("redaktur"), client_as("kasubag")

    def act(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    data = page_form(admin, create_url(court.news_index), title="Sidang keliling di Kecamatan Maju",
                     slug="sidang-keliling", lead="Pengadilan menggelar sidang keliling.",
                     social_caption="Sidang keliling hari ini di Kecamatan Maju.", social_hashtags="#PNUji",
                     social_image=str(photo.pk), social_crop="portrait")
    data["action-submit"] = "Kirim ke Redaktur"
    assert act(admin.post, create_url(court.news_index), data).status_code == 302
    page = NewsPage.objects.get(slug="sidang-keliling")
    act(redaktur.post, workflow_action_url(page, "approve", current_task_state(page)), {})
    assert not SocialDelivery.objects.exists()  # nothing goes out before the Kasubag approves
    act(kasubag.post, workflow_action_url(page, "approve", current_task_state(page)), {"comment": ""})

    page.refresh_from_db()
    assert page.live
    assert len(platforms.facebook.posts_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.instagram.posts_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.x.tweets_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.telegram.messages_containing("Sidang keliling hari ini")) == 1

    # Step 4: the Admin sees every channel's result on the item.
    response = admin.get(reverse("social_status:page", args=[page.pk]))
    rows = BeautifulSoup(response.content, "html.parser").select("tr[data-platform]")
    assert {row["data-platform"]: row["data-status"] for row in rows} == {
        "facebook": "sent", "instagram": "sent", "x": "sent", "telegram": "sent"}
    assert text(response).count("Lihat kiriman") == 4
    # The way to the status page: the page editor's header and the page listing.
    status_url = reverse("social_status:page", args=[page.pk])
    assert status_url in admin.get(edit_url(page)).content.decode()
    assert status_url in admin.get(reverse("wagtailadmin_explore", args=[court.news_index.pk])).content.decode()


def test_caption_over_the_limit_is_refused_at_edit_time(court, client_as, connected, platforms):
    admin = client_as("admin")
    data = page_form(admin, create_url(court.news_index), title="Pengumuman panjang", slug="panjang",
                     lead="Teras.", social_caption="Sidang " * 30, social_caption_x="Jadwal sidang " * 25)
    data["action-submit"] = "Kirim ke Redaktur"
    response = admin.post(create_url(court.news_index), data)
    assert response.status_code == 200
    assert "Teks untuk X terlalu panjang" in text(response)
    assert not NewsPage.objects.filter(slug="panjang").exists()


# What people do on the status page ----------------------------------------------------------------

def published(court, users, photo, title="Sidang keliling di Kecamatan Maju"):
    page = NewsPageFactory(parent=court.news_index, title=title, live=False, social_image=photo,
                           social_caption=f"{title}.")
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    return page


def test_admin_retries_a_failed_channel(court, users, client_as, connected, platforms, photo,
                                        django_capture_on_commit_callbacks):
    platforms.telegram.fail_next("invalid_media", path="sendPhoto")
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    failed = SocialDelivery.objects.get(page=page, platform="telegram")
    assert failed.status == S.FAILED

    admin = client_as("admin")
    response = admin.get(reverse("social_status:page", args=[page.pk]))
    assert "Telegram menolak gambar. Ganti gambar lalu klik Coba lagi." in text(response)
    assert SocialDelivery.objects.filter(page=page, status=S.SENT).count() == 3
    # The draft is corrected and the correction published (no new posts elsewhere), then the Admin retries:
    # the retry sends the corrected version.
    live = NewsPage.objects.get(pk=page.pk)
    live.social_caption = "Sidang keliling di Kecamatan Maju, mulai pukul 09.00."
    with django_capture_on_commit_callbacks(execute=True):
        live.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
        response = admin.post(reverse("social_status:action", args=[failed.pk, "retry"]), follow=True)
    assert "akan dikirim lagi" in text(response)
    failed.refresh_from_db()
    assert failed.status == S.SENT and len(platforms.telegram.messages) == 1
    assert "mulai pukul 09.00" in platforms.telegram.messages[0]["caption"]
    assert len(platforms.facebook.posts) == 1 and "09.00" not in platforms.facebook.posts[0]["message"]
    assert failed.log.filter(outcome="manual", user=users["admin"]).exists()


def test_redaktur_can_see_but_not_retry(court, users, client_as, connected, platforms, photo):
    platforms.x.fail_next("invalid_media", path="/2/tweets")
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    failed = SocialDelivery.objects.get(page=page, platform="x")
    redaktur = client_as("redaktur")
    response = redaktur.get(reverse("social_status:page", args=[page.pk]))
    assert response.status_code == 200
    assert reverse("social_status:action", args=[failed.pk, "retry"]) not in response.content.decode()
    response = redaktur.post(reverse("social_status:action", args=[failed.pk, "retry"]), follow=True)
    assert "Maaf, Anda tidak memiliki izin" in text(response) or response.status_code == 403
    failed.refresh_from_db()
    assert failed.status == S.FAILED


def test_kasubag_cancels_and_resolves_needs_check(court, users, client_as, connected, platforms, photo):
    platforms.telegram.fail_next("drop_after", path="sendPhoto")
    platforms.x.fail_next("500", path="/2/media/upload", times=5)
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    platforms.clock.advance(120)
    outbox.run_due(now=platforms.clock.now())
    telegram = SocialDelivery.objects.get(page=page, platform="telegram")
    x = SocialDelivery.objects.get(page=page, platform="x")
    assert telegram.status == S.NEEDS_CHECK and x.status == S.PENDING

    kasubag = client_as("kasubag")
    response = kasubag.get(reverse("social_status:page", args=[page.pk]))
    assert "perlu dicek" in text(response) and "Sudah terkirim" in text(response)
    message = platforms.telegram.messages[0]
    link = f"https://t.me/pnuji_info/{message['message_id']}"
    kasubag.post(reverse("social_status:action", args=[telegram.pk, "mark_sent"]), {"permalink": link})
    kasubag.post(reverse("social_status:action", args=[x.pk, "cancel"]))
    telegram.refresh_from_db()
    x.refresh_from_db()
    assert (telegram.status, telegram.permalink) == (S.SENT, link)
    assert x.status == S.CANCELLED
    outbox.run_due(now=platforms.clock.now().replace(year=2100))
    assert not platforms.x.tweets  # cancelled means cancelled


def test_kasubag_removes_posts_after_unpublishing(court, users, client_as, connected, platforms, photo):
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    kasubag = client_as("kasubag")
    response = kasubag.get(reverse("social_status:page", args=[page.pk]))
    assert "Hapus dari platform" not in text(response)  # only once the page is down
    NewsPage.objects.get(pk=page.pk).unpublish(user=users["kasubag"])
    response = kasubag.get(reverse("social_status:page", args=[page.pk]))
    assert text(response).count("Hapus dari platform") == 3 and "Tandai sudah dihapus" in text(response)
    for delivery in SocialDelivery.objects.filter(page=page):
        action = "mark_removed" if delivery.platform == "instagram" else "remove"
        kasubag.post(reverse("social_status:action", args=[delivery.pk, action]))
    assert set(SocialDelivery.objects.filter(page=page).values_list("status", flat=True)) == {S.REMOVED}
    assert not platforms.facebook.posts and not platforms.x.tweets and not platforms.telegram.messages
    assert len(platforms.facebook.deleted) == len(platforms.x.deleted) == len(platforms.telegram.deleted) == 1
    # The Admin may not take posts down.
    delivery = SocialDelivery.objects.first()
    SocialDelivery.objects.filter(pk=delivery.pk).update(status=S.SENT)
    client_as("admin").post(reverse("social_status:action", args=[delivery.pk, "remove"]))
    delivery.refresh_from_db()
    assert delivery.status == S.SENT


def test_kasubag_posts_again_on_request(court, users, client_as, connected, platforms, photo,
                                        django_capture_on_commit_callbacks):
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    # A channel connected after the item went out receives it only when the Kasubag asks.
    extra = SocialAccount(site=court.site, platform="telegram", name="Kanal kedua",
                          external_id=str(platforms.telegram.add_channel(
                              "kedua", admins=[platforms.telegram.bots[connected.accounts["telegram"]
                                                                      .credentials["bot_token"]]["id"]])),
                          handle="kedua")
    extra.credentials = connected.accounts["telegram"].credentials
    extra.save()
    kasubag = client_as("kasubag")
    response = kasubag.get(reverse("social_status:repost", args=[page.pk]))
    checked = [i["value"] for i in BeautifulSoup(response.content, "html.parser").select("input[checked]")]
    assert checked == [str(extra.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        kasubag.post(reverse("social_status:repost", args=[page.pk]), {"accounts": [str(extra.pk)]})
    second = SocialDelivery.objects.get(page=page, account=extra)
    assert second.round == 2 and second.status == S.SENT
    assert len(platforms.telegram.messages) == 2


# Report -------------------------------------------------------------------------------------------

def test_delivery_report_lists_and_exports(court, users, client_as, connected, platforms, photo):
    platforms.x.fail_next("invalid_media", path="/2/tweets")
    page = published(court, users, photo)
    outbox.run_due(now=platforms.clock.now())
    sekretaris = client_as("sekretaris")
    response = sekretaris.get(reverse("social_report:index"))
    assert response.status_code == 200
    body = text(response)
    assert "Laporan media sosial" in body and "Sidang keliling di Kecamatan Maju" in body
    assert body.count("terkirim") >= 3 and "gagal" in body

    response = sekretaris.get(reverse("social_report:index"), {"platform": "x"})
    assert "X menolak kiriman ini" in text(response) and "Telegram" not in text(response).split("Status")[-1]

    response = sekretaris.get(reverse("social_report:index"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert len(rows) == 4
    assert {row["Platform"]: row["Status"] for row in rows} == {
        "Facebook": "terkirim", "Instagram": "terkirim", "X": "gagal", "Telegram": "terkirim"}
    assert all(row["Konten"] == "Sidang keliling di Kecamatan Maju" for row in rows)
    response = sekretaris.get(reverse("social_report:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                     if response.streaming else response.content)).active
    assert sheet.max_row == 5

    assert client_as("redaktur").get(reverse("social_report:index")).status_code in (302, 403)
    assert page.pk


def test_status_panel_for_the_page_editor(court, users, connected, platforms, photo, rf):
    from publishers.social.panels import SocialStatusPanel

    page = published(court, users, photo)
    panel = SocialStatusPanel().bind_to_model(NewsPage)
    request = rf.get("/")
    request.user = users["admin"]
    html = panel.get_bound_panel(instance=page, request=request, form=None).render_html({})
    assert html.count("menunggu") == 4 and reverse("social_status:page", args=[page.pk]) in html
    outbox.run_due(now=platforms.clock.now())
    html = panel.get_bound_panel(instance=page, request=request, form=None).render_html({})
    assert html.count("terkirim") == 4 and html.count(">lihat<") == 4


def test_deliveries_are_created_in_the_approval_transaction(court, users, client_as, connected, photo):
    """If anything after our handler fails during the Kasubag's approval, the publish and the posts roll back
    together: no post for an item that did not go live."""
    from wagtail.signals import page_published

    admin, redaktur, kasubag = client_as("admin"), client_as("redaktur"), client_as("kasubag")
    data = page_form(admin, create_url(court.news_index), title="Berita gagal terbit", slug="gagal-terbit",
                     lead="Teras.", social_caption="Berita gagal terbit.", social_image=str(photo.pk))
    data["action-submit"] = "Kirim ke Redaktur"
    admin.post(create_url(court.news_index), data)
    page = NewsPage.objects.get(slug="gagal-terbit")
    redaktur.post(workflow_action_url(page, "approve", current_task_state(page)), {})

    def later_receiver_fails(**kwargs):
        raise RuntimeError("disk full")

    page_published.connect(later_receiver_fails, dispatch_uid="test-later-failure")
    try:
        with pytest.raises(RuntimeError):
            kasubag.post(workflow_action_url(page, "approve", current_task_state(page)), {"comment": ""})
    finally:
        page_published.disconnect(dispatch_uid="test-later-failure")
    assert not NewsPage.objects.get(pk=page.pk).live
    assert not SocialDelivery.objects.filter(page=page).exists()


# Connecting without ?site=, managing channels from the list --------------------------------------

def test_kasubag_connects_telegram_without_site_in_the_address(court, client_as, platforms):
    """The menu opens the connect page with no ?site=: the Kasubag's court is used, not a silent redraw."""
    token, bot_id = platforms.telegram.add_bot("warta_pn_uji_bot")
    platforms.telegram.add_channel("pnuji_info", title="Info PN Uji", admins=[bot_id])
    kasubag = client_as("kasubag")
    form = BeautifulSoup(kasubag.get(reverse("social_accounts:add")).content, "html.parser")
    assert not form.select("input[name=site][type=radio]")  # one court: nothing to choose
    response = kasubag.post(reverse("social_accounts:add"), {"provider": "telegram"})
    assert response.status_code == 302
    assert response["Location"] == reverse("social_accounts:connect_telegram") + f"?site={court.site.pk}"
    response = kasubag.post(reverse("social_accounts:connect_telegram"),
                            {"channel": "@pnuji_info", "bot_token": token}, follow=True)
    assert "Kanal Info PN Uji tersambung" in text(response)
    assert SocialAccount.objects.get(platform="telegram").site == court.site


def test_connect_form_says_what_is_missing(court, client_as):
    kasubag = client_as("kasubag")
    response = kasubag.post(reverse("social_accounts:add"), {})
    assert response.status_code == 200
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]")
    assert "Formulir belum dapat diproses" in alert.get_text()
    assert "Pilih platform kanal yang akan disambungkan" in text(response)
    # A court the user does not manage, sent in the hidden field: said in the alert, never a silent redraw.
    response = kasubag.post(reverse("social_accounts:add"), {"site": "9999", "provider": "telegram"})
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]")
    assert "tidak termasuk yang kanalnya Anda kelola" in alert.get_text()


def test_a_manager_of_several_courts_chooses_one_visibly(court, client_as):
    from wagtail.models import Site

    from tests.support.factories import HomePageFactory

    other = Site.objects.create(hostname="pa-uji.test", root_page=HomePageFactory(parent=court.home.get_parent(),
                                                                                  slug="pa-uji"),
                                site_name="PA Uji")
    root = client_as("root")
    page = BeautifulSoup(root.get(reverse("social_accounts:add")).content, "html.parser")
    assert {radio["value"] for radio in page.select("input[name=site][type=radio]")} == {
        str(court.site.pk), str(other.pk)}
    response = root.post(reverse("social_accounts:add"), {"provider": "telegram"})
    assert "Pilih pengadilan yang memiliki kanal ini" in text(response)
    response = root.post(reverse("social_accounts:add"), {"provider": "telegram", "site": other.pk})
    assert response["Location"].endswith(f"?site={other.pk}")


def telegram_channel(court, platforms, title="Info PN Uji"):
    token, bot_id = platforms.telegram.add_bot()
    chat_id = platforms.telegram.add_channel("pnuji_info", title=title, admins=[bot_id])
    account = SocialAccount(site=court.site, platform="telegram", name=title, external_id=str(chat_id),
                            handle="pnuji_info")
    account.credentials = {"bot_token": token}
    account.save()
    return account, token


def test_channel_list_rows_open_the_channel_and_offer_its_actions(court, client_as, platforms):
    account, _token = telegram_channel(court, platforms)
    listing = BeautifulSoup(client_as("kasubag").get(reverse("social_accounts:index")).content, "html.parser")
    title_link = listing.find("a", string=lambda s: s and "Info PN Uji" in s)
    assert title_link["href"] == reverse("social_accounts:edit", args=[account.pk])
    hrefs = {a["href"] for a in listing.select("a[href]")}
    for name in ("edit", "deactivate", "reconnect", "delete"):
        assert reverse(f"social_accounts:{name}", args=[account.pk]) in hrefs, name


def test_kasubag_deactivates_and_activates_a_channel(court, users, client_as, platforms, photo):
    account, _token = telegram_channel(court, platforms)
    kasubag = client_as("kasubag")
    confirm = kasubag.get(reverse("social_accounts:deactivate", args=[account.pk]))
    assert "Nonaktifkan kanal Info PN Uji?" in text(confirm)
    account.refresh_from_db()
    assert account.active  # looking is not doing
    response = kasubag.post(reverse("social_accounts:deactivate", args=[account.pk]), follow=True)
    assert "Kanal Info PN Uji dinonaktifkan" in text(response)
    assert "nonaktif" in text(response)  # the list shows the state
    account.refresh_from_db()
    assert not account.active
    # An item published now does not go to the inactive channel.
    page = published(court, users, photo, title="Berita saat kanal nonaktif")
    assert not SocialDelivery.objects.filter(page=page).exists()

    response = kasubag.post(reverse("social_accounts:activate", args=[account.pk]), follow=True)
    assert "Kanal Info PN Uji aktif lagi" in text(response)
    account.refresh_from_db()
    assert account.active
    history = kasubag.get(reverse("social_accounts:history", args=[account.pk]))
    assert text(history).count("Kasubag") >= 2


def test_kasubag_reconnects_telegram_after_the_bot_is_admin_again(court, client_as, platforms):
    account, token = telegram_channel(court, platforms)
    SocialAccount.objects.filter(pk=account.pk).update(needs_reconnect=True, last_error="Bot bukan lagi admin.")
    kasubag = client_as("kasubag")
    assert "perlu disambungkan ulang" in text(kasubag.get(reverse("social_accounts:index")))
    url = reverse("social_accounts:reconnect", args=[account.pk])
    assert "Bot bukan lagi admin." in text(kasubag.get(url))
    response = kasubag.post(url, {"bot_token": ""}, follow=True)  # the stored token, checked again
    assert "Kanal Info PN Uji tersambung ulang" in text(response)
    account.refresh_from_db()
    assert not account.needs_reconnect and account.last_error == "" and account.credentials == {"bot_token": token}

    platforms.telegram.revoke(token)
    response = kasubag.post(url, {"bot_token": ""})
    assert "Token bot Telegram tidak berlaku lagi" in text(response)
    new_token, bot_id = platforms.telegram.add_bot("bot_baru")
    platforms.telegram.chats[int(account.external_id)]["admins"][bot_id] = True
    response = kasubag.post(url, {"bot_token": new_token}, follow=True)
    assert "tersambung ulang" in text(response) and new_token not in response.content.decode()
    account.refresh_from_db()
    assert account.credentials == {"bot_token": new_token}


def test_kasubag_reconnects_x_through_its_login(court, client_as, connected, platforms, insecure_oauth):
    x = connected.accounts["x"]
    SocialAccount.objects.filter(pk=x.pk).update(needs_reconnect=True, last_error="Token X ditolak.")
    kasubag = client_as("kasubag")
    url = reverse("social_accounts:reconnect", args=[x.pk])
    assert "Lanjutkan ke X" in text(kasubag.get(url))
    response = kasubag.post(url)
    assert response["Location"].startswith(platforms.x.url + "/oauth/authorize?oauth_token=")
    response = kasubag.get(follow_platform_redirect(response), follow=True)
    assert "tersambung" in text(response)
    x.refresh_from_db()
    assert not x.needs_reconnect and x.last_error == ""
    assert SocialAccount.objects.filter(platform="x").count() == 1  # the same channel, not a second one


def test_editing_a_channel_says_what_changed(court, client_as, platforms):
    account, _token = telegram_channel(court, platforms)
    kasubag = client_as("kasubag")
    url = reverse("social_accounts:edit", args=[account.pk])
    response = kasubag.post(url, {"name": "Info Resmi PN Uji", "active": "on", "new_bot_token": ""}, follow=True)
    assert "Kanal Info Resmi PN Uji disimpan." in text(response)
    response = kasubag.post(url, {"name": "Info Resmi PN Uji", "new_bot_token": ""}, follow=True)
    assert "Kanal Info Resmi PN Uji disimpan; sekarang nonaktif." in text(response)


def test_kasubag_deletes_a_channel_after_confirming(court, client_as, platforms):
    account, _token = telegram_channel(court, platforms)
    kasubag = client_as("kasubag")
    url = reverse("social_accounts:delete", args=[account.pk])
    assert "Hapus kanal Info PN Uji dari Warta?" in text(kasubag.get(url))
    assert SocialAccount.objects.filter(pk=account.pk).exists()
    response = kasubag.post(url, follow=True)
    assert "Kanal Info PN Uji dihapus dari Warta." in text(response)
    assert not SocialAccount.objects.filter(pk=account.pk).exists()


def test_channels_of_another_court_are_out_of_reach(court, client_as, platforms):
    """The Kasubag of a second court (its own role groups) reaches only that court's channels."""
    from django.apps import apps
    from django.test import Client
    from wagtail.models import Collection, Site

    from core import roles
    from tests.support.factories import HomePageFactory, UserFactory

    other_home = HomePageFactory(parent=court.home.get_parent(), slug="pa-uji")
    other_site = Site.objects.create(hostname="pa-uji.test", root_page=other_home, site_name="PA Uji")
    groups = roles.setup_role_groups(apps, other_home.pk, Collection.get_first_root_node().pk, "PA Uji ",
                                     site_id=other_site.pk)
    other_kasubag = Client()
    other_kasubag.force_login(UserFactory(username="kasubag_pa", groups=[groups[roles.KASUBAG]]))
    account, _token = telegram_channel(court, platforms)
    for name in ("edit", "delete", "deactivate", "reconnect", "history"):
        assert other_kasubag.get(reverse(f"social_accounts:{name}", args=[account.pk])).status_code == 404, name
    assert other_kasubag.post(reverse("social_accounts:deactivate", args=[account.pk])).status_code == 404
    assert "Info PN Uji" not in text(other_kasubag.get(reverse("social_accounts:index")))
    assert "Info PN Uji" in text(client_as("kasubag").get(reverse("social_accounts:index")))
    account.refresh_from_db()
    assert account.active


# Leaving a channel out for one item ---------------------------------------------------------------

def test_a_channel_left_out_on_the_item_gets_no_delivery(court, users, connected, platforms, photo):
    telegram = connected.accounts["telegram"]
    page = NewsPageFactory(parent=court.news_index, title="Tanpa Telegram", live=False, social_image=photo,
                           social_caption="Tanpa Telegram.", social_excluded_channels=[telegram.pk])
    page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    assert set(SocialDelivery.objects.filter(page=page).values_list("platform", flat=True)) == {
        "facebook", "instagram", "x"}
    outbox.run_due(now=platforms.clock.now())
    assert not platforms.telegram.messages and len(platforms.x.tweets) == 1


def test_editors_leave_a_channel_out_in_the_form_and_it_travels_with_the_revision(
        court, users, client_as, connected, photo, django_capture_on_commit_callbacks):
    x = connected.accounts["x"]
    admin, redaktur, kasubag = client_as("admin"), client_as("redaktur"), client_as("kasubag")
    data = page_form(admin, create_url(court.news_index), title="Sidang keliling panjang", slug="panjang",
                     lead="Teras.", social_caption="Sidang keliling. " * 20, social_image=str(photo.pk))
    ticks = [str(pk) for name, pk in ((n, a.pk) for n, a in connected.accounts.items()) if name != "x"]
    data["social_channels"] = ticks
    data["action-submit"] = "Kirim ke Redaktur"
    # The caption is too long for X only; X is left out, so the item saves (no check for a channel not used).
    response = admin.post(create_url(court.news_index), data)
    assert response.status_code == 302, text(response)
    page = NewsPage.objects.get(slug="panjang")
    assert page.get_latest_revision().content["social_excluded_channels"] == [x.pk]

    # The Redaktur sees the choice (X unticked) and keeps it by saving the form as it is.
    form = BeautifulSoup(redaktur.get(edit_url(page)).content, "html.parser")
    ticked = {box["value"] for box in form.select("input[name=social_channels][checked]")}
    assert ticked == set(ticks)
    act = django_capture_on_commit_callbacks
    with act(execute=True):
        redaktur.post(workflow_action_url(page, "approve", current_task_state(page)), {})
    with act(execute=True):
        kasubag.post(workflow_action_url(page, "approve", current_task_state(page)), {"comment": ""})
    assert set(SocialDelivery.objects.filter(page=page).values_list("account_id", flat=True)) == {
        int(pk) for pk in ticks}

    # Ticking X again brings back its check: the caption is too long for X.
    data = page_form(kasubag, edit_url(page))
    data["social_channels"] = ticks + [str(x.pk)]
    response = kasubag.post(edit_url(page), data)
    assert "Teks untuk X terlalu panjang" in text(response)


def test_a_form_without_the_channel_ticks_keeps_the_choice(court, users, connected):
    """Forms that never showed the ticks (e.g. writes through the API) leave the item's choice alone."""
    from cms.models.social import SocialDraftPageForm

    x = connected.accounts["x"]
    page = NewsPageFactory(parent=court.news_index, title="Pilihan tetap", live=False,
                           social_excluded_channels=[x.pk])
    form_class = NewsPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, SocialDraftPageForm)
    form = form_class(instance=page, for_user=users["admin"])
    form.cleaned_data = {}
    form.data = {}
    form.clean()
    assert page.social_excluded_channels == [x.pk]
    form.data = {"social_channels-shown": "1"}
    form.cleaned_data = {"social_channels": []}
    form.clean()
    assert page.social_excluded_channels == sorted(a.pk for a in connected.accounts.values())
