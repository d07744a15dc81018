#!/usr/bin/env bash
# Private PostgreSQL cluster for development and tests.
#   scripts/postgres.sh start|stop|status|env
# Uses Debian's server binaries but never the system cluster or systemd: it
# runs its own cluster (initdb) on 127.0.0.1:$RH_PG_PORT, so it cannot clash
# with, or change, anything else on the machine.
#
# Settings (environment):
#   RH_PG_PORT           55432
#   RH_PG_USER           resource_hub   role the app connects as (CREATEDB, so
#   RH_PG_PASSWORD       resource_hub   pytest-django can create test_ DBs)
#   RH_PG_DB             resource_hub
#   RH_PG_OS_USER        postgres       OS account that runs the server when
#                                       we are root (postgres refuses root)
#   RH_PG_BINDIR         newest /usr/lib/postgresql/*/bin
#   RH_PG_START_TIMEOUT  60 seconds
#
# Where the data lives: $RH_SERVICES_DIR/postgres when the server's OS user
# can reach that folder. As root the server runs as `postgres`, which cannot
# enter a checkout under e.g. /root (mode 700); then the cluster lives in
# /var/tmp/resource-hub/postgres-$RH_PG_PORT instead (RH_SERVICES_FALLBACK_DIR
# changes /var/tmp/resource-hub). `status` prints the folder in use. The unix
# socket (admin only; the app uses TCP) sits in <that folder>/run, or in
# /tmp/resource-hub-pg-$RH_PG_PORT when that path is too long for a socket.
# When the server is missing and we are root, `start` apt-installs postgresql
# with create_main_cluster = false, so Debian's own cluster is never made.
set -euo pipefail
RH_SERVICE_NAME=postgres
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

PG_PORT="${RH_PG_PORT:-55432}"
PG_USER="${RH_PG_USER:-resource_hub}"
PG_PASSWORD="${RH_PG_PASSWORD:-resource_hub}"
PG_DB="${RH_PG_DB:-resource_hub}"
PG_START_TIMEOUT="${RH_PG_START_TIMEOUT:-60}"

# The OS account that owns and runs the cluster.
if is_root; then
  OS_USER="${RH_PG_OS_USER:-postgres}"
else
  OS_USER="$(id -un)"
fi

pg_bindir() {
  if [ -n "${RH_PG_BINDIR:-}" ]; then
    printf '%s\n' "$RH_PG_BINDIR"
    return
  fi
  local ctl
  ctl=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/pg_ctl' 2>/dev/null | sort -V | tail -1)
  [ -n "$ctl" ] && dirname "$ctl"
}

