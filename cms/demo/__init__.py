"""The demo court "Pengadilan Negeri Contoh" loaded by `manage.py load_demo_court`.

Everything here is invented: the town, the people, the figures and the
documents. Dates are fixed (counted back from ANCHOR_DATE) so the content is
the same on every run and every machine.
"""

import datetime

from django.dispatch import Signal

# One password for every demo account; the loader refuses to run with DEBUG off unless forced.
DEMO_PASSWORD = "warta-demo-2026"

# The newest demo news item is dated on this day; the rest are spread over the months before.
ANCHOR_DATE = datetime.date(2026, 11, 20)

# Sent by the loader once the demo court is in place (site=the court's Site): higher apps add their own demo
# data for the court.
demo_court_loaded = Signal()
