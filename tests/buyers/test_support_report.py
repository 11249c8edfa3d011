"""The inbox report: requests per month and topic, median time to a first answer, CSV."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from buyers.inbox import report
from tests.querycount import assert_queries_do_not_grow

REPORT = "/admin/support-requests/report/"


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime(2026, *day, hour))


@pytest.fixture
def requests(make_request):
    def made(received, topic, answered_after_hours=None):
        item = make_request(topic=topic)
        item.submit_time = received
        if answered_after_hours is not None:
            item.first_answered_at = received + datetime.timedelta(hours=answered_after_hours)
        item.save()
        return item

    # October: procedure answered after 2, 4 and 30 hours, one not answered; IP after 10 hours.
    made(at((10, 1)), "Escolha do procedimento", 2)
    made(at((10, 5)), "Escolha do procedimento", 4)
    made(at((10, 20)), "Escolha do procedimento", 30)
    made(at((10, 21)), "Escolha do procedimento")
    made(at((10, 9)), "Intellectual property", 10)
    # November: procedure answered after 1 and 2 hours (median of an even count: 1.5).
    made(at((11, 2)), "Escolha do procedimento", 1)
    made(at((11, 3)), "Escolha do procedimento", 2)
    return made


@pytest.mark.django_db
def test_rows_per_month_and_topic_with_medians(requests):
    rows = [
        (f"{r['month']:%Y-%m}", r["topic"], r["requests"], r["answered"], r["median_hours"])
        for r in report.monthly_rows()
    ]
    assert rows == [
        ("2026-11", "Escolha do procedimento", 2, 2, 1.5),
        ("2026-10", "Escolha do procedimento", 4, 3, 4.0),
        ("2026-10", "Intellectual property", 1, 1, 10.0),
    ]
    # Waits over every answered request: 1, 2, 2, 4, 10, 30 hours.
    assert report.overall() == {"requests": 7, "answered": 6, "median_hours": 3.0}


@pytest.mark.django_db
def test_no_requests_no_median():
    assert report.monthly_rows() == []
    assert report.overall() == {"requests": 0, "answered": 0, "median_hours": None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "texts"),
    [
        ("pt", ["Pedidos por mês e tema", "outubro de 2026", "3,0 horas", "7 pedidos"]),
        ("en", ["Requests per month and topic", "October 2026", "3.0 hours", "7 requests"]),
    ],
)
def test_report_page_in_both_languages(client, member, requests, code, texts):
    client.force_login(member("Editors", code))
    html = client.get(REPORT).content.decode()
    for text in texts:
        assert text in html
    assert reverse("support_requests:report") == REPORT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "header"),
    [
        ("pt", "Mês,Tema,Pedidos,Respondido,Horas até à resposta (mediana)"),
        ("en", "Month,Topic,Requests,Answered,Median hours to answer"),
    ],
)
def test_csv_export(client, member, requests, code, header):
    client.force_login(member("Moderators", code))
    response = client.get(REPORT + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()
    assert lines == [
        header,
        "2026-11,Escolha do procedimento,2,2,1.5",
        "2026-10,Escolha do procedimento,4,3,4.0",
        "2026-10,Intellectual property,1,1,10.0",
    ]


@pytest.mark.django_db
def test_a_topic_that_looks_like_a_formula_is_quoted_in_the_csv(client, member, requests):
    requests(at((11, 5)), "=HYPERLINK(1)")
    client.force_login(member("Editors", "en"))
    body = b"".join(client.get(REPORT + "?export=csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


@pytest.mark.django_db
def test_report_queries_do_not_grow(client, member, requests):
    client.force_login(member("Editors", "en"))

    def grow():
        for day in range(1, 20):
            requests(at((9, day)), f"Topic {day}", day)

    assert_queries_do_not_grow(client, REPORT, grow, budget=20)
