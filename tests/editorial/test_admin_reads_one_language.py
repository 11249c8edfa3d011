"""Staff read the admin in one language: Portuguese without English, English without Portuguese.

Signed in as an editor (the Editors group) and as a superuser, each with the admin language
chosen in their account, the test opens every address of the admin's menu, the explorer and an
edit view of each page type and each snippet, and looks for words of the other language in what
the screen shows and in the sidebar's data. The portal's own records (titles, names) are read in
their own language and are taken out first.
"""

import re

import pytest

from editorial.admin_catalogue import DOMAINS, untranslated

from .admin_screens import (
    content_pattern,
    content_strings,
    editor_urls,
    foreign_words,
    marker_pattern,
    menu_urls,
    screen_text,
    sign_in,
)

# Words and phrases only English uses (never a Portuguese word, whole words, case as written).
ENGLISH = [
    "the", "The", "and", "with", "of", "by", "to", "your", "you", "this", "This",
    "Save", "Delete", "Edit", "Add", "Search", "Settings", "Pages", "Images", "Documents",
    "Help", "Shortcuts", "Collapse all", "Expand all", "Select", "Choose", "View", "History",
    "Visible", "Schedule", "Status", "Edited", "Updated", "Created", "Date", "Usage", "Why not",
    "ago", "Draft", "Preview", "Publish", "Unpublish", "Privacy", "Workflow", "Locked",
    "Dashboard", "Reports", "Users", "Groups", "Back", "Cancel", "Close", "Next", "Previous",
    "Sort", "Filter", "Show", "Hide", "Type", "Title", "Owner", "Language", "Yes", "Toggle",
    "Log out", "Account", "Comments", "Live", "Snippets", "Collections", "Redirects", "Editor",
    "Guide", "What's new", "items", "page", "pages", "Keyboard", "Copy", "Move",
]  # fmt: skip
# Words only Portuguese uses, for the English admin.
PORTUGUESE = [
    "de", "da", "do", "das", "dos", "para", "não", "Não", "com", "uma", "página", "Página",
    "páginas", "Páginas", "Gravar", "Apagar", "Editar", "Pesquisar", "Definições", "Ajuda",
    "Atalhos", "Pré-visualizar", "Publicar", "Rascunho", "Estado", "Utilizadores", "Grupos",
    "Relatórios", "Imagens", "Documentos", "Ver", "Escolher", "Fechar", "Sim", "Língua",
    "Atualizado", "Atualizada", "Criada", "Criado", "há", "às", "Descargas", "Paridade",
    "Correio", "Boletim", "Pedidos", "pedidos", "Subscritores", "Termos", "Consentimento",
]  # fmt: skip
# Proper names and codes that read the same in both languages.
ALLOWED = [
    "Wagtail", "Procure+i", "PDF", "CSV", "XLSX", "URL", "HTML", "API", "ANI", "IMPIC", "FAQ",
    "Português", "English", "português", "inglês", "Portuguese", "Inglês",
]  # fmt: skip
LANGUAGES = {"pt": ENGLISH, "en": PORTUGUESE}
# A word that leaves its gender open, as Wagtail's "%(model_name)s" strings did.
HEDGED = re.compile(r"\w+(?:\(as?\)|/as?)(?!\w)")


def screens_read_in(client, user, language):
    """The foreign words of each screen the user meets with the admin in the language, and in
    Portuguese the words that hedge their gender («outro/a», «Nenhum(a)»)."""
    sign_in(client, user, language)
    markers = marker_pattern(LANGUAGES[language])
    content = content_pattern(content_strings())
    allowed = marker_pattern(ALLOWED)
    urls = menu_urls(user) + editor_urls(user, language)
    assert len(urls) > 10, urls  # the menu was read
    problems = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        texts = screen_text(response.content.decode())
        words = foreign_words(texts, markers, content, allowed)
        if language == "pt":
            words |= {match.group(0) for text in texts for match in HEDGED.finditer(text)}
        if words:
            problems[url] = sorted(words)
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_staff_read_one_language(client, staff, role, language):
    assert screens_read_in(client, staff[role], language) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_wagtail_admin_string_is_in_portuguese(domain):
    """Fails after a Wagtail upgrade adds strings: `manage.py untranslated_admin_strings`."""
    assert [message.msgid for message in untranslated(domain)] == []
