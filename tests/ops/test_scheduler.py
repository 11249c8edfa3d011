"""The compose stack's scheduler runs the jobs at the systemd timers' times, each in its own
thread: a long job holds no other, a missed minute is caught up once within the grace."""

import re
import threading
from datetime import datetime, timedelta

import pytest

from deploy import scheduler


def due_minutes(name):
    _, due = scheduler.JOBS[name]
    return [(h, m) for h in range(24) for m in range(60) if due(h, m)]


def timer_minutes(on_calendar):
    """The minutes of a day an OnCalendar of the forms the timers use fires at."""
    if match := re.fullmatch(r"\*:(\d+)/(\d+)", on_calendar):
        start, step = int(match[1]), int(match[2])
        return [(h, m) for h in range(24) for m in range(start, 60, step)]
    match = re.fullmatch(r"\*-\*-\* (\d\d):(\d\d):00", on_calendar)
    assert match, f"an OnCalendar this test does not read: {on_calendar}"
    return [(int(match[1]), int(match[2]))]


def test_publish_mail_and_newsletters_every_ten_minutes_others_daily():
    assert len(due_minutes("publish_scheduled")) == 144
    assert due_minutes("send_queued_mail")[:2] == [(0, 2), (0, 12)]
    assert len(due_minutes("send_queued_mail")) == 144
    assert due_minutes("send_scheduled_newsletters")[:2] == [(0, 5), (0, 15)]
    assert len(due_minutes("send_scheduled_newsletters")) == 144
    assert due_minutes("purge_unconfirmed_subscribers") == [(3, 15)]
    assert due_minutes("purge_old_support_requests") == [(3, 20)]
    assert due_minutes("prune_db_task_results") == [(3, 25)]
    assert due_minutes("backup") == [(2, 30)]


def test_every_job_has_a_timer_at_the_same_minutes_and_every_timer_a_job(settings):
    timers = {}
    for path in (settings.BASE_DIR / "deploy" / "systemd").glob("*.timer"):
        text = path.read_text()
        (job,) = re.findall(r"^Unit=procureplus-job@(\w+)\.service$", text, re.M)
        (calendar,) = re.findall(r"^OnCalendar=(.+)$", text, re.M)
        assert "Persistent=true" in text, path.name  # a missed run is caught up, as here
        timers[job] = timer_minutes(calendar)
    assert set(timers) == set(scheduler.JOBS)
    for name in scheduler.JOBS:
        assert due_minutes(name) == timers[name], name


def test_a_job_runs_once_by_name(monkeypatch):
    calls = []
    monkeypatch.setattr(
        scheduler.subprocess,
        "run",
        lambda cmd, check: calls.append(cmd) or type("R", (), {"returncode": 0}),
    )
    assert scheduler.run("publish_scheduled") == 0
    assert calls[0][-1] == "publish_scheduled"


def test_latest_due_looks_back_within_the_grace_only():
    daily = lambda hour, minute: (hour, minute) == (3, 15)  # noqa: E731
    at = datetime(2026, 3, 2, 9, 0, 30)
    assert scheduler.latest_due(daily, at, timedelta(hours=6)) == datetime(2026, 3, 2, 3, 15)
    assert scheduler.latest_due(daily, at, timedelta(hours=5)) is None


class Clock:
    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def at(self, hour, minute, second=10, days=0):
        self.now = self.now.replace(hour=hour, minute=minute, second=second) + timedelta(days)


class Jobs:
    """A runner that records each start; a job named in `hold` runs until released."""

    def __init__(self, *hold):
        self.started, self.release = [], {name: threading.Event() for name in hold}

    def __call__(self, name):
        self.started.append(name)
        if name in self.release:
            assert self.release[name].wait(10)


DAILY = {
    "backup": ([], lambda h, m: (h, m) == (2, 30)),
    "purge": ([], lambda h, m: (h, m) == (3, 15)),
    "every_ten": ([], lambda h, m: m % 10 == 0),
}


