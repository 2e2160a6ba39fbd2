"""The files behind asset URLs that static pages use: static files, media (renditions) and documents.

Each asset is copied to the same URL path inside the site directory, so the
HTML needs no change: /static/cms/css/site.css, /media/images/x.fill-640x360.jpg
and /dokumen/12/laporan.pdf are served as files with the same URLs.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve

DOCUMENT_VIEW = "wagtaildocs_serve"


def _under(path, prefix):
    return bool(prefix) and prefix.startswith("/") and path.startswith(prefix)


def is_asset_url(path):
    return _under(path, settings.STATIC_URL) or _under(path, settings.MEDIA_URL) or _is_document(path)


def _is_document(path):
    try:
        return resolve(path).url_name == DOCUMENT_VIEW
    except Resolver404:
        return False


def source_for(path):
    """Local file holding the asset at URL `path`, or None (missing, private or not local)."""
    if _under(path, settings.STATIC_URL):
        relative = path[len(settings.STATIC_URL):]
        collected = Path(settings.STATIC_ROOT) / relative
        if collected.is_file():  # collectstatic output (hashed names in production)
            return collected
        found = finders.find(relative)
        return Path(found) if found else None
    if _under(path, settings.MEDIA_URL):
        relative = path[len(settings.MEDIA_URL):]
        try:
            local = Path(default_storage.path(relative))
        except NotImplementedError:  # remote storage: its URLs are not under MEDIA_URL anyway
            return None
        return local if local.is_file() else None
    return _document_source(path)


def _document_source(path):
    from wagtail.documents import get_document_model

    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != DOCUMENT_VIEW:
        return None
    document_id, filename = match.args if len(match.args) == 2 else (
        match.kwargs.get("document_id"), match.kwargs.get("document_filename"))
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or document.filename != filename:
        return None
    # Documents in a collection with view restrictions stay behind the CMS's serve view.
    if document.collection.get_view_restrictions().exists():
        return None
    try:
        local = Path(document.file.path)
    except NotImplementedError:
        return None
    return local if local.is_file() else None
