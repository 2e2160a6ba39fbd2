from wagtail import hooks

from . import pageviews


@hooks.register("on_serve_page")
def count_page_view(next_serve_page):
    def serve(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        pageviews.record(page, request, response)
        return response

    return serve
