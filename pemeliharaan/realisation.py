"""Rencana dan Realisasi Pemeliharaan (a record the SOP requires): a court's work orders due in a period, planned
against realised, in total, per asset and per person, as of a day. Each order counts once, by
WorkOrder.realisation(): done by its date (tepat waktu), done after it (terlambat), not done and its date passed
(terlewat), or its date still to come (belum jatuh tempo). Realisation % = done (on time + late) of the orders
whose date has passed or that are done; on-time % the same for on time alone."""

import datetime
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import WorkOrder

STATES = ("tepat", "terlambat", "terlewat", "belum")


@dataclass
class Row:
    label: str
    planned: int = 0
    tepat: int = 0
    terlambat: int = 0
    terlewat: int = 0
    belum: int = 0

    def add(self, state):
        self.planned += 1
        setattr(self, state, getattr(self, state) + 1)

    @property
    def done(self):
        return self.tepat + self.terlambat

    @property
    def due(self):
        return self.planned - self.belum

    @property
    def realisation_percent(self):
        return round(100 * self.done / self.due, 1) if self.due else None

    @property
    def on_time_percent(self):
        return round(100 * self.tepat / self.due, 1) if self.due else None


@dataclass
class Figures:
    site: object
    start: datetime.date
    end: datetime.date
    today: datetime.date
    total: Row = None
    assets: list = field(default_factory=list)
    people: list = field(default_factory=list)
    orders: list = field(default_factory=list)

    @property
    def tables(self):
        """(title, rows, kind) for the screen and the PDF."""
        return [(_("Jumlah"), [self.total], "total"), (_("Per aset"), self.assets, "asset"),
                (_("Per pelaksana"), self.people, "person")]


def person_label(user):
    if user is None:
        return _("(tanpa pelaksana)")
    return user.get_full_name() or user.username


def compute(site, start, end, today):
    figures = Figures(site=site, start=start, end=end, today=today, total=Row(label=_("Jumlah")))
    assets, people = {}, {}
    orders = list(WorkOrder.objects.filter(court=site).in_period(start, end).select_related("assignee")
                  .order_by("due_date", "pk"))
    for order in orders:
        state = order.realisation(today)
        order.realisation_state, order.realisation_label = state, state_label(state)
        figures.total.add(state)
        assets.setdefault(order.asset_id or order.asset_label, Row(label=order.asset_label)).add(state)
        people.setdefault(order.assignee_id, Row(label=person_label(order.assignee))).add(state)
    figures.orders = orders
    figures.assets = sorted(assets.values(), key=lambda row: row.label)
    figures.people = sorted(people.values(), key=lambda row: row.label)
    return figures


def columns():
    return [_("Direncanakan"), _("Tepat waktu"), _("Terlambat"), _("Terlewat"), _("Belum jatuh tempo"),
            _("Realisasi (%)"), _("Tepat waktu (%)")]


def row_values(row):
    return [row.planned, row.tepat, row.terlambat, row.terlewat, row.belum, row.realisation_percent,
            row.on_time_percent]


STATE_LABELS = {"tepat": gettext_lazy("Tepat waktu"), "terlambat": gettext_lazy("Terlambat"),
                "terlewat": gettext_lazy("Terlewat"), "belum": gettext_lazy("Belum jatuh tempo")}


def state_label(state):
    return str(STATE_LABELS[state])


def to_xlsx(figures, court_name):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)
    sheet = book.active
    sheet.title = _("Rekap")[:31]
    sheet.append([_("Rencana dan Realisasi Pemeliharaan"), court_name])
    sheet.append([_("Periode"), figures.start, figures.end])
    sheet.append([_("Keadaan per"), figures.today])
    for cell in (sheet["B2"], sheet["C2"], sheet["B3"]):
        cell.number_format = "DD/MM/YYYY"
    for title, rows in ((_("Jumlah"), [figures.total]), (_("Per aset"), figures.assets),
                        (_("Per pelaksana"), figures.people)):
        sheet.append([])
        sheet.append([title])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([title if title != _("Jumlah") else ""] + columns())
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in rows:
            sheet.append([row.label] + row_values(row))
    sheet.column_dimensions["A"].width = 40
    detail = book.create_sheet(_("Perintah")[:31])
    detail.append([_("Tanggal jadwal"), _("Pekerjaan"), _("Aset"), _("Pelaksana"), _("Dikerjakan"),
                   _("Realisasi"), _("Status")])
    for cell in detail[1]:
        cell.font = bold
    for order in figures.orders:
        detail.append([order.due_date, order.title, order.asset_label, person_label(order.assignee), order.done_on,
                       state_label(order.realisation_state), order.get_status_display()])
        for index in (1, 5):
            detail.cell(detail.max_row, index).number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFG", (14, 36, 36, 24, 14, 18, 18)):
        detail.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
