"""The dynamic site's page cache (cms/page_cache.py) and its invalidation by publication
(publishers/website/page_cache.py): what an anonymous visitor gets from the cache, and that every
change through the review workflow or the admin shows on the very next request."""

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.models import CourtSettings, NewsPage
from tests.support.factories import HomePageFactory, NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.WARTA_PAGE_CACHE = True


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def newsroom(court):
    kegiatan = NewsCategoryFactory(name="Kegiatan", slug="kegiatan")
    items = [
        publish(NewsPageFactory(parent=court.news_index, title=f"Berita nomor {n}", slug=f"berita-{n}",
                                date=datetime.date(2026, 10, 1) + datetime.timedelta(days=n), category=kegiatan))
        for n in range(12)
    ]
    return type("Newsroom", (), {"items": items, "kegiatan": kegiatan})


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def approve(client, page):
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code == 302


def correct_through_the_review(client_as, page, **changes):
    """The Admin edits the live item and submits it; the Redaktur and the Kasubag PTIP approve."""
    admin = client_as("admin")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = querydict_from_html(admin.get(url).content.decode(), form_id="page-edit-form")
    form.update({**changes, "action-submit": "1"})
    form.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Isi berita.</p>"))])}))
    response = admin.post(url, form)
    assert response.status_code == 302, response.context["form"].errors.as_json() if response.context else response
    approve(client_as("redaktur"), page)
    approve(client_as("kasubag"), page)


# what is cached


def test_anonymous_get_is_answered_from_the_cache(court, newsroom):
    client = Client()
    first, _ = get(client, "/berita/berita-3/")
    assert first.status_code == 200
    second, queries = get(client, "/berita/berita-3/")
    assert second.status_code == 200
    assert queries == 0
    assert second.content == first.content
    # The security headers come with the cached answer.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    month = f"/berita/?bulan={newsroom.items[0].date:%Y-%m}"
    for url in ("/", "/berita/", month, "/feed/rss/", "/sitemap.xml"):
        get(client, url)
        response, queries = get(client, url)
        assert response.status_code == 200 and queries == 0, url


def test_signed_in_users_and_unknown_query_strings_are_never_cached(court, newsroom, client_as):
    editor = client_as("admin")
    get(editor, "/berita/berita-3/")
    _response, queries = get(editor, "/berita/berita-3/")
    assert queries > 0
    anonymous = Client()
    get(anonymous, "/berita/?utm_source=x")
    _response, queries = get(anonymous, "/berita/?utm_source=x")
    assert queries > 0
    get(anonymous, "/cari/?q=sidang")
    _response, queries = get(anonymous, "/cari/?q=sidang")
    assert queries > 0
    # A signed-in user's page is not what an anonymous visitor gets next.
    _response, queries = get(anonymous, "/berita/berita-3/")
    assert queries > 0


def test_a_page_with_a_view_restriction_is_not_cached(court, newsroom):
    page = newsroom.items[2]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    client = Client()
    for _ in range(2):
        response, queries = get(client, "/berita/berita-2/")
        assert response.status_code == 200 and b"rahasia" not in response.content
        assert queries > 0


def test_a_restriction_added_to_a_cached_page_applies_on_the_next_request(court, newsroom,
                                                                             django_capture_on_commit_callbacks):
    client = Client()
    get(client, "/berita/berita-2/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=newsroom.items[2], restriction_type=PageViewRestriction.LOGIN)
    response, _ = get(client, "/berita/berita-2/")
    assert response.status_code == 302


def test_two_courts_never_share_entries(court, newsroom):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="pa-dua", title="Pengadilan Agama Dua")
    NewsIndexPageFactory(parent=home)
    Site.objects.create(hostname="pa-dua.localhost", port=80, root_page=home, site_name="PA Dua")
    client = Client()
    first = client.get("/berita/")
    second = client.get("/berita/", HTTP_HOST="pa-dua.localhost")
    assert b"Berita nomor 3" in first.content
    assert b"Berita nomor 3" not in second.content
    again, queries = get(client, "/berita/", HTTP_HOST="pa-dua.localhost")
    assert again.content == second.content and queries == 0


# invalidation: the next request shows the change


