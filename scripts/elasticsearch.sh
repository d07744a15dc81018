#!/usr/bin/env bash
# Single-node Elasticsearch for development and tests.
#   scripts/elasticsearch.sh start|stop|status|env
# The distribution comes from Maven Central (the only place we can download
# from): org.elasticsearch.distribution.integ-test-zip, a minimal build with
# no bundled JDK, run with the machine's Java.
#
# Settings (environment):
#   RH_ES_PORT            59200   HTTP, on 127.0.0.1 only
#   RH_ES_TRANSPORT_PORT  59300   node-to-node transport, 127.0.0.1 only
#   RH_ES_HEAP            512m    -Xms/-Xmx
#   RH_ES_START_TIMEOUT   120     seconds to wait for yellow health
#   RH_ES_OS_USER         resourcehub  account that runs ES when we are root
#                         (ES refuses root); created with useradd --system
#   ES_JAVA_HOME / JAVA_HOME  Java to run it with; default: the `java` on PATH
#   RH_ES_PLUGINS         space-separated plugin folders or .zip files (built
#                         ES plugins) installed into the node at each start,
#                         besides our analysis plugin
#   RH_ES_ANALYSIS_PLUGIN 1       0: leave out search/es-analysis-plugin
#                         (to see the bare distribution)
#
# integ-test-zip is minimal: its only modules are x-pack-core,
# x-pack-security, transport-netty4 and apm. There is no analysis-common, so
# the language analyzers (english, cjk, thai, indonesian, ...), asciifolding,
# (edge_)ngram are unknown, and no rest-root, so `GET /` answers 405 (ask
# `GET /_nodes/_local?filter_path=nodes.*.version` for the version). The
# analyzers come from our own plugin, search/es-analysis-plugin (see its
# README; a production cluster has the real ones built in): it is built here
# with Maven for the pinned ES_VERSION and the Lucene of that distribution,
# cached in $RH_SERVICES_DIR/es-analysis-plugin/<hash of its sources>/, so
# only a change to its sources (or to ES_VERSION) rebuilds it, and installed
# on every start.
#
# Files: the unpacked distribution in $RH_SERVICES_DIR/elasticsearch-$ES_VERSION,
# config/data/logs/pid in $RH_SERVICES_DIR/elasticsearch. As root, when the
# ES account cannot enter the checkout (e.g. under /root), both move to
# /var/tmp/resource-hub (RH_SERVICES_FALLBACK_DIR); `status` prints where.
set -euo pipefail
RH_SERVICE_NAME=elasticsearch
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

# The one place the version is pinned. 8.19.9 is the newest 8.19.x on Maven
# Central as of 2026-11-28 (8.19.10/8.19.11 not found). 8.x runs on Java 17;
# a 9.x pin would need Java 21+: point ES_JAVA_HOME at a newer JDK such as
# /usr/lib/jvm/temurin-25-jdk-amd64.
ES_VERSION=8.19.9
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
ANALYSIS_PLUGIN_SRC="$RH_ROOT/search/es-analysis-plugin"
ANALYSIS_PLUGIN_NAME=resource-hub-analysis # <plugin.name> in its pom.xml
ANALYSIS_PLUGIN_CACHE="$RH_SERVICES_DIR/es-analysis-plugin"

ES_PORT="${RH_ES_PORT:-59200}"
ES_TRANSPORT_PORT="${RH_ES_TRANSPORT_PORT:-59300}"
ES_HEAP="${RH_ES_HEAP:-512m}"
ES_START_TIMEOUT="${RH_ES_START_TIMEOUT:-120}"
ES_URL="http://127.0.0.1:$ES_PORT"
CLUSTER_NAME=resource-hub-dev

if is_root; then
  OS_USER="${RH_ES_OS_USER:-resourcehub}"
else
  OS_USER="$(id -un)"
fi

# Sets ES_HOME (software) and STATE (config, data, logs, pid file).
locate_state() {
  local base=$RH_SERVICES_DIR
  if is_root && id -u "$OS_USER" >/dev/null 2>&1; then
    base=$(service_base "$OS_USER")
  fi
  ES_HOME="$base/elasticsearch-$ES_VERSION"
  if [ "$base" = "$RH_SERVICES_DIR" ]; then
    STATE="$RH_SERVICES_DIR/elasticsearch"
  else
    STATE="$base/elasticsearch-$ES_PORT"
  fi
  PID_FILE="$STATE/elasticsearch.pid"
  ES_LOG="$STATE/logs/$CLUSTER_NAME.log"
  LAUNCH_LOG="$STATE/logs/launcher.log"
}

