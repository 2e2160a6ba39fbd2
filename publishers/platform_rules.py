"""What each social platform accepts, checked at edit time (not at delivery).

Figures from the platforms' documentation:
caption limits, hashtag limits and image limits. X counts weighted characters:
NFC-normalised text, every URL counts 23, code points in the listed ranges
weigh 1 and all others (emoji, CJK) weigh 2.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FACEBOOK = "facebook"
INSTAGRAM = "instagram"
X = "x"
TELEGRAM = "telegram"
THREADS = "threads"


@dataclass(frozen=True)
class PlatformRules:
    kind: str
    label: str
    caption_limit: int
    max_image_bytes: int
    max_hashtags: int | None = None
    min_aspect: float | None = None  # width / height
    max_aspect: float | None = None
    weighted: bool = False  # X's weighted count
    image_format: str = "jpeg"


MB = 1024 * 1024

RULES = {
    FACEBOOK: PlatformRules(FACEBOOK, _("Facebook"), 63206, 4 * MB),
    INSTAGRAM: PlatformRules(INSTAGRAM, _("Instagram"), 2200, 8 * MB, max_hashtags=30,
                             min_aspect=4 / 5, max_aspect=1.91),
    X: PlatformRules(X, _("X"), 280, 5 * MB, weighted=True),
    TELEGRAM: PlatformRules(TELEGRAM, _("Telegram"), 1024, 10 * MB),
    THREADS: PlatformRules(THREADS, _("Threads"), 500, 8 * MB),
}

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|go\.id|co\.id)(?:/[^\s<>\"']*)?",
                    re.IGNORECASE)
HASHTAG_RE = re.compile(r"(?<!\w)#\w+", re.UNICODE)
X_URL_WEIGHT = 23
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def x_weighted_length(text):
    """Length of a post as X counts it (twitter-text v3 weighting)."""
    text = unicodedata.normalize("NFC", text)
    length = 0
    position = 0
    for match in URL_RE.finditer(text):
        length += _x_weight(text[position:match.start()]) + X_URL_WEIGHT
        position = match.end()
    return length + _x_weight(text[position:])


def _x_weight(text):
    total = 0
    for char in text:
        code = ord(char)
        total += 1 if any(low <= code <= high for low, high in X_LIGHT_RANGES) else 2
    return total


def caption_length(kind, text):
    rules = RULES[kind]
    if rules.weighted:
        return x_weighted_length(text)
    return len(unicodedata.normalize("NFC", text))


def count_hashtags(text):
    return len(HASHTAG_RE.findall(text))


def caption_errors(kind, text):
    """Translated problems with a caption for one platform (empty when it is fine)."""
    rules = RULES[kind]
    errors = []
    length = caption_length(kind, text)
    if length > rules.caption_limit:
        errors.append(
            _("Teks untuk %(platform)s terlalu panjang: %(length)d dari batas %(limit)d karakter.")
            % {"platform": rules.label, "length": length, "limit": rules.caption_limit}
        )
    if rules.max_hashtags is not None and count_hashtags(text) > rules.max_hashtags:
        errors.append(
            _("%(platform)s menerima paling banyak %(limit)d tagar; teks ini memuat %(count)d.")
            % {"platform": rules.label, "limit": rules.max_hashtags, "count": count_hashtags(text)}
        )
    return errors


def image_errors(kind, width, height, size_bytes):
    """Translated problems with an image (as it will be sent) for one platform."""
    rules = RULES[kind]
    errors = []
    if size_bytes > rules.max_image_bytes:
        errors.append(
            _("Gambar untuk %(platform)s harus di bawah %(limit)d MB.")
            % {"platform": rules.label, "limit": rules.max_image_bytes // MB}
        )
    if rules.min_aspect and height and width / height < rules.min_aspect - 0.005:
        errors.append(_("Gambar untuk %(platform)s terlalu tinggi: rasio minimal 4:5.") % {"platform": rules.label})
    if rules.max_aspect and height and width / height > rules.max_aspect + 0.005:
        errors.append(_("Gambar untuk %(platform)s terlalu lebar: rasio maksimal 1,91:1.") % {"platform": rules.label})
    return errors
