"""What each social platform accepts, checked at edit time (not at delivery).

Figures from the platforms' documentation:
caption limits, hashtag limits and image limits. Threads counts an emoji as its UTF-8
bytes (Meta's Threads API: text ≤ 500 characters). X counts weighted characters
with Twitter's twitter-text rules (every link, also a bare domain, counts 23, an
emoji counts 2 however many code points it joins, CJK counts 2), here through
twitter-text-parser; the editor's live count runs Twitter's own twitter-text in
the browser, and tests/browser compares the two.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from twitter_text import parse_tweet

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
    emoji_bytes: bool = False  # Threads counts an emoji as its UTF-8 bytes
    image_format: str = "jpeg"


MB = 1024 * 1024

RULES = {
    FACEBOOK: PlatformRules(FACEBOOK, _("Facebook"), 63206, 4 * MB),
    INSTAGRAM: PlatformRules(INSTAGRAM, _("Instagram"), 2200, 8 * MB, max_hashtags=30,
                             min_aspect=4 / 5, max_aspect=1.91),
    X: PlatformRules(X, _("X"), 280, 5 * MB, weighted=True),
    TELEGRAM: PlatformRules(TELEGRAM, _("Telegram"), 1024, 10 * MB),
    THREADS: PlatformRules(THREADS, _("Threads"), 500, 8 * MB, emoji_bytes=True),
}

HASHTAG_RE = re.compile(r"(?<!\w)#\w+", re.UNICODE)


def x_weighted_length(text):
    """Length of a post as X counts it (twitter-text's default configuration, version 3)."""
    return parse_tweet(text).weightedLength


def is_emoji(char):
    """Emoji and the characters that join or vary them (pictographs, symbols, dingbats, ZWJ, selectors)."""
    point = ord(char)
    return (point >= 0x1F000 or 0x2300 <= point <= 0x23FF or 0x2600 <= point <= 0x27BF
            or 0x2B00 <= point <= 0x2BFF or 0xFE00 <= point <= 0xFE0F or point == 0x200D)


def threads_length(text):
    """Length of a Threads post: characters, except that an emoji counts as many as its UTF-8 bytes."""
    return sum(len(char.encode()) if is_emoji(char) else 1 for char in unicodedata.normalize("NFC", text))


def caption_length(kind, text):
    rules = RULES[kind]
    if rules.weighted:
        return x_weighted_length(text)
    if rules.emoji_bytes:
        return threads_length(text)
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
