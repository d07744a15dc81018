"""The progress bar: one redrawn line on a terminal, a few plain lines in logs, nothing when off."""

import io

import pytest
from django.core.management.base import OutputWrapper

from resource_hub.core.progress import (
    BYTES,
    Progress,
    format_bytes,
    format_duration,
)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_formats():
    assert format_bytes(999) == "999 B"
    assert format_bytes(1500) == "1.5 kB"
    assert format_bytes(2_900_000_000) == "2.9 GB"
    assert format_duration(59.6) == "1:00"
    assert format_duration(3725) == "1:02:05"


def test_log_mode_prints_one_line_per_step_and_a_final_line():
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, total=1000, label="audit", every_percent=25, clock=clock)
    for _ in range(100):
        clock.now += 0.1
        progress.advance(10)
    progress.close()

    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    # 1% (first line), 25%, 50%, 75%, 100%: five lines for a hundred advances.
    assert len(lines) == 5
    assert lines[0].startswith("audit    1%  10/1000")
    assert lines[-1].startswith("audit  100%  1000/1000")
    assert "in 0:10" in lines[-1]
    assert "ETA" in lines[2] and "100.0/s" in lines[2]


def test_log_mode_prints_after_every_seconds_without_a_new_step():
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, total=None, every_seconds=30, clock=clock)
    for _ in range(10):
        clock.now += 10
        progress.advance()
    progress.close()

    # The first advance, then every 30 s (t=40, t=70, t=100): the total is unknown.
    assert [line.split()[0] for line in out.getvalue().splitlines()] == ["1", "4", "7", "10"]


def test_terminal_mode_redraws_one_line_in_bytes_with_rate_and_eta():
    clock, out = Clock(), Terminal()
    progress = Progress(out, total=10_000_000, unit=BYTES, clock=clock, redraw_seconds=0.5)
    clock.now += 1
    progress.advance(2_000_000)
    clock.now += 0.1
    progress.advance(1_000)  # too soon after the last redraw: not drawn
    clock.now += 1
    progress.advance(2_999_000)
    progress.close()

    text = out.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n") and text.count("\n") == 1
    frames = text.split("\r")[1:]
    assert frames[0].startswith(" 20%  2.0 MB/10.0 MB  2.0 MB/s  ETA 0:04")
    assert frames[1].startswith(" 50%  5.0 MB/10.0 MB")


def test_a_shorter_line_wipes_the_longer_one_before_it():
    clock, out = Clock(), Terminal()
    progress = Progress(out, total=None, label="x" * 40, clock=clock, redraw_seconds=0)
    progress.advance()
    progress.label = "y"
    progress.advance()
    first, second = out.getvalue().split("\r")[1:]
    assert len(second) == len(first)


def test_disabled_progress_writes_nothing_but_still_counts():
    out = Terminal()
    with Progress(out, total=10, enabled=False) as progress:
        progress.advance(4)
    assert out.getvalue() == ""
    assert progress.done == 4


def test_for_command_honours_no_progress_and_verbosity_and_writes_plain_to_stderr():
    class Command:
        stderr = OutputWrapper(io.StringIO())

    Command.stderr.style_func = lambda text: f"<red>{text}</red>"

    assert not Progress.for_command(Command, {"no_progress": True, "verbosity": 1}).enabled
    assert not Progress.for_command(Command, {"no_progress": False, "verbosity": 0}).enabled
    progress = Progress.for_command(Command, {"no_progress": False, "verbosity": 1}, total=2)
    progress.advance(2)
    progress.close()
    written = Command.stderr._out.getvalue()
    assert written.startswith("100%  2/2") and "<red>" not in written
    assert written.count("\n") == 1  # OutputWrapper adds no newline of its own


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        Progress(io.StringIO(), unit="files")
