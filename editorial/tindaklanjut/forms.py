from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.courts import people_of

from .permissions import plan_courts


class FollowUpPlanForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        courts = plan_courts(for_user, "add" if self.instance.pk is None else "change")
        if "court" in self.fields:
            self.fields["court"].queryset = courts
            if courts.count() == 1 and not self.initial.get("court"):
                self.initial["court"] = courts.first().pk
        if "assignee" in self.fields:
            from django.contrib.auth import get_user_model
            people = get_user_model().objects.none()
            for site in courts:
                people = people | people_of(site)
            self.fields["assignee"].queryset = people.distinct().order_by("username")
            self.fields["assignee"].required = True
        if "due_date" in self.fields:
            self.fields["due_date"].required = True

    def clean(self):
        cleaned = super().clean()
        court, assignee = cleaned.get("court"), cleaned.get("assignee")
        if court is not None and assignee is not None and not people_of(court).filter(pk=assignee.pk).exists():
            self.add_error("assignee", forms.ValidationError(_("Pelaksana harus pegawai pengadilan ini.")))
        return cleaned
