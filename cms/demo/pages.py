"""The demo court's menu: profile, services, procedures, public information and transparency pages.

The order of MENU is the order of the site's main navigation. Bodies use the
notation described in richtext.py.
"""

from dataclasses import dataclass, field

from .court import COURT_NAME, SERVICE_LINKS, SETTINGS

STANDARD = "standard"
PUBLIC_INFORMATION = "public_information"
NEWS_INDEX = "news_index"
ANNOUNCEMENT_INDEX = "announcement_index"


@dataclass
class PageSpec:
    slug: str
    title: str
    summary: str
    body: list = field(default_factory=list)
    kind: str = STANDARD
    intro: str = ""  # for index and public-information pages
    documents: tuple = ()  # keys into documents.py, for public-information pages
    children: list = field(default_factory=list)


HOME_INTRO = (
    f"Selamat datang di situs resmi {COURT_NAME}. Kami melayani masyarakat pencari keadilan di Kota Contoh "
    "dan sekitarnya dengan pelayanan yang cepat, sederhana, biaya ringan, dan bebas dari pungutan liar."
)

HOME_BODY = [
    ("h2", "Layanan Daring"),
    "Sebagian besar layanan dapat diakses tanpa datang ke kantor pengadilan: pendaftaran perkara dan "
    "persidangan elektronik, penelusuran jadwal sidang, salinan putusan, dan pengaduan.",
    ("links", SERVICE_LINKS),
    ("h2", "Jam Pelayanan"),
    f"Pelayanan Terpadu Satu Pintu buka {SETTINGS['office_hours']}. Pendaftaran perkara dan permohonan "
    "informasi yang masuk setelah jam pelayanan diproses pada hari kerja berikutnya.",
    ("quote", "Tidak ada biaya selain yang tercantum dalam SKUM dan dibayar melalui bank. Laporkan setiap "
     "permintaan imbalan melalui SIWAS.", "Ketua Pengadilan Negeri Contoh"),
]

