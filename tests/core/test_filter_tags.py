"""A listing's filter options in one tag (core/templatetags/filter_tags.py): the HTML the
template loop wrote, the chosen value selected, every value and label escaped."""

from types import SimpleNamespace

from django.template import engines
from django.utils import translation

import pytest

from documents.models import LibraryDocument


def options(source, **context):
    template = engines["django"].from_string("{% load filter_tags %}" + source)
    return template.render(context)


def test_pairs_with_the_chosen_one_selected():
    html = options("{% options years year %}", years=[2024, 2023], year=2023)
    assert html == '<option value="2024">2024</option><option value="2023" selected>2023</option>'
    assert options("{% options years year %}", years=[2024], year=None) == (
        '<option value="2024">2024</option>'
    )


def test_objects_by_their_attributes_and_everything_escaped():
    sectors = [SimpleNamespace(slug="a&b", name="<Água>"), SimpleNamespace(slug="c", name="C")]
    source = '{% options sectors chosen value="slug" label="name" %}'
    html = options(source, sectors=sectors, chosen="c")
    assert html == (
        '<option value="a&amp;b">&lt;Água&gt;</option><option value="c" selected>C</option>'
    )


@pytest.mark.parametrize(("code", "label"), [("pt", "Artigo"), ("en", "Article")])
def test_labels_in_the_language_shown(code, label):
    with translation.override(code):
        html = options("{% options choices 'article' %}", choices=LibraryDocument.Category.choices)
    assert f'<option value="article" selected>{label}</option>' in html
