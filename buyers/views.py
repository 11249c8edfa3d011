"""The newsletter's one-click unsubscribe (RFC 8058), outside the language prefix."""

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from buyers.models import NewsletterPage, Subscriber
from buyers.models.newsletter import UNSUBSCRIBE_SALT, is_signed


@csrf_exempt  # a mail client POSTs here with no page and no token of ours: the signed URL is it
@require_http_methods(["GET", "HEAD", "POST"])
def one_click_unsubscribe(request, token):
    """POST: unsubscribe at once, with no confirmation (RFC 8058); again is harmless.
    GET (the address opened in a browser): the newsletter page's unsubscribe step, which asks."""
    if not is_signed(token, UNSUBSCRIBE_SALT):
        return HttpResponseBadRequest(_("This link is not valid."), content_type="text/plain")
    subscriber = Subscriber.from_token(token, UNSUBSCRIBE_SALT)
    language = subscriber.language if subscriber else translation.get_language()
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()  # nothing of the address is kept
        with translation.override(language):
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
    page = NewsletterPage.objects.live().filter(locale__language_code=language).first()
    if page is None:
        page = NewsletterPage.objects.live().first()
    if page is None:
        return HttpResponse(status=404)
    address = page.url + page.reverse_subpage("unsubscribe") + "?" + urlencode({"t": token})
    return HttpResponseRedirect(address)
