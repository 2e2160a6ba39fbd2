"""Data: broken links inside the court's pages, the standard services it links to, how fresh its news is,
images without a text alternative, and published PDFs that are scans with no text."""


from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from cms.models import CourtSettings, NewsPage
from cms.templatetags.court_tags import service_links

from ..models import BAIK, DATA, DISARANKAN, KRITIS
from . import Result, register

FRESH_DAYS, STALE_DAYS = 14, 30
MAX_LISTED = 10


def live_pages(site):
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


def _names(pages):
    titles = sorted(page.title for page in pages)
    return ", ".join(titles[:MAX_LISTED]) + (" …" if len(titles) > MAX_LISTED else "")


@register("tautan_internal", DATA, _("Tautan di dalam halaman"))
def internal_links(ctx):
    """Links (rich text, blocks, choosers) from the court's live pages to pages that are no longer live, and
    to documents that are gone or whose file is missing; from Wagtail's reference index."""
    sources = live_pages(ctx.site)
    page_type = ContentType.objects.get_for_model(Page)
    document_model = get_document_model()
    document_type = ContentType.objects.get_for_model(document_model)
    references = list(ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=[str(pk) for pk in sources.values_list("pk", flat=True)],
    ).values_list("object_id", "to_content_type_id", "to_object_id"))
    page_types = {ct.pk for ct in ContentType.objects.get_for_models(
        *[model for model in apps.get_models() if issubclass(model, Page)]).values()}
    to_pages = {int(target) for _source, to_type, target in references if to_type in page_types and target.isdigit()}
    dead_pages = to_pages - set(Page.objects.filter(pk__in=to_pages).live().values_list("pk", flat=True))
    broken_from = {int(source) for source, to_type, target in references
                   if to_type in page_types and target.isdigit() and int(target) in dead_pages}
    documents = {}
    for source, to_type, target in references:
        if to_type == document_type.pk and target.isdigit():
            documents.setdefault(int(target), set()).add(int(source))
    existing = document_model.objects.in_bulk(list(documents))
    for document_id, page_ids in documents.items():
        document = existing.get(document_id)
        if document is None or not document.file or not document.file.storage.exists(document.file.name):
            broken_from |= page_ids
    if broken_from:
        pages = Page.objects.filter(pk__in=broken_from)
        yield Result(DISARANKAN, _("%(count)d halaman memuat tautan rusak: %(pages)s") % {
            "count": len(broken_from), "pages": _names(pages)},
            _("Pembaca yang mengikuti tautan ke halaman atau dokumen yang sudah tidak ada menemui jalan buntu."),
            _("Buka halaman itu, perbaiki atau hapus tautannya, lalu terbitkan lagi."),
            detail={"pages": sorted(broken_from)})
    else:
        yield Result(BAIK, _("Tidak ada tautan rusak di halaman yang terbit"))


@register("layanan_standar", DATA, _("Tautan layanan standar"))
def standard_services(ctx):
    """The services every court site links to (SIPP, Direktori Putusan, e-Court, SIWAS, JDIH ...)."""
    court = CourtSettings.for_site(ctx.site)
    for link in service_links(court, ctx.site):
        answer = ctx.get(link["url"])
        if answer.status is not None and answer.status < 400:
            yield Result(BAIK, _("%(name)s dapat dibuka") % {"name": link["name"]}, target=link["url"],
                         detail={"status": answer.status})
        else:
            problem = answer.error or f"HTTP {answer.status}"
            yield Result(DISARANKAN, _("%(name)s tidak dapat dibuka (%(problem)s)") % {
                "name": link["name"], "problem": problem},
                _("Masyarakat memakai tautan ini untuk jadwal sidang, putusan dan pengaduan."),
                _("Periksa alamatnya; bila layanan pusat sedang gangguan, pantau sampai pulih."),
                target=link["url"], detail={"status": answer.status})


@register("kesegaran_berita", DATA, _("Kesegaran berita"))
def freshness(ctx):
    latest = (NewsPage.objects.live().public().descendant_of(ctx.site.root_page)
              .order_by("-date").values_list("date", flat=True).first())
    why = _("Situs yang lama tidak diperbarui terlihat ditinggalkan, dan penilaian website menilai kebaruan.")
    fix = _("Terbitkan berita kegiatan pengadilan secara teratur (SOP B langkah 1–3).")
    if latest is None:
        yield Result(KRITIS, _("Belum ada berita yang terbit"), why, fix)
        return
    days = (timezone.localdate() - latest).days
    text = {"days": days, "on": latest.strftime("%d/%m/%Y")}
    if days > STALE_DAYS:
        yield Result(KRITIS, _("Berita terakhir %(days)d hari lalu (%(on)s)") % text, why, fix)
    elif days > FRESH_DAYS:
        yield Result(DISARANKAN, _("Berita terakhir %(days)d hari lalu (%(on)s)") % text, why, fix)
    else:
        yield Result(BAIK, _("Berita terakhir %(days)d hari lalu (%(on)s)") % text)


@register("teks_alternatif", DATA, _("Teks alternatif gambar"))
def alt_text(ctx):
    missing = (NewsPage.objects.live().public().descendant_of(ctx.site.root_page)
               .filter(hero_image__isnull=False, hero_alt=""))
    if missing.exists():
        yield Result(DISARANKAN, _("%(count)d berita dengan gambar tanpa teks alternatif: %(pages)s") % {
            "count": missing.count(), "pages": _names(missing[:50])},
            _("Pembaca tunanetra tidak tahu isi gambar; pedoman aksesibilitas situs pengadilan mewajibkannya."),
            _("Isi «Teks alternatif gambar» di berita itu dan terbitkan lagi."))
    else:
        yield Result(BAIK, _("Semua gambar utama berita punya teks alternatif"))


@register("dokumen_pindaian", DATA, _("Dokumen hasil pindai"))
def scanned_documents(ctx):
    """PDFs the court's pages publish whose first pages carry no text: a scan nobody can search or read aloud."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    document_model = get_document_model()
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=ContentType.objects.get_for_model(document_model),
        object_id__in=[str(pk) for pk in live_pages(ctx.site).values_list("pk", flat=True)],
    ).values_list("to_object_id", flat=True)
    scanned, checked = [], 0
    for document in document_model.objects.filter(pk__in=[int(i) for i in ids if i.isdigit()]):
        if document.file_extension.lower() != "pdf":
            continue
        try:
            with document.file.open("rb") as handle:
                reader = PdfReader(handle)
                text = "".join((page.extract_text() or "") for page in reader.pages[:3])
        except (OSError, PdfReadError, ValueError):
            continue  # a missing or unreadable file is the link check's finding
        checked += 1
        if not text.strip():
            scanned.append(document.title)
    if scanned:
        yield Result(DISARANKAN, _("%(count)d dokumen PDF hasil pindai tanpa teks: %(titles)s") % {
            "count": len(scanned), "titles": ", ".join(sorted(scanned)[:MAX_LISTED])},
            _("Dokumen tanpa teks tidak dapat dicari dan tidak dapat dibacakan pembaca layar."),
            _("Unggah versi PDF dari dokumen aslinya, atau jalankan OCR sebelum mengunggah."))
    else:
        yield Result(BAIK, _("%(count)d dokumen PDF berisi teks") % {"count": checked})


