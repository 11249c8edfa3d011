"""Which of Wagtail's own admin strings the Portuguese admin shows untranslated.

Wagtail's English catalogues (wagtail/**/locale/en) list every string its admin can show; a
string is translated when the catalogue Django builds for "pt" (Wagtail's pt_PT, Django's pt,
the project's locale/ and locale_admin/) holds it. `manage.py untranslated_admin_strings`
prints the rest, so a Wagtail upgrade's new strings are found before staff meet them.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import trans_real

import wagtail
import wagtail.admin

ADMIN_LANGUAGE = "pt"
DOMAINS = ("django", "djangojs")
CONTEXT_SEPARATOR = "\x04"


@dataclass(frozen=True)
class Message:
    msgid: str
    context: str = ""
    plural: str = ""
    source: str = ""  # the Wagtail package whose catalogue lists it

    @property
    def key(self):
        """The key Python's gettext stores the message under."""
        msgid = f"{self.context}{CONTEXT_SEPARATOR}{self.msgid}" if self.context else self.msgid
        return (msgid, 0) if self.plural else msgid


def read_po(path):
    """The messages of a .po file (msgctxt, msgid, msgid_plural; translations ignored)."""
    messages, entry, field = [], {}, None

    def flush():
        if entry.get("msgid"):
            messages.append(
                Message(
                    entry["msgid"],
                    entry.get("msgctxt", ""),
                    entry.get("msgid_plural", ""),
                    str(path),
                )
            )
        entry.clear()

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
            continue
        if line.startswith('"'):
            if field:
                entry[field] = entry.get(field, "") + ast.literal_eval(line)
            continue
        keyword, _, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in entry and "msgstr" in str(field):
            flush()
        field = keyword
        entry[field] = ast.literal_eval(value)
    flush()
    return messages


def wagtail_messages(domain):
    """Every message Wagtail's own English catalogues list for the domain, once each."""
    root = Path(wagtail.__file__).parent
    seen = {}
    for path in sorted(root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
        for message in read_po(path):
            seen.setdefault(message.key, message)
    return list(seen.values())


def admin_translation(domain):
    """The translation Django builds for the admin's language, as its views use it."""
    if domain == "django":
        return trans_real.translation(ADMIN_LANGUAGE)
    # Wagtail's JavaScriptCatalog: wagtail.admin's djangojs, then LOCALE_PATHS over it.
    localedir = Path(wagtail.admin.__file__).parent / "locale"
    return trans_real.DjangoTranslation(ADMIN_LANGUAGE, domain=domain, localedirs=[localedir])


def translated_keys(translation):
    keys = set()
    while translation is not None:
        catalog = getattr(translation, "_catalog", None) or {}
        keys.update(catalog.keys())
        translation = getattr(translation, "_fallback", None)
    return keys


def untranslated(domain):
    """Wagtail's messages of the domain that the admin's language lacks."""
    keys = translated_keys(admin_translation(domain))
    return [message for message in wagtail_messages(domain) if message.key not in keys]
