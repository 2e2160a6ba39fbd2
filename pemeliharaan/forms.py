from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.courts import people_of

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
            people = get_user_model().objects.none()
            for site in courts:
                people = people | people_of(site)
            self.fields["holder"].queryset = people.distinct().order_by("username")

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
