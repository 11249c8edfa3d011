"""A draft of a moderated snippet (an FAQ entry) is like a page's draft: nothing a visitor sees
changes, so the content version stays; its publish, by hand or by moderation, bumps it."""

import pytest

from core.models import ContentVersion
from tests.portal.factories import FAQEntryFactory, FAQPageFactory, FAQTopicFactory

HEADER = "X-Page-Cache"


@pytest.mark.django_db
def test_a_saved_faq_draft_bumps_nothing_and_its_publish_once(
    client, settings, translated_pair, changes
):
    settings.PAGE_CACHE_SECONDS = 600
    faq = translated_pair(FAQPageFactory, "faq")["pt"]
    entry = FAQEntryFactory(topic=FAQTopicFactory(), question_pt="Pergunta publicada?")
    client.get(faq.url)
    before = ContentVersion.stored()

    entry.question_pt = "Pergunta em rascunho?"
    changes(entry.save_revision)
    assert ContentVersion.stored() == before
    cached = client.get(faq.url)
    assert cached[HEADER] == "hit" and "Pergunta em rascunho?" not in cached.content.decode()

    changes(entry.get_latest_revision().publish)
    assert ContentVersion.stored() == before + 1
    assert "Pergunta em rascunho?" in client.get(faq.url).content.decode()
