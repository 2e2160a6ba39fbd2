"""Courts as people name them, for the monev screens' court pickers.

Who may read monev, and which courts, is editorial's monev permission policy
(editorial.permissions.monev_permission_policy), the same for the step report and for monev.
"""

from django import forms


def court_label(site):
    """A court as people call it: the site's name, else its host name (Site's own str adds port and "[default]")."""
    return site.site_name or site.hostname


class CourtChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return court_label(obj)
