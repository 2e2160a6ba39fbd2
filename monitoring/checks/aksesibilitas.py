"""Aksesibilitas: axe-core's rules on the court's public page types (home, a news item, an announcement, a
public-information page) in headless Chromium, when it is installed (WARTA_CHROMIUM_PATH, default
/usr/bin/chromium; empty turns the check off); otherwise the check says it could not run.

axe-core comes bundled in axe-playwright-python; Chromium loads only the court's own site (requests to any
other origin are aborted) after the address passed the outbound guard, like every other check's request.
"""

import threading
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from cms.models import AnnouncementPage, NewsPage, PublicInformationPage
from core import outbound

from ..models import AKSESIBILITAS, BAIK, DISARANKAN, KRITIS
from . import Result, register

SERIOUS = ("critical", "serious")


def chromium_path():
    return getattr(settings, "WARTA_CHROMIUM_PATH", "/usr/bin/chromium")


def page_paths(site):
    paths = [(_("Beranda"), "/")]
    for label, model in ((_("Berita"), NewsPage), (_("Pengumuman"), AnnouncementPage),
                         (_("Informasi publik"), PublicInformationPage)):
        page = model.objects.live().public().descendant_of(site.root_page).order_by("-first_published_at").first()
        if page is not None:
            paths.append((label, page.relative_url(site)))
    return paths


def run_axe(executable, base_url, paths):
    """{path: [violations]} from axe-core in Chromium; in a thread of its own, so that Playwright's event loop
    never meets one the caller may run."""
    outcome = {}

    def work():
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import sync_playwright

        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            try:
                context = browser.new_context(bypass_csp=True, ignore_https_errors=False)
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                              else route.abort())
                page = context.new_page()
                for path in paths:
                    page.goto(base_url + path, wait_until="load", timeout=30_000)
                    outcome[path] = Axe().run(page).response["violations"]
            finally:
                browser.close()

    def guarded():
        try:
            work()
        except Exception as exc:  # reported by the check, never raised into the worker
            outcome["error"] = exc

    thread = threading.Thread(target=guarded, daemon=True)
    thread.start()
    thread.join(timeout=180)
    if "error" in outcome:
        raise outcome["error"]
    return outcome


@register("aksesibilitas", AKSESIBILITAS, _("Aksesibilitas (axe-core)"))
def accessibility(ctx):
    executable = chromium_path()
    if not executable or not Path(executable).exists():
        yield Result(DISARANKAN, _("Pemeriksaan aksesibilitas tidak dijalankan: Chromium tidak terpasang"),
                     _("Tanpa pemeriksaan ini, hambatan bagi pembaca disabilitas tidak terlihat."),
                     _("Pasang paket chromium di server (apt install chromium) atau atur WARTA_CHROMIUM_PATH."))
        return
    parts = urlsplit(ctx.base_url)
    outbound.checked_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    paths = page_paths(ctx.site)
    labels = dict((path, label) for label, path in paths)
    found = run_axe(executable, ctx.base_url, [path for _label, path in paths])
    for path, violations in found.items():
        serious = [v for v in violations if v.get("impact") in SERIOUS]
        minor = [v for v in violations if v.get("impact") not in SERIOUS]
        detail = {"violations": [{"id": v["id"], "impact": v.get("impact"), "nodes": len(v.get("nodes", []))}
                                 for v in violations]}
        rules = ", ".join(sorted({v["id"] for v in violations})[:8])
        label = labels.get(path, path)
        if serious:
            yield Result(KRITIS if any(v.get("impact") == "critical" for v in serious) else DISARANKAN,
                         _("%(page)s: %(count)d pelanggaran aksesibilitas (%(rules)s)") % {
                             "page": label, "count": len(violations), "rules": rules},
                         _("Pembaca dengan pembaca layar atau penglihatan terbatas tidak dapat memakai halaman ini "
                           "dengan baik (pedoman aksesibilitas situs Mahkamah Agung, WCAG)."),
                         _("Perbaiki aturan yang disebut (lihat dequeuniversity.com/rules/axe untuk tiap aturan) di "
                           "templat atau isi halaman."), target=ctx.base_url + path, detail=detail)
        elif minor:
            yield Result(DISARANKAN, _("%(page)s: %(count)d catatan aksesibilitas kecil (%(rules)s)") % {
                "page": label, "count": len(minor), "rules": rules}, target=ctx.base_url + path, detail=detail)
        else:
            yield Result(BAIK, _("%(page)s: tidak ada pelanggaran aksesibilitas") % {"page": label},
                         target=ctx.base_url + path)
