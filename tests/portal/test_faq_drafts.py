"""From an answered support request to an FAQ draft, moderated before it is public."""

import json
import re

from django.urls import reverse

import pytest

from buyers.inbox.answer import send_answer
from portal.faq_drafts import without_personal_data
from portal.models import FAQEntry
from tests.portal.factories import FAQEntryFactory, FAQPageFactory, FAQTopicFactory

ANSWER = (
    "Sim. A consulta preliminar ao mercado (artigo 35.º-A do CCP) vem antes do concurso.\n\n"
    "Escreva-nos para ana@example.pt ou ligue +351 912 345 678 se a Câmara Municipal de "
    "Exemplo precisar de mais apoio."
)
QUESTION = (
    "Sou a Técnica de contratação da Câmara Municipal de Exemplo (tel. 212 345 678, "
    "ana.silva@cm-exemplo.pt). Podemos usar uma consulta preliminar ao mercado antes do concurso?"
)


def edit_url(entry):
    return f"/admin/snippets/portal/faqentry/edit/{entry.pk}/"


def draft_url(item):
    return reverse("portal_faq_draft_from_request", args=[item.pk])


@pytest.fixture
def answered(make_request):
    def make(code="pt"):
        item = make_request(code, data={"message": QUESTION}, notes="Nota interna")
        return send_answer(item, ANSWER)

    return make


@pytest.fixture
def topic():
    return FAQTopicFactory(slug="procedures", name_pt="Procedimentos", name_en="Procedures")


@pytest.fixture
def faq(translated_pair):
    return translated_pair(FAQPageFactory, "faq")


def create_draft(client, item, topic, **changes):
    form = client.get(draft_url(item))
    assert form.status_code == 200
    initial = form.context["form"].initial
    data = {**initial, "topic": topic.pk, **changes}
    response = client.post(draft_url(item), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return FAQEntry.objects.get(source_request=item), response


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to ana@example.pt today", "Write to […] today"),
        ("Ligue +351 912 345 678.", "Ligue […]."),
        ("tel. 212345678 ou (21) 234-56-78", "tel. […] ou […]"),
        ("Artigo 35.º-A do CCP, Diretiva 2014/24/UE, 2026", None),
        ("Prazo de 30 dias, 12 meses, 1 000 000 euros", None),
    ],
)
def test_personal_data_is_cut_and_legal_references_are_kept(text, expected):
    assert without_personal_data(text) == (expected or text)


def test_what_the_requester_typed_about_themselves_is_cut():
    text = without_personal_data(
        "A câmara municipal de exemplo pede", ["Câmara Municipal de Exemplo"]
    )
    assert text == "A […] pede"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_draft_in_the_request_language_without_personal_data(client, member, answered, topic, code):
    client.force_login(member("Moderators", "pt"))
    item = answered(code)
    edit = client.get(reverse("support_requests:edit", args=[item.pk])).content.decode()
    assert "Criar rascunho de pergunta frequente" in edit
    entry, response = create_draft(client, item, topic)
    assert response["Location"] == edit_url(entry)
    other = "en" if code == "pt" else "pt"
    question = getattr(entry, f"question_{code}")
    answer = getattr(entry, f"short_answer_{code}") + getattr(entry, f"answer_{code}")
    assert "consulta preliminar ao mercado antes do concurso?" in question
    assert "artigo 35.º-A do CCP" in answer
    assert not getattr(entry, f"question_{other}")
    for personal in ("ana@example.pt", "ana.silva", "912 345 678", "212 345 678", "Câmara"):
        assert personal not in question + answer
    assert "Técnica de contratação" not in question
    assert "Nota interna" not in question + answer
    assert (entry.live, entry.has_unpublished_changes) == (False, True)
    assert entry.source_request == item and entry.latest_revision is not None
    assert entry.get_workflow().name == "Moderation"


