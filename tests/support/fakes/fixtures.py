"""Pytest fixtures that start the fake platforms and connect the court's accounts to them.

Registered for the whole suite by ``pytest_plugins`` in ``tests/conftest.py``: a test asks for ``platforms``,
``connected`` or ``photo`` by name.
"""

import io
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core import platform_rules
from publishers.social.models import SocialAccount

from .base import Clock
from .facebook import FacebookFake
from .files import MediaServer
from .graph import MetaTokens
from .instagram import InstagramFake
from .telegram import TelegramFake
from .threads import ThreadsFake
from .x import XFake


@pytest.fixture
def platforms(settings):
    """The five fakes, plus the media server Meta downloads images from; settings point at them."""
    clock = Clock()
    meta = MetaTokens()
    fakes = SimpleNamespace(
        clock=clock, meta=meta,
        facebook=FacebookFake(meta, clock).start(), instagram=InstagramFake(meta, clock).start(),
        x=XFake(clock).start(), telegram=TelegramFake(clock).start(), threads=ThreadsFake(clock).start(),
        media=MediaServer(settings.MEDIA_ROOT).start(),
    )
    settings.WARTA_FACEBOOK_API_URL = fakes.facebook.url
    settings.WARTA_FACEBOOK_DIALOG_URL = fakes.facebook.url + "/dialog/oauth"
    settings.WARTA_INSTAGRAM_API_URL = fakes.instagram.url
    settings.WARTA_X_API_URL = fakes.x.url
    settings.WARTA_TELEGRAM_API_URL = fakes.telegram.url
    settings.WARTA_THREADS_API_URL = fakes.threads.url
    settings.WARTA_THREADS_AUTH_URL = fakes.threads.url + "/oauth/authorize"
    settings.WARTA_THREADS_APP_ID = fakes.threads.app_id
    settings.WARTA_THREADS_APP_SECRET = fakes.threads.app_secret
    settings.WARTA_BASE_URL = fakes.media.url
    settings.WARTA_META_APP_ID = fakes.facebook.app_id
    settings.WARTA_META_APP_SECRET = fakes.facebook.app_secret
    settings.WARTA_X_CONSUMER_KEY = fakes.x.consumer_key
    settings.WARTA_X_CONSUMER_SECRET = fakes.x.consumer_secret
    settings.WARTA_SOCIAL_POLL_SECONDS = 0
    settings.WARTA_SOCIAL_HTTP_TIMEOUT = (2, 1)
    yield fakes
    for fake in (fakes.facebook, fakes.instagram, fakes.x, fakes.telegram, fakes.threads, fakes.media):
        fake.stop()


@pytest.fixture
def connected(court, platforms):
    """The court's four accounts, connected to the fakes (as the admin connect flows would leave them)."""
    fb, ig, x, tg = platforms.facebook, platforms.instagram, platforms.x, platforms.telegram
    page_id, page_token, instagram = fb.add_page("PN Uji", instagram_username="pnuji")
    ig.add_account(instagram["id"], "pnuji", page_token)
    user_id, x_token, x_secret = x.add_user("PNUji")
    bot_token, bot_id = tg.add_bot()
    chat_id = tg.add_channel("pnuji_info", admins=[bot_id])
    accounts = {}
    for platform, external_id, handle, credentials in [
        (platform_rules.FACEBOOK, page_id, "", {"access_token": page_token}),
        (platform_rules.INSTAGRAM, instagram["id"], "pnuji", {"access_token": page_token}),
        (platform_rules.X, user_id, "PNUji", {"oauth_token": x_token, "oauth_token_secret": x_secret}),
        (platform_rules.TELEGRAM, str(chat_id), "pnuji_info", {"bot_token": bot_token}),
    ]:
        account = SocialAccount(site=court.site, platform=platform, name=f"{platform} PN Uji",
                                external_id=external_id, handle=handle)
        account.credentials = credentials
        account.save()
        accounts[platform] = account
    secrets = [page_token, x_token, x_secret, bot_token, bot_token.split(":")[1]]
    return SimpleNamespace(accounts=accounts, secrets=secrets,
                           page_id=page_id, ig_id=instagram["id"], x_user=user_id, chat_id=chat_id)


@pytest.fixture
def threads_connected(court, platforms, connected):
    """The court's Threads profile too (as the Threads connect flow leaves it), beside the other four."""
    user_id = platforms.threads.add_profile("pnuji")
    account = SocialAccount(site=court.site, platform=platform_rules.THREADS, name="Threads PN Uji",
                            external_id=user_id, handle="pnuji")
    account.credentials = {"access_token": platforms.threads.long_lived_token(user_id)}
    account.save()
    connected.accounts[platform_rules.THREADS] = account
    connected.threads_user = user_id
    return connected


def make_jpeg(width=1600, height=1200, quality=90, noise=False):
    """A JPEG with some structure (gradients) or, with noise=True, one that compresses badly (large files)."""
    size = (width, height)
    if noise:
        bands = [PILImage.effect_noise(size, 120) for _ in range(3)]
    else:
        bands = [PILImage.linear_gradient("L").resize(size), PILImage.radial_gradient("L").resize(size),
                 PILImage.linear_gradient("L").rotate(90).resize(size)]
    buffer = io.BytesIO()
    PILImage.merge("RGB", bands).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


@pytest.fixture
def photo(db):
    """A real JPEG in Wagtail's image library, with a focal point on its right-hand side."""
    Image = get_image_model()
    image = Image(title="Sidang keliling", focal_point_x=1200, focal_point_y=600, focal_point_width=200,
                  focal_point_height=200)
    image.file = ImageFile(io.BytesIO(make_jpeg()), name="sidang.jpg")
    image.save()
    return image
