"""One terminology (docs/terminology.md): no variant in fixtures, templates, PT catalogue."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

BASE = Path(settings.BASE_DIR)
VARIANTS = {
    "pt": [
        r"contratação de inovação",
        r"\btransferências\b",
        r"\btransferir\b",
        r"e-mail de contacto",
        r"“FAQ”",
        r"[Dd]ocumento de projeto",
        r"\bdistor(cer|ça|ce)\b",
        r"Município de Lisboa",
        r"enquanto Procure\+i",
        r"cookies de rastreamento",
    ],
    "en": [r"\b[Oo]pen market consultation", r"\bNo\. \d"],
}


def catalogue_translations():
    text = (BASE / "locale/pt/LC_MESSAGES/django.po").read_text("utf-8")
    # Each msgstr with its continuation lines: the Portuguese the visitor reads.
    entries = re.findall(r'^msgstr "(.*)"\n((?:".*"\n)*)', text, re.M)
    return "\n".join(first + "".join(re.findall(r'"(.*)"', rest)) for first, rest in entries)


def sources():
    yield "django.po (msgstr)", catalogue_translations()
    for path in sorted((BASE / "fixtures").rglob("*.toml")):
        yield str(path.relative_to(BASE)), path.read_text("utf-8")
    for path in sorted((BASE / "templates").rglob("*.html")):
        yield str(path.relative_to(BASE)), path.read_text("utf-8")


@pytest.mark.parametrize("pattern", VARIANTS["pt"] + VARIANTS["en"])
def test_no_variant_of_a_preferred_term(pattern):
    found = [name for name, text in sources() if re.search(pattern, text)]
    assert not found, f"{pattern!r} in {found}: see docs/terminology.md"


def test_every_glossary_acronym_in_english_has_its_portuguese_one():
    terms = tomllib.loads((BASE / "fixtures/glossary.toml").read_text("utf-8"))["term"]
    missing = [t["key"] for t in terms if t.get("acronym_en") and not t.get("acronym_pt")]
    assert not missing
