"""The score of a court's website against the public-information checklist.

Per item: 2 = present and fresh, 1 = present but stale or marked incomplete, 0 = missing.
- A page counts when it is live and belongs to the court; it is fresh when last published within the item's window.
- A document counts while it exists; it is fresh when uploaded within the window (a new edition is a new upload).
- An external address (SIPP, Direktori Putusan, SIWAS, JDIH) counts as present: its content is kept by another
  system, so what the court can vouch for is the link itself. It is fresh when the court confirmed it (saved the
  item) within the window.
- Items updated "setiap saat", "segera" or "bila berubah" have no window: present is fresh.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import GROUPS, ChecklistItem, Pemenuhan

LENGKAP, KURANG, TIDAK_ADA = 2, 1, 0
LABELS = {LENGKAP: _("Lengkap"), KURANG: _("Kurang"), TIDAK_ADA: _("Tidak ada")}


@dataclass
class ItemScore:
    item: ChecklistItem
    fulfilment: Pemenuhan | None
    score: int
    reason: str
    updated_on: datetime.date | None = None

    @property
    def label(self):
        return LABELS[self.score]


@dataclass
class CourtScore:
    site: object
    on: datetime.date
    items: list = field(default_factory=list)

    @property
    def total(self):
        return sum(entry.score for entry in self.items)

    @property
    def maximum(self):
        return LENGKAP * len(self.items)

    @property
    def percent(self):
        return round(100 * self.total / self.maximum, 1) if self.maximum else 0.0

    @property
    def groups(self):
        """[(group key, label, [ItemScore])] in the order of the regulation."""
        return [(key, label, [entry for entry in self.items if entry.item.group == key]) for key, label in GROUPS]

    def by_code(self):
        return {entry.item.code: entry.score for entry in self.items}


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def score_item(item, fulfilment, site, on):
    if fulfilment is None:
        return ItemScore(item, None, TIDAK_ADA, _("Belum ditautkan."))
    updated = None
    if fulfilment.page_id:
        page = fulfilment.page
        if not page.live:
            return ItemScore(item, fulfilment, TIDAK_ADA, _("Halaman belum atau tidak lagi terbit."))
        if not page.path.startswith(site.root_page.path):
            return ItemScore(item, fulfilment, TIDAK_ADA, _("Halaman milik pengadilan lain."))
        updated = _local_date(page.last_published_at)
    elif fulfilment.document_id:
        updated = _local_date(fulfilment.document.created_at)
    elif fulfilment.url:
        updated = _local_date(fulfilment.updated_at)
    else:
        return ItemScore(item, fulfilment, TIDAK_ADA, _("Belum ditautkan."))
    window = item.window_days
    if window is not None and (updated is None or (on - updated).days > window):
        return ItemScore(item, fulfilment, KURANG,
                         _("Tidak diperbarui dalam %(days)d hari terakhir.") % {"days": window}, updated)
    if fulfilment.incomplete:
        return ItemScore(item, fulfilment, KURANG, _("Ditandai belum lengkap."), updated)
    return ItemScore(item, fulfilment, LENGKAP, _("Tersedia dan mutakhir."), updated)


def court_score(site, on=None):
    """The checklist score of a court (a Wagtail Site) on a date (today by default): per-item scores, total,
    maximum and percentage."""
    on = on or timezone.localdate()
    fulfilments = {f.item_id: f for f in Pemenuhan.objects.filter(site=site).select_related("page", "document")}
    result = CourtScore(site=site, on=on)
    for item in ChecklistItem.objects.filter(active=True):
        result.items.append(score_item(item, fulfilments.get(item.pk), site, on))
    return result


def court_scores(roots, on=None):
    """The checklist scores of several courts on one date, each as court_score gives it, in two queries whatever the
    number of courts: {site id: CourtScore}. `roots` maps each court's site id to its root page's path (what
    score_item compares a page's path with)."""
    from types import SimpleNamespace

    on = on or timezone.localdate()
    items = list(ChecklistItem.objects.filter(active=True))
    fulfilments = {(f.site_id, f.item_id): f for f in Pemenuhan.objects.filter(
        site_id__in=list(roots), item__active=True).select_related("page", "document")}
    results = {}
    for site_id, path in roots.items():
        site = SimpleNamespace(pk=site_id, root_page=SimpleNamespace(path=path))
        result = CourtScore(site=site, on=on)
        for item in items:
            result.items.append(score_item(item, fulfilments.get((site_id, item.pk)), site, on))
        results[site_id] = result
    return results
