"""Follow-up plans for reports (the same as the QuerySet methods FollowUpPlan.objects.in_period / .overdue)."""

from .models import FollowUpPlan


def plans_in_period(site, start, end):
    """The court's plans created from start to end (dates, both included)."""
    return FollowUpPlan.objects.in_period(site, start, end).order_by("created_at")


def overdue_plans(site, on):
    """The court's plans not closed whose due date lies before `on`."""
    return FollowUpPlan.objects.overdue(site, on).order_by("due_date", "pk")
