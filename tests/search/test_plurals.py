"""Portuguese singulars and plurals meet (search.plurals), on SQLite and PostgreSQL alike."""

import pytest

from search import plurals, query, stemming
from search.models import SearchEntry
from tests.search.published import publish_pages

# (singular, plural) for each ending the plural step folds.
PAIRS = [
    ("aquisição", "aquisições"),  # -ição/-ições
    ("contratação", "contratações"),  # -ção/-ções
    ("opinião", "opiniões"),  # -ão/-ões
    ("capitão", "capitães"),  # -ão/-ães
    ("cidadão", "cidadãos"),  # -ão/-ãos
    ("concorrencial", "concorrenciais"),  # -al/-ais
    ("nacional", "nacionais"),
    ("papel", "papéis"),  # -el/-éis
    ("nível", "níveis"),  # -vel/-veis
    ("funil", "funis"),  # -il/-is
    ("civil", "civis"),
    ("lençol", "lençóis"),  # -ol/-óis
    ("homem", "homens"),  # -m/-ns
    ("item", "itens"),
    ("fornecedor", "fornecedores"),  # -r/-res
    ("luz", "luzes"),  # -z/-zes
    ("capaz", "capazes"),
    ("país", "países"),  # -s/-ses
    ("mês", "meses"),
    ("português", "portugueses"),
    ("análise", "análises"),
    ("processo", "processos"),  # -s
]
# Typed without accents, "faceis" cannot be told from "paineis" (painel): it folds to -el.
ACCENTED_ONLY = [("fácil", "fáceis"), ("útil", "úteis")]  # -il/-eis (paroxytone)
# Unaccented forms typed by visitors, and the accented word they must meet.
UNACCENTED = [
    ("aquisicoes", "aquisição"),
    ("aquisicao", "aquisições"),
    ("concorrenciais", "concorrencial"),
    ("papeis", "papel"),
    ("niveis", "nível"),
    ("lencois", "lençol"),
    ("paises", "país"),
    ("portugues", "portugueses"),
    ("analises", "análise"),
    ("opinioes", "opinião"),
]
NOT_PLURAL = [
    "mais", "lápis", "país", "gás", "através", "cais", "simples", "atlas", "pires", "bónus",
    "vírus", "ónus", "também", "depois", "menos", "após",
]  # fmt: skip


@pytest.mark.parametrize(("singular", "plural"), PAIRS)
def test_singular_and_plural_share_one_stem(singular, plural):
    assert stemming.stem_words("pt", singular) == stemming.stem_words("pt", plural)
    assert stemming.stem_words("pt", stemming.fold(plural)) == stemming.stem_words("pt", singular)


@pytest.mark.parametrize(("singular", "plural"), ACCENTED_ONLY)
def test_paroxytone_il_meets_its_accented_plural(singular, plural):
    assert stemming.stem_words("pt", singular) == stemming.stem_words("pt", plural)


@pytest.mark.parametrize(("typed", "written"), UNACCENTED)
def test_accents_stay_optional(typed, written):
    assert stemming.stem_words("pt", typed) == stemming.stem_words("pt", written)


@pytest.mark.parametrize("word", NOT_PLURAL)
def test_words_that_only_look_plural_are_left_alone(word):
    assert plurals.fold_plurals(word) == word


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("aquisições", "aquisição"), ("concorrenciais", "concorrencial"), ("homens", "homem"),
     ("papéis", "papel"), ("lençóis", "lençol"), ("luzes", "luz"), ("irmãs", "irmã"),
     ("heróis", "herói"), ("leis", "lei"), ("táxis", "táxi")],
)  # fmt: skip
def test_fold_plurals(plural, singular):
    assert plurals.fold_plurals(plural) == singular


def test_english_is_not_folded():
    assert stemming.stem_words("en", "papers") == stemming.stem_words("en", "paper")
    assert stemming.with_endings("en", "Acquisitions dialogues") == "Acquisitions dialogues"


def entry(object_id, text, language="pt"):
    return SearchEntry.objects.create(
        kind="document",
        object_id=object_id,
        language=language,
        title=f"Entrada {object_id}",
        text=f"Um texto sobre {text} e mais nada.",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("singular", "plural"), PAIRS)
def test_each_form_finds_the_other_in_the_index(singular, plural):
    one, other = entry(1, singular), entry(2, plural)
    both = {one.pk, other.pk}
    assert set(query.search("pt", singular)) == both
    assert set(query.search("pt", plural)) == both
    assert set(query.search("pt", stemming.fold(plural))) == both


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "written"), UNACCENTED)
def test_unaccented_queries_find_accented_text(typed, written):
    found = entry(1, written)
    entry(2, "outra coisa", language="pt")
    assert query.search("pt", typed) == [found.pk]


@pytest.mark.django_db
def test_an_edited_entry_is_found_by_its_new_words():
    written = entry(1, "aquisição")
    written.text = "diálogos concorrenciais"
    written.save()
    assert query.search("pt", "diálogo concorrencial") == [written.pk]
    assert query.search("pt", "aquisicoes") == []


SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}


@pytest.fixture
def plural_pages(homes):
    publish_pages(
        homes,
        (
            "pt",
            "Diálogo concorrencial",
            "A aquisição de soluções por um diálogo concorrencial com um fornecedor.",
        ),
        (
            "pt",
            "Papéis das entidades",
            "Os papéis dos fornecedores nacionais em aquisições concorrenciais.",
        ),
        ("en", "Competitive dialogues", "Acquisitions through competitive dialogues."),
    )


def titles(client, language, q, first=None):
    """The titles of the results (the first `first` only: entries holding some of the words
    follow those holding them all)."""
    response = client.get(SEARCH[language], {"q": q})
    assert response.status_code == 200
    return {entry.title for entry in list(response.context["results"])[:first]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("aquisições", {"Diálogo concorrencial", "Papéis das entidades"}),
        ("aquisicoes", {"Diálogo concorrencial", "Papéis das entidades"}),
        ("aquisicao", {"Diálogo concorrencial", "Papéis das entidades"}),
        ("diálogos concorrenciais", {"Diálogo concorrencial"}),
        ("dialogos concorrenciais", {"Diálogo concorrencial"}),
        ("papel do fornecedor nacional", {"Papéis das entidades"}),
        ("fornecedores", {"Diálogo concorrencial", "Papéis das entidades"}),
    ],
)
def test_the_search_page_meets_plurals_and_singulars(client, plural_pages, q, expected):
    assert titles(client, "pt", q, len(expected)) == expected


@pytest.mark.django_db
def test_the_english_search_page_keeps_its_own_stemmer(client, plural_pages):
    assert titles(client, "en", "acquisition dialogue") == {"Competitive dialogues"}
    assert titles(client, "en", "aquisições") == set()
