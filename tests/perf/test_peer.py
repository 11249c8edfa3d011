"""The peer (tools/peer.py): bakerydemo on the engine of the portal beside it."""

from urllib.parse import urlsplit

from django.db import connection

import psycopg
import pytest

from tools import peer


def test_the_peer_runs_on_the_engine_of_the_portal_beside_it():
    assert peer.database_url("sqlite:///scale.sqlite3") == peer.SQLITE_URL
    assert peer.database_url("") == peer.SQLITE_URL
    assert peer.database_name(peer.SQLITE_URL) == "SQLite"
    beside = peer.database_url("postgres://postgres@127.0.0.1:5432/procureplus_bench")
    assert beside == f"postgres://postgres@127.0.0.1:5432/{peer.POSTGRES_NAME}"
    assert peer.database_name(beside) == "PostgreSQL"
    assert peer.environment(beside)["DATABASE_URL"] == beside


@pytest.mark.django_db
def test_the_peers_postgresql_database_is_made_once_and_found_empty(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the peer's PostgreSQL database")
    settings = connection.settings_dict
    server = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/postgres"
    name = f"{settings['NAME']}_peer"  # beside this run's test database, dropped after
    monkeypatch.setattr(peer, "POSTGRES_NAME", name)
    url = peer.database_url(server.replace("postgresql://", "postgres://"))
    assert urlsplit(url).path == f"/{name}"
    try:
        assert not peer.is_loaded(url)  # made now, empty: bakerydemo's content is loaded next
        assert peer.create_database(server)  # there already
        assert not peer.is_loaded(url)  # no sites table yet
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