def test_a_correction_approved_through_the_review_shows_on_the_next_request(court, newsroom, client_as,
                                                                           django_capture_on_commit_callbacks):
    client = Client()
    page = newsroom.items[10]  # in the "Berita lainnya" box of item 11, published after it
    for url in ("/berita/berita-10/", "/", "/berita/", "/feed/rss/", "/berita/berita-11/"):
        get(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        correct_through_the_review(client_as, page, title="Judul yang sudah dikoreksi")
    for url in ("/berita/berita-10/", "/", "/berita/", "/feed/rss/", "/berita/berita-11/"):
        assert "Judul yang sudah dikoreksi" in client.get(url).content.decode(), url


def test_a_body_correction_purges_the_page_but_not_its_siblings(court, newsroom,
                                                                django_capture_on_commit_callbacks):
    client = Client()
    page = newsroom.items[5]
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)  # records its card
    for url in ("/berita/berita-5/", "/berita/berita-6/", "/pengumuman/"):
        get(client, url)
    page.body = json.dumps([{"type": "paragraph", "value": "<p>Isi yang diperbaiki.</p>"}])
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert b"Isi yang diperbaiki." in client.get("/berita/berita-5/").content
    for url in ("/berita/berita-6/", "/pengumuman/"):
        assert get(client, url)[1] == 0, url


def test_the_home_page_is_purged_only_when_what_it_lists_changed(court, newsroom,
                                                                  django_capture_on_commit_callbacks):
    client = Client()
    oldest, newest = newsroom.items[0], newsroom.items[11]  # the home page lists the six newest
    with django_capture_on_commit_callbacks(execute=True):
        publish(newest)  # the lists are now known
    for url in ("/", "/berita/"):
        get(client, url)
    oldest.title = "Judul berita lama yang dikoreksi"
    with django_capture_on_commit_callbacks(execute=True):
        publish(oldest)
    assert get(client, "/")[1] == 0  # not on the home page: still cached
    assert b"Judul berita lama yang dikoreksi" in client.get(f"/berita/?bulan={oldest.date:%Y-%m}").content
    newest.title = "Judul berita terbaru yang dikoreksi"
    with django_capture_on_commit_callbacks(execute=True):
        publish(newest)
    assert b"Judul berita terbaru yang dikoreksi" in client.get("/").content


