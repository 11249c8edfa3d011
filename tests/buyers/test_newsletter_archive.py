"""The public archive of sent issues, per language: no drafts, no subscriber data, bad input
answered, a query count that does not grow, and cached pages that change when an issue is sent."""

from django.utils import timezone

import pytest

from buyers import newsletter_sending
from buyers.models import NewsletterDelivery, NewsletterIssue
from core.page_cache import is_content
from tests.buyers.factories import NewsletterIssueFactory, NewsletterPageFactory, SubscriberFactory
from tests.querycount import assert_queries_do_not_grow

ARCHIVE = {"pt": "arquivo/", "en": "archive/"}
TITLE = {"pt": "Arquivo da newsletter", "en": "Newsletter archive"}


@pytest.fixture
def pages(translated_pair):
    return translated_pair(NewsletterPageFactory, "newsletter")


def sent(language, subject, **kwargs):
    return NewsletterIssueFactory(
        language=language,
        subject=subject,
        status=NewsletterIssue.Status.SENT,
        sent_at=timezone.now(),
        **kwargs,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_archive_lists_sent_issues_of_its_language_only(client, pages, code):
    other = "en" if code == "pt" else "pt"
    mine = sent(code, f"Issue in {code}", intro="Intro of the issue")
    sent(other, f"Issue in {other}")
    NewsletterIssueFactory(language=code, subject="Still a draft")
    SubscriberFactory(email="secret@example.pt", language=code, confirmed_at=timezone.now())
    page = pages[code]
    response = client.get(page.url + ARCHIVE[code])
    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE[code] in html and f"Issue in {code}" in html and "Intro of the issue" in html
    assert f"Issue in {other}" not in html and "Still a draft" not in html
    assert "secret@example.pt" not in html
    detail = f"{page.url}{ARCHIVE[code]}{mine.pk}/"
    assert f'href="{detail}"' in html
    issue_html = client.get(detail).content.decode()
    assert "Item 1" in issue_html and 'href="https://example.pt/1/"' in issue_html
    assert ARCHIVE[code] in client.get(page.url).content.decode()  # the sign-up page links it


@pytest.mark.django_db
def test_both_archive_addresses_work_on_either_page(client, pages):
    sent("en", "English issue")
    assert "English issue" in client.get(pages["en"].url + "arquivo/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_junk_in_the_archive_is_answered_without_error(client, pages, code):
    page = pages[code]
    draft = NewsletterIssueFactory(language=code)
    foreign = sent("en" if code == "pt" else "pt", "Other language")
    for issue_id in (draft.pk, foreign.pk, 999999):
        assert client.get(f"{page.url}{ARCHIVE[code]}{issue_id}/").status_code == 404
    assert client.get(f"{page.url}{ARCHIVE[code]}abc/").status_code == 404
    for _number in range(12):
        sent(code, "Old issue")
    for query in ("?page=999", "?page=abc", "?page=-1", "?page=%00"):
        response = client.get(page.url + ARCHIVE[code] + query)
        assert response.status_code == 200, query
    last = client.get(page.url + ARCHIVE[code] + "?page=999").content.decode()
    assert last.count("Old issue") == 2  # out of range: the last page (12 issues, 10 a page)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_archive_queries_do_not_grow_with_issues(client, pages, code):
    sent(code, "First")
    url = pages[code].url + ARCHIVE[code]
    assert_queries_do_not_grow(
        client, url, lambda: [sent(code, f"More {n}") for n in range(8)], budget=20
    )
    issue = NewsletterIssue.objects.sent().filter(language=code).first()
    assert_queries_do_not_grow(
        client, f"{url}{issue.pk}/", lambda: sent(code, "Even more"), budget=20
    )


@pytest.mark.django_db
def test_sending_an_issue_changes_the_cached_archive(
    client, pages, settings, django_capture_on_commit_callbacks
):
    assert is_content(NewsletterIssue) and not is_content(NewsletterDelivery)
    settings.PAGE_CACHE_SECONDS = 600
    SubscriberFactory(language="pt", confirmed_at=timezone.now())
    url = pages["pt"].url + "arquivo/"
    assert "Edição de abril" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_sending.start_sending(NewsletterIssueFactory(subject="Edição de abril"))
    assert "Edição de abril" in client.get(url).content.decode()


@pytest.mark.django_db
def test_sitemap_lists_each_sent_issue_in_its_language(client, pages):
    from tests.portal.test_sitemaps import BASE, section

    pages["pt"].save_revision().publish()
    pages["en"].save_revision().publish()
    portuguese = sent("pt", "Edição")
    english = sent("en", "Issue")
    NewsletterIssueFactory(language="pt")  # a draft: not listed
    entries = section(client, "newsletter")
    assert set(entries) == {
        f"{BASE}{pages['pt'].url}arquivo/{portuguese.pk}/",
        f"{BASE}{pages['en'].url}archive/{english.pk}/",
    }
    assert entries[f"{BASE}{pages['en'].url}archive/{english.pk}/"][1] == {
        "en": f"{BASE}{pages['en'].url}archive/{english.pk}/"
    }


SENT_DATE = {"pt": "6 de dezembro de 2026", "en": "6 December 2026"}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_archive_and_issue_write_the_date_as_the_language_does(client, pages, code):
    # 00:30 in Lisbon on 6 December is still 5 December nowhere: the portal's time zone counts.
    moment = timezone.make_aware(timezone.datetime(2026, 12, 6, 0, 30))
    issue = sent(code, f"Dated issue {code}")
    NewsletterIssue.objects.filter(pk=issue.pk).update(sent_at=moment)
    html = client.get(pages[code].url + ARCHIVE[code]).content.decode()
    assert SENT_DATE[code] in html
    assert "Dezembro" not in html and "December 6" not in html
