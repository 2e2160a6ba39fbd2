"""Line and bar charts drawn server-side as SVG by this module.

The same SVG appears in the admin, in the WeasyPrint PDF and offline, with no
JavaScript. Values are written in the reader's language (format_number).
Each chart carries a <title> and <desc> for screen readers; the report puts a
data table with every chart. Time runs along line charts; categories get sideways
bars (hbar_chart) so their names are never cut.
"""

import hashlib
import math
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.formats import number_format

PALETTE = ["#1d4e89", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#00796b"]
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 24, 56


@dataclass
class Series:
    name: str
    values: list


def _nice_max(value, ticks=4, integer=False):
    """The smallest round axis maximum >= value whose quarter is a round number too (whole for counts)."""
    if value <= 0:
        return ticks
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10):
        tick = step * magnitude
        if integer and not float(tick).is_integer():
            continue
        if tick >= raw:
            break
    if value >= ticks and tick < 1:
        tick = 1
    return tick * ticks


def format_number(value, digits=0):
    """A number with the active language's separators, thousands grouped: '1.234,5' or '1,234.5'.

    Grouped here rather than through USE_THOUSAND_SEPARATOR, which would also group every id and year
    that templates print. Rounded first: number_format cuts extra decimals off."""
    return number_format(round(value, digits), digits, force_grouping=True)


def _fmt(number):
    """An axis or bar value: one decimal when it has any."""
    if isinstance(number, float) and not number.is_integer():
        return format_number(number, 1)
    return format_number(int(number))


def _svg_open(title, description, height):
    """The start of an accessible chart: its title and description, ids unique per chart on a page."""
    uid = "c" + hashlib.sha1((title + description).encode()).hexdigest()[:8]
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}t {uid}d" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<title id="{uid}t">{escape(title)}</title><desc id="{uid}d">{escape(description)}</desc>',
        '<rect width="100%" height="100%" fill="#fff"/>',
    ]


def _frame(title, description, labels, top_value):
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = _svg_open(title, description, HEIGHT)
    for i in range(5):
        value = top_value * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{_fmt(value)}</text>')
    step = plot_w / max(len(labels), 1)
    every = max(1, len(labels) // 12)  # at most ~12 axis labels
    room = max(3, int(step * every / 6.5))  # characters that fit under one label at 11px
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = LEFT + step * (i + 0.5)
        text = str(label)
        if len(text) > room:
            text = text[: room - 1] + "…"  # the table under the chart has the full name
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="#333">{escape(text)}</text>'
        )
    return parts, plot_w, plot_h, step


def _legend(parts, series):
    x = LEFT
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{HEIGHT - 22}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{HEIGHT - 13}" fill="#333">{escape(s.name)}</text>')
        x += 24 + 7 * len(s.name)


def _top(series):
    values = [v for s in series for v in s.values]
    return _nice_max(max(values, default=0), integer=all(float(v).is_integer() for v in values))


def line_chart(title, labels, series, description=""):
    top_value = _top(series)
    parts, plot_w, plot_h, step = _frame(title, description or title, labels, top_value)
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        points = " ".join(
            f"{LEFT + step * (j + 0.5):.1f},{TOP + plot_h - plot_h * v / top_value:.1f}" for j, v in enumerate(s.values)
        )
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for j, v in enumerate(s.values):
            cx, cy = LEFT + step * (j + 0.5), TOP + plot_h - plot_h * v / top_value
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{colour}"><title>{escape(str(labels[j]))}: '
                         f'{_fmt(v)}</title></circle>')
    _legend(parts, series)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(title, labels, series, description=""):
    top_value = _top(series)
    parts, plot_w, plot_h, step = _frame(title, description or title, labels, top_value)
    group = step * 0.8
    bar_w = group / max(len(series), 1)
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        for j, v in enumerate(s.values):
            h = plot_h * v / top_value
            x = LEFT + step * j + step * 0.1 + bar_w * i
            label = f"{escape(str(labels[j]))} · {escape(s.name)}: {_fmt(v)}"
            parts.append(f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                         f'fill="{colour}"><title>{label}</title></rect>')
    _legend(parts, series)
    parts.append("</svg>")
    return "".join(parts)


def _wrap(text, width):
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def hbar_chart(title, labels, series, description=""):
    """Bars drawn sideways, one row per category with its whole name on the left.

    For categories (news categories, people, accounts, steps): their names are long and do not fit under a
    vertical bar, so names wrap onto more lines instead of being cut; the chart grows with the rows."""
    top_value = _top(series)
    char_w = 6.5  # average width of an 11px DejaVu Sans character
    longest = max((len(str(label)) for label in labels), default=0)
    label_w = int(min(260, max(80, char_w * longest + 12)))
    per_line = max(8, int((label_w - 12) / char_w))
    wrapped = [_wrap(str(label), per_line) for label in labels]
    bar_h = 14
    rows_h = [max(bar_h * max(len(series), 1) + 10, 13 * len(lines) + 8) for lines in wrapped]
    legend_h = 28 if series else 0
    plot_top, plot_left = TOP, label_w
    plot_w = WIDTH - plot_left - RIGHT - 40  # room for the value after the longest bar
    plot_h = sum(rows_h)
    height = plot_top + plot_h + 24 + legend_h
    parts = _svg_open(title, description or title, height)
    for i in range(5):
        value = top_value * i / 4
        x = plot_left + plot_w * i / 4
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{plot_top}" y2="{plot_top + plot_h}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{plot_top + plot_h + 14}" text-anchor="middle" fill="#333">'
                     f'{_fmt(value)}</text>')
    y = plot_top
    for j, (label, lines) in enumerate(zip(labels, wrapped)):
        row_h = rows_h[j]
        first_line = y + row_h / 2 - (len(lines) - 1) * 6.5 + 4
        text = "".join(f'<tspan x="{plot_left - 8}" y="{first_line + 13 * k:.1f}">{escape(line)}</tspan>'
                       for k, line in enumerate(lines))
        parts.append(f'<text text-anchor="end" fill="#333">{text}</text>')
        bars_top = y + (row_h - bar_h * len(series)) / 2
        for i, s in enumerate(series):
            colour = PALETTE[i % len(PALETTE)]
            v = s.values[j]
            w = plot_w * v / top_value
            by = bars_top + bar_h * i
            parts.append(f'<rect x="{plot_left}" y="{by + 1:.1f}" width="{w:.1f}" height="{bar_h - 2}" '
                         f'fill="{colour}"><title>{escape(str(label))} · {escape(s.name)}: {_fmt(v)}</title></rect>')
            parts.append(f'<text x="{plot_left + w + 4:.1f}" y="{by + bar_h - 3:.1f}" fill="#333">{_fmt(v)}</text>')
        y += row_h
    x = LEFT
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{height - 22}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{height - 13}" fill="#333">{escape(s.name)}</text>')
        x += 24 + 7 * len(s.name)
    parts.append("</svg>")
    return "".join(parts)
