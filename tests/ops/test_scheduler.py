"""The compose stack's scheduler runs the jobs at the systemd timers' times."""

import os
import time

from deploy import scheduler


def due_minutes(name):
    _, due = scheduler.JOBS[name]
    return [(h, m) for h in range(24) for m in range(60) if due(h, m)]


def test_publish_every_ten_minutes_others_daily():
    assert len(due_minutes("publish_scheduled")) == 144
    assert due_minutes("purge_unconfirmed_subscribers") == [(3, 15)]
    assert due_minutes("backup") == [(2, 30)]


def test_the_timers_say_the_same(settings):
    timers = settings.BASE_DIR / "deploy" / "systemd"
    assert "OnCalendar=*:0/10" in (timers / "procureplus-publish-scheduled.timer").read_text()
    assert "03:15:00" in (timers / "procureplus-purge-subscribers.timer").read_text()
    assert "02:30:00" in (timers / "procureplus-backup.timer").read_text()


def test_old_backups_are_pruned(tmp_path):
    old, new, other = (tmp_path / n for n in ("procureplus-1.tar.gz", "procureplus-2.tar.gz", "x"))
    for path in (old, new, other):
        path.write_text("x")
    twenty_days_ago = time.time() - 20 * 86400
    os.utime(old, (twenty_days_ago, twenty_days_ago))
    os.utime(other, (twenty_days_ago, twenty_days_ago))
    scheduler.prune_backups(tmp_path, 14)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["procureplus-2.tar.gz", "x"]


def test_a_job_runs_once_by_name(monkeypatch):
    calls = []
    monkeypatch.setattr(
        scheduler.subprocess,
        "run",
        lambda cmd, check: calls.append(cmd) or type("R", (), {"returncode": 0}),
    )
    assert scheduler.run("publish_scheduled") == 0
    assert calls[0][-1] == "publish_scheduled"
