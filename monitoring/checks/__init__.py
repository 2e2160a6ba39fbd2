"""The website checks and how to add one.

A check is a function `check(ctx) -> iterable of Result`, registered with
`@register("key", GROUP, label)` in a module of this package listed in MODULES (imported by
`load()` from the app's ready()). `ctx` (Context) carries the court's site, its monitoring settings, its
public base URL and `ctx.get(path)`, which fetches a URL of the court's public site through the
SSRF guard (core.outbound: only the configured site is reached; a court's own internal host must be
allowed by WARTA_OUTBOUND_ALLOWED_HOSTS). Each Result has a severity (kritis / disarankan / baik),
a title, one sentence on why it matters for a court and how to fix it. A check that raises is
recorded as a critical finding of its own, so one broken check never stops the others (runner.py).
"""

import time
from dataclasses import dataclass, field

import requests
from django.conf import settings as django_settings

from core import outbound

MODULES = ("sistem", "keamanan", "kapasitas", "data", "aksesibilitas")
REGISTRY = {}
TIMEOUT = (5, 15)


@dataclass
class Check:
    key: str
    group: str
    label: str
    func: object


@dataclass
class Result:
    severity: str
    title: str
    why: str = ""
    how_to_fix: str = ""
    target: str = ""
    detail: dict = field(default_factory=dict)


@dataclass
class Answer:
    url: str
    status: int | None
    ms: float
    headers: dict
    body: bytes
    error: str = ""


class Context:
    def __init__(self, site, settings):
        self.site = site
        self.settings = settings
        self.base_url = settings.base_url()
        self._session = outbound.guarded_session()
        self._answers = {}

    def get(self, path):
        """GET a path of the court's public site (remembered for the run): an Answer, never an exception."""
        url = path if path.startswith(("http://", "https://")) else self.base_url + path
        if url not in self._answers:
            started = time.perf_counter()
            try:
                # WARTA_MONITORING_CA_BUNDLE: a court's own certificate authority (a file path), else the
                # system's trust store.
                response = self._session.get(url, timeout=TIMEOUT, allow_redirects=True,
                                             verify=getattr(django_settings, "WARTA_MONITORING_CA_BUNDLE", True),
                                             headers={"User-Agent": "Warta-Pemantauan/1.0"})
                body = response.content[:2_000_000]
                answer = Answer(url, response.status_code, (time.perf_counter() - started) * 1000,
                                dict(response.headers), body)
            except requests.RequestException as exc:
                answer = Answer(url, None, (time.perf_counter() - started) * 1000, {}, b"",
                                error=exc.__class__.__name__)
            self._answers[url] = answer
        return self._answers[url]

    def close(self):
        self._session.close()


def register(key, group, label):
    def decorator(func):
        REGISTRY[key] = Check(key, group, label, func)
        return func

    return decorator


def load():
    from importlib import import_module

    for name in MODULES:
        import_module(f"{__name__}.{name}")
