"""Finding and rewriting the URLs in the HTML and CSS the builder writes.

Only our own templates' output passes through here, and Django always writes
attribute values quoted and escaped, so a pattern over quoted attribute values
is enough; no HTML is re-serialised, so everything but the rewritten values
stays byte for byte as the dynamic site serves it.
"""

import html
import re

# Attributes that can carry a URL of this site. `content` matters for
# <meta property="og:image" content="https://.../media/...">.
URL_ATTRS = ("href", "src", "action", "poster", "srcset", "content", "data-src")
# Of those, the ones that navigate (and so get static paths or CMS URLs).
NAVIGATION_ATTRS = ("href", "action")

ATTR_RE = re.compile(
    r"""(?P<lead>[\s"'](?P<attr>{})\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""".format("|".join(URL_ATTRS)),
    re.IGNORECASE,
)
CSS_URL_RE = re.compile(
    r"""url\(\s*(?P<q>["']?)(?P<url>[^"')]+)(?P=q)\s*\)"""
    r"""|@import\s+(?P<iq>["'])(?P<import>[^"']+)(?P=iq)"""
)


def _value(match):
    raw = match.group("dq") if match.group("dq") is not None else match.group("sq")
    return html.unescape(raw)


def srcset_urls(value):
    """The URLs in a srcset value: 'a.jpg 480w, b.jpg 800w' -> ['a.jpg', 'b.jpg']."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def html_urls(document):
    """(attribute, URL) pairs for every URL-bearing attribute in an HTML document."""
    found = []
    for match in ATTR_RE.finditer(document):
        attr = match.group("attr").lower()
        value = _value(match)
        if attr == "srcset":
            found.extend((attr, url) for url in srcset_urls(value))
        elif value:
            found.append((attr, value))
    return found


def rewrite_html(document, replace, replace_media=None):
    """Rewrite navigation URLs: `replace(url) -> new url or None` (None keeps the original); with
    `replace_media(url, attr)`, also the URLs of every other attribute (each of a srcset's)."""

    def substitute(match):
        attr = match.group("attr").lower()
        if attr in NAVIGATION_ATTRS:
            new = replace(_value(match))
        elif replace_media is None:
            new = None
        elif attr == "srcset":
            value = _value(match)
            parts = [part.strip().split(None, 1) for part in value.split(",") if part.strip()]
            changed = [replace_media(part[0], attr) for part in parts]
            new = None if not any(changed) else ", ".join(
                " ".join([changed[i] or part[0], *part[1:]]) for i, part in enumerate(parts))
        else:
            new = replace_media(_value(match), attr)
        if new is None:
            return match.group(0)
        quote = '"' if match.group("dq") is not None else "'"
        return f"{match.group('lead')}{quote}{html.escape(new, quote=True)}{quote}"

    return ATTR_RE.sub(substitute, document)


def css_urls(stylesheet):
    """URLs referenced by a stylesheet (url(...) and @import), data: URIs left out."""
    urls = []
    for match in CSS_URL_RE.finditer(stylesheet):
        url = (match.group("url") or match.group("import") or "").strip()
        if url and not url.startswith(("data:", "#")):
            urls.append(url)
    return urls
