"""Webinar list and webinar page (calendar files: test_webinar_calendar.py)."""

import datetime

from django.utils import timezone

import pytest

from tests.documents.factories import (
    LibraryDocumentFactory,
    WebinarFactory,
    WebinarIndexPageFactory,
)
from tests.html import read_page


@pytest.fixture
def webinar_index(translated_pair):
    return translated_pair(WebinarIndexPageFactory, "webinar_index")


@pytest.mark.django_db
def test_upcoming_and_past_are_separated(client, webinar_index):
    today = timezone.localdate()
    past = WebinarFactory(starts_on=today - datetime.timedelta(days=30))
    upcoming = WebinarFactory(starts_on=today + datetime.timedelta(days=10))
    response = client.get(webinar_index["en"].url)
    assert response.context["upcoming"] == [upcoming]
    assert response.context["past"].object_list == [past]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "status"), [("pt", "Página 2 de 2"), ("en", "Page 2 of 2")])
def test_past_webinars_come_a_page_at_a_time_newest_first(client, webinar_index, code, status):
    today = timezone.localdate()
    WebinarFactory.create_batch(2, starts_on=today + datetime.timedelta(days=3))
    past = [WebinarFactory(starts_on=today - datetime.timedelta(days=7 * n)) for n in range(1, 26)]
    url = webinar_index[code].url
    first = client.get(url)
    assert first.context["past"].object_list == past[:20]
    assert len(first.context["upcoming"]) == 2  # every upcoming one, on every page
    second = client.get(url, {"page": "2"})
    assert second.context["past"].object_list == past[20:]
    assert status in second.content.decode()
    assert len(second.context["upcoming"]) == 2
    for junk, number in (("0", 1), ("abc", 1), ("9" * 40, 2), ("2\x00", 1), ("-1", 1)):
        response = client.get(url, {"page": junk})
        assert response.status_code == 200
        assert response.context["past"].number == number


@pytest.mark.django_db
def test_empty_upcoming_list_says_so(client, webinar_index):
    WebinarFactory(starts_on=datetime.date(2020, 10, 13))
    pt = client.get(webinar_index["pt"].url).content.decode()
    en = client.get(webinar_index["en"].url).content.decode()
    assert "De momento, não há nenhum webinar agendado." in pt
    assert "No webinar is scheduled at the moment." in en


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_webinar_page_in_each_language(client, webinar_index, code):
    slides = LibraryDocumentFactory(category="webinar_material")
    webinar = WebinarFactory(
        title_pt="Lançar as bases da parceria para a inovação",
        title_en="Laying the Foundation for Innovation Partnership",
        starts_on=datetime.date(2020, 12, 1),
        slides=slides,
    )
    response = client.get(webinar_index[code].webinar_url(webinar))
    html = response.content.decode()
    assert response.status_code == 200
    assert read_page(response).h1 == webinar.title_pt if code == "pt" else webinar.title_en
    assert ("1 de dezembro de 2020" if code == "pt" else "1 December 2020") in html
    assert slides.url in html
    assert webinar_index[code].calendar_url(webinar) in html
    assert "Watch the recording" not in html  # no recording URL: no button
    other = "en" if code == "pt" else "pt"
    assert read_page(response).switcher[other] == webinar_index[other].webinar_url(webinar)


@pytest.mark.django_db
def test_unknown_webinar_is_a_404(client, webinar_index):
    assert client.get(webinar_index["en"].url + "no-such-webinar/").status_code == 404
    assert client.get(webinar_index["en"].url + "no-such-webinar/calendar/").status_code == 404


@pytest.mark.django_db
def test_next_or_latest_is_the_next_webinar_else_the_latest_past_one():
    from documents.models import Webinar

    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    assert Webinar.objects.next_or_latest() is None
    WebinarFactory(starts_on=today - 30 * day)
    latest_past = WebinarFactory(starts_on=today - day)
    assert Webinar.objects.next_or_latest() == latest_past
    WebinarFactory(starts_on=today + 9 * day)
    WebinarFactory(starts_on=today + 2 * day, start_time=datetime.time(15))
    morning = WebinarFactory(starts_on=today + 2 * day, start_time=datetime.time(10))
    assert Webinar.objects.next_or_latest() == morning
    today_one = WebinarFactory(starts_on=today, start_time=datetime.time(18))
    assert Webinar.objects.next_or_latest() == today_one
