import datetime

import pytest

from monev.periods import Period

D = datetime.date


@pytest.mark.parametrize("kind, year, number, start, end, label, previous", [
    ("bulan", 2026, 3, D(2026, 3, 1), D(2026, 3, 31), "Maret 2026", (D(2026, 2, 1), D(2026, 2, 28))),
    ("bulan", 2026, 1, D(2026, 1, 1), D(2026, 1, 31), "Januari 2026", (D(2025, 12, 1), D(2025, 12, 31))),
    ("triwulan", 2026, 3, D(2026, 7, 1), D(2026, 9, 30), "Triwulan III 2026", (D(2026, 4, 1), D(2026, 6, 30))),
    ("semester", 2026, 1, D(2026, 1, 1), D(2026, 6, 30), "Semester I 2026", (D(2025, 7, 1), D(2025, 12, 31))),
    ("tahun", 2024, 1, D(2024, 1, 1), D(2024, 12, 31), "Tahun 2024", (D(2023, 1, 1), D(2023, 12, 31))),
])
def test_periods_their_labels_and_the_period_before(kind, year, number, start, end, label, previous, settings):
    settings.LANGUAGE_CODE = "id"
    period = Period.of(kind, year, number)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert (period.previous().start, period.previous().end) == previous
    assert Period.containing(kind, start + datetime.timedelta(days=20)) == period


def test_custom_period_compares_with_the_same_number_of_days_before():
    period = Period.custom(D(2026, 3, 10), D(2026, 3, 19))
    assert (period.previous().start, period.previous().end) == (D(2026, 2, 28), D(2026, 3, 9))
    assert period.days == 10 and len(period.buckets()) == 10
    assert period.label == "10 Maret 2026 – 19 Maret 2026"
    with pytest.raises(ValueError):
        Period.custom(D(2026, 3, 19), D(2026, 3, 10))
    with pytest.raises(ValueError):
        Period.of("triwulan", 2026, 5)


def test_trend_buckets_are_days_for_a_month_and_months_otherwise():
    assert [label for label, *_ in Period.of("bulan", 2026, 2).buckets()] == [str(d) for d in range(1, 29)]
    quarter = Period.of("triwulan", 2026, 4).buckets()
    assert quarter == [("Okt", D(2026, 10, 1), D(2026, 10, 31)), ("Nov", D(2026, 11, 1), D(2026, 11, 30)),
                       ("Des", D(2026, 12, 1), D(2026, 12, 31))]
    long = Period.custom(D(2025, 11, 15), D(2026, 2, 10)).buckets()
    assert [label for label, *_ in long] == ["Nov 25", "Des 25", "Jan 26", "Feb 26"]
    assert long[0][1] == D(2025, 11, 15) and long[-1][2] == D(2026, 2, 10)
