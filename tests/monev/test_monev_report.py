"""The monev report over a year of realistic data, every figure checked against a hand computation.

monev.sample_year builds the year through the real code paths (pages in the
tree, StepRecords, deliveries, snapshots through monev.social_metrics, a
million page views through monev.pageviews.add_many) and returns a ledger of
what it wrote; the expected figures below are computed from that ledger with
plain Python, independently of the report's queries.
"""

import datetime
import math
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from wagtail.models import Page, Site

from monev import report, sample_year
from monev.periods import Period
from monev.report import present
from publishers.social.models import DeliveryStatus
from tests.support.factories import AnnouncementIndexPageFactory, HomePageFactory, NewsIndexPageFactory
from tests.support.pdf import pdf_text

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Jakarta")
SENT = {DeliveryStatus.SENT, DeliveryStatus.REMOVED}


# --- hand computations -----------------------------------------------------------------------------------

def local_day(moment):
    return moment.astimezone(TZ).date()


def within(moment_or_day, period):
    day = local_day(moment_or_day) if isinstance(moment_or_day, datetime.datetime) else moment_or_day
    return period.start <= day <= period.end


def hand_median(values):
    values = sorted(values)
    n = len(values)
    if not n:
        return None
    middle = n // 2
    return values[middle] if n % 2 else (values[middle - 1] + values[middle]) / 2


def hand_p90(values):
    """Linear interpolation between closest ranks: rank (n - 1) * 0.9 counted from 0."""
    values = sorted(values)
    if not values:
        return None
    rank = (len(values) - 1) * 0.9
    low = math.floor(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def expected_publication(ledger, period):
    items = [i for i in ledger.items if within(i["published_at"], period)]
    categories = Counter(f"Berita — {i['category']}" if i["kind"] == "news" else "Pengumuman" for i in items)
    deliveries = defaultdict(Counter)
    for d in ledger.deliveries:
        if within(d["created_at"], period):
            column = {DeliveryStatus.FAILED: "failed", DeliveryStatus.NEEDS_CHECK: "needs_check"}.get(
                d["status"], "sent" if d["status"] in SENT else "other")
            deliveries[(d["platform"], d["account"])][column] += 1
            deliveries[(d["platform"], d["account"])]["total"] += 1
    return {
        "total": len(items),
        "by_category": dict(categories),
        "by_publisher": dict(Counter((i["publisher"], i["route"]) for i in items)),
        "by_month": [sum(1 for i in items if local_day(i["published_at"]).month == m) for m in range(1, 13)],
        "deliveries": {account: dict(counts) for account, counts in deliveries.items()},
    }


def expected_steps(ledger, period):
    steps = defaultdict(list)
    people = defaultdict(list)
    for s in ledger.steps:
        if within(s["finished_at"], period):
            steps[s["step"]].append(s)
            people[(s["step"], s["actor"])].append(s)

    def summary(rows):
        seconds = [r["seconds"] for r in rows]
        met = [r["seconds"] <= r["standard"] * 60 for r in rows]
        return {"count": len(rows), "median": hand_median(seconds), "p90": hand_p90(seconds),
                "met_share": sum(met) / len(met) if met else None,
                "returned": sum(1 for r in rows if r["outcome"] == "rejected"),
                "standards": sorted({r["standard"] for r in rows})}

    return ({step: summary(rows) for step, rows in steps.items()},
            {key: summary(rows) for key, rows in people.items()})


def expected_social(ledger, period):
    latest = {}
    for s in ledger.snapshots:
        if within(s["posted_at"], period) and s["day"] > latest.get(s["delivery_id"], {"day": 0})["day"]:
            latest[s["delivery_id"]] = s
    accounts = defaultdict(lambda: defaultdict(int))
    for d in ledger.deliveries:
        if d["status"] in SENT and within(d["sent_at"], period):
            accounts[(d["platform"], d["account"])]["posts"] += 1
    for s in latest.values():
        a = accounts[(s["platform"], s["account"])]
        a["interactions"] += sum(s[k] or 0 for k in ("reactions", "comments", "shares", "saves"))
        a["audience"] += s["reach"] if s["reach"] is not None else (s["views"] or 0)
        for metric in ("views", "reach", "reactions", "comments", "shares", "saves", "clicks"):
            if s[metric] is not None:
                a[metric] += s[metric]
    for s in ledger.snapshots:
        if s["day"] == 1 and within(s["posted_at"], period):
            accounts[(s["platform"], s["account"])]["first_day"] += sum(
                s[k] or 0 for k in ("reactions", "comments", "shares", "saves"))
    followers = {}
    for platform, account, day, count in ledger.followers:
        if within(day, period):
            entry = followers.setdefault((platform, account), {"start": count})
            entry["end"] = count
    return accounts, followers


def expected_views(ledger, period):
    per_page = Counter()
    per_month = Counter()
    for (page_id, day), n in ledger.views.items():
        if within(day, period):
            per_page[page_id] += n
            per_month[day.month] += n
    top = sorted(per_page.items(), key=lambda kv: (-kv[1], ledger.pages[kv[0]][0]))[:10]
    return sum(per_page.values()), per_month, [(ledger.pages[pk][0], n) for pk, n in top]


# --- the data ---------------------------------------------------------------------------------------------

def second_court(hostname):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug=hostname.replace(".", "-"),
                           title="Pengadilan Negeri Kedua")
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name="PN Kedua")
    return site, NewsIndexPageFactory(parent=home), AnnouncementIndexPageFactory(parent=home)


