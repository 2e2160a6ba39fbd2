"""Serving a public page with few queries, whatever the size of the archive.

- `route`: the page at a path below the site's home page, found with one indexed query (the pages whose
  slug is one of the path's segments, below the home page, each joined with its own page type's row and
  what that type shows with it) instead of two queries per level; the page's ancestors come with it, for
  its breadcrumbs and parent link. A path through a page with routes of its
  own falls back to Wagtail's routing.
- `restricted_paths`: the tree paths of pages with a view restriction, kept in the page cache's store
  until a restriction is added, changed or removed or a page moves; a page below none of them (and not
  an alias) needs no query to know it is public.
"""

from functools import cache

from django.apps import apps
from django.http import Http404
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from cms import page_cache

RESTRICTIONS = "restrictions"
ANCESTORS_ATTR = "_warta_ancestors"


@cache
def _page_types():
    """{model: reverse accessor from Page} of the page types that extend Page directly, and the joins that
    read each with its own fields and its `serve_select_related`."""
    accessors, joins = {}, []
    for model in apps.get_models():
        link = model._meta.parents.get(Page) if issubclass(model, Page) and model is not Page else None
        if link is None:
            continue
        accessor = link.remote_field.get_accessor_name()
        accessors[model] = accessor
        joins += [accessor, *(f"{accessor}__{name}" for name in getattr(model, "serve_select_related", ()))]
    return accessors, joins


def route(root, request, path_components):
    """RouteResult for `path_components` below `root` (its specific page), or None to let Wagtail route."""
    accessors, joins = _page_types()
    depth = root.depth + len(path_components)
    candidates = (
        Page.objects.filter(slug__in=set(path_components), depth__gt=root.depth, depth__lte=depth,
                            path__startswith=root.path)
        .select_related(*joins).order_by("depth")
    )
    by_url_path = {page.url_path: page for page in candidates}
    chain, url_path = [], root.url_path
    for component in path_components:
        url_path += component + "/"
        page = by_url_path.get(url_path)
        if page is None:
            return None  # Wagtail's routing answers (a 404, or a page's own routes)
        chain.append(page)
    for page in chain:
        model = page.specific_class
        if model is None or model.route is not Page.route:
            return None
    target = chain[-1]
    if not target.live:
        raise Http404
    model = target.specific_class
    if model in accessors:
        specific = getattr(target, accessors[model])
    else:
        specific = model.objects.select_related(*getattr(model, "serve_select_related", ())).get(pk=target.pk)
    ancestors = [root, *chain[:-1]]
    specific._cached_parent_obj = ancestors[-1]
    setattr(specific, ANCESTORS_ATTR, ancestors)
    return RouteResult(specific)


def restricted_paths():
    """Tree paths of the pages that carry a view restriction."""
    store = page_cache.cache()
    key = f"restricted:{page_cache.release()}:{page_cache.snapshot_global(RESTRICTIONS)}"
    paths = store.get(key)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        store.set(key, paths, timeout=page_cache.MENU_TIMEOUT)
    return paths


def known_public(page):
    """True when `page` (routed by `route`, so its ancestors are known) is under no view restriction."""
    ancestors = getattr(page, ANCESTORS_ATTR, None)
    if ancestors is None or not page_cache.enabled():
        return False
    if any(p.alias_of_id for p in (page, *ancestors)):
        return False  # an alias follows its source page's restrictions
    return not any(page.path.startswith(path) for path in restricted_paths())


def public(queryset):
    """queryset.public() without its query when the store knows the restricted pages."""
    if not page_cache.enabled():
        return queryset.public()
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
