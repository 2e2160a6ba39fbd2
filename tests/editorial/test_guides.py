"""The role guides (docs/panduan) rendered inside the admin: safe HTML, the user's own guide first."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Collection, Page

from editorial import guides

pytestmark = pytest.mark.django_db

HOSTILE_GUIDE = """# Panduan Admin

Langkah pertama.<script>alert("skrip")</script>

<img src="x" onerror="alert('gambar')">

<a href="javascript:alert('tautan')" onclick="alert('klik')">tautan mentah</a>

- [tautan markdown](javascript:alert('md'))
- [huruf besar](JaVaScRiPt:alert('besar'))
- [entitas](&#106;avascript:alert('entitas'))
- [Panduan Redaktur](redaktur.md)
- [situs](https://mahkamahagung.go.id/)

<iframe src="https://contoh.invalid/"></iframe>
"""


def article(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("article.warta-guide")


def test_a_guide_with_script_and_javascript_links_renders_without_them(settings, tmp_path, client_as):
    (tmp_path / "admin.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    settings.WARTA_GUIDES_DIR = tmp_path

    response = client_as("admin").get("/admin/panduan/admin/")

    assert response.status_code == 200
    body = article(response)
    assert body is not None
    assert "Langkah pertama." in body.get_text()
    assert body.find_all(["script", "iframe", "img"]) == []
    assert "alert" not in str(body)
    assert all(not name.startswith("on") for tag in body.find_all(True) for name in tag.attrs)
    hrefs = [a.get("href") for a in body.find_all("a")]
    assert not any(href and "script:" in href.lower() for href in hrefs), hrefs
    # links between guides open the admin's view of the other guide; outside links stay
    assert "/admin/panduan/redaktur/" in hrefs
    assert "https://mahkamahagung.go.id/" in hrefs
    # the first heading is the page's title, not a second <h1>
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Panduan Admin"]
    assert "<title>Panduan Admin - Warta</title>" in response.content.decode()


@pytest.mark.parametrize("guide", guides.GUIDES, ids=lambda guide: guide.slug)
def test_every_role_guide_renders(client_as, guide):
    response = client_as("redaktur").get(guide.url)
    assert response.status_code == 200
    body = article(response)
    assert body is not None and body.get_text(strip=True)
    assert not body.find_all("h1")


def test_the_index_lists_the_users_own_guide_first(client_as):
    response = client_as("kasubag").get("/admin/panduan/")
    soup = BeautifulSoup(response.content, "html.parser")
    own = soup.select_one("[aria-labelledby=own-guides-heading]")
    assert [a["href"] for a in own.find_all("a")] == ["/admin/panduan/kasubag-ptip/"]
    # the index (docs/panduan/README.md) links every guide inside the admin
    everything = soup.select_one("[aria-labelledby=all-guides-heading]")
    assert {a["href"] for a in everything.find_all("a")} == {guide.url for guide in guides.GUIDES}


@pytest.mark.parametrize("username,target", [("ketua", "/admin/panduan/sekretaris-ketua/"),
                                             ("pranata", "/admin/panduan/pranata-komputer/"),
                                             ("root", "/admin/panduan/")])
def test_my_guide_opens_the_guide_of_the_users_role(client_as, username, target):
    response = client_as(username).get("/admin/panduan/saya/")
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("path", ["/admin/panduan/tidak-ada/", "/admin/panduan/README/",
                                  "/admin/panduan/..%2Fsettings/"])
def test_an_unknown_guide_is_not_found(client_as, path):
    assert client_as("admin").get(path).status_code == 404


def test_prefixed_court_groups_find_their_guide(users):
    from django.contrib.auth.models import Group

    user = users["admin"]
    user.groups.set([Group.objects.create(name="PN Lain - Redaktur")])
    assert [guide.slug for guide in guides.guides_for(user)] == ["redaktur"]


def test_the_roots_wagtail_creates_have_indonesian_names():
    """Shown as data in the upload dialogs and the page explorer, where no catalogue translates them."""
    assert Collection.get_first_root_node().name == "Umum"
    root = Page.get_first_root_node()
    assert (root.title, root.draft_title) == ("Semua situs", "Semua situs")


def test_notification_emails_carry_wartas_name_not_wagtails_header(court, users, django_capture_on_commit_callbacks):
    from django.core import mail

    from tests.support.factories import NewsPageFactory

    page = NewsPageFactory(parent=court.news_index, title="Penyuluhan hukum", live=False, owner=users["admin"])
    page.save_revision(user=users["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, users["admin"])
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert ">Warta</div>" in html
    assert "email-header" not in html and "Wagtail" not in html
