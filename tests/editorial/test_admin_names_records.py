"""The admin names the portal's records as Portuguese does (issue 26): a support request is
never «Publicada» nor «Utilizado 0 vezes», each chooser agrees with the noun it chooses
(«Escolher outro tipo de procedimento»), counters and empty searches read as sentences («2
mensagens de saída», «Não há setores que correspondam à pesquisa.»); in English, the same in
English. As an editor and as a superuser, with the admin language of their profile."""

import re

from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder

import pytest

from buyers.models import SupportRequest, SupportRequestPage
from casestudies.models import CaseStudyPage
from core.outgoing_mail import store_mail
from portal.models import FAQEntry, FAQTopic

from .admin_screens import screen_text, sign_in

pytestmark = pytest.mark.django_db
LANGUAGES = ["pt", "en"]
ROLES = ["editor", "superuser"]
LIVE = {"pt": "Publicada", "en": "Live"}
USED = {"pt": r"Utilizado \d+ vez", "en": r"Used \d+ time"}
CHOOSERS = {
    "pt": [
        "Escolher outro tipo de procedimento",
        "Alterar este tipo de procedimento",
        "Escolher outro tema das perguntas frequentes",
        "Alterar este tema das perguntas frequentes",
    ],
    "en": [
        "Choose another procedure type",
        "Edit this procedure type",
        "Choose another FAQ topic",
        "Edit this FAQ topic",
    ],
}
COUNTERS = {
    "pt": ["Mensagens de saída", "2 mensagens de saída", "Criada", "2 línguas"],
    "en": ["Outgoing messages", "2 outgoing messages", "Created", "2 languages"],
}
NO_MATCH = {
    "pt": "Não há setores que correspondam à pesquisa.",
    "en": "No sectors match your query.",
}


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(" ".join(screen_text(response.content.decode())).split())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_a_support_request_is_neither_published_nor_used(client, staff, role, language):
    page = SupportRequestPage.objects.filter(locale__language_code=language).first()
    item = SupportRequest.objects.create(page=page, form_data={}, language=language, topic="CPI")
    client = sign_in(client, staff[role], language)
    text = text_of(client, reverse("support_requests:edit", args=[item.pk]))
    assert not re.search(rf"\b{LIVE[language]}\b|{USED[language]}", text), text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_a_topic_counts_its_uses_without_being_published(client, staff, role, language):
    url = AdminURLFinder(staff[role]).get_edit_url(FAQTopic.objects.first())
    text = text_of(sign_in(client, staff[role], language), url)
    assert re.search(USED[language], text) and not re.search(rf"\b{LIVE[language]}\b", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_choosers_agree_with_the_noun_they_choose(client, staff, role, language):
    client = sign_in(client, staff[role], language)
    case_study = CaseStudyPage.objects.filter(locale__language_code=language).first()
    entry_url = AdminURLFinder(staff[role]).get_edit_url(FAQEntry.objects.first())
    text = text_of(client, reverse("wagtailadmin_pages:edit", args=[case_study.pk]))
    text += " " + text_of(client, entry_url)
    assert [label for label in CHOOSERS[language] if label not in text] == []
    assert "outro/a" not in text and "outro(a)" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_counters_and_empty_searches_read_as_sentences(client, staff, language):
    for subject in ("Resposta ao pedido", "Boletim"):
        store_mail(subject, "Olá", ["ana@example.pt"])
    client = sign_in(client, staff["superuser"], language)
    text = text_of(client, reverse("outgoing_mail:list"))
    text += " " + text_of(client, reverse("wagtaillocales:index"))
    assert [words for words in COUNTERS[language] if words not in text] == []
    sectors = reverse("wagtailsnippets_casestudies_sector:list") + "?q=zzz"
    assert NO_MATCH[language] in text_of(client, sectors)
