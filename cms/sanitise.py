"""Rich text as Wagtail stores it, cleaned of anything active, whichever way it arrived.

The editor (Draftail) can only produce what its features allow, but rich text also comes in through API v3,
imports, the demo loader and rows written long ago. `clean_rich_text` keeps Wagtail's own storage format
(paragraphs with their block keys, headings, lists, bold/italic, links including Wagtail's page and document
links, `<embed>` images and media, rules, line breaks) and drops the rest: scripts, `on*` handlers, `style`,
`javascript:`/`data:` URLs, frames, objects. nh3 (the Rust ammonia sanitiser) parses the HTML as a browser does,
so unbalanced or legacy markup comes out well-formed too, which is what the editor's converter needs to open it.
"""

import re

import nh3

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "blockquote", "pre"}
INLINE_TAGS = {"b", "i", "strong", "em", "u", "s", "sub", "sup", "code", "a", "br", "hr", "embed"}
ALLOWED_TAGS = BLOCK_TAGS | INLINE_TAGS
ALLOWED_ATTRIBUTES = {
    **{tag: {"data-block-key"} for tag in BLOCK_TAGS},
    # Wagtail's links: external (href) or to a page/document (linktype + id), resolved when rendered.
    "a": {"href", "linktype", "id"},
    # Wagtail's images and media in rich text; the URL of a media embed is fetched only through the oEmbed finders.
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Removed with everything inside them (not only the tags): their content is code or not meant to be read.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "noscript", "noembed", "noframes", "template",
                        "svg", "math", "textarea", "select", "title"}
# html5ever writes void elements as "<br>"; Wagtail's storage format (and its embed rewriter) want "<br/>".
VOID_TAG = re.compile(r"<(br|hr|embed)(\s[^>]*?)?\s*/?>")
LINK_OR_EMBED = re.compile(r"<(a|embed)(\s[^>]*?)?\s*(/?)>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# A database id Wagtail can look up (a longer number overflows the column: a 500 when the page renders).
OBJECT_ID = re.compile(r"\d{1,18}")


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query_text(value, limit=200):
    """A visitor's search or filter text without control characters: PostgreSQL refuses a NUL in any text."""
    return CONTROL_CHARACTERS.sub("", value or "").strip()[:limit]


def clean_rich_text(html):
    """Wagtail-format rich text with nothing active left in it; well-formed whatever came in."""
    if not html:
        return html or ""
    cleaned = nh3.clean(
        str(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        clean_content_tags=DROPPED_WITH_CONTENT, link_rel=None, strip_comments=True,
        attribute_filter=_no_angle_brackets,
    )
    cleaned = VOID_TAG.sub(lambda m: f"<{m.group(1)}{m.group(2) or ''}/>", cleaned)
    return LINK_OR_EMBED.sub(_wagtail_reference, cleaned)


def _no_angle_brackets(tag, name, value):
    """html5ever leaves "<" and ">" raw in attribute values; Wagtail's rewriters (and ours) read tags with regular
    expressions that stop at the first ">": percent-encoded in URLs, replaced by look-alikes elsewhere."""
    if name in ("href", "url"):
        return value.replace("<", "%3C").replace(">", "%3E")
    return value.replace("<", "\u2039").replace(">", "\u203a")


def _wagtail_reference(match):
    """Keep a Wagtail link or embed only in the shape its rewriter reads without failing (it raises on an id that
    is not a number, a media embed without a URL ...); an id on an external link would only clobber the page's."""
    tag, slash = match.group(1), match.group(3)
    attrs = dict(ATTRIBUTE.findall(match.group(2) or ""))
    kind = attrs.get("linktype" if tag == "a" else "embedtype")
    if tag == "a":
        keep = {"linktype", "id"} if kind in ("page", "document") and OBJECT_ID.fullmatch(attrs.get("id", "")) \
            else {"href"}
    elif kind == "image" and OBJECT_ID.fullmatch(attrs.get("id", "")):
        keep = {"embedtype", "format", "id", "alt"}
    elif kind == "media" and attrs.get("url", "").startswith(("https://", "http://")):
        keep = {"embedtype", "url"}
    else:
        return ""
    attrs = {name: value for name, value in attrs.items() if name in keep}  # in their order
    rendered = "".join(f' {name}="{value}"' for name, value in attrs.items())
    return f"<{tag}{rendered}{slash}>"
