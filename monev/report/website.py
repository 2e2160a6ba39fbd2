"""The website monitoring part of the monev report (SOP B step 5, "Hasil Monev Website"): the checks run in
the period and what they found, the public-information checklist score, and the follow-up plans.

A fixed number of queries whatever the number of runs (aggregates over the period's findings)."""

import datetime

from django.db.models import Count, Max, Min, Q

from monitoring.models import BAIK, DISARANKAN, GROUPS, KRITIS, CheckRun, Finding

AVAILABILITY_CHECK = "halaman_publik"


def compute(site, window):
    runs = CheckRun.objects.filter(site=site, finished_at__isnull=False, started_at__gte=window.start,
                                   started_at__lt=window.end)
    totals = runs.aggregate(count=Count("pk"), down=Count("pk", filter=Q(
        findings__check_key=AVAILABILITY_CHECK, findings__severity=KRITIS), distinct=True))
    latest = runs.order_by("-started_at", "-pk").first()
    by_group = {key: {KRITIS: 0, DISARANKAN: 0, BAIK: 0} for key, _label in GROUPS}
    if latest is not None:
        for row in Finding.objects.filter(run=latest).values("group", "severity").annotate(n=Count("pk")):
            by_group.setdefault(row["group"], {KRITIS: 0, DISARANKAN: 0, BAIK: 0})[row["severity"]] = row["n"]
    critical = [
        {"title": row["title"], "times": row["times"], "first": row["first"].isoformat(timespec="minutes"),
         "last": row["last"].isoformat(timespec="minutes")}
        for row in Finding.objects.filter(run__in=runs, severity=KRITIS).values("title")
        .annotate(times=Count("pk"), first=Min("run__started_at"), last=Max("run__started_at")).order_by("first")[:50]
    ]
    count = totals["count"]
    return {
        "runs": count,
        "available_share": None if not count else (count - totals["down"]) / count,
        "latest": latest.started_at.isoformat(timespec="minutes") if latest else None,
        "by_group": by_group,
        "critical": critical,
        "checklist": _checklist(site, window),
        "plans": _plans(site, window),
    }


def _checklist(site, window):
    from monitoring.penilaian.scoring import court_score

    score = court_score(site, on=window.end_date)
    return {
        "total": score.total, "maximum": score.maximum, "percent": score.percent,
        "groups": [{"label": str(label), "total": sum(entry.score for entry in entries), "maximum": 2 * len(entries),
                    "missing": [str(entry.item.title) for entry in entries if entry.score == 0][:30]}
                   for _key, label, entries in score.groups],
    }


def _plans(site, window):
    from django.apps import apps

    if not apps.is_installed("editorial.tindaklanjut"):
        return None
    from editorial.step_rows import user_name
    from editorial.tindaklanjut import queries

    def row(plan):
        return {"title": plan.title, "status": str(plan.get_status_display() or "—"),
                "assignee": user_name(plan.assignee) if plan.assignee_id else "—",
                "due": plan.due_date.isoformat() if plan.due_date else None,
                "closed": plan.closed_at is not None}

    made = [row(plan) for plan in queries.plans_in_period(site, window.start_date, window.end_date)
            .select_related("assignee")]
    overdue = [row(plan) for plan in queries.overdue_plans(site, window.end_date + datetime.timedelta(days=1))
               .select_related("assignee")]
    return {"made": made, "closed": sum(1 for plan in made if plan["closed"]), "overdue": overdue}
