"""The Portuguese catalogue is complete and compiled."""

from django.conf import settings
from django.utils import translation

PO = settings.BASE_DIR / "locale" / "pt" / "LC_MESSAGES" / "django.po"


def entries():
    """(msgid, msgstr, flags) of each entry, from a plain reading of the .po file."""
    result, msgid, msgstr, flags, field = [], None, None, "", None
    for line in [*PO.read_text("utf-8").splitlines(), ""]:
        if line.startswith("#,"):
            flags = line
        elif line.startswith("msgid "):
            msgid, field = line[6:].strip('"'), "id"
        elif line.startswith(("msgstr ", "msgstr[")):
            text = line.split(" ", 1)[1].strip('"')
            # Plural forms: the entry counts as translated only if every form is.
            msgstr = text if msgstr is None or msgstr else msgstr
            field = "str"
        elif line.startswith('"') and field == "id":
            msgid += line.strip('"')
        elif line.startswith('"') and field == "str":
            msgstr += line.strip('"')
        elif not line.strip() and msgid is not None:
            result.append((msgid, msgstr, flags))
            msgid, msgstr, flags, field = None, None, "", None
    return result


def test_every_string_is_translated():
    untranslated = [msgid for msgid, msgstr, flags in entries() if msgid and not msgstr]
    fuzzy = [msgid for msgid, _, flags in entries() if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_is_used():
    with translation.override("pt"):
        assert translation.gettext("Skip to content") == "Saltar para o conteúdo"
    with translation.override("en"):
        assert translation.gettext("Skip to content") == "Skip to content"
