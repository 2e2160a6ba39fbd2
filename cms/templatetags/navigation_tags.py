"""Site navigation built from the page tree: the main menu and breadcrumbs.

The menu is two levels deep (top-level pages under the site root and their
children), both with "show in menus" ticked. It costs one query per request:
both levels are read at once and the result is kept on the request, so the
header and any other caller share it, and across requests in the page cache's
store until a publication changes the court (cms/page_cache.py).
"""

from django import template
from wagtail.models import Page, Site

register = template.Library()

MENU_CACHE_ATTR = "_warta_menu_tree"


class MenuItem:
    """One entry of the main menu; `children` holds the second level."""

    def __init__(self, page):
        self.page = page
        self.children = []

    def is_active(self, current):
        """True when `current` is this page or lies below it (for aria-current / highlighting)."""
        return current is not None and current.path.startswith(self.page.path)


def _site_for(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _menu_pages(site):
    root = site.root_page
    return (
        Page.objects.live().in_menu()
        .filter(path__startswith=root.path, depth__in=(root.depth + 1, root.depth + 2))
        .order_by("path")
    )


def menu_signature(site):
    """What the menu shows of each entry, in order: it changed iff this changed (cms/page_cache.py)."""
    return [(p.pk, p.path, p.depth, p.title, p.url_path) for p in
            _menu_pages(site).only("pk", "path", "depth", "title", "url_path")]


def menu_tree(request, site):
    """The menu of `site` as a list of MenuItem, read once per request.

    It is also kept in the page cache's store under the court's generation, which a publication that
    changes the menu (or anything court-wide) renews: the menu costs no query until then.
    """
    cached = getattr(request, MENU_CACHE_ATTR, None)
    if cached is not None:
        return cached
    from cms import page_cache

    key = None
    if page_cache.enabled():
        tokens = page_cache.site_generation(request, site)
        key = f"menu:{page_cache.release()}:{site.pk}:{':'.join(tokens)}"
        items = page_cache.cache().get(key)
        if items is not None:
            if request is not None:
                setattr(request, MENU_CACHE_ATTR, items)
            return items
    root = site.root_page
    items, by_path = [], {}
    for page in _menu_pages(site):
        if page.depth == root.depth + 1:
            item = MenuItem(page)
            items.append(item)
            by_path[page.path] = item
        else:
            # A child shows only under a parent that is itself in the menu.
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:
                parent.children.append(MenuItem(page))
    if key is not None:
        page_cache.cache().set(key, items, timeout=page_cache.MENU_TIMEOUT)
    if request is not None:
        setattr(request, MENU_CACHE_ATTR, items)
    return items


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = _site_for(context)
    current = context.get("page")
    items = menu_tree(request, site) if site else []
    entries = []
    for item in items:
        entries.append({
            "page": item.page,
            "active": item.is_active(current),
            "current": current is not None and current.pk == item.page.pk,
            "children": [
                {"page": child.page, "current": current is not None and current.pk == child.page.pk,
                 "active": child.is_active(current)}
                for child in item.children
            ],
        })
    home = site.root_page if site else None
    return {
        "request": request,
        "home": home,
        "home_current": home is not None and current is not None and current.pk == home.pk,
        "entries": entries,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, label=""):
    """Ancestors of `page` from the site root, then the page itself (aria-current).

    Pages outside the tree (search, 404) pass `label` for the last crumb instead.
    """
    request = context.get("request")
    site = _site_for(context)
    if site is None:
        return {"crumbs": []}
    root = site.root_page
    if page is not None:
        if page.pk == root.pk:
            return {"crumbs": []}  # the home page needs no trail
        from cms.serving import ANCESTORS_ATTR

        ancestors = getattr(page, ANCESTORS_ATTR, None)  # routed by cms.serving: known without a query
        if ancestors is None:
            ancestors = list(
                Page.objects.ancestor_of(page).filter(depth__gte=root.depth, path__startswith=root.path)
                .order_by("depth")
            )
        current_title = page.title
    else:
        ancestors = [root]
        current_title = label
    return {"request": request, "root": root, "ancestors": ancestors, "current_title": current_title,
            "crumbs": ancestors}
