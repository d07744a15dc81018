"""The one place where settings read the process environment.

Values come from the real environment first, then from the git-ignored files
`.env` (the developer's own overrides) and `.env.services` (written by
`make services`), so `make services && make run` needs no further steps.
Every variable is listed in `.env.example` and the README.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_ENV_FILES = (BASE_DIR / ".env", BASE_DIR / ".env.services")


def _parse_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, sep, value = line.partition("=")
        if not sep or not key.strip().isidentifier():
            raise ImproperlyConfigured(f"{path}:{number}: expected KEY=VALUE, got {raw!r}")
        values[key.strip()] = _unquote(value.strip())
    return values


def _unquote(value: str) -> str:
    """`'a b'` and `"a b"` keep what is inside the quotes; otherwise ` # comment` is dropped."""
    if value.startswith("#"):
        return ""
    if value[:1] in {"'", '"'} and value.count(value[0]) >= 2:
        return value[1 : value.index(value[0], 1)]
    for marker in (" #", "\t#"):
        if marker in value:
            value = value[: value.index(marker)]
    return value.strip()


def _load_files() -> dict[str, str]:
    merged: dict[str, str] = {}
    # `.env` wins over `.env.services`: a developer's explicit choice beats the default.
    for path in reversed(_ENV_FILES):
        if path.is_file() and os.environ.get("RH_IGNORE_ENV_FILES") != "1":
            merged.update(_parse_env_file(path))
    return merged


_FILE_VALUES = _load_files()


def env_str(name: str, default: str | None = None) -> str | None:
    """The variable's value, or `default` when it is unset or empty."""
    value = os.environ.get(name)
    if value is None:
        value = _FILE_VALUES.get(name)
    if value is None or value == "":
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {value!r}")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blanks removed."""
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def env_base_url(name: str, default: str) -> str:
    """An absolute http(s) address without a path, e.g. `https://hub.example.org`.

    A path, query or missing host is refused: every absolute link is this
    address followed by the page's own path.
    """
    value = (env_str(name) or default).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"{name} must be http(s)://host[:port] without a path, got {value!r}"
        )
    if parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"{name} must not carry a query, fragment or user: {value!r}")
    return value
