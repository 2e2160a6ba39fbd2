"""Where the static site goes and whether it is built at all."""

from pathlib import Path

from django.conf import settings

STATE_DIRNAME = ".warta"


def enabled():
    """Static publishing runs only when WARTA_STATIC_SITE_DIR is set (off for `make run`)."""
    return bool(getattr(settings, "WARTA_STATIC_SITE_DIR", ""))


def output_root():
    return Path(settings.WARTA_STATIC_SITE_DIR)


def site_key(site):
    """The folder name of one site's output: its hostname, plus the port when it is not 80 or 443."""
    if site.port in (80, 443):
        return site.hostname
    return f"{site.hostname}_{site.port}"


def site_dir(site):
    return output_root() / site_key(site)


def state_dir():
    """Build state (manifests, locks) beside the sites, never inside a served tree."""
    return output_root() / STATE_DIRNAME


def dynamic_url():
    """Base URL for links the static output cannot answer (search): '' keeps them relative."""
    return getattr(settings, "WARTA_STATIC_DYNAMIC_URL", "").rstrip("/")
