"""The workflow that sets a court's IT programme: "Penetapan program TI" with three group approval tasks, the
court's Kasubag PTIP (proposes, SOP A2), Sekretaris (reviews, A2) and Ketua (sets, A3). Shared by the migration
(every existing court) and onboarding."""

from core import roles
from editorial import court_workflows

WORKFLOW_NAME = "Penetapan program TI"
TASKS = [("Usulan Kasubag PTIP", roles.KASUBAG), ("Telaah Sekretaris", roles.SEKRETARIS),
         ("Penetapan Ketua", roles.KETUA)]
LINK = "programti.CourtProgramWorkflow"


def setup_program_workflow(apps, site_id, name_prefix=""):
    return court_workflows.setup_court_workflow(apps, site_id, name_prefix, WORKFLOW_NAME, TASKS, LINK)


def setup_all_courts(apps, schema_editor=None):
    """Every court with a Ketua group gets its workflow."""
    court_workflows.setup_all_courts(apps, roles.KETUA, setup_program_workflow)


def onboarding_step(onboarding):
    from django.utils.translation import gettext as _

    court_workflows.onboarding_step(onboarding, LINK, setup_program_workflow,
                                    _("Alur penetapan program TI (Kasubag PTIP, Sekretaris, Ketua)"))
