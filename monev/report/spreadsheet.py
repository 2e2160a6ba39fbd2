"""The report's tables as XLSX (one sheet per section, numbers as numbers) and as CSV (tables one after another)."""

import csv
import io

from django.utils.translation import gettext as _

from . import present

NUMBER_FORMATS = {present.PERCENT: "0.0%", present.CHANGE: "+0.0%;-0.0%;0.0%", present.MINUTES: "0.0",
                  present.INT: "#,##0"}


def _heading_rows(figures):
    return [[_("Laporan Monev"), figures["site"]["name"]], [_("Periode"), figures["period"]["label"]],
            [_("Pembanding"), figures["previous_period"]["label"]], [_("Dihitung pada"), figures["generated_at"]]]


def _column_title(column, cells):
    if cells and cells[0].kind == present.MINUTES:
        return f"{column} ({_('menit')})"
    return str(column)


def to_xlsx(figures):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)
    for index, section in enumerate(present.sections(figures)):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = str(section.title)[:31]
        for row in _heading_rows(figures):
            sheet.append(row)
        for block in section.blocks:
            table = block.table
            sheet.append([])
            sheet.append([str(table.title)])
            sheet.cell(sheet.max_row, 1).font = bold
            columns = [[row[i] for row in table.rows] for i in range(len(table.columns))]
            sheet.append([_column_title(c, cells) for c, cells in zip(table.columns, columns)])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for row in table.rows:
                sheet.append([cell.raw for cell in row])
                for cell, target in zip(row, sheet[sheet.max_row]):
                    if cell.kind in NUMBER_FORMATS and cell.raw is not None:
                        target.number_format = NUMBER_FORMATS[cell.kind]
            if table.note:
                sheet.append([str(table.note)])
        for note in section.notes:
            sheet.append([str(note)])
        sheet.column_dimensions["A"].width = 40
        for letter in "BCDEFGHIJKLMNO":
            sheet.column_dimensions[letter].width = 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(figures):
    """One CSV file with every table, each under its title and separated by an empty line."""
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheet programs read the file as UTF-8 with this mark
    writer = csv.writer(out)
    writer.writerows(_heading_rows(figures))
    for section in present.sections(figures):
        for block in section.blocks:
            table = block.table
            writer.writerow([])
            writer.writerow([f"{section.title} — {table.title}"])
            columns = [[row[i] for row in table.rows] for i in range(len(table.columns))]
            writer.writerow([_column_title(c, cells) for c, cells in zip(table.columns, columns)])
            for row in table.rows:
                writer.writerow(["" if cell.raw is None else cell.raw for cell in row])
    return out.getvalue()
