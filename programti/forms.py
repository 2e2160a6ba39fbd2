from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.courts import people_of, people_of_courts

from .permissions import program_courts


class ActivityForm(WagtailAdminModelForm):
    """One activity row: its person responsible is one of the people of the user's courts."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "responsible" in self.fields:
            self.fields["responsible"].queryset = people_of_courts(program_courts(for_user, "change")
                                                                   | program_courts(for_user, "add"))


class ProgramForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        courts = program_courts(for_user, "add" if self.instance.pk is None else "change")
        if "court" in self.fields:
            self.fields["court"].queryset = courts
            if courts.count() == 1 and not self.initial.get("court"):
                self.initial["court"] = courts.first().pk

    def clean(self):
        cleaned = super().clean()
        court = cleaned.get("court")
        year = cleaned.get("year")
        if year is not None and not 2000 <= year <= 2100:
            self.add_error("year", forms.ValidationError(_("Tahun tidak wajar.")))
        formset = self.formsets.get("activities")
        if court is not None and formset is not None:
            formset.is_valid()  # its rows are cleaned before they are checked against the court
            people = people_of(court)
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                person = form.cleaned_data.get("responsible")
                if person is not None and not people.filter(pk=person.pk).exists():
                    form.add_error("responsible", forms.ValidationError(
                        _("Penanggung jawab harus pegawai pengadilan ini.")))
                start, end = form.cleaned_data.get("month_start"), form.cleaned_data.get("month_end")
                if start and end and int(end) < int(start):
                    form.add_error("month_end", forms.ValidationError(
                        _("Bulan selesai tidak boleh sebelum bulan mulai.")))
        return cleaned
