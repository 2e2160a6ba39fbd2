"""A court with many news items, made through Wagtail's own page creation (add_child) but without
one revision per item, so that thousands load in about a minute."""

import datetime
import io
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.models import AnnouncementIndexPage, HomePage, NewsCategory, NewsIndexPage, NewsPage, NewsPageTag, StandardPage
from core import roles

HOSTNAME = "pn-contoh.test"
CATEGORIES = ["Kegiatan", "Layanan Publik", "Pengumuman Sidang", "Pembangunan Zona Integritas", "Prestasi"]
TAGS = [f"tag-{n}" for n in range(30)]
IMAGES = 12
WORDS = ("pengadilan negeri menggelar sidang keliling bagi warga kecamatan yang jauh dari kantor "
         "pelayanan terpadu satu pintu membantu masyarakat mendaftarkan perkara secara elektronik "
         "hakim dan panitera hadir bersama petugas pos bantuan hukum").split()


@dataclass
class Court:
    site: Site
    home: HomePage
    news_index: NewsIndexPage
    categories: list
    images: list


def _image(number):
    colour = tuple(random.Random(number).randrange(40, 220) for _ in range(3))
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=f"Foto kegiatan {number}", file=ImageFile(buffer, name=f"foto-{number}.jpg"))


def _text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def create_court():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Pengadilan Negeri Contoh", slug="pn-contoh",
                                            intro="Selamat datang di laman resmi Pengadilan Negeri Contoh."))
    Site.objects.all().delete()
    site = Site.objects.create(hostname=HOSTNAME, port=80, root_page=home, is_default_site=True,
                               site_name="PN Contoh")
    for title, slug in (("Profil", "profil"), ("Layanan", "layanan"), ("Informasi Publik", "informasi-publik")):
        home.add_child(instance=StandardPage(title=title, slug=slug, show_in_menus=True))
    news_index = home.add_child(instance=NewsIndexPage(title="Berita", slug="berita", show_in_menus=True))
    home.add_child(instance=AnnouncementIndexPage(title="Pengumuman", slug="pengumuman", show_in_menus=True))
    categories = [NewsCategory.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in CATEGORIES]
    images = [_image(number) for number in range(IMAGES)]
    return Court(site, home, news_index, categories, images)


def add_news(court, count, start=0):
    """Add `count` live news items, numbered from `start`, a few per day going back from today."""
    rng = random.Random(start)
    today = timezone.localdate()
    now = timezone.now()
    tags = {}
    for number in range(start, start + count):
        body = [{"type": "paragraph", "value": f"<p>{_text(rng, 60)}</p>"} for _ in range(3)]
        page = NewsPage(
            title=f"Berita {number}: {_text(rng, 6)[:-1]}", slug=f"berita-{number}",
            date=today - datetime.timedelta(days=(10_000 - number) // 3),
            category=court.categories[number % len(court.categories)],
            lead=_text(rng, 30), hero_image=court.images[number % len(court.images)],
            hero_alt="Suasana kegiatan pengadilan", body=body, social_caption="Berita terbaru.",
            live=True, first_published_at=now, last_published_at=now,
        )
        court.news_index.add_child(instance=page)
        tags[page.pk] = rng.sample(TAGS, 2)
    from taggit.models import Tag

    tag_objects = {tag.name: tag for tag in (Tag.objects.get_or_create(name=name, slug=name)[0] for name in TAGS)}
    NewsPageTag.objects.bulk_create(
        [NewsPageTag(content_object_id=page_id, tag=tag_objects[name]) for page_id, names in tags.items()
         for name in names]
    )


def sop_users():
    """One user per role of the editorial workflow."""
    people = {}
    for username, group in (("admin", roles.ADMIN), ("redaktur", roles.REDAKTUR), ("kasubag", roles.KASUBAG)):
        user, _created = get_user_model().objects.get_or_create(username=f"bench-{username}",
                                                                defaults={"email": f"{username}@pn-contoh.test"})
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    return people
