"""With a keyboard only: home → chooser → recommendation → case → request; staff then see it."""

import pytest

from .conftest import STAFF
from .keyboard import tab_to

CHOOSER = {"pt": "/pt/escolher-procedimento/", "en": "/en/choose-a-procedure/"}
SUPPORT = {"pt": "/pt/pedir-apoio/", "en": "/en/ask-procure-i/"}
THANKS = {"pt": "Obrigado: o seu pedido foi enviado", "en": "Thank you: your request was sent"}
# No R&D, nothing on the market, no functional specification, market already consulted;
# a goods or services contract, its value typed as a Portuguese buyer writes it.
ANSWERS = [
    ("rd", "no"),
    ("market", "no"),
    ("spec", "no"),
    ("consulted", "yes"),
    ("contract", "goods"),
    ("value", "150 000,50"),
]
SECOND_OPTION = {"no", "goods"}  # the second radio of its question


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def answer(page, key, value):
    tab_to(page, f'input[name="{key}"]')  # Tab enters the radio group on its first option
    if key == "value":
        page.keyboard.type(value)  # the one question answered with a number
    elif value in SECOND_OPTION:
        page.keyboard.press("ArrowDown")  # moves to, and selects, the second option
    else:
        page.keyboard.press("Space")
    if key != "value":
        checked = f"document.querySelector('input[name={key}]:checked').value"
        assert page.evaluate(checked) == value
    tab_to(page, "form.chooser__step button[type=submit]")
    press_enter_and_wait(page)


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


@pytest.mark.parametrize("language", ["pt", "en"])
def test_public_buyer_reaches_a_recommendation_a_case_and_sends_a_request(site, visit, language):
    base_url = site[0]
    page = visit("home", language)
    tab_to(page, f'.buyer-tools a[href="{CHOOSER[language]}"]')
    press_enter_and_wait(page)
    for key, value in ANSWERS:
        answer(page, key, value)
    assert page.locator("#recommendation-competitive-dialogue").count() == 1
    assert "consulted=yes" in page.url
    # The address to share carries the amount as read: 150 000,50 € is 150000.50.
    assert page.locator('.decision-note a[href*="&value=150000.50"]').count() >= 1
    assert page.locator("#chooser-by-value").count() == 1

    tab_to(page, '#recommendation-competitive-dialogue ~ ul a[href$="/mertola/"]')
    press_enter_and_wait(page)
    assert page.url.endswith("/mertola/")

    tab_to(page, f'.main-nav a[href="{SUPPORT[language]}"]')
    press_enter_and_wait(page)
    type_into(page, "form.portal-form input[type=text]", "Câmara X")
    page.keyboard.press("Tab")
    page.keyboard.type("Jurista")
    page.keyboard.press("Tab")
    page.keyboard.type("ana@example.pt")
    message = f"Pedido de teste por teclado ({language})."
    type_into(page, "textarea", message)
    tab_to(page, 'input[name="consent"]')
    page.keyboard.press("Space")
    tab_to(page, "form.portal-form button[type=submit]")
    press_enter_and_wait(page)
    assert THANKS[language] in page.content()

    page.goto(base_url + "/admin/login/")
    type_into(page, "#id_username", STAFF["DJANGO_SUPERUSER_USERNAME"])
    type_into(page, "#id_password", STAFF["DJANGO_SUPERUSER_PASSWORD"])
    press_enter_and_wait(page)
    page.goto(base_url + "/admin/forms/")
    hrefs = page.locator("a[href*='/admin/forms/submissions/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    pages_seen = []
    for href in sorted(set(hrefs)):
        page.goto(base_url + href)
        pages_seen.append(page.content())
    assert any(message in html for html in pages_seen)