def test_unpublishing_gives_404_on_the_next_request(court, newsroom, client_as, django_capture_on_commit_callbacks):
    client = Client()
    page = newsroom.items[11]
    assert client.get("/berita/berita-11/").status_code == 200
    get(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("kasubag").post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 302
    assert client.get("/berita/berita-11/").status_code == 404
    assert b"Berita nomor 11" not in client.get("/").content


def test_a_new_item_shows_on_the_home_page_and_the_index_next(court, newsroom, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        publish(newsroom.items[11])  # the menu and the home page's lists are known from here on
    for url in ("/", "/berita/", "/berita/?kategori=kegiatan", "/berita/berita-2/", "/berita/berita-8/"):
        get(client, url)
    new = NewsPageFactory(parent=court.news_index, title="Sidang keliling terbaru", slug="sidang-keliling",
                          date=datetime.date(2026, 11, 30), category=newsroom.kegiatan, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish(new)
    for url in ("/", "/berita/", "/berita/?kategori=kegiatan"):
        assert b"Sidang keliling terbaru" in client.get(url).content, url
    assert get(client, "/berita/berita-8/")[1] == 0  # its box shows the items before it: still cached
    # "Berita lainnya" shows the items published before each one: a back-dated item enters the boxes after it.
    late = NewsPageFactory(parent=court.news_index, title="Berita susulan", slug="berita-susulan",
                           date=datetime.date(2026, 10, 2), category=newsroom.kegiatan, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish(late)
    assert b"Berita susulan" in client.get("/berita/berita-2/").content


def test_scheduled_publication_shows_on_the_next_request(court, newsroom, django_capture_on_commit_callbacks):
    from django.core.management import call_command
    from django.utils import timezone

    client = Client()
    get(client, "/")
    new = NewsPageFactory(parent=court.news_index, title="Berita terjadwal", slug="terjadwal",
                          date=datetime.date(2026, 11, 30), category=newsroom.kegiatan, live=False)
    revision = new.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert b"Berita terjadwal" in client.get("/").content


def test_a_menu_change_shows_on_every_page_next(court, newsroom, django_capture_on_commit_callbacks):
    client = Client()
    court.news_index.show_in_menus = True
    with django_capture_on_commit_callbacks(execute=True):
        publish(court.news_index)
    for url in ("/", "/berita/berita-1/", "/pengumuman/"):
        get(client, url)
        assert get(client, url)[1] == 0
    announcements = court.announcements
    announcements.show_in_menus = True
    announcements.title = "Pengumuman Resmi"
    with django_capture_on_commit_callbacks(execute=True):
        publish(announcements)
    for url in ("/", "/berita/berita-1/"):
        assert b"Pengumuman Resmi" in client.get(url).content, url


def test_court_settings_change_updates_the_footer_next(court, newsroom, client_as,
                                                        django_capture_on_commit_callbacks):
    client = Client()
    for url in ("/", "/berita/berita-1/"):
        get(client, url)
    kasubag = client_as("kasubag")
    url = reverse("wagtailsettings:edit", args=("cms", "courtsettings", court.site.pk))
    form = querydict_from_html(kasubag.get(url).content.decode(), form_id="w-editor-form")
    form["court_name"] = "Pengadilan Negeri Uji Kelas IA"
    with django_capture_on_commit_callbacks(execute=True):
        assert kasubag.post(url, form).status_code == 302
    assert CourtSettings.for_site(court.site).court_name == "Pengadilan Negeri Uji Kelas IA"
    for url in ("/", "/berita/berita-1/"):
        assert b"Pengadilan Negeri Uji Kelas IA" in client.get(url).content, url


def test_a_category_rename_shows_on_the_next_request(court, newsroom, django_capture_on_commit_callbacks):
    client = Client()
    get(client, "/berita/berita-1/")
    newsroom.kegiatan.name = "Kegiatan Pengadilan"
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.kegiatan.save()
    assert b"Kegiatan Pengadilan" in client.get("/berita/berita-1/").content


def test_a_page_answered_from_the_cache_still_counts_as_a_view(court, newsroom):
    from monev import pageviews
    from monev.models import PageViewDaily

    browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    client = Client()
    for _ in range(3):
        assert client.get("/berita/berita-4/", HTTP_USER_AGENT=browser).status_code == 200
    client.get("/berita/berita-4/", HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert get(client, "/berita/berita-4/", HTTP_USER_AGENT="Googlebot/2.1")[1] == 0  # from the cache
    pageviews.flush()
    views = PageViewDaily.objects.filter(page=newsroom.items[4]).values_list("views", flat=True)
    assert sum(views) == 3


# what a render costs


def test_a_render_runs_few_queries_and_as_many_for_a_large_archive(court):
    """A page rendered (its cache entry purged, the court's menu and settings kept) runs few queries, and as
    many with ten times the news."""
    import wagtail_factories

    from bench import data
    from cms import page_cache

    categories = [NewsCategoryFactory(name=name, slug=name.lower()) for name in ("Kegiatan", "Layanan", "Prestasi")]
    archive = data.Court(court.site, court.home, court.news_index, categories,
                         [wagtail_factories.ImageFactory(title=f"Foto {n}") for n in range(2)])
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    counts, have, urls = {}, 0, None
    for size in (100, 1000):
        data.add_news(archive, size - have, start=have)
        have = size
        # a month archive of a category, which holds more items at the larger size
        urls = urls or ("/berita/berita-50/", "/", "/berita/",
                        f"/berita/?kategori=kegiatan&bulan={NewsPage.objects.get(slug='berita-51').date:%Y-%m}")
        for url in urls:
            assert client.get(url).status_code == 200
            page_cache.purge_url("http://testserver" + url.split("?")[0])
            response, counts[size, url] = get(client, url)
            assert response.status_code == 200
    assert counts[100, "/berita/berita-50/"] <= 4
    assert counts[100, "/"] <= 4
    for url in urls:
        assert counts[1000, url] == counts[100, url], (url, counts)


def test_a_preview_is_never_answered_with_the_cached_live_page(court, newsroom):
    page = newsroom.items[3]
    client = Client()
    get(client, "/berita/berita-3/")
    page.title = "Judul dalam pratinjau"
    response = page.make_preview_request()  # no cookie of its own: an anonymous simulated request
    assert b"Judul dalam pratinjau" in response.content
    assert b"Judul dalam pratinjau" not in client.get("/berita/berita-3/").content


def test_a_new_release_is_never_answered_with_pages_of_the_old_one(court, newsroom, settings):
    from cms import page_cache

    client = Client()
    settings.WARTA_RELEASE = "2026.12.1"
    page_cache.release.cache_clear()
    try:
        get(client, "/berita/berita-3/")
        assert get(client, "/berita/berita-3/")[1] == 0
        settings.WARTA_RELEASE = "2026.12.2"
        page_cache.release.cache_clear()
        assert get(client, "/berita/berita-3/")[1] > 0
    finally:
        page_cache.release.cache_clear()