TENTANG = PageSpec(
    "tentang-pengadilan", "Tentang Pengadilan",
    f"Profil, visi dan misi, tugas pokok, struktur organisasi, sejarah dan wilayah hukum {COURT_NAME}.",
    [
        f"{COURT_NAME} adalah pengadilan tingkat pertama di lingkungan peradilan umum yang berada di bawah "
        "Mahkamah Agung Republik Indonesia. Pengadilan berkedudukan di Kota Contoh dan wilayah hukumnya "
        "meliputi delapan kecamatan.",
        "Halaman-halaman berikut memuat informasi dasar yang wajib diumumkan secara berkala menurut "
        "Standar Pelayanan Informasi Publik di Pengadilan.",
    ],
    children=[
        PageSpec("profil-pengadilan", "Profil Pengadilan",
                 "Kedudukan, kelas dan sumber daya Pengadilan Negeri Contoh.", [
                     f"{COURT_NAME} merupakan pengadilan negeri kelas IB di wilayah hukum Pengadilan Tinggi "
                     "Contoh. Kantor pengadilan berdiri di atas lahan seluas 4.200 meter persegi di pusat kota, "
                     "dekat kantor wali kota dan kejaksaan negeri.",
                     ("h2", "Sumber Daya Manusia"),
                     ("ul", ["1 Ketua dan 1 Wakil Ketua", "9 Hakim", "1 Panitera dan 1 Sekretaris",
                             "3 Panitera Muda dan 3 Kepala Subbagian",
                             "12 Panitera Pengganti dan 5 Jurusita/Jurusita Pengganti",
                             "18 pegawai pelaksana dan 9 pegawai pemerintah dengan perjanjian kerja (PPPK)"]),
                     ("h2", "Sarana Pelayanan"),
                     "Pengadilan memiliki lima ruang sidang termasuk ruang sidang anak, ruang mediasi, ruang "
                     "tunggu saksi dan korban, ruang laktasi, pojok e-Court, serta ruang Pelayanan Terpadu Satu "
                     "Pintu yang dapat diakses dengan kursi roda.",
                 ]),
        PageSpec("visi-misi", "Visi dan Misi",
                 "Visi dan misi yang mengacu pada cetak biru pembaruan peradilan Mahkamah Agung.", [
                     ("h2", "Visi"),
                     ("quote", "Terwujudnya Badan Peradilan Indonesia yang Agung.",
                      "Visi Mahkamah Agung Republik Indonesia"),
                     f"{COURT_NAME} menjadikan visi Mahkamah Agung sebagai visinya, dengan tekad menghadirkan "
                     "peradilan yang dipercaya masyarakat Kota Contoh.",
                     ("h2", "Misi"),
                     ("ol", ["Menjaga kemandirian badan peradilan.",
                             "Memberikan pelayanan hukum yang berkeadilan kepada pencari keadilan.",
                             "Meningkatkan kualitas kepemimpinan badan peradilan.",
                             "Meningkatkan kredibilitas dan transparansi badan peradilan."]),
                 ]),
        PageSpec("tugas-pokok-dan-fungsi", "Tugas Pokok dan Fungsi",
                 "Tugas pokok memeriksa, memutus dan menyelesaikan perkara pidana dan perdata tingkat pertama.", [
                     "Berdasarkan Undang-Undang Nomor 2 Tahun 1986 tentang Peradilan Umum sebagaimana telah "
                     "diubah terakhir dengan Undang-Undang Nomor 49 Tahun 2009, pengadilan negeri bertugas dan "
                     "berwenang memeriksa, memutus, dan menyelesaikan perkara pidana dan perkara perdata di "
                     "tingkat pertama.",
                     ("h2", "Fungsi"),
                     ("ul", ["Fungsi mengadili: memeriksa dan memutus perkara yang menjadi kewenangannya.",
                             "Fungsi pembinaan: memberikan pengarahan dan petunjuk kepada aparatur kepaniteraan dan "
                             "kesekretariatan.",
                             "Fungsi pengawasan: mengawasi pelaksanaan tugas dan tingkah laku hakim dan pegawai.",
                             "Fungsi nasihat: memberikan keterangan dan nasihat hukum kepada instansi pemerintah di "
                             "daerahnya apabila diminta.",
                             "Fungsi administratif: menyelenggarakan administrasi perkara dan administrasi umum."]),
                     "Selain itu pengadilan melayani permohonan yang tidak mengandung sengketa, seperti "
                     "penetapan pencatatan kelahiran yang terlambat, perubahan nama, dan pengangkatan anak.",
                 ]),
        PageSpec("struktur-organisasi", "Struktur Organisasi",
                 "Susunan organisasi kepaniteraan dan kesekretariatan menurut PERMA Nomor 7 Tahun 2015.", [
                     "Susunan organisasi mengikuti Peraturan Mahkamah Agung Nomor 7 Tahun 2015 tentang "
                     "Organisasi dan Tata Kerja Kepaniteraan dan Kesekretariatan Peradilan.",
                     ("h2", "Pimpinan"),
                     ("ul", ["Ketua: Dr. Hendra Wijaya, S.H., M.H.", "Wakil Ketua: Sri Rahayu Lestari, S.H., M.H."]),
                     ("h2", "Kepaniteraan"),
                     ("ul", ["Panitera: Joko Prasetyo, S.H., M.H.", "Panitera Muda Pidana: Lina Marlina, S.H.",
                             "Panitera Muda Perdata: Yusuf Hidayat, S.H.",
                             "Panitera Muda Hukum: Ratna Dewi, S.H., M.Kn."]),
                     ("h2", "Kesekretariatan"),
                     ("ul", ["Sekretaris: Bambang Supriyadi, S.Kom., M.M.",
                             "Kepala Subbagian Umum dan Keuangan: Fitri Handayani, S.E.",
                             "Kepala Subbagian Kepegawaian, Organisasi dan Tata Laksana: Andi Saputra, S.H.",
                             "Kepala Subbagian Perencanaan, Teknologi Informasi dan Pelaporan: "
                             "Nur Aini Safitri, S.T."]),
                 ]),
        PageSpec("sejarah", "Sejarah",
                 "Perjalanan Pengadilan Negeri Contoh sejak berdiri pada 1958.", [
                     f"{COURT_NAME} mulai bersidang pada 1958 di sebuah bangunan sewaan di Jalan Pasar Lama, "
                     "melayani wilayah yang saat itu masih menjadi bagian dari Kabupaten Contoh. Perkara yang "
                     "diperiksa kebanyakan sengketa tanah pertanian dan perkara pidana ringan.",
                     "Pada 1987 pengadilan menempati gedung sendiri di Jalan Pahlawan Kemerdekaan. Setelah "
                     "pembentukan Kota Contoh, wilayah hukumnya disesuaikan menjadi delapan kecamatan, dan sejak "
                     "2010 pengadilan ditetapkan sebagai pengadilan kelas IB.",
                     ("h2", "Tonggak Penting"),
                     ("ul", ["1958: mulai bersidang di gedung sewaan.",
                             "1987: peresmian gedung di Jalan Pahlawan Kemerdekaan.",
                             "2010: peningkatan kelas menjadi kelas IB.",
                             "2018: mulai melayani pendaftaran perkara melalui e-Court.",
                             "2019: renovasi ruang sidang dan pembangunan ruang PTSP.",
                             "2024: pencanangan pembangunan Zona Integritas menuju WBK."]),
                 ]),
        PageSpec("wilayah-yurisdiksi", "Wilayah Yurisdiksi",
                 "Delapan kecamatan yang termasuk wilayah hukum Pengadilan Negeri Contoh.", [
                     "Wilayah hukum pengadilan meliputi seluruh wilayah administratif Kota Contoh, yaitu "
                     "delapan kecamatan dengan 64 kelurahan. Warga kecamatan yang jauh dari kantor pengadilan "
                     "dilayani melalui sidang keliling sesuai jadwal yang diumumkan setiap semester.",
                     ("ol", ["Kecamatan Contoh Kota (9 kelurahan)", "Kecamatan Contoh Barat (8 kelurahan)",
                             "Kecamatan Contoh Timur (8 kelurahan)", "Kecamatan Sukamaju (7 kelurahan)",
                             "Kecamatan Tanjung Harapan (9 kelurahan)", "Kecamatan Lembah Hijau (7 kelurahan)",
                             "Kecamatan Pesisir Indah (8 kelurahan)", "Kecamatan Sungai Jernih (8 kelurahan)"]),
                     "Jarak terjauh dari kantor pengadilan adalah Kelurahan Teluk Biru di Kecamatan Pesisir "
                     "Indah, sekitar 46 kilometer atau satu setengah jam perjalanan darat.",
                 ]),
        PageSpec("profil-hakim", "Profil Hakim",
                 "Ketua, Wakil Ketua dan para hakim Pengadilan Negeri Contoh.", [
                     "Hakim pengadilan negeri diangkat oleh Presiden atas usul Ketua Mahkamah Agung. Seluruh "
                     "hakim telah menyampaikan LHKPN tahun 2025 tepat waktu.",
                     ("h2", "Pimpinan"),
                     ("ul", ["Dr. Hendra Wijaya, S.H., M.H. (Ketua), hakim sejak 2002, bersertifikat hakim "
                             "lingkungan hidup.",
                             "Sri Rahayu Lestari, S.H., M.H. (Wakil Ketua), hakim sejak 2004, bersertifikat hakim "
                             "anak."]),
                     ("h2", "Hakim"),
                     ("ul", ["Ahmad Fauzi, S.H., M.H. (mediator bersertifikat)", "Maria Magdalena Siregar, S.H.",
                             "I Made Suarnata, S.H., M.H.", "Rina Kartika, S.H., M.Hum. (hakim anak)",
                             "Taufik Rahman, S.H.", "Yohanes Bria, S.H., M.H.",
                             "Wulan Sari, S.H., M.H. (mediator bersertifikat)",
                             "Dedi Kurniawan, S.H.", "Putri Ayu Lestari, S.H., M.H."]),
                     ("quote", "Hakim wajib menaati Kode Etik dan Pedoman Perilaku Hakim. Masyarakat dapat melaporkan "
                      "dugaan pelanggaran kepada Badan Pengawasan Mahkamah Agung atau Komisi Yudisial.",
                      "Keputusan Bersama Ketua MA dan Ketua KY Tahun 2009"),
                 ]),
    ],
)

