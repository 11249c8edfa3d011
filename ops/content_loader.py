"""Loads the portal's content from fixtures/: creates what is missing, never touches what exists.

Every fixture item has a stable key. A page's key gives its translation_key, a document's its
import_key, and records use it as their slug; so an item that staff have edited, moved or
renamed is still recognised and left alone on the next run.
"""

import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db import transaction

from wagtail.models import Locale, Page, Site

KEY_NAMESPACE = uuid.UUID("6f1c1d2e-4b7a-4c8e-9a51-0d7e3c2b9f10")
PAGE_TEXT_KEYS = {"title", "slug", "intro", "body", "menu_title"}
# Set once every page exists, since they name other pages by key (possibly loaded later).
LATE_FIELDS = {"recommendations", "privacy_page"}


def translation_key(key):
    return uuid.uuid5(KEY_NAMESPACE, key)


def model(label):
    return apps.get_model(label)


@dataclass
class Report:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)

    def __str__(self):
        return f"created {len(self.created)}, kept {len(self.kept)} existing"


class ContentLoader:
    def __init__(self, fixtures_dir: Path):
        self.dir = fixtures_dir
        self.report = Report()
        self.locales = {}

    def read(self, name):
        path = self.dir / name
        return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}

    @transaction.atomic
    def load(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
        self.load_organisations()
        self.load_taxonomy()
        self.load_documents()
        self.load_webinars()
        self.load_faq()
        self.load_glossary()
        specs = [
            tomllib.loads(path.read_text("utf-8"))
            for path in sorted((self.dir / "pages").glob("*.toml"))
        ]
        created = [page for spec in specs for page in self.create_pages(spec)]
        # Bodies go in once every page exists, since they link to one another by key.
        for page, body, late in created:
            page.refresh_from_db()  # pick up numchild, changed as children were added
            if hasattr(page, "body"):
                page.body = self.resolve_blocks(body, page.locale)
            for name, value in late.items():
                setattr(page, name, self.resolve_page_keys(value, page.locale))
            page.save_revision().publish()
        return self.report

    # Records -------------------------------------------------------------------------

    def get_or_create(self, model_label, lookup, fields, label):
        obj, created = model(model_label).objects.get_or_create(**lookup, defaults=fields)
        self.note(created, label)
        return obj, created

    def load_organisations(self):
        data = self.read("organisations.toml")
        for item in data.get("organisation", []):
            fields = {k: v for k, v in item.items() if k not in {"acronym", "order"}}
            fields["sort_order"] = item.get("order", 100)
            self.get_or_create(
                "portal.Organisation", {"acronym": item["acronym"]}, fields, item["acronym"]
            )
        organisation = model("portal.Organisation")
        for item in data.get("agreement", []):
            fields = {k: v for k, v in item.items() if k not in {"key", "parties"}}
            agreement, created = self.get_or_create(
                "portal.Agreement", {"slug": item["key"]}, fields, item["key"]
            )
            if created:
                agreement.parties.set(organisation.objects.filter(acronym__in=item["parties"]))

    def load_keyed(self, model_label, items, renames=None):
        """Records keyed by slug, with `order` as sort_order; returns {key: record}."""
        renames = {"order": "sort_order", **(renames or {})}
        records = {}
        for item in items:
            fields = {renames.get(k, k): v for k, v in item.items() if k != "key"}
            records[item["key"]], _created = self.get_or_create(
                model_label, {"slug": item["key"]}, fields, f"{model_label} {item['key']}"
            )
        return records

    def load_taxonomy(self):
        data = self.read("taxonomy.toml")
        self.load_keyed("casestudies.ProcedureType", data.get("procedure_type", []))
        self.load_keyed("casestudies.Sector", data.get("sector", []))

    def load_documents(self):
        document_model = model("documents.LibraryDocument")
        for item in self.read("documents.toml").get("document", []):
            key = item["key"]
            if document_model.objects.filter(import_key=key).exists():
                self.note(False, f"document {key}")
                continue
            path = self.dir / "files" / item.get("file", f"{key}.pdf")
            if not path.exists():
                raise FileNotFoundError(
                    f"{path} is missing: run `manage.py build_document_files` first."
                )
            fields = {k: v for k, v in item.items() if k not in {"key", "file"}}
            document = document_model(import_key=key, title=item["title_pt"], **fields)
            with path.open("rb") as handle:
                document.file.save(path.name, File(handle), save=False)
                document._set_document_file_metadata()
            document.save()
            self.note(True, f"document {key}")

    def load_webinars(self):
        document_model = model("documents.LibraryDocument")
        items = []
        for item in self.read("webinars.toml").get("webinar", []):
            item = dict(item)
            item["starts_on"] = item.pop("date")
            if "slides" in item:
                item["slides"] = document_model.objects.get(import_key=item["slides"])
            items.append(item)
        self.load_keyed("documents.Webinar", items)

    def load_faq(self):
        data = self.read("faq.toml")
        topics = self.load_keyed("portal.FAQTopic", data.get("topic", []))
        entry_model = model("portal.FAQEntry")
        created = []
        for item in data.get("question", []):
            fields = {
                k: v for k, v in item.items() if k not in {"key", "topic", "related", "order"}
            }
            fields.update(topic=topics[item["topic"]], sort_order=item.get("order", 100))
            entry, was_created = self.get_or_create(
                "portal.FAQEntry", {"slug": item["key"]}, fields, f"question {item['key']}"
            )
            if was_created:
                created.append((entry, item.get("related", [])))
        for entry, related in created:
            entry.related.set(entry_model.objects.filter(slug__in=related))

    def load_glossary(self):
        for item in self.read("glossary.toml").get("term", []):
            fields = {k: v for k, v in item.items() if k != "key"}
            self.get_or_create("portal.GlossaryTerm", {"slug": item["key"]}, fields, item["key"])

    # Pages ---------------------------------------------------------------------------

    def create_pages(self, spec):
        """Create the page in each language where it does not exist yet; yield (page, body, late
        fields)."""
        page_model = model(spec["type"])
        key = translation_key(spec["key"])
        for code, locale in self.locales.items():
            if Page.objects.filter(translation_key=key, locale=locale).exists():
                self.note(False, f"page {spec['key']} ({code})")
                continue
            text = spec[code]
            extra = {**spec.get("fields", {})}
            extra.update({k: v for k, v in text.items() if k not in PAGE_TEXT_KEYS})
            late = {name: extra.pop(name) for name in LATE_FIELDS & set(extra)}
            attributes, sectors = self.resolve_page_fields(extra, locale, page_model)
            page = page_model(
                title=text["title"],
                slug=text["slug"],
                intro=text.get("intro", ""),
                menu_title=text.get("menu_title", ""),
                show_in_menus=spec.get("show_in_menus", False),
                locale=locale,
                translation_key=key,
                **attributes,
            )
            if sectors is not None:
                page.sectors = sectors
            self.parent_for(spec, locale).add_child(instance=page)
            if not spec["parent"]:
                self.make_site_root(page, locale)
            self.note(True, f"page {spec['key']} ({code})")
            yield page, text.get("body", []), late

    def resolve_page_fields(self, extra, locale, page_model):
        """Fixture values to model values: keys of documents and terms become records."""
        attributes, sectors = {}, None
        for name, value in extra.items():
            if name == "documents":
                attributes["documents"] = [
                    {"type": "document", "value": self.document_id(key)} for key in value
                ]
            elif name == "procedure":
                attributes["procedure_type"] = model("casestudies.ProcedureType").objects.get(
                    slug=value
                )
            elif name == "form_fields":
                field_model = page_model.form_fields.rel.related_model
                attributes["form_fields"] = [field_model(**item) for item in value]
            elif name == "sectors":
                sectors = list(model("casestudies.Sector").objects.filter(slug__in=value))
            else:
                attributes[name] = value
        return attributes, sectors

    def parent_for(self, spec, locale):
        if not spec["parent"]:
            return Page.get_first_root_node()
        return Page.objects.get(translation_key=translation_key(spec["parent"]), locale=locale)

    def make_site_root(self, home, locale):
        """Point the default site at the Portuguese home, replacing Wagtail's welcome page."""
        if locale.language_code != settings.LANGUAGE_CODE:
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
            return
        old_root = site.root_page.specific
        if old_root.pk == home.pk:
            return
        site.root_page = home
        site.site_name = "Procure+i"
        site.save()
        # Wagtail's placeholder "Welcome" page is a plain Page with no children: drop it.
        if type(old_root) is Page and not old_root.get_children().exists():
            old_root.delete()

    def resolve_blocks(self, body, locale):
        """Fixture blocks to StreamField data; links name pages and documents by key."""
        blocks = []
        for block in body:
            value = block["value"]
            if block["type"] == "page_link":
                target = Page.objects.get(
                    translation_key=translation_key(value["page"]), locale=locale
                )
                value = {"page": target.pk, "label": value.get("label", "")}
            elif block["type"] == "document_link":
                value = {
                    "document": self.document_id(value["document"]),
                    "label": value.get("label", ""),
                }
            blocks.append({"type": block["type"], "value": value})
        return blocks

    def resolve_page_keys(self, value, locale):
        """A page key as the page's pk: alone, or as "page" anywhere in nested stream data."""
        if isinstance(value, str):
            return self.page_in(value, locale)
        return [
            {"type": block["type"], "value": self.resolve_nested(block["value"], locale)}
            for block in value
        ]

    def resolve_nested(self, value, locale):
        if isinstance(value, list):
            return [self.resolve_nested(item, locale) for item in value]
        if not isinstance(value, dict):
            return value
        return {
            name: self.page_in(item, locale).pk
            if name == "page"
            else self.resolve_nested(item, locale)
            for name, item in value.items()
        }

    def page_in(self, key, locale):
        return Page.objects.get(translation_key=translation_key(key), locale=locale)

    def document_id(self, key):
        return model("documents.LibraryDocument").objects.get(import_key=key).pk

    def note(self, created, label):
        (self.report.created if created else self.report.kept).append(label)
