"""The role guides (docs/panduan/*.md) inside the admin: the Help menu and the dashboard open them.

Wagtail's Help menu links to its English editor guide on the internet; court staff need the guide of
their own SOP role, in Indonesian, also on an intranet without internet access. The Markdown files
stay the single source (readable on the repository too); they are rendered with Python-Markdown and
the HTML is cleaned by nh3 with a short allow-list, so neither raw HTML in a guide nor a
``javascript:`` link ever reaches the admin page.
"""

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import nh3
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import roles


@dataclass(frozen=True)
class Guide:
    slug: str  # the file name without .md
    label: str
    roles: tuple

    @property
    def url(self):
        return reverse("editorial_guide", args=[self.slug])


GUIDES = (
    Guide("admin", _("Panduan Admin"), (roles.ADMIN,)),
    Guide("redaktur", _("Panduan Redaktur"), (roles.REDAKTUR,)),
    Guide("kasubag-ptip", _("Panduan Kasubag PTIP"), (roles.KASUBAG,)),
    Guide("sekretaris-ketua", _("Panduan Sekretaris dan Ketua"), (roles.SEKRETARIS, roles.KETUA)),
    Guide("pranata-komputer", _("Panduan Pranata Komputer"), (roles.PRANATA,)),
)
BY_SLUG = {guide.slug: guide for guide in GUIDES}
INDEX = "README"

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre",
                "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def guides_dir():
    return Path(getattr(settings, "WARTA_GUIDES_DIR", settings.BASE_DIR / "docs" / "panduan"))


def in_role(user, role):
    """Groups are named after the role, with a court prefix for every court after the first."""
    return any(name == role or name.endswith(f" {role}") or name.endswith(f"-{role}")
               for name in _group_names(user))


def _group_names(user):
    # kept on the request's user: the Help menu asks once per guide while it is built
    if not hasattr(user, "_warta_group_names"):
        user._warta_group_names = list(user.groups.values_list("name", flat=True))
    return user._warta_group_names


def guides_for(user):
    """The guides of the user's own role(s), in the SOP's order."""
    return [guide for guide in GUIDES if any(in_role(user, role) for role in guide.roles)]


def _link(tag, attribute, value):
    """nh3 keeps the attribute only if this returns it: links between guides open the admin's view."""
    if tag == "a" and attribute == "href":
        parts = urlsplit(value)
        if not parts.scheme and not parts.netloc and parts.path.endswith(".md"):
            slug = Path(parts.path).stem
            if slug in BY_SLUG:
                return BY_SLUG[slug].url + (f"#{parts.fragment}" if parts.fragment else "")
            if slug == INDEX:
                return reverse("editorial_guides")
            return None
    return value


def render(slug):
    """(title, safe HTML) of docs/panduan/<slug>.md; the first "# " line is the page's title."""
    try:
        text = (guides_dir() / f"{slug}.md").read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise Http404 from None
    title = ""
    lines = text.splitlines()
    if lines and lines[0].startswith("# "):
        title, text = lines[0][2:].strip(), "\n".join(lines[1:])
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      attribute_filter=_link, link_rel="noopener noreferrer")
    return title, mark_safe(clean)  # noqa: S308 - cleaned by nh3 above


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/guides/guide.html"
    header_icon = "help"

    @cached_property
    def rendered(self):
        if self.kwargs["slug"] not in BY_SLUG:  # only the listed guides, never another file of that folder
            raise Http404
        return render(self.kwargs["slug"])

    def get_page_title(self):
        return self.rendered[0] or BY_SLUG[self.kwargs["slug"]].label

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("editorial_guides"), "label": _("Panduan")},
                {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, body=self.rendered[1])


class GuideIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The guides of the user's role(s) first, then the index of every guide (docs/panduan/README.md)."""

    template_name = "editorial/guides/index.html"
    page_title = _("Panduan")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        title, body = render(INDEX)
        return super().get_context_data(**kwargs, own_guides=guides_for(self.request.user), body=body,
                                        index_title=title)


def my_guide(request):
    """The dashboard's link: the guide of the user's role, or the index when there is not exactly one."""
    own = guides_for(request.user)
    return redirect(own[0].url if len(own) == 1 else reverse("editorial_guides"))


def urls():
    return [
        path("panduan/", GuideIndexView.as_view(), name="editorial_guides"),
        path("panduan/saya/", my_guide, name="editorial_guide_mine"),
        path("panduan/<slug:slug>/", GuideView.as_view(), name="editorial_guide"),
    ]


# --- the Help menu ------------------------------------------------------------------------------

class RoleGuideMenuItem(MenuItem):
    """One guide in the Help menu, shown to the users of its role(s)."""

    def __init__(self, guide, order):
        super().__init__(guide.label, guide.url, name=f"panduan-{guide.slug}", icon_name="help", order=order)
        self.guide = guide

    def is_shown(self, request):
        return any(in_role(request.user, role) for role in self.guide.roles)


def help_menu_items():
    """One callable per item for the register_help_menu_item hook (Wagtail calls them once the URLs are
    loaded): the user's own guide(s) first, then every guide; Wagtail's Shortcuts item stays last."""
    return [
        *(partial(RoleGuideMenuItem, guide, 100 + number) for number, guide in enumerate(GUIDES)),
        lambda: MenuItem(_("Semua panduan"), reverse("editorial_guides"), name="panduan", icon_name="list-ul",
                         order=900),
    ]


# Wagtail's own Help items link to its English guides on the internet (what's new, editor guide).
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


def remove_wagtail_guides(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
