"""Keamanan: the security headers public pages carry, and the days left on the TLS certificate."""

import datetime
import socket
import ssl
from urllib.parse import urlsplit

from cryptography import x509
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import outbound

from ..models import BAIK, DISARANKAN, KEAMANAN, KRITIS
from . import Result, register

CERT_CRITICAL_DAYS = 14
CERT_WARNING_DAYS = 30


def _frame_protected(headers):
    csp = headers.get("content-security-policy", "")
    return bool(headers.get("x-frame-options")) or "frame-ancestors" in csp


HEADERS = [
    # (label, present(headers, https), why)
    ("Strict-Transport-Security", lambda h, https: not https or bool(h.get("strict-transport-security")),
     gettext_lazy("Tanpa HSTS, pembaca dapat diarahkan ke versi situs tanpa enkripsi di jaringan yang tidak aman.")),
    ("Content-Security-Policy", lambda h, https: bool(h.get("content-security-policy")),
     gettext_lazy("CSP membatasi skrip yang boleh berjalan, sehingga skrip sisipan tidak dapat mencuri data "
                  "pengunjung.")),
    ("X-Content-Type-Options", lambda h, https: h.get("x-content-type-options", "").lower() == "nosniff",
     gettext_lazy("Tanpa nosniff, peramban dapat menjalankan berkas unggahan sebagai skrip.")),
    ("Referrer-Policy", lambda h, https: bool(h.get("referrer-policy")),
     gettext_lazy("Referrer-Policy menjaga alamat halaman internal tidak terkirim ke situs lain.")),
    ("X-Frame-Options / frame-ancestors", lambda h, https: _frame_protected(h),
     gettext_lazy("Tanpa perlindungan bingkai, situs pengadilan dapat dimuat di situs palsu untuk menipu "
                  "pengunjung.")),
]


@register("header_keamanan", KEAMANAN, _("Header keamanan"))
def security_headers(ctx):
    answer = ctx.get("/")
    if answer.status is None:
        return  # the Sistem check already says the site does not answer
    headers = {name.lower(): value for name, value in answer.headers.items()}
    https = answer.url.startswith("https://")
    for label, present, why in HEADERS:
        if present(headers, https):
            yield Result(BAIK, _("Header %(name)s ada") % {"name": label}, target=answer.url)
        else:
            yield Result(
                DISARANKAN, _("Header %(name)s tidak ada") % {"name": label}, str(why),
                _("Tambahkan header ini di konfigurasi server web (docs/nginx-static.conf) atau aktifkan "
                  "pengaturan keamanan Warta di produksi (docs/operations.md)."),
                target=answer.url)


def peer_certificate(host, port):
    """The certificate the server presents (not verified: an expired one must still be read)."""
    address = outbound.checked_address(host, port) or host
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((address, port), timeout=10) as sock:
        with context.wrap_socket(sock, server_hostname=host) as tls:
            return x509.load_der_x509_certificate(tls.getpeercert(binary_form=True))


