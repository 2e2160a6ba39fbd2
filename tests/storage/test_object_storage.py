"""Media on object storage: the production option (django-storages' S3 backend, cms/settings/base.py
`media_storage`) against a real S3-compatible server, moto in server mode on 127.0.0.1.

Each test points the default storage at a fresh bucket with the policy docs/operations.md prescribes
(objects private, images readable by anyone, as nginx serves them from MEDIA_ROOT) and checks over HTTP, as an anonymous
reader, what the bucket gives away.
"""

import datetime
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
import requests
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from cms.settings.base import media_storage
from publishers.social import media as social_media
from publishers.website.builder import SiteBuilder
from tests.monev.test_monev_archive import approve, october, submit_october_report  # noqa: F401
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
KEYS = {"AWS_ACCESS_KEY_ID": "warta-test", "AWS_SECRET_ACCESS_KEY": "warta-test-secret",
        "AWS_S3_REGION_NAME": "us-east-1"}


def policy(bucket):
    """The bucket policy of docs/operations.md: only images (renditions and originals) are public."""
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "PublicImages", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": [f"arn:aws:s3:::{bucket}/images/*", f"arn:aws:s3:::{bucket}/original_images/*"]}]})


@pytest.fixture(scope="module")
def s3_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A new bucket, private but for images, as the default storage (configured from the environment)."""
    name = f"warta-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
                          aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=policy(name))
    storage = media_storage({"WARTA_MEDIA_S3_BUCKET": name, "AWS_S3_ENDPOINT_URL": s3_server, **KEYS})
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["default_acl"] == "private" and storage["OPTIONS"]["querystring_auth"] is False
    settings.STORAGES = {**settings.STORAGES, "default": storage}

    def keys():
        return {item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])}

    def anonymous(key):
        return requests.get(f"{s3_server}/{name}/{key}", timeout=10)

    def body(key):
        return client.get_object(Bucket=name, Key=key)["Body"].read()

    return type("Bucket", (), {"name": name, "url": f"{s3_server}/{name}/", "keys": staticmethod(keys),
                               "anonymous": staticmethod(anonymous), "body": staticmethod(body)})


def test_without_a_bucket_media_stay_on_the_file_system():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = media_storage({"WARTA_MEDIA_S3_BUCKET": "warta", "WARTA_MEDIA_S3_CUSTOM_DOMAIN": "media.pn-uji.go.id"})
    assert options["OPTIONS"]["custom_domain"] == "media.pn-uji.go.id"
    assert "access_key" not in options["OPTIONS"]  # boto3's own chain (instance role) when no key is given


def upload_image(client, title):
    response = client.post(reverse("wagtailimages:add"), {
        "title": title, "file": SimpleUploadedFile(
            "sidang.png", get_test_image_file(size=(1200, 800)).file.getvalue(), content_type="image/png"),
        "collection": Collection.get_first_root_node().pk, "tags": ""})
    assert response.status_code == 302, response.context["form"].errors.as_json()
    return get_image_model().objects.get(title=title)


def test_an_image_uploaded_in_the_admin_and_its_renditions_are_in_the_bucket(bucket, court, client_as):
    image = upload_image(client_as("root"), "Sidang keliling")
    assert image.file.name.startswith("original_images/") and image.file.name in bucket.keys()
    assert bucket.anonymous(image.file.name).content == bucket.body(image.file.name)  # public, as under nginx
    assert (image.width, image.height) == (1200, 800)

    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di desa", hero_image=image,
                           hero_alt="Hakim memimpin sidang", date=datetime.date(2026, 11, 2))
    page.save_revision().publish()
    html = Client().get(page.url).content.decode()
    urls = set(re.findall(re.escape(bucket.url) + r'images/[^"\s]+', html))
    assert urls, "the page shows its image from the bucket"
    for url in urls:
        key = url[len(bucket.url):]
        assert key in bucket.keys()
        reply = bucket.anonymous(key)
        assert reply.status_code == 200 and reply.content == bucket.body(key)
        assert reply.content[:8] in (b"\x89PNG\r\n\x1a\n",) or reply.content[:3] == b"\xff\xd8\xff"

    # Instagram fetches the rendition by its public URL; Telegram and X upload the bytes read from storage.
    rendition = social_media.rendition_for(image, "square", "instagram")
    url = social_media.public_url(rendition)
    assert url.startswith(bucket.url) and bucket.anonymous(url[len(bucket.url):]).status_code == 200
    with rendition.file.open("rb") as handle:
        assert handle.read() == bucket.body(rendition.file.name)


def test_a_document_is_private_in_the_bucket_and_served_through_the_serve_view(bucket, court, client_as):
    client = client_as("root")
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Laporan tahunan", "collection": Collection.get_first_root_node().pk, "tags": "",
        "file": _upload("laporan.pdf", b"%PDF-1.4 laporan tahunan")})
    assert response.status_code == 302, response.context["form"].errors.as_json()
    document = get_document_model().objects.get(title="Laporan tahunan")
    assert document.file.name in bucket.keys()
    assert bucket.anonymous(document.file.name).status_code == 403
    assert document.url.startswith("/dokumen/") or not document.url.startswith("http")
    served = Client().get(document.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"%PDF-1.4 laporan tahunan"


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_archived_monev_pdf_is_in_the_bucket_and_readable_only_by_the_monev_roles(
        bucket, court, users, client_as, october):  # noqa: F811
    report = submit_october_report(court, client_as("kasubag"))
    assert approve(client_as("sekretaris"), report).status_code == 302
    report.refresh_from_db()
    key = report.document.file.name
    assert report.is_archived and key in bucket.keys()
    assert bucket.body(key).startswith(b"%PDF")
    assert bucket.anonymous(key).status_code == 403  # nobody reads it from the bucket directly
    response = client_as("pranata").get(report.document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == bucket.body(key)
    assert client_as("admin").get(report.document.url).status_code != 200
    assert Client().get(report.document.url).status_code != 200


def test_the_static_site_copies_media_from_the_bucket(bucket, court, client_as, settings, tmp_path):
    image = upload_image(client_as("root"), "Sidang keliling")
    document = get_document_model().objects.create(title="Laporan tahunan", file=_upload("laporan.pdf", b"%PDF-1.4 x"))
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di desa", slug="sidang-keliling",
                           hero_image=image, hero_alt="Hakim memimpin sidang", date=datetime.date(2026, 11, 2),
                           body=json.dumps([{"type": "document",
                                             "value": {"document": document.pk, "title": "Unduh laporan"}}]))
    page.save_revision().publish()
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "situs")
    summary = SiteBuilder(court.site).build_all()
    assert summary.errors == []
    root = tmp_path / "situs" / "testserver"
    html = (root / "berita" / "sidang-keliling" / "index.html").read_text(encoding="utf-8")
    assert bucket.url not in html  # every image the page shows is served with the static site
    copied = re.findall(r'src="(/media/images/[^"]+)"', html)
    assert copied
    for path in copied:
        assert (root / path.lstrip("/")).read_bytes() == bucket.body(path[len("/media/"):])
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    origin = court.site.root_url
    assert og.startswith(origin + "/media/images/") and (root / og[len(origin) + 1:]).is_file()
    # The public document, read through the storage, under its serve view's URL.
    assert (root / document.url.lstrip("/")).read_bytes() == b"%PDF-1.4 x"
    assert summary.assets_written >= len(copied) + 1


def test_production_settings_take_the_bucket_from_the_environment(bucket, s3_server, tmp_path):
    """cms.settings.production, in its own process, with the variables of docs/operations.md."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({
        "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": secrets.token_urlsafe(60),
        "WARTA_TOKEN_KEYS": Fernet.generate_key().decode(), "WARTA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "WARTA_MEDIA_S3_BUCKET": bucket.name, "AWS_S3_ENDPOINT_URL": s3_server, **KEYS})
    code = ("import django; django.setup()\n"
            "from django.core.files.base import ContentFile\n"
            "from django.core.files.storage import default_storage as s\n"
            "name = s.save('documents/surat.txt', ContentFile(b'rahasia'))\n"
            "print(type(s._wrapped).__name__, name)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    backend, name = result.stdout.split()
    assert backend == "S3Storage" and name in bucket.keys() and bucket.body(name) == b"rahasia"
    assert bucket.anonymous(name).status_code == 403


def test_an_approved_item_goes_to_every_platform_with_its_image_from_the_bucket(
        bucket, court, users, connected, platforms, photo, django_capture_on_commit_callbacks):
    """Telegram and X receive the bytes read from the bucket; Facebook and Instagram fetch its public URL."""
    assert photo.file.name in bucket.keys()
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di Kecamatan Maju", live=False,
                           social_image=photo, social_caption="Sidang keliling hari ini.")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=users["kasubag"]).publish(user=users["kasubag"])
    assert len(platforms.telegram.messages_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.x.tweets_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.facebook.posts_containing("Sidang keliling hari ini")) == 1
    assert len(platforms.instagram.posts_containing("Sidang keliling hari ini")) == 1
    fetched = {url for url, _jpeg in [*platforms.instagram.fetched, *platforms.facebook.fetched]}
    assert fetched and all(url.startswith(bucket.url + "images/") for url in fetched)
