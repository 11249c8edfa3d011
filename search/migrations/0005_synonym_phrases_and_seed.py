"""The phrase function synonyms need on PostgreSQL, and the first synonyms and acronyms.

portal_folded_phrase(config, text): the text's folded lexemes (portal_folded_vector) in order,
joined by <N> so that a stop word inside a form ("investigação e desenvolvimento") keeps its
place. The seed is the portal's own vocabulary (docs/terminology.md); editors change it in the
admin (Settings > Synonyms and acronyms).
"""

from django.db import migrations

PHRASE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION portal_folded_phrase(config regconfig, body text)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
      CASE WHEN previous IS NULL THEN '' ELSE ' <' || (place - previous) || '> ' END
      || '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''',
      '' ORDER BY place)::tsquery, ''::tsquery)
  FROM (
    SELECT lexeme, place, lag(place) OVER (ORDER BY place) AS previous
    FROM unnest(portal_folded_vector(config, body)) AS word, unnest(word.positions) AS place
  ) AS words
$$"""

SEED = [
    # term_pt, term_en, expansions_pt, expansions_en
    ("PCP", "PCP", ["contratação pré-comercial"], ["pre-commercial procurement"]),
    (
        "CPI",
        "PPI",
        ["compras públicas de inovação", "contratação pública para a inovação"],
        ["public procurement of innovation", "public procurement for innovation"],
    ),
    ("I&D", "R&D", ["investigação e desenvolvimento"], ["research and development"]),
    ("CCP", "CCP", ["Código dos Contratos Públicos"], ["Public Contracts Code"]),
    ("TED", "TED", ["Tenders Electronic Daily"], ["Tenders Electronic Daily"]),
    (
        "BASE",
        "BASE",
        ["Portal BASE", "portal dos contratos públicos"],
        ["Portal BASE", "Portuguese public contracts portal"],
    ),
]


def postgres(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term_pt, term_en, expansions_pt, expansions_en in SEED:
        Synonym.objects.get_or_create(
            term_pt=term_pt,
            defaults={
                "term_en": term_en,
                "expansions_pt": "\n".join(expansions_pt),
                "expansions_en": "\n".join(expansions_en),
            },
        )


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(term_pt__in=[row[0] for row in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_synonym")]

    operations = [
        migrations.RunPython(
            postgres(PHRASE_FUNCTION),
            postgres("DROP FUNCTION IF EXISTS portal_folded_phrase(regconfig, text)"),
        ),
        migrations.RunPython(seed, unseed),
    ]
