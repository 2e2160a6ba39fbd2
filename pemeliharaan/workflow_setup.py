"""The workflow that checks a court's maintenance schedule: "Pemeriksaan jadwal pemeliharaan" with one group
approval task, the court's Kasubag PTIP (SOP D2). Shared by the migration (every existing court) and onboarding."""

from core import roles
from editorial import court_workflows

WORKFLOW_NAME = "Pemeriksaan jadwal pemeliharaan"
TASK_NAME = "Pemeriksaan Kasubag PTIP"
LINK = "pemeliharaan.CourtMaintenanceWorkflow"


def setup_maintenance_workflow(apps, site_id, name_prefix=""):
    return court_workflows.setup_court_workflow(apps, site_id, name_prefix, WORKFLOW_NAME,
                                                [(TASK_NAME, roles.KASUBAG)], LINK)


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Kasubag PTIP group gets its workflow."""
    court_workflows.setup_all_courts(apps, roles.KASUBAG, setup_maintenance_workflow)


def onboarding_step(onboarding):
    from django.utils.translation import gettext as _

    court_workflows.onboarding_step(onboarding, LINK, setup_maintenance_workflow,
                                    _("Alur pemeriksaan jadwal pemeliharaan (Kasubag PTIP)"))
