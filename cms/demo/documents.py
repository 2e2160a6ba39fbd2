"""The demo court's documents: public information (SK KMA 2-144/KMA/SK/VIII/2022), finance and attachments.

Each document becomes a small text PDF (see pdf.py) with sections that fit its
kind. Figures are invented but add up, and are drawn from a seeded generator
so every run makes the same file.
"""

import random
from dataclasses import dataclass

from .court import COURT_NAME, SETTINGS
from .pdf import Section

FOOTER = f"{COURT_NAME} · Dokumen contoh untuk demonstrasi, bukan dokumen resmi"


@dataclass(frozen=True)
class Doc:
    title: str
    category: str  # PublicDocument.CATEGORY_CHOICES
    year: int
    about: str  # one sentence: what the document is for


def _rupiah(value):
    return f"{value:,.0f}".replace(",", ".")


# --- documents listed on the public-information pages ------------------------------------------

INFORMASI_PUBLIK = {
    "laporan-tahunan-2024": Doc("Laporan Tahunan 2024", "laporan", 2024,
                                "Laporan pelaksanaan tugas dan fungsi pengadilan sepanjang tahun 2024."),
    "laporan-tahunan-2025": Doc("Laporan Tahunan 2025", "laporan", 2025,
                                "Laporan pelaksanaan tugas dan fungsi pengadilan sepanjang tahun 2025."),
    "laporan-semester-2026": Doc("Laporan Kinerja Semester I Tahun 2026", "laporan", 2026,
                                 "Capaian kinerja dan penanganan perkara Januari sampai Juni 2026."),
    "dipa-2024": Doc("DIPA Petikan Tahun Anggaran 2024", "dipa", 2024,
                     "Daftar Isian Pelaksanaan Anggaran Badan Urusan Administrasi dan Ditjen Badilum."),
    "dipa-2025": Doc("DIPA Petikan Tahun Anggaran 2025", "dipa", 2025,
                     "Daftar Isian Pelaksanaan Anggaran Badan Urusan Administrasi dan Ditjen Badilum."),
    "dipa-2026": Doc("DIPA Petikan Tahun Anggaran 2026", "dipa", 2026,
                     "Daftar Isian Pelaksanaan Anggaran Badan Urusan Administrasi dan Ditjen Badilum."),
    "lkjip-2024": Doc("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024", "lkjip", 2024,
                      "Pertanggungjawaban capaian kinerja terhadap Perjanjian Kinerja tahun 2024."),
    "lkjip-2025": Doc("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2025", "lkjip", 2025,
                      "Pertanggungjawaban capaian kinerja terhadap Perjanjian Kinerja tahun 2025."),
    "pk-2026": Doc("Perjanjian Kinerja Tahun 2026", "lkjip", 2026,
                   "Target kinerja yang disepakati Ketua Pengadilan Negeri Contoh untuk tahun 2026."),
    "renstra-2020-2024": Doc("Rencana Strategis 2020–2024 (Reviu Akhir)", "renstra", 2024,
                             "Arah kebijakan, sasaran strategis dan indikator kinerja lima tahunan."),
    "renstra-2025-2029": Doc("Rencana Strategis 2025–2029", "renstra", 2025,
                             "Arah kebijakan, sasaran strategis dan indikator kinerja lima tahunan."),
    "renstra-reviu-2026": Doc("Reviu Rencana Strategis 2025–2029", "renstra", 2026,
                              "Penyesuaian indikator Renstra terhadap kebijakan Mahkamah Agung terbaru."),
    "rkt-2024": Doc("Rencana Kinerja Tahunan (RKT) 2024", "renstra", 2024,
                    "Rencana kinerja tahunan yang menjabarkan sasaran Renstra untuk tahun 2024."),
    "rkt-2025": Doc("Rencana Kinerja Tahunan (RKT) 2025", "renstra", 2025,
                    "Rencana kinerja tahunan yang menjabarkan sasaran Renstra untuk tahun 2025."),
    "rkt-2026": Doc("Rencana Kinerja Tahunan (RKT) 2026", "renstra", 2026,
                    "Rencana kinerja tahunan yang menjabarkan sasaran Renstra untuk tahun 2026."),
}

