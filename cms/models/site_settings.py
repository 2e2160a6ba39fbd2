from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms import court_types


@register_setting(icon="site")
class CourtSettings(BaseSiteSetting):
    """Per-site (per-court) identity: one deployment can host many courts."""

    court_name = models.CharField(_("nama pengadilan"), max_length=200, default="Pengadilan")
    short_name = models.CharField(_("nama singkat"), max_length=50, blank=True)
    tagline = models.CharField(_("moto"), max_length=200, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    fax = models.CharField(_("faksimile"), max_length=50, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    whatsapp = models.CharField(_("WhatsApp layanan"), max_length=50, blank=True)
    office_hours = models.CharField(_("jam pelayanan"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    # Where the court stands nationally (its directorate follows from the type, cms.court_types).
    court_type = models.CharField(_("jenis pengadilan"), max_length=12, choices=court_types.CHOICES, blank=True)
    appellate_court = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("pengadilan tingkat banding"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    base_form_class = court_types.CourtSettingsForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("court_name"), FieldPanel("short_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identitas"),
        ),
        # Set when the court is onboarded: it decides which directorate and appellate court see its figures.
        MultiFieldPanel(
            [FieldPanel("court_type", permission="superuser"),
             FieldPanel("appellate_court", permission="superuser")],
            heading=_("Kedudukan"), permission="superuser",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email"),
             FieldPanel("whatsapp"), FieldPanel("office_hours")],
            heading=_("Kontak"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("x_url"),
             FieldPanel("youtube_url"), FieldPanel("tiktok_url"), FieldPanel("telegram_url")],
            heading=_("Akun media sosial"),
        ),
    ]

    @classmethod
    def for_request(cls, request):
        """The court's settings, kept in the page cache's store until they (or the court) change."""
        from wagtail.models import Site

        from cms import page_cache

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        instance = page_cache.cached(request, site, "courtsettings", lambda: cls.for_site(site))
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    class Meta:
        verbose_name = _("pengaturan pengadilan")

    @property
    def directorate(self):
        return court_types.directorate_of(self.court_type)

    @property
    def social_links(self):
        names = [("facebook_url", "Facebook"), ("instagram_url", "Instagram"), ("x_url", "X"),
                 ("youtube_url", "YouTube"), ("tiktok_url", "TikTok"), ("telegram_url", "Telegram")]
        return [(label, getattr(self, field)) for field, label in names if getattr(self, field)]
