"""Active content in a PDF: scripts, launch actions, embedded files, rich media and XFA forms."""

import re

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Action types that run code or open another program; GoTo, URI and the like are plain links.
CODE_ACTIONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/RichMediaExecute": "rich_media",
    "/GoToE": "embedded_file",  # opens a PDF carried inside this one
}
ANNOTATION_SUBTYPES = {"/FileAttachment": "embedded_file", "/RichMedia": "rich_media"}
# Backstop for objects no walk reaches: the names as plain tokens, and escaped (below).
RAW_TOKENS = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?=[\s/<>\[\]()%])")
# A name with #xx escapes (PDF 1.2+): "/J#61vaScript" is /JavaScript to every reader.
NAME_CHARS = rb"[^\x00\t\n\x0c\r /<>\[\]()%{}]*"
ESCAPED_NAME = re.compile(rb"/" + NAME_CHARS + rb"#[0-9A-Fa-f]{2}" + NAME_CHARS)
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
RAW_FINDINGS = {
    b"JavaScript": "javascript",
    b"JS": "javascript",
    b"Launch": "launch",
    b"EmbeddedFile": "embedded_file",
    b"EmbeddedFiles": "embedded_file",
    b"RichMedia": "rich_media",
    b"XFA": "xfa",
}
CHUNK = 1024 * 1024
OVERLAP = 128  # longer than any token, escaped or not, so one split across two chunks is found
MAX_ACTION_CHAIN = 100


def resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def action_finding(action):
    """The finding of an action and of the actions chained after it by /Next, or None."""
    pending, seen = [action], 0
    while pending and seen < MAX_ACTION_CHAIN:
        current = resolve(pending.pop())
        seen += 1
        if isinstance(current, ArrayObject):
            pending.extend(current)
            continue
        if not isinstance(current, DictionaryObject):
            continue  # a destination (go to a page) runs nothing
        kind = current.get("/S")
        if kind in CODE_ACTIONS:
            return CODE_ACTIONS[kind]
        if kind == "/Rendition" and "/JS" in current:
            return "javascript"
        if "/Next" in current:
            pending.append(current["/Next"])
    return None


def additional_actions_finding(holder):
    """Any code among the /AA (open, close, mouse, keystroke...) actions of a dictionary."""
    triggers = resolve(holder.get("/AA"))
    if not isinstance(triggers, DictionaryObject):
        return None
    for action in triggers.values():
        if finding := action_finding(action):
            return finding
    return None


def outline_actions(root):
    """The /A actions of the bookmarks, bounded so a looping outline ends."""
    outlines = resolve(root.get("/Outlines"))
    pending = [resolve(outlines.get("/First"))] if isinstance(outlines, DictionaryObject) else []
    seen = set()
    while pending and len(seen) < 10_000:
        item = pending.pop()
        if not isinstance(item, DictionaryObject) or id(item) in seen:
            continue
        seen.add(id(item))
        if "/A" in item:
            yield item["/A"]
        pending.extend(resolve(item.get(key)) for key in ("/First", "/Next"))


def catalog_finding(root):
    names = resolve(root.get("/Names"))
    if isinstance(names, DictionaryObject):
        if "/JavaScript" in names:
            return "javascript"
        if "/EmbeddedFiles" in names:
            return "embedded_file"
    form = resolve(root.get("/AcroForm"))
    if isinstance(form, DictionaryObject) and "/XFA" in form:
        return "xfa"
    if "/OpenAction" in root and (finding := action_finding(root["/OpenAction"])):
        return finding
    if finding := additional_actions_finding(root):
        return finding
    for action in outline_actions(root):
        if finding := action_finding(action):
            return finding
    return None


def page_finding(page):
    if finding := additional_actions_finding(page):
        return finding
    for annotation in resolve(page.get("/Annots")) or []:
        annotation = resolve(annotation)
        if not isinstance(annotation, DictionaryObject):
            continue
        if annotation.get("/Subtype") in ANNOTATION_SUBTYPES:
            return ANNOTATION_SUBTYPES[annotation["/Subtype"]]
        if "/A" in annotation and (finding := action_finding(annotation["/A"])):
            return finding
        if finding := additional_actions_finding(annotation):
            return finding
    return None


def structure_finding(uploaded):
    """Walks the catalog, names tree, pages and annotations; "unreadable" when pypdf cannot."""
    uploaded.seek(0)
    try:
        reader = PdfReader(uploaded, strict=False)
        root = reader.trailer["/Root"].get_object()
        if finding := catalog_finding(root):
            return finding
        for page in reader.pages:
            if finding := page_finding(page):
                return finding
    except Exception:  # noqa: BLE001 - whatever pypdf raises, the file cannot be checked
        return "unreadable"
    return None


def escaped_finding(data, final):
    """The finding of a name written with #xx escapes, decoded as a reader would."""
    for match in ESCAPED_NAME.finditer(data):
        if match.end() == len(data) and not final:
            continue  # may go on in the next chunk: scanned again with the tail
        name = HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group()[1:])
        if name in RAW_FINDINGS:
            return RAW_FINDINGS[name]
    return None


def chunk_finding(data, final=False):
    if match := RAW_TOKENS.search(data + b"\n" if final else data):
        return RAW_FINDINGS[match.group(1)]
    return escaped_finding(data, final)


def raw_finding(uploaded):
    """Scans the bytes for the names of active features, in chunks: objects no walk reaches."""
    uploaded.seek(0)
    tail = b""
    while chunk := uploaded.read(CHUNK):
        data = tail + chunk
        if finding := chunk_finding(data):
            return finding
        tail = data[-OVERLAP:]
    return chunk_finding(tail, final=True)  # a name that ends the file


def pdf_finding(uploaded):
    """What active content the PDF carries ("javascript", "launch"...), "unreadable" for a PDF
    pypdf cannot parse (as an Office file whose parts cannot be read), or None."""
    structure = structure_finding(uploaded)
    if structure and structure != "unreadable":
        return structure
    return raw_finding(uploaded) or structure