find_java_home() {
  local home="${ES_JAVA_HOME:-${JAVA_HOME:-}}"
  if [ -z "$home" ]; then
    local java; java=$(command -v java) || die "no Java found: install a JDK 17+ (apt-get install openjdk-17-jre-headless) or set ES_JAVA_HOME"
    home=$(dirname "$(dirname "$(readlink -f "$java")")")
  fi
  [ -x "$home/bin/java" ] || die "no java at $home/bin/java (check ES_JAVA_HOME / JAVA_HOME)"
  printf '%s\n' "$home"
}

# Unpacks the distribution once. Unzips into a side folder and renames it, so
# an interrupted unpack is never mistaken for a complete one.
ensure_installed() {
  if [ -x "$ES_HOME/bin/elasticsearch" ]; then
    return 0
  fi
  local zip; zip=$(mvn_fetch "$ES_ARTIFACT")
  local tmp="$ES_HOME.unpack"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  log "unpacking $(basename "$zip")"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp"
  else
    # Python's zipfile drops the exec bits, restored below.
    python3 -m zipfile -e "$zip" "$tmp"
    chmod -R a+rX "$tmp"
    find "$tmp" -path '*/bin/*' -type f -exec chmod a+x {} +
  fi
  [ -d "$tmp/elasticsearch-$ES_VERSION" ] || die "unexpected zip layout in $zip"
  rm -rf "$ES_HOME"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rmdir "$tmp"
}

# The Lucene version the distribution ships (lib/lucene-core-<version>.jar):
# the analysis plugin compiles against exactly that, so ES_VERSION stays the
# only pin.
lucene_version() {
  local jar
  for jar in "$ES_HOME"/lib/lucene-core-*.jar; do
    [ -f "$jar" ] || break
    jar=${jar##*/lucene-core-}
    printf '%s\n' "${jar%.jar}"
    return 0
  done
  die "no lib/lucene-core-*.jar in $ES_HOME: cannot tell which Lucene to build the analysis plugin against"
}

# analysis_plugin_key LUCENE_VERSION -> a hash of the plugin's pom.xml and
# src/ (paths and contents) and the ES and Lucene versions: the cache key.
analysis_plugin_key() {
  (
    cd "$ANALYSIS_PLUGIN_SRC" || exit 1
    printf 'es=%s lucene=%s\n' "$ES_VERSION" "$1"
    find pom.xml src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  ) | sha256sum | cut -c1-16
}

# Sets ANALYSIS_PLUGIN_ZIP to the built plugin for this ES version, building
# it with Maven when no build of the current sources is cached. The build runs
# outside the checkout (no target/ appears there) and runs the plugin's tests.
ensure_analysis_plugin() {
  ANALYSIS_PLUGIN_ZIP='' ANALYSIS_PLUGIN_KEY=none
  if [ "${RH_ES_ANALYSIS_PLUGIN:-1}" = 0 ]; then
    log "RH_ES_ANALYSIS_PLUGIN=0: not installing the analysis plugin (no cjk, thai, english, ngram, icu_tokenizer, ...)"
    return 0
  fi
  [ -f "$ANALYSIS_PLUGIN_SRC/pom.xml" ] || die "analysis plugin sources not found in $ANALYSIS_PLUGIN_SRC"
  local lucene; lucene=$(lucene_version)
  local key; key=$(analysis_plugin_key "$lucene")
  local zip="$ANALYSIS_PLUGIN_CACHE/$key/$ANALYSIS_PLUGIN_NAME.zip"
  ANALYSIS_PLUGIN_KEY=$key
  if [ -s "$zip" ]; then
    ANALYSIS_PLUGIN_ZIP=$zip
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is not installed; it builds the analysis plugin: install it (apt-get install maven) and retry"
  local build="$ANALYSIS_PLUGIN_CACHE/.build.$$" # hidden: not a cache entry
  local buildlog="$ANALYSIS_PLUGIN_CACHE/build.log"
  rm -rf "$build"
  mkdir -p "$build"
  log "building the analysis plugin (search/es-analysis-plugin) for Elasticsearch $ES_VERSION, Lucene $lucene (log: $buildlog)"
  local t0=$SECONDS
  if ! mvn -B -q -Dstyle.color=never -f "$ANALYSIS_PLUGIN_SRC/pom.xml" \
      -Des.version="$ES_VERSION" -Dlucene.version="$lucene" \
      -Dplugin.build.dir="$build" package >"$buildlog" 2>&1 ||
      [ ! -s "$build/$ANALYSIS_PLUGIN_NAME.zip" ]; then
    grep -E '^\[ERROR\]' "$buildlog" | grep -v -e 'Help 1' -e '^\[ERROR\] *$' -e 'full stack trace' \
      -e 'debug logging' -e 'possible solutions' -e 'cwiki.apache.org' -e '^\[ERROR\] See ' | awk '!seen[$0]++' | head -20 >&2 || true
    rm -rf "$build"
    die "building the analysis plugin failed (full log: $buildlog; build by hand: cd search/es-analysis-plugin && mvn package)"
  fi
  mkdir -p "$ANALYSIS_PLUGIN_CACHE/$key"
  mv "$build/$ANALYSIS_PLUGIN_NAME.zip" "$zip.part"
  mv "$zip.part" "$zip"
  rm -rf "$build"
  # keep the three newest builds (switching branches back and forth is free)
  # shellcheck disable=SC2012 # entries are hex hashes
  (cd "$ANALYSIS_PLUGIN_CACHE" && ls -1td -- */ | tail -n +4 | xargs -r rm -rf --) || true
  log "built the analysis plugin in $((SECONDS - t0))s"
  ANALYSIS_PLUGIN_ZIP=$zip
}

# Installs our analysis plugin and those named in RH_ES_PLUGINS, and only
# those: the plugins/ folder is rebuilt on every start so a removed entry
# really goes away.
sync_plugins() {
  local src name
  rm -rf "$ES_HOME/plugins"
  mkdir -p "$ES_HOME/plugins"
  for src in $ANALYSIS_PLUGIN_ZIP ${RH_ES_PLUGINS:-}; do
    case "$src" in
      *.zip)
        [ -f "$src" ] || die "RH_ES_PLUGINS: $src not found"
        name=$(basename "$src" .zip)
        mkdir -p "$ES_HOME/plugins/$name"
        if command -v unzip >/dev/null; then
          unzip -q "$src" -d "$ES_HOME/plugins/$name"
        else
          python3 -m zipfile -e "$src" "$ES_HOME/plugins/$name"
        fi
        ;;
      *)
        [ -d "$src" ] || die "RH_ES_PLUGINS: $src is not a folder or .zip"
        name=$(basename "$src")
        cp -r "$src" "$ES_HOME/plugins/$name"
        ;;
    esac
    log "plugin: $name (from $src)"
  done
  chmod -R a+rX "$ES_HOME/plugins"
}