# Installs the server when missing (root), without letting the Debian package
# create and start its default cluster on port 5432, which we don't use.
ensure_server() {
  local bindir; bindir=$(pg_bindir || true)
  if [ -n "$bindir" ] && [ -x "$bindir/pg_ctl" ]; then
    return 0
  fi
  if ! is_root; then
    die "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/pg_ctl). Install them as root: apt-get install postgresql (or set RH_PG_BINDIR)"
  fi
  mkdir -p /etc/postgresql-common/createcluster.d
  printf '# written by resource-hub scripts/postgres.sh: we run private clusters\ncreate_main_cluster = false\n' \
    >/etc/postgresql-common/createcluster.d/resource-hub.conf
  apt_install postgresql
  bindir=$(pg_bindir || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    die "postgresql installed but pg_ctl still not found under /usr/lib/postgresql"
  fi
}

# Sets STATE (cluster folder), PGDATA_DIR, SOCK_DIR, LOG_FILE.
locate_state() {
  local base
  if id -u "$OS_USER" >/dev/null 2>&1; then
    base=$(service_base "$OS_USER")
  else
    base=$RH_SERVICES_DIR
  fi
  if [ "$base" = "$RH_SERVICES_DIR" ]; then
    STATE="$RH_SERVICES_DIR/postgres"
  else
    STATE="$base/postgres-$PG_PORT"
  fi
  PGDATA_DIR="$STATE/data"
  LOG_FILE="$STATE/postgres.log"
  SOCK_DIR="$STATE/run"
  # A unix socket path must stay under ~107 bytes; deep checkouts exceed it.
  if [ $((${#SOCK_DIR} + 20)) -gt 100 ]; then
    SOCK_DIR="/tmp/resource-hub-pg-$PG_PORT"
  fi
}

# Hands files to the cluster's owner (only needed, and allowed, as root).
own() {
  if is_root; then chown "$OS_USER:" "$@"; fi
}

# Runs a PostgreSQL program as the cluster's owner, from a folder it can enter.
pg() {
  local prog=$1; shift
  (cd / && run_as "$OS_USER" "$(pg_bindir)/$prog" "$@")
}

is_running() {
  [ -f "$PGDATA_DIR/PG_VERSION" ] || return 1
  id -u "$OS_USER" >/dev/null 2>&1 || return 1
  [ -n "$(pg_bindir || true)" ] || return 1
  pg pg_ctl -D "$PGDATA_DIR" status >/dev/null 2>&1 &&
    pid_matches "$PGDATA_DIR/postmaster.pid" postgres
}

# Lock files left by a server that was killed (e.g. at a machine restart):
# if their pid now belongs to another process, postgres refuses to start.
remove_stale_locks() {
  rm -f "$PGDATA_DIR/postmaster.pid" "$SOCK_DIR/.s.PGSQL.$PG_PORT" "$SOCK_DIR/.s.PGSQL.$PG_PORT.lock"
}

# The port the running cluster listens on (line 4 of postmaster.pid).
running_port() {
  sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true
}

init_cluster() {
  local major
  major=$("$(pg_bindir)/pg_ctl" --version | sed -E 's/.* ([0-9]+)[.0-9]*.*/\1/')
  if [ -f "$PGDATA_DIR/PG_VERSION" ]; then
    local have; have=$(cat "$PGDATA_DIR/PG_VERSION")
    [ "$have" = "$major" ] || die "cluster in $PGDATA_DIR is PostgreSQL $have but the server found is $major; stop and remove $STATE (it is only dev data) or set RH_PG_BINDIR"
    return 0
  fi
  log "creating cluster in $PGDATA_DIR (PostgreSQL $major)"
  rm -rf "$PGDATA_DIR" "$PGDATA_DIR.new"
  # Initialise in a side folder and rename it, so an interrupted initdb never
  # leaves a half-made cluster behind.
  if ! pg initdb -D "$PGDATA_DIR.new" --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$STATE/initdb.log" 2>&1; then
    tail -20 "$STATE/initdb.log" >&2
    die "initdb failed (log: $STATE/initdb.log)"
  fi
  echo "include_if_exists = 'resource_hub.conf'" >>"$PGDATA_DIR.new/postgresql.conf"
  mv "$PGDATA_DIR.new" "$PGDATA_DIR"
}

write_conf() {
  cat >"$PGDATA_DIR/resource_hub.conf" <<EOF
# written by scripts/postgres.sh on every start
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$SOCK_DIR'
# dev/test speed: a crash may lose the last commits, never corrupts the cluster
synchronous_commit = off
EOF
  own "$PGDATA_DIR/resource_hub.conf"
}

# Creates or updates the app's role and database; safe to repeat.
provision() {
  pg psql -X -q -v ON_ERROR_STOP=1 -h "$SOCK_DIR" -p "$PG_PORT" -d postgres \
    -v user="$PG_USER" -v pw="$PG_PASSWORD" -v db="$PG_DB" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

cmd_start() {
  ensure_server
  locate_state
  if is_running; then
    local port; port=$(running_port)
    [ "$port" = "$PG_PORT" ] || die "our cluster in $PGDATA_DIR is running on port $port, not $PG_PORT; run stop first"
    provision || die "cluster is running but creating role/database failed"
    log "already running on 127.0.0.1:$PG_PORT"
    return 0
  fi
  if port_open "$PG_PORT"; then
    die "port $PG_PORT is in use by another process; set RH_PG_PORT to a free port"
  fi
  mkdir -p "$STATE" "$SOCK_DIR"
  chmod 700 "$SOCK_DIR"
  own "$STATE" "$SOCK_DIR"
  init_cluster
  remove_stale_locks
  write_conf
  log "starting on 127.0.0.1:$PG_PORT"
  if ! pg pg_ctl -D "$PGDATA_DIR" -l "$LOG_FILE" -w -t "$PG_START_TIMEOUT" start >/dev/null 2>&1; then
    [ -f "$LOG_FILE" ] && tail -20 "$LOG_FILE" >&2
    pg pg_ctl -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    die "PostgreSQL did not start within ${PG_START_TIMEOUT}s (log: $LOG_FILE)"
  fi
  if ! provision; then
    pg pg_ctl -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
    die "creating role $PG_USER / database $PG_DB failed; stopped the cluster again"
  fi
  log "running: $(cmd_env)"
}

cmd_stop() {
  locate_state
  if ! is_running; then
    log "not running"
    return 0
  fi
  pg pg_ctl -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null || die "pg_ctl stop failed (log: $LOG_FILE)"
  log "stopped"
}

cmd_status() {
  locate_state
  if is_running; then
    echo "postgres: running on 127.0.0.1:$(running_port) (pid $(head -1 "$PGDATA_DIR/postmaster.pid"), data $PGDATA_DIR)"
  else
    echo "postgres: not running (data $PGDATA_DIR)"
    return 1
  fi
}

cmd_env() {
  echo "DATABASE_URL=postgres://$(urlencode "$PG_USER"):$(urlencode "$PG_PASSWORD")@127.0.0.1:$PG_PORT/$(urlencode "$PG_DB")"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
