"""A stock Wagtail site to measure Warta against, built from scratch in the bench's temporary directory.

`wagtail start` (the Wagtail installed in this venv, so the same pinned Wagtail and Django as Warta),
plus the news section of Wagtail's own tutorial: a news index listing its children ten to a page, a
news page with a date, an intro, a rich-text body and an image. Its own settings module
(`stock/settings/local.py`, which the generated production settings import) sets only what the
bench needs: the database, the hosts and a secret key. Nothing of Warta's is imported.
"""

import os
import subprocess
import sys
from pathlib import Path

HOSTNAME = "localhost"
NEWS_PATH = "/berita/berita-100/"
INDEX_PATH = "/berita/"
HOME_PATH = "/"

MODELS = '''
from django.core.paginator import Paginator
from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import Page


class NewsIndexPage(Page):
    intro = RichTextField(blank=True)
    subpage_types = ["news.NewsPage"]

    def get_context(self, request):
        context = super().get_context(request)
        items = NewsPage.objects.child_of(self).live().order_by("-date").select_related("image")
        context["items"] = Paginator(items, 10).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField("Post date")
    intro = models.CharField(max_length=250)
    body = RichTextField(blank=True)
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
'''

INDEX_TEMPLATE = '''{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
<div class="intro">{{ page.intro|richtext }}</div>
{% for item in items %}
<article>
  {% if item.image %}{% image item.image fill-320x180 %}{% endif %}
  <h2><a href="{% pageurl item %}">{{ item.title }}</a></h2>
  <p>{{ item.date }}</p>
  <p>{{ item.intro }}</p>
</article>
{% endfor %}
{% if items.has_next %}<a href="?page={{ items.next_page_number }}">Berikutnya</a>{% endif %}
{% endblock %}
'''

PAGE_TEMPLATE = '''{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
<p class="meta">{{ page.date }}</p>
{% if page.image %}{% image page.image fill-1200x675 %}{% endif %}
<div class="intro">{{ page.intro }}</div>
{{ page.body|richtext }}
<p><a href="{{ page.get_parent.url }}">Kembali ke berita</a></p>
{% endblock %}
'''

LOCAL_SETTINGS = '''
import os

import dj_database_url

from .base import INSTALLED_APPS

INSTALLED_APPS = ["news", *INSTALLED_APPS]
DATABASES = {"default": dj_database_url.parse(os.environ["STOCK_DATABASE_URL"])}
SECRET_KEY = "stock-bench-only-" + "0123456789" * 5
ALLOWED_HOSTS = ["*"]
'''

SEED = '''
import datetime, io, random
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage

home = HomePage.objects.get()
index = home.add_child(instance=NewsIndexPage(title="Berita", slug="berita", intro="<p>Berita pengadilan.</p>"))
images = []
for number in range(12):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), tuple(random.Random(number).randrange(40, 220) for _ in range(3))).save(
        buffer, "JPEG", quality=85)
    images.append(Image.objects.create(title=f"Foto {number}", file=ImageFile(buffer, name=f"foto-{number}.jpg")))
words = "pengadilan negeri menggelar sidang keliling bagi warga kecamatan yang jauh dari kantor".split()
rng = random.Random(1)
text = lambda n: " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
today = datetime.date.today()
for number in range(ITEMS):
    index.add_child(instance=NewsPage(
        title=f"Berita {number}: {text(6)[:-1]}", slug=f"berita-{number}",
        date=today - datetime.timedelta(days=(ITEMS - number) // 3), intro=text(30)[:250],
        body="".join(f"<p>{text(60)}</p>" for _ in range(3)), image=images[number % 12]))
'''


def build(workdir, database_url, items=200, log=print):
    """Create, migrate and fill the stock site in `workdir`/stock; returns (its folder, its environment)."""
    folder = Path(workdir) / "stock"
    if not folder.exists():
        folder.mkdir()
        wagtail = Path(sys.executable).with_name("wagtail")
        subprocess.run([str(wagtail), "start", "stock", str(folder)], check=True, stdout=subprocess.DEVNULL)
        news = folder / "news"
        (news / "migrations").mkdir(parents=True)
        (news / "templates" / "news").mkdir(parents=True)
        (news / "__init__.py").write_text("")
        (news / "migrations" / "__init__.py").write_text("")
        (news / "models.py").write_text(MODELS)
        (news / "templates" / "news" / "news_index_page.html").write_text(INDEX_TEMPLATE)
        (news / "templates" / "news" / "news_page.html").write_text(PAGE_TEMPLATE)
        (folder / "stock" / "settings" / "local.py").write_text(LOCAL_SETTINGS)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "stock.settings.production", "STOCK_DATABASE_URL": database_url,
           "PYTHONPATH": str(folder)}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)

    def manage(*args, **kwargs):
        subprocess.run([sys.executable, "manage.py", *args], cwd=folder, env=env, check=True, **kwargs)

    if not list((folder / "news" / "migrations").glob("0001_*.py")):
        manage("makemigrations", "news", stdout=subprocess.DEVNULL)
        manage("collectstatic", "--noinput", stdout=subprocess.DEVNULL)
    log(f"stock Wagtail: migrating {database_url.split('/')[-1]} and adding {items} news pages")
    manage("migrate", "--noinput", stdout=subprocess.DEVNULL)
    manage("shell", "-c", SEED.replace("ITEMS", str(items)))
    return folder, env