LAYANAN_PUBLIK = PageSpec(
    "layanan-publik", "Layanan Publik",
    "Pelayanan terpadu, bantuan hukum, pembebasan biaya, pengaduan, informasi dan layanan disabilitas.",
    [
        "Pengadilan menyediakan layanan bagi semua warga tanpa membedakan latar belakang. Warga yang tidak "
        "mampu dapat memperoleh bantuan hukum dan pembebasan biaya perkara.",
        "Semua layanan tidak dipungut biaya kecuali biaya perkara yang ditetapkan dan dibayar melalui bank.",
    ],
    children=[
        PageSpec("ptsp", "PTSP", "Pelayanan Terpadu Satu Pintu: satu loket untuk semua keperluan.", [
            "Pelayanan Terpadu Satu Pintu (PTSP) adalah pintu masuk semua layanan pengadilan. Pengunjung "
            "mengambil nomor antrean, lalu dilayani di loket sesuai keperluan.",
            ("h2", "Loket Layanan"),
            ("ol", ["Loket pidana: pendaftaran permohonan izin penggeledahan dan penyitaan, upaya hukum pidana.",
                    "Loket perdata: pendaftaran gugatan, permohonan, dan gugatan sederhana.",
                    "Loket hukum: legalisasi surat, surat keterangan tidak pernah dipidana, dan informasi.",
                    "Loket kasir: pembayaran biaya perkara melalui bank.",
                    "Loket umum: surat masuk, pengambilan produk pengadilan dan pengaduan."]),
            ("doc", "standar-pelayanan-ptsp", "Unduh Standar Pelayanan PTSP"),
        ]),
        PageSpec("pos-bantuan-hukum", "Pos Bantuan Hukum",
                 "Nasihat dan bantuan hukum gratis bagi warga yang tidak mampu.", [
                     "Pos Bantuan Hukum (Posbakum) melayani warga yang tidak mampu secara ekonomi sesuai "
                     "Peraturan Mahkamah Agung Nomor 1 Tahun 2014. Layanan diberikan oleh advokat dari "
                     "organisasi bantuan hukum yang bekerja sama dengan pengadilan.",
                     ("h2", "Layanan Posbakum"),
                     ("ul", ["Informasi, konsultasi dan advis hukum.",
                             "Bantuan pembuatan surat gugatan atau permohonan.",
                             "Rujukan kepada lembaga pemberi bantuan hukum untuk pendampingan di persidangan."]),
                     "Posbakum buka pada hari kerja pukul 08.00 sampai 15.00 WIB di ruang sebelah PTSP. Bawa "
                     "Surat Keterangan Tidak Mampu dari kelurahan atau kartu program bantuan sosial.",
                 ]),
        PageSpec("layanan-prodeo", "Layanan Prodeo",
                 "Pembebasan biaya perkara bagi warga yang tidak mampu.", [
                     "Warga yang tidak mampu membayar biaya perkara dapat mengajukan permohonan berperkara "
                     "secara cuma-cuma (prodeo). Biaya perkara ditanggung negara melalui DIPA pengadilan.",
                     ("h2", "Syarat"),
                     ("ul", ["Surat Keterangan Tidak Mampu dari kepala desa atau lurah, atau",
                             "Kartu Keluarga Sejahtera, Kartu Indonesia Sehat penerima bantuan iuran, atau kartu "
                             "bantuan sosial lain, atau",
                             "Surat pernyataan tidak mampu yang diketahui ketua pengadilan."]),
                     "Permohonan diperiksa oleh ketua pengadilan dan diputus paling lama tiga hari kerja.",
                 ]),
        PageSpec("pengaduan-siwas", "Pengaduan (SIWAS)",
                 "Cara menyampaikan pengaduan tentang perilaku aparatur dan pelayanan pengadilan.", [
                     "Masyarakat dapat mengadukan dugaan pelanggaran perilaku hakim dan pegawai, atau pelayanan "
                     "yang tidak sesuai standar. Pengaduan ditangani menurut Peraturan Mahkamah Agung Nomor 9 "
                     "Tahun 2016 dan identitas pelapor dirahasiakan.",
                     ("h2", "Saluran Pengaduan"),
                     ("ul", ["Daring melalui SIWAS Mahkamah Agung.", "Meja pengaduan di PTSP pada jam pelayanan.",
                             f"Surat kepada Ketua {COURT_NAME}.", f"Surel ke {SETTINGS['email']}."]),
                     ("links", [("SIWAS Mahkamah Agung", "https://siwas.mahkamahagung.go.id/")]),
                     ("quote", "Setiap pengaduan dicatat, diberi nomor, dan pelapor diberi tahu tindak lanjutnya.",
                      "Pedoman penanganan pengaduan"),
                 ]),
        PageSpec("permohonan-informasi", "Permohonan Informasi",
                 "Cara meminta informasi publik dan mengajukan keberatan.", [
                     "Setiap orang berhak meminta informasi publik sesuai Undang-Undang Nomor 14 Tahun 2008. "
                     "Permohonan diajukan ke Petugas Informasi di PTSP, secara langsung, melalui surat, atau surel.",
                     ("h2", "Jangka Waktu"),
                     ("ol", ["Kelengkapan permohonan diperiksa paling lama 3 hari kerja.",
                             "Permohonan dijawab paling lama 10 hari kerja.",
                             "Jangka waktu dapat diperpanjang paling lama 7 hari kerja dengan "
                             "pemberitahuan tertulis."]),
                     "Informasi diberikan tanpa biaya. Pemohon hanya menanggung biaya penggandaan sesuai tarif yang "
                     "diumumkan. Pemohon yang tidak puas dapat mengajukan keberatan kepada atasan Pejabat "
                     "Pengelola Informasi dan Dokumentasi.",
                 ]),
        PageSpec("layanan-disabilitas", "Layanan Disabilitas",
                 "Sarana dan pendampingan bagi pengunjung penyandang disabilitas.", [
                     "Pengadilan menyediakan sarana dan petugas pendamping bagi penyandang disabilitas, lansia, "
                     "ibu hamil dan anak, mengikuti pedoman pelayanan dari Direktorat Jenderal Badan Peradilan Umum.",
                     ("ul", ["Jalur landai dan jalur pemandu dari gerbang sampai PTSP.",
                             "Kursi roda dan tongkat bantu.",
                             "Loket prioritas dengan meja rendah.",
                             "Juru bahasa isyarat atas permintaan, paling lambat dua hari sebelum sidang.",
                             "Toilet khusus disabilitas dan ruang tunggu prioritas."]),
                     "Petugas PTSP dapat dihubungi melalui WhatsApp layanan untuk meminta pendampingan sebelum datang.",
                 ]),
        PageSpec("maklumat-pelayanan", "Maklumat Pelayanan",
                 "Janji pelayanan Pengadilan Negeri Contoh kepada masyarakat.", [
                     ("quote", "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
                      "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima "
                      "sanksi sesuai peraturan perundang-undangan yang berlaku.", f"Ketua {COURT_NAME}"),
                     "Maklumat ini dipasang di ruang PTSP dan dibacakan pada apel pagi setiap awal bulan.",
                     ("doc", "maklumat-pelayanan", "Unduh Maklumat Pelayanan (PDF)"),
                 ]),
    ],
)

