"""Newsletter sign-up with double opt-in: a subscriber counts only once the link is followed."""

from django import forms
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from buyers.newsletter_mail import send_confirmation, send_welcome
from core.listing import paginate
from core.models import BasePage

from .privacy_notice import PrivacyNoticeMixin
from .subscriber import (
    CONFIRM_SALT,
    UNSUBSCRIBE_SALT,
    Subscriber,
    confirmation_age,
    is_signed,
)

# The archive's address in each language; both work on either page, links use the page's own.
ARCHIVE_ROUTES = {"pt": "archive_pt", "en": "archive"}
ISSUES_PER_PAGE = 10


class NewsletterForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    consent = forms.BooleanField(
        label=_("I agree to receive the Procure+i newsletter at this address."),
        error_messages={"required": _("Please agree to receive the newsletter.")},
    )
    # Hidden by CSS (.trap); people never see or fill it, form-filling robots do.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class NewsletterPage(RoutablePageMixin, PrivacyNoticeMixin, BasePage):
    """Sign-up form, and the confirmation and unsubscribe links the mails point to."""

    home_blurb = _("Get new documents, webinars and case studies by email.")
    max_count_per_parent = 1
    subpage_types = []  # a section: the home page type lists it among its own

    content_panels = [*BasePage.content_panels, FieldPanel("privacy_page")]

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["archive_url"] = self.url + self.archive_subpage()
        context["privacy_url"] = self.privacy_url()
        context["confirmation_days"] = settings.NEWSLETTER_CONFIRMATION_DAYS
        return context

    def render_state(self, request, state, **extra):
        context = self.get_context(request)
        context.update(state=state, **extra)
        return TemplateResponse(request, self.template, context)

    @path("")
    def sign_up(self, request):
        form = NewsletterForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if not form.cleaned_data["website"]:
                self.register(request, form.cleaned_data["email"])
            # The same answer whether the address was new, known or a robot's: nothing leaks.
            return self.render_state(request, "check-email")
        return self.render_state(request, "form", form=form)

    def register(self, request, email):
        subscriber, created = Subscriber.objects.get_or_create(
            email__iexact=email,
            defaults={"email": email, "language": self.locale.language_code},
        )
        if subscriber.confirmed_at is None:
            send_confirmation(
                subscriber,
                self.absolute_route(request, "confirm", subscriber),
                self.absolute_route(request, "unsubscribe", subscriber),
            )

    def token_subpage(self, name, token):
        """The path of the confirm or unsubscribe step below this page, for a signed token: the
        one builder of these addresses (mails, the one-click address's redirect)."""
        # The token travels in the query string: Wagtail's page URLs allow no ":" in a path.
        return self.reverse_subpage(name) + "?" + urlencode({"t": token})

    def absolute_route(self, request, name, subscriber):
        token = subscriber.confirm_token() if name == "confirm" else subscriber.unsubscribe_token()
        return request.build_absolute_uri(self.url + self.token_subpage(name, token))

    @path("confirm/", name="confirm")
    def confirm(self, request):
        token = request.GET.get("t", "")
        subscriber = Subscriber.from_token(token, CONFIRM_SALT, confirmation_age().total_seconds())
        if subscriber is None:
            return self.render_state(request, "invalid-link")
        if request.method != "POST":
            return self.render_state(request, "confirm")  # a button: mail scanners only GET
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
            send_welcome(subscriber, self.absolute_route(request, "unsubscribe", subscriber))
        return self.render_state(request, "confirmed")

    @path("unsubscribe/", name="unsubscribe")
    def unsubscribe(self, request):
        token = request.GET.get("t", "")
        subscriber = Subscriber.from_token(token, UNSUBSCRIBE_SALT)
        if subscriber is None and not is_signed(token, UNSUBSCRIBE_SALT):
            return self.render_state(request, "invalid-link")  # forged, not already used
        if request.method != "POST":
            state = "unsubscribe" if subscriber else "unsubscribed"
            return self.render_state(request, state)
        if subscriber is not None:
            subscriber.delete()  # nothing of the address is kept
        return self.render_state(request, "unsubscribed")

    def archive_subpage(self, issue=None):
        """The archive's path below this page, in the page's language; an issue's if given."""
        name = ARCHIVE_ROUTES.get(self.locale.language_code, "archive")
        if issue is None:
            return self.reverse_subpage(name)
        return self.reverse_subpage(f"{name}_issue", args=[issue.pk])

    def sent_issues(self):
        # By name: an issue's module renders mail with this page's links (buyers.newsletter_render).
        issue_model = self._meta.apps.get_model(self._meta.app_label, "NewsletterIssue")
        issues = issue_model.objects.sent().filter(language=self.locale.language_code)
        return issues.order_by("-sent_at", "-pk")

    @path("arquivo/", name="archive_pt")
    @path("archive/", name="archive")
    def archive(self, request):
        """Sent issues of this page's language, newest first; no subscriber data."""
        issues = paginate(self.sent_issues(), request.GET, ISSUES_PER_PAGE)
        for issue in issues:
            issue.archive_url = self.url + self.archive_subpage(issue)
        context = self.get_context(request)
        context.update(issues=issues, archive_url=self.url + self.archive_subpage())
        return TemplateResponse(request, "buyers/newsletter_archive.html", context)

    @path("arquivo/<int:issue_id>/", name="archive_pt_issue")
    @path("archive/<int:issue_id>/", name="archive_issue")
    def archive_issue(self, request, issue_id):
        issue = self.sent_issues().filter(pk=issue_id).first()
        if issue is None:
            raise Http404  # a draft, another language's issue, or no issue at all
        context = self.get_context(request)
        context.update(issue=issue, archive_url=self.url + self.archive_subpage())
        return TemplateResponse(request, "buyers/newsletter_issue.html", context)
