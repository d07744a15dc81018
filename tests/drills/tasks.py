"""Tasks for the worker drills; the worker processes import them by their dotted path."""

import os
import signal
import time
from pathlib import Path

from django_tasks import task


@task()
def hold_until_released(folder: str) -> str:
    """Note the start, wait for `released` to appear in `folder`, note the end (idempotent)."""
    where = Path(folder)
    with open(where / "started", "a") as notes:
        notes.write(f"{os.getpid()}\n")
    deadline = time.monotonic() + 60
    while not (where / "released").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    (where / "finished").write_text("done\n")  # the effect: the same however often it runs
    return "done"


@task()
def kill_my_worker() -> None:
    """A task that takes its worker down every time (as an out-of-memory kill would)."""
    os.kill(os.getpid(), signal.SIGKILL)
