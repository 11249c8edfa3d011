"""Writes locale_wording/pt/LC_MESSAGES/django.po: European Portuguese corrections of Wagtail's
and Django's own translations, which `make messages` (the project's catalogue) would drop.

    .venv/bin/python tools/admin_wording.py && msgfmt -o locale_wording/pt/LC_MESSAGES/django.mo \
        locale_wording/pt/LC_MESSAGES/django.po

- Plurals: Wagtail's pt_PT catalogues count 0 as singular ("Utilizado 0 vez"); European
  Portuguese says "0 vezes". Every translated plural is copied with the rule n != 1.
- Months in lower case (AO1990), relative times with "há" ("há 2 minutos", not "2 minutos
  atrás"), and "Created" without a gender (a document is "criado", an image "criada").
"""

import re
from pathlib import Path

import wagtail

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "locale_wording" / "pt" / "LC_MESSAGES" / "django.po"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_PT = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
]
ABBREVIATED = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]
ABBREVIATED += ["Nov.", "Dec."]
ABBREVIATED_PT = ["jan.", "fev.", "março", "abril", "maio", "jun.", "jul.", "ago.", "set."]
ABBREVIATED_PT += ["out.", "nov.", "dez."]
TIME_UNITS = [("year", "ano", "anos"), ("month", "mês", "meses"), ("week", "semana", "semanas")]
TIME_UNITS += [("day", "dia", "dias"), ("hour", "hora", "horas"), ("minute", "minuto", "minutos")]

# (context, msgid, msgstr) written by hand.
SINGULAR = [
    *[("", en, pt) for en, pt in zip(MONTHS, MONTHS_PT, strict=True)],
    *[("alt. month", en, pt) for en, pt in zip(MONTHS, MONTHS_PT, strict=True)],
    *[("abbrev. month", en, pt) for en, pt in zip(ABBREVIATED, ABBREVIATED_PT, strict=True)],
    ("", "%(time_period)s ago", "há %(time_period)s"),
    (
        "",
        "%(time_period)s ago by %(user_display_name)s",
        "há %(time_period)s, por %(user_display_name)s",
    ),
    ("", "Created", "Criação"),
    ("", "just now", "agora mesmo"),
]
# (msgid, msgid_plural, singular, plural) written by hand: Django's timesince.
PLURAL = [
    (f"%(num)d {en}", f"%(num)d {en}s", f"%(num)d {one}", f"%(num)d {many}")
    for en, one, many in TIME_UNITS
]

HEADER = """\
# European Portuguese corrections of Wagtail's and Django's translations (tools/admin_wording.py
# writes this file; edit the tool, not the file).
msgid ""
msgstr ""
"Project-Id-Version: procureplus-admin-wording\\n"
"MIME-Version: 1.0\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: pt\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_entries(path):
    """(msgctxt, msgid, msgid_plural, [msgstr...]) of each entry of a .po file."""
    entries, entry, field = [], None, None
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            key, text = match.groups()
            if key in ("msgctxt", "msgid") and entry and "msgstr" in str(entry.keys()):
                entries.append(entry)
                entry = None
            entry = entry or {}
            field = key
            entry[field] = text
        elif line.startswith('"') and entry is not None and field:
            entry[field] += line[1:-1]
        elif not line.strip() and entry:
            entries.append(entry)
            entry, field = None, None
    return entries


def spaced(text):
    """Wagtail's pt_PT glues some numbers and names to the next word ("%(n)ddocumento")."""
    text = re.sub(r"(%\(\w+\)[ds])(?=\w)", r"\1 ", text)
    return re.sub(r"\b(a|de|em)(%\()", r"\1 \2", text)


def wagtail_plurals():
    """Wagtail's translated plurals, with the singular for 1 only and the general plural."""
    found = {}
    for path in sorted(Path(wagtail.__file__).parent.glob("**/locale/pt_PT/LC_MESSAGES/django.po")):
        for entry in po_entries(path):
            forms = [entry.get(f"msgstr[{i}]", "") for i in range(3)]
            if "msgid_plural" not in entry or not forms[0]:
                continue
            key = (entry.get("msgctxt", ""), entry["msgid"], entry["msgid_plural"])
            found.setdefault(key, (spaced(forms[0]), spaced(forms[2] or forms[1])))
    return found


def proofread_elsewhere():
    """The msgids of locale_admin/ (Wagtail's missing and proof-read strings), which own them."""
    path = ROOT / "locale_admin" / "pt" / "LC_MESSAGES" / "django.po"
    return {entry.get("msgid") for entry in po_entries(path)} if path.exists() else set()


def render():
    out = [HEADER]
    for context, msgid, msgstr in SINGULAR:
        ctx = f"msgctxt {quote(context)}\n" if context else ""
        out.append(f"{ctx}msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n")
    plurals = {("", one, many): (pt_one, pt_many) for one, many, pt_one, pt_many in PLURAL}
    proofread = proofread_elsewhere()
    plurals.update(
        {k: v for k, v in wagtail_plurals().items() if k not in plurals and k[1] not in proofread}
    )
    for (context, msgid, plural), (one, many) in plurals.items():
        ctx = f'msgctxt "{context}"\n' if context else ""
        forms = f'msgstr[0] "{one}"\nmsgstr[1] "{many}"\n'
        out.append(f'{ctx}msgid "{msgid}"\nmsgid_plural "{plural}"\n{forms}')
    return "\n".join(out)


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(render(), "utf-8")
    print(f"{TARGET.relative_to(ROOT)}: written")
