"""The social media draft that travels with a news item or announcement (SOP C).

The Redaktur corrects it in the same review step as the page and the Kasubag
approves both together, so it lives on the page (and so in every revision).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface

from publishers import platform_rules
from publishers.social.media import edit_time_errors
from publishers.social.panels import SocialStatusPanel

SOCIAL_KINDS = [platform_rules.FACEBOOK, platform_rules.INSTAGRAM, platform_rules.X, platform_rules.TELEGRAM]
# Instagram captions cannot carry clickable links, so the page link is left out there.
LINKLESS_KINDS = {platform_rules.INSTAGRAM}


class SocialDraftPageForm(WagtailAdminPageForm):
    """Lets the page's clean() know its parent (and so its court) while it is being created in the admin."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_page_for_clean = parent_page


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

    social_panels = [
        FieldPanel("social_enabled"),
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
        """The page's public URL, or a stand-in of the same shape before it has one."""
        url = self.full_url if self.pk and self.url_path else None
        return url or f"https://example.go.id/{self.slug or 'berita'}/"

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
        for kind in SOCIAL_KINDS:
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
