"""Macros and scripts in Office Open XML and OpenDocument files."""

import re
import zipfile
import zlib

# Lower-cased: VBA projects, macro-enabled formats, Excel 4 macro sheets, ActiveX controls.
OOXML_MACRO_PARTS = ("vbaproject.bin", "vbaprojectsignature.bin", "vbadata.xml")
OOXML_MACRO_FOLDERS = ("activex/", "macrosheets/")
OOXML_MACRO_TYPES = re.compile(rb"macroenabled|vbaproject|activex|macrosheet", re.IGNORECASE)
# ODF keeps Basic macros and other scripts in these folders.
ODF_SCRIPT_FOLDERS = ("Basic/", "Scripts/")
# A script element (not the empty <office:scripts/> LibreOffice always writes), an event
# bound to a macro, or a link that calls one.
ODF_SCRIPT_MARKUP = re.compile(
    rb"<office:script[\s>/]|<script:event-listener|vnd\.sun\.star\.script:|macro:///",
    re.IGNORECASE,
)
# Manifest entries of scripts (EPS images, "application/postscript", are not scripts).
ODF_MANIFEST_SCRIPTS = re.compile(
    rb'full-path="(Basic|Scripts)/'
    rb'|media-type="(text|application)/(x-)?(javascript|ecmascript|python|beanshell|basic)"'
    rb"|media-type=\"application/vnd\.sun\.star\.script",
    re.IGNORECASE,
)
ODF_XML_PARTS = ("content.xml", "styles.xml", "settings.xml")
CHUNK = 1024 * 1024
OVERLAP = 64


def member_matches(archive, name, pattern):
    """Searches one member in chunks, so a large or inflated part never sits whole in memory."""
    tail = b""
    with archive.open(name) as handle:
        while chunk := handle.read(CHUNK):
            data = tail + chunk
            if pattern.search(data):
                return True
            tail = data[-OVERLAP:]
    return False


def ooxml_has_macros(archive):
    names = [name.lower() for name in archive.namelist()]
    if any(name.rsplit("/", 1)[-1] in OOXML_MACRO_PARTS for name in names):
        return True
    if any(folder in name for name in names for folder in OOXML_MACRO_FOLDERS):
        return True
    return "[Content_Types].xml" in archive.namelist() and member_matches(
        archive, "[Content_Types].xml", OOXML_MACRO_TYPES
    )


def odf_has_scripts(archive):
    names = archive.namelist()
    if any(name.startswith(ODF_SCRIPT_FOLDERS) for name in names):
        return True
    manifest = "META-INF/manifest.xml"
    if manifest in names and member_matches(archive, manifest, ODF_MANIFEST_SCRIPTS):
        return True
    return any(
        member_matches(archive, part, ODF_SCRIPT_MARKUP) for part in ODF_XML_PARTS if part in names
    )


def office_finding(uploaded, family):
    """Returns "macros" when an OOXML ("ooxml") or ODF ("odf") file carries any, else None."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            found = ooxml_has_macros(archive) if family == "ooxml" else odf_has_scripts(archive)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError):
        return "unreadable"  # a member that cannot be inflated cannot be checked
    return "macros" if found else None
