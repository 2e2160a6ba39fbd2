"""SOP A5-A6: the Kasubag PTIP reports the programme's implementation (PROGRAM_LAPOR) once its activities are
done, then monitors and evaluates it (PROGRAM_MONEV): figures per programme and period (activities planned vs
done, progress per area, issues), kept as ProgramReport rows with their PDF."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import GroupSitePermission

from core import roles
from editorial import step_records
from editorial.models.standards import PROGRAM_LAPOR


def court_people(site, role):
    """The active users of the court's group for this role (those holding a per-court permission on its site)."""
    from django.contrib.auth.models import Group

    groups = Group.objects.filter(pk__in=GroupSitePermission.objects.filter(site=site).values("group_id"),
                                  name__endswith=role)
    return get_user_model().objects.filter(is_active=True, groups__in=groups).distinct().order_by("pk")


def open_reporting_if_done(program):
    """A5 starts when every activity of a programme is reported done: it waits on the court's Kasubag PTIP. Once
    only: a done activity reported again (a correction, more evidence) does not start it a second time."""
    from editorial.models import StepRecord

    activities = list(program.activities.all())
    if not activities or not all(activity.is_done for activity in activities):
        return None
    fields = step_records._object_fields(program)
    if StepRecord.objects.filter(content_type=fields["content_type"], object_id=fields["object_id"],
                                 step=PROGRAM_LAPOR).exists():
        return None
    kasubag = court_people(program.court, roles.KASUBAG).first()
    return step_records.open_step(program, PROGRAM_LAPOR, kasubag, timezone.now())
