"""cms's part of onboarding a court (core.onboarding): the site, its home page and standard sections, and the
court settings.

The sections are those of the demo court's menu (cms/demo/pages.py: profile, public services, legal services,
public information, transparency, news, announcements), with their titles and places but without the demo's
text: the court fills them in. They are published as the system, so the court's site has its navigation from
the first day and no person is credited with pages they did not write.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page, Site

from cms import court_types
from cms.demo import court as demo_court
from cms.demo import pages as demo_pages
from cms.models import (
    AnnouncementIndexPage,
    CourtSettings,
    HomePage,
    NewsIndexPage,
    PublicInformationPage,
    StandardPage,
)
from core.onboarding import CourtSpec, valid_hostname

PAGE_MODELS = {
    demo_pages.STANDARD: StandardPage,
    demo_pages.PUBLIC_INFORMATION: PublicInformationPage,
    demo_pages.NEWS_INDEX: NewsIndexPage,
    demo_pages.ANNOUNCEMENT_INDEX: AnnouncementIndexPage,
}


class SiteTaken(ValueError):
    """The host name and port already serve another court."""


def _for_court(text, name):
    return text.replace(demo_court.COURT_NAME, name)


def _publish_new(parent, page):
    page.owner = None
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=None)
    page.save_revision(user=None).publish()
    return page


def _section(parent, spec, name, made):
    page = parent.get_children().filter(slug=spec.slug).first()
    if page is None:
        model = PAGE_MODELS[spec.kind]
        page = model(title=spec.title, slug=spec.slug, summary=_for_court(spec.summary, name), show_in_menus=True)
        if spec.kind != demo_pages.STANDARD:
            page.intro = _for_court(spec.intro, name)
        _publish_new(parent, page)
        made.append(page)
    for child in spec.children:
        _section(page, child, name, made)
    return page


def site_and_pages(onboarding):
    spec = onboarding.spec
    site = Site.objects.filter(hostname=spec.hostname, port=spec.port).select_related("root_page").first()
    if site is not None:
        home = site.root_page.specific
        if not isinstance(home, HomePage) or home.slug != spec.slug:
            raise SiteTaken(spec.hostname)
    else:
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, slug=spec.slug).first()
        if home is None:
            home = _publish_new(root, HomePage(
                title="Beranda", slug=spec.slug, seo_title=spec.name, summary=f"Situs resmi {spec.name}.",
                intro=f"Selamat datang di situs resmi {spec.name}.",
            ))
            onboarding.note(_("Beranda /%(slug)s/") % {"slug": spec.slug})
        site = Site.objects.create(hostname=spec.hostname, port=spec.port, root_page=home,
                                   site_name=spec.short_name, is_default_site=not Site.objects.exists())
        onboarding.note(_("Situs %(host)s:%(port)d") % {"host": spec.hostname, "port": spec.port})
    onboarding.site, onboarding.home = site, home
    made = []
    for section in demo_pages.MENU:
        _section(home, section, spec.name, made)
    if made:
        onboarding.note(_("%(count)d halaman bagian (menu situs)") % {"count": len(made)})

    settings, created = CourtSettings.objects.get_or_create(site=site, defaults={
        "court_name": spec.name, "short_name": spec.short_name, "court_type": spec.court_type,
        "appellate_court_id": spec.appellate_site_id,
    })
    if created:
        onboarding.note(_("Pengaturan pengadilan"))
    return site


# --- the form the command and the superusers' screen share -------------------------------------------------



def short_name_for(name, code):
    """"Pengadilan Agama Contoh" of type PA -> "PA Contoh"; a name that does not start with its type's name
    is kept whole."""
    court_type = court_types.lookup(code)
    if court_type is not None and name.lower().startswith(str(court_type.name).lower() + " "):
        return f"{court_types.SHORT[court_type.code]} {name[len(str(court_type.name)):].strip()}"
    return name


class AddCourtForm(forms.Form):
    name = forms.CharField(label=_("Nama pengadilan"), max_length=200,
                           help_text=_("Nama lengkap, misalnya «Pengadilan Agama Contoh»."))
    court_type = forms.ChoiceField(label=_("Jenis pengadilan"), choices=court_types.CHOICES)
    domain = forms.CharField(
        label=_("Domain situs"), max_length=260,
        help_text=_("Nama host situs publik pengadilan, misalnya «pa-contoh.go.id»; tambahkan «:port» bila "
                    "bukan port 80."))
    short_name = forms.CharField(
        label=_("Nama singkat"), max_length=50, required=False,
        help_text=_("Untuk nama grup peran dan menu, misalnya «PA Contoh». Kosongkan untuk dibentuk dari nama."))
    appellate_court = forms.ModelChoiceField(
        label=_("Pengadilan tingkat banding"), required=False, queryset=Site.objects.none(),
        help_text=_("Kosongkan untuk pengadilan tingkat banding itu sendiri."))
    kasubag_email = forms.EmailField(
        label=_("Surel Kasubag PTIP pertama"), required=False,
        help_text=_("Akun Kasubag PTIP dibuat dan undangan untuk membuat kata sandi dikirim ke alamat ini."))
    kasubag_username = forms.CharField(label=_("Nama pengguna Kasubag PTIP"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        court_types.offer_appellate_courts(self.fields["appellate_court"])

    def clean_domain(self):
        value = self.cleaned_data["domain"].strip().lower().rstrip("/")
        for scheme in ("https://", "http://"):
            value = value.removeprefix(scheme)
        host, _sep, port = value.partition(":")
        if not valid_hostname(host) or (port and not (port.isdigit() and 0 < int(port) < 65536)):
            raise forms.ValidationError(_("Tulis nama host saja, misalnya «pa-contoh.go.id» atau "
                                          "«pa-contoh.localhost:8000»."))
        self.cleaned_data["port"] = int(port) if port else 80
        return host

    def clean(self):
        data = super().clean()
        name, code = data.get("name", "").strip(), data.get("court_type")
        if not name or not code:
            return data
        data["short_name"] = (data.get("short_name") or "").strip() or short_name_for(name, code)
        error = court_types.appellate_error(code, data.get("appellate_court"))
        if error is not None:
            self.add_error("appellate_court", error)
        host, port = data.get("domain"), data.get("port", 80)
        if host:
            slug = CourtSpec(name=name, short_name=data["short_name"]).slug
            taken = Site.objects.filter(hostname=host, port=port).select_related("root_page").first()
            if taken is not None and taken.root_page.slug != slug:
                self.add_error("domain", _("Domain ini sudah dipakai %(site)s.")
                               % {"site": taken.site_name or taken.hostname})
            other_home = HomePage.objects.filter(depth=2, slug=slug).exclude(sites_rooted_here__hostname=host).first()
            if other_home is not None and other_home.sites_rooted_here.exists():
                self.add_error("short_name", _("Nama singkat ini sudah dipakai pengadilan lain; pilih yang lain."))
        username = (data.get("kasubag_username") or "").strip()
        email = data.get("kasubag_email") or ""
        if username or email:
            username = username or email.split("@")[0]
            existing = get_user_model().objects.filter(username=username).first()
            if existing is not None and email and existing.email.lower() != email.lower():
                self.add_error("kasubag_username", _("Nama pengguna «%(name)s» sudah dipakai orang lain.")
                               % {"name": username})
            data["kasubag_username"] = username
        return data

    def spec(self):
        data = self.cleaned_data
        appellate = data.get("appellate_court")
        return CourtSpec(
            name=data["name"].strip(), short_name=data["short_name"], court_type=court_types.lookup(
                data["court_type"]).code, hostname=data["domain"], port=data["port"],
            appellate_site_id=appellate.pk if appellate else None,
            kasubag_username=data.get("kasubag_username") or "", kasubag_email=data.get("kasubag_email") or "")
