"""A small progress bar for management commands, without dependencies.

It writes to the command's stderr, so that stdout (a report, JSON) stays
clean. On a terminal it redraws one line with "\\r" (percent, count or bytes,
rate, ETA), at most a few times a second. Anywhere else (cron mail, CI logs)
it prints a plain line every `every_percent` percent or `every_seconds`
seconds, whichever comes first, so logs stay short. Disabled, it does nothing.

    progress = Progress.for_command(self, options, total=total_bytes, unit=BYTES, label="audit")
    with progress:
        for chunk in ...:
            progress.advance(len(chunk))
"""

import time
from collections.abc import Callable

ITEMS = "items"
BYTES = "bytes"

_BYTE_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


def format_bytes(count: float) -> str:
    """Decimal units, as disks and S3 consoles show them: 1.5 GB is 1,500,000,000 bytes."""
    value = float(count)
    for unit in _BYTE_UNITS:
        if abs(value) < 1000 or unit == _BYTE_UNITS[-1]:
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def format_duration(seconds: float) -> str:
    """H:MM:SS, or M:SS under an hour."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def add_progress_argument(parser) -> None:
    """Add `--no-progress` to a management command's parser."""
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="Do not show a progress bar on stderr.",
    )


class Progress:
    """Progress over a known (or unknown, `total=None`) number of items or bytes."""

    def __init__(
        self,
        stream,
        *,
        total: int | None = None,
        unit: str = ITEMS,
        label: str = "",
        enabled: bool = True,
        tty: bool | None = None,
        every_percent: int = 10,
        every_seconds: float = 30.0,
        redraw_seconds: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ):
        if unit not in (ITEMS, BYTES):
            raise ValueError(f"unit must be {ITEMS!r} or {BYTES!r}, not {unit!r}")
        self.stream = stream
        self.total = total
        self.unit = unit
        self.label = label
        self.enabled = enabled
        self.tty = _isatty(stream) if tty is None else tty
        self.every_percent = max(1, every_percent)
        self.every_seconds = every_seconds
        self.redraw_seconds = redraw_seconds
        self.clock = clock
        self.done = 0
        self._started = clock()
        self._last_write = None  # when we last wrote, None before the first line
        self._last_step = -1  # the last every_percent step printed (log mode)
        self._last_done = None  # `done` when the last line was printed (log mode)
        self._width = 0  # the length of the line on screen (tty mode)
        self._closed = False

    @classmethod
    def for_command(cls, command, options: dict, **kwargs) -> "Progress":
        """A bar on the command's stderr, off with --no-progress or --verbosity 0."""
        enabled = not options.get("no_progress") and options.get("verbosity", 1) > 0
        return cls(command.stderr, enabled=enabled, **kwargs)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if not self.enabled or self._closed:
            return
        now = self.clock()
        if self.tty:
            if self._last_write is None or now - self._last_write >= self.redraw_seconds:
                self._redraw(now)
        else:
            step = self._step()
            due = self._last_write is None or now - self._last_write >= self.every_seconds
            if due or (step is not None and step > self._last_step):
                self._print_line(now, step)

    def close(self) -> None:
        """Show the final state and end the line. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if not self.enabled:
            return
        now = self.clock()
        if self.tty:
            self._redraw(now)
            self._write("\n")
        elif self._last_write is None or self.done != self._last_done:
            self._print_line(now, self._step())

    def text(self, now: float | None = None) -> str:
        """One line of text, e.g. "audit  42%  1.2 GB/2.9 GB  35.0 MB/s  ETA 0:48"."""
        now = self.clock() if now is None else now
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        parts = [self.label] if self.label else []
        if self.total:
            percent = min(100, self.done * 100 // self.total)
            parts.append(f"{percent:3d}%")
            parts.append(f"{self._amount(self.done)}/{self._amount(self.total)}")
        else:
            parts.append(self._amount(self.done))
        parts.append(f"{self._amount(rate)}/s" if self.unit == BYTES else f"{rate:.1f}/s")
        if self.total and self.done < self.total and self.done > 0:
            parts.append(f"ETA {format_duration((self.total - self.done) / rate)}")
        elif self.total and self.done >= self.total:
            parts.append(f"in {format_duration(elapsed)}")
        return "  ".join(parts)

    def _amount(self, value: float) -> str:
        return format_bytes(value) if self.unit == BYTES else f"{int(value)}"

    def _step(self) -> int | None:
        if not self.total:
            return None
        percent = min(100, self.done * 100 // self.total)
        return percent // self.every_percent

    def _redraw(self, now: float) -> None:
        line = self.text(now)
        padding = " " * max(0, self._width - len(line))  # wipe what a longer line left
        self._write(f"\r{line}{padding}")
        self._width = len(line)
        self._last_write = now

    def _print_line(self, now: float, step: int | None) -> None:
        self._write(self.text(now) + "\n")
        self._last_write = now
        self._last_done = self.done
        if step is not None:
            self._last_step = step

    def _write(self, text: str) -> None:
        if hasattr(self.stream, "style_func"):  # Django's OutputWrapper: no colour, no "\n" added
            self.stream.write(text, style_func=_plain, ending="")
        else:
            self.stream.write(text)
        self.stream.flush()


def _plain(text: str) -> str:
    return text


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
