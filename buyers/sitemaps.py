"""The sitemap's section for the newsletter archive: each sent issue's page, in its language."""

from django.utils.functional import cached_property

from buyers.models import NewsletterIssue, NewsletterPage
from core.sitemaps import TranslatedSitemap, site_pages


class NewsletterIssueSitemap(TranslatedSitemap):
    """An issue is written in one language: one address, with no alternates."""

    @cached_property
    def newsletter_pages(self):
        """{language: (newsletter page, its path)} of the request's site."""
        pages = NewsletterPage.objects.filter(pk__in=site_pages(self.request).values("pk"))
        return {
            page.locale.language_code: (page, page.get_url(self.request))
            for page in pages.select_related("locale")
        }

    def items(self):
        issues = NewsletterIssue.objects.sent().filter(language__in=list(self.newsletter_pages))
        return issues.order_by("pk").values_list("pk", "language", "sent_at", named=True)

    def entries(self, issues):
        for issue in issues:
            page, path = self.newsletter_pages[issue.language]
            address = path + page.archive_subpage(issue)
            yield address, issue.sent_at, {issue.language: address}
