"""The social media draft that travels with a news item or announcement (SOP C).

The Redaktur corrects it in the same review step as the page and the Kasubag
approves both together, so it lives on the page (and so in every revision).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField

from core import platform_rules
from publishers.social.media import court_accounts, edit_time_errors, excluded_ids, page_kinds
from publishers.social.panels import SocialStatusPanel

SOCIAL_KINDS = [platform_rules.FACEBOOK, platform_rules.INSTAGRAM, platform_rules.X, platform_rules.TELEGRAM]
# Instagram captions cannot carry clickable links, so the page link is left out there.
LINKLESS_KINDS = {platform_rules.INSTAGRAM}


class ChannelCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that also say they were on the page: unticked boxes send nothing, so without the marker
    "every channel unticked" could not be told from a form that never showed them (an API write)."""

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer)
        return format_html('{}<input type="hidden" name="{}-shown" value="1">', boxes, name)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-shown" not in data


class SocialDraftPageForm(WagtailAdminPageForm):
    """Lets the page's clean() know its parent (and so its court) while it is being created in the admin,
    and offers the court's channels, each ticked unless this item leaves it out."""

    social_channels = forms.TypedMultipleChoiceField(
        label=_("Kirim ke kanal"), required=False, coerce=int, widget=ChannelCheckboxes,
        help_text=_("Hapus centang kanal yang tidak perlu menerima konten ini. Pilihan ini disimpan bersama "
                    "konten, sehingga Redaktur dan Kasubag PTIP melihat dan dapat mengubahnya."),
    )

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_page_for_clean = parent_page
        if "social_channels" in self.fields:
            self.channels = list(court_accounts(self.instance))
            if not self.channels:
                del self.fields["social_channels"]  # nothing connected: the preview says so
            else:
                left_out = excluded_ids(self.instance)
                field = self.fields["social_channels"]
                field.choices = [(account.pk, f"{account.get_platform_display()}: {account.name}")
                                 for account in self.channels]
                field.initial = [account.pk for account in self.channels if account.pk not in left_out]

    def clean(self):
        cleaned = super().clean()
        name = self.add_prefix("social_channels")
        if "social_channels" in self.fields and f"{name}-shown" in self.data:
            ticked = set(cleaned.get("social_channels") or [])
            offered = {account.pk for account in self.channels}
            # A channel that is inactive now keeps the item's choice for when it is active again.
            kept = [pk for pk in sorted(excluded_ids(self.instance)) if pk not in offered]
            self.instance.social_excluded_channels = sorted(kept + [pk for pk in offered if pk not in ticked])
        return cleaned


class SocialDraftMixin(models.Model):
    base_form_class = SocialDraftPageForm

    social_enabled = models.BooleanField(
        _("posting ke media sosial"), default=True,
        help_text=_("Jika dicentang, konten ini dikirim ke akun media sosial pengadilan saat diterbitkan."),
    )
    social_caption = models.TextField(
        _("teks utama"), blank=True,
        help_text=_("Dipakai untuk semua platform kecuali yang diisi teks khusus di bawah."),
    )
    social_caption_facebook = models.TextField(_("teks khusus Facebook"), blank=True)
    social_caption_instagram = models.TextField(_("teks khusus Instagram"), blank=True)
    social_caption_x = models.TextField(_("teks khusus X"), blank=True)
    social_caption_telegram = models.TextField(_("teks khusus Telegram"), blank=True)
    social_hashtags = models.CharField(
        _("tagar"), max_length=500, blank=True, help_text=_("Contoh: #PengadilanNegeri #LayananPublik")
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("gambar untuk media sosial"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Kosongkan untuk memakai gambar utama. Pemotongan mengikuti titik fokus gambar."),
    )
    SOCIAL_CROPS = [
        ("portrait", _("Potret 4:5 (disarankan untuk Instagram)")),
        ("square", _("Persegi 1:1")),
        ("landscape", _("Lanskap 1,91:1")),
    ]
    social_crop = models.CharField(_("pemotongan gambar"), max_length=20, choices=SOCIAL_CROPS, default="square")
    # Ids of the court's channels this item is not posted to; the editor offers it as ticks (social_channels).
    social_excluded_channels = models.JSONField(_("kanal yang dilewati"), default=list, blank=True, editable=False)
    # Readable and writable through the APIs like the rest of the page (pages add them to their api_fields).
    api_fields = [
        APIField(name, writable=True)
        for name in ("social_enabled", "social_caption", "social_caption_facebook", "social_caption_instagram",
                     "social_caption_x", "social_caption_telegram", "social_hashtags", "social_image", "social_crop")
    ]

    social_panels = [
        FieldPanel("social_enabled"),
        FieldPanel("social_channels"),
        FieldPanel("social_caption"),
        FieldPanel("social_hashtags"),
        MultiFieldPanel(
            [FieldPanel("social_caption_facebook"), FieldPanel("social_caption_instagram"),
             FieldPanel("social_caption_x"), FieldPanel("social_caption_telegram")],
            heading=_("Teks khusus per platform"), classname="collapsed",
        ),
        FieldRowPanel([FieldPanel("social_image"), FieldPanel("social_crop")], heading=_("Gambar")),
        SocialStatusPanel(),
    ]

    class Meta:
        abstract = True

    @classmethod
    def tabs(cls, content_panels, promote_panels, settings_panels):
        return TabbedInterface([
            ObjectList(content_panels, heading=_("Konten")),
            ObjectList(cls.social_panels, heading=_("Media sosial")),
            ObjectList(promote_panels, heading=_("Promosi")),
            ObjectList(settings_panels, heading=_("Pengaturan")),
        ])

    def social_image_or_hero(self):
        return self.social_image or getattr(self, "hero_image", None)

    def social_link(self):
        """The page's public URL; before it has one, the URL it will get (its parent's URL and slug).

        Only used for counting before the page exists; posts are made from published pages.
        """
        if self.pk and self.url_path:
            url = self.full_url
            if url:
                return url
        parent = getattr(self, "_parent_page_for_clean", None)
        base = (parent.specific_deferred.full_url or "") if parent is not None else ""
        return f"{base or 'https://example.go.id/'}{self.slug or 'berita'}/"

    def social_text(self, kind):
        """The full text to post on one platform: caption, hashtags and (except Instagram) the link."""
        caption = (getattr(self, f"social_caption_{kind}", "") or self.social_caption or self.title).strip()
        parts = [caption]
        if self.social_hashtags.strip():
            parts.append(self.social_hashtags.strip())
        if kind not in LINKLESS_KINDS:
            parts.append(self.social_link())
        return "\n\n".join(parts)

    def clean_social_draft(self):
        if not self.social_enabled:
            return
        errors = {}
        # Only the platforms this item goes to: the court's active channels it does not leave out.
        for kind in page_kinds(self):
            problems = platform_rules.caption_errors(kind, self.social_text(kind))
            if problems:
                override = f"social_caption_{kind}"
                field = override if getattr(self, override) else "social_caption"
                errors.setdefault(field, []).extend(problems)
        # image size, format and aspect for the platforms this court has connected
        for field, problems in edit_time_errors(self).items():
            errors.setdefault(field, []).extend(problems)
        hashtags = platform_rules.count_hashtags(self.social_hashtags)
        if hashtags > platform_rules.RULES[platform_rules.INSTAGRAM].max_hashtags:
            errors.setdefault("social_hashtags", []).append(
                _("Instagram menerima paling banyak 30 tagar; isian ini memuat %(count)d.") % {"count": hashtags}
            )
        if errors:
            raise ValidationError(errors)