def counting_queries(func):
    """func()'s result and the number of SQL statements it ran."""
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        result = func()
    return result, len(statements)


def compute_counting_queries(site, period):
    report.compute(site, period)  # first run creates the court's settings rows; count the next one
    return counting_queries(lambda: report.compute(site, period))


def check_report(figures, ledger, period):
    pub = expected_publication(ledger, period)
    assert figures["publication"]["total"] == pub["total"]
    assert {r["name"]: r["count"] for r in figures["publication"]["by_category"]} == pub["by_category"]
    assert {(r["name"], r["route"]): r["count"] for r in figures["publication"]["by_publisher"]} == \
        pub["by_publisher"]
    columns = ("sent", "failed", "needs_check", "other", "total")
    deliveries = {(r["platform"], r["account"]): {k: r[k] for k in columns if r[k]}
                  for r in figures["publication"]["deliveries"]}
    assert deliveries == pub["deliveries"]

    steps, people = expected_steps(ledger, period)
    for row in figures["compliance"]["steps"]:
        want = steps.get(row["step"])
        if want is None:  # a step the sample year has none of (the follow-up plans' steps)
            assert (row["count"], row["people"]) == (0, []), row["step"]
            continue
        assert row["count"] == want["count"], row["step"]
        assert row["median_seconds"] == pytest.approx(want["median"]), row["step"]
        assert row["p90_seconds"] == pytest.approx(want["p90"]), row["step"]
        assert row["met_share"] == pytest.approx(want["met_share"]), row["step"]
        assert row["returned"] == want["returned"], row["step"]
        assert row["standard_minutes"] == want["standards"]
        for person in row["people"]:
            mine = people[(row["step"], person["name"])]
            assert (person["count"], person["median_seconds"], person["met_share"]) == (
                mine["count"], pytest.approx(mine["median"]), pytest.approx(mine["met_share"]))
            assert person["p90_seconds"] == pytest.approx(mine["p90"])
        assert sum(p["count"] for p in row["people"]) == want["count"]

    total_views, per_month, top = expected_views(ledger, period)
    assert figures["website"]["total"] == total_views
    assert [(r["title"], r["views"]) for r in figures["website"]["top_items"]] == top

    accounts, followers = expected_social(ledger, period)
    for channel in figures["social"]["channels"]:
        key = (channel["platform"], channel["account"])
        want = accounts[key]
        assert channel["posts"] == want["posts"], channel["account"]
        if channel["platform"] == "telegram":
            assert channel["interactions"] is None and channel["views"] is None  # Telegram gives no statistics
            continue
        assert channel["interactions"] == want["interactions"], channel["account"]
        assert channel["first_day_interactions"] == want["first_day"], channel["account"]
        assert channel["rate"] == pytest.approx(want["interactions"] / want["audience"])
        for metric in ("views", "reach", "reactions", "comments", "shares", "saves", "clicks"):
            assert channel[metric] == (want[metric] if metric in want else None), (channel["account"], metric)
        assert channel["followers"] == followers[key]["end"]
        assert channel["followers_change"] == followers[key]["end"] - followers[key]["start"]
    assert len(figures["social"]["channels"]) == len(accounts)
    most_active = max(accounts.items(), key=lambda kv: (kv[1]["posts"], kv[0][1]))
    assert (figures["social"]["most_active"]["platform"], figures["social"]["most_active"]["account"],
            figures["social"]["most_active"]["posts"]) == (*most_active[0], most_active[1]["posts"])
    most_popular = max(((key, v["first_day"]) for key, v in accounts.items() if "first_day" in v),
                       key=lambda kv: (kv[1], kv[0][1]))
    assert (figures["social"]["most_popular"]["platform"], figures["social"]["most_popular"]["account"],
            figures["social"]["most_popular"]["first_day_interactions"]) == (*most_popular[0], most_popular[1])
    return pub, total_views, per_month


