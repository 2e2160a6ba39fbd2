"""Court walls of the IT programmes: every permission is held per court (GroupSitePermission), so a user's
programmes are those of the courts where they hold it (core.courts.courts_for). Publishing is the Ketua's
approval of the workflow's last task only (SOP A3), never the editor's "Publish" action."""

from core import roles
from core.courts import courts_for
from editorial.court_workflows import CourtWorkflowPolicy

from .models import ProgramTI


def program_courts(user, action="view"):
    return courts_for(user, permission=f"programti.{action}_programti")


class ProgramPermissionPolicy(CourtWorkflowPolicy):
    publisher_role = roles.KETUA


def visible_programs(user):
    return ProgramTI.objects.filter(court__in=program_courts(user, "view"))
