"""Private files stay private: a document of a restricted collection is served only by Wagtail's document view,
to the people its restriction names, and never listed by the read APIs; uploads cannot run in the site's origin.

Over real HTTP, against `make run`'s development server (cms/urls.py serves /media/ when DEBUG); Django's
live_server would serve all of MEDIA_ROOT by itself, so it is used only for the APIs.
"""

import pytest
import requests
import wagtail_factories
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from core import roles
from tests.support.factories import UserFactory
from tests.support.processes import development_server

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def dev_server(files, tmp_path):
    """`make run`'s web server (development settings, DEBUG: cms/urls.py serves /media/) on the test database."""
    with development_server(tmp_path) as url:
        yield url


@pytest.fixture
def files(transactional_db):
    """A private collection readable by the Kasubag PTIP group (as a court's monev archive is), with a report
    in it, and a public document and image beside it."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Arsip rahasia uji")
    restriction = CollectionViewRestriction.objects.create(collection=private,
                                                           restriction_type=CollectionViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.KASUBAG))
    Document = get_document_model()
    report = Document(title="Laporan monev Oktober", collection=private)
    report.file.save("laporan-monev-pn-uji-2026-10-01-2026-10-31.pdf", ContentFile(PDF), save=False)
    report.save()
    leaflet = Document(title="Brosur layanan", collection=root)
    leaflet.file.save("brosur-layanan.pdf", ContentFile(PDF), save=False)
    leaflet.save()
    private_image = wagtail_factories.ImageFactory(title="Foto arsip", collection=private)
    public_image = wagtail_factories.ImageFactory(title="Foto gedung", collection=root)
    return type("Files", (), {"report": report, "leaflet": leaflet, "private_image": private_image,
                              "public_image": public_image})


def session_of(user):
    """A requests session logged in as the user (the session cookie the login form would have given)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(django_settings.SESSION_COOKIE_NAME, client.cookies[django_settings.SESSION_COOKIE_NAME].value)
    return session


def test_a_private_document_is_served_only_through_the_document_view_to_its_readers(dev_server, files):
    report = files.report
    assert report.url == f"/dokumen/{report.pk}/{report.filename}"
    assert report.file.name.startswith("documents/laporan-monev-pn-uji-2026-10-01-2026-10-31")
    direct = f"{dev_server}/media/{report.file.name}"
    served = dev_server + report.url

    assert requests.get(direct, timeout=10).status_code == 404
    anonymous = requests.get(served, timeout=10, allow_redirects=False)
    assert anonymous.status_code == 302 and "/login/?next=/dokumen/" in anonymous.headers["Location"]
    admin = UserFactory(username="admin-uji", groups=[roles.ADMIN])
    refused = session_of(admin).get(served, timeout=10, allow_redirects=False)
    assert refused.status_code != 200 and not refused.content.startswith(b"%PDF")

    kasubag = UserFactory(username="kasubag-uji", groups=[roles.KASUBAG])
    reader = session_of(kasubag)
    response = reader.get(served, timeout=10)
    assert response.status_code == 200 and response.content == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    # logged in or not, the file itself is never served from /media/
    assert reader.get(direct, timeout=10).status_code == 404


def test_public_files_images_directly_documents_through_the_view(files, tmp_path):
    rendition = files.public_image.get_rendition("width-100")
    with development_server(tmp_path) as server:
        image = requests.get(server + rendition.url, timeout=10)
        assert image.status_code == 200 and image.headers["X-Content-Type-Options"] == "nosniff"
        assert requests.get(server + files.public_image.file.url, timeout=10).status_code == 200
        assert requests.get(f"{server}/media/{files.leaflet.file.name}", timeout=10).status_code == 404
        leaflet = requests.get(server + files.leaflet.url, timeout=10)
    assert leaflet.status_code == 200 and leaflet.content == PDF
    assert leaflet.headers["Content-Disposition"].startswith("inline")


def test_the_read_apis_list_no_file_of_a_private_collection(files, live_server):
    for api in ("v2", "v3"):
        documents = requests.get(f"{live_server.url}/api/{api}/documents/", timeout=10).json()["items"]
        assert [item["title"] for item in documents] == ["Brosur layanan"], api
        images = requests.get(f"{live_server.url}/api/{api}/images/", timeout=10).json()["items"]
        assert [item["title"] for item in images] == ["Foto gedung"], api
        detail = requests.get(f"{live_server.url}/api/{api}/documents/{files.report.pk}/", timeout=10)
        assert detail.status_code == 404, api
        detail = requests.get(f"{live_server.url}/api/{api}/images/{files.private_image.pk}/", timeout=10)
        assert detail.status_code == 404, api


def test_an_svg_image_is_refused_at_upload(court, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    response = client_as("kasubag").post("/admin/images/add/", {
        "title": "Logo", "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"),
    })
    assert response.status_code == 200
    assert "Format gambar tidak didukung" in response.content.decode()
    assert not get_image_model().objects.filter(title="Logo").exists()
