"""Rebuild locale/id/LC_MESSAGES/{django,djangojs}.po from Wagtail's catalogues.

Usage: .venv/bin/python scripts/merge_wagtail_catalogues.py   (needs GNU gettext: msgcat, msgmerge, msgattrib, msgfmt)

Wagtail ships Indonesian as `id_ID`, only about a third translated and with wording that does not match
the court SOP (e.g. "Publish" -> "Publikasi"). Our `id` catalogue in LOCALE_PATHS takes precedence over every
app catalogue, so it carries the complete, consistent admin translation. For each domain the result is:

  every msgid of the installed Wagtail apps' `en` templates (so Wagtail upgrades add new, untranslated entries),
  translated from, in order of preference:
    1. the existing locale/id catalogue (our translations; entries that `makemessages -a` marked obsolete are revived),
    2. Wagtail's own id_ID (and id, if a later release adds it) catalogues.

Run it after upgrading Wagtail, translate the new empty entries, then compile (`make messages`).
Project msgids are already Indonesian (the source language), so this catalogue holds Wagtail's strings only.
"""

import importlib
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "locale" / "id" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
WAGTAIL_LOCALES = ("id_ID", "id")
# Not installed apps, but the admin shows their strings: Wagtail calls humanize's naturaltime ("now",
# "5 minutes ago") and taggit's tag field help text; neither catalogue is loaded unless the app is installed.
EXTRA_PACKAGES = ("django.contrib.humanize", "taggit")

HEADER = r'''# Bahasa Indonesia translation of the Wagtail admin for Warta.
# Merged from Wagtail's id_ID catalogues by scripts/merge_wagtail_catalogues.py and completed by the Warta team.
msgid ""
msgstr ""
"Project-Id-Version: Warta (Wagtail admin)\n"
"Report-Msgid-Bugs-To: \n"
"PO-Revision-Date: 2026-09-01 00:00+0700\n"
"Last-Translator: Warta <redaksi@pn-contoh.go.id>\n"
"Language-Team: Warta <redaksi@pn-contoh.go.id>\n"
"Language: id\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=1; plural=0;\n"
'''


def wagtail_locale_dirs():
    """Locale directories of the installed Wagtail apps (INSTALLED_APPS order), then EXTRA_PACKAGES.

    Reads INSTALLED_APPS from the settings module and locates packages with importlib, without
    django.setup(): the catalogue must be buildable even while some app's models fail to import.
    """
    sys.path.insert(0, str(BASE_DIR))
    settings = importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.base"))
    dirs = []
    wagtail_apps = [entry for entry in settings.INSTALLED_APPS if entry.split(".")[0] == "wagtail"]
    for entry in wagtail_apps + list(EXTRA_PACKAGES):
        spec = importlib.util.find_spec(entry) or importlib.util.find_spec(entry.rsplit(".", 2)[0])
        locale_dir = Path(spec.origin).parent / "locale"
        if locale_dir.is_dir():
            dirs.append(locale_dir)
    return dirs


def run(*args):
    subprocess.run(args, check=True)


def translated_only(src, dest):
    """Copy of `src` with only translated, non-fuzzy entries (obsolete ones made current again)."""
    revived = dest.with_suffix(".revived.po")
    run("msgattrib", "--clear-obsolete", "-o", str(revived), str(src))
    run("msgattrib", "--translated", "--no-fuzzy", "--no-obsolete", "-o", str(dest), str(revived))
    return dest


def merge_domain(domain, locale_dirs, tmp):
    templates = [d / "en" / "LC_MESSAGES" / f"{domain}.po" for d in locale_dirs]
    templates = [t for t in templates if t.exists()]
    if not templates:
        return None
    template = tmp / f"{domain}.pot"
    run("msgcat", "--use-first", "-o", str(template), *map(str, templates))

    header = tmp / f"{domain}-header.po"
    header.write_text(HEADER, encoding="utf-8")
    sources = [header]
    ours = OUT_DIR / f"{domain}.po"
    if ours.exists():
        sources.append(translated_only(ours, tmp / f"{domain}-ours.po"))
    for n, locale_dir in enumerate(locale_dirs):
        for code in WAGTAIL_LOCALES:
            po = locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
            if po.exists():
                sources.append(translated_only(po, tmp / f"{domain}-{n}-{code}.po"))
    known = tmp / f"{domain}-known.po"
    # --use-first: the header and our wording win over Wagtail's for the same msgid.
    run("msgcat", "--use-first", "-o", str(known), *map(str, sources))

    merged = tmp / f"{domain}-merged.po"
    run("msgmerge", "--quiet", "--no-fuzzy-matching", "--add-location=file", "-o", str(merged),
        str(known), str(template))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    run("msgattrib", "--no-obsolete", "--add-location=file", "-o", str(ours), str(merged))
    run("msgfmt", "--check", "-o", str(ours.with_suffix(".mo")), str(ours))
    return ours


def main():
    locale_dirs = wagtail_locale_dirs()
    with tempfile.TemporaryDirectory() as tmp:
        for domain in DOMAINS:
            po = merge_domain(domain, locale_dirs, Path(tmp))
            if po:
                stats = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(po)],
                                       capture_output=True, text=True).stderr.strip()
                print(f"{po.relative_to(BASE_DIR)}: {stats}")


if __name__ == "__main__":
    main()
