"""The Wagtail admin speaks Indonesian (locale/id) to editors who chose it, English to those who chose English,
and the committed catalogues are valid and compiled from the current .po files."""

import gettext
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from tests.support.factories import NewsPageFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
needs_msgfmt = pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext (msgfmt) is not installed")

# (Indonesian, English) pairs as the admin shows them; the English must vanish when the editor reads Indonesian.
DASHBOARD = [("Dasbor", "Dashboard"),
             ("Halaman dan cuplikan Anda dalam alur kerja", "Your pages and snippets in a workflow"),
             ("Ringkasan situs", "Site summary")]
EXPLORER = [("Menjelajahi", "Exploring"), ("Tambah halaman anak", "Add child page"),
            ("Tindakan massal", "Bulk actions"), ("dalam moderasi", "in moderation")]
# In the editorial workflow's first task (Koreksi Redaktur) Wagtail's "Request changes" is Warta's own send-back action.
EDIT_PAGE = [("Simpan draf", "Save draft"), ("Terbitkan", ">Publish<"), ("Pratinjau", ">Preview<"),
             ("Riwayat", ">History<"), ("Dalam moderasi", "In Moderation"), ("Setujui", ">Approve<"),
             ("Kembalikan ke Admin", "Send back to Admin"), ("Batalkan alur kerja", "Cancel workflow")]
WORKFLOW_HISTORY = [("Riwayat alur kerja", "Workflow history"), ("Diajukan oleh", "Requested by"),
                    ("Sedang berjalan", "In progress"), ("Tugas belum selesai", "Incomplete task")]


@pytest.fixture
def news_in_moderation(court, users):
    """A news page submitted by the superuser to the workflow that applies under the court's home."""
    page = NewsPageFactory(parent=court.news_index, live=False)
    page.save_revision(user=users["root"])
    workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
    assert workflow is not None, "Wagtail's default moderation workflow is expected to exist"
    if page.get_workflow() is None:
        workflow.workflow_pages.create(page=court.home)
    workflow.start(page, users["root"])
    return page


def admin_client(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_speaks(content, pairs, language):
    for indonesian, english in pairs:
        expected, absent = (indonesian, english) if language == "id" else (english.strip("<>"), indonesian)
        assert expected in content, f"{expected!r} missing"
        assert absent not in content, f"{absent!r} should not be shown in {language}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_editorial_screens_follow_the_editors_language(client, users, news_in_moderation, language):
    user = users["root"]
    admin_client(client, user, language)
    page = news_in_moderation

    dashboard = html(client, reverse("wagtailadmin_home"))
    assert_speaks(dashboard, DASHBOARD, language)

    explorer = html(client, reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert_speaks(explorer, EXPLORER, language)

    edit = html(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert_speaks(edit, EDIT_PAGE, language)

    history = html(client, reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    assert_speaks(history, WORKFLOW_HISTORY, language)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_admin_javascript_catalogue_follows_the_editors_language(client, users, language):
    """Comments, StreamField and Draftail read their strings from the admin's jsi18n catalogue."""
    admin_client(client, users["root"], language)
    catalogue = html(client, reverse("wagtailadmin_javascript_catalog"))
    indonesian = ['"Tambah komentar"', '"Tulis balasan Anda..."', '"Selesaikan"', '"Sisipkan blok"']
    for value in indonesian:
        assert (value in catalogue) is (language == "id"), value


# Warta's own strings: Indonesian msgids, English from locale/en. (Indonesian, English) as above.
MY_TASKS = [("Tugas saya", "My tasks"),
            ("Menunggu saya, yang paling lama di atas", "Waiting for me, longest waiting first"),
            ("Lama (jam kerja) / standar", "Time taken (working hours) / standard")]
NEWS_EDITOR = [("Media sosial", "Social media"), ("Posting ke media sosial", "Post to social media"),
               ("Teks khusus per platform", "Per-platform text"), ("Kirim ke Redaktur", "Send to Redaktur")]
STEP_REPORT = [("Waktu alur redaksi (Mutu Baku)", "Editorial workflow times (Mutu Baku)"),
               ("Semua pengadilan", "All courts"), ("Memenuhi standar", "Within standard")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_warta_screens_follow_the_editors_language(client, court, users, news_in_moderation, language):
    # The Redaktur's dashboard lists the news waiting in their step (Koreksi Redaktur).
    dashboard = unescape(html(admin_client(client, users["redaktur"], language), reverse("wagtailadmin_home")))
    assert_speaks(dashboard, MY_TASKS, language)
    assert news_in_moderation.title in dashboard
    if language == "en":
        assert "Redaktur review" in dashboard  # the step column; Wagtail's task name stays as stored

    # The Admin drafting a news item: the social media tab and the submit action.
    draft = NewsPageFactory(parent=court.news_index, live=False)
    draft.save_revision(user=users["admin"])
    client.logout()
    editor = html(admin_client(client, users["admin"], language), reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert_speaks(unescape(editor), NEWS_EDITOR, language)

    # The Kasubag's workflow time report.
    client.logout()
    report = html(admin_client(client, users["kasubag"], language), reverse("editorial_step_report"))
    assert_speaks(unescape(report), STEP_REPORT, language)


def test_wagtail_status_words_are_the_sop_wording():
    with translation.override("id"):
        assert translation.gettext("Publish") == "Terbitkan"
        assert translation.gettext("Save draft") == "Simpan draf"
        assert translation.gettext("Unpublish") == "Batalkan terbit"
        assert translation.gettext("Request changes") == "Minta perubahan"
        assert translation.gettext("Approve") == "Setujui"
    with translation.override("en"):
        assert translation.gettext("Publish") == "Publish"


def test_catalogues_exist():
    names = {(p.parent.parent.name, p.name) for p in PO_FILES}
    assert {("id", "django.po"), ("id", "djangojs.po"), ("en", "django.po")} <= names


def mo_catalogue(path):
    with open(path, "rb") as fp:
        return gettext.GNUTranslations(fp)._catalog


@needs_msgfmt
@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: str(p.relative_to(LOCALE_DIR)))
def test_catalogue_compiles_and_mo_is_current(po, tmp_path):
    fresh = tmp_path / "fresh.mo"
    result = subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    committed = po.with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run `make messages`"
    # Compare messages, not bytes: another gettext version may lay out an identical catalogue differently.
    assert mo_catalogue(committed) == mo_catalogue(fresh), f"{committed} is stale: run `make messages`"


@pytest.mark.skipif(not shutil.which("msgattrib"), reason="GNU gettext (msgattrib) is not installed")
@pytest.mark.parametrize("option", ["--untranslated", "--only-fuzzy"])
def test_english_catalogue_is_complete(option):
    """Every Warta string has a reviewed English translation (run makemessages -l en, then translate these)."""
    po = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgattrib", option, "--no-obsolete", "--no-wrap", str(po)],
                            capture_output=True, text=True, check=True)
    entries = [line for line in result.stdout.splitlines() if line.startswith("msgid ") and line != 'msgid ""']
    assert not entries, f"{option.strip('-')} in {po.relative_to(LOCALE_DIR)}: " + "; ".join(entries)
