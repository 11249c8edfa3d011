"""Portuguese plurals (and a few feminines) folded to the singular, before Snowball stems.

Snowball's Portuguese stemmer leaves "aquisição"/"aquisições", "concorrencial"/"concorrenciais",
"papel"/"papéis" or "homem"/"homens" with two stems. The plural step of RSLP (Orengo & Huyck,
"A stemming algorithm for the Portuguese language", 2001) is the reference: the first rule
whose suffix ends the word applies, if what remains is long enough and the word is not one of
the rule's exceptions. Written here rather than added as a dependency; the table below is ours.
"""

# Words that look plural but are not, or whose folding would join them to another word.
NOT_PLURAL = frozenset(
    {
        "aliás",
        "ambas",
        "ambos",
        "após",
        "atlas",
        "atrás",
        "através",
        "bónus",
        "bônus",
        "cais",
        "campus",
        "corpus",
        "crúcis",
        "demais",
        "depois",
        "dois",
        "férias",
        "fezes",
        "gás",
        "gas",
        "jamais",
        "lápis",
        "lapis",
        "mais",
        "mas",
        "menos",
        "mes",
        "messias",
        "ónus",
        "ônus",
        "óculos",
        "país",
        "pais",
        "pêsames",
        "pires",
        "pois",
        "simples",
        "status",
        "também",
        "tambem",
        "tênis",
        "ténis",
        "três",
        "tres",
        "vírus",
        "virus",
        "bonus",
        "onus",
    }
)
ACCENTED = frozenset("áéíóúâêô")  # not ã, õ: irmãs -> irmã, mãos -> mão


def accented(stem):
    return not ACCENTED.isdisjoint(stem)


def plain(stem):
    return ACCENTED.isdisjoint(stem)


def after_consonant(stem):
    # funis -> funil, barris -> barril; táxis, júris (accented: plurals of -i) are left to -s.
    return stem[-1] not in "aeiou" and plain(stem)


def after_plain_vowel(stem):
    # Oxytones ending in an accented vowel and -s (país, após, através) are singular.
    return stem[-1] not in ACCENTED


# (suffix, replacement, shortest stem left, condition on the stem, words it leaves alone):
# order matters, the first rule that applies wins.
RULES = (
    ("ns", "m", 1, None, ()),  # homens -> homem, itens -> item
    ("ões", "ão", 2, None, ()),  # aquisições -> aquisição, balões -> balão
    ("ães", "ão", 1, None, ("mães",)),  # pães -> pão, capitães -> capitão
    ("ais", "al", 1, None, ()),  # concorrenciais -> concorrencial, locais -> local
    ("éis", "el", 2, None, ()),  # papéis -> papel
    ("veis", "vel", 1, None, ()),  # níveis -> nível, amáveis -> amável
    ("eis", "il", 2, accented, ()),  # fáceis -> fácil, úteis -> útil
    ("eis", "el", 2, None, ("leis", "reis", "seis")),  # "paineis" (unaccented) -> painel
    ("óis", "ol", 2, None, ("heróis",)),  # lençóis -> lençol, faróis -> farol
    ("ois", "ol", 2, None, ("herois",)),
    # -ês words meet their plural, feminine and unaccented forms at -e: português, portugueses,
    # portuguesa and "portugues" all give "portugue" (not mês: "me" is a stop word); plurals
    # of -ese with an accent (hipóteses, sínteses) are left to the -s rule.
    ("eses", "e", 2, plain, ("teses",)),
    ("ês", "e", 2, None, ()),
    ("esas", "e", 4, plain, ()),
    ("esa", "e", 4, plain, ()),
    ("zes", "z", 1, None, ()),  # luzes -> luz, capazes -> capaz
    ("íses", "ís", 1, None, ()),  # países -> país
    ("res", "r", 3, None, ("árvores", "arvores")),  # fornecedores -> fornecedor
    ("is", "il", 2, after_consonant, ()),
    ("s", "", 2, after_plain_vowel, ()),  # processos -> processo
)


def fold_plurals(word):
    """The singular of a lower-case Portuguese word ("aquisições" -> "aquisição"), or the word.

    Accented or not: "aquisicoes" is restored to "aquisições" before this (search.stemming).
    """
    if len(word) < 3 or word in NOT_PLURAL:
        return word
    for suffix, replacement, shortest, condition, exceptions in RULES:
        if not word.endswith(suffix) or word in exceptions:
            continue
        stem = word[: -len(suffix)]
        if len(stem) >= shortest and (condition is None or condition(stem)):
            return stem + replacement
    return word