def test_a_year_of_data_reports_the_hand_computed_figures_in_constant_queries(court, client_as):
    # A small court first: the number of queries of its report is the reference.
    small_site, small_news, small_announcements = second_court("pn-kedua.test")
    small = sample_year.build(small_site, small_news, small_announcements, items=20, total_views=5_000, seed=7)
    year = Period.of("tahun", 2026)
    small_figures, small_queries = compute_counting_queries(small_site, year)
    assert small_figures["publication"]["total"] == 20

    ledger = sample_year.build(court.site, court.news_index, court.announcements, items=500)
    assert len(ledger.items) == 500 and len(ledger.deliveries) > 1500 and len(ledger.snapshots) > 3500
    assert sum(ledger.views.values()) == 1_000_000

    figures, year_queries = compute_counting_queries(court.site, year)
    assert year_queries == small_queries  # the same queries for 20 items as for 500
    assert 10 < year_queries <= 30
    pub, total_views, per_month = check_report(figures, ledger, year)
    assert figures["publication"]["by_bucket"] == pub["by_month"]
    assert figures["website"]["by_bucket"] == [per_month[m] for m in range(1, 13)]
    check_report(small_figures, small, year)  # each court sees only its own data

    # The admin page too: the same number of queries for both courts.
    root = client_as("root")
    pages = [counting_queries(lambda site=site: root.get("/admin/monev/laporan/", {
        "situs": site.pk, "jenis": "tahun", "tahun": 2026})) for site in (small_site, court.site, small_site)]
    assert all(response.status_code == 200 for response, _count in pages)
    assert pages[1][1] == pages[2][1]

    # A quarter, with the trend against the quarter before.
    q3, q2 = Period.of("triwulan", 2026, 3), Period.of("triwulan", 2026, 2)
    quarter = report.compute(court.site, q3)
    check_report(quarter, ledger, q3)
    trend = {t["key"]: t for t in quarter["trend"]}
    before = expected_publication(ledger, q2)["total"]
    assert trend["published"]["previous"] == before
    assert trend["published"]["change"] == pytest.approx((quarter["publication"]["total"] - before) / before)
    assert trend["website_views"]["previous"] == expected_views(ledger, q2)[0]

    # What the Kasubag sees in the admin, and the PDF.
    kasubag = client_as("kasubag")
    response = kasubag.get("/admin/monev/laporan/", {"situs": court.site.pk, "jenis": "triwulan", "tahun": 2026,
                                                     "ke": 3})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Triwulan III 2026" in html
    assert f"<td class=\"num\">{present.fmt_int(quarter['website']['total'])}</td>" in html
    assert html.count("<svg") >= 6  # every chart drawn server-side
    top_title, top_views = quarter["website"]["top_items"][0]["title"], quarter["website"]["top_items"][0]["views"]
    assert top_title in html

    response = kasubag.get("/admin/monev/laporan/unduh/pdf/", {"situs": court.site.pk, "jenis": "triwulan",
                                                                "tahun": 2026, "ke": 3})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Triwulan III 2026" in text
    assert present.fmt_int(quarter["website"]["total"]) in text
    assert top_title in text and present.fmt_int(top_views) in text
    busiest = max(quarter["publication"]["by_publisher"], key=lambda r: r["count"])
    assert busiest["name"] in text
    assert "Disusun oleh" in text and "Kepala Subbagian Perencanaan" in text  # signature block
    assert "Menyetujui" in text and "Sekretaris" in text

