"""The scheduled jobs of the compose stack, at the times of deploy/systemd's timers: a loop that
wakes every few seconds, with no cron daemon in the image. `--once JOB` runs one job now and
exits (what the systemd units run).

Each job runs in its own thread, so a long backup holds no other job. A job whose minute passed
while the loop slept, while the job itself was still running or while the scheduler was down
runs once as soon as it can, if that minute is within GRACE; several missed minutes of one job
make one run (the latest), as systemd's Persistent=true does. The minute each job last started
for is kept in STATE_FILE, so a restart catches up what it missed without running anything
twice; without that file (the first start) nothing before the start is caught up.

Times are the container's local time (TZ, UTC by default), like the timers' OnCalendar.
"""

import json
import os
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

MANAGE = [sys.executable, str(Path(__file__).resolve().parent.parent / "manage.py")]
BACKUP_DIR = os.environ.get("BACKUP_DIR", "/data/backups")
GRACE = timedelta(minutes=int(os.environ.get("SCHEDULER_GRACE_MINUTES", "360")))
STATE_FILE = Path(
    os.environ.get("SCHEDULER_STATE_FILE", os.path.join(BACKUP_DIR, ".scheduler-last-runs.json"))
)
TICK_SECONDS = 15

# name: (command, which minutes of the day it runs at), the same as the systemd timers.
JOBS = {
    "publish_scheduled": (["publish_scheduled"], lambda hour, minute: minute % 10 == 0),
    # The net for mail a lost worker dropped: enqueues every queued mail that is due.
    "send_queued_mail": (["send_queued_mail"], lambda hour, minute: minute % 10 == 2),
    # Five minutes after publish_scheduled, so an issue's newly published items are live.
    "send_scheduled_newsletters": (
        ["send_scheduled_newsletters"],
        lambda hour, minute: minute % 10 == 5,
    ),
    "purge_unconfirmed_subscribers": (
        ["purge_unconfirmed_subscribers"],
        lambda hour, minute: (hour, minute) == (3, 15),
    ),
    "purge_old_support_requests": (
        ["purge_old_support_requests"],
        lambda hour, minute: (hour, minute) == (3, 20),
    ),
    "prune_db_task_results": (
        ["prune_db_task_results"],
        lambda hour, minute: (hour, minute) == (3, 25),
    ),
    "purge_search_statistics": (
        ["purge_search_statistics"],
        lambda hour, minute: (hour, minute) == (3, 30),
    ),
    # The net for tally edits that raced: the library's count rewritten from its documents.
    "recount_library": (
        ["recount_library"],
        lambda hour, minute: (hour, minute) == (3, 35),
    ),
    # The newest BACKUP_KEEP archives are kept; backup_portal deletes the older ones.
    "backup": (
        ["backup_portal", "--output", BACKUP_DIR],
        lambda hour, minute: (hour, minute) == (2, 30),
    ),
}


def run(name):
    command, _ = JOBS[name]
    print(f"{datetime.now().isoformat(timespec='seconds')} job {name} starts", flush=True)
    result = subprocess.run([*MANAGE, *command], check=False)  # noqa: S603 (fixed commands)
    print(f"job {name} ended with exit code {result.returncode}", flush=True)
    return result.returncode


def latest_due(due, now, grace=GRACE):
    """The latest minute in (now - grace, now] at which due(hour, minute) holds, or None."""
    minute, earliest = now.replace(second=0, microsecond=0), now - grace
    while minute > earliest:
        if due(minute.hour, minute.minute):
            return minute
        minute -= timedelta(minutes=1)
    return None


class Scheduler:
    """Starts each job in its own thread once per due minute; see the module's docstring."""

    def __init__(self, jobs=None, runner=run, clock=datetime.now, state_file=STATE_FILE):
        self.jobs, self.runner, self.clock = jobs or JOBS, runner, clock
        self.state_file, self.threads = Path(state_file), {}
        # Without a record a job's baseline is the start: the current minute counts, not before.
        self.since = clock().replace(second=0, microsecond=0) - timedelta(seconds=1)
        self.last = self.load()

    def load(self):
        try:
            saved = json.loads(self.state_file.read_text())
            return {name: datetime.fromisoformat(value) for name, value in saved.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def save(self):
        record = {name: value.isoformat() for name, value in self.last.items()}
        partial = self.state_file.with_name(self.state_file.name + ".part")
        try:
            partial.write_text(json.dumps(record, sort_keys=True))
            partial.replace(self.state_file)
        except OSError as error:  # jobs still run; only a restart's catch-up is lost
            print(f"scheduler: last runs not saved to {self.state_file}: {error}", flush=True)

    def tick(self, grace=GRACE):
        """Starts every job that is due and not running; returns their names."""
        now, started = self.clock(), []
        for name, (_command, due) in self.jobs.items():
            thread = self.threads.get(name)
            if thread is not None and thread.is_alive():
                continue  # never two runs of one job: its missed minute is caught up after
            minute = latest_due(due, now, grace)
            if minute is None or minute <= self.last.get(name, self.since):
                continue
            self.last[name] = minute
            self.threads[name] = threading.Thread(target=self.runner, args=(name,), name=name)
            self.threads[name].start()
            started.append(name)
        if started:
            self.save()
        return started

    def wait(self, timeout=None):
        for thread in list(self.threads.values()):
            thread.join(timeout)


def loop():
    scheduler = Scheduler()
    while True:
        scheduler.tick()
        time.sleep(TICK_SECONDS)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--once" and sys.argv[2] in JOBS:
        sys.exit(run(sys.argv[2]))
    if len(sys.argv) > 1:
        sys.exit(f"Usage: {sys.argv[0]} [--once {'|'.join(JOBS)}]")
    loop()