@pytest.mark.django_db
def test_personal_data_typed_into_the_form_is_cut_again(client, member, answered, topic):
    client.force_login(member("Editors", "en"))
    item = answered("en")
    entry, _ = create_draft(client, item, topic, short_answer="Call 912 345 678 or a@b.pt.")
    assert entry.short_answer_en == "Call […] or […]."


@pytest.mark.django_db
def test_no_draft_before_the_request_is_answered(client, member, make_request):
    client.force_login(member("Moderators", "en"))
    item = make_request()
    edit = client.get(reverse("support_requests:edit", args=[item.pk])).content.decode()
    assert "Create FAQ draft" not in edit
    assert client.get(draft_url(item)).status_code == 302
    assert not FAQEntry.objects.exists()


@pytest.mark.django_db
def test_bad_input_keeps_what_was_typed(client, member, answered):
    client.force_login(member("Editors", "en"))
    item = answered("en")
    response = client.post(draft_url(item), {"topic": "nope", "question": "Kept?"})
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Kept?"' in html
    assert "Select a valid choice" in html and not FAQEntry.objects.exists()
    missing = reverse("portal_faq_draft_from_request", args=[999999])
    assert client.get(missing, follow=True).status_code == 404


def faq_questions(client, page):
    html = client.get(page.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return html, [item["name"] for item in json.loads(match.group(1))["mainEntity"]]


@pytest.mark.django_db
def test_draft_is_public_only_after_a_second_moderator_approves(
    client, member, answered, topic, faq
):
    live = FAQEntryFactory(topic=topic)
    author = member("Moderators", "pt", username="author")
    client.force_login(author)
    item = answered("pt")
    entry, _ = create_draft(client, item, topic)
    for code in ("pt", "en"):
        html, questions = faq_questions(client, faq[code])
        assert entry.slug not in html and questions == [getattr(live, f"question_{code}")]

    # The author adds the English text and submits the draft for moderation.
    entry.question_en, entry.short_answer_en = "Can we consult the market first?", "Yes."
    entry.save_revision(user=author)
    entry.get_workflow().start(entry, author)
    state = entry.current_workflow_state
    approve = reverse(
        "wagtailsnippets_portal_faqentry:workflow_action",
        args=[entry.pk, "approve", state.current_task_state.pk],
    )
    client.force_login(member("Editors", "pt"))
    client.post(approve, {"comment": ""})  # an editor cannot approve
    entry.refresh_from_db()
    assert not entry.live

    client.force_login(member("Moderators", "pt", username="second"))
    assert client.post(approve, {"comment": "Publicar."}).status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.live and entry.source_request == item
    for code, question in (("pt", entry.question_pt), ("en", "Can we consult the market first?")):
        html, questions = faq_questions(client, faq[code])
        assert f'id="{entry.slug}"' in html and question in questions
        assert f"#{item.pk}" not in html and "pedido de apoio" not in html.lower()


@pytest.mark.django_db
def test_editors_save_drafts_and_moderators_publish(client, member, topic):
    entry = FAQEntryFactory(topic=topic)
    url = edit_url(entry)
    client.force_login(member("Editors", "en"))
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    client.force_login(member("Moderators", "en"))
    assert 'name="action-publish"' in client.get(url).content.decode()


@pytest.mark.django_db
def test_source_request_is_shown_to_staff_only(client, member, answered, topic, faq):
    item = answered("en")
    entry = FAQEntryFactory(topic=topic, source_request=item)
    client.force_login(member("Editors", "en"))
    admin = client.get(edit_url(entry)).content.decode()
    assert "From support request" in admin and str(item) in admin
    client.logout()
    public = client.get(faq["en"].url).content.decode()
    assert str(item) not in public and "support request" not in public.lower()
    api = client.get("/api/v2/pages/?type=portal.FAQPage&fields=*")
    assert api.status_code in (200, 404)
    assert str(item) not in api.content.decode()
