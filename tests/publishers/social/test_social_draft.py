"""The social media draft in the editor: validated on save, counted and previewed live as the editor types."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from cms.models import NewsPage
from core import platform_rules
from publishers.social.models import SocialAccount
from tests.support.admin_forms import edit_url, page_form
from tests.support.factories import NewsPageFactory


def channel(court, platform, name, **fields):
    """A connected channel of the court (the editor never calls the platform, so no fake is needed)."""
    account = SocialAccount(site=court.site, platform=platform, name=name, external_id=f"{platform}-{name}",
                            **fields)
    account.credentials = {"token": "rahasia"}
    account.save()
    return account


@pytest.fixture
def news(court, users):
    page = NewsPageFactory(parent=court.news_index, title="Mediasi berhasil", slug="mediasi", live=False,
                           owner=users["admin"])
    page.save_revision(user=users["admin"])
    return page


@pytest.mark.django_db
def test_a_caption_over_the_platform_limit_is_refused_on_save(court, news, client_as):
    channel(court, platform_rules.X, "X @PNUji")
    client = client_as("redaktur")
    data = page_form(client, edit_url(news), social_caption_x="Mediasi " * 40)
    response = client.post(edit_url(news), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Teks untuk X terlalu panjang" in html and "dari batas 280 karakter" in html
    news.refresh_from_db()
    assert news.get_latest_revision().user.username == "admin"


@pytest.mark.django_db
def test_the_editor_loads_the_preview_script_and_its_context(news, client_as):
    client = client_as("admin")
    html = client.get(edit_url(news)).content.decode()
    assert "publishers/social/js/vendor/twitter-text.js" in html and "publishers/social/js/social-preview.js" in html
    assert "publishers/social/css/social-preview.css" in html
    assert finders.find("publishers/social/js/social-preview.js")
    assert finders.find("publishers/social/css/social-preview.css")

    context = client.get(reverse("social_preview_context", args=[news.pk])).json()
    assert context["page_url"] == "http://testserver/berita/mediasi/"
    assert context["base_url"] == "http://testserver/berita/"
    assert context["rules"]["x"] == {"label": "X", "limit": 280, "weighted": True, "emoji_bytes": False,
                                     "max_hashtags": None}
    assert context["rules"]["threads"] == {"label": "Threads", "limit": 500, "weighted": False, "emoji_bytes": True,
                                           "max_hashtags": None}
    assert context["linkless"] == ["instagram"]
    assert context["labels"]["heading"] == "Pratinjau media sosial"

    new = client.get(reverse("social_preview_context", args=[news.get_parent().pk]), {"parent": 1}).json()
    assert new["base_url"] == "http://testserver/berita/" and new["page_url"] == ""


@pytest.mark.django_db
def test_the_preview_context_lists_only_the_courts_active_channels(court, news, client_as):
    telegram = channel(court, platform_rules.TELEGRAM, "Info PN Uji", handle="pnuji_info")
    channel(court, platform_rules.FACEBOOK, "PN Uji lama", active=False)
    facebook = channel(court, platform_rules.FACEBOOK, "PN Uji", avatar_url="https://cdn.example/pnuji.jpg")
    client = client_as("admin")
    context = client.get(reverse("social_preview_context", args=[news.pk])).json()
    assert context["channels"] == [
        {"id": facebook.pk, "platform": "facebook", "name": "PN Uji", "handle": "",
         "avatar": "https://cdn.example/pnuji.jpg", "initial": "P"},
        {"id": telegram.pk, "platform": "telegram", "name": "Info PN Uji", "handle": "pnuji_info", "avatar": "",
         "initial": "I"},
    ]
    assert "account" not in context["labels"]  # no made-up "Akun pengadilan"
    assert context["labels"]["link_pending"] == "tautan dibuat saat terbit"
    new = client.get(reverse("social_preview_context", args=[news.get_parent().pk]), {"parent": 1}).json()
    assert [c["name"] for c in new["channels"]] == ["PN Uji", "Info PN Uji"]


@pytest.mark.django_db
def test_caption_checks_follow_the_channels_the_item_goes_to(court, news, client_as):
    """Only connected, active channels that the item does not leave out are checked."""
    client = client_as("redaktur")
    data = page_form(client, edit_url(news), social_caption_x="Mediasi " * 40)
    assert client.post(edit_url(news), data).status_code == 302  # no X channel: nothing to refuse
    x = channel(court, platform_rules.X, "X @PNUji")
    telegram = channel(court, platform_rules.TELEGRAM, "Info PN Uji")
    data = page_form(client, edit_url(news), social_caption_x="Mediasi " * 40)
    assert sorted(data["social_channels"]) == sorted([str(x.pk), str(telegram.pk)])
    assert "Teks untuk X terlalu panjang" in client.post(edit_url(news), data).content.decode()
    data["social_channels"] = str(telegram.pk)
    assert client.post(edit_url(news), data).status_code == 302
    assert NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object().social_excluded_channels == [x.pk]


@pytest.mark.django_db
def test_the_preview_context_needs_edit_rights(news, client_as):
    response = client_as("sekretaris").get(reverse("social_preview_context", args=[news.pk]))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_channels_app_adds_its_part_to_the_social_tab(news):
    """The content model names no publisher: the ticks, the checks and the status panel are registered by
    publishers.social (cms.social_draft), each in its slot of the "Media sosial" tab."""
    from cms import social_draft
    from publishers.social.draft import SocialChannelsExtension

    assert [type(extension) for extension in social_draft.extensions()] == [SocialChannelsExtension]
    tab = next(child for child in NewsPage.get_edit_handler().children if child.heading == "Media sosial")
    names = [getattr(child, "field_name", None) or type(child).__name__ for child in tab.children]
    assert names[:6] == ["social_enabled", "social_channels", "social_timing", "social_post_at",
                         "social_channel_timing", "social_caption"]
    assert names[-1] == "SocialStatusPanel"


@pytest.mark.django_db
def test_the_content_model_works_with_no_extension_registered(court, news, monkeypatch):
    """cms alone: the tab holds the draft's own fields, the form has no channel ticks and clean() checks only
    what holds everywhere, whatever channels the court has."""
    from django.core.exceptions import ValidationError

    from cms import social_draft

    channel(court, platform_rules.X, "X @PNUji")
    monkeypatch.setattr(social_draft, "_extensions", [])
    handler = NewsPage.edit_handler.bind_to_model(NewsPage)
    tab = next(child for child in handler.children if child.heading == "Media sosial")
    names = [getattr(child, "field_name", None) or type(child).__name__ for child in tab.children]
    assert names[:2] == ["social_enabled", "social_caption"] and "SocialStatusPanel" not in names
    assert "social_channels" not in handler.get_form_class().base_fields

    page = NewsPage.objects.get(pk=news.pk)
    page.social_caption_x = "Mediasi " * 40  # too long for X, but nothing here knows where it goes
    page.clean_social_draft()
    page.social_hashtags = " ".join(f"#tagar{i}" for i in range(31))
    with pytest.raises(ValidationError, match="paling banyak 30 tagar"):
        page.clean_social_draft()


@pytest.mark.django_db
def test_one_channel_goes_its_own_way(court, news, client_as):
    """The item goes at go-live; X alone waits for its next slot; Telegram at the chosen time. Saved with
    the revision the reviewers see, and read per channel by the outbox's planning."""
    import datetime

    from django.utils import timezone

    from publishers.social import schedule

    xaccount = channel(court, platform_rules.X, "X @PNUji")
    telegram = channel(court, platform_rules.TELEGRAM, "Info PN Uji")
    facebook = channel(court, platform_rules.FACEBOOK, "PN Uji")
    client = client_as("admin")
    page = client.get(edit_url(news)).content.decode()
    assert "Waktu kirim per kanal" in page and f'name="social_channel_timing-{xaccount.pk}"' in page
    later = timezone.localtime() + datetime.timedelta(days=1)
    data = page_form(client, edit_url(news), social_timing="tayang")
    data[f"social_channel_timing-{xaccount.pk}"] = "slot"
    data[f"social_channel_timing-{telegram.pk}"] = "waktu"
    # Telegram at a chosen time needs the time.
    assert "Isi waktu kirim" in client.post(edit_url(news), data).content.decode()
    data["social_post_at"] = later.strftime("%Y-%m-%d %H:%M")
    data[f"social_channel_timing-{facebook.pk}"] = "bukan-pilihan"
    assert "Pilihan waktu kirim kanal tidak dikenal." in client.post(edit_url(news), data).content.decode()
    data[f"social_channel_timing-{facebook.pk}"] = ""
    assert client.post(edit_url(news), data).status_code == 302
    latest = NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object()
    assert latest.social_schedule["mode"] == "tayang"
    assert latest.social_schedule["channels"] == {str(xaccount.pk): "slot", str(telegram.pk): "waktu"}
    assert schedule.item_choice(latest, facebook) == (schedule.TAYANG, None)
    assert schedule.item_choice(latest, xaccount) == (schedule.SLOT, None)
    mode, at = schedule.item_choice(latest, telegram)
    assert mode == schedule.WAKTU and at.strftime("%Y-%m-%d %H:%M") == later.strftime("%Y-%m-%d %H:%M")
    # The form shows the choice back.
    page = client.get(edit_url(news)).content.decode()
    assert '<option value="slot" selected>' in page
    # Set back to "as above": the channel follows the item again.
    data = page_form(client, edit_url(news))
    data[f"social_channel_timing-{xaccount.pk}"] = ""
    data[f"social_channel_timing-{telegram.pk}"] = ""
    assert client.post(edit_url(news), data).status_code == 302
    assert "channels" not in NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object().social_schedule
