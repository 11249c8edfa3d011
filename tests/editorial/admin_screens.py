"""What a staff member reads on the admin's screens: the addresses, the text, the content in it.

Used by test_admin_reads_one_language.py. The addresses come from Wagtail's menu registry, so
a new menu item is opened without anyone adding it here; the text is what a sighted or
screen-reader user meets (text nodes, templates such as the keyboard-shortcuts dialog,
placeholders, titles, labels) and the sidebar's menu, which travels as JSON.
"""

import json
import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

# Attributes whose value is read on the screen or aloud.
READ_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value"}
ADDRESSES = re.compile(r"\S+://\S+|\S+@\S+")  # read as written in any language
SKIPPED_ELEMENTS = {"script", "style", "noscript", "textarea", "svg"}
# Models whose records are the portal's content (titles, names, terms), read in their own
# language whatever the admin's: they are taken out of the text before it is checked.
CONTENT_APPS = (
    "portal",
    "documents",
    "casestudies",
    "editorial",
    "buyers",
    "search",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "auth",
    "taggit",
)
NOT_CONTENT = {"wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry", "wagtailcore.Revision"}
NOT_CONTENT_APPS_MODELS = ("SearchEntry", "ContentVersion", "DocumentDownload")


def menu_urls(user):
    """Every address the admin's menu (and its submenus) offers this user."""
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    urls, menus = [], [admin_menu]
    while menus:
        for item in menus.pop().menu_items_for_request(request):
            if isinstance(item, SubmenuMenuItem):
                menus.append(item.menu)
            elif item.url.startswith("/") and item.url not in urls:
                urls.append(item.url)
    return urls


def editor_urls(user, language):
    """An edit view of each page type (in the language, when there is one) and each snippet."""
    finder = AdminURLFinder(user)
    urls = []
    for model in get_page_models():
        if model is Page:
            continue
        pages = model.objects.order_by("-locale__language_code")
        page = pages.filter(locale__language_code=language).first() or pages.first()
        if page is not None:
            urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
    for model in get_snippet_models():
        instance = model.objects.order_by("pk").first()
        url = instance and finder.get_edit_url(instance)
        if url:
            urls.append(url)
    return list(dict.fromkeys(urls))


class ScreenText(HTMLParser):
    """The pieces of text a page shows or reads aloud, and the sidebar's JSON."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces, self.sidebar, self._skipping, self._in_sidebar = [], "", [], False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("id") == "wagtail-sidebar-props":
            self._in_sidebar = True
        if tag in SKIPPED_ELEMENTS:
            self._skipping.append(tag)
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.pieces.append(attributes.get("value") or "")
        self.pieces += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        if tag == "script":
            self._in_sidebar = False

    def handle_data(self, data):
        if self._in_sidebar:
            self.sidebar += data
        elif not self._skipping and data.strip():
            self.pieces.append(data)


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def sidebar_labels(sidebar_json):
    """The words of the sidebar's JSON: labels, not addresses, icon names or class names."""
    return [
        text
        for text in json_strings(json.loads(sidebar_json) if sidebar_json else {})
        if " " in text.strip() or (text[:1].isupper() and not text.startswith("/"))
    ]


def screen_text(html):
    """The text of an admin page: visible and read pieces, then the sidebar's labels."""
    parser = ScreenText()
    parser.feed(html)
    return parser.pieces + sidebar_labels(parser.sidebar)


def content_strings():
    """The portal's records as staff typed them: titles, names, terms and their translations."""
    strings = set()
    for app in CONTENT_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.label in NOT_CONTENT or model.__name__ in NOT_CONTENT_APPS_MODELS:
                continue
            fields = [
                field.name
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField | models.JSONField)
                and not field.choices
            ]
            for row in model.objects.values_list(*fields)[:5000] if fields else []:
                strings.update(
                    line.strip()
                    for value in row
                    for text in json_strings(value)
                    for line in text.splitlines()
                    if len(line.strip()) > 2
                )
    return strings


def content_pattern(strings):
    """One expression that finds any of the strings, the longest first."""
    ordered = sorted(strings, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(text) for text in ordered) + r")(?!\w)")


def marker_pattern(markers):
    return re.compile(r"(?<![\w+])(" + "|".join(re.escape(m) for m in markers) + r")(?![\w+])")


def foreign_words(texts, markers, content, allowed):
    """The marker words left in the texts once the content and the allowed names are out,
    each with the text it was found in."""
    found = set()
    for text in texts:
        text = " ".join(text.split())
        left = allowed.sub(" ", content.sub(" ", ADDRESSES.sub(" ", text)))
        found.update(f"{match.group(0)}: {text[:120]}" for match in markers.finditer(left))
    return found


def sign_in(client, user, language):
    """The client signed in as the user, with the admin in the language (the profile's)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client
