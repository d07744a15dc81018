"""Fault drill: a task worker killed mid-task (`kill -9`, as the out-of-memory killer does).

Real worker processes (`manage.py worker`) against the test database. The task
the dead worker left "running" is queued again by the next worker once the dead
one's heartbeat is stale, and run to its end; a task that kills every worker
that runs it is marked failed after TASK_MAX_ATTEMPTS, with the reason, instead
of taking workers down forever. What a user sees meanwhile: the task's effect
(an index update, a thumbnail, an upload's completion) arrives late, not never.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from resource_hub.core.models import WorkerHeartbeat

from .tasks import hold_until_released, kill_my_worker

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def worker(*arguments: str, stale_seconds: int = 1, max_attempts: int = 3) -> subprocess.Popen:
    """`manage.py worker` in its own process, on the test database."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "resource_hub.settings.dev",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        "TASKS_BACKEND": "database",
        "TASK_WORKER_STALE_SECONDS": str(stale_seconds),
        "TASK_MAX_ATTEMPTS": str(max_attempts),
    }
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "worker", "--no-reload", "--interval", "0.1", *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_task_whose_worker_was_killed_runs_again_to_its_end(database_tasks, tmp_path):
    result = hold_until_released.enqueue(str(tmp_path))
    first = worker("--worker-id", "drill-first", "--schedule-interval", "0.2")
    try:
        wait_for(lambda: (tmp_path / "started").exists(), "the first worker to start the task")
        wait_for(lambda: WorkerHeartbeat.objects.filter(worker_id="drill-first").exists(), "a beat")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.RUNNING and row.worker_ids == ["drill-first"]

    (tmp_path / "released").touch()
    time.sleep(1.5)  # the dead worker's heartbeat goes stale (TASK_WORKER_STALE_SECONDS=1)
    second = worker("--batch", "--worker-id", "drill-second")
    _out, errors = second.communicate(timeout=120)

    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL, errors
    assert row.worker_ids == ["drill-first", "drill-second"]
    assert len((tmp_path / "started").read_text().split()) == 2  # run twice...
    assert (tmp_path / "finished").read_text() == "done\n"  # ...one effect
    assert "was left running by worker drill-first, which is gone" in errors
    # A worker that stops cleanly leaves no heartbeat behind; the dead one's is still there.
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["drill-first"]


def test_a_task_that_kills_every_worker_fails_after_the_last_attempt(database_tasks):
    result = kill_my_worker.enqueue()
    for attempt in range(1, 3):
        process = worker("--batch", "--worker-id", f"drill-{attempt}", max_attempts=2)
        process.wait(timeout=120)
        assert process.returncode == -signal.SIGKILL  # the task took its worker down
        time.sleep(1.5)

    last = worker("--batch", "--worker-id", "drill-3", max_attempts=2)
    _out, errors = last.communicate(timeout=120)

    row = DBTaskResult.objects.get(pk=result.id)
    assert last.returncode == 0, errors
    assert row.status == TaskResultStatus.FAILED
    assert "stopped without finishing it 2 times" in row.traceback
