from django.shortcuts import render


def page_not_found(request, exception=None):
    """The 404 page in the visitor's language, with the switcher pointing at each home page."""
    return render(request, "404.html", {"is_error_page": True}, status=404)
