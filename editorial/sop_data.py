"""The SOP Pengelolaan Teknologi Informasi's steps with their Mutu Baku, as data.

Read from the court's SOP (SOP Pengelolaan Teknologi Informasi). Seeded into
MutuBaku by migration 0004; after that the admin is the place to change them.
Each row: procedure, step, activity, actor, requirements (kelengkapan), minutes,
output, editorial workflow step it measures (or "").
"""

SOP_STEPS = [
    # A. Pengelolaan Teknologi Informasi — 8 jam
    ("A", 1, "Menyusun program pengelolaan teknologi informasi", "Pranata Komputer", "Draft", 120,
     "Rencana Program", "program_susun"),
    ("A", 2, "Mengusulkan kebijakan, strategi dan program TI (pengembangan, keamanan, monitoring)",
     "Kasubag PTIP / Sekretaris", "Draft", 60, "Rencana Program", "program_usul"),
    ("A", 3, "Menetapkan program TI", "Ketua", "Rencana Program, Rencana Kinerja", 30,
     "Program Kinerja, SK Teknologi Informasi", "program_tetap"),
    ("A", 4, "Melaksanakan program", "Pranata Komputer / Kasubag PTIP", "Program Kinerja, SK TI", 120,
     "Pelaksanaan Program, Laporan", "program_laksana"),
    ("A", 5, "Melaporkan pelaksanaan program", "Kasubag PTIP", "Pelaksanaan Program, Laporan", 30, "Laporan",
     "program_lapor"),
    ("A", 6, "Monitoring dan evaluasi pengelolaan TI", "Kasubag PTIP / Sekretaris", "Laporan", 60,
     "Monitoring dan Evaluasi TI", "program_monev"),
    ("A", 7, "Menindaklanjuti hasil monitoring dan evaluasi", "Pranata Komputer", "Monitoring dan Evaluasi TI", 60,
     "Laporan Tindak Lanjut", "tindak_lanjut"),
    # B. Pengelolaan Website — 4 jam 30 menit
    ("B", 1, "Menyiapkan bahan berita / konten website; mengumpulkan data penilaian", "Admin", "Data", 30,
     "Konsep Berita / Konten", "menyiapkan"),
    ("B", 2, "Memeriksa / mengoreksi konsep konten", "Redaktur", "Konsep Konten", 30, "Konten, Berita", "koreksi"),
    ("B", 3, "Memperbarui data konten website dan penilaian", "Admin (setelah disetujui)", "Konten, Berita", 30,
     "Konten, Berita", "persetujuan"),
    ("B", 4, "Monitoring website: data, keamanan, kapasitas, sistem", "Admin / Kasubag PTIP",
     "Hosting, Jaringan, Konten", 60, "Monev Website", ""),
    ("B", 5, "Melaporkan hasil monitoring", "Kasubag PTIP", "Monev Website", 30, "Hasil Monev Website", ""),
    ("B", 6, "Menganalisis hasil dan merencanakan tindak lanjut", "Kasubag PTIP / Sekretaris",
     "Hasil Monev Website", 60, "Rencana Tindak Lanjut", "rencana_tl"),
    ("B", 7, "Melaksanakan tindak lanjut", "Admin / Kasubag PTIP", "Rencana Tindak Lanjut", 30, "Tindak Lanjut",
     "tindak_lanjut"),
    # C. Pengelolaan Media Sosial — 2 jam 40 menit
    ("C", 1, "Menyiapkan bahan konten media sosial", "Admin", "Data", 30, "Konsep Konten", "menyiapkan"),
    ("C", 2, "Memeriksa / mengoreksi konsep konten", "Redaktur", "Konsep Konten", 30, "Konten", "koreksi"),
    ("C", 3, "Memposting / memperbarui konten di media sosial", "Admin (setelah disetujui)", "Konten", 15, "Konten",
     "persetujuan"),
    ("C", 4, "Melaporkan hasil", "Admin", "Konten", 10, "Konten", ""),
    ("C", 5, "Monev pembaruan media sosial", "Kasubag PTIP", "Monev Media Sosial", 15, "Hasil Monev", ""),
    ("C", 6, "Mengarsipkan laporan monev", "Sekretaris / Kasubag PTIP", "Hasil Monev", 60, "Arsip", ""),
    # D. Pemeliharaan Teknologi Informasi — 8 jam
    ("D", 1, "Menyusun jadwal pemeliharaan TI", "Pranata Komputer", "Draft", 120, "Rencana Pemeliharaan",
     "jadwal_susun"),
    ("D", 2, "Memeriksa jadwal pemeliharaan", "Kasubag PTIP", "Rencana Pemeliharaan", 30, "Perintah",
     "jadwal_periksa"),
    ("D", 3, "Melaksanakan pemeliharaan", "Pranata Komputer", "Pemeliharaan TI", 120, "Pelaporan Pemeliharaan TI",
     "pemeliharaan"),
    ("D", 4, "Monitoring dan evaluasi pemeliharaan", "Kasubag PTIP", "Pelaporan Pemeliharaan TI", 30,
     "Hasil Monitoring", "pemeliharaan_monev"),
    ("D", 5, "Menganalisis tindak lanjut pemeliharaan", "Kasubag PTIP / Sekretaris", "Laporan", 60,
     "Monitoring dan Evaluasi TI", "rencana_tl"),
    ("D", 6, "Melaksanakan tindak lanjut", "Pranata Komputer", "Monitoring dan Evaluasi TI", 120,
     "Laporan Tindak Lanjut", "tindak_lanjut"),
]
