from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site

from cms.sanitise import clean_query_text

RESULTS_PER_PAGE = 10


def search(request):
    """Public site search (the database backend; one search per site)."""
    query = clean_query_text(request.GET.get("q", ""))
    page_number = request.GET.get("halaman", 1)
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().specific()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.search(query)
        Query.get(query).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(page_number)
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(request, "search/search.html", {"query": query, "page_obj": page_obj})
