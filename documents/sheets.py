"""A one-page PDF that describes a document whose original file the portal does not hold."""

import datetime

from fpdf import FPDF

SHEET_DATE = datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC)

NOTICE = {
    "pt": (
        "O ficheiro original deste documento não está disponível neste portal. "
        "Esta ficha foi gerada a partir dos dados do documento na biblioteca do Procure+i."
    ),
    "en": (
        "The original file of this document is not available on this portal. "
        "This sheet was generated from the document's record in the Procure+i library."
    ),
}
# How to get the original: the support form names the document when linked from the portal.
ASK = {
    "pt": (
        "Pode pedir o original ao Procure+i no formulário «Pedir apoio ao Procure+i» do portal, "
        "indicando o título deste documento."
    ),
    "en": (
        "You can ask Procure+i for the original with the portal's «Ask Procure+i» form, "
        "giving the title of this document."
    ),
}
ORIGINAL = {
    "pt": "Endereço público do original: {url}",
    "en": "Public address of the original: {url}",
}
LABELS = {
    "pt": {"category": "Categoria", "language": "Língua do original", "year": "Ano"},
    "en": {"category": "Category", "language": "Language of the original", "year": "Year"},
}
# The PDF core fonts cover Latin-1: typographic punctuation is written in its plain form.
PLAIN = str.maketrans(
    {"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "«": '"', "»": '"'}
)


def plain(text):
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def is_sheet(text_content):
    """Whether a document's extracted text is one of these sheets (its notice, either language)."""
    text = " ".join((text_content or "").split())
    return any(notice.split(". ")[0] in text for notice in NOTICE.values())


def sheet_notes(entry, code):
    notes = [NOTICE[code], ASK[code]]
    if entry.get("original_url"):
        notes.append(ORIGINAL[code].format(url=entry["original_url"]))
    return " ".join(notes)


def metadata_sheet(entry, category_labels, language_labels):
    """PDF bytes for a documents.toml entry; labels map codes to {lang: label}."""
    pdf = FPDF(format="A4")
    pdf.set_compression(False)  # keeps the text readable to search indexing and tests
    pdf.set_title(plain(entry["title_pt"]))
    pdf.set_author("Procure+i")
    pdf.set_creation_date(SHEET_DATE)  # a fixed date: rebuilding gives the same bytes
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_text_color(11, 79, 108)
    pdf.cell(
        0,
        8,
        "Procure+i - Centro de Competências em Compras Públicas de Inovação",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for code in ("pt", "en"):
        pdf.ln(4)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("Helvetica", "B", 15)
        pdf.multi_cell(0, 8, plain(entry[f"title_{code}"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        facts = [
            (LABELS[code]["category"], category_labels[entry["category"]][code]),
            (LABELS[code]["language"], language_labels[entry["file_language"]][code]),
        ]
        if entry.get("published_year"):
            facts.append((LABELS[code]["year"], str(entry["published_year"])))
        for label, value in facts:
            pdf.multi_cell(0, 6, plain(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(
            0,
            6,
            plain(entry.get(f"description_{code}", "")),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(3)
        pdf.set_font("Helvetica", "I", 10)
        pdf.set_fill_color(255, 247, 223)
        pdf.multi_cell(
            0,
            6,
            plain(sheet_notes(entry, code)),
            fill=True,
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())