# A fresh config folder on every start: the distribution's defaults plus our
# elasticsearch.yml, so a version change never mixes old and new files.
write_config() {
  rm -rf "$STATE/config"
  cp -r "$ES_HOME/config" "$STATE/config"
  # integ-test-zip carries only the x-pack-core and x-pack-security modules;
  # security must be off for plain http://, and with it the setting is valid.
  cat >"$STATE/config/elasticsearch.yml" <<EOF
# written by scripts/elasticsearch.sh on every start
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME-1
path.data: $STATE/data
path.logs: $STATE/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
# shared dev disks are often >90% full; don't let ES go read-only over it
cluster.routing.allocation.disk.threshold_enabled: false
xpack.security.enabled: false
# let test teardown delete indices by wildcard (e.g. DELETE /test_*)
action.destructive_requires_name: false
EOF
}

is_running() {
  pid_matches "$PID_FILE" org.elasticsearch
}

healthy() {
  HTTP_TIMEOUT=5 http_get "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

# integ-test-zip has no rest-root module, so `GET /` answers 405: ask the
# nodes API instead.
es_version() {
  http_get "$ES_URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null |
    sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' | head -1
}

# Waits for yellow health while the process lives; 0 when healthy. Counts
# wall-clock seconds: one health probe can itself take seconds (a red
# cluster, e.g. an index whose analyzer is missing, holds it for its 2s
# timeout), so counting probes would wait several times the limit.
wait_healthy() {
  local t0=$SECONDS
  while ((SECONDS - t0 < ES_START_TIMEOUT)); do
    if healthy; then
      log "healthy after $((SECONDS - t0))s"
      return 0
    fi
    if ((SECONDS - t0 > 5)) && ! is_running; then
      log "the Elasticsearch process has exited"
      return 1
    fi
    sleep 1
  done
  log "not healthy after ${ES_START_TIMEOUT}s"
  return 1
}

# Drops Java stack frames, which would push the actual error out of a tail.
no_frames() {
  grep -vE '^[[:space:]]+(at |\.\.\. [0-9]+ more)' || true
}

# Shows what this start wrote to the logs (not older runs), stops whatever
# did start, and exits non-zero.
fail_start() {
  if [ -s "$LAUNCH_LOG" ]; then
    echo "----- tail of $LAUNCH_LOG" >&2
    no_frames <"$LAUNCH_LOG" | tail -20 >&2
  fi
  if [ -f "$ES_LOG" ] && [ "$(wc -c <"$ES_LOG")" -gt "${ES_LOG_START:-0}" ]; then
    echo "----- tail of $ES_LOG (this start)" >&2
    tail -c +"$((${ES_LOG_START:-0} + 1))" "$ES_LOG" | no_frames | tail -20 >&2
  fi
  stop_pidfile "$PID_FILE" 30
  die "$1 (logs: $STATE/logs)"
}

cmd_start() {
  if is_root; then
    ensure_system_user "$OS_USER"
  fi
  locate_state
  if is_running; then
    # Maybe started a moment ago by another call: wait for it to be usable.
    # Leave a running node alone even when unhealthy: it may hold a dev's data.
    healthy || wait_healthy || die "Elasticsearch is running (pid $(cat "$PID_FILE")) but its health is not yellow/green: see $STATE/logs, or stop and start it"
    log "already running on $ES_URL (version $(es_version))"
    if [ -f "$STATE/analysis-plugin.key" ] && [ "${RH_ES_ANALYSIS_PLUGIN:-1}" != 0 ] &&
        [ "$(cat "$STATE/analysis-plugin.key")" != "$(analysis_plugin_key "$(lucene_version)")" ]; then
      log "WARNING: search/es-analysis-plugin changed since this node started; stop and start it to rebuild and load the plugin"
    fi
    return 0
  fi
  local port
  for port in "$ES_PORT" "$ES_TRANSPORT_PORT"; do
    if port_open "$port"; then
      die "port $port is in use by another process; set RH_ES_PORT / RH_ES_TRANSPORT_PORT to free ports"
    fi
  done
  local java_home; java_home=$(find_java_home)
  ensure_installed
  ensure_analysis_plugin
  sync_plugins
  mkdir -p "$STATE/data" "$STATE/logs" "$STATE/tmp"
  write_config
  if is_root; then
    chown -R "$OS_USER:" "$STATE"
  fi
  : >"$LAUNCH_LOG"
  ES_LOG_START=0
  if [ -f "$ES_LOG" ]; then
    ES_LOG_START=$(wc -c <"$ES_LOG")
  fi
  log "starting on $ES_URL (Java: $java_home)"
  local -a cmd=(env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$STATE/config"
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_JAVA_OPTS:-}"
    ES_TMPDIR="$STATE/tmp" HOME="$STATE"
    "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE")
  if [ "$OS_USER" != "$(id -un)" ]; then
    cmd=(runuser -u "$OS_USER" -- "${cmd[@]}")
  fi
  # -d returns once the node has started; cwd is logs/ because the default
  # jvm.options write gc.log (and any heap dump) to the working directory.
  if ! (cd "$STATE/logs" && timeout "$ES_START_TIMEOUT" "${cmd[@]}") >>"$LAUNCH_LOG" 2>&1; then
    fail_start "Elasticsearch failed to start"
  fi
  wait_healthy || fail_start "Elasticsearch did not become healthy (yellow) within ${ES_START_TIMEOUT}s"
  printf '%s\n' "$ANALYSIS_PLUGIN_KEY" >"$STATE/analysis-plugin.key"
  log "running: $ES_URL, version $(es_version)"
}

cmd_stop() {
  locate_state
  if ! is_running; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  stop_pidfile "$PID_FILE" 60
  log "stopped"
}

cmd_status() {
  locate_state
  if is_running; then
    echo "elasticsearch: running on $ES_URL (pid $(cat "$PID_FILE"), data $STATE)"
  else
    echo "elasticsearch: not running (data $STATE)"
    return 1
  fi
}

cmd_env() {
  echo "ELASTICSEARCH_URL=$ES_URL"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
