"""The demo court's news: 26 items from late July to ANCHOR_DATE, with categories, tags and social drafts.

`motif` picks the illustration (see images.py). A body item ("figure", motif,
alt, caption) adds a second illustration inside the text.
"""

import datetime
from dataclasses import dataclass

CATEGORIES = [
    ("Kegiatan", "kegiatan"),
    ("Pelayanan", "pelayanan"),
    ("Zona Integritas", "zona-integritas"),
    ("Sidang Keliling", "sidang-keliling"),
    ("Pengumuman Resmi", "pengumuman-resmi"),
    ("Pembinaan", "pembinaan"),
]

BASE_TAGS = "#PNContoh #PengadilanNegeri"


@dataclass
class NewsItem:
    date: datetime.date
    slug: str
    title: str
    category: str  # slug from CATEGORIES
    tags: tuple
    motif: str
    lead: str
    body: list
    hero_alt: str
    hero_caption: str
    social_caption: str
    hashtags: str


def d(month, day):
    return datetime.date(2026, month, day)


NEWS = [
    NewsItem(
        d(7, 23), "ketua-lantik-dua-hakim-baru", "Ketua PN Contoh Lantik dan Ambil Sumpah Dua Hakim Baru",
        "kegiatan", ("pelantikan", "hakim"), "pelantikan",
        "Ketua Pengadilan Negeri Contoh melantik dan mengambil sumpah dua hakim yang dimutasi dari Pengadilan "
        "Negeri Lembah Hijau dan Pengadilan Negeri Pesisir Utara, Kamis (23/7).",
        [
            "Pelantikan berlangsung di ruang sidang utama dan disaksikan hakim, pejabat kepaniteraan dan "
            "kesekretariatan, serta perwakilan Forum Koordinasi Pimpinan Daerah Kota Contoh. Kedua hakim "
            "membacakan sumpah jabatan dengan didampingi rohaniwan.",
            ("quote", "Jabatan hakim adalah amanah. Jaga integritas, putus perkara tepat waktu, dan layani "
             "pencari keadilan dengan hormat.", "Dr. Hendra Wijaya, S.H., M.H., Ketua PN Contoh"),
            "Dengan pelantikan ini jumlah hakim Pengadilan Negeri Contoh menjadi sebelas orang termasuk "
            "pimpinan. Tambahan hakim diharapkan mempercepat penyelesaian perkara perdata gugatan yang "
            "jumlahnya meningkat sejak awal tahun.",
        ],
        "Dua hakim bertoga berdiri di depan spanduk pelantikan, disaksikan para pegawai di ruang sidang utama.",
        "Pelantikan dan pengambilan sumpah hakim di ruang sidang utama.",
        "Ketua PN Contoh melantik dan mengambil sumpah dua hakim baru. Selamat bertugas!",
        f"{BASE_TAGS} #Pelantikan",
    ),
    NewsItem(
        d(7, 28), "pembinaan-oleh-ketua-pengadilan-tinggi", "Ketua Pengadilan Tinggi Contoh Beri Pembinaan Aparatur",
        "pembinaan", ("pembinaan", "pengawasan"), "rapat",
        "Ketua Pengadilan Tinggi Contoh memberikan pembinaan teknis yudisial dan nonyudisial kepada hakim dan "
        "pegawai Pengadilan Negeri Contoh, Selasa (28/7).",
        [
            "Dalam arahannya, Ketua Pengadilan Tinggi menekankan ketepatan waktu minutasi, pengisian data SIPP "
            "yang lengkap, dan pengunggahan putusan ke Direktori Putusan paling lambat satu hari setelah "
            "putusan dibacakan.",
            ("ul", ["Minutasi perkara paling lama 14 hari setelah putusan.",
                    "Relaas panggilan elektronik untuk pengguna terdaftar e-Court.",
                    "Pemeriksaan kas dan barang milik negara setiap triwulan."]),
            "Sesi dilanjutkan dengan tanya jawab mengenai penanganan perkara anak dan pelaksanaan diversi.",
        ],
        "Pejabat pengadilan duduk berjajar di balik meja rapat dengan spanduk pembinaan di dinding.",
        "Pembinaan aparatur oleh Ketua Pengadilan Tinggi Contoh.",
        "Pembinaan teknis yudisial dan nonyudisial dari Ketua Pengadilan Tinggi Contoh untuk aparatur PN Contoh.",
        f"{BASE_TAGS} #Pembinaan",
    ),
    NewsItem(
        d(8, 4), "pelatihan-sertifikasi-mediator", "Dua Hakim Ikuti Pelatihan Sertifikasi Mediator",
        "kegiatan", ("mediasi", "pelatihan"), "presentasi",
        "Dua hakim Pengadilan Negeri Contoh mengikuti pelatihan sertifikasi mediator selama lima hari untuk "
        "memperkuat penyelesaian sengketa secara damai.",
        [
            "Pelatihan meliputi teknik komunikasi, negosiasi berbasis kepentingan, penyusunan kesepakatan "
            "perdamaian, dan simulasi mediasi perkara waris serta sengketa tanah.",
            "Saat ini tingkat keberhasilan mediasi di Pengadilan Negeri Contoh sekitar 14 persen. Dengan "
            "bertambahnya mediator bersertifikat, pengadilan menargetkan angka itu naik menjadi 20 persen "
            "pada tahun depan.",
            ("quote", "Mediator yang baik tidak memutus. Ia membantu para pihak menemukan jalan keluar mereka sendiri.",
             "Wulan Sari, S.H., M.H., hakim mediator"),
        ],
        "Seorang pelatih berdiri di samping layar presentasi, para peserta duduk menghadap layar.",
        "Sesi simulasi dalam pelatihan sertifikasi mediator.",
        "Dua hakim PN Contoh ikuti pelatihan sertifikasi mediator. Mediasi: damai lebih cepat, lebih murah.",
        f"{BASE_TAGS} #Mediasi",
    ),
    NewsItem(
        d(8, 10), "sidang-keliling-bukit-raya", "Sidang Keliling di Kelurahan Bukit Raya Layani 31 Permohonan",
        "sidang-keliling", ("sidang keliling", "akta kelahiran"), "keliling",
        "Pengadilan Negeri Contoh menggelar sidang keliling di Kantor Kelurahan Bukit Raya, Kecamatan Lembah "
        "Hijau, dan memeriksa 31 permohonan pencatatan kelahiran yang terlambat.",
        [
            "Sidang keliling bekerja sama dengan Dinas Kependudukan dan Pencatatan Sipil Kota Contoh, sehingga "
            "warga yang permohonannya dikabulkan dapat langsung mengurus akta kelahiran di tempat.",
            "Sebagian besar pemohon adalah orang tua dari anak usia sekolah yang membutuhkan akta untuk "
            "pendaftaran sekolah dan bantuan sosial. Tiga permohonan ditunda karena saksi belum hadir.",
            ("doc", "jadwal-sidang-keliling-2026", "Jadwal Sidang Keliling Semester II 2026"),
        ],
        "Tenda sidang keliling dengan meja hakim di halaman kantor kelurahan, warga mengantre di depannya.",
        "Warga mengikuti sidang keliling di Kelurahan Bukit Raya.",
        "Sidang keliling PN Contoh di Kelurahan Bukit Raya: 31 permohonan pencatatan kelahiran diperiksa.",
        f"{BASE_TAGS} #SidangKeliling #AksesKeadilan",
    ),
    NewsItem(
        d(8, 17), "upacara-hut-ri-81", "Upacara Peringatan HUT ke-81 Kemerdekaan Republik Indonesia",
        "kegiatan", ("hut ri", "upacara"), "upacara",
        "Keluarga besar Pengadilan Negeri Contoh mengikuti upacara peringatan Hari Ulang Tahun ke-81 "
        "Kemerdekaan Republik Indonesia di halaman kantor, Senin (17/8).",
        [
            "Ketua Pengadilan Negeri Contoh bertindak sebagai pembina upacara dan membacakan amanat Ketua "
            "Mahkamah Agung. Pengibaran bendera dilaksanakan oleh pegawai muda yang telah berlatih sepekan.",
            ("figure", "gedung", "Gedung Pengadilan Negeri Contoh berhias umbul-umbul merah putih.",
             "Gedung pengadilan berhias umbul-umbul menyambut HUT RI."),
            "Usai upacara, kegiatan dilanjutkan dengan lomba antarbagian dan doa bersama untuk para pahlawan.",
        ],
        "Bendera merah putih berkibar di tiang, para peserta upacara berbaris menghadap tiang bendera.",
        "Upacara HUT ke-81 RI di halaman Pengadilan Negeri Contoh.",
        "Dirgahayu ke-81 Republik Indonesia! Upacara peringatan di halaman PN Contoh.",
        f"{BASE_TAGS} #HUTRI81 #MerdekaMelayani",
    ),
    NewsItem(
        d(8, 19), "donor-darah-hut-mahkamah-agung", "Donor Darah Sambut HUT ke-81 Mahkamah Agung",
        "kegiatan", ("hut ma", "donor darah", "sosial"), "donor",
        "Menyambut Hari Ulang Tahun ke-81 Mahkamah Agung, Pengadilan Negeri Contoh bersama Palang Merah "
        "Indonesia Kota Contoh menggelar donor darah yang diikuti 64 peserta.",
        [
            "Peserta terdiri atas hakim, pegawai, advokat, dan warga sekitar kantor pengadilan. Dari 64 calon "
            "pendonor, 52 orang lolos pemeriksaan kesehatan dan mendonorkan darahnya.",
            "Kantong darah yang terkumpul diserahkan ke Unit Donor Darah PMI untuk memenuhi kebutuhan rumah "
            "sakit di Kota Contoh yang stoknya menipis menjelang akhir bulan.",
        ],
        "Ikon tetes darah berwarna merah, seorang petugas kesehatan berseragam putih, dan pendonor berbaring.",
        "Donor darah bersama PMI Kota Contoh.",
        "Setetes darah, sejuta harapan. 52 kantong darah terkumpul dalam donor darah HUT ke-81 MA di PN Contoh.",
        f"{BASE_TAGS} #HUTMA81 #DonorDarah",
    ),
    NewsItem(
        d(8, 25), "pencanangan-zona-integritas-2026", "Pencanangan Pembangunan Zona Integritas Menuju WBK 2026",
        "zona-integritas", ("zona integritas", "wbk"), "penandatanganan",
        "Pengadilan Negeri Contoh kembali mencanangkan pembangunan Zona Integritas menuju Wilayah Bebas dari "
        "Korupsi (WBK) disaksikan Wali Kota Contoh dan Ketua Pengadilan Tinggi Contoh.",
        [
            "Pencanangan ditandai dengan penandatanganan piagam oleh Ketua Pengadilan Negeri Contoh. Tim kerja "
            "menyiapkan enam area perubahan: manajemen perubahan, penataan tata laksana, penataan sistem "
            "manajemen SDM, penguatan akuntabilitas, penguatan pengawasan, dan peningkatan kualitas pelayanan publik.",
            ("ol", ["Manajemen perubahan", "Penataan tata laksana", "Penataan sistem manajemen SDM",
                    "Penguatan akuntabilitas", "Penguatan pengawasan", "Peningkatan kualitas pelayanan publik"]),
            ("quote", "Zona Integritas bukan lomba papan nama. Ukurannya adalah apa yang dirasakan masyarakat di "
                      "loket.",
             "Dr. Hendra Wijaya, S.H., M.H."),
        ],
        "Pimpinan pengadilan berdiri di balik meja penandatanganan dengan spanduk pencanangan Zona Integritas.",
        "Penandatanganan piagam pencanangan Zona Integritas.",
        "PN Contoh mencanangkan pembangunan Zona Integritas menuju WBK. Bersih melayani, melayani dengan bersih.",
        f"{BASE_TAGS} #ZonaIntegritas #WBK",
    ),
    NewsItem(
        d(9, 1), "penandatanganan-pakta-integritas", "Seluruh Aparatur Tandatangani Pakta Integritas",
        "zona-integritas", ("pakta integritas", "zona integritas"), "penandatanganan",
        "Seluruh hakim, pejabat dan pegawai Pengadilan Negeri Contoh menandatangani pakta integritas sebagai "
        "komitmen menolak gratifikasi dan pungutan liar.",
        [
            "Penandatanganan dilakukan bergiliran setelah apel pagi. Pakta integritas memuat janji untuk tidak "
            "meminta atau menerima imbalan, melaporkan gratifikasi, dan menjaga kerahasiaan data para pihak.",
            "Dokumen pakta integritas yang telah ditandatangani dipasang di ruang PTSP sehingga dapat dilihat "
            "pengunjung.",
            ("doc", "pakta-integritas-2026", "Pakta Integritas Aparatur 2026"),
        ],
        "Empat pegawai berdiri di balik meja berisi lembar pakta integritas, dengan spanduk di dinding.",
        "Penandatanganan pakta integritas setelah apel pagi.",
        "Seluruh aparatur PN Contoh menandatangani pakta integritas: tolak gratifikasi, tolak pungli.",
        f"{BASE_TAGS} #ZonaIntegritas #TolakGratifikasi",
    ),
    NewsItem(
        d(9, 7), "sosialisasi-e-court-advokat", "Sosialisasi e-Court dan e-Litigasi bagi Advokat dan Paralegal",
        "pelayanan", ("e-court", "sosialisasi"), "presentasi",
        "Sebanyak 48 advokat dan paralegal mengikuti sosialisasi e-Court dan persidangan elektronik yang "
        "diselenggarakan Pengadilan Negeri Contoh.",
        [
            "Materi meliputi pendaftaran akun pengguna terdaftar, pembayaran panjar melalui virtual account, "
            "pengiriman replik dan duplik secara elektronik, serta pengucapan putusan melalui sistem.",
            ("figure", "rapat", "Peserta sosialisasi berdiskusi di meja panjang bersama petugas PTSP.",
             "Sesi tanya jawab bersama petugas e-Court."),
            "Peserta juga diperkenalkan pada pojok e-Court di PTSP yang dapat dimanfaatkan pengguna yang "
            "belum memiliki perangkat atau membutuhkan pendampingan.",
        ],
        "Narasumber berdiri di samping layar yang menampilkan grafik, para advokat duduk mendengarkan.",
        "Sosialisasi e-Court bagi advokat dan paralegal.",
        "Berperkara tanpa antre: 48 advokat dan paralegal ikuti sosialisasi e-Court dan e-Litigasi di PN Contoh.",
        f"{BASE_TAGS} #eCourt #PeradilanModern",
    ),
    NewsItem(
        d(9, 11), "posbakum-layani-ratusan-warga", "Posbakum Layani 412 Warga Selama Semester I 2026",
        "pelayanan", ("posbakum", "bantuan hukum"), "rapat",
        "Pos Bantuan Hukum Pengadilan Negeri Contoh mencatat 412 layanan konsultasi dan pembuatan dokumen "
        "hukum selama Januari sampai Juni 2026.",
        [
            "Layanan terbanyak adalah konsultasi permohonan pencatatan kelahiran dan perubahan data "
            "kependudukan, disusul pembuatan surat gugatan sederhana.",
            ("ul", ["Konsultasi dan advis hukum: 268 layanan", "Pembuatan surat permohonan: 97 layanan",
                    "Pembuatan surat gugatan: 31 layanan", "Rujukan pendampingan: 16 layanan"]),
            "Posbakum dilayani advokat dari dua organisasi bantuan hukum yang bekerja sama dengan pengadilan.",
        ],
        "Petugas Posbakum dan warga duduk di meja panjang membahas dokumen.",
        "Layanan konsultasi di Pos Bantuan Hukum.",
        "Posbakum PN Contoh melayani 412 warga selama semester I 2026. Konsultasi hukum gratis bagi warga tidak mampu.",
        f"{BASE_TAGS} #Posbakum #BantuanHukum",
    ),
    NewsItem(
        d(9, 16), "kunjungan-badan-pengawasan", "Badan Pengawasan Mahkamah Agung Lakukan Pemeriksaan Reguler",
        "zona-integritas", ("pengawasan", "badan pengawasan"), "rapat",
        "Tim dari Badan Pengawasan Mahkamah Agung melakukan pemeriksaan reguler di Pengadilan Negeri Contoh "
        "selama tiga hari.",
        [
            "Pemeriksaan mencakup manajemen peradilan, administrasi perkara, keuangan, kepegawaian, dan "
            "pelayanan publik. Tim juga mewawancarai pengunjung PTSP secara acak.",
            "Dalam rapat penutupan, tim menyampaikan temuan sementara yang wajib ditindaklanjuti dalam 60 hari, "
            "antara lain pemutakhiran data barang milik negara dan penyeragaman register surat kuasa.",
            ("quote", "Temuan pengawasan adalah bahan perbaikan, bukan sekadar catatan.", "Ketua Tim Pemeriksa"),
        ],
        "Tim pemeriksa dan pejabat pengadilan duduk berhadapan di meja rapat.",
        "Rapat penutupan pemeriksaan reguler Badan Pengawasan.",
        "Badan Pengawasan MA melakukan pemeriksaan reguler di PN Contoh. Temuan ditindaklanjuti dalam 60 hari.",
        f"{BASE_TAGS} #Bawas #Pengawasan",
    ),
    NewsItem(
        d(9, 22), "monev-zona-integritas-triwulan-3", "Monitoring dan Evaluasi Zona Integritas Triwulan III",
        "zona-integritas", ("zona integritas", "monev"), "rapat",
        "Tim Zona Integritas Pengadilan Negeri Contoh menggelar rapat monitoring dan evaluasi capaian enam area "
        "perubahan pada triwulan III.",
        [
            "Setiap koordinator area memaparkan bukti dukung yang telah dikumpulkan. Area peningkatan kualitas "
            "pelayanan publik mencatat capaian tertinggi setelah dibukanya loket prioritas.",
            "Rapat menyepakati penyusunan inovasi layanan berupa pengingat jadwal sidang melalui WhatsApp "
            "bagi para pihak yang tidak menggunakan e-Court.",
        ],
        "Anggota tim Zona Integritas rapat di meja panjang di depan spanduk.",
        "Rapat monev Zona Integritas triwulan III.",
        "Monev Zona Integritas triwulan III: area pelayanan publik catat capaian tertinggi.",
        f"{BASE_TAGS} #ZonaIntegritas",
    ),
    NewsItem(
        d(9, 28), "sidang-keliling-pesisir-indah", "Sidang Keliling di Kecamatan Pesisir Indah Layani 38 Permohonan",
        "sidang-keliling", ("sidang keliling", "akses keadilan"), "keliling",
        "Pengadilan Negeri Contoh menggelar sidang keliling di Kelurahan Teluk Biru, Kecamatan Pesisir Indah, "
        "wilayah terjauh dari kantor pengadilan.",
        [
            "Sebanyak 38 permohonan diperiksa dalam satu hari, terdiri atas 29 permohonan pencatatan kelahiran "
            "yang terlambat dan 9 permohonan perbaikan data pada akta.",
            "Bagi warga Teluk Biru, perjalanan ke kantor pengadilan memakan waktu satu setengah jam dan biaya "
            "transportasi yang tidak sedikit. Sidang keliling memangkas biaya tersebut.",
            ("quote", "Dulu kami harus menyewa mobil bersama-sama ke kota. Sekarang cukup jalan kaki ke kantor "
                      "kelurahan.",
             "Siti Maryam, warga Teluk Biru"),
        ],
        "Mobil layanan pengadilan terparkir di samping tenda sidang, warga berkumpul di bawah tenda.",
        "Sidang keliling di Kelurahan Teluk Biru, Kecamatan Pesisir Indah.",
        "Sidang keliling PN Contoh hadir di Teluk Biru: 38 permohonan diperiksa tanpa warga harus ke kota.",
        f"{BASE_TAGS} #SidangKeliling #AksesKeadilan",
    ),
    NewsItem(
        d(10, 2), "hari-batik-nasional", "Peringati Hari Batik Nasional, Pegawai Kenakan Batik Motif Daerah",
        "kegiatan", ("hari batik",), "gedung",
        "Memperingati Hari Batik Nasional, seluruh aparatur Pengadilan Negeri Contoh mengenakan batik motif "
        "daerah saat bertugas, Jumat (2/10).",
        [
            "Pegawai mengenakan batik bermotif pesisir dan tenun khas Kota Contoh. Pelayanan di PTSP tetap "
            "berjalan seperti biasa.",
            "Ketua pengadilan mengajak pegawai bangga pada produk dalam negeri dan mendukung perajin batik lokal.",
        ],
        "Gedung pengadilan berpilar putih dengan beberapa pegawai berbatik di halaman depan.",
        "Pegawai berbatik di halaman Pengadilan Negeri Contoh.",
        "Selamat Hari Batik Nasional! Aparatur PN Contoh bertugas dengan batik motif daerah.",
        f"{BASE_TAGS} #HariBatikNasional",
    ),
    NewsItem(
        d(10, 6), "rapat-evaluasi-kinerja-triwulan-3",
        "Rapat Evaluasi Kinerja Triwulan III: Sisa Perkara Turun 18 Persen",
        "kegiatan", ("evaluasi kinerja", "rapat"), "rapat",
        "Pengadilan Negeri Contoh menggelar rapat evaluasi kinerja triwulan III yang dipimpin Ketua Pengadilan "
        "dan diikuti seluruh hakim serta pejabat struktural dan fungsional.",
        [
            "Sisa perkara pada akhir September turun 18 persen dibanding triwulan sebelumnya. Namun, lima perkara "
            "perdata gugatan telah berjalan lebih dari lima bulan dan menjadi perhatian khusus.",
            ("h3", "Tindak lanjut"),
            ("ul", ["Penjadwalan ulang sidang perkara yang melewati lima bulan.",
                    "Pemeriksaan kelengkapan data SIPP setiap Jumat.",
                    "Percepatan pengunggahan putusan ke Direktori Putusan."]),
            "Bagian kesekretariatan melaporkan realisasi anggaran mencapai 71 persen, sesuai rencana penarikan dana.",
        ],
        "Pimpinan dan hakim duduk di meja rapat panjang dengan spanduk evaluasi kinerja.",
        "Rapat evaluasi kinerja triwulan III.",
        "Rapat evaluasi kinerja triwulan III: sisa perkara PN Contoh turun 18 persen.",
        f"{BASE_TAGS} #EvaluasiKinerja",
    ),
    NewsItem(
        d(10, 12), "layanan-ramah-disabilitas",
        "Layanan Ramah Disabilitas: Kursi Roda, Jalur Pemandu dan Juru Bahasa Isyarat",
        "pelayanan", ("disabilitas", "ptsp", "pelayanan prima"), "disabilitas",
        "Pengadilan Negeri Contoh menambah sarana bagi pengunjung penyandang disabilitas, mulai dari jalur "
        "landai baru hingga juru bahasa isyarat yang dapat dipesan sebelum sidang.",
        [
            "Jalur landai di pintu samping kini tersambung langsung dengan ruang PTSP dan ruang sidang lantai "
            "dasar. Jalur pemandu bagi tunanetra dipasang dari gerbang hingga loket prioritas.",
            "Pengadilan juga bekerja sama dengan organisasi penyandang disabilitas setempat untuk menyediakan "
            "juru bahasa isyarat. Permintaan disampaikan melalui WhatsApp layanan paling lambat dua hari sebelum "
            "sidang.",
            ("quote", "Akses terhadap keadilan harus setara. Sarana ini kami uji bersama teman-teman disabilitas.",
             "Sri Rahayu Lestari, S.H., M.H., Wakil Ketua"),
        ],
        "Petugas berdiri di samping pengunjung berkursi roda di dekat jalur landai menuju gedung pengadilan.",
        "Jalur landai dan pendampingan bagi pengunjung berkursi roda.",
        "PN Contoh makin ramah disabilitas: jalur landai, jalur pemandu, dan juru bahasa isyarat atas permintaan.",
        f"{BASE_TAGS} #RamahDisabilitas #PelayananPrima",
    ),
    NewsItem(
        d(10, 15), "nota-kesepahaman-disdukcapil", "Nota Kesepahaman dengan Disdukcapil Percepat Layanan Akta",
        "pelayanan", ("kerja sama", "akta kelahiran"), "penandatanganan",
        "Pengadilan Negeri Contoh dan Dinas Kependudukan dan Pencatatan Sipil Kota Contoh menandatangani nota "
        "kesepahaman tentang integrasi layanan penetapan dan pencatatan sipil.",
        [
            "Dengan kerja sama ini, salinan penetapan pengadilan dikirim secara elektronik ke Disdukcapil, "
            "sehingga warga tidak perlu membawa salinan fisik untuk menerbitkan atau memperbaiki akta.",
            "Layanan terintegrasi mulai berlaku 1 November 2026 untuk permohonan pencatatan kelahiran, "
            "perubahan nama, dan perbaikan data.",
        ],
        "Pimpinan dua instansi berdiri di balik meja penandatanganan dengan spanduk kerja sama.",
        "Penandatanganan nota kesepahaman dengan Disdukcapil Kota Contoh.",
        "PN Contoh dan Disdukcapil Kota Contoh teken nota kesepahaman: penetapan langsung terkirim, akta lebih cepat.",
        f"{BASE_TAGS} #PelayananPublik",
    ),
    NewsItem(
        d(10, 20), "survei-kepuasan-triwulan-3", "Indeks Kepuasan Masyarakat Triwulan III Capai 3,71",
        "pelayanan", ("survei kepuasan", "ptsp"), "presentasi",
        "Hasil survei kepuasan masyarakat triwulan III menunjukkan indeks 3,71 dari skala 4, naik dari 3,64 "
        "pada triwulan sebelumnya.",
        [
            "Survei diisi 386 pengguna layanan melalui kios survei di PTSP dan tautan daring. Unsur dengan nilai "
            "tertinggi adalah perilaku petugas, sedangkan nilai terendah ada pada sarana ruang tunggu.",
            "Menindaklanjuti hasil itu, pengadilan merenovasi ruang tunggu dan menambah kursi serta pendingin "
            "ruangan pada triwulan IV.",
            ("doc", "ikm-triwulan-3-2026", "Laporan Survei Kepuasan Masyarakat Triwulan III 2026"),
        ],
        "Narasumber memaparkan grafik hasil survei pada layar, pegawai duduk mendengarkan.",
        "Pemaparan hasil survei kepuasan masyarakat.",
        "Indeks Kepuasan Masyarakat PN Contoh triwulan III: 3,71 dari 4. Terima kasih atas penilaian Anda!",
        f"{BASE_TAGS} #SurveiKepuasan",
    ),
    NewsItem(
        d(10, 28), "sumpah-pemuda-pembinaan-pegawai-muda", "Hari Sumpah Pemuda: Apel dan Pembinaan Pegawai Muda",
        "pembinaan", ("sumpah pemuda", "pembinaan"), "upacara",
        "Memperingati Hari Sumpah Pemuda, Pengadilan Negeri Contoh menggelar apel pagi dan pembinaan bagi "
        "pegawai berusia di bawah 35 tahun.",
        [
            "Dalam pembinaan, pegawai muda diajak menjadi agen perubahan Zona Integritas dan mengusulkan inovasi "
            "layanan. Tiga usulan terbaik akan dibahas dalam rapat pimpinan.",
            "Pegawai muda kini berjumlah 21 orang atau hampir sepertiga dari seluruh aparatur.",
        ],
        "Barisan pegawai apel pagi di halaman kantor menghadap tiang bendera.",
        "Apel Hari Sumpah Pemuda di halaman kantor.",
        "Selamat Hari Sumpah Pemuda! Pegawai muda PN Contoh siap menjadi agen perubahan.",
        f"{BASE_TAGS} #SumpahPemuda",
    ),
    NewsItem(
        d(11, 2), "bimtek-sipp-panitera-pengganti", "Bimbingan Teknis SIPP bagi Panitera Pengganti dan Jurusita",
        "kegiatan", ("sipp", "bimtek"), "presentasi",
        "Kepaniteraan Pengadilan Negeri Contoh menggelar bimbingan teknis pembaruan Sistem Informasi "
        "Penelusuran Perkara bagi panitera pengganti dan jurusita.",
        [
            "Bimbingan teknis membahas fitur baru SIPP, termasuk pencatatan relaas elektronik dan validasi data "
            "para pihak yang terhubung dengan data kependudukan.",
            "Setelah bimbingan teknis, setiap panitera pengganti diminta memeriksa kelengkapan data perkara yang "
            "ditanganinya paling lambat akhir November.",
        ],
        "Instruktur menjelaskan materi di depan layar, peserta duduk membelakangi kamera.",
        "Bimbingan teknis SIPP di ruang rapat.",
        "Bimtek SIPP bagi panitera pengganti dan jurusita PN Contoh: data perkara lengkap, informasi akurat.",
        f"{BASE_TAGS} #SIPP",
    ),
    NewsItem(
        d(11, 5), "jadwal-pelayanan-selama-renovasi", "Pelayanan PTSP Pindah Sementara Selama Renovasi Ruang Tunggu",
        "pengumuman-resmi", ("ptsp", "renovasi"), "gedung",
        "Selama renovasi ruang tunggu pada 9 sampai 27 November 2026, loket PTSP pindah sementara ke aula "
        "lantai dasar di sisi timur gedung.",
        [
            "Jam pelayanan tidak berubah. Petunjuk arah dipasang sejak gerbang, dan petugas keamanan membantu "
            "mengarahkan pengunjung.",
            "Pengunjung penyandang disabilitas dapat menggunakan jalur landai di pintu samping yang langsung "
            "menuju aula.",
        ],
        "Gedung pengadilan berpilar putih dengan pepohonan di kedua sisinya.",
        "Loket PTSP sementara berada di aula lantai dasar.",
        "Mulai 9 November, loket PTSP PN Contoh pindah sementara ke aula lantai dasar selama renovasi ruang tunggu.",
        f"{BASE_TAGS} #InfoLayanan",
    ),
    NewsItem(
        d(11, 9), "kunjungan-mahasiswa-fakultas-hukum",
        "Mahasiswa Fakultas Hukum Universitas Contoh Kunjungi Pengadilan",
        "kegiatan", ("edukasi", "mahasiswa"), "presentasi",
        "Sebanyak 75 mahasiswa Fakultas Hukum Universitas Contoh berkunjung untuk mempelajari hukum acara dan "
        "pelayanan publik di pengadilan.",
        [
            "Mahasiswa mengikuti paparan tentang alur perkara pidana dan perdata, lalu mengamati persidangan "
            "terbuka untuk umum dengan pendampingan panitera.",
            "Pengadilan juga membuka kesempatan magang bagi mahasiswa semester akhir di bagian kepaniteraan hukum.",
        ],
        "Hakim memberi paparan di depan layar kepada mahasiswa yang duduk di ruang sidang.",
        "Paparan hukum acara bagi mahasiswa Fakultas Hukum.",
        "75 mahasiswa FH Universitas Contoh belajar hukum acara langsung di PN Contoh.",
        f"{BASE_TAGS} #EdukasiHukum",
    ),
    NewsItem(
        d(11, 11), "pembinaan-disiplin-kode-etik", "Pembinaan Disiplin dan Kode Etik bagi Seluruh Pegawai",
        "pembinaan", ("pembinaan", "kode etik"), "rapat",
        "Wakil Ketua Pengadilan Negeri Contoh memberikan pembinaan tentang disiplin pegawai dan kode etik "
        "kepada seluruh aparatur.",
        [
            "Pembinaan mengingatkan kewajiban masuk dan pulang kerja sesuai jam kerja, serta larangan "
            "bertemu pihak berperkara di luar kedinasan.",
            ("ul", ["Kehadiran dicatat melalui presensi elektronik.", "Pertemuan dengan para pihak hanya di PTSP.",
                    "Setiap pemberian wajib dilaporkan kepada Unit Pengendali Gratifikasi."]),
        ],
        "Pegawai duduk di meja rapat mendengarkan arahan pimpinan.",
        "Pembinaan disiplin dan kode etik pegawai.",
        "Pembinaan disiplin dan kode etik bagi seluruh aparatur PN Contoh.",
        f"{BASE_TAGS} #Integritas",
    ),
    NewsItem(
        d(11, 13), "sidang-keliling-sungai-jernih", "Sidang Keliling di Kecamatan Sungai Jernih Periksa 26 Permohonan",
        "sidang-keliling", ("sidang keliling",), "keliling",
        "Sidang keliling terakhir tahun ini digelar di Kantor Kecamatan Sungai Jernih dan memeriksa 26 permohonan.",
        [
            "Sepanjang 2026 pengadilan telah menggelar enam kali sidang keliling dengan total 187 permohonan "
            "diperiksa. Jadwal sidang keliling tahun 2027 akan diumumkan pada Januari.",
            ("figure", "rapat", "Hakim tunggal memeriksa permohonan di meja sidang dengan para pemohon.",
             "Pemeriksaan permohonan di Kantor Kecamatan Sungai Jernih."),
        ],
        "Tenda sidang keliling dan mobil layanan pengadilan di halaman kantor kecamatan.",
        "Sidang keliling di Kecamatan Sungai Jernih.",
        "Sidang keliling terakhir 2026 di Kecamatan Sungai Jernih: 26 permohonan diperiksa.",
        f"{BASE_TAGS} #SidangKeliling",
    ),
    NewsItem(
        d(11, 17), "evaluasi-tim-penilai-internal", "Tim Penilai Internal Evaluasi Kesiapan Zona Integritas",
        "zona-integritas", ("zona integritas", "wbk", "evaluasi"), "rapat",
        "Tim Penilai Internal melakukan evaluasi kesiapan Pengadilan Negeri Contoh sebelum penilaian oleh Tim "
        "Penilai Nasional.",
        [
            "Tim memeriksa bukti dukung, meninjau langsung ruang PTSP, dan mewawancarai pengunjung. Nilai "
            "sementara menunjukkan pengadilan memenuhi syarat untuk diusulkan ke Tim Penilai Nasional.",
            ("quote", "Yang dinilai bukan kelengkapan map, tetapi perubahan yang dirasakan pengguna layanan.",
             "Ketua Tim Penilai Internal"),
        ],
        "Tim penilai dan pejabat pengadilan berdiskusi di meja rapat.",
        "Evaluasi Tim Penilai Internal Zona Integritas.",
        "Tim Penilai Internal evaluasi kesiapan Zona Integritas PN Contoh menuju WBK.",
        f"{BASE_TAGS} #ZonaIntegritas #WBK",
    ),
    NewsItem(
        d(11, 20), "sosialisasi-gugatan-sederhana-umkm", "Sosialisasi Gugatan Sederhana bagi Pelaku UMKM",
        "pelayanan", ("gugatan sederhana", "sosialisasi", "umkm"), "presentasi",
        "Pengadilan Negeri Contoh menyosialisasikan gugatan sederhana kepada 60 pelaku usaha mikro, kecil dan "
        "menengah di Kota Contoh.",
        [
            "Gugatan sederhana dapat digunakan untuk menagih utang usaha atau ganti rugi dengan nilai paling "
            "banyak Rp500 juta, dan diputus paling lama 25 hari kerja tanpa wajib didampingi advokat.",
            "Peserta mempraktikkan pengisian formulir gugatan sederhana yang tersedia di PTSP dan e-Court.",
        ],
        "Narasumber berdiri di samping layar presentasi di depan peserta sosialisasi.",
        "Sosialisasi gugatan sederhana bagi pelaku UMKM.",
        "Sengketa usaha sampai Rp500 juta? Gugatan sederhana diputus paling lama 25 hari kerja.",
        f"{BASE_TAGS} #GugatanSederhana #UMKM",
    ),
]
