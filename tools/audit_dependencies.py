"""Audits the locked requirements for known vulnerabilities (.ci/run's "dependency audit"):
`python -m tools.audit_dependencies --pip-audit PATH requirements/main.txt`.

1. The allow-list (requirements/audit-allowlist.toml) is checked first: each entry needs an
   advisory id, a package, a reason and a date to look again; an entry past its date fails.
2. Where a vulnerability service answers (PyPI's per-release JSON API, which pip-audit queries,
   or OSV), pip-audit audits the locked, hashed requirements without pip resolving anything
   (--disable-pip) and fails on any known vulnerability not allow-listed; --strict makes a
   package it could not look up a failure too, so an unreachable service never passes quietly.
3. Where neither answers (a network that reaches PyPI's package index and project pages
   only), that is said, and what can be checked is: each package locked at its newest release
   is audited against the advisories PyPI lists for that release; the others are named as not
   audited, so the gap is seen.
"""

import argparse
import datetime
import json
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

PYPI = "https://pypi.org/pypi"
OSV = "https://api.osv.dev/v1/query"
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)
TIMEOUT = 20


class AllowListError(Exception):
    pass


def load_allowlist(path, today=None):
    """{advisory id: entry}; AllowListError for an incomplete entry or one past its date."""
    today = today or datetime.date.today()
    entries = tomllib.loads(Path(path).read_text()).get("ignore", [])
    allowed = {}
    for entry in entries:
        missing = [key for key in ("id", "package", "reason", "review_by") if not entry.get(key)]
        if missing:
            raise AllowListError(f"allow-list entry {entry!r} lacks {', '.join(missing)}")
        review_by = entry["review_by"]
        if not isinstance(review_by, datetime.date):
            raise AllowListError(f"{entry['id']}: review_by must be a date (2026-12-31)")
        if review_by < today:
            raise AllowListError(
                f"{entry['id']} ({entry['package']}): allow-listed until {review_by}, "
                "past its date: look at it again, then fix, or renew the entry with a reason"
            )
        allowed[entry["id"]] = entry
    return allowed


def locked(requirements):
    """[(name, version)] of a hashed requirements file."""
    return LOCKED.findall(Path(requirements).read_text())


def fetch_json(url, data=None):
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (fixed hosts)
        return json.load(response)


def reachable_service(name, version):
    """ "pypi" or "osv" if that service answers for a locked package, else None."""
    for service, url, data in (
        ("pypi", f"{PYPI}/{name}/{version}/json", None),
        ("osv", OSV, {"package": {"name": name, "ecosystem": "PyPI"}, "version": version}),
    ):
        try:
            fetch_json(url, data)
            return service
        except (OSError, ValueError) as error:
            print(f"audit: {service} does not answer here ({error})")
    return None


def run_pip_audit(pip_audit, requirements, service, allowed):
    command = [pip_audit, "--require-hashes", "--disable-pip", "--strict"]
    command += ["--progress-spinner", "off", "--vulnerability-service", service]
    for requirement in requirements:
        command += ["-r", str(requirement)]
    for advisory in sorted(allowed):
        command += ["--ignore-vuln", advisory]
    print("audit:", " ".join(command), flush=True)
    return subprocess.run(command, check=False).returncode  # noqa: S603 (our own arguments)


def newest_release_findings(packages, project, allowed):
    """(known vulnerabilities [(name, version, id)], not audited [(name, version, newest)])
    from PyPI's project pages: project(name) gives {"info": {"version"}, "vulnerabilities"}."""
    found, not_audited = [], []
    for name, version in packages:
        page = project(name)
        newest = page["info"]["version"]
        if newest != version:
            not_audited.append((name, version, newest))
            continue
        for vulnerability in page.get("vulnerabilities") or []:
            ids = {vulnerability["id"], *vulnerability.get("aliases", [])}
            if not ids & set(allowed):
                found.append((name, version, vulnerability["id"]))
    return found, not_audited


def audit_newest_releases(requirements, allowed):
    packages = [pair for requirement in requirements for pair in locked(requirement)]
    found, not_audited = newest_release_findings(
        packages, lambda name: fetch_json(f"{PYPI}/{name}/json"), allowed
    )
    for name, version, newest in not_audited:
        print(f"audit: NOT AUDITED {name}=={version} (newest {newest}): no service here says")
    for name, version, advisory in found:
        print(f"audit: VULNERABLE {name}=={version}: {advisory}")
    audited = len(packages) - len(not_audited)
    print(f"audit: {audited} of {len(packages)} packages audited, {len(found)} vulnerable")
    return 1 if found else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements", nargs="+", type=Path)
    parser.add_argument("--pip-audit", default="pip-audit")
    parser.add_argument("--allowlist", type=Path, default=Path("requirements/audit-allowlist.toml"))
    args = parser.parse_args(argv)
    try:
        allowed = load_allowlist(args.allowlist)
    except (AllowListError, OSError, tomllib.TOMLDecodeError) as error:
        print(f"audit: allow-list refused: {error}")
        return 1
    for advisory, entry in sorted(allowed.items()):
        print(f"audit: allowed {advisory} ({entry['package']}) until {entry['review_by']}")
    name, version = locked(args.requirements[0])[0]
    service = reachable_service(name, version)
    if service:
        return run_pip_audit(args.pip_audit, args.requirements, service, allowed)
    print("audit: NO VULNERABILITY SERVICE REACHABLE (PyPI per-release JSON, OSV): pip-audit")
    print("audit: cannot run here; checking packages locked at their newest release instead")
    return audit_newest_releases(args.requirements, allowed)


if __name__ == "__main__":
    sys.exit(main())
