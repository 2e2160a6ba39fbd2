from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.widgets import AdminDocumentChooser

from .models import Pemenuhan


class PemenuhanForm(forms.ModelForm):
    class Meta:
        model = Pemenuhan
        fields = ["page", "document", "url", "note", "incomplete"]
        widgets = {"page": AdminPageChooser(), "document": AdminDocumentChooser()}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.site = site
        self.fields["note"].widget.attrs["rows"] = 3
        # The choosers render the chosen object again on an invalid form; a value that is not an id would break
        # them, so it is dropped here and reported as an error of its field.
        self.unknown = []
        if self.is_bound:
            self.data = self.data.copy()
            for name in ("page", "document"):
                value = (self.data.get(name) or "").strip()
                if value and not value.isdigit():
                    self.data[name] = ""
                    self.unknown.append(name)

    def clean(self):
        cleaned = super().clean()
        for name in self.unknown:
            self.add_error(name, _("Pilihan tidak dikenal; pilih lagi."))
        chosen = [name for name in ("page", "document", "url") if cleaned.get(name)]
        if len(chosen) > 1:
            raise forms.ValidationError(_("Pilih satu saja: halaman, dokumen atau alamat luar."))
        return cleaned
