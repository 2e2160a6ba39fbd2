"""Figures → sections of charts and tables, shared by the admin page, the PDF, XLSX and CSV.

Every chart has a table with the same numbers (for screen readers, for print and
for anyone who wants the exact value; the admin folds it behind "Lihat data"). A cell keeps its raw value
(for spreadsheets) and its text in the active language's number format (for pages and the PDF).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from editorial.durations import format_duration
from monev import charts
from monev.charts import Series, format_number

TEXT, INT, PERCENT, MINUTES, CHANGE = "text", "int", "percent", "minutes", "change"


def fmt_int(value):
    return "—" if value is None else format_number(int(value))


def fmt_percent(value, digits=1):
    return "—" if value is None else f"{format_number(value * 100, digits)}%"


def fmt_change(value, absolute=False):
    """'+12,5%' against the previous period; shares change in percentage points."""
    if value is None:
        return "—"
    number = value * 100
    sign = "+" if number > 0 else ("−" if number < 0 else "")
    text = sign + format_number(abs(number), 1)
    return _("%(change)s poin") % {"change": text} if absolute else f"{text}%"


def fmt_minutes(minutes_list):
    return " / ".join(format_duration(m * 60) for m in minutes_list) if minutes_list else "—"


@dataclass
class Cell:
    value: object
    kind: str = TEXT

    @property
    def text(self):
        if self.kind == INT:
            return fmt_int(self.value)
        if self.kind == PERCENT:
            return fmt_percent(self.value)
        if self.kind == CHANGE:
            return fmt_change(*self.value) if isinstance(self.value, tuple) else fmt_change(self.value)
        if self.kind == MINUTES:
            return format_duration(self.value * 60) if self.value is not None else "—"
        return "—" if self.value in (None, "") else str(self.value)

    @property
    def raw(self):
        """The value for a spreadsheet: numbers stay numbers."""
        if self.kind == CHANGE:
            return self.value[0] if isinstance(self.value, tuple) else self.value
        return self.value

    @property
    def numeric(self):
        return self.kind != TEXT


@dataclass
class Table:
    title: str
    columns: list
    rows: list  # lists of Cell
    note: str = ""

    @property
    def numeric_indexes(self):
        return [i for i in range(len(self.columns)) if self.rows and self.rows[0][i].numeric]


@dataclass
class Block:
    table: Table
    chart: str = ""  # SVG markup, drawn from the same numbers


@dataclass
class Section:
    key: str
    title: str
    blocks: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def _n(value):
    return value or 0


def _minutes(seconds):
    return None if seconds is None else round(seconds / 60, 1)


TREND_LABELS = {
    "published": lambda: _("Konten terbit"),
    "website_views": lambda: _("Kunjungan halaman situs"),
    "social_posts": lambda: _("Kiriman media sosial terkirim"),
    "social_interactions": lambda: _("Interaksi media sosial"),
    "sop_met_share": lambda: _("Langkah alur redaksi memenuhi Mutu Baku"),
}


def summary_section(figures):
    current, previous = figures["period"]["label"], figures["previous_period"]["label"]
    rows = []
    for item in figures["trend"]:
        kind = PERCENT if item["absolute"] else INT
        rows.append([Cell(str(TREND_LABELS[item["key"]]())), Cell(item["current"], kind),
                     Cell(item["previous"], kind), Cell((item["change"], item["absolute"]), CHANGE)])
    table = Table(_("Ringkasan dibanding periode sebelumnya"),
                  [_("Indikator"), current, previous, _("Perubahan")], rows)
    social = figures["social"]
    notes = []
    if social["most_active"]:
        notes.append(_("Akun paling aktif: %(account)s (%(platform)s), %(count)s kiriman.") % {
            "account": social["most_active"]["account"], "platform": social["most_active"]["platform_label"],
            "count": fmt_int(social["most_active"]["posts"])})
    if social["most_popular"]:
        notes.append(_("Akun paling populer: %(account)s (%(platform)s), %(count)s interaksi dalam 24 jam "
                       "pertama setelah posting.") % {
            "account": social["most_popular"]["account"], "platform": social["most_popular"]["platform_label"],
            "count": fmt_int(social["most_popular"]["first_day_interactions"])})
    return Section("ringkasan", _("Ringkasan"), [Block(table)], notes)


def publication_section(figures):
    pub, labels = figures["publication"], figures["buckets"]
    blocks = []
    title = _("Konten terbit per %(unit)s") % {"unit": _bucket_unit(figures)}
    blocks.append(Block(
        Table(title, [_("Periode"), _("Konten terbit")],
              [[Cell(label), Cell(n, INT)] for label, n in zip(labels, pub["by_bucket"])]),
        charts.line_chart(title, labels, [Series(_("Konten terbit"), pub["by_bucket"])]),
    ))
    title = _("Konten terbit per kategori")
    blocks.append(Block(
        Table(title, [_("Kategori"), _("Jumlah")],
              [[Cell(r["name"]), Cell(r["count"], INT)] for r in pub["by_category"]],
              note=_counted_note(pub)),
        charts.hbar_chart(title, [r["name"] for r in pub["by_category"]],
                          [Series(_("Jumlah"), [r["count"] for r in pub["by_category"]])]),
    ))
    if "by_publisher" in pub:
        title = _("Konten terbit per penerbit")
        rows = pub["by_publisher"]
        blocks.append(Block(
            Table(title, [_("Penerbit"), _("Cara terbit"), _("Jumlah")],
                  [[Cell(r["name"]), Cell(r["route_label"]), Cell(r["count"], INT)] for r in rows],
                  note=_("Penerbit adalah yang membuat konten tayang: Kasubag PTIP yang menyetujuinya dalam alur "
                         "redaksi, superuser yang menerbitkan di luar alur (terbit darurat), atau sistem "
                         "(pemuatan data).")),
            charts.hbar_chart(title, [_publisher_label(r) for r in rows],
                              [Series(_("Jumlah"), [r["count"] for r in rows])]),
        ))
    else:  # reports archived before publication was credited to its publisher
        title = _("Konten terbit per penulis")
        blocks.append(Block(
            Table(title, [_("Penulis"), _("Jumlah")],
                  [[Cell(r["name"]), Cell(r["count"], INT)] for r in pub["by_author"]]),
            charts.hbar_chart(title, [r["name"] for r in pub["by_author"]],
                              [Series(_("Jumlah"), [r["count"] for r in pub["by_author"]])]),
        ))
    title = _("Pengiriman ke kanal media sosial")
    rows = pub["deliveries"]
    blocks.append(Block(
        Table(title, [_("Kanal"), _("Platform"), _("Terkirim"), _("Gagal"), _("Perlu dicek"), _("Lainnya"),
                      _("Jumlah")],
              [[Cell(r["account"]), Cell(r["platform_label"]), Cell(r["sent"], INT), Cell(r["failed"], INT),
                Cell(r["needs_check"], INT), Cell(r["other"], INT), Cell(r["total"], INT)] for r in rows],
              note=_("Lainnya: masih menunggu atau sedang dikirim, atau dibatalkan.")),
        charts.hbar_chart(title, [r["account"] for r in rows], [
            Series(_("Terkirim"), [r["sent"] for r in rows]), Series(_("Gagal"), [r["failed"] for r in rows]),
            Series(_("Perlu dicek"), [r["needs_check"] for r in rows])]),
    ))
    return Section("publikasi", _("Publikasi"), blocks)


def compliance_section(figures):
    sop = figures["compliance"]
    steps = sop["steps"]
    title = _("Waktu per langkah alur redaksi (jam kerja) dibanding Mutu Baku")
    table = Table(title, [_("Langkah"), _("Jumlah"), _("Median"), _("Persentil ke-90"), _("Standar Mutu Baku"),
                          _("Memenuhi standar"), _("Dikembalikan")],
                  [[Cell(s["label"]), Cell(s["count"], INT), Cell(_minutes(s["median_seconds"]), MINUTES),
                    Cell(_minutes(s["p90_seconds"]), MINUTES), Cell(fmt_minutes(s["standard_minutes"])),
                    Cell(s["met_share"], PERCENT), Cell(s["returned"], INT)] for s in steps],
                  note=_("Waktu dihitung dalam jam kerja pengadilan. Konten yang juga dikirim ke media sosial "
                         "memakai standar SOP B dan C sekaligus, sehingga standarnya lebih panjang."))
    chart = charts.hbar_chart(title, [s["label"] for s in steps], [
        Series(_("Median (menit)"), [_n(_minutes(s["median_seconds"])) for s in steps]),
        Series(_("Persentil ke-90 (menit)"), [_n(_minutes(s["p90_seconds"])) for s in steps]),
        Series(_("Standar (menit)"), [max(s["standard_minutes"], default=0) for s in steps]),
    ])
    people = Table(_("Per pelaksana"), [_("Langkah"), _("Pelaksana"), _("Jumlah"), _("Median"),
                                        _("Persentil ke-90"), _("Memenuhi standar")],
                   [[Cell(s["label"]), Cell(p["name"]), Cell(p["count"], INT),
                     Cell(_minutes(p["median_seconds"]), MINUTES), Cell(_minutes(p["p90_seconds"]), MINUTES),
                     Cell(p["met_share"], PERCENT)] for s in steps for p in s["people"]])
    return Section("kepatuhan", _("Kepatuhan SOP (Mutu Baku)"), [Block(table, chart), Block(people)])


def engagement_section(figures):
    web, social, labels = figures["website"], figures["social"], figures["buckets"]
    blocks = []
    title = _("Kunjungan halaman situs per %(unit)s") % {"unit": _bucket_unit(figures)}
    previous = web["previous_by_bucket"]
    rows = [[Cell(label), Cell(n, INT), Cell(previous[i] if i < len(previous) else None, INT)]
            for i, (label, n) in enumerate(zip(labels, web["by_bucket"]))]
    blocks.append(Block(
        Table(title, [_("Periode"), figures["period"]["label"], figures["previous_period"]["label"]], rows),
        charts.line_chart(title, labels, [Series(figures["period"]["label"], web["by_bucket"]),
                                          Series(figures["previous_period"]["label"], previous[:len(labels)])]),
    ))
    blocks.append(Block(Table(_("Konten paling banyak dilihat"), [_("Halaman"), _("Alamat"), _("Dilihat")],
                              [[Cell(r["title"]), Cell(r["path"]), Cell(r["views"], INT)]
                               for r in web["top_items"]])))
    channels = social["channels"]
    title = _("Statistik kiriman per kanal media sosial")
    columns = [_("Kanal"), _("Platform"), _("Kiriman"), _("Tayangan"), _("Jangkauan"), _("Reaksi/suka"),
               _("Komentar"), _("Bagikan/repost"), _("Simpan"), _("Klik")]
    rows = [[Cell(c["account"]), Cell(c["platform_label"]), Cell(c["posts"], INT), Cell(c["views"], INT),
             Cell(c["reach"], INT), Cell(c["reactions"], INT), Cell(c["comments"], INT), Cell(c["shares"], INT),
             Cell(c["saves"], INT), Cell(c["clicks"], INT)] for c in channels]
    blocks.append(Block(Table(title, columns, rows)))
    title = _("Keterlibatan dan pengikut per kanal media sosial")
    columns = [_("Kanal"), _("Platform"), _("Kiriman"), _("Interaksi"), _("Tingkat keterlibatan"),
               _("Interaksi 24 jam pertama"), _("Pengikut"), _("Perubahan pengikut")]
    rows = [[Cell(c["account"]), Cell(c["platform_label"]), Cell(c["posts"], INT), Cell(c["interactions"], INT),
             Cell(c["rate"], PERCENT), Cell(c["first_day_interactions"], INT), Cell(c["followers"], INT),
             Cell(c["followers_change"], INT)] for c in channels]
    blocks.append(Block(
        Table(title, columns, rows),
        charts.hbar_chart(title, [c["account"] for c in channels], [
            Series(_("Interaksi"), [_n(c["interactions"]) for c in channels]),
            Series(_("Interaksi 24 jam pertama"), [_n(c["first_day_interactions"]) for c in channels]),
        ]),
    ))
    notes = [
        _("Interaksi = reaksi/suka + komentar + bagikan/repost + simpan. Tingkat keterlibatan = interaksi dibagi "
          "jangkauan (atau tayangan bila platform tidak memberi jangkauan). Angka tiap kiriman diambil dari "
          "statistik terakhirnya (hari ke-1, ke-7 atau ke-28 setelah posting)."),
        _("Tanda — berarti platform tidak menyediakan angka itu. Telegram tidak menyediakan statistik kiriman "
          "kanal sama sekali; Facebook tidak lagi memberi tayangan kiriman, X tidak memberi jangkauan."),
        _("Statistik Instagram baru lengkap sekitar 48 jam setelah posting, sehingga angka \"24 jam pertama\" "
          "Instagram diambil pada jam ke-48."),
        _("Kunjungan situs dihitung tanpa cookie dan tanpa data pribadi; kunjungan robot tidak dihitung."),
    ]
    return Section("keterlibatan", _("Keterlibatan publik"), blocks, notes)


def _publisher_label(row):
    if not row["name"]:  # the system, or nobody on record
        return row["route_label"]
    return f"{row['name']} ({row['route_label']})"


def _counted_note(pub):
    if "counted_types" not in pub:
        return ""
    return _("Yang dihitung sebagai konten terbit: %(types)s (Pengaturan → Pengaturan monev).") % {
        "types": ", ".join(pub["counted_types"]) or "—"}


def _bucket_unit(figures):
    return _("hari") if figures["daily_buckets"] else _("bulan")


def website_sections(figures):
    """Hasil Monev Website (SOP B5): the checks, the public-information checklist, the follow-up plans."""
    data = figures.get("monitoring")
    if not data:
        return []  # a report archived before the website monitoring
    from monitoring.models import BAIK, DISARANKAN, GROUPS, KRITIS

    labels = dict(GROUPS)
    summary = Table(_("Pemeriksaan situs publik"), [_("Indikator"), _("Nilai")], [
        [Cell(_("Pemeriksaan dijalankan")), Cell(data["runs"], INT)],
        [Cell(_("Pemeriksaan tanpa halaman publik yang gagal dibuka")), Cell(data["available_share"], PERCENT)],
    ])
    groups = Table(_("Temuan pemeriksaan terakhir per kelompok"),
                   [_("Kelompok"), _("Kritis"), _("Disarankan"), _("Baik")],
                   [[Cell(str(labels.get(key, key))), Cell(counts[KRITIS], INT), Cell(counts[DISARANKAN], INT),
                     Cell(counts[BAIK], INT)] for key, counts in data["by_group"].items()])
    critical = Table(_("Temuan kritis dalam periode"), [_("Temuan"), _("Kali"), _("Pertama"), _("Terakhir")],
                     [[Cell(row["title"]), Cell(row["times"], INT), Cell(row["first"].replace("T", " ")),
                       Cell(row["last"].replace("T", " "))] for row in data["critical"]],
                     note="" if data["critical"] else _("Tidak ada temuan kritis dalam periode ini."))
    result = [Section("pemantauan", _("Pemantauan website"), [Block(summary), Block(groups), Block(critical)])]
    checklist = data.get("checklist")
    if checklist:
        table = Table(_("Penilaian informasi publik (SK KMA 2-144/KMA/SK/VIII/2022)"),
                      [_("Kelompok"), _("Nilai"), _("Nilai maksimum"), _("Belum ada")],
                      [[Cell(group["label"]), Cell(group["total"], INT), Cell(group["maximum"], INT),
                        Cell(", ".join(group["missing"]) or "—")] for group in checklist["groups"]],
                      note=_("Nilai keseluruhan %(total)s dari %(maximum)s (%(percent)s%%).") % {
                          "total": fmt_int(checklist["total"]), "maximum": fmt_int(checklist["maximum"]),
                          "percent": format_number(checklist["percent"], 1)})
        result.append(Section("penilaian", _("Penilaian website"), [Block(table)]))
    plans = data.get("plans")
    if plans is not None:
        columns = [_("Rencana"), _("Status"), _("Pelaksana"), _("Tenggat")]

        def rows(items):
            return [[Cell(p["title"]), Cell(p["status"]), Cell(p["assignee"]), Cell(p["due"] or "—")] for p in items]

        made = Table(_("Rencana tindak lanjut dibuat dalam periode"), columns, rows(plans["made"]),
                     note=_("%(closed)s dari %(count)s sudah diselesaikan.") % {
                         "closed": fmt_int(plans["closed"]), "count": fmt_int(len(plans["made"]))})
        overdue = Table(_("Rencana tindak lanjut melewati tenggat"), columns, rows(plans["overdue"]),
                        note="" if plans["overdue"] else _("Tidak ada yang melewati tenggat."))
        result.append(Section("tindak-lanjut", _("Rencana tindak lanjut"), [Block(made), Block(overdue)]))
    return result


def sections(figures):
    return [summary_section(figures), publication_section(figures), compliance_section(figures),
            engagement_section(figures), *website_sections(figures)]