LAPORAN_KEUANGAN = {
    "lra-2024": Doc("Laporan Realisasi Anggaran Tahun 2024", "keuangan", 2024,
                    "Realisasi pendapatan dan belanja satuan kerja tahun anggaran 2024."),
    "neraca-2024": Doc("Neraca per 31 Desember 2024", "keuangan", 2024,
                       "Posisi aset, kewajiban dan ekuitas satuan kerja pada akhir tahun 2024."),
    "lhkpn-2024": Doc("Rekapitulasi Kepatuhan LHKPN dan LHKASN Tahun 2024", "lhkpn", 2024,
                      "Kepatuhan pejabat dan pegawai menyampaikan laporan harta kekayaan."),
    "lra-2025": Doc("Laporan Realisasi Anggaran Tahun 2025", "keuangan", 2025,
                    "Realisasi pendapatan dan belanja satuan kerja tahun anggaran 2025."),
    "neraca-2025": Doc("Neraca per 31 Desember 2025", "keuangan", 2025,
                       "Posisi aset, kewajiban dan ekuitas satuan kerja pada akhir tahun 2025."),
    "lhkpn-2025": Doc("Rekapitulasi Kepatuhan LHKPN dan LHKASN Tahun 2025", "lhkpn", 2025,
                      "Kepatuhan pejabat dan pegawai menyampaikan laporan harta kekayaan."),
    "lra-semester-2026": Doc("Laporan Realisasi Anggaran Semester I Tahun 2026", "keuangan", 2026,
                             "Realisasi pendapatan dan belanja satuan kerja Januari sampai Juni 2026."),
}

# --- documents attached to pages, news and announcements ----------------------------------------

ATTACHMENTS = {
    "sk-panjar-biaya": Doc("SK Ketua Pengadilan Negeri Contoh tentang Panjar Biaya Perkara Tahun 2026", "sk", 2026,
                           "Besaran panjar biaya perkara perdata, permohonan dan eksekusi."),
    "maklumat-pelayanan": Doc("Maklumat Pelayanan Pengadilan Negeri Contoh", "sk", 2026,
                              "Janji pelayanan pengadilan kepada masyarakat pencari keadilan."),
    "sk-daftar-informasi": Doc("SK Daftar Informasi Publik Tahun 2026", "sk", 2026,
                               "Penetapan daftar informasi publik yang dikuasai pengadilan."),
    "standar-pelayanan-ptsp": Doc("Standar Pelayanan Terpadu Satu Pintu", "sk", 2026,
                                  "Persyaratan, prosedur, waktu dan biaya setiap layanan di PTSP."),
    "pakta-integritas-2026": Doc("Pakta Integritas Aparatur Pengadilan Negeri Contoh 2026", "sk", 2026,
                                 "Pernyataan komitmen aparatur untuk bekerja bersih dan melayani."),
    "ikm-triwulan-3-2026": Doc("Laporan Survei Kepuasan Masyarakat Triwulan III 2026", "laporan", 2026,
                               "Hasil survei kepuasan dan persepsi antikorupsi pengguna layanan."),
    "jadwal-sidang-keliling-2026": Doc("Jadwal Sidang Keliling Semester II Tahun 2026", "lainnya", 2026,
                                       "Lokasi dan tanggal sidang keliling di kecamatan yang jauh dari kantor."),
    "lelang-eksekusi-3-2026": Doc("Pengumuman Lelang Eksekusi Perkara Nomor 3/Pdt.Eks/2026/PN Ctn", "lainnya", 2026,
                                  "Objek lelang, nilai limit, jaminan dan cara mengikuti lelang."),
    "pemenang-kebersihan-2027": Doc("Berita Acara Hasil Pemilihan Penyedia Jasa Kebersihan TA 2027", "lainnya", 2026,
                                    "Hasil evaluasi penawaran dan penetapan pemenang."),
    "sk-cuti-bersama-2027": Doc("SKB Libur Nasional dan Cuti Bersama Tahun 2027", "sk", 2026,
                                "Daftar hari libur nasional dan cuti bersama yang berlaku di pengadilan."),
    "rup-2026": Doc("Rencana Umum Pengadaan Tahun Anggaran 2026", "lainnya", 2026,
                    "Daftar paket pengadaan barang/jasa yang direncanakan tahun ini."),
}

ALL = {**INFORMASI_PUBLIK, **LAPORAN_KEUANGAN, **ATTACHMENTS}


