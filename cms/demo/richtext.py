"""Turn the demo content's compact notation into BodyBlock stream data.

A body is a list of items:
  "text"                         a paragraph
  ("h2", "text"), ("h3", "text") a heading
  ("ul", [...]), ("ol", [...])   a list
  ("links", [(label, url), ...]) a list of links
  ("quote", "text", "who")       a quote block
  ("doc", key, "link title")     a document block (key from documents.py)
  ("figure", key, "alt", "caption") an image block (key of an image the loader made)
Consecutive text items become one rich-text paragraph block, as an editor would write them.
"""

import uuid
from html import escape

# Stable block ids, so a body built twice is the same data.
_NAMESPACE = uuid.UUID("6f1c2a9e-7d4b-4c1e-9a51-5e0c3b2d8f10")


def _html(item):
    if isinstance(item, str):
        return f"<p>{escape(item, quote=False)}</p>"
    kind = item[0]
    if kind in ("h2", "h3", "h4"):
        return f"<{kind}>{escape(item[1], quote=False)}</{kind}>"
    if kind in ("ul", "ol"):
        entries = "".join(f"<li>{escape(entry, quote=False)}</li>" for entry in item[1])
        return f"<{kind}>{entries}</{kind}>"
    if kind == "links":
        entries = "".join(f'<li><a href="{escape(url)}">{escape(label, quote=False)}</a></li>'
                          for label, url in item[1])
        return f"<ul>{entries}</ul>"
    return None


def build_body(items, key, document_id=None, image_id=None):
    """Stream data for `items`; document_id(key) and image_id(key) resolve references."""
    blocks, html = [], []

    def block(kind, value):
        blocks.append({"type": kind, "value": value, "id": str(uuid.uuid5(_NAMESPACE, f"{key}/{len(blocks)}"))})

    def flush():
        if html:
            block("paragraph", "".join(html))
            html.clear()

    for item in items:
        rendered = _html(item)
        if rendered is not None:
            html.append(rendered)
            continue
        flush()
        kind = item[0]
        if kind == "quote":
            block("quote", {"text": item[1], "attribution": item[2]})
        elif kind == "doc":
            block("document", {"document": document_id(item[1]), "title": item[2]})
        elif kind == "figure":
            block("image", {"image": {"image": image_id(item[1]), "decorative": False, "alt_text": item[2]},
                            "caption": item[3]})
        else:
            raise ValueError(f"unknown body item {kind!r}")
    flush()
    return blocks
