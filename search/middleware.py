"""Counts searches outside the page cache, so a search answered from the cache counts too."""

from search import statistics


class SearchStatisticsMiddleware:
    """Place before core.page_cache's middleware: the search view marks its response with
    `search_record` (query, language, found), which a cached copy keeps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = getattr(response, "search_record", None)
        if mark and request.method == "GET" and response.status_code == 200:
            statistics.record(request, *mark)
        return response
