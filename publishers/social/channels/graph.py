"""What Facebook and Instagram share: Graph API errors and usage headers.

Error codes from Meta's Graph API documentation:
190 token invalid, 10/200-299 permission, 4/17/32/613/80001-80014 rate limits,
368/1390008 posting too fast, 1366046 photo too large, Instagram 2207xxx media
problems, 9/2207042 publishing quota.
"""

import json
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishers.http import retry_after_header

from .base import DeliveryError, ErrorKind

RATE_LIMIT_CODES = {4, 17, 32, 613} | set(range(80001, 80015))
TOO_FAST_CODES = {368}
TOO_FAST_SUBCODES = {1390008}
USAGE_PAUSE_PERCENT = 90
DEFAULT_PAUSE_MINUTES = 10

MEDIA_SUBCODES = {
    2207004: gettext_lazy("Gambar lebih besar dari 8 MB."),
    2207009: gettext_lazy("Rasio gambar di luar batas 4:5 sampai 1,91:1."),
    36003: gettext_lazy("Rasio gambar di luar batas 4:5 sampai 1,91:1."),
    2207005: gettext_lazy("Format gambar tidak didukung; gunakan JPEG."),
    2207010: gettext_lazy("Teks melebihi 2.200 karakter."),
}


def graph_error(channel, response, irreversible):
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        error = {}
    if not isinstance(error, dict):
        error = {"message": str(error)}
    code = error.get("code")
    subcode = error.get("error_subcode")
    platform_message = error.get("error_user_msg") or error.get("message") or response.text[:300]
    detail = f"({code}/{subcode}) {platform_message}" if code else platform_message
    label = channel.label
    status = response.status_code

    if code == 190 or status == 401:
        return DeliveryError(
            ErrorKind.PERMANENT,
            _("Sambungan ke %(platform)s tidak berlaku lagi (token kedaluwarsa atau dicabut). Kasubag perlu "
              "menyambungkan ulang kanal ini di menu Kanal media sosial, lalu klik Coba lagi.") % {"platform": label},
            detail, reconnect=True, code=code,
        )
    if code == 10 or (isinstance(code, int) and 200 <= code <= 299):
        return DeliveryError(
            ErrorKind.PERMANENT,
            _("Warta tidak punya izin memposting ke %(platform)s. Kasubag perlu menyambungkan ulang kanal ini "
              "dan menyetujui semua izin yang diminta.") % {"platform": label},
            detail, reconnect=True, code=code,
        )
    if code in RATE_LIMIT_CODES or status == 429 or (code == 9 and subcode == 2207042):
        minutes = 60 if code == 9 else DEFAULT_PAUSE_MINUTES
        wait = regain_seconds(response) or retry_after_header(response) or minutes * 60
        return DeliveryError(
            ErrorKind.TRANSIENT,
            _("%(platform)s membatasi jumlah kiriman untuk sementara. Warta akan mencoba lagi.") % {"platform": label},
            detail, retry_after=wait, code=code,
        )
    if code in TOO_FAST_CODES or subcode in TOO_FAST_SUBCODES:
        return DeliveryError(
            ErrorKind.TRANSIENT,
            _("%(platform)s meminta kiriman diperlambat. Warta akan mencoba lagi dalam beberapa menit.")
            % {"platform": label},
            detail, retry_after=DEFAULT_PAUSE_MINUTES * 60, code=code,
        )
    if subcode == 1366046:
        return DeliveryError(
            ErrorKind.PERMANENT,
            _("Facebook menolak gambar: harus JPG atau PNG di bawah 4 MB. Ganti gambar, terbitkan ulang, "
              "lalu klik Coba lagi."),
            detail, code=code,
        )
    if subcode == 2207052:
        return DeliveryError(
            ErrorKind.TRANSIENT,
            _("%(platform)s tidak dapat mengambil gambar dari situs. Pastikan situs dapat diakses dari internet; "
              "Warta akan mencoba lagi.") % {"platform": label},
            detail, code=code,
        )
    if subcode in MEDIA_SUBCODES:
        return DeliveryError(
            ErrorKind.PERMANENT,
            _("%(platform)s menolak gambar: %(reason)s Ganti gambar lalu klik Coba lagi.")
            % {"platform": label, "reason": MEDIA_SUBCODES[subcode]},
            detail, code=code,
        )
    if status >= 500 or error.get("is_transient") or code in (1, 2):
        return DeliveryError(
            ErrorKind.AMBIGUOUS if irreversible else ErrorKind.TRANSIENT,
            _("%(platform)s sedang bermasalah. Warta akan memeriksa dan mencoba lagi.") % {"platform": label},
            detail, code=code or status,
        )
    return DeliveryError(
        ErrorKind.PERMANENT,
        _("%(platform)s menolak kiriman ini: %(reason)s. Periksa teks dan gambar untuk %(platform)s, lalu klik "
          "Coba lagi.") % {"platform": label, "reason": platform_message.rstrip(".")},
        detail, code=code or status,
    )


def usage_pause(response):
    """When Meta's usage headers pass 90%, how long to stop calling (None otherwise)."""
    worst = 0
    regain_minutes = 0
    for header in ("X-App-Usage", "X-Page-Usage", "X-Ad-Account-Usage"):
        worst = max(worst, _max_percent(_json_header(response, header)))
    business = _json_header(response, "X-Business-Use-Case-Usage")
    if isinstance(business, dict):
        for entries in business.values():
            for entry in entries if isinstance(entries, list) else []:
                worst = max(worst, _max_percent(entry))
                regain_minutes = max(regain_minutes, int(entry.get("estimated_time_to_regain_access") or 0))
    if worst < USAGE_PAUSE_PERCENT:
        return None
    return timedelta(minutes=regain_minutes or DEFAULT_PAUSE_MINUTES)


def regain_seconds(response):
    """Meta's own estimate of when a throttled app may call again (X-Business-Use-Case-Usage), in seconds."""
    business = _json_header(response, "X-Business-Use-Case-Usage")
    minutes = 0
    if isinstance(business, dict):
        for entries in business.values():
            for entry in entries if isinstance(entries, list) else []:
                minutes = max(minutes, int(entry.get("estimated_time_to_regain_access") or 0))
    return minutes * 60 or None


def _json_header(response, name):
    raw = response.headers.get(name)
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        return {}


def _max_percent(values):
    if not isinstance(values, dict):
        return 0
    numbers = [v for k, v in values.items() if k in ("call_count", "total_time", "total_cputime", "acc_id_util_pct")
               and isinstance(v, (int, float))]
    return max(numbers, default=0)
