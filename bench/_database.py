"""A benchmark's own PostgreSQL database on the services `make services` started."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


def env_services_value(name: str) -> str:
    """A value from .env.services (written by `make services`), or ""."""
    path = ROOT / ".env.services"
    if path.exists():
        for line in path.read_text().splitlines():
            if line.startswith(f"{name}="):
                return line.split("=", 1)[1].strip()
    return ""


def own_database(name: str, *, fresh: bool = False) -> str:
    """The services' PostgreSQL URL with the database `name`, created when missing
    (dropped first and made again when `fresh`)."""
    import psycopg  # the site's driver; imported here so --help works without it

    url = os.environ.get("DATABASE_URL") or env_services_value("DATABASE_URL")
    if not url.startswith("postgres"):
        raise SystemExit("run `make services` first (PostgreSQL, Elasticsearch, S3 server)")
    parts = urlsplit(url)
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created the database {name}")
    return urlunsplit(parts._replace(path=f"/{name}"))
