"""Who the demo court is: identity, contact details and the demo accounts (one per SOP role)."""

from core import roles

COURT_NAME = "Pengadilan Negeri Contoh"
SHORT_NAME = "PN Contoh"
DOMAIN = "pn-contoh.go.id"

SETTINGS = {
    "court_name": COURT_NAME,
    "short_name": SHORT_NAME,
    "tagline": "Melayani dengan Integritas, Memutus dengan Keadilan",
    "address": ("Jl. Pahlawan Kemerdekaan No. 17, Kelurahan Tanjung Harapan, Kecamatan Contoh Kota, "
                "Kota Contoh 45123"),
    "phone": "(0299) 712 345",
    "fax": "(0299) 712 346",
    "email": f"info@{DOMAIN}",
    "whatsapp": "0811-2999-0345",
    "office_hours": "Senin–Kamis 08.00–16.30 WIB, Jumat 08.00–17.00 WIB",
    "facebook_url": "https://www.facebook.com/pncontoh",
    "instagram_url": "https://www.instagram.com/pn.contoh",
    "x_url": "https://x.com/pn_contoh",
    "youtube_url": "https://www.youtube.com/@pncontoh",
    "tiktok_url": "https://www.tiktok.com/@pncontoh",
    "telegram_url": "https://t.me/pncontoh",
}

# username -> (group, first name, last name). Usernames match the role fixtures in tests/conftest.py.
USERS = {
    "admin": (roles.ADMIN, "Dewi", "Anggraini"),
    "redaktur": (roles.REDAKTUR, "Rudi", "Hartono"),
    "kasubag": (roles.KASUBAG, "Nur Aini", "Safitri"),
    "sekretaris": (roles.SEKRETARIS, "Bambang", "Supriyadi"),
    "ketua": (roles.KETUA, "Hendra", "Wijaya"),
    "pranata": (roles.PRANATA, "Agus", "Setiawan"),
}
SUPERUSER = ("root", "Pengelola", "Sistem")

# Court service links every court site carries (the national services a court website links to).
SERVICE_LINKS = [
    ("Jadwal Sidang (SIPP)", f"https://sipp.{DOMAIN}/list_jadwal_sidang"),
    ("e-Court", "https://ecourt.mahkamahagung.go.id/"),
    ("Direktori Putusan", "https://putusan3.mahkamahagung.go.id/"),
    ("Pengaduan (SIWAS)", "https://siwas.mahkamahagung.go.id/"),
    ("JDIH Mahkamah Agung", "https://jdih.mahkamahagung.go.id/"),
    ("LAPOR!", "https://www.lapor.go.id/"),
]