@register("sertifikat_tls", KEAMANAN, _("Sertifikat TLS"))
def certificate(ctx):
    parts = urlsplit(ctx.base_url)
    if parts.scheme != "https":
        yield Result(
            KRITIS, _("Situs publik tidak memakai HTTPS"),
            _("Tanpa HTTPS, isi halaman dan formulir dapat disadap atau diubah di jalan."),
            _("Pasang sertifikat TLS (misalnya Let's Encrypt) dan isi alamat publik dengan https:// di "
              "Pengaturan pemantauan website."), target=ctx.base_url)
        return
    try:
        cert = peer_certificate(parts.hostname, parts.port or 443)
    except (OSError, ValueError) as exc:
        yield Result(KRITIS, _("Sertifikat TLS tidak dapat dibaca (%(error)s)") % {"error": exc.__class__.__name__},
                     _("Pengunjung akan melihat peringatan keamanan atau tidak dapat membuka situs."),
                     _("Periksa konfigurasi TLS server web."), target=ctx.base_url)
        return
    expires = cert.not_valid_after_utc
    days = (expires - timezone.now()).total_seconds() / 86400
    detail = {"expires": expires.isoformat(), "days": int(days // 1)}
    on = timezone.localtime(expires).date().strftime("%d/%m/%Y")
    fix = _("Perbarui sertifikat sekarang dan pastikan pembaruan otomatis (certbot renew) berjalan.")
    why = _("Setelah sertifikat habis, peramban menolak membuka situs pengadilan.")
    if days < 0:
        yield Result(KRITIS, _("Sertifikat TLS sudah kedaluwarsa sejak %(on)s") % {"on": on}, why, fix,
                     target=ctx.base_url, detail=detail)
    elif days < CERT_CRITICAL_DAYS:
        yield Result(KRITIS, _("Sertifikat TLS habis dalam %(days)d hari (%(on)s)") % {"days": days, "on": on},
                     why, fix, target=ctx.base_url, detail=detail)
    elif days < CERT_WARNING_DAYS:
        yield Result(DISARANKAN, _("Sertifikat TLS habis dalam %(days)d hari (%(on)s)") % {"days": days, "on": on},
                     why, fix, target=ctx.base_url, detail=detail)
    else:
        yield Result(BAIK, _("Sertifikat TLS berlaku sampai %(on)s") % {"on": on}, target=ctx.base_url,
                     detail=detail)




@register("pemeriksaan_deploy", KEAMANAN, _("Pengaturan produksi (check --deploy)"))
def deploy_checks(ctx):
    from django.core import checks as django_checks

    messages = [m for m in django_checks.run_checks(include_deployment_checks=True, tags=[django_checks.Tags.security])
                if m.level >= django_checks.WARNING]
    if not messages:
        yield Result(BAIK, _("Pemeriksaan keamanan Django tidak menemukan masalah"))
    for message in messages:
        yield Result(DISARANKAN, _("Django %(id)s: %(msg)s") % {"id": message.id, "msg": str(message.msg)[:200]},
                     _("Pengaturan produksi yang longgar membuka celah bagi penyerang."),
                     str(message.hint or _("Lihat dokumentasi Django untuk %(id)s.") % {"id": message.id}))


def support_windows():
    import json
    from pathlib import Path

    return json.loads((Path(__file__).resolve().parent.parent / "data" / "support.json").read_text())


@register("versi_perangkat_lunak", KEAMANAN, _("Versi Python, Django dan Wagtail"))
def versions(ctx):
    import sys

    import django
    import wagtail

    windows = support_windows()
    today = timezone.localdate()
    running = {"python": "{}.{}".format(*sys.version_info[:2]), "django": "{}.{}".format(*django.VERSION[:2]),
               "wagtail": "{}.{}".format(*wagtail.VERSION[:2])}
    for name, line in running.items():
        label = {"python": "Python", "django": "Django", "wagtail": "Wagtail"}[name]
        end = windows.get(name, {}).get(line)
        if end is None:
            yield Result(DISARANKAN,
                         _("%(name)s %(line)s: akhir dukungan belum tercatat") % {"name": label, "line": line},
                         _("Tanpa tanggal akhir dukungan, versi yang tidak lagi menerima perbaikan keamanan tidak "
                           "terlihat."), _("Catat tanggalnya di monitoring/data/support.json."))
            continue
        end_day = datetime.date.fromisoformat(end)
        days = (end_day - today).days
        text = {"name": label, "line": line, "on": end_day.strftime("%d/%m/%Y"), "days": days}
        if days < 0:
            yield Result(KRITIS, _("%(name)s %(line)s tidak lagi menerima perbaikan keamanan sejak %(on)s") % text,
                         _("Celah keamanan yang ditemukan tidak akan diperbaiki lagi."),
                         _("Tingkatkan ke versi yang masih didukung (docs/operations.md, bagian Upgrades)."))
        elif days < 180:
            yield Result(DISARANKAN, _("%(name)s %(line)s didukung sampai %(on)s (%(days)d hari lagi)") % text,
                         _("Peningkatan versi perlu direncanakan sebelum dukungan berakhir."),
                         _("Rencanakan peningkatan versi dalam rencana tindak lanjut."))
        else:
            yield Result(BAIK, _("%(name)s %(line)s didukung sampai %(on)s") % text)


INACTIVE_DAYS = 90


@register("akun_admin", KEAMANAN, _("Akun pengelola"))
def admin_accounts(ctx):
    from axes.models import AccessAttempt, AccessFailureLog

    from core import two_factor
    from core.courts import people_of

    people = list(people_of(ctx.site))
    cutoff = timezone.now() - datetime.timedelta(days=INACTIVE_DAYS)
    idle = [user.get_username() for user in people if user.last_login is None or user.last_login < cutoff]
    if idle:
        yield Result(DISARANKAN, _("%(count)d akun tidak masuk lebih dari %(days)d hari: %(names)s") % {
            "count": len(idle), "days": INACTIVE_DAYS, "names": ", ".join(sorted(idle)[:10])},
            _("Akun yang tidak dipakai dapat diambil alih tanpa ada yang menyadari."),
            _("Nonaktifkan akun petugas yang sudah pindah tugas; minta yang lain masuk dan mengganti sandi."))
    else:
        yield Result(BAIK, _("Semua akun pengelola aktif"))
    without = [user.get_username() for user in people if not two_factor.is_enrolled(user)]
    if without:
        yield Result(KRITIS if getattr(settings, "WARTA_REQUIRE_2FA", False) else DISARANKAN,
                     _("%(count)d akun tanpa verifikasi dua langkah: %(names)s") % {
                         "count": len(without), "names": ", ".join(sorted(without)[:10])},
                     _("Sandi yang bocor cukup untuk masuk ke admin situs pengadilan."),
                     _("Minta petugas memasang aplikasi autentikator di Akun → Verifikasi dua langkah."))
    else:
        yield Result(BAIK, _("Semua akun memakai verifikasi dua langkah"))
    since = timezone.now() - datetime.timedelta(days=30)
    names = [user.get_username() for user in people]
    failures = (AccessFailureLog.objects.filter(attempt_time__gte=since, username__in=names).count()
                or AccessAttempt.objects.filter(attempt_time__gte=since, username__in=names).count())
    if failures >= 20:
        yield Result(DISARANKAN, _("%(count)d kali gagal masuk dalam 30 hari") % {"count": failures},
                     _("Banyak percobaan gagal dapat berarti ada yang menebak sandi."),
                     _("Periksa alamat IP di log akses; kunci akun yang diserang dan ganti sandinya."))
    else:
        yield Result(BAIK, _("%(count)d kali gagal masuk dalam 30 hari") % {"count": failures})
