"""The database: reachable, PostgreSQL, every migration applied."""

from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .result import Result, describe, fail, ok, warn

LABEL = gettext_lazy("Database")
MIGRATIONS_LABEL = gettext_lazy("Database migrations")


def check_database(*, alias: str = DEFAULT_DB_ALIAS, **options) -> Iterator[Result]:
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error: the database does not answer us
        yield fail(
            "database.connect",
            LABEL,
            _("cannot connect: %(error)s") % {"error": describe(error)},
            _(
                "Check DATABASE_URL (host, port, user, password, database name), that "
                "PostgreSQL is running, and that it accepts this host (listen_addresses, "
                "pg_hba.conf)."
            ),
        )
        return
    if connection.vendor != "postgresql":
        yield warn(
            "database.connect",
            LABEL,
            _("connected, but to %(vendor)s") % {"vendor": connection.vendor},
            _(
                "Production needs PostgreSQL: several processes write at once. Set "
                "DATABASE_URL=postgres://user:password@host:5432/name."
            ),
        )
    else:
        version = connection.pg_version  # e.g. 150004 for 15.4
        yield ok(
            "database.connect",
            LABEL,
            _("PostgreSQL %(version)s, database %(name)s")
            % {
                "version": f"{version // 10000}.{version % 10000}",
                "name": connection.settings_dict["NAME"],
            },
        )
    yield check_migrations(connection)


def check_migrations(connection) -> Result:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        first = plan[0][0]
        return fail(
            "database.migrations",
            MIGRATIONS_LABEL,
            ngettext(
                "%(count)d migration is not applied: %(first)s",
                "%(count)d migrations are not applied (the first: %(first)s)",
                len(plan),
            )
            % {"count": len(plan), "first": f"{first.app_label}.{first.name}"},
            _("Run `manage.py migrate`, then `manage.py bootstrap_site`."),
        )
    return ok("database.migrations", MIGRATIONS_LABEL, _("every migration is applied"))
