# Shared helpers for the local-service scripts. Source it; don't run it.
# shellcheck shell=bash
# Every service keeps its state under $RH_SERVICES_DIR (git-ignored):
#   dist/   downloaded distributions (zip/jar from Maven Central)
#   <svc>/  unpacked software, data, logs and pid file of one service
set -euo pipefail

RH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RH_SERVICES_DIR="${RH_SERVICES_DIR:-$RH_ROOT/.services}"
mkdir -p "$RH_SERVICES_DIR/dist"

log() { printf '[%s] %s\n' "${RH_SERVICE_NAME:-services}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${RH_SERVICE_NAME:-services}" "$*" >&2; exit 1; }

# pid_alive FILE -> 0 when the pid in FILE is a running process
pid_alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# port_open PORT -> 0 when something listens on 127.0.0.1:PORT
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until SECONDS DESCRIPTION CMD... -> polls CMD every second
wait_until() {
  local limit=$1 what=$2; shift 2
  local i=0
  while ! "$@" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -ge "$limit" ]; then
      return 1
    fi
    sleep 1
  done
  log "$what after ${i}s"
}

# stop_pidfile FILE [SECONDS] -> TERM, wait, then KILL the process in FILE
stop_pidfile() {
  local file=$1 limit=${2:-30}
  if ! pid_alive "$file"; then
    rm -f "$file"
    return 0
  fi
  local pid; pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  local i=0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge "$limit" ]; then
      log "pid $pid did not stop in ${limit}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
  done
  rm -f "$file"
}

# mvn_fetch GROUP:ARTIFACT:VERSION:TYPE[:CLASSIFIER] -> prints the path of the
# artifact copied into $RH_SERVICES_DIR/dist (fetched from Maven Central once).
mvn_fetch() {
  local coords=$1
  command -v mvn >/dev/null || die "Maven (mvn) is not installed; install it (apt-get install maven) and retry"
  local g a v t c
  IFS=: read -r g a v t c <<<"$coords"
  local name="$a-$v${c:+-$c}.$t"
  local dest="$RH_SERVICES_DIR/dist/$g"
  if [ ! -s "$dest/$name" ]; then
    log "fetching $coords from Maven Central"
    mkdir -p "$dest"
    if ! mvn -q -B dependency:copy -Dartifact="$coords" -DoutputDirectory="$dest" \
        -Dmdep.overWriteReleases=true >"$dest/mvn.log" 2>&1; then
      tail -20 "$dest/mvn.log" >&2
      die "could not fetch $coords with Maven (log: $dest/mvn.log)"
    fi
  fi
  printf '%s\n' "$dest/$name"
}

# --- added for postgres.sh / elasticsearch.sh / services.sh ----------------

is_root() { [ "$(id -u)" -eq 0 ]; }

# apt_install PKG... -> installs Debian packages when we are root; otherwise
# dies naming what to install (a normal user cannot, and sudo may prompt).
apt_install() {
  if ! is_root; then
    die "missing system packages: $*; install them as root (apt-get install $*) and retry"
  fi
  local aptlog="$RH_SERVICES_DIR/apt.log"
  log "installing $* with apt-get (log: $aptlog)"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; } \
      >"$aptlog" 2>&1; then
    tail -20 "$aptlog" >&2
    die "apt-get install $* failed (log: $aptlog)"
  fi
}

# ensure_system_user NAME -> creates an unprivileged system account (root only)
# for servers that refuse to run as root.
ensure_system_user() {
  local name=$1
  id -u "$name" >/dev/null 2>&1 && return 0
  is_root || die "user $name does not exist and we are not root to create it"
  log "creating system user $name"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$name" || die "useradd $name failed"
}

# run_as USER CMD... -> runs CMD as USER (directly when that is us already).
# runuser keeps the working directory: callers cd somewhere USER can enter.
run_as() {
  local user=$1; shift
  if [ "$user" = "$(id -un)" ]; then
    "$@"
  else
    runuser -u "$user" -- "$@"
  fi
}

# can_reach USER DIR -> 0 when USER can enter DIR (every parent must be
# searchable: a checkout under /root is not, for example).
can_reach() {
  (cd / && run_as "$1" test -x "$2" -a -d "$2") 2>/dev/null
}

# service_base USER -> where a server run as USER keeps its files: our state
# dir when USER can reach it, else a world-traversable fallback outside the
# checkout (RH_SERVICES_FALLBACK_DIR, default /var/tmp/resource-hub).
service_base() {
  if can_reach "$1" "$RH_SERVICES_DIR"; then
    printf '%s\n' "$RH_SERVICES_DIR"
  else
    local fb="${RH_SERVICES_FALLBACK_DIR:-/var/tmp/resource-hub}"
    mkdir -p "$fb" && chmod 755 "$fb"
    printf '%s\n' "$fb"
  fi
}

# pid_matches FILE WORD -> 0 when the pid in FILE runs and its command line
# contains WORD. Pid files outlive a machine restart and pids get reused, so
# a bare pid_alive could mistake (and stop) an unrelated process.
pid_matches() {
  [ -f "$1" ] || return 1
  local pid; pid=$(head -1 "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

# http_get URL -> prints the body; fails on connection errors and non-2xx.
http_get() {
  if command -v curl >/dev/null; then
    curl -fsS --max-time "${HTTP_TIMEOUT:-10}" "$1"
  else
    python3 - "$1" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
    sys.stdout.write(r.read().decode())
PY
  fi
}

# urlencode STRING -> percent-encodes everything but unreserved characters,
# so credentials can go into a URL.
urlencode() {
  local LC_ALL=C # walk bytes, so UTF-8 characters encode correctly
  local s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s\n' "$out"
}

# apt_install PKG... -> installs Debian packages (as root), else says what to install
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "missing $*: install it with your package manager (Debian: apt-get install $*)"
  fi
  log "installing $* from Debian's packages"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
