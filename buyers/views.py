"""The newsletter's one-click unsubscribe (RFC 8058), outside the language prefix."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from buyers.models import NewsletterPage, Subscriber
from buyers.models.subscriber import UNSUBSCRIBE_SALT, is_signed
from core.navigation import live_page_of_type

LANGUAGES = dict(settings.LANGUAGES)


def answer_language(request, subscriber):
    """The subscriber's language; once the address is gone, the one the link names (?lang=),
    else the request's (Accept-Language)."""
    if subscriber is not None:
        return subscriber.language
    named = request.GET.get("lang", "")
    return named if named in LANGUAGES else translation.get_language_from_request(request)


def plain_text(message, language, status=200):
    response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=status)
    response["Content-Language"] = language
    return response


@csrf_exempt  # a mail client POSTs here with no page and no token of ours: the signed URL is it
@require_http_methods(["GET", "HEAD", "POST"])
def one_click_unsubscribe(request, token):
    """POST: unsubscribe at once, with no confirmation (RFC 8058); again is harmless.
    GET (the address opened in a browser): the newsletter page's unsubscribe step, which asks."""
    subscriber = Subscriber.from_token(token, UNSUBSCRIBE_SALT)
    language = answer_language(request, subscriber)
    with translation.override(language):
        if not is_signed(token, UNSUBSCRIBE_SALT):
            return plain_text(_("This link is not valid."), language, status=400)
        if request.method == "POST":
            if subscriber is not None:
                subscriber.delete()  # nothing of the address is kept
            return plain_text(_("You are unsubscribed."), language)
    page = live_page_of_type(NewsletterPage, language) or live_page_of_type(
        NewsletterPage, settings.LANGUAGE_CODE
    )
    if page is None:
        return HttpResponse(status=404)
    return HttpResponseRedirect(page.url + page.token_subpage("unsubscribe", token))
