from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.courts import people_of, people_of_courts

from .models import Asset
from .permissions import asset_courts


class AssetForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        courts = asset_courts(for_user, "add" if self.instance.pk is None else "change")
        if "court" in self.fields:
            self.fields["court"].queryset = courts
            if courts.count() == 1 and not self.initial.get("court"):
                self.initial["court"] = courts.first().pk
        if "holder" in self.fields:
            self.fields["holder"].queryset = people_of_courts(courts)

    def clean(self):
        cleaned = super().clean()
        court, holder, code = cleaned.get("court"), cleaned.get("holder"), cleaned.get("code")
        if court is not None and holder is not None and not people_of(court).filter(pk=holder.pk).exists():
            self.add_error("holder", forms.ValidationError(_("Pemegang harus pegawai pengadilan ini.")))
        if court is not None and code:
            clash = self._meta.model.objects.filter(court=court, code=code).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("code", forms.ValidationError(_("Kode aset ini sudah terdaftar di pengadilan ini.")))
        return cleaned


class MaintenanceTaskForm(WagtailAdminModelForm):
    """One row of the schedule: its asset and its assignee are of the user's courts."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        from .permissions import schedule_courts

        courts = schedule_courts(for_user, "change") | schedule_courts(for_user, "add")
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = people_of_courts(courts)
        if "asset" in self.fields:
            self.fields["asset"].queryset = Asset.objects.filter(court__in=courts)


class ScheduleForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        from .permissions import schedule_courts

        courts = schedule_courts(for_user, "add" if self.instance.pk is None else "change")
        if "court" in self.fields:
            self.fields["court"].queryset = courts
            if courts.count() == 1 and not self.initial.get("court"):
                self.initial["court"] = courts.first().pk

    def clean(self):
        cleaned = super().clean()
        court, year = cleaned.get("court"), cleaned.get("year")
        if year is not None and not 2000 <= year <= 2100:
            self.add_error("year", forms.ValidationError(_("Tahun tidak wajar.")))
            year = None
        formset = self.formsets.get("tasks")
        if formset is None:
            return cleaned
        formset.is_valid()  # its rows are cleaned before they are checked against the court and the year
        people = people_of(court) if court is not None else None
        rows = 0
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue  # an empty new row
            rows += 1
            asset, person, first = (form.cleaned_data.get(name) for name in ("asset", "assignee", "first_date"))
            if court is not None and asset is not None and asset.court_id != court.pk:
                form.add_error("asset", forms.ValidationError(_("Aset harus aset pengadilan ini.")))
            if people is not None and person is not None and not people.filter(pk=person.pk).exists():
                form.add_error("assignee", forms.ValidationError(_("Pelaksana harus pegawai pengadilan ini.")))
            if year is not None and first is not None and first.year != year:
                form.add_error("first_date", forms.ValidationError(
                    _("Tanggal pertama harus di tahun jadwal (%(year)s).") % {"year": year}))
        if not rows and self.data.get("action-submit"):
            raise forms.ValidationError(_("Jadwal yang diajukan harus berisi paling sedikit satu pekerjaan."))
        return cleaned