def _finance_table(rng, year):
    rows = [("Uraian", "Pagu (Rp)", "Realisasi (Rp)", "%")]
    total_pagu = total_real = 0
    for label, low, high in [("Belanja Pegawai", 4_200, 5_600), ("Belanja Barang", 1_100, 1_700),
                             ("Belanja Modal", 250, 900)]:
        pagu = rng.randint(low, high) * 1_000_000
        real = round(pagu * rng.uniform(0.9, 0.99), -3)
        total_pagu, total_real = total_pagu + pagu, total_real + real
        rows.append((label, _rupiah(pagu), _rupiah(real), f"{real / pagu * 100:.2f}".replace(".", ",")))
    rows.append(("Jumlah", _rupiah(total_pagu), _rupiah(total_real),
                 f"{total_real / total_pagu * 100:.2f}".replace(".", ",")))
    pnbp = rng.randint(80, 160) * 1_000_000
    return rows, pnbp


def sections(key, doc):
    """The body of one document: sections fitting its kind."""
    rng = random.Random(key)
    intro = Section("Pendahuluan", [
        f"{doc.about} Dokumen ini disusun oleh {COURT_NAME} sebagai bagian dari keterbukaan informasi publik "
        "sesuai Keputusan Ketua Mahkamah Agung Nomor 2-144/KMA/SK/VIII/2022 tentang Standar Pelayanan "
        "Informasi Publik di Pengadilan.",
        "Seluruh angka dan nama dalam dokumen ini adalah contoh untuk keperluan demonstrasi situs web.",
    ])
    closing = Section("Penutup", [
        f"Informasi lebih lanjut dapat diperoleh melalui Meja Informasi pada Pelayanan Terpadu Satu Pintu, "
        f"{SETTINGS['address']}, telepon {SETTINGS['phone']}, atau surel {SETTINGS['email']}.",
    ])
    if doc.category in ("keuangan", "dipa"):
        rows, pnbp = _finance_table(rng, doc.year)
        body = Section("Ringkasan Anggaran", [
            f"Penerimaan Negara Bukan Pajak yang disetor ke kas negara sebesar Rp{_rupiah(pnbp)}, "
            "terutama dari hak kepaniteraan dan biaya legalisasi.",
        ], table=rows)
        notes = Section("Catatan", [
            "Realisasi belanja modal dipengaruhi jadwal pengadaan yang mengikuti Rencana Umum Pengadaan. "
            "Sisa anggaran belanja pegawai berasal dari formasi yang belum terisi.",
        ])
        return [intro, body, notes, closing]
    if doc.category == "lhkpn":
        required = rng.randint(24, 32)
        filed = required - rng.randint(0, 1)
        table = [("Kelompok", "Wajib Lapor", "Sudah Lapor", "%"),
                 ("Hakim (LHKPN)", str(required - 14), str(required - 14), "100,00"),
                 ("Pejabat Struktural (LHKPN)", "6", "6", "100,00"),
                 ("Pegawai (LHKASN)", str(required), str(filed), f"{filed / required * 100:.2f}".replace(".", ","))]
        return [intro, Section("Rekapitulasi Kepatuhan", [
            "Laporan disampaikan melalui aplikasi e-LHKPN dan SIHARKA sebelum batas waktu 31 Maret.",
        ], table=table), closing]
    if doc.category in ("lkjip", "laporan", "renstra"):
        table = [("Indikator Kinerja Utama", "Target", "Realisasi")]
        for label in ("Perkara diselesaikan tepat waktu", "Perkara tanpa upaya hukum",
                      "Putusan yang dapat diakses daring", "Perkara prodeo yang diselesaikan",
                      "Indeks kepuasan masyarakat"):
            target = rng.choice([85, 90, 95, 100])
            real = min(100, target + rng.randint(-4, 5))
            table.append((label, f"{target}%", f"{real}%"))
        return [intro, Section("Capaian Indikator Kinerja", [
            "Sasaran strategis: terwujudnya proses peradilan yang pasti, transparan dan akuntabel, serta "
            "meningkatnya akses peradilan bagi masyarakat miskin dan terpinggirkan.",
        ], table=table), Section("Hambatan dan Rencana Tindak Lanjut", [
            "Jumlah hakim belum sebanding dengan beban perkara, sehingga penyelesaian perkara perdata gugatan "
            "sebagian melewati lima bulan. Pengadilan mengoptimalkan e-Court, mediasi dan sidang keliling.",
        ]), closing]
    body = Section("Isi Pokok", [
        doc.about, "Dokumen lengkap yang ditandatangani dapat dilihat di PTSP pada jam pelayanan.",
    ])
    return [intro, body, closing]
