"""The social media draft that travels with a news item or announcement (SOP C).

The Redaktur corrects it in the same review step as the page and the Kasubag
approves both together, so it lives on the page (and so in every revision).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.api import APIField

from cms import social_draft
from core import platform_rules

SOCIAL_KINDS = [platform_rules.FACEBOOK, platform_rules.INSTAGRAM, platform_rules.X, platform_rules.TELEGRAM,
                platform_rules.THREADS]
# Instagram captions cannot carry clickable links, so the page link is left out there.
LINKLESS_KINDS = {platform_rules.INSTAGRAM}


class SocialDraftFormMetaclass(type(WagtailAdminPageForm)):
    """Declares the registered extensions' form fields on each form class Wagtail builds for the page (when the
    editor or the API first needs it, after every app's ready())."""

    def __new__(mcs, name, bases, attrs, **kwargs):
        for extension in social_draft.extensions():
            for field_name, field in extension.form_fields().items():
                attrs.setdefault(field_name, field)
        return super().__new__(mcs, name, bases, attrs, **kwargs)


class SocialDraftPageForm(WagtailAdminPageForm, metaclass=SocialDraftFormMetaclass):
    """Lets the page's clean() know its parent (and so its court) while it is being created in the admin;
    the apps that send the draft add their fields and write them back (cms.social_draft)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_page_for_clean = parent_page
        for extension in social_draft.extensions():
            extension.init_form(self)

    def clean(self):
        cleaned = super().clean()
        for extension in social_draft.extensions():
            extension.clean_form(self, cleaned)
        return cleaned


class ExtensionSlot(Panel):
    """Marks where the registered extensions' panels go in the social tab; replaced when the tab is bound."""

    def __init__(self, slot, **kwargs):
        super().__init__(**kwargs)
        self.slot = slot

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "slot": self.slot}


class SocialDraftTab(ObjectList):
    """The "Media sosial" tab: the draft's own panels with the extensions' panels in their slots. The slots
    are filled when the editor is bound to its model, after every app's ready() has registered."""

    def on_model_bound(self):
        children = []
        for child in self.children:
            if isinstance(child, ExtensionSlot):
                for extension in social_draft.extensions():
                    children.extend(extension.panels(child.slot))
            else:
                children.append(child)
        self.children = children
        super().on_model_bound()


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
    # Ids of the channels this item is not posted to; the app that sends it offers them in the editor.
    social_excluded_channels = models.JSONField(_("kanal yang dilewati"), default=list, blank=True, editable=False)
    # When the item goes to the channels ({"mode": "tayang" | "slot" | "waktu", "at": ISO time}); the app that
    # sends it offers the choice in the editor and reads it when the item goes live.
    social_schedule = models.JSONField(_("waktu kiriman"), default=dict, blank=True, editable=False)
    # Readable and writable through the APIs like the rest of the page (pages add them to their api_fields).
    api_fields = [
        APIField(name, writable=True)
        for name in ("social_enabled", "social_caption", "social_caption_facebook", "social_caption_instagram",
                     "social_caption_x", "social_caption_telegram", "social_hashtags", "social_image", "social_crop")
    ]

    social_panels = [
        FieldPanel("social_enabled"),
        ExtensionSlot(social_draft.AFTER_SWITCH),
        FieldPanel("social_caption"),
        FieldPanel("social_hashtags"),
        MultiFieldPanel(
            [FieldPanel("social_caption_facebook"), FieldPanel("social_caption_instagram"),
             FieldPanel("social_caption_x"), FieldPanel("social_caption_telegram")],
            heading=_("Teks khusus per platform"), classname="collapsed",
        ),
        FieldRowPanel([FieldPanel("social_image"), FieldPanel("social_crop")], heading=_("Gambar")),
        ExtensionSlot(social_draft.END),
    ]

    class Meta:
        abstract = True

    @classmethod
    def tabs(cls, content_panels, promote_panels, settings_panels):
        return TabbedInterface([
            ObjectList(content_panels, heading=_("Konten")),
            SocialDraftTab(cls.social_panels, heading=_("Media sosial")),
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
        # What the places this item goes to refuse (each platform's caption and image rules).
        for extension in social_draft.extensions():
            for field, problems in extension.errors(self).items():
                errors.setdefault(field, []).extend(problems)
        hashtags = platform_rules.count_hashtags(self.social_hashtags)
        if hashtags > platform_rules.RULES[platform_rules.INSTAGRAM].max_hashtags:
            errors.setdefault("social_hashtags", []).append(
                _("Instagram menerima paling banyak 30 tagar; isian ini memuat %(count)d.") % {"count": hashtags}
            )
        if errors:
            raise ValidationError(errors)
