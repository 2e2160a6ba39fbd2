"""The demo court's assessment data: a realistic part of the checklist linked to the demo's pages, documents and
national systems; some items missing, one marked incomplete and one whose document is out of date, so the score
shows what a court still has to do."""

import datetime

from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.demo import court, demo_court_loaded, documents

PAGES = {
    "tugas-fungsi-yurisdiksi": "tugas-pokok-dan-fungsi",
    "struktur-organisasi": "struktur-organisasi",
    "kontak": "profil-pengadilan",
    "profil-hakim": "profil-hakim",
    "visi-misi": "visi-misi",
    "prosedur-berperkara": "prosedur-berperkara",
    "posbakum": "pos-bantuan-hukum",
    "prodeo": "layanan-prodeo",
    "pengaduan-siwas": "pengaduan-siwas",
    "permohonan-informasi": "permohonan-informasi",
    "pengadaan": "pengadaan-barang-jasa",
    "daftar-informasi-publik": "daftar-informasi-publik",
    "statistik-perkara": "statistik-perkara",
    "maklumat-pelayanan": "maklumat-pelayanan",
    "laporan-layanan-informasi": "laporan-layanan-informasi",
}
DOCUMENTS = {
    "biaya-perkara": "sk-panjar-biaya",
    "lhkpn-lhkasn": "lhkpn-2025",
    "lra": "lra-semester-2026",
    "dipa-rka": "dipa-2026",
    "renstra": "renstra-2025-2029",
    "rkt": "rkt-2026",
    "perjanjian-kinerja": "pk-2026",
    "lkjip": "lkjip-2025",
    "neraca": "neraca-2025",
    "laporan-keuangan": "lra-2024",
}
URLS = {
    "jadwal-sidang": f"https://sipp.{court.DOMAIN}/list_jadwal_sidang",
    "direktori-putusan": "https://putusan3.mahkamahagung.go.id/",
    "jdih": "https://jdih.mahkamahagung.go.id/",
}
INCOMPLETE = {"laporan-layanan-informasi": "Belum memuat jumlah keberatan dan waktu rata-rata penyelesaian."}
# The 2024 budget report went up at the start of 2025 and nothing newer was linked: stale for a half-yearly item.
STALE_DOCUMENT = ("lra-2024", datetime.datetime(2025, 1, 31, 9, 0))


def _document(key):
    """The demo document the loader made for this key (by its title), or None."""
    return get_document_model().objects.filter(title=documents.ALL[key].title).order_by("pk").first()


def load(site):
    from .models import ChecklistItem, Pemenuhan

    items = {item.code: item for item in ChecklistItem.objects.filter(
        code__in=[*PAGES, *DOCUMENTS, *URLS])}
    pages = Page.objects.descendant_of(site.root_page, inclusive=True)
    for code, slug in PAGES.items():
        page = pages.filter(slug=slug).first()
        if page is not None and code in items:
            Pemenuhan.objects.get_or_create(site=site, item=items[code], defaults={
                "page": page, "note": INCOMPLETE.get(code, ""), "incomplete": code in INCOMPLETE})
    for code, key in DOCUMENTS.items():
        found = _document(key)
        if code in items and found is not None:
            Pemenuhan.objects.get_or_create(site=site, item=items[code], defaults={"document": found})
    for code, url in URLS.items():
        if code in items:
            Pemenuhan.objects.get_or_create(site=site, item=items[code], defaults={"url": url})
    key, uploaded = STALE_DOCUMENT
    stale = _document(key)
    if stale is not None:
        get_document_model().objects.filter(pk=stale.pk).update(created_at=timezone.make_aware(uploaded))


def _on_demo_loaded(sender, site, **kwargs):
    load(site)


def connect():
    demo_court_loaded.connect(_on_demo_loaded, dispatch_uid="penilaian_demo")
