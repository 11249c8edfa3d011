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
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

KEY_NAMESPACE = uuid.UUID("6f1c1d2e-4b7a-4c8e-9a51-0d7e3c2b9f10")
PAGE_TEXT_KEYS = {"title", "slug", "intro", "body", "menu_title"}


def translation_key(key):
    return uuid.uuid5(KEY_NAMESPACE, key)


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a plain attribute
        return None


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
        # Each content app loads its own records (AppConfig.load_fixtures), pages come after.
        for config in apps.get_app_configs():
            if hasattr(config, "load_fixtures"):
                config.load_fixtures(self)
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

    def get_or_create(self, model, lookup, fields, label):
        obj, created = model.objects.get_or_create(**lookup, defaults=fields)
        self.note(created, label)
        return obj, created

    def load_keyed(self, model, items, renames=None):
        """Records keyed by slug, with `order` as sort_order; returns {key: record}."""
        renames = {"order": "sort_order", **(renames or {})}
        records = {}
        for item in items:
            fields = {renames.get(k, k): v for k, v in item.items() if k != "key"}
            records[item["key"]], _created = self.get_or_create(
                model, {"slug": item["key"]}, fields, f"{model._meta.label} {item['key']}"
            )
        return records

    # Pages ---------------------------------------------------------------------------

    def create_pages(self, spec):
        """Create the page in each language where it does not exist yet; yield (page, body, late
        fields)."""
        page_model = apps.get_model(spec["type"])  # named by the fixture
        key = translation_key(spec["key"])
        for code, locale in self.locales.items():
            if Page.objects.filter(translation_key=key, locale=locale).exists():
                self.note(False, f"page {spec['key']} ({code})")
                continue
            text = spec[code]
            extra = {**spec.get("fields", {})}
            extra.update({k: v for k, v in text.items() if k not in PAGE_TEXT_KEYS})
            # Fields naming other pages by key (possibly loaded later), as the page type lists
            # them: set once every page exists.
            late_fields = set(getattr(page_model, "fixture_late_fields", ()))
            late = {name: extra.pop(name) for name in late_fields & set(extra)}
            attributes, relations = self.resolve_page_fields(extra, locale, page_model)
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
            for name, records in relations.items():
                setattr(page, name, records)
            self.parent_for(spec, locale).add_child(instance=page)
            if not spec["parent"]:
                self.make_site_root(page, locale)
            self.note(True, f"page {spec['key']} ({code})")
            yield page, text.get("body", []), late

    def resolve_page_fields(self, extra, locale, page_model):
        """Fixture values to model values: records are named by slug, documents by key."""
        attributes, relations = {}, {}
        for name, value in extra.items():
            field = model_field(page_model, name)
            if isinstance(field, StreamField) and "document" in field.stream_block.child_blocks:
                value = [{"type": "document", "value": self.document_id(key)} for key in value]
            elif field is not None and field.many_to_one and not field.auto_created:
                value = field.related_model.objects.get(slug=value)
            elif field is not None and field.many_to_many:
                relations[name] = list(field.related_model.objects.filter(slug__in=value))
                continue
            elif field is not None and field.one_to_many:  # e.g. a form page's fields
                value = [field.related_model(**item) for item in value]
            attributes[name] = value
        return attributes, relations

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
        return get_document_model().objects.get(import_key=key).pk

    def note(self, created, label):
        (self.report.created if created else self.report.kept).append(label)
