"""Every response carries the browser protections under the production settings: HSTS, nosniff, Referrer-Policy,
X-Frame-Options, Permissions-Policy, Cross-Origin-Opener-Policy and the Content-Security-Policy (the public
site's, or the admin's under /admin/); a document from Wagtail's view carries its own "default-src 'none'"."""

import json
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.support.factories import NewsPageFactory
from tests.support.processes import run_with_production_settings

# Inside the production process: its requests as nginx passes them on (HTTPS, the court's host name). Static
# files are looked up without collectstatic's manifest, which only names files and sets no header.
SCRIPT = """
import json
from django.test import Client, override_settings
storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
answers = {}
with override_settings(STORAGES=storages):
    client = Client(HTTP_HOST="pn-contoh.go.id", HTTP_X_FORWARDED_PROTO="https")
    for path in PATHS:
        response = client.get(path)
        answers[path] = {"status": response.status_code, "headers": dict(response.headers)}
print(json.dumps(answers))
"""


@pytest.fixture
def answers(court, transactional_db, tmp_path):
    news = NewsPageFactory(parent=court.news_index, title="Sidang keliling")
    Document = get_document_model()
    leaflet = Document(title="Brosur layanan")
    leaflet.file.save("brosur.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    leaflet.save()
    paths = ["/", news.url, "/cari/?q=sidang", "/api/v2/pages/", "/feed/rss/", "/admin/login/", "/admin/",
             leaflet.url]
    result = run_with_production_settings(f"PATHS = {paths!r}\n{SCRIPT}", tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    return news, leaflet, json.loads(result.stdout.strip().splitlines()[-1])


def test_public_admin_and_document_responses_carry_the_browser_protections(answers):
    news, leaflet, answers = answers
    assert answers["/"]["status"] == 200 and answers[news.url]["status"] == 200
    assert answers["/admin/login/"]["status"] == 200 and answers["/admin/"]["status"] == 302
    for path, answer in answers.items():
        headers = answer["headers"]
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
        if path != leaflet.url:
            assert headers["X-Frame-Options"] == "SAMEORIGIN", path

    public = answers["/"]["headers"]["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
                      "base-uri 'self'", "frame-ancestors 'self'", "form-action 'self'", "upgrade-insecure-requests"):
        assert directive in public + ";", directive
    assert "unsafe" not in public
    for path in (news.url, "/cari/?q=sidang", "/api/v2/pages/", "/feed/rss/"):
        assert answers[path]["headers"]["Content-Security-Policy"] == public, path

    admin = answers["/admin/login/"]["headers"]["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin and "object-src 'none'" in admin
    assert "frame-ancestors 'self'" in admin and "unsafe-eval" not in admin
    assert answers["/admin/"]["headers"]["Content-Security-Policy"] == admin

    # a document runs nothing in the site's origin
    headers = answers[leaflet.url]["headers"]
    assert answers[leaflet.url]["status"] == 200
    assert headers["Content-Security-Policy"] == "default-src 'none'"
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("inline")


def test_public_pages_hold_nothing_their_policy_would_refuse(court, client):
    """No inline script, style or event handler in what the public templates write, a video block included
    (Wagtail's responsive embed would add an inline style; site.css shapes the player instead)."""
    from bs4 import BeautifulSoup
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=uji"
    Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", width=480, height=270,
                         html='<iframe src="https://www.youtube-nocookie.com/embed/uji" width="480" height="270" '
                              'allowfullscreen></iframe>')
    news = NewsPageFactory(parent=court.news_index, title="Sidang keliling", body=json.dumps([
        {"type": "video", "value": {"video": url, "caption": "Sidang keliling", "transcript": "Hakim membuka."}},
        {"type": "paragraph", "value": "<p>Sidang dibuka.</p>"},
    ]))
    pages = ["/", news.url, court.news_index.url, court.announcements.url, "/cari/?q=sidang", "/tidak-ada/"]
    for path in pages:
        response = client.get(path)
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        assert [str(tag)[:80] for tag in soup.find_all("script") if not tag.get("src")] == [], path
        assert soup.find_all("style") == [], path
        assert [tag.name for tag in soup.find_all(style=True)] == [], path
        handlers = [(tag.name, name) for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")]
        assert handlers == [], path
    player = BeautifulSoup(client.get(news.url).content.decode(), "html.parser").select_one(".video__frame iframe")
    assert player["src"] == "https://www.youtube-nocookie.com/embed/uji"


# Rendered by WeasyPrint into PDFs or sent as mail, never served to a browser.
NOT_FOR_BROWSERS = {"cms/demo/document.html", "monev/templates/monev/pdf/report.html",
                    "templates/wagtailadmin/notifications/base.html"}
INLINE = re.compile(r"<style|\sstyle=|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=", re.IGNORECASE)


def test_warta_templates_hold_no_inline_script_or_style():
    """The public site's policy allows no inline script or style, and the admin's allows them only because
    Wagtail's own widgets need them: every template of Warta keeps its styles and scripts in static files."""
    root = Path(__file__).resolve().parents[2]
    found = []
    for folder in ("cms", "core", "editorial", "publishers", "monev", "nasional", "templates"):
        for template in sorted((root / folder).rglob("*.html")):
            relative = template.relative_to(root).as_posix()
            if relative not in NOT_FOR_BROWSERS:
                found += [f"{relative}: {match.group(0)}" for match in INLINE.finditer(template.read_text())]
    assert found == []
