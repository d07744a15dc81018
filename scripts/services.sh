#!/usr/bin/env bash
# Starts, stops or reports the local services the app talks to.
#   scripts/services.sh start|stop|status [postgres|elasticsearch|s3proxy ...]
# With no names: $RH_SERVICES (space-separated) if set, else all three.
#
# After `start` it writes $RH_ROOT/.env.services (git-ignored): the `env`
# lines (DATABASE_URL=..., ELASTICSEARCH_URL=..., S3 settings) of every
# service that is running, for the app and for scripts/with-services.sh.
# `stop` rewrites that file for the services still running, or removes it
# when none is.
set -euo pipefail
RH_SERVICE_NAME=services
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

ALL_SERVICES=(postgres elasticsearch s3proxy)
ENV_FILE="$RH_ROOT/.env.services"
SCRIPTS="$RH_ROOT/scripts"

usage() {
  echo "usage: $0 start|stop|status [${ALL_SERVICES[*]} ...]" >&2
  exit 2
}

script_of() {
  local s="$SCRIPTS/$1.sh"
  [ -f "$s" ] || die "$1: $s not found"
  printf '%s\n' "$s"
}

running() {
  local s="$SCRIPTS/$1.sh"
  [ -f "$s" ] && bash "$s" status >/dev/null 2>&1
}

# Rewrites .env.services from the services running now (atomically, so a
# reader never sees half a file); removes it when none runs.
write_env_file() {
  local svc tmp any=0
  tmp=$(mktemp "$ENV_FILE.XXXXXX")
  {
    echo "# written by scripts/services.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); do not edit"
    for svc in "${ALL_SERVICES[@]}"; do
      if running "$svc"; then
        echo "# $svc"
        bash "$(script_of "$svc")" env
        any=1
      fi
    done
  } >"$tmp" || { rm -f "$tmp"; die "could not write $ENV_FILE"; }
  if [ "$any" = 1 ]; then
    chmod 644 "$tmp"
    mv "$tmp" "$ENV_FILE"
  else
    rm -f "$tmp" "$ENV_FILE"
  fi
}

verb="${1:-}"
[ $# -gt 0 ] && shift
case "$verb" in start | stop | status) ;; *) usage ;; esac

if [ $# -gt 0 ]; then
  services=("$@")
else
  read -r -a services <<<"${RH_SERVICES:-${ALL_SERVICES[*]}}"
fi
for svc in "${services[@]}"; do
  case " ${ALL_SERVICES[*]} " in
    *" $svc "*) ;;
    *) die "unknown service '$svc' (known: ${ALL_SERVICES[*]})" ;;
  esac
done

case "$verb" in
  start)
    for svc in "${services[@]}"; do
      script=$(script_of "$svc")
      if ! bash "$script" start; then
        # Keep the env file true to what is running, then name the culprit.
        write_env_file
        die "$svc failed to start (see the messages above)"
      fi
    done
    write_env_file
    log "all started: ${services[*]}; settings in $ENV_FILE"
    ;;
  stop)
    rc=0
    # Reverse order: stop what depends on others first (harmless today).
    for ((i = ${#services[@]} - 1; i >= 0; i--)); do
      svc=${services[i]}
      if [ ! -f "$SCRIPTS/$svc.sh" ]; then
        log "$svc: $SCRIPTS/$svc.sh not found, nothing to stop"
        continue
      fi
      bash "$SCRIPTS/$svc.sh" stop || { log "$svc failed to stop"; rc=1; }
    done
    write_env_file
    exit "$rc"
    ;;
  status)
    rc=0
    for svc in "${services[@]}"; do
      if [ ! -f "$SCRIPTS/$svc.sh" ]; then
        echo "$svc: not available ($SCRIPTS/$svc.sh not found)"
        rc=1
        continue
      fi
      bash "$SCRIPTS/$svc.sh" status || rc=1
    done
    exit "$rc"
    ;;
esac
