"""The compose stack's scheduler runs the jobs at the systemd timers' times."""

from deploy import scheduler


def due_minutes(name):
    _, due = scheduler.JOBS[name]
    return [(h, m) for h in range(24) for m in range(60) if due(h, m)]


# Jobs every ten minutes: (name, minute past each ten) as in the timer's OnCalendar=*:M/10.
EVERY_TEN_MINUTES = {"publish_scheduled": 0, "send_scheduled_newsletters": 5}


def test_publish_and_newsletters_every_ten_minutes_others_daily():
    assert len(due_minutes("publish_scheduled")) == 144
    assert due_minutes("send_scheduled_newsletters")[:2] == [(0, 5), (0, 15)]
    assert len(due_minutes("send_scheduled_newsletters")) == 144
    assert due_minutes("purge_unconfirmed_subscribers") == [(3, 15)]
    assert due_minutes("purge_old_support_requests") == [(3, 20)]
    assert due_minutes("prune_db_task_results") == [(3, 25)]
    assert due_minutes("backup") == [(2, 30)]


def test_every_job_has_a_timer_at_the_same_time(settings):
    timers = {
        path.read_text(): path.name
        for path in (settings.BASE_DIR / "deploy" / "systemd").glob("*.timer")
    }
    for name in scheduler.JOBS:
        text = next(t for t in timers if f"procureplus-job@{name}.service" in t)
        if name in EVERY_TEN_MINUTES:
            offset = EVERY_TEN_MINUTES[name]
            assert all(m % 10 == offset for _h, m in due_minutes(name))
            assert f"OnCalendar=*:{offset}/10" in text
        else:
            ((hour, minute),) = due_minutes(name)
            assert f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00" in text


def test_a_job_runs_once_by_name(monkeypatch):
    calls = []
    monkeypatch.setattr(
        scheduler.subprocess,
        "run",
        lambda cmd, check: calls.append(cmd) or type("R", (), {"returncode": 0}),
    )
    assert scheduler.run("publish_scheduled") == 0
    assert calls[0][-1] == "publish_scheduled"
