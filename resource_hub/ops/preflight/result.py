"""What one preflight check found: a status, what it saw, and what to do about it."""

from dataclasses import asdict, dataclass

OK, WARN, FAIL = "ok", "warn", "fail"
#: Worst first, for the overall status.
SEVERITY = {OK: 0, WARN: 1, FAIL: 2}


@dataclass(frozen=True)
class Result:
    """One line of `manage.py preflight`.

    `name` is stable and machine-readable (`storage.private`), for monitoring;
    `label`, `message` and `remedy` are for a person, in the active language.
    A FAIL or WARN always carries a remedy: what to change, and where.
    """

    name: str
    label: str
    status: str
    message: str
    remedy: str = ""

    def as_dict(self) -> dict:
        return {key: str(value) for key, value in asdict(self).items()}


def ok(name: str, label, message) -> Result:
    return Result(name, str(label), OK, str(message))


def warn(name: str, label, message, remedy) -> Result:
    return Result(name, str(label), WARN, str(message), str(remedy))


def fail(name: str, label, message, remedy) -> Result:
    return Result(name, str(label), FAIL, str(message), str(remedy))


def overall(results) -> str:
    """The worst status among `results` ("ok" when there are none)."""
    return max((r.status for r in results), key=SEVERITY.__getitem__, default=OK)


def describe(error: BaseException) -> str:
    """A short account of an exception: its type and first line."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
