"""The dependency audit: a reviewed allow-list whose entries expire, and the check that works
where no vulnerability service answers (PyPI's project pages only)."""

import datetime

import pytest

from tools import audit_dependencies as audit

TODAY = datetime.date(2026, 12, 6)


def allowlist(tmp_path, text):
    path = tmp_path / "allow.toml"
    path.write_text(text)
    return path


ENTRY = """
[[ignore]]
id = "GHSA-aaaa-bbbb-cccc"
package = "example"
reason = "Only in a module the portal never imports."
review_by = {date}
"""


def test_the_shipped_allowlist_is_valid_and_current(settings):
    audit.load_allowlist(settings.BASE_DIR / "requirements" / "audit-allowlist.toml")


def test_an_entry_within_its_date_is_allowed(tmp_path):
    path = allowlist(tmp_path, ENTRY.format(date="2026-12-31"))
    assert set(audit.load_allowlist(path, TODAY)) == {"GHSA-aaaa-bbbb-cccc"}


def test_an_entry_past_its_date_fails(tmp_path):
    path = allowlist(tmp_path, ENTRY.format(date="2026-12-05"))
    with pytest.raises(audit.AllowListError, match="past its date"):
        audit.load_allowlist(path, TODAY)


@pytest.mark.parametrize("drop", ["reason", "review_by", "id", "package"])
def test_an_entry_without_its_reason_or_date_fails(tmp_path, drop):
    text = "\n".join(
        line for line in ENTRY.format(date="2026-12-31").splitlines() if not line.startswith(drop)
    )
    with pytest.raises(audit.AllowListError, match=drop):
        audit.load_allowlist(allowlist(tmp_path, text), TODAY)


def test_a_date_written_as_text_fails(tmp_path):
    with pytest.raises(audit.AllowListError, match="must be a date"):
        audit.load_allowlist(allowlist(tmp_path, ENTRY.format(date='"2026-12-31"')), TODAY)


def test_the_main_command_fails_on_an_expired_entry_before_any_lookup(tmp_path, capsys):
    path = allowlist(tmp_path, ENTRY.format(date="2020-01-01"))
    assert audit.main(["--allowlist", str(path), "requirements/main.txt"]) == 1
    assert "past its date" in capsys.readouterr().out


def test_locked_versions_are_read_from_a_hashed_file(tmp_path):
    path = tmp_path / "main.txt"
    path.write_text("django==5.2.19 \\\n    --hash=sha256:ab\n    # via x\npypdf==7.1.1 \\\n")
    assert audit.locked(path) == [("django", "5.2.19"), ("pypdf", "7.1.1")]


PAGES = {
    "fresh": {"info": {"version": "2.0"}, "vulnerabilities": []},
    "holed": {
        "info": {"version": "1.5"},
        "vulnerabilities": [{"id": "PYSEC-1", "aliases": ["GHSA-aaaa-bbbb-cccc"]}],
    },
    "behind": {"info": {"version": "9.0"}, "vulnerabilities": []},
}


def test_newest_releases_are_audited_and_the_others_named():
    packages = [("fresh", "2.0"), ("holed", "1.5"), ("behind", "8.0")]
    found, not_audited = audit.newest_release_findings(packages, PAGES.__getitem__, {})
    assert found == [("holed", "1.5", "PYSEC-1")]
    assert not_audited == [("behind", "8.0", "9.0")]


def test_an_allow_listed_alias_lets_a_vulnerability_pass():
    found, _ = audit.newest_release_findings(
        [("holed", "1.5")], PAGES.__getitem__, {"GHSA-aaaa-bbbb-cccc": {}}
    )
    assert found == []


def test_pip_audit_gets_the_allowlist_and_is_strict(monkeypatch):
    calls = []
    monkeypatch.setattr(
        audit.subprocess,
        "run",
        lambda cmd, check: calls.append(cmd) or type("R", (), {"returncode": 1}),
    )
    code = audit.run_pip_audit("pip-audit", ["requirements/main.txt"], "pypi", {"GHSA-x": {}})
    assert code == 1  # a known vulnerability fails the stage
    (command,) = calls
    assert {"--strict", "--disable-pip", "--require-hashes"} <= set(command)
    assert command[command.index("--ignore-vuln") + 1] == "GHSA-x"
