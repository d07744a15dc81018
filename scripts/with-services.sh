#!/usr/bin/env bash
# Runs a command with the local services up, e.g. `make test`:
#   scripts/with-services.sh pytest -q
# Starts the services that are not running yet ($RH_SERVICES, default all:
# postgres elasticsearch s3proxy), exports the settings from .env.services,
# runs the command, and afterwards stops only the services it started itself,
# also on failure or Ctrl-C. Exits with the command's exit code, so a test run
# leaves running exactly what was running before it.
set -euo pipefail
RH_SERVICE_NAME=with-services
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

SERVICES_SH="$RH_ROOT/scripts/services.sh"
ENV_FILE="$RH_ROOT/.env.services"
read -r -a wanted <<<"${RH_SERVICES:-postgres elasticsearch s3proxy}"

# Who is up before we touch anything: those we must leave running.
started=()
for svc in "${wanted[@]}"; do
  if ! bash "$SERVICES_SH" status "$svc" >/dev/null 2>&1; then
    started+=("$svc")
  fi
done

cleaned=0
# shellcheck disable=SC2317  # only reached through the traps
cleanup() {
  [ "$cleaned" = 1 ] && return 0
  cleaned=1
  if [ ${#started[@]} -gt 0 ]; then
    log "stopping what this run started: ${started[*]}"
    bash "$SERVICES_SH" stop "${started[@]}" || log "some services failed to stop"
  fi
}
trap cleanup EXIT
# On a signal: clean up, then exit as that signal would (130 for Ctrl-C).
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; trap - TERM; kill -TERM $$' TERM

if [ ${#started[@]} -gt 0 ]; then
  log "starting: ${started[*]}"
fi
# Start them all: a no-op for the running ones, and it (re)writes the file.
bash "$SERVICES_SH" start "${wanted[@]}" || die "could not start the services"

# Export KEY=VALUE lines as they are (no shell evaluation of the values).
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  [[ $line == *=* ]] || continue
  export "${line%%=*}=${line#*=}"
done <"$ENV_FILE"

set +e
"$@"
rc=$?
set -e
exit "$rc"
