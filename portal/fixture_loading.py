"""The portal's records in fixtures/: organisations and agreements, the FAQ, the glossary."""

from portal.models import Agreement, FAQEntry, FAQTopic, GlossaryTerm, Organisation


def load(loader):
    load_organisations(loader)
    load_faq(loader)
    load_glossary(loader)


def load_organisations(loader):
    data = loader.read("organisations.toml")
    for item in data.get("organisation", []):
        fields = {k: v for k, v in item.items() if k not in {"acronym", "order"}}
        fields["sort_order"] = item.get("order", 100)
        loader.get_or_create(Organisation, {"acronym": item["acronym"]}, fields, item["acronym"])
    for item in data.get("agreement", []):
        fields = {k: v for k, v in item.items() if k not in {"key", "parties"}}
        agreement, created = loader.get_or_create(
            Agreement, {"slug": item["key"]}, fields, item["key"]
        )
        if created:
            agreement.parties.set(Organisation.objects.filter(acronym__in=item["parties"]))


def load_faq(loader):
    data = loader.read("faq.toml")
    topics = loader.load_keyed(FAQTopic, data.get("topic", []))
    created = []
    for item in data.get("question", []):
        fields = {k: v for k, v in item.items() if k not in {"key", "topic", "related", "order"}}
        fields.update(topic=topics[item["topic"]], sort_order=item.get("order", 100))
        entry, was_created = loader.get_or_create(
            FAQEntry, {"slug": item["key"]}, fields, f"question {item['key']}"
        )
        if was_created:
            created.append((entry, item.get("related", [])))
    for entry, related in created:
        entry.related.set(FAQEntry.objects.filter(slug__in=related))
        entry.save(update_fields=["related"])  # a parental field is written on save


def load_glossary(loader):
    for item in loader.read("glossary.toml").get("term", []):
        fields = {k: v for k, v in item.items() if k != "key"}
        loader.get_or_create(GlossaryTerm, {"slug": item["key"]}, fields, item["key"])
