"""The editable templates of the library: fixtures/templates/<name>.<language>.md, each built
into fixtures/files/template-<name>-<language>.docx and .odt (the keys of documents.toml)."""

from pathlib import Path

from documents.docx_package import docx_bytes
from documents.odt_package import odt_bytes
from documents.template_source import parse

LANGUAGES = ("pt", "en")


def sources(folder):
    """(name, language, path) of every template source, in a stable order."""
    found = []
    for path in sorted(Path(folder).glob("*.md")):
        name, _, language = path.stem.rpartition(".")
        if language not in LANGUAGES or not name:
            raise ValueError(f"{path.name}: name it <template>.pt.md or <template>.en.md")
        found.append((name, language, path))
    return found


def built_files(folder):
    """{file name: bytes} of both formats of every template in `folder`."""
    files = {}
    for name, language, path in sources(folder):
        source = parse(path.read_text("utf-8"), language)
        stem = f"template-{name}-{language}"
        files[f"{stem}.docx"] = docx_bytes(source)
        files[f"{stem}.odt"] = odt_bytes(source)
    return files
