"""Reading listing parameters from the query string: unknown or junk values are ignored."""

from django.core.paginator import Paginator

MAX_PARAM_LENGTH = 100


def clean_choice(params, name, allowed):
    """The parameter if it is one of `allowed`, else None."""
    value = params.get(name, "")
    if not isinstance(value, str) or len(value) > MAX_PARAM_LENGTH:
        return None
    return value if value in allowed else None


def clean_int(params, name, minimum=1, maximum=9999):
    """The parameter as an int within bounds, else None."""
    value = params.get(name, "")
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value[:6])
    return number if minimum <= number <= maximum else None


def paginate(items, params, per_page, count=None):
    """A page of `items`; a page number out of range gives the last page, junk the first.

    `count`, when the caller knows it already (cached), saves the COUNT query.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    page_number = params.get("page", "1")
    number = clean_int({"page": page_number}, "page", 1, 10**6)
    if number is None:
        number = 1
    return paginator.get_page(min(number, paginator.num_pages))


def query_without(params, *names):
    """The query string minus some keys (for pagination and 'remove filter' links)."""
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()
