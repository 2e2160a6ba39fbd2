"""SOP compliance: time each editorial step took (in the court's working hours) against its Mutu Baku standard.

Read from editorial's StepRecord ledger: one query for every finished step in
the period, then medians, 90th percentiles and the share that met the standard
per step and per person. A pass is counted in the period in which it finished;
cancelled passes (a withdrawn submission) are no measure of anyone's work.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from editorial.durations import met_standard
from editorial.models import StepRecord
from editorial.models.standards import EDITORIAL_STEPS, WORKFLOW_STEPS

from . import stats
from .publication import person_name


def _summary(entries):
    durations = sorted(seconds for seconds, _standard, _outcome in entries)
    verdicts = [met_standard(seconds, standard) for seconds, standard, _outcome in entries]
    measured = [verdict for verdict in verdicts if verdict is not None]
    met = sum(measured)
    standards = sorted({standard for _seconds, standard, _outcome in entries if standard})
    return {
        "count": len(entries),
        "median_seconds": stats.median(durations),
        "p90_seconds": stats.p90(durations),
        "standard_minutes": standards,  # an item with a social draft has a longer standard (SOP B + C)
        "measured": len(measured),
        "met": met,
        "met_share": stats.share(met, len(measured)),
        "returned": sum(1 for _seconds, _standard, outcome in entries if outcome == StepRecord.REJECTED),
    }


def finished_records(site, window):
    return (StepRecord.objects.filter(site=site, finished_at__gte=window.start, finished_at__lt=window.end,
                                      working_seconds__isnull=False)
            .exclude(outcome=StepRecord.CANCELLED))


def compute(site, window, previous_window):
    username = "actor__" + get_user_model().USERNAME_FIELD
    rows = finished_records(site, window).values_list(
        "step", "actor_id", "actor__first_name", "actor__last_name", username, "working_seconds",
        "standard_minutes", "outcome",
    ).order_by()
    per_step, per_person, names = {}, {}, {}
    for step, actor_id, first, last, login, seconds, standard, outcome in rows:
        entry = (seconds, standard, outcome)
        per_step.setdefault(step, []).append(entry)
        per_person.setdefault((step, actor_id), []).append(entry)
        names[actor_id] = person_name(first, last, login) if actor_id else _("(tidak tercatat)")

    steps = []
    for step, label in WORKFLOW_STEPS:
        if step not in EDITORIAL_STEPS and step not in per_step:
            continue  # another procedure's step (follow-up plans, SOP A and D) with none in the period
        summary = _summary(per_step.get(step, []))
        summary.update(step=step, label=str(label))
        people = [dict(_summary(entries), name=names[actor_id])
                  for (step_key, actor_id), entries in per_person.items() if step_key == step]
        summary["people"] = sorted(people, key=lambda r: (-r["count"], r["name"]))
        steps.append(summary)

    measured = sum(s["measured"] for s in steps)
    met = sum(s["met"] for s in steps)
    previous = finished_records(site, previous_window).values_list("working_seconds", "standard_minutes").order_by()
    previous_met = [verdict for verdict in (met_standard(*row) for row in previous) if verdict is not None]
    return {
        "steps": steps,
        "measured": measured,
        "met": met,
        "met_share": stats.share(met, measured),
        "previous_met_share": stats.share(sum(previous_met), len(previous_met)),
    }
