"""The Portuguese admin never hedges a noun's gender or number (issue 26). Wagtail puts a model's
name into its messages and its pt_PT catalogue copes with «O(A) %(model_name)s … aprovado(a)»;
locale_admin/ words each one so that nothing has to agree with the name («Tem a certeza de que
quer apagar este item (setor)?»). Checked on every translation in effect, then on two screens
in Portuguese and in English."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import pytest

from casestudies.models import Sector
from editorial.admin_catalogue import DOMAINS, admin_translation, read_po, wagtail_messages
from portal.models import FAQEntry

from .admin_screens import screen_text, sign_in

pytestmark = pytest.mark.django_db

# «aprovado(a)», «O(A)», «Termo(s)», «o/a», «outro/a», «estes/as».
HEDGE = re.compile(r"(?<=\w)\((?:a|as|o|os|s|es)\)|\b(?:o/a|a/o|os/as|as/os)\b|\b\w+[oe]s?/as?\b")
MODEL_NAME = r"(?:%\((?:model_name|snippet_type_name|snippet_plural_name)\)s|\{model_name\})"
# An article or a demonstrative that agrees with the model's name («este %(model_name)s»), or
# a participle that agrees with it («%(model_name)s «%(object)s» apagado»).
AGREEMENT = re.compile(
    r"\b(?:o|a|os|as|um|uma|este|esta|estes|estas|deste|desta|novo|nova|outro|outra) "
    + MODEL_NAME
    + r"|"
    + MODEL_NAME
    + r" «[^»]*» \w+(?:ad|id)[oa]s?\b",
    re.IGNORECASE,
)


def messages(domain):
    """Wagtail's messages of the domain and the project's admin overrides, once each."""
    admin_po = Path(settings.BASE_DIR) / "locale_admin" / "pt" / "LC_MESSAGES" / f"{domain}.po"
    found = {message.key: message for message in read_po(admin_po)}
    found.update((message.key, message) for message in wagtail_messages(domain))
    return found.values()


def in_effect(translation, message):
    """Every form gettext returns for the message in the admin's Portuguese."""
    if not message.plural:
        if message.context:
            return [translation.pgettext(message.context, message.msgid)]
        return [translation.gettext(message.msgid)]
    if message.context:
        return [
            translation.npgettext(message.context, message.msgid, message.plural, n)
            for n in (0, 1, 2)
        ]
    return [translation.ngettext(message.msgid, message.plural, n) for n in (0, 1, 2)]


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_portuguese_admin_translation_hedges_gender_or_number(domain):
    translation = admin_translation(domain)
    hedged = sorted(
        f"{message.msgid!r} -> {text!r}"
        for message in messages(domain)
        for text in set(in_effect(translation, message))
        if text != message.msgid and (HEDGE.search(text) or AGREEMENT.search(text))
    )
    assert hedged == [], "\n".join(hedged)


@pytest.mark.parametrize("pattern", [HEDGE, AGREEMENT])
def test_the_patterns_find_the_hedges_wagtail_ships(pattern):
    shipped = [
        "O(A) %(model_name)s «%(title)s» foi aprovado(a) na etapa de moderação «%(task)s».",
        "Tem a certeza que quer apagar este %(model_name)s?",
        "Escolher outro/a %(object)s",
        "Termo(s) de pesquisa",
    ]
    words = ["Data/hora", "«%(object)s» (%(model_name)s) não está a aguardar moderação."]
    assert pattern.search(" ".join(shipped)) and not pattern.search(" ".join(words))


DELETE = {
    "pt": "Tem a certeza de que quer apagar este item (setor)?",
    "en": "Are you sure you want to delete this sector?",
}
SAVED = {
    "pt": "Setor «Saúde digital»: alterações guardadas.",
    "en": "Sector 'Digital health' updated.",
}


@pytest.fixture
def sector(db):
    """A sector no case study uses, so that it may be deleted."""
    return Sector.objects.create(
        slug="saude-digital", name_pt="Saúde digital", name_en="Digital health", sort_order=900
    )


def text_of(response):
    assert response.status_code == 200
    return " ".join(" ".join(screen_text(response.content.decode())).split())


@pytest.mark.parametrize("language", ["pt", "en"])
def test_a_snippets_delete_confirmation_needs_no_agreement(client, staff, sector, language):
    client = sign_in(client, staff["superuser"], language)
    url = reverse("wagtailsnippets_casestudies_sector:delete", args=[sector.pk])
    text = text_of(client.get(url))
    assert DELETE[language] in text
    assert not HEDGE.search(text), text


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_saving_a_snippet_says_so_without_agreement(client, staff, sector, role, language):
    client = sign_in(client, staff[role], language)
    url = reverse("wagtailsnippets_casestudies_sector:edit", args=[sector.pk])
    fields = {"name_pt": "Saúde digital", "name_en": "Digital health", "slug": sector.slug}
    response = client.post(url, {**fields, "sort_order": 900}, follow=True)
    text = text_of(response)
    assert SAVED[language] in text, text
    assert not HEDGE.search(text), text


SUBMITTED = {
    "pt": "A versão de «{title}» (pergunta frequente) foi submetida para aprovação na etapa de "
    "moderação «Revisão»",
    "en": 'The FAQ entry "{title}" has been submitted for approval in moderation stage "Revisão"',
}


@pytest.mark.parametrize("language", ["pt", "en"])
def test_a_moderation_email_needs_no_agreement(staff, language):
    """The subject of the e-mail moderators get when a snippet is submitted (Wagtail's
    template, the project's catalogue), in the recipient's language."""
    entry = FAQEntry.objects.first()
    with translation.override(language):
        model_name = str(FAQEntry._meta.verbose_name)
        context = {"object": entry, "task": {"name": "Revisão"}, "model_name": model_name}
        subject = render_to_string(
            "wagtailadmin/notifications/task_state_submitted_subject.txt", context
        )
        title = str(entry)  # the question in the recipient's language
    assert SUBMITTED[language].format(title=title) in " ".join(subject.split())
    assert not HEDGE.search(subject), subject
