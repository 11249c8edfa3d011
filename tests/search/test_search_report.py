"""Reports > Searches: the most frequent queries and those that found nothing, per language over
the last 30 or 90 days, in the admin's language, as CSV too."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from search.statistics import SearchCount

REPORT = "/admin/reports/searches/"


def searched(query, language, days_ago, found, count):
    SearchCount.objects.create(
        query=query,
        language=language,
        day=timezone.localdate() - datetime.timedelta(days=days_ago),
        found=found,
        count=count,
    )


@pytest.fixture
def counted(db):
    searched("inovação", "pt", 0, True, 5)
    searched("inovação", "pt", 10, False, 2)
    searched("aquisições", "pt", 1, False, 4)
    searched("pcp", "en", 3, True, 7)
    searched("=cmd|' /c calc'!a1", "en", 2, False, 1)
    searched("antigo", "pt", 60, False, 9)  # only in the last 90 days


def rows(response):
    return [
        (r["query"], r["language"], r["searches"], r["nothing"])
        for r in response.context["object_list"]
    ]


@pytest.fixture
def editor(client, django_user_model):
    def sign_in(language):
        user = django_user_model.objects.create_user(f"editor-{language}", password="pw")
        user.groups.add(Group.objects.get(name="Editors"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, title, nothing",
    [("pt", "Pesquisas", "Sem resultados"), ("en", "Searches", "Found nothing")],
)
def test_editors_read_the_most_frequent_searches_in_their_language(
    editor, counted, code, title, nothing
):
    client = editor(code)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html and nothing in html and "inovação" in html
    assert rows(response) == [
        ("inovação", "pt", 7, 2),
        ("pcp", "en", 7, 0),
        ("aquisições", "pt", 4, 4),
        ("=cmd|' /c calc'!a1", "en", 1, 1),
    ]
    assert REPORT in client.get("/admin/").content.decode()  # under Reports (the menu's data)


@pytest.mark.django_db
def test_filters_period_language_and_searches_that_found_nothing(editor, counted):
    client = editor("en")
    assert rows(client.get(REPORT, {"period": "90", "language": "pt"})) == [
        ("antigo", "pt", 9, 9),
        ("inovação", "pt", 7, 2),
        ("aquisições", "pt", 4, 4),
    ]
    assert rows(client.get(REPORT, {"shown": "nothing"})) == [
        ("aquisições", "pt", 4, 4),
        ("inovação", "pt", 7, 2),
        ("=cmd|' /c calc'!a1", "en", 1, 1),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"period": "7"}, {"period": "abc"}, {"language": "xx"}, {"shown": "\x00"}, {"page": "999"}],
)
def test_bad_parameters_never_fail(editor, counted, params):
    response = editor("pt").get(REPORT, params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_csv_export_has_a_bom_and_neutralises_formulas(editor, counted):
    response = editor("pt").get(REPORT, {"export": "csv", "language": "en"})
    assert response["Content-Type"].startswith("text/csv")
    assert "searches-30-days-" in response["Content-Disposition"]
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeffPesquisa,Língua,Pesquisas,Sem resultados")
    lines = body.splitlines()
    assert lines[1:] == ["pcp,en,7,0", "'=cmd|' /c calc'!a1,en,1,1"]
    assert "xlsx" not in editor("en").get(REPORT).content.decode().lower()


@pytest.mark.django_db
def test_the_report_needs_the_view_permission(client, django_user_model, counted):
    user = django_user_model.objects.create_user("outro", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code in (302, 403)
    assert client.get(REPORT, {"export": "csv"}).status_code in (302, 403)
    assert REPORT not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_report_costs_the_same_queries_however_many_searches(editor, counted):
    client = editor("en")
    client.get(REPORT)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(REPORT)
        return len(captured)

    before = queries()
    for n in range(60):
        searched(f"consulta {n}", "pt", n % 30, n % 2 == 0, n + 1)
    assert queries() == before
