"""The database's half of a backup: PostgreSQL through pg_dump/pg_restore (custom format),
SQLite through its own online backup API. The only module that knows the vendors apart.

The PostgreSQL tools are found on PATH, or in `PG_BINDIR` when set (Debian puts
each version's tools in /usr/lib/postgresql/<version>/bin; a dump is restorable by
a pg_restore of the same major version or newer).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections
from django.utils.translation import gettext as _

from .errors import BackupError

DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def dump(folder: Path) -> Path:
    """Write the whole database into `folder`; returns the file written."""
    target = folder / DUMP_NAMES[vendor()]
    if vendor() == "postgresql":
        _run(_tool("pg_dump"), "--format=custom", "--no-owner", "--no-acl", f"--file={target}")
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    return target


def restore(dump_file: Path) -> None:
    """Replace the database's contents by the dump's (its tables are dropped first)."""
    connections.close_all()  # pg_restore --clean drops tables; our own sessions must not hold them
    if vendor() == "postgresql":
        _run(
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "--exit-on-error",
            str(dump_file),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump_file) as source:
            source.backup(connection.connection)
        source.close()
    connections.close_all()


def _tool(name: str) -> str:
    bindir = os.environ.get("PG_BINDIR")
    found = str(Path(bindir) / name) if bindir else shutil.which(name)
    if not found or not Path(found).exists():
        raise BackupError(
            _(
                "%(tool)s was not found. Install the PostgreSQL client tools (Debian: "
                "apt-get install postgresql-client) or set PG_BINDIR to their folder."
            )
            % {"tool": name}
        )
    return found


def _run(tool: str, *arguments: str) -> None:
    """Run a PostgreSQL tool against the configured database (password through the env)."""
    database = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    target = [
        f"--host={database.get('HOST') or 'localhost'}",
        f"--port={database.get('PORT') or 5432}",
        f"--username={database.get('USER') or ''}",
        f"--dbname={database['NAME']}",
    ]
    result = subprocess.run(  # noqa: S603 - a fixed tool and our own settings, no shell
        [tool, *target, *arguments], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s")
            % {"tool": Path(tool).name, "error": result.stderr.strip() or result.returncode}
        )
