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


STALE_MINUTES = 15


@register("proses_latar", SISTEM, _("Pekerja tugas dan penjadwal"))
def background_processes(ctx):
    """The scheduler records each periodic job's run (core.scheduling); the worker empties the task queue."""
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.models import JobRun

    now = timezone.now()
    last = JobRun.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    why = _("Tanpa proses latar, berita tidak terkirim ke media sosial, situs statis tidak diperbarui dan "
            "pengingat SOP tidak berjalan.")
    if last is None or now - last > datetime.timedelta(minutes=STALE_MINUTES):
        yield Result(KRITIS, _("Penjadwal tidak berjalan (terakhir: %(at)s)") % {
            "at": timezone.localtime(last).strftime("%d/%m/%Y %H:%M") if last else "—"}, why,
            _("Jalankan `manage.py run_scheduler` di bawah systemd (docs/operations.md)."))
    else:
        yield Result(BAIK, _("Penjadwal berjalan"))
    waiting = DBTaskResult.objects.filter(status="READY", enqueued_at__lt=now - datetime.timedelta(
        minutes=STALE_MINUTES)).count()
    if waiting:
        yield Result(KRITIS, _("%(count)d tugas menunggu lebih dari %(minutes)d menit: pekerja tugas tidak "
                               "berjalan") % {"count": waiting, "minutes": STALE_MINUTES}, why,
                     _("Jalankan `manage.py db_worker` di bawah systemd (docs/operations.md)."))
    else:
        yield Result(BAIK, _("Antrean tugas dikerjakan"))


@register("tugas_bermasalah", SISTEM, _("Kiriman gagal dan tugas SOP terlambat"))
def failures_and_overdue(ctx):
    from editorial import durations
    from editorial.models import StepRecord
    from publishers.social.models import DeliveryStatus, SocialDelivery

    failed = SocialDelivery.objects.filter(
        site=ctx.site, status__in=[DeliveryStatus.FAILED, DeliveryStatus.NEEDS_CHECK]).count()
    if failed:
        yield Result(DISARANKAN, _("%(count)d kiriman media sosial gagal atau perlu dicek") % {"count": failed},
                     _("Berita yang sudah disetujui belum sampai ke pembaca di media sosial."),
                     _("Buka dasbor: «Kiriman media sosial perlu tindakan»."))
    else:
        yield Result(BAIK, _("Tidak ada kiriman media sosial yang gagal"))
    schedule = durations.schedule_for_site(ctx.site)
    late = sum(1 for record in StepRecord.objects.open().filter(site=ctx.site, standard_minutes__gt=0)
               if durations.is_overdue(record, schedule=schedule))
    if late:
        yield Result(DISARANKAN, _("%(count)d langkah SOP melewati Mutu Baku") % {"count": late},
                     _("Konten tertahan lebih lama dari waktu yang ditetapkan SOP."),
                     _("Lihat «Tugas saya» para petugas dan laporan kepatuhan SOP."))
    else:
        yield Result(BAIK, _("Tidak ada langkah SOP yang terlambat"))
