"""WAGTAIL_FINISH_WORKFLOW_ACTION: what happens when the Kasubag PTIP approves the last step.

Imported by wagtail.models while it is still loading (WorkflowState.on_finish),
so this module imports nothing from Wagtail at module level.
"""

import contextvars
from contextlib import contextmanager

_via_workflow = contextvars.ContextVar("warta_publish_via_workflow", default=False)


@contextmanager
def publishing_via_workflow():
    token = _via_workflow.set(True)
    try:
        yield
    finally:
        _via_workflow.reset(token)


def is_publishing_via_workflow():
    return _via_workflow.get()


def finish_workflow(workflow_state, user=None):
    """Publish the approved revision (now, or at its go-live time), marked as the workflow's own publish."""
    from wagtail.workflows import publish_workflow_state

    with publishing_via_workflow():
        publish_workflow_state(workflow_state, user=user)
