"""Images per platform (renditions around the focal point, checked at edit time) and tokens at rest."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core import crypto, platform_rules
from publishers.social import media
from publishers.social.models import SocialAccount
from tests.support.factories import NewsPageFactory
from tests.support.fakes.fixtures import make_jpeg

pytestmark = pytest.mark.django_db


def blue_at_left_edge(rendition):
    with rendition.file.open("rb") as handle:
        image = PILImage.open(io.BytesIO(handle.read())).convert("RGB")
    column = [image.getpixel((1, y))[2] for y in range(0, image.height, 20)]
    return sum(column) / len(column)


@pytest.mark.parametrize("crop,size", [("portrait", (1080, 1350)), ("square", (1080, 1080)),
                                       ("landscape", (1200, 628))])
def test_rendition_per_crop_is_a_jpeg_within_every_platform_rule(photo, crop, size):
    for kind in platform_rules.RULES:
        rendition = media.rendition_for(photo, crop, kind)
        assert media.rendition_errors(rendition, kind) == []
    rendition = media.rendition_for(photo, crop, platform_rules.INSTAGRAM)
    with rendition.file.open("rb") as handle:
        assert PILImage.open(handle).format == "JPEG"
    # The source is 1600x1200, so the portrait and square crops are limited by its height.
    assert rendition.width / rendition.height == pytest.approx(size[0] / size[1], rel=0.01)


def test_crop_follows_the_focal_point(photo):
    # The test image's blue channel grows from left to right; the focal point is at x=1200 of 1600.
    Image = get_image_model()
    centred = Image(title="tanpa titik fokus")
    centred.file = ImageFile(io.BytesIO(make_jpeg()), name="tengah.jpg")
    centred.save()
    focused = media.rendition_for(photo, "portrait", platform_rules.INSTAGRAM)
    plain = media.rendition_for(centred, "portrait", platform_rules.INSTAGRAM)
    # A 4:5 crop of a 1600x1200 image is 960 wide. Centred it starts at x=320; Wagtail keeps the focal point
    # (x=1200, 3/4 across) 3/4 across the crop too, so it starts at 1200 - 0.75 * 960 = 480.
    assert blue_at_left_edge(focused) == pytest.approx(480 / 1600 * 255, abs=8)
    assert blue_at_left_edge(plain) == pytest.approx(320 / 1600 * 255, abs=8)


def test_public_url_is_absolute_on_the_site(photo, settings):
    settings.WARTA_BASE_URL = "https://pn-uji.go.id"
    rendition = media.rendition_for(photo, "square", platform_rules.FACEBOOK)
    assert media.public_url(rendition) == f"https://pn-uji.go.id{rendition.url}"


def test_too_large_image_is_refused_for_the_platform():
    errors = platform_rules.image_errors(platform_rules.FACEBOOK, 1080, 1080, 5 * 1024 * 1024)
    assert [str(e) for e in errors] == ["Gambar untuk Facebook harus di bawah 4 MB."]
    errors = platform_rules.image_errors(platform_rules.INSTAGRAM, 1000, 2000, 1000)
    assert [str(e) for e in errors] == ["Gambar untuk Instagram terlalu tinggi: rasio minimal 4:5."]


def test_instagram_needs_an_image_at_edit_time(court, photo):
    account = SocialAccount(site=court.site, platform=platform_rules.INSTAGRAM, name="IG", external_id="1")
    account.credentials = {"access_token": "x"}
    account.save()
    page = NewsPageFactory(parent=court.news_index, title="Tanpa gambar", live=False)
    errors = media.edit_time_errors(page)
    assert [str(e) for e in errors["social_image"]] == [
        "Instagram hanya menerima kiriman bergambar: pilih gambar untuk media sosial atau gambar utama."]
    page.social_image = photo
    assert media.edit_time_errors(page) == {}
    page.social_image = None
    page.social_enabled = False
    assert media.edit_time_errors(page) == {}
    # Without an Instagram account connected, a text-only post is fine.
    account.delete()
    page.social_enabled = True
    assert media.edit_time_errors(page) == {}


def test_tokens_are_encrypted_and_keys_rotate(court, settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.WARTA_TOKEN_KEYS = [old_key]
    account = SocialAccount(site=court.site, platform="telegram", name="Kanal", external_id="-1001")
    account.credentials = {"bot_token": "123456:RAHASIA-sekali"}
    account.save()
    stored = SocialAccount.objects.values_list("credentials_encrypted", flat=True).get()
    assert "RAHASIA" not in stored
    assert Fernet(old_key.encode()).decrypt(stored.encode())  # readable with the configured key only

    settings.WARTA_TOKEN_KEYS = [new_key, old_key]  # new key first, old one still accepted
    assert SocialAccount.objects.get().credentials == {"bot_token": "123456:RAHASIA-sekali"}
    call_command("rotate_social_tokens", stdout=io.StringIO())
    settings.WARTA_TOKEN_KEYS = [new_key]  # the old key can go now
    assert SocialAccount.objects.get().credentials == {"bot_token": "123456:RAHASIA-sekali"}
    settings.WARTA_TOKEN_KEYS = [old_key]
    with pytest.raises(crypto.TokenDecryptionError):
        _ = SocialAccount.objects.get().credentials
    assert "RAHASIA" not in repr(SocialAccount.objects.get())


def test_admin_sees_the_image_rule_when_saving_a_draft(court, client_as):
    """The same check, as the Admin meets it: saving the editor's form, not at delivery."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    account = SocialAccount(site=court.site, platform=platform_rules.INSTAGRAM, name="IG", external_id="1")
    account.credentials = {"access_token": "x"}
    account.save()
    page = NewsPageFactory(parent=court.news_index, title="Tanpa gambar", slug="tanpa-gambar", live=False)
    form = nested_form_data({
        "title": "Tanpa gambar", "slug": "tanpa-gambar", "date": "2026-11-02", "lead": "Teras.",
        "body": streamfield([("paragraph", rich_text("<p>Isi.</p>"))]), "social_enabled": "on",
        "social_caption": "Kabar baru.", "social_crop": "square", "tags": "",
    })
    response = client_as("admin").post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 200  # the form comes back with the error, nothing saved
    assert "Instagram hanya menerima kiriman bergambar" in response.content.decode()
    assert page.revisions.count() == 0


def test_another_courts_instagram_does_not_bind_this_court(court, client_as):
    """One deployment, many courts: only the court's own connected platforms apply, also on a new page."""
    from wagtail.models import Page, Site
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from tests.support.factories import HomePageFactory

    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="pn-lain", title="PN Lain")
    other = Site.objects.create(hostname="pn-lain.test", port=80, root_page=other_home)
    account = SocialAccount(site=other, platform=platform_rules.INSTAGRAM, name="IG lain", external_id="9")
    account.credentials = {"access_token": "x"}
    account.save()
    form = nested_form_data({
        "title": "Tanpa gambar", "slug": "tanpa-gambar", "date": "2026-11-02", "lead": "Teras.",
        "body": streamfield([("paragraph", rich_text("<p>Isi.</p>"))]), "social_enabled": "on",
        "social_caption": "Kabar baru.", "social_crop": "square", "tags": "",
    })
    response = client_as("admin").post(f"/admin/pages/add/cms/newspage/{court.news_index.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Page.objects.get(slug="tanpa-gambar").get_parent().pk == court.news_index.pk
