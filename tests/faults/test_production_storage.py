"""From outside: gunicorn with the production settings, its media folder made read-only. Editors
(one reading the admin in Portuguese, one in English) upload a document and an image: the form
comes back with their input and the reason in their language, nothing is stored, the refusal
is logged at ERROR; pages keep answering and /readyz names the storage. Writable again, the
same uploads go through."""

import json
import os
import re
import subprocess
from contextlib import contextmanager
from itertools import product
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.admin_from_outside import OutsideBrowser
from tests.documents import active_files
from tests.documents.storage_faults import DOCUMENT_FIELDS, MESSAGE, png
from tests.read_only_folder import read_only
from tools.site_server import MANAGE, serving

PASSWORD = "storage-faults-test-password"
IMAGE_TITLE = "Mapa das regiões"
PUBLIC_PAGES = ("/pt/", "/en/", "/pt/privacidade/", "/en/search/?q=innovation")
CREATE_EDITORS = """
import os
from django.contrib.auth.models import Group, User
from wagtail.users.models import UserProfile
for language in ("pt", "en"):
    user = User.objects.create_user(f"editor-{language}", password=os.environ["EDITOR_PASSWORD"])
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
"""
COUNT_UPLOADS = """
import os
from wagtail.images import get_image_model
from documents.models import LibraryDocument
print(LibraryDocument.objects.filter(title_en=os.environ["DOCUMENT_TITLE"]).count(),
      get_image_model().objects.filter(title=os.environ["IMAGE_TITLE"]).count())
"""


def manage_shell(env, code, **variables):
    run = subprocess.run(
        [*MANAGE, "shell", "--no-imports", "-c", code],
        env={**env, **variables},
        check=True,
        capture_output=True,
        text=True,
    )
    return run.stdout


def stored_files(media):
    return sorted(str(Path(folder, name)) for folder, _d, names in os.walk(media) for name in names)


def upload_document(browser):
    pdf = ("relatorio.pdf", active_files.pdf(), "application/pdf")
    return browser.post("/admin/documents/add/", DOCUMENT_FIELDS, {"file": pdf})


def upload_image(browser):
    fields = {"title": IMAGE_TITLE, "collection": "1"}
    return browser.post("/admin/images/add/", fields, {"file": ("mapa.png", png(), "image/png")})


def a_document_file(visitor):
    """The address of a public library file, found as a visitor finds it: the documents feed
    (its first item), then the download button of that document's page."""
    feed = visitor.request("/en/feeds/documents/")[2]
    first_item = re.findall(r"<link>([^<]+)</link>", feed)[1]  # [0] is the channel's
    page = visitor.request(urlsplit(first_item).path)[2]
    return re.search(r'href="(/documents/\d+/[^"]+)"', page).group(1)


UPLOADS = ((upload_document, DOCUMENT_FIELDS["title_en"]), (upload_image, IMAGE_TITLE))


def refusals_logged(log_path):
    """The JSON log lines (LOG_FORMAT=json) in which the upload storage logged a refusal."""
    lines = (json.loads(line) for line in log_path.read_text().splitlines() if line[:1] == "{")
    return [
        line
        for line in lines
        if line.get("logger") == "core.upload_storage" and line.get("level") == "ERROR"
    ]


@contextmanager
def refusing_storage(env, base_url, tmp_path):
    """(base URL, log, stored files readable) of a server whose storage refuses every new file:
    this one with its media folder read-only, or else a second one whose media folder lies
    below a file (where a read-only folder cannot be had; its stored files are out of reach)."""
    with read_only(env["MEDIA_ROOT"]) as folder:
        if folder is not None:
            yield base_url, tmp_path / "server.log", True
            return
    (tmp_path / "a-file").write_text("not a folder")
    log_path = tmp_path / "refusing-server.log"
    media = {"MEDIA_ROOT": str(tmp_path / "a-file" / "media")}
    with serving({**env, **media}, production=True, log_path=log_path) as refusing_url:
        yield refusing_url, log_path, False


@pytest.fixture(scope="module")
def editors(production_site):
    manage_shell(production_site, CREATE_EDITORS, EDITOR_PASSWORD=PASSWORD)


def test_storage_read_only_uploads_come_back_then_succeed(production_site, editors, tmp_path):
    env = {**production_site, "LOG_FORMAT": "json"}
    media = Path(env["MEDIA_ROOT"])
    with serving(env, production=True, log_path=tmp_path / "server.log") as base_url:
        browsers = {
            language: OutsideBrowser(base_url).sign_in(f"editor-{language}", PASSWORD)
            for language in ("pt", "en")
        }
        before = stored_files(media)
        with refusing_storage(env, base_url, tmp_path) as (refusing_url, log_path, readable):
            for (language, browser), (upload, title) in product(browsers.items(), UPLOADS):
                status, _headers, page = upload(browser.at(refusing_url))
                assert status == 200, (language, upload.__name__)  # the form, not a 500
                assert MESSAGE[language] in page and title in page, (language, upload.__name__)
            visitor = OutsideBrowser(refusing_url)
            downloads = [a_document_file(visitor)] if readable else []  # stored files are read
            for path in (*PUBLIC_PAGES, *downloads):
                assert visitor.request(path)[0] == 200, path
            status, _headers, body = visitor.request("/readyz")
            assert status == 503 and json.loads(body)["failing"] == ["storage"]
        assert stored_files(media) == before
        assert len(refusals_logged(log_path)) == 4  # two editors, a document and an image each

        assert upload_document(browsers["en"])[0] == 302  # writable again: stored
        assert upload_image(browsers["pt"])[0] == 302
        assert len(stored_files(media)) == len(before) + 2
        assert OutsideBrowser(base_url).request("/readyz")[0] == 200
    counts = manage_shell(
        env, COUNT_UPLOADS, DOCUMENT_TITLE=DOCUMENT_FIELDS["title_en"], IMAGE_TITLE=IMAGE_TITLE
    )
    assert counts.split() == ["1", "1"]  # the refused uploads left no row
