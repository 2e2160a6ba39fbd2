"""Sistem: the court's public site answers, and fast enough."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from cms.models import NewsPage

from ..models import BAIK, DISARANKAN, KRITIS, SISTEM
from . import Result, register


def public_paths(site):
    """(label, path) of the pages a reader meets first: home, the newest news item, the feed, the sitemap."""
    paths = [(_("Beranda"), "/")]
    newest = (NewsPage.objects.live().public().descendant_of(site.root_page).order_by("-date", "-pk")
              .only("url_path").first())
    if newest is not None:
        paths.append((_("Berita terbaru"), newest.relative_url(site)))
    for label, name in ((_("Umpan RSS"), "news_feed_rss"), (_("Peta situs"), "sitemap")):
        try:
            paths.append((label, reverse(name)))
        except NoReverseMatch:
            pass
    return paths


@register("halaman_publik", SISTEM, _("Halaman publik dapat dibuka"))
def public_pages(ctx):
    for label, path in public_paths(ctx.site):
        answer = ctx.get(path)
        detail = {"status": answer.status, "ms": round(answer.ms)}
        if answer.status != 200:
            problem = answer.error or f"HTTP {answer.status}"
            yield Result(
                KRITIS, _("%(page)s tidak dapat dibuka (%(problem)s)") % {"page": label, "problem": problem},
                _("Masyarakat yang mencari informasi perkara dan layanan pengadilan tidak mendapatkannya."),
                _("Periksa server web dan hosting; buka alamatnya sendiri dan lihat log server."),
                target=answer.url, detail=detail)
        elif answer.ms > ctx.settings.slow_ms:
            yield Result(
                DISARANKAN, _("%(page)s lambat: %(ms)d ms") % {"page": label, "ms": answer.ms},
                _("Halaman yang lambat membuat pengunjung pergi, terutama dari ponsel dengan sinyal lemah."),
                _("Periksa beban server dan cache halaman (docs/operations.md); pertimbangkan situs statis."),
                target=answer.url, detail=detail)
        else:
            yield Result(BAIK, _("%(page)s terbuka dalam %(ms)d ms") % {"page": label, "ms": answer.ms},
                         target=answer.url, detail=detail)