LAYANAN_HUKUM = PageSpec(
    "layanan-hukum", "Layanan Hukum",
    "Prosedur berperkara, biaya, persidangan elektronik, jadwal sidang, mediasi dan eksekusi.",
    [
        "Bagian ini menjelaskan langkah berperkara di pengadilan negeri, dari pendaftaran sampai pelaksanaan "
        "putusan. Petugas PTSP dan Posbakum siap membantu bila ada yang belum jelas.",
    ],
    children=[
        PageSpec("prosedur-berperkara", "Prosedur Berperkara",
                 "Langkah mendaftarkan gugatan dan permohonan di pengadilan negeri.", [
                     ("h2", "Gugatan Perdata"),
                     ("ol", ["Menyiapkan surat gugatan dan salinannya sesuai jumlah pihak.",
                             "Mendaftar melalui e-Court atau loket perdata PTSP.",
                             "Membayar panjar biaya perkara sesuai taksiran (SKUM) melalui bank.",
                             "Menerima nomor perkara dan menunggu panggilan sidang.",
                             "Mengikuti mediasi pada sidang pertama bila para pihak hadir."]),
                     ("h2", "Gugatan Sederhana"),
                     "Sengketa wanprestasi atau perbuatan melawan hukum dengan nilai paling banyak Rp500 juta "
                     "dapat diajukan sebagai gugatan sederhana dan diselesaikan paling lama 25 hari kerja.",
                     ("h2", "Permohonan"),
                     "Permohonan tanpa sengketa, seperti pencatatan kelahiran yang terlambat atau perubahan nama, "
                     "diperiksa oleh hakim tunggal. Bawa KTP, kartu keluarga dan dokumen pendukung.",
                 ]),
        PageSpec("biaya-perkara", "Biaya Perkara",
                 "Panjar biaya perkara dan cara pembayarannya.", [
                     "Panjar biaya perkara ditetapkan dengan surat keputusan ketua pengadilan dan dibayar melalui "
                     "rekening bank atau kanal pembayaran elektronik. Pengadilan tidak menerima pembayaran tunai "
                     "di luar kasir resmi.",
                     ("ul", ["Gugatan perdata: mulai Rp1.150.000 (tergantung jumlah dan tempat tinggal pihak).",
                             "Gugatan sederhana: mulai Rp850.000.", "Permohonan: mulai Rp450.000.",
                             "Pendaftaran upaya hukum banding: Rp150.000 ditambah biaya pemberitahuan."]),
                     "Sisa panjar dikembalikan kepada pihak setelah perkara diputus. Laporan penggunaan biaya "
                     "perkara diumumkan setiap bulan.",
                     ("doc", "sk-panjar-biaya", "SK Panjar Biaya Perkara Tahun 2026"),
                 ]),
        PageSpec("e-court", "e-Court",
                 "Pendaftaran, pembayaran, pemanggilan dan persidangan secara elektronik.", [
                     "e-Court adalah layanan Mahkamah Agung untuk mendaftarkan perkara, membayar panjar, menerima "
                     "panggilan, dan bersidang secara elektronik (e-Litigasi). Advokat wajib menggunakan e-Court; "
                     "perseorangan dapat mendaftar sebagai pengguna lain.",
                     ("ol", ["Daftar akun di situs e-Court dan verifikasi surel.",
                             "Unggah surat gugatan dan bukti identitas.",
                             "Bayar panjar melalui virtual account yang diterbitkan.",
                             "Pantau jadwal dan kirim dokumen persidangan melalui akun."]),
                     ("links", [("e-Court Mahkamah Agung", "https://ecourt.mahkamahagung.go.id/")]),
                     "Pojok e-Court di PTSP menyediakan komputer dan pendamping bagi pengguna yang membutuhkan "
                     "bantuan.",
                 ]),
        PageSpec("jadwal-sidang", "Jadwal Sidang",
                 "Jadwal persidangan harian dari Sistem Informasi Penelusuran Perkara.", [
                     "Jadwal persidangan diperbarui setiap hari pada Sistem Informasi Penelusuran Perkara (SIPP). "
                     "Cari berdasarkan nomor perkara, nama pihak atau tanggal sidang.",
                     ("links", [SERVICE_LINKS[0]]),
                     "Sidang dimulai pukul 09.00 WIB. Para pihak diminta hadir 30 menit sebelumnya dan melapor ke "
                     "petugas ruang sidang dengan menunjukkan relaas panggilan.",
                 ]),
        PageSpec("mediasi", "Mediasi",
                 "Penyelesaian sengketa secara damai dengan bantuan mediator.", [
                     "Setiap gugatan perdata wajib lebih dulu menempuh mediasi sesuai Peraturan Mahkamah Agung "
                     "Nomor 1 Tahun 2016. Mediasi berlangsung paling lama 30 hari dan dapat diperpanjang.",
                     ("ul", ["Para pihak memilih mediator dari daftar hakim dan mediator nonhakim bersertifikat.",
                             "Mediasi tertutup dan tidak dipungut biaya bila mediatornya hakim.",
                             "Kesepakatan perdamaian dapat dikuatkan menjadi akta perdamaian."]),
                     ("quote", "Perdamaian yang lahir dari kesepakatan para pihak lebih langgeng daripada putusan.",
                      "Ahmad Fauzi, S.H., M.H., hakim mediator"),
                 ]),
        PageSpec("eksekusi", "Eksekusi",
                 "Pelaksanaan putusan perdata yang telah berkekuatan hukum tetap.", [
                     "Bila pihak yang kalah tidak melaksanakan putusan secara sukarela, pihak yang menang dapat "
                     "mengajukan permohonan eksekusi kepada ketua pengadilan.",
                     ("ol", ["Mengajukan permohonan eksekusi dan membayar panjar biaya eksekusi.",
                             "Ketua pengadilan memanggil termohon untuk ditegur (aanmaning).",
                             "Penetapan sita eksekusi bila teguran tidak dipenuhi.",
                             "Pelaksanaan eksekusi atau lelang melalui KPKNL."]),
                     "Pengumuman lelang eksekusi dimuat di menu Pengumuman situs ini.",
                 ]),
    ],
)

