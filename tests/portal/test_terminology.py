"""One terminology (docs/terminology.md): no variant in fixtures, templates, PT catalogue."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

BASE = Path(settings.BASE_DIR)
# Matched case-insensitively, as stems, so that inflected forms count too ("transferido",
# "Transferências"): docs/terminology.md names the preferred term for each.
VARIANTS = {
    "pt": [
        r"contrataç(ão|ões) de inovação",
        # A file is descarregado; only tools are transferred.
        r"\btransfer(?!ências? de ferramentas|indo ferramentas)(ênci|id|ir|e\b|em\b|ind)",
        r"e-mail de contacto",
        r"“FAQ”",
        r"documentos? de projeto",
        r"\bdistor(cer|ç|c|ci)",
        r"município de lisboa",
        r"enquanto procure\+i",
        r"cookies de rastreament",
        r"\bestudos? de caso",  # caso(s) de estudo
        r"entidades? compradoras?",  # entidade adjudicante
        r"na fronteira do conhecimento",
        r"\binduzi(r|ndo) a inovação",
        r"no resumo do centro",
        r"\b(pode|podem) ser pedid",  # offer to ask; do not promise the centre sends them
    ],
    "en": [
        r"\bopen market consultation",
        r"\bNo\. \d",
        r"\ban preliminary",
        r"Decree-Law \d",  # Decree-Law No 111-B/2017
        r"\bcan be requested from",
        r"\bPPI covers",  # the umbrella is "innovation procurement" (C(2021) 4320)
    ],
}
MONTHS = "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
# Capitals matter here, so these are matched as written.
CASED = [
    r"Módulo estratégico",  # the title «… – Módulo Estratégico»
    r"Strategic module",
    r"(?<![«\w])compras públicas de inovação",  # the centre's term: Compras Públicas de Inovação
    r"\b[Pp]ortuguês e Inglês|\b[Ii]nglês e [Pp]ortuguês",  # language names in lower case
    r"\b\d{1,2}\.? de (" + MONTHS.title() + ")",  # AO1990: months in lower case
]


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
    found = [name for name, text in sources() if re.search(pattern, text, re.I)]
    assert not found, f"{pattern!r} in {found}: see docs/terminology.md"


@pytest.mark.parametrize("pattern", CASED)
def test_capitals_as_the_terminology_writes_them(pattern):
    found = [name for name, text in sources() if re.search(pattern, text)]
    assert not found, f"{pattern!r} in {found}: see docs/terminology.md"


def portuguese_strings(value, portuguese=False):
    """Every string of a fixture that a Portuguese reader sees: [pt] tables, *_pt fields."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from portuguese_strings(item, portuguese or key == "pt" or key.endswith("_pt"))
    elif isinstance(value, list):
        for item in value:
            yield from portuguese_strings(item, portuguese)
    elif isinstance(value, str) and portuguese:
        yield value


def test_portuguese_quotes_are_guillemets():
    found = [
        ("django.po (msgstr)", m)
        for m in re.findall(r".{0,30}[“”].{0,30}", catalogue_translations())
    ]
    for path in sorted((BASE / "fixtures").rglob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        found += [(path.name, t[:60]) for t in portuguese_strings(data) if re.search("[“”]", t)]
    assert not found, found


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (VARIANTS["pt"][1], "O ficheiro foi Transferido."),
        (VARIANTS["pt"][1], "Transferências de documentos"),
        (VARIANTS["pt"][9], "Estudos de Caso"),
        (CASED[4], "6 de Dezembro de 2026"),
    ],
)
def test_the_patterns_catch_inflected_and_capitalised_forms(pattern, text):
    flags = re.I if pattern in VARIANTS["pt"] else 0
    assert re.search(pattern, text, flags)
    assert not re.search(VARIANTS["pt"][1], "ações de transferência de ferramentas", re.I)


def test_every_glossary_acronym_in_english_has_its_portuguese_one():
    terms = tomllib.loads((BASE / "fixtures/glossary.toml").read_text("utf-8"))["term"]
    missing = [t["key"] for t in terms if t.get("acronym_en") and not t.get("acronym_pt")]
    assert not missing
