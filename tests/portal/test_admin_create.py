"""Every page type through the admin's own create form, as an editor fills it, and what a visitor
then reads; and a factory for every page type (the tests build pages with them)."""

import importlib

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from wagtail.models import Page, Site, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import wagtail_factories

from tests.portal.test_page_tree import MAY_ADD_UNDER

FACTORY_MODULES = ["portal", "buyers", "casestudies", "documents"]  # tests/<app>/factories.py


def page_factories():
    """{page type label: factory} from every app's factories module."""
    found = {}
    for app in FACTORY_MODULES:
        module = importlib.import_module(f"tests.{app}.factories")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, wagtail_factories.PageFactory):
                model = value._meta.model
                if model is not None and model is not Page:
                    found.setdefault(model._meta.label, value)
    return found


def test_every_page_type_has_a_factory():
    ours = {m._meta.label for m in get_page_models()} - {"wagtailcore.Page"}
    assert ours - set(page_factories()) == set()


def parent_type(label):
    """A page type that takes this one (the tree's rules, tests/portal/test_page_tree.py)."""
    if label == "portal.HomePage":
        return "wagtailcore.Page"
    return next(p for p, children in MAY_ADD_UNDER.items() if label in children and p != label)


def form_data(model, title):
    """What an editor types: a title, a slug, a lead, a paragraph where the type has a body;
    every stream and inline panel sent (empty) as the admin's form sends it."""
    form_class = model.get_edit_handler().get_form_class()
    lead = f"Lead of {title}."
    data = {"title": title, "slug": title.lower().replace(" ", "-"), "intro": lead}
    for name, field in form_class.base_fields.items():
        if type(field).__name__ == "BlockField":
            data[name] = streamfield([])
        elif field.required and type(field).__name__ == "DateField":  # a guide's review date
            data[name] = "2026-12-06"
    if "body" in form_class.base_fields:
        data["body"] = streamfield([("paragraph", rich_text(f"<p>Body of {title}.</p>"))])
    for name in form_class.formsets:
        data[name] = inline_formset([])
    return nested_form_data(data)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class CreateEveryPageTypeInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("editor", "editor@example.pt", "pw")
        self.client.force_login(user)
        self.factories = page_factories()
        root = Page.get_first_root_node()
        self.home = self.factories["portal.HomePage"](parent=root, slug="inicio")
        Site.objects.update(root_page=self.home)  # the pages below it have addresses

    def parent_for(self, label):
        """A saved page of a type that takes `label`, below the site's root page."""
        wanted = parent_type(label)
        if wanted == "wagtailcore.Page":
            return Page.get_first_root_node()
        if wanted == "portal.HomePage":
            return self.home
        slug = f"parent-{label}".replace(".", "-").lower()
        return self.factories[wanted](parent=self.parent_for(wanted), slug=slug)

    def test_an_editor_creates_and_publishes_each_page_type_and_a_visitor_reads_it(self):
        for model in get_page_models():
            label = model._meta.label
            if label == "wagtailcore.Page":
                continue
            with self.subTest(page_type=label):
                parent = self.parent_for(label)
                title = f"New {model.__name__}"
                data = form_data(model, title)
                self.assertCanCreate(parent, model, data, publish=True)
                page = Page.objects.get(title=title).specific
                self.assertEqual(page.get_parent().pk, parent.pk)
                self.assertTrue(page.live)
                if label == "portal.HomePage":
                    continue  # a second home has no site, so no address
                html = Client().get(page.url).content.decode()  # an anonymous visitor
                self.assertIn(title, html)
                self.assertIn(f"Lead of {title}.", html)
                if "body" in data:
                    self.assertIn(f"Body of {title}.", html)