INFORMASI_PUBLIK = PageSpec(
    "informasi-publik", "Informasi Publik",
    "Laporan tahunan, DIPA, LKjIP, Renstra dan RKT yang wajib diumumkan secara berkala.",
    kind=PUBLIC_INFORMATION,
    intro=("Dokumen perencanaan, anggaran dan kinerja yang diumumkan secara berkala sesuai Keputusan Ketua "
           "Mahkamah Agung Nomor 2-144/KMA/SK/VIII/2022. Informasi lain dapat diminta melalui Petugas Informasi."),
    documents=("laporan-semester-2026", "dipa-2026", "pk-2026", "renstra-reviu-2026", "rkt-2026",
               "laporan-tahunan-2025", "dipa-2025", "lkjip-2025", "renstra-2025-2029", "rkt-2025",
               "laporan-tahunan-2024", "dipa-2024", "lkjip-2024", "renstra-2020-2024", "rkt-2024"),
    children=[
        PageSpec("daftar-informasi-publik", "Daftar Informasi Publik",
                 "Daftar informasi yang wajib diumumkan berkala, serta merta, dan tersedia setiap saat.", [
                     "Daftar ini ditetapkan dengan keputusan ketua pengadilan dan ditinjau setiap tahun.",
                     ("h2", "Informasi Berkala"),
                     ("ul", ["Profil, tugas, fungsi, struktur organisasi dan wilayah hukum.",
                             "Hak para pihak, bantuan hukum, prodeo, tata cara pengaduan dan permohonan informasi.",
                             "Program kerja, DIPA, realisasi anggaran, LHKPN, pengadaan, Renstra, RKT dan LKjIP.",
                             "Laporan layanan informasi."]),
                     ("h2", "Informasi Serta Merta"),
                     ("ul", ["Gangguan layanan publik yang terjadwal.", "Kejadian darurat dan gangguan keamanan."]),
                     ("h2", "Informasi Setiap Saat"),
                     ("ul", ["Putusan dan penetapan melalui Direktori Putusan.", "Laporan penggunaan biaya perkara.",
                             "Statistik perkara.", "Standar pelayanan dan maklumat pelayanan."]),
                     ("doc", "sk-daftar-informasi", "SK Daftar Informasi Publik Tahun 2026"),
                 ]),
    ],
)

