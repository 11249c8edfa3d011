"""DDE fields and outside links in Office Open XML parts, read with defusedxml.

A DDE or DDEAUTO field runs a command when Word updates fields (on opening, for DDEAUTO);
a relationship to a template, OLE object, frame or sub-document "TargetMode=External"
fetches content from another address when the file opens. Plain hyperlinks are left alone.
"""

import re

from defusedxml import ElementTree

from documents.zip_members import member_matches, open_member

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# A field code, once its pieces are joined, that starts with DDE or DDEAUTO.
DDE_FIELD = re.compile(r'^\s*"?\s*DDE(AUTO)?(?![A-Z0-9])', re.IGNORECASE)
INSTRUCTION_TAGS = (f"{WORD}instrText", f"{WORD}delInstrText")
# Any prefix, or none (a default namespace).
FIELD_MARKUP = re.compile(rb"[:<](instrText|delInstrText|fldSimple)[\s>/]")
# The last part of a relationship's Type; lower-cased.
EXTERNAL_REFUSED = {"attachedtemplate", "oleobject", "frame", "subdocument"}
EMBEDDED_TYPES = {"oleobject", "package"}
ACTIVEX_TYPES = {"control", "activexcontrol", "activexcontrolbinary"}


def field_codes(archive, name):
    """Every field code of a WordprocessingML part: fldSimple's instr, and the instrText runs
    between a complex field's begin and separate (or end), joined, nested fields apart."""
    stack = []
    with open_member(archive, name) as member:
        # "end" events only (half the work of "start" too): fldChar is empty, so its end
        # comes in document order.
        for _event, element in ElementTree.iterparse(member):
            tag = element.tag
            if tag == f"{WORD}fldSimple":
                yield element.get(f"{WORD}instr", "")
            elif tag == f"{WORD}fldChar":
                kind = element.get(f"{WORD}fldCharType")
                if kind == "begin":
                    stack.append([])
                elif kind in ("separate", "end") and stack and stack[-1] is not None:
                    yield "".join(stack[-1])
                    stack[-1] = None  # the field's result follows: no more code
                if kind == "end" and stack:
                    stack.pop()
            elif tag in INSTRUCTION_TAGS and stack and stack[-1] is not None:
                stack[-1].append(element.text or "")
            element.clear()  # keeps memory flat on a long document
    for pieces in stack:  # a field never closed still counts
        if pieces is not None:
            yield "".join(pieces)


def has_dde_field(archive, name):
    # Most parts hold no field at all: a byte scan spares parsing them.
    if not member_matches(archive, name, FIELD_MARKUP):
        return False
    return any(DDE_FIELD.match(code) for code in field_codes(archive, name))


def relationships(archive, name):
    """(type's last part, lower-cased; whether the target is external) of a .rels part."""
    with open_member(archive, name) as member:
        for _event, element in ElementTree.iterparse(member):
            if element.tag == RELATIONSHIP:
                kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1].lower()
                yield kind, element.get("TargetMode", "").lower() == "external"
            element.clear()


def relationships_finding(archive, name):
    for kind, external in relationships(archive, name):
        if external and kind in EXTERNAL_REFUSED:
            return "external_content"
        if kind in ACTIVEX_TYPES:
            return "macros"
        if kind in EMBEDDED_TYPES:
            return "embedded_object"
    return None
