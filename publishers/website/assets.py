"""The files behind asset URLs that static pages use: static files, media (renditions) and documents.

Each asset is copied to the same URL path inside the site directory, so the
HTML needs no change: /static/cms/css/site.css, /media/images/x.fill-640x360.jpg
and /dokumen/12/laporan.pdf are served as files with the same URLs.

The URLs come from what editors wrote, so a file is taken only from inside its
root (STATIC_ROOT and the static finders' folders, MEDIA_ROOT) after the URL is
decoded fully and symlinks are resolved; anything else is refused (UnsafeAsset).

Media on object storage (docs/operations.md) have the storage's own absolute URLs: those are
recognised (media_path_for), read through the storage API (StoredFile) and published under MEDIA_URL.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve

from .files import path_inside, plain_relative_path

DOCUMENT_VIEW = "wagtaildocs_serve"
# Documents are published through their serve view (/dokumen/<id>/<name>), which knows their collection's
# view restrictions; their files under MEDIA_URL are never copied.
DOCUMENTS_FOLDER = "documents/"


class UnsafeAsset(Exception):
    """An asset URL that would name a file outside its root (dot segments, an absolute path, a symlink out)."""


class StoredFile:
    """A media file in a storage without local paths (object storage), read through the storage API."""

    def __init__(self, storage, name):
        self.storage, self.name = storage, name

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)

    def size(self):
        return self.storage.size(self.name)

    def read_text(self, encoding="utf-8", errors="strict"):
        with self.open() as handle:
            return handle.read().decode(encoding, errors)

    def __str__(self):
        return self.storage.url(self.name)


PROBE_NAME = "warta-probe"


def media_path_for(url):
    """MEDIA_URL path under which the static output publishes `url`, an absolute URL of the default
    storage's own (object storage: a bucket or its custom domain); None for any other URL."""
    if not url.startswith(("http://", "https://")):
        return None
    probe = default_storage.url(PROBE_NAME)
    if not probe.startswith(("http://", "https://")) or not probe.endswith(PROBE_NAME):
        return None  # a file-system storage: its URLs are under MEDIA_URL already
    base = urlsplit(probe[: -len(PROBE_NAME)])
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()) or parts.query:
        return None
    if not parts.path.startswith(base.path):
        return None
    return settings.MEDIA_URL + unquote(parts.path[len(base.path):])


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
    """File holding the asset at URL `path` (decoded once): a local Path or a StoredFile, or None (missing,
    private).

    Raises UnsafeAsset for a URL that would take a file from outside its root.
    """
    if _under(path, settings.STATIC_URL):
        relative = _relative(path, settings.STATIC_URL)
        collected = _file_inside(settings.STATIC_ROOT, relative, path)
        if collected is not None:  # collectstatic output (hashed names in production)
            return collected
        found = finders.find(relative)
        if not found:
            return None
        for root in _finder_roots():
            if path_inside(root, os.path.relpath(found, root)) is not None:
                return Path(found)
        raise UnsafeAsset(path)
    if _under(path, settings.MEDIA_URL):
        relative = _relative(path, settings.MEDIA_URL)
        if relative.startswith(DOCUMENTS_FOLDER):
            return None
        return _stored_file(default_storage, relative, path)
    return _document_source(path)


def _relative(path, prefix):
    relative = plain_relative_path(path[len(prefix):])
    if relative is None:
        raise UnsafeAsset(path)
    return relative


def _file_inside(root, relative, url):
    """root/relative if it is a file inside root (symlinks resolved), None if there is none; UnsafeAsset if it
    leads out of root."""
    candidate = Path(root) / relative
    if not candidate.is_file():
        return None
    if path_inside(root, relative) is None:
        raise UnsafeAsset(url)
    return candidate


def _stored_file(storage, name, url):
    """The local file of `name` in a file-system storage, checked to lie inside the storage's folder; in a
    storage without local paths (object storage), a StoredFile read through the storage API."""
    try:
        local = storage.path(name)
    except NotImplementedError:  # object storage: `name` was checked by plain_relative_path
        return StoredFile(storage, name) if storage.exists(name) else None
    except SuspiciousOperation:  # Django's own check (safe_join) found a way out
        raise UnsafeAsset(url) from None
    return _file_inside(storage.location, os.path.relpath(local, storage.location), url)


def _finder_roots():
    """The folders the static finders search (STATICFILES_DIRS, each app's static/)."""
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(location)
    return roots


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
    return _stored_file(document.file.storage, document.file.name, path)