TRANSPARANSI = PageSpec(
    "transparansi", "Transparansi",
    "Laporan keuangan, pengadaan, statistik perkara dan laporan layanan informasi.",
    [
        "Pengadilan mengumumkan penggunaan anggaran, pengadaan barang dan jasa, serta kinerja penanganan "
        "perkara agar masyarakat dapat ikut mengawasi.",
        ("quote", "Keterbukaan adalah bagian dari akuntabilitas: apa yang dibiayai publik harus dapat dilihat publik.",
         "Sekretaris Pengadilan Negeri Contoh"),
    ],
    children=[
        PageSpec("laporan-keuangan", "Laporan Keuangan", "Laporan realisasi anggaran, neraca dan kepatuhan LHKPN.",
                 kind=PUBLIC_INFORMATION,
                 intro="Laporan keuangan satuan kerja disusun setiap semester dan tahunan, serta direviu oleh "
                       "Aparat Pengawasan Intern Pemerintah sebelum diumumkan.",
                 documents=("lra-semester-2026", "lra-2025", "neraca-2025", "lhkpn-2025",
                            "lra-2024", "neraca-2024", "lhkpn-2024")),
        PageSpec("pengadaan-barang-jasa", "Pengadaan Barang/Jasa",
                 "Rencana umum pengadaan dan pengumuman hasil pemilihan penyedia.", [
                     "Pengadaan barang dan jasa dilaksanakan melalui Sistem Pengadaan Secara Elektronik (SPSE) "
                     "dan katalog elektronik. Rencana umum pengadaan diumumkan di SiRUP setiap awal tahun.",
                     ("h2", "Paket Tahun Anggaran 2026"),
                     ("ul", ["Pemeliharaan gedung kantor (pengadaan langsung).",
                             "Jasa kebersihan dan keamanan (tender).",
                             "Pengadaan perangkat komputer ruang sidang (e-purchasing)."]),
                     ("doc", "rup-2026", "Rencana Umum Pengadaan TA 2026"),
                 ]),
        PageSpec("statistik-perkara", "Statistik Perkara",
                 "Jumlah perkara masuk dan diputus per jenis perkara.", [
                     "Sepanjang Januari sampai Oktober 2026 pengadilan menerima 1.284 perkara dan memutus 1.197 "
                     "perkara, dengan rasio penyelesaian 93,2 persen.",
                     ("ul", ["Pidana biasa: 312 masuk, 298 diputus.", "Pidana singkat dan cepat: 41 masuk, 41 diputus.",
                             "Perdata gugatan: 146 masuk, 121 diputus.", "Gugatan sederhana: 58 masuk, 55 diputus.",
                             "Permohonan: 727 masuk, 682 diputus."]),
                     "Data rinci per bulan tersedia pada SIPP dan diperbarui setiap hari kerja.",
                 ]),
        PageSpec("laporan-layanan-informasi", "Laporan Layanan Informasi",
                 "Rekapitulasi permohonan informasi publik dan keberatan.", [
                     "Pada semester I tahun 2026 Petugas Informasi menerima 87 permohonan informasi. Sebanyak 84 "
                     "permohonan dipenuhi seluruhnya, 2 dipenuhi sebagian karena memuat data pribadi, dan 1 ditolak "
                     "karena informasi tidak dikuasai pengadilan.",
                     "Rata-rata waktu penyelesaian adalah 2,4 hari kerja. Tidak ada keberatan yang diajukan.",
                 ]),
    ],
)

BERITA = PageSpec("berita", "Berita", "Kegiatan, pelayanan dan informasi terbaru dari Pengadilan Negeri Contoh.",
                  kind=NEWS_INDEX,
                  intro="Berita kegiatan dan pelayanan Pengadilan Negeri Contoh. Ikuti juga akun media sosial resmi "
                        "kami.")
PENGUMUMAN = PageSpec("pengumuman", "Pengumuman",
                      "Pengumuman resmi: jadwal pelayanan, lelang, pengadaan dan gangguan layanan.",
                      kind=ANNOUNCEMENT_INDEX,
                      intro="Pengumuman resmi Pengadilan Negeri Contoh. Pengumuman yang sudah lewat masa berlakunya "
                            "tersimpan di arsip.")

MENU = [TENTANG, LAYANAN_PUBLIK, LAYANAN_HUKUM, INFORMASI_PUBLIK, TRANSPARANSI, BERITA, PENGUMUMAN]
