"""The chooser's texts corrected for issue 25 reach sites loaded before it.

The content loader never overwrites a page that exists, so this migration replaces each old
sentence with its correction in the chooser pages and in their live and latest revisions,
only where the old sentence is still there word for word: a sentence staff rewrote is left
as they wrote it. The editors' recommendation texts now describe the procedure only (the
reasons of each path come from buyers/chooser.py), and the innovation partnership's drawback
says what arts 31 and 218.º-A/D require.
"""

import json

from django.db import migrations

PT_IP_OLD = (
    "<li>As regras de propriedade intelectual e os níveis de desempenho e custos máximos têm de "
    "estar definidos à partida.</li>"
)
PT_IP_NEW = (
    "<li>As peças do procedimento têm de fixar à partida os requisitos mínimos que todas as "
    "propostas devem cumprir e as regras de propriedade intelectual (artigo 218.º-A do CCP); os "
    "níveis de desempenho e os custos máximos da aquisição final são acordados com os parceiros "
    "(Diretiva 2014/24/UE, artigo 31.º, n.º 2), e a parceria tem de ser estruturada em fases com "
    "metas intermédias (artigo 218.º-D do CCP).</li>"
)
EN_IP_OLD = (
    "<li>Intellectual property rules, performance levels and maximum costs must be set from the "
    "outset.</li>"
)
EN_IP_NEW = (
    "<li>The procurement documents must set from the outset the minimum requirements that all "
    "tenders must meet and the intellectual property rules (CCP, Article 218-A); the performance "
    "levels and maximum costs of the final purchase are agreed with the partners (Directive "
    "2014/24/EU, Article 31(2)), and the partnership must be structured in phases with "
    "intermediate targets (CCP, Article 218-D).</li>"
)
# (old, new): each old text as the fixtures of the previous release loaded it.
REPLACEMENTS = [
    (
        "<p>Ainda é preciso investigação e desenvolvimento e, por agora, não pretende "
        "comprometer-se com a compra em volume. A contratação pré-comercial",
        "<p>A contratação pré-comercial",
    ),
    (
        "<p>A necessidade não pode ser satisfeita por soluções já disponíveis no mercado e "
        "pretende, se o desenvolvimento tiver êxito, comprar a solução. A parceria para a inovação",
        "<p>A parceria para a inovação",
    ),
    (
        "<p>Não há uma solução pronta no mercado e ainda não consegue definir com precisão os "
        "meios técnicos para satisfazer a necessidade. No diálogo concorrencial,",
        "<p>No diálogo concorrencial,",
    ),
    (
        "<p>Consegue fixar o objeto e os requisitos mínimos, mas as soluções disponíveis precisam "
        "de ser adaptadas ou as propostas precisam de ser negociadas. No procedimento de "
        "negociação, a entidade adjudicante negoceia",
        "<p>No procedimento de negociação, a entidade adjudicante fixa nas peças do procedimento "
        "os requisitos mínimos e os critérios de adjudicação e negoceia",
    ),
    (
        "<p>Já existe uma solução no mercado e consegue descrever a necessidade pelo desempenho "
        "ou pela função pretendidos. Um concurso público",
        "<p>Um concurso público",
    ),
    (PT_IP_OLD, PT_IP_NEW),
    ("Módulo estratégico:", "Módulo Estratégico:"),
    (
        "<p>Research and development is still needed and, for now, you do not intend to commit "
        "to buying at scale. Pre-commercial procurement",
        "<p>Pre-commercial procurement",
    ),
    (
        "<p>The need cannot be met by solutions already on the market and, if the development "
        "succeeds, you intend to buy the solution. The innovation partnership",
        "<p>The innovation partnership",
    ),
    (
        "<p>No ready solution is on the market and you cannot yet define precisely the technical "
        "means to meet the need. In competitive dialogue,",
        "<p>In competitive dialogue,",
    ),
    (
        "<p>You can set the subject-matter and minimum requirements, but the available solutions "
        "need adapting or the tenders need negotiating. In the competitive procedure with "
        "negotiation, the contracting authority negotiates",
        "<p>In the competitive procedure with negotiation, the contracting authority sets the "
        "minimum requirements and the award criteria in the procurement documents and negotiates",
    ),
    (
        "<p>A solution already exists on the market and you can describe the need by the "
        "performance or function required. An open or restricted procedure",
        "<p>An open or restricted procedure",
    ),
    (EN_IP_OLD, EN_IP_NEW),
    ("Strategic module:", "Strategic Module:"),
    ("added by Decree-Law 111-B/2017", "added by Decree-Law No 111-B/2017"),
]
FIELDS = ("recommendations",)


def corrected(value, pairs):
    """The value with every old text replaced, in every string it holds."""
    if isinstance(value, str):
        for old, new in pairs:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [corrected(item, pairs) for item in value]
    if isinstance(value, dict):
        return {key: corrected(item, pairs) for key, item in value.items()}
    return value


def apply(pairs):
    def run(apps, schema_editor):
        Page = apps.get_model("buyers", "ProcedureChooserPage")
        Revision = apps.get_model("wagtailcore", "Revision")
        for page in Page.objects.all():
            for name in FIELDS:
                raw = list(getattr(page, name).raw_data)
                fixed = corrected(raw, pairs)
                if fixed != raw:
                    setattr(page, name, fixed)
                    page.save(update_fields=[name])
            revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
            for revision in Revision.objects.filter(pk__in=revision_ids):
                content = dict(revision.content)
                for name in FIELDS:
                    if isinstance(content.get(name), str):
                        stream = json.loads(content[name])
                        content[name] = json.dumps(corrected(stream, pairs))
                if content != revision.content:
                    revision.content = content
                    revision.save(update_fields=["content"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("buyers", "0005_chooser_contract_questions"),
    ]

    # Going back keeps the corrected texts: they are right under either schema.
    operations = [migrations.RunPython(apply(REPLACEMENTS), migrations.RunPython.noop)]
