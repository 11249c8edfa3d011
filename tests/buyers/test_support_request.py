"""Ask Procure+i: stored, mailed to staff and requester, protected against spam, exported."""

from django.core import mail

import pytest

from buyers.models import SupportRequest
from tests.buyers.factories import SupportRequestPageFactory
from tests.portal.factories import ContentPageFactory

VALID = {
    "organisation": "Câmara Municipal de Exemplo",
    "role": "Técnica de contratação",
    "email_address": "ana@example.pt",
    "topic": "Choosing a procedure",
    "procurement_stage": "Preparing the procedure",
    "message": "Queremos comprar sensores inovadores para a rede de água.",
    "consent": "on",
}


@pytest.fixture
def forms(translated_pair, settings):
    settings.SUPPORT_REQUEST_RECIPIENTS = ["procureplus@example.pt"]
    return translated_pair(SupportRequestPageFactory, "ask")


def post(client, page, **changes):
    data = {**VALID, **changes}
    return client.post(page.url, {k: v for k, v in data.items() if v is not None})


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_form_asks_for_consent_with_a_link_to_the_privacy_notice(client, translated_pair, code):
    privacy = translated_pair(ContentPageFactory, "privacy")
    page = translated_pair(SupportRequestPageFactory, "ask-privacy")[code]
    page.privacy_page = privacy["pt"]
    page.save()
    html = client.get(page.url).content.decode()
    assert 'name="consent"' in html and f'href="{privacy[code].url}"' in html
    assert 'class="trap"' in html and 'name="website"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "style=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_request_is_stored_and_mailed_to_staff_and_to_the_requester(client, forms, code):
    response = post(client, forms[code])
    assert response.status_code == 200
    assert {"pt": "Obrigado", "en": "Thank you"}[code] in response.content.decode()
    submission = SupportRequest.objects.get(page=forms[code])
    assert (submission.language, submission.status) == (code, SupportRequest.Status.NEW)
    assert submission.topic == VALID["topic"]  # the form's first drop-down
    data = submission.get_data()
    assert data["organisation"] == VALID["organisation"] and data["consent"] is True
    assert "website" not in data
    staff, requester = mail.outbox
    assert staff.to == ["procureplus@example.pt"] and VALID["message"] in staff.body
    assert requester.to == ["ana@example.pt"] and VALID["message"] in requester.body
    greeting = {"pt": "recebeu o seu pedido", "en": "has received your request"}[code]
    assert greeting in requester.body


@pytest.mark.django_db
def test_page_to_address_overrides_the_setting(client, forms):
    page = forms["en"]
    page.to_address = "a@example.pt, b@example.pt"
    page.save()
    post(client, page)
    assert mail.outbox[0].to == ["a@example.pt", "b@example.pt"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": None}, "consent", "Please agree to the processing of your data."),
        ({"email_address": "not-an-address"}, "email_address", "Enter a valid email address."),
        ({"email_address": "a@b.pt\nBcc: x@y.pt"}, "email_address", "Enter a valid email"),
        ({"organisation": "Org\x00"}, "organisation", "Null characters are not allowed."),
        ({"message": "x" * 6000}, "message", "at most 5000 characters"),
        ({"topic": "Hack"}, "topic", "Select a valid choice."),
        ({"role": ""}, "role", "This field is required."),
    ],
)
def test_bad_input_is_refused_and_what_was_typed_is_kept(client, forms, changes, field, message):
    response = post(client, forms["en"], **changes)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html
    assert 'value="Técnica de contratação"' in html or field == "role"
    assert VALID["message"] in html or field == "message"
    assert not SupportRequest.objects.exists() and mail.outbox == []


@pytest.mark.django_db
def test_missing_consent_is_refused_in_portuguese(client, forms):
    html = post(client, forms["pt"], consent=None).content.decode()
    assert "Tem de aceitar o tratamento dos seus dados." in html


@pytest.mark.django_db
def test_script_in_a_field_is_escaped_when_shown_again(client, forms):
    html = post(client, forms["en"], consent=None, organisation="<script>x()</script>").content
    assert b"<script>x()</script>" not in html and b"&lt;script&gt;" in html


@pytest.mark.django_db
def test_honeypot_filled_stores_and_mails_nothing(client, forms):
    response = post(client, forms["en"], website="http://spam.example")
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert not SupportRequest.objects.exists() and mail.outbox == []


@pytest.mark.django_db
def test_rate_limit_stops_a_flood_of_requests(client, forms, settings):
    settings.PUBLIC_POST_RATE_LIMIT = 3
    statuses = [post(client, forms["en"]).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert SupportRequest.objects.count() == 3


@pytest.mark.django_db
def test_staff_see_the_request_and_export_it_as_csv(client, forms, staff_client):
    post(client, forms["en"])
    page = forms["en"]
    listing = staff_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200 and VALID["organisation"] in listing.content.decode()
    export = staff_client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    # The admin speaks Portuguese by default: the export's headings are in the editor's language.
    assert "Consentimento para o tratamento de dados" in body and VALID["organisation"] in body


@pytest.mark.django_db
def test_form_page_with_a_csrf_token_is_never_served_from_the_page_cache(client, forms, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = forms["en"]
    first = client.get(page.url)
    second = client.get(page.url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "csrftoken" in second.cookies
