"""The demo court's announcements: some already expired, some current, some without an end date."""

import datetime
from dataclasses import dataclass

BASE_TAGS = "#PNContoh #Pengumuman"


@dataclass
class AnnouncementItem:
    date: datetime.date
    valid_until: datetime.date | None
    slug: str
    title: str
    summary: str
    body: list
    social_caption: str
    hashtags: str = BASE_TAGS


ANNOUNCEMENTS = [
    AnnouncementItem(
        datetime.date(2026, 2, 16), datetime.date(2026, 3, 20), "jadwal-pelayanan-ramadan-1447-h",
        "Jadwal Pelayanan Selama Bulan Ramadan 1447 H",
        "Jam pelayanan PTSP dan persidangan selama bulan Ramadan 1447 H.",
        [
            "Sesuai ketentuan jam kerja aparatur selama bulan Ramadan, jam pelayanan Pengadilan Negeri Contoh "
            "disesuaikan sebagai berikut:",
            ("ul", ["Senin–Kamis: 08.00–15.00 WIB, istirahat 12.00–12.30 WIB.",
                    "Jumat: 08.00–15.30 WIB, istirahat 11.30–12.30 WIB."]),
            "Persidangan dimulai pukul 09.00 WIB. Pendaftaran perkara melalui e-Court tetap dapat dilakukan "
            "setiap saat.",
        ],
        "Selama Ramadan 1447 H, PTSP PN Contoh buka Senin–Kamis 08.00–15.00 WIB dan Jumat 08.00–15.30 WIB.",
    ),
    AnnouncementItem(
        datetime.date(2026, 3, 9), datetime.date(2026, 3, 27), "libur-idulfitri-1447-h",
        "Libur dan Cuti Bersama Hari Raya Idulfitri 1447 H",
        "Pelayanan tutup selama libur nasional dan cuti bersama Idulfitri.",
        [
            "Pelayanan Terpadu Satu Pintu tutup selama libur nasional dan cuti bersama Hari Raya Idulfitri "
            "1447 H sesuai keputusan bersama menteri. Pelayanan kembali normal pada hari kerja berikutnya.",
            "Permohonan izin penggeledahan dan penyitaan yang mendesak tetap dilayani oleh hakim piket. Nomor "
            "piket diumumkan di gerbang kantor.",
        ],
        "PTSP PN Contoh tutup selama libur dan cuti bersama Idulfitri 1447 H. Hakim piket tetap melayani permohonan "
        "mendesak.",
    ),
    AnnouncementItem(
        datetime.date(2026, 9, 18), datetime.date(2026, 10, 9), "penerimaan-cpns-pppk-2026",
        "Penerimaan CPNS dan PPPK Mahkamah Agung Tahun Anggaran 2026",
        "Informasi seleksi CPNS dan PPPK Mahkamah Agung dan badan peradilan di bawahnya.",
        [
            "Mahkamah Agung membuka seleksi Calon Pegawai Negeri Sipil dan Pegawai Pemerintah dengan "
            "Perjanjian Kerja tahun anggaran 2026. Pendaftaran hanya melalui portal resmi Badan Kepegawaian Negara.",
            ("quote", "Seluruh tahapan seleksi tidak dipungut biaya. Waspadai penipuan yang menjanjikan kelulusan.",
             "Panitia Seleksi Mahkamah Agung"),
            "Formasi untuk Pengadilan Negeri Contoh: 2 Analis Perkara Peradilan dan 1 Pranata Komputer Ahli Pertama.",
        ],
        "Seleksi CPNS dan PPPK Mahkamah Agung 2026 dibuka. Gratis, waspadai penipuan!",
        f"{BASE_TAGS} #CPNS2026",
    ),
    AnnouncementItem(
        datetime.date(2026, 11, 10), datetime.date(2026, 12, 15), "lelang-eksekusi-3-pdt-eks-2026",
        "Lelang Eksekusi Hak Tanggungan Perkara Nomor 3/Pdt.Eks/2026/PN Ctn",
        "Lelang sebidang tanah dan bangunan di Kecamatan Sukamaju melalui KPKNL Kota Contoh.",
        [
            "Berdasarkan penetapan Ketua Pengadilan Negeri Contoh, akan dilaksanakan lelang eksekusi melalui "
            "Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL) Kota Contoh atas objek berikut:",
            ("ul", ["Sebidang tanah seluas 312 m² berikut bangunan di Jalan Melati No. 8, Kelurahan Sukamaju.",
                    "Nilai limit: Rp1.245.000.000.", "Uang jaminan: Rp400.000.000.",
                    "Pelaksanaan lelang: 10 Desember 2026 melalui aplikasi lelang daring."]),
            ("doc", "lelang-eksekusi-3-2026", "Pengumuman lelang lengkap (PDF)"),
        ],
        "Lelang eksekusi perkara 3/Pdt.Eks/2026/PN Ctn: tanah dan bangunan di Sukamaju, limit Rp1,245 miliar.",
        f"{BASE_TAGS} #Lelang",
    ),
    AnnouncementItem(
        datetime.date(2026, 11, 12), None, "pemenang-pengadaan-jasa-kebersihan-2027",
        "Pengumuman Pemenang Pengadaan Jasa Kebersihan Tahun Anggaran 2027",
        "Penetapan penyedia jasa kebersihan kantor untuk tahun anggaran 2027.",
        [
            "Berdasarkan hasil evaluasi penawaran melalui Sistem Pengadaan Secara Elektronik, Pejabat Pengadaan "
            "menetapkan CV Bersih Sejahtera sebagai pemenang pengadaan jasa kebersihan dengan nilai penawaran "
            "terkoreksi Rp386.400.000.",
            "Peserta yang keberatan dapat mengajukan sanggahan melalui SPSE dalam tiga hari kerja sejak pengumuman "
            "ini.",
            ("doc", "pemenang-kebersihan-2027", "Berita acara hasil pemilihan (PDF)"),
        ],
        "Pengumuman pemenang pengadaan jasa kebersihan TA 2027 PN Contoh.",
        f"{BASE_TAGS} #Pengadaan",
    ),
    AnnouncementItem(
        datetime.date(2026, 11, 16), datetime.date(2027, 12, 31), "libur-nasional-cuti-bersama-2027",
        "Libur Nasional dan Cuti Bersama Tahun 2027",
        "Hari libur nasional dan cuti bersama tahun 2027 yang berlaku di pengadilan.",
        [
            "Pengadilan Negeri Contoh mengikuti keputusan bersama menteri tentang hari libur nasional dan cuti "
            "bersama tahun 2027. Pada hari-hari tersebut PTSP dan persidangan tidak dibuka.",
            "Persidangan perkara yang jatuh pada hari libur atau cuti bersama dijadwalkan ulang, dan para pihak "
            "diberi tahu melalui relaas atau akun e-Court.",
            ("doc", "sk-cuti-bersama-2027", "Daftar libur nasional dan cuti bersama 2027 (PDF)"),
        ],
        "Catat tanggalnya! Daftar libur nasional dan cuti bersama 2027 yang berlaku di PN Contoh.",
    ),
    AnnouncementItem(
        datetime.date(2026, 11, 19), datetime.date(2026, 12, 6), "pemeliharaan-e-court-desember-2026",
        "Gangguan Layanan e-Court Terjadwal karena Pemeliharaan Sistem",
        "e-Court tidak dapat diakses pada Sabtu, 5 Desember 2026 pukul 20.00–24.00 WIB.",
        [
            "Mahkamah Agung akan melakukan pemeliharaan sistem e-Court pada Sabtu, 5 Desember 2026 pukul "
            "20.00 sampai 24.00 WIB. Selama pemeliharaan, pendaftaran perkara dan pengiriman dokumen elektronik "
            "tidak dapat dilakukan.",
            "Batas waktu pengiriman dokumen persidangan yang jatuh pada waktu tersebut diperpanjang sampai "
            "Senin, 7 Desember 2026 pukul 12.00 WIB.",
        ],
        "Pemeliharaan e-Court: Sabtu, 5 Desember 2026 pukul 20.00–24.00 WIB. Layanan tidak dapat diakses sementara.",
        f"{BASE_TAGS} #eCourt",
    ),
    AnnouncementItem(
        datetime.date(2026, 1, 5), None, "maklumat-pelayanan-2026",
        "Maklumat Pelayanan Pengadilan Negeri Contoh Tahun 2026",
        "Janji pelayanan pengadilan kepada masyarakat pencari keadilan.",
        [
            ("quote", "Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan "
             "siap menerima sanksi apabila tidak menepati janji ini.", "Ketua Pengadilan Negeri Contoh"),
            ("doc", "maklumat-pelayanan", "Maklumat Pelayanan (PDF)"),
        ],
        "Maklumat Pelayanan PN Contoh 2026: melayani sesuai standar, siap menerima sanksi bila ingkar janji.",
    ),
]
