"""Writing the static output safely: whole files or nothing, and only when the bytes change.

A reader (nginx, rsync) must never see half a file: each file is written to a
temporary file in the same directory, flushed to disk, then renamed over the
old one (rename is atomic within one filesystem). A file whose bytes are
unchanged is not touched, so its mtime stays and a sync tool copies nothing.
"""

import gzip
import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path
from urllib.parse import unquote

TEMP_PREFIX = ".warta-tmp-"
FILE_MODE = 0o644  # mkstemp creates 0600; the web server must be able to read the files
CHUNK = 1024 * 1024


MAX_DECODING_ROUNDS = 4


def plain_relative_path(value):
    """`value` (a path below some root, as taken from a URL) if it names a file inside that root, else None.

    Judged after decoding it fully (``%252e%252e`` is ``%2e%2e`` is ``..``): refused are dot segments,
    empty segments (``//``, which make an absolute path), a leading slash, backslashes and NUL bytes,
    in any of its spellings.
    """
    spelling = value
    for _round in range(MAX_DECODING_ROUNDS + 1):
        if spelling.startswith("/") or "\\" in spelling or "\x00" in spelling:
            return None
        if any(segment in ("", ".", "..") for segment in spelling.split("/")):
            return None
        decoded = unquote(spelling)
        if decoded == spelling:
            return value
        spelling = decoded
    return None  # still decoding after that many rounds: nobody links a real file like that


def path_inside(root, relative):
    """``root / relative`` if it stays inside root once symlinks and ``..`` are resolved, else None.

    Both sides are resolved with realpath, so a symlink that points out of root is caught too; the
    path returned is the plain join (what the caller's bookkeeping expects).
    """
    base = os.path.realpath(root)
    resolved = os.path.realpath(os.path.join(base, relative))
    if resolved == base or os.path.commonpath([base, resolved]) != base:
        return None
    return Path(root) / relative


def _same_bytes(path, data):
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def _size(src):
    return src.stat().st_size if isinstance(src, Path) else src.size()


def _same_file(src, dest):
    try:
        if _size(src) != dest.stat().st_size:
            return False
    except (FileNotFoundError, NotADirectoryError):
        return False
    with src.open("rb") as a, open(dest, "rb") as b:
        while True:
            chunk = a.read(CHUNK)
            if chunk != b.read(CHUNK):
                return False
            if not chunk:
                return True


def _replace_with(path, fill, durable=True):
    """Create path's new content through `fill(fileobj)` in a temp file, then rename it into place.

    `durable`: flushed to disk before the rename. A full build passes False and flushes everything once at
    its end (`flush_all`): readers still never see half a file (the rename is atomic either way).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def write_bytes(path, data):
    """Write `data` to `path` atomically unless it already holds exactly that; True if written."""
    path = Path(path)
    if _same_bytes(path, data):
        return False
    _replace_with(path, lambda handle: handle.write(data))
    return True


GZIP_SUFFIX = ".gz"
GZIP_LEVEL = 9


def gzip_path(path):
    path = Path(path)
    return path.with_name(path.name + GZIP_SUFFIX)


def compress(data):
    """The bytes of `data`'s .gz file: the same for the same data (no time or name in the header)."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def flush_all():
    """Flush every file written without `durable` to disk (one sync instead of one per file)."""
    os.sync()


def write_page(path, data, durable=True):
    """Write a rendered file and its pre-compressed copy beside it (path + ".gz"); True if the file changed.

    The .gz goes first: a crash between the two renames leaves the old file, whose bytes differ from the
    next render, so the next build writes both again; the other order could leave a stale .gz beside a
    current file forever. An unchanged file whose .gz is missing (an output older than the .gz files) gets it.
    """
    path = Path(path)
    compressed = gzip_path(path)
    if _same_bytes(path, data):
        if not compressed.exists():
            _replace_with(compressed, lambda handle: handle.write(compress(data)), durable)
        return False
    _replace_with(compressed, lambda handle: handle.write(compress(data)), durable)
    _replace_with(path, lambda handle: handle.write(data), durable)
    return True


def copy_file(src, dest):
    """Copy `src` to `dest` atomically unless dest already has the same bytes; True if copied.

    `src` is a path or an object with open(mode) and size() (a file read through a Django storage).
    """
    src, dest = Path(src) if isinstance(src, str) else src, Path(dest)
    if _same_file(src, dest):
        return False

    def fill(handle):
        with src.open("rb") as source:
            shutil.copyfileobj(source, handle, CHUNK)

    _replace_with(dest, fill)
    return True


def remove_file(path, root, compressed=False):
    """Delete `path` (with its .gz if `compressed`) and then any directories it leaves empty, up to `root`."""
    path, root = Path(path), Path(root)
    if compressed:
        with suppress(FileNotFoundError):
            gzip_path(path).unlink()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    parent = path.parent
    while parent != root and root in parent.parents:
        try:
            parent.rmdir()
        except OSError:  # not empty
            break
        parent = parent.parent
    return True


def remove_stale_temp_files(root):
    """Temp files left by a process that died between write and rename (never served: dotfiles)."""
    removed = 0
    for temp in Path(root).rglob(f"{TEMP_PREFIX}*.tmp"):
        with suppress(FileNotFoundError):
            temp.unlink()
            removed += 1
    return removed
