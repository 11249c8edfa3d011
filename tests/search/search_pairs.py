"""Queries and the start of a title each must find in the real content (fixtures/).

Plural <-> singular, inflected forms, accents typed or not.
"""

PORTUGUESE = [
    ("inovações", "Compras Públicas de Inovação"),
    ("inovacoes", "Compras Públicas de Inovação"),
    ("inovacao", "Compras Públicas de Inovação"),
    ("parcerias", "Frederiksberg: parceria"),
    ("agua", "Frederiksberg: parceria"),
    ("diálogos", "Mértola: diálogo"),
    ("dialogo concorrencial", "Mértola: diálogo"),
    ("eficiencia energetica", "Mértola: diálogo"),
    ("contratações", "Marine-EO: contratação"),
    ("contratacao pre-comercial", "Marine-EO: contratação"),
    ("observações", "Marine-EO: contratação"),
    ("servico", "Marine-EO: contratação"),
    ("estudos de mercado", "Estudo de mercado:"),
    ("modulos estrategicos", "Módulo Estratégico"),
    ("seminários temáticos", "Seminário temático"),
    ("procedimentos", "Que procedimento se adequa à minha necessidade?"),
    ("necessidades", "Que procedimento se adequa à minha necessidade?"),
    ("pergunta frequente", "Perguntas frequentes"),
    ("caso de estudo", "Casos de estudo"),
    ("declaracao de acessibilidade", "Declaração de Acessibilidade e Usabilidade"),
    ("politicas de privacidade", "Política de privacidade"),
    ("entidade adjudicante", "Workshop temático de capacitação em CPI – entidades"),
    ("camaras de lisboa", "Workshop temático de capacitação em CPI – Câmara"),
    ("participações", "Workshop: lições"),
    ("projeto", "Workshop: lições"),
]

ENGLISH = [
    ("partnerships", "The ANI–IMPIC partnership"),
    ("innovation partnerships", "Frederiksberg: an innovation"),
    ("dialogues", "Mértola: competitive"),
    ("mertola", "Mértola: competitive"),
    ("case study", "Case studies"),
    ("module", "Guidance modules"),
    ("seminar", "Seminars and workshops"),
    ("lesson", "Workshop: lessons learned"),
    ("procedures", "Which procedure fits my need?"),
    ("needs", "Which procedure fits my need?"),
    ("authority", "Thematic workshop on PPI capacity building – justice"),
    ("question", "Frequently asked questions"),
    ("observations", "Marine-EO: pre-commercial"),
    ("statements", "Accessibility statement"),
]

SUGGESTIONS = [
    ("pt", "inov", "Inovação"),
    ("pt", "parc", "Parceria"),
    ("en", "innov", "Innovation"),
    ("en", "partn", "partnership"),
]
