"""Active content in Office Open XML and OpenDocument files: macros and scripts, ActiveX, DDE
fields, embedded OLE objects and packages, and templates or objects loaded from elsewhere."""

import re
import zipfile
import zlib
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

from documents.ooxml_links import has_dde_field, relationships_finding
from documents.zip_members import MemberTooLarge, member_matches

# Lower-cased: VBA projects, macro-enabled formats, Excel 4 macro sheets, ActiveX controls.
OOXML_MACRO_PARTS = ("vbaproject.bin", "vbaprojectsignature.bin", "vbadata.xml")
OOXML_MACRO_FOLDERS = ("activex/", "macrosheets/")
OOXML_MACRO_TYPES = re.compile(rb"macroenabled|vbaproject|activex|macrosheet", re.IGNORECASE)
# OLE objects and embedded packages (another Office file, or a chart's own workbook).
OOXML_EMBEDDED_FOLDER = "/embeddings/"
OOXML_EMBEDDED_TYPES = re.compile(rb"oleobject|officedocument\.package\b", re.IGNORECASE)
# Word parts that hold fields: document, headers, footers, footnotes, endnotes, comments...
WORD_PART = re.compile(r"word/(?:[^/]+/)*[^/]+\.xml", re.IGNORECASE)
EXCEL_LINK_PART = re.compile(r"xl/externalLinks/[^/]+\.xml", re.IGNORECASE)
EXCEL_DDE_LINK = re.compile(rb"<(\w+:)?ddeLink[\s>/]")
# ODF keeps Basic macros and other scripts in these folders.
ODF_SCRIPT_FOLDERS = ("Basic/", "Scripts/")
# A script element (not the empty <office:scripts/> LibreOffice always writes), an event
# bound to a macro, or a link that calls one.
ODF_SCRIPT_MARKUP = re.compile(
    rb"<office:script[\s>/]|<script:event-listener|vnd\.sun\.star\.script:|macro:///",
    re.IGNORECASE,
)
ODF_DDE_MARKUP = re.compile(rb"<(text:dde-connection-decl|table:dde-link|office:dde-source)[\s>/]")
# Manifest entries of scripts (EPS images, "application/postscript", are not scripts).
ODF_MANIFEST_SCRIPTS = re.compile(
    rb'full-path="(Basic|Scripts)/'
    rb'|media-type="(text|application)/(x-)?(javascript|ecmascript|python|beanshell|basic)"'
    rb"|media-type=\"application/vnd\.sun\.star\.script",
    re.IGNORECASE,
)
ODF_XML_PARTS = ("content.xml", "styles.xml", "settings.xml")


def ooxml_names_finding(names):
    lowered = [name.lower() for name in names]
    if any(name.rsplit("/", 1)[-1] in OOXML_MACRO_PARTS for name in lowered):
        return "macros"
    if any(folder in name for name in lowered for folder in OOXML_MACRO_FOLDERS):
        return "macros"
    if any(
        OOXML_EMBEDDED_FOLDER in "/" + name or name.rsplit("/", 1)[-1].startswith("oleobject")
        for name in lowered
    ):
        return "embedded_object"
    return None


def ooxml_finding(archive):
    names = archive.namelist()
    if finding := ooxml_names_finding(names):
        return finding
    if "[Content_Types].xml" in names:
        if member_matches(archive, "[Content_Types].xml", OOXML_MACRO_TYPES):
            return "macros"
        if member_matches(archive, "[Content_Types].xml", OOXML_EMBEDDED_TYPES):
            return "embedded_object"
    for name in names:
        if name.lower().endswith(".rels") and (finding := relationships_finding(archive, name)):
            return finding
    for name in names:
        if WORD_PART.fullmatch(name) and has_dde_field(archive, name):
            return "dde"
        if EXCEL_LINK_PART.fullmatch(name) and member_matches(archive, name, EXCEL_DDE_LINK):
            return "dde"
    return None


def odf_finding(archive):
    names = archive.namelist()
    if any(name.startswith(ODF_SCRIPT_FOLDERS) for name in names):
        return "macros"
    manifest = "META-INF/manifest.xml"
    if manifest in names and member_matches(archive, manifest, ODF_MANIFEST_SCRIPTS):
        return "macros"
    parts = [part for part in ODF_XML_PARTS if part in names]
    if any(member_matches(archive, part, ODF_SCRIPT_MARKUP) for part in parts):
        return "macros"
    if any(member_matches(archive, part, ODF_DDE_MARKUP) for part in parts):
        return "dde"
    return None


def office_finding(uploaded, family):
    """What an OOXML ("ooxml") or ODF ("odf") file carries (a key of file_checks'
    ACTIVE_CONTENT_REASONS), or None."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return ooxml_finding(archive) if family == "ooxml" else odf_finding(archive)
    except MemberTooLarge:
        return "oversized_part"
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ParseError,
        DefusedXmlException,  # a DTD, entity or external reference: no Office part has one
    ):
        return "unreadable"  # a member that cannot be inflated or parsed cannot be checked