@pytest.fixture
def make(tmp_path):
    made = []

    def make(jobs, runner, clock):
        s = scheduler.Scheduler(jobs, runner, clock, state_file=tmp_path / "last.json")
        made.append((s, runner))
        return s

    yield make
    for s, runner in made:
        for event in getattr(runner, "release", {}).values():
            event.set()
        s.wait(10)


def test_a_long_job_does_not_hold_the_others(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 2, 29, 50)), Jobs("backup")
    s = make({k: DAILY[k] for k in ("backup", "purge")}, jobs, clock)
    clock.at(2, 30)
    assert s.tick() == ["backup"]
    clock.at(3, 15)
    assert s.tick() == ["purge"]  # the backup still runs beside it
    s.threads["purge"].join(5)
    assert jobs.started == ["backup", "purge"] and s.threads["backup"].is_alive()


def test_a_minute_passed_while_the_loop_was_busy_still_runs_within_the_grace(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 3, 0, 0)), Jobs()
    s = make({"purge": DAILY["purge"]}, jobs, clock)
    clock.at(3, 14, 50)
    assert s.tick() == []
    clock.at(8, 40)  # the loop did not wake at 03:15 at all
    assert s.tick() == ["purge"]
    assert s.tick() == []  # once


def test_past_the_grace_a_missed_run_waits_for_its_next_time(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 3, 0, 0)), Jobs()
    s = make({"purge": DAILY["purge"]}, jobs, clock)
    clock.at(9, 20)  # six hours and five minutes late
    assert s.tick() == []
    clock.at(3, 15, days=1)
    assert s.tick() == ["purge"]


def test_a_job_still_running_past_its_next_times_runs_once_more_after(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 10, 0, 5)), Jobs("every_ten")
    s = make({"every_ten": DAILY["every_ten"]}, jobs, clock)
    assert s.tick() == ["every_ten"]
    for minute in (10, 20, 30):  # three of its times pass while it runs
        clock.at(10, minute)
        assert s.tick() == []
    jobs.release["every_ten"].set()
    s.wait(5)
    jobs.release.clear()
    clock.at(10, 34)
    assert s.tick() == ["every_ten"]  # one catch-up for the three, the 10:30 one
    assert s.last["every_ten"] == datetime(2026, 3, 2, 10, 30)
    s.wait(5)
    assert s.tick() == []


def test_a_restart_catches_up_what_it_missed_once(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 2, 30, 5)), Jobs()
    first = make({"backup": DAILY["backup"]}, jobs, clock)
    assert first.tick() == ["backup"]
    first.wait(5)
    # Down from the next day 02:00 to 04:10: the 02:30 backup was missed.
    clock.at(4, 10, days=1)
    second = make({"backup": DAILY["backup"]}, jobs, clock)
    assert second.tick() == ["backup"]
    second.wait(5)
    third = make({"backup": DAILY["backup"]}, jobs, clock)
    assert third.tick() == []  # a restart right after runs nothing twice
    assert jobs.started == ["backup", "backup"]


def test_the_first_start_catches_up_nothing_from_before_it(make):
    clock, jobs = Clock(datetime(2026, 3, 2, 2, 45, 0)), Jobs()
    s = make({"backup": DAILY["backup"], "every_ten": DAILY["every_ten"]}, jobs, clock)
    assert s.tick() == []
    clock.at(2, 50)
    assert s.tick() == ["every_ten"]


def test_an_unwritable_record_does_not_stop_the_jobs(tmp_path, capsys):
    clock, jobs = Clock(datetime(2026, 3, 2, 2, 29, 0)), Jobs()
    s = scheduler.Scheduler(
        {"backup": DAILY["backup"]}, jobs, clock, state_file=tmp_path / "missing" / "last.json"
    )
    clock.at(2, 30)
    assert s.tick() == ["backup"]
    s.wait(5)
    assert "not saved" in capsys.readouterr().out
