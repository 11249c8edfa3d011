"""The FAQ page: topics, anchors, answers, sources, related questions and JSON-LD."""

import json
import re

import pytest

from tests.portal.factories import FAQEntryFactory, FAQPageFactory, FAQTopicFactory


@pytest.fixture
def faq(translated_pair):
    return translated_pair(FAQPageFactory, "faq")


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_questions_grouped_by_topic_with_anchor_source_and_review_date(client, faq, code):
    topic = FAQTopicFactory(slug="procedures", name_pt="Procedimentos", name_en="Procedures")
    entry = FAQEntryFactory(
        topic=topic,
        slug="what-is-pcp",
        question_pt="O que é a contratação pré-comercial?",
        question_en="What is pre-commercial procurement?",
    )
    html = client.get(faq[code].url).content.decode()
    assert 'id="topic-procedures"' in html
    assert ("Procedimentos" if code == "pt" else "Procedures") in html
    assert f'id="{entry.slug}"' in html and f'href="#{entry.slug}"' in html
    assert (entry.question_pt if code == "pt" else entry.question_en) in html
    assert (entry.legal_source_pt if code == "pt" else entry.legal_source_en) in html
    assert ("25 de novembro de 2026" if code == "pt" else "25 November 2026") in html


@pytest.mark.django_db
def test_related_questions_link_to_their_anchors(client, faq):
    first, second = FAQEntryFactory.create_batch(2)
    first.related.add(second)
    first.save()  # a parental field is written on save
    html = client.get(faq["en"].url).content.decode()
    assert f'<a href="#{second.slug}">{second.question_en}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_faq_json_ld_lists_every_question(client, faq, code):
    entries = FAQEntryFactory.create_batch(3, answer_en="<p>Use <b>art. 31</b> & more</p>")
    data = json_ld(client.get(faq[code].url).content.decode())
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == code
    names = [item["name"] for item in data["mainEntity"]]
    assert names == [e.question_pt if code == "pt" else e.question_en for e in entries]
    if code == "en":
        assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Use art. 31 & more"


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, faq):
    FAQEntryFactory(question_en="</script><script>alert(1)</script>")
    html = client.get(faq["en"].url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["mainEntity"][0]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_topic_without_questions_is_not_shown(client, faq):
    FAQTopicFactory(slug="empty-topic")
    FAQEntryFactory()
    assert 'id="topic-empty-topic"' not in client.get(faq["en"].url).content.decode()


def edit_form_data(client, entry):
    """The admin's edit form of an entry as it is filled in, ready to post back."""
    form = client.get(f"/admin/snippets/portal/faqentry/edit/{entry.pk}/").context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item.pk if hasattr(item, "pk") else item) for item in value]
        elif value is not None:
            data[name] = field.widget.format_value(value) or ""
    return data


@pytest.mark.django_db
def test_related_questions_edited_on_a_live_entry_follow_its_publish(client, faq, admin_user):
    first, second = FAQEntryFactory.create_batch(2)
    client.force_login(admin_user)
    data = edit_form_data(client, first)
    data["related"] = [str(second.pk)]
    url = f"/admin/snippets/portal/faqentry/edit/{first.pk}/"
    assert client.post(url, data).status_code == 302  # a draft: the page keeps the live entry
    assert not first.related.exists()
    assert client.post(url, {**data, "action-publish": "publish"}).status_code == 302
    assert list(first.related.all()) == [second]
    client.logout()
    html = client.get(faq["en"].url).content.decode()
    assert f'<a href="#{second.slug}">{second.question_en}</a>' in html
