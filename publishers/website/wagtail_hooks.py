from wagtail import hooks

from . import conf
from .panels import StaticSyncPanel, failures_for


@hooks.register("construct_homepage_panels")
def static_sync_panel(request, panels):
    if conf.enabled():
        failures = list(failures_for(request.user))
        if failures:
            panels.append(StaticSyncPanel(failures))
