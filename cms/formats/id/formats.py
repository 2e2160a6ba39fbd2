# Indonesian date formats where Warta differs from Django's (django/conf/locale/id/formats.py): the month
# written out, as official letters and reports write it ("5 Agustus 2026, 14.30"). Django's own "j N Y"
# abbreviates some months and not others ("5 Jan. 2026", "5 Agu 2026", "5 Maret 2026"). Every other
# format (short dates, input formats, separators) stays Django's.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, G.i"
