"""The scheduled jobs of the compose stack, at the times of deploy/systemd's timers: a loop that
wakes each minute, with no cron daemon in the image. `--once JOB` runs one job now and exits.

Times are the container's local time (TZ, UTC by default), like the timers' OnCalendar.
"""

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

MANAGE = [sys.executable, str(Path(__file__).resolve().parent.parent / "manage.py")]
BACKUP_DIR = os.environ.get("BACKUP_DIR", "/data/backups")

# name: (command, which minutes of the day it runs at), the same as the systemd timers.
JOBS = {
    "publish_scheduled": (["publish_scheduled"], lambda hour, minute: minute % 10 == 0),
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


def loop():
    last = None
    while True:
        now = datetime.now()
        minute = (now.date(), now.hour, now.minute)
        if minute != last:
            last = minute
            for name, (_, due) in JOBS.items():
                if due(now.hour, now.minute):
                    run(name)
        time.sleep(60 - datetime.now().second + 0.5)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--once" and sys.argv[2] in JOBS:
        sys.exit(run(sys.argv[2]))
    if len(sys.argv) > 1:
        sys.exit(f"Usage: {sys.argv[0]} [--once {'|'.join(JOBS)}]")
    loop()
