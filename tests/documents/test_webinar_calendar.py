"""Webinar calendar files: one webinar, and the subscribable calendar of all, per language."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from icalendar import Calendar

from documents.calendar import webinar_ics
from tests.documents.factories import WebinarFactory, WebinarIndexPageFactory

HOSTILE_TITLE = "Parcerias, fase 1; custos \\ prazos\r\nSegunda linha\rTerceira"


@pytest.fixture
def webinar_index(translated_pair):
    return translated_pair(WebinarIndexPageFactory, "webinar_index")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def feed_url(code):
    with translation.override(code):
        return reverse("feed_webinars_calendar")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_one_webinar_file_in_the_pages_language(client, webinar_index, code):
    webinar = WebinarFactory(
        title_pt="Deep Dive, parte 1",
        title_en="Deep Dive, part 1",
        starts_on=datetime.date(2021, 2, 1),
    )
    response = client.get(webinar_index[code].calendar_url(webinar))
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    (event,) = parse(response).events
    assert str(event["SUMMARY"]) == getattr(webinar, f"title_{code}")
    assert ("SUMMARY:Deep Dive\\, part" if code == "en" else "SUMMARY:Deep Dive\\, parte") in body
    assert str(event["UID"]) == f"webinar-{webinar.pk}-{code}@procureplus"
    assert event.decoded("DTSTART") == datetime.date(2021, 2, 1)  # a day without a time
    assert event.decoded("DTEND") == datetime.date(2021, 2, 2)
    assert str(event["URL"]).endswith(webinar_index[code].webinar_url(webinar))
    assert event.decoded("DTSTAMP").tzinfo is not None  # written in UTC, as RFC 5545 asks


@pytest.mark.django_db
def test_commas_semicolons_backslashes_and_line_breaks_are_escaped():
    webinar = WebinarFactory(title_en=HOSTILE_TITLE, description_en="Uma\nduas, três;")
    with translation.override("en"):
        body = webinar_ics(webinar, "https://portal.example.pt/en/webinars/x/").decode()
    assert (
        "SUMMARY:Parcerias\\, fase 1\\; custos \\\\ prazos\\nSegunda linha\\nTerceira\r\n" in body
    )
    assert "DESCRIPTION:Uma\\nduas\\, três\\;\r\n" in body
    assert "\r" not in body.replace("\r\n", "")  # no stray CR breaks a content line
    (event,) = Calendar.from_ical(body).events
    assert str(event["SUMMARY"]) == "Parcerias, fase 1; custos \\ prazos\nSegunda linha\nTerceira"


@pytest.mark.django_db
def test_lisbon_time_with_its_time_zone_definition():
    webinar = WebinarFactory(
        starts_on=datetime.date(2021, 7, 1), start_time=datetime.time(14, 30), duration_minutes=90
    )
    with translation.override("pt"):
        calendar = Calendar.from_ical(webinar_ics(webinar, "https://portal.example.pt/x/"))
    (event,) = calendar.events
    assert "DTSTART;TZID=Europe/Lisbon:20210701T143000" in calendar.to_ical().decode()
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2021, 7, 1, 13, 30, tzinfo=datetime.UTC
    )
    assert end - start == datetime.timedelta(minutes=90)
    (zone,) = calendar.timezones
    assert zone.tz_name == "Europe/Lisbon"


def test_long_lines_are_folded_at_75_octets():
    webinar = WebinarFactory.build(pk=1, description_pt="Contratação pública de inovação " * 10)
    with translation.override("pt"):
        body = webinar_ics(webinar, "https://portal.example.pt/x/")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "path", "name"),
    [
        ("pt", "/pt/feeds/webinars/calendar.ics", "Webinars Procure+i"),
        ("en", "/en/feeds/webinars/calendar.ics", "Procure+i webinars"),
    ],
)
def test_subscribable_calendar_lists_every_webinar(client, webinar_index, code, path, name):
    webinars = [WebinarFactory(starts_on=datetime.date(2020, 10, 13 + n)) for n in range(3)]
    webinars.append(WebinarFactory(starts_on=datetime.date.today() + datetime.timedelta(days=20)))
    assert feed_url(code) == path
    calendar = parse(client.get(path))
    assert str(calendar["X-WR-CALNAME"]) == name
    events = {str(event["UID"]): event for event in calendar.events}
    assert set(events) == {f"webinar-{w.pk}-{code}@procureplus" for w in webinars}
    for webinar in webinars:
        event = events[f"webinar-{webinar.pk}-{code}@procureplus"]
        assert str(event["SUMMARY"]) == getattr(webinar, f"title_{code}")
        assert str(event["URL"]) == "http://testserver" + webinar_index[code].webinar_url(webinar)
        assert "DTSTAMP" in event


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "label"), [("pt", "Subscrever o calendário"), ("en", "Subscribe to the calendar")]
)
def test_webinar_list_links_the_calendar(client, webinar_index, code, label):
    html = client.get(webinar_index[code].url).content.decode()
    url = feed_url(code)
    assert f'<link rel="alternate" type="text/calendar" href="{url}"' in html
    assert f'<a href="{url}" type="text/calendar">{label}</a>' in html


@pytest.mark.django_db
def test_unknown_webinar_and_missing_list_are_404(client, webinar_index):
    assert client.get(webinar_index["en"].url + "no-such-webinar/calendar/").status_code == 404
    assert client.get(webinar_index["pt"].url + "nao-existe/calendar/").status_code == 404
    webinar_index["en"].unpublish()
    assert client.get(feed_url("en")).status_code == 404
    assert client.get(feed_url("pt")).status_code == 200


@pytest.mark.django_db
def test_no_calendar_of_a_list_visitors_may_not_see(webinar_index, staff_client):
    WebinarFactory()
    client = Client()  # staff_client logs in the default client
    PageViewRestriction.objects.create(
        page=webinar_index["pt"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(feed_url("pt")).status_code == 404
    assert client.get(feed_url("en")).status_code == 200
    assert staff_client.get(feed_url("pt")).status_code == 200
