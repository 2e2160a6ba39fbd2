"""The approval workflow of a court's follow-up plans: "Persetujuan rencana tindak lanjut" with one group
approval task for the court's Sekretaris. Shared by the migration (every existing court) and onboarding."""

from core import roles
from editorial import court_workflows

WORKFLOW_NAME = "Persetujuan rencana tindak lanjut"
TASK_NAME = "Persetujuan Sekretaris"
LINK = "tindaklanjut.CourtPlanWorkflow"


def setup_plan_workflow(apps, site_id, name_prefix=""):
    return court_workflows.setup_court_workflow(apps, site_id, name_prefix, WORKFLOW_NAME,
                                                [(TASK_NAME, roles.SEKRETARIS)], LINK)


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Sekretaris group gets its workflow."""
    court_workflows.setup_all_courts(apps, roles.SEKRETARIS, setup_plan_workflow)


def onboarding_step(onboarding):
    from django.utils.translation import gettext as _

    court_workflows.onboarding_step(onboarding, LINK, setup_plan_workflow,
                                    _("Alur persetujuan rencana tindak lanjut (Sekretaris)"))
