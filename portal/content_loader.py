"""Loads the portal's content from fixtures/: creates what is missing, never touches what exists.

Each fixture page has a stable key; the key gives the page's translation_key, so a page that
staff have edited, moved or renamed is still recognised and left alone on the next run.
"""

import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

from portal.models import Agreement, Organisation

KEY_NAMESPACE = uuid.UUID("6f1c1d2e-4b7a-4c8e-9a51-0d7e3c2b9f10")


def translation_key(key):
    return uuid.uuid5(KEY_NAMESPACE, key)


@dataclass
class Report:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)

    def __str__(self):
        return f"created {len(self.created)}, kept {len(self.kept)} existing"


class ContentLoader:
    def __init__(self, fixtures_dir: Path):
        self.fixtures_dir = fixtures_dir
        self.report = Report()
        self.locales = {}

    @transaction.atomic
    def load(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
        self.load_organisations()
        specs = [
            tomllib.loads(path.read_text("utf-8"))
            for path in sorted((self.fixtures_dir / "pages").glob("*.toml"))
        ]
        created = [page for spec in specs for page in self.create_pages(spec)]
        # Bodies go in once every page exists, since they link to one another by key.
        for page, body in created:
            page.refresh_from_db()  # pick up numchild, changed as children were added
            page.body = self.resolve_body(body, page.locale)
            page.save_revision().publish()
        return self.report

    def load_organisations(self):
        data = tomllib.loads((self.fixtures_dir / "organisations.toml").read_text("utf-8"))
        for item in data.get("organisation", []):
            fields = {k: v for k, v in item.items() if k not in {"acronym", "order"}}
            fields["sort_order"] = item.get("order", 100)
            org, created = Organisation.objects.get_or_create(
                acronym=item["acronym"], defaults=fields
            )
            self.note(created, f"organisation {org.acronym}")
        for item in data.get("agreement", []):
            fields = {k: v for k, v in item.items() if k not in {"key", "parties"}}
            agreement, created = Agreement.objects.get_or_create(slug=item["key"], defaults=fields)
            if created:
                agreement.parties.set(Organisation.objects.filter(acronym__in=item["parties"]))
            self.note(created, f"agreement {agreement.slug}")

    def create_pages(self, spec):
        """Create the page in each language where it does not exist yet; yield (page, body)."""
        model = apps.get_model(spec["type"])
        key = translation_key(spec["key"])
        for code, locale in self.locales.items():
            if Page.objects.filter(translation_key=key, locale=locale).exists():
                self.note(False, f"page {spec['key']} ({code})")
                continue
            text = spec[code]
            page = model(
                title=text["title"],
                slug=text["slug"],
                intro=text.get("intro", ""),
                show_in_menus=spec.get("show_in_menus", False),
                locale=locale,
                translation_key=key,
            )
            parent = self.parent_for(spec, locale)
            parent.add_child(instance=page)
            if not spec["parent"]:
                self.make_site_root(page, locale)
            self.note(True, f"page {spec['key']} ({code})")
            yield page, text.get("body", [])

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

    def resolve_body(self, body, locale):
        """Fixture blocks to StreamField data; page links name pages by key."""
        blocks = []
        for block in body:
            value = block["value"]
            if block["type"] == "page_link":
                target = Page.objects.get(
                    translation_key=translation_key(value["page"]), locale=locale
                )
                value = {"page": target.pk, "label": value.get("label", "")}
            blocks.append({"type": block["type"], "value": value})
        return blocks

    def note(self, created, label):
        (self.report.created if created else self.report.kept).append(label)
