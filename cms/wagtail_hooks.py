from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import court_walls, page_cache

# Wagtail screens that show pages of every court, narrowed to the user's courts (see cms/court_walls.py).
hooks.register("construct_page_chooser_queryset", court_walls.chooser_pages)
hooks.register("before_move_page", court_walls.refuse_move_not_permitted)


@hooks.register("insert_editor_js")
def autosave_guard_js():
    """Autosave keeps what is typed while its request is on the way (cms/static/cms/js/autosave-guard.js)."""
    return format_html('<script src="{}" defer></script>', static("cms/js/autosave-guard.js"))


@hooks.register("before_serve_page")
def page_cache_public_pages(page, request, serve_args, serve_kwargs):
    """A page without view restrictions (on it or above it) is the same for every anonymous visitor."""
    if getattr(request, page_cache.STATE_ATTR, None) is not None and not page.get_view_restrictions():
        from wagtail.models import Site

        page_cache.mark_cacheable(request, Site.find_for_request(request), page)


@hooks.register("register_admin_urls")
def register_add_court_url():
    from .onboarding_views import AddCourtView

    return [path("pengadilan/tambah/", AddCourtView.as_view(), name="cms_add_court")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_add_court_menu_item():
    return SuperuserMenuItem(_("Tambah pengadilan"), reverse("cms_add_court"), icon_name="site", order=610)
