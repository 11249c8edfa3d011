"""The source of an editable template: a short Markdown-like text, parsed into blocks.

One file per template and language (fixtures/templates/<name>.<pt|en>.md) is the only text
staff edit; documents/docx_package.py and documents/odt_package.py write both formats from it.

    # Title                      the document's title (first line, once)
    ## Heading / ### Subheading  section headings
    > Text                       a shaded note (the "indicative, not legal advice" warning)
    - Text                       a bullet; consecutive bullets form one list
    Text                         a paragraph; consecutive lines are joined
    [text to fill in]            inside any text: a highlighted field for the buyer to complete
    **text**                     inside any text: bold
"""

import re
from dataclasses import dataclass, field

INLINE = re.compile(r"(\*\*.+?\*\*|\[[^\]\n]+\])")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    field: bool = False  # a placeholder the buyer replaces


@dataclass
class Block:
    kind: str  # title, heading, subheading, note, paragraph, bullets
    runs: list = field(default_factory=list)  # for bullets: a list of run lists, one per item


@dataclass
class TemplateSource:
    title: str
    language: str
    blocks: list


def runs(text):
    """The inline runs of one line: plain text, **bold** and [fields]."""
    result = []
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            result.append(Run(part[2:-2], bold=True))
        elif part.startswith("[") and part.endswith("]"):
            result.append(Run(part, field=True))
        else:
            result.append(Run(part))
    return result


def parse(text, language):
    """Blocks of a source text; raises ValueError on a missing title or an unknown marker."""
    blocks, paragraph = [], []

    def close_paragraph():
        if paragraph:
            blocks.append(Block("paragraph", runs(" ".join(paragraph))))
            paragraph.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            close_paragraph()
            continue
        marker, _, rest = line.partition(" ")
        if marker in {"#", "##", "###", ">", "-"}:
            close_paragraph()
            rest = rest.strip()
            if not rest:
                raise ValueError(f"line {number}: {marker!r} without text")
            if marker == "-":
                if blocks and blocks[-1].kind == "bullets":
                    blocks[-1].runs.append(runs(rest))
                else:
                    blocks.append(Block("bullets", [runs(rest)]))
                continue
            kind = {"#": "title", "##": "heading", "###": "subheading", ">": "note"}[marker]
            if kind == "title" and any(b.kind == "title" for b in blocks):
                raise ValueError(f"line {number}: a second title")
            blocks.append(Block(kind, runs(rest)))
        elif line.startswith(("#", ">")):
            raise ValueError(f"line {number}: unknown marker in {line[:20]!r}")
        else:
            paragraph.append(line)
    close_paragraph()
    titles = [b for b in blocks if b.kind == "title"]
    if not titles or blocks[0].kind != "title":
        raise ValueError("the first line must be the title (# …)")
    title = "".join(run.text for run in titles[0].runs)
    return TemplateSource(title=title, language=language, blocks=blocks)


def plain_text(source):
    """The whole text, for the library's search (what a reader would find in the file)."""
    lines = []
    for block in source.blocks:
        items = block.runs if block.kind == "bullets" else [block.runs]
        lines.extend("".join(run.text for run in item) for item in items)
    return "\n".join(lines)
