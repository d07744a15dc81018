#!/usr/bin/env bash
# Local S3-protocol server for development and tests: S3Proxy
# (org.gaul:s3proxy from Maven Central) with its filesystem backend, so
# objects survive a restart and large uploads stream to disk.
#
#   scripts/s3proxy.sh start    download (once), start, wait, create the bucket
#   scripts/s3proxy.sh stop     stop it (objects are kept)
#   scripts/s3proxy.sh status   exit 0 when running and answering, 1 otherwise
#   scripts/s3proxy.sh env      print the S3_* settings for the Django app
#
# Settings (environment):
#   RH_S3_PORT            listen port on 127.0.0.1        (59000)
#   RH_S3_BUCKET          bucket created at start, private (resource-hub)
#   RH_S3_ACCESS_KEY      access key id                    (resource-hub)
#   RH_S3_SECRET_KEY      secret access key      (resource-hub-secret-key-for-dev)
#   RH_S3_CORS_ORIGINS    space-separated browser origins (regular expressions) allowed by CORS, or "*"
#                         ("http://127.0.0.1:8000 http://localhost:8000")
#   RH_S3_CORS_HEADERS    space-separated request headers allowed by CORS, or "*"
#                         (a list of the usual S3 upload headers, see below)
#   RH_S3_START_TIMEOUT   seconds to wait for it to answer (60)
#   RH_S3_JAVA_OPTS       JVM options ("-Xms64m -Xmx1g")
#   RH_JAVA               java binary to use; default: $JAVA_HOME/bin/java, then
#                         `java` on PATH, then the newest JDK under /usr/lib/jvm;
#                         S3Proxy 4.x needs Java 17 or newer.
#
# Limits worth knowing (S3Proxy 4.1.0 defaults, kept):
# - a request signed with a payload hash (what boto3 sends over plain http,
#   also for each upload_part) is buffered in the JVM heap to check the hash
#   and is refused above 128 MiB ("MaxMessageLengthExceeded: Your request was
#   too big"): use multipart (boto3 upload_file/upload_fileobj do above 8 MiB).
#   Presigned URLs (UNSIGNED-PAYLOAD) stream straight to disk at any size.
# - list_parts/upload_part do not check that the upload id exists.
#
# State lives in $RH_SERVICES_DIR/s3proxy: data/ (one directory per bucket,
# object metadata in user.* extended attributes, so the file system must
# support xattrs: ext4/xfs/btrfs do), s3proxy.conf, s3proxy.log, s3proxy.pid.
RH_SERVICE_NAME=s3proxy
# shellcheck source=scripts/_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

# 4.1.0 is compiled for Java 17 (class files major 61) and is published with
# a self-contained `jar-with-dependencies` classifier (~55 MB).
S3PROXY_VERSION=4.1.0
S3PROXY_ARTIFACT="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
S3PROXY_MIN_JAVA=17

RH_S3_PORT="${RH_S3_PORT:-59000}"
RH_S3_BUCKET="${RH_S3_BUCKET:-resource-hub}"
RH_S3_ACCESS_KEY="${RH_S3_ACCESS_KEY:-resource-hub}"
RH_S3_SECRET_KEY="${RH_S3_SECRET_KEY:-resource-hub-secret-key-for-dev}"
RH_S3_REGION=us-east-1
# Default: a site on this machine at any port (`make run` on 8000, the browser
# tests' live server on a random one). Each origin is a regular expression.
RH_S3_CORS_ORIGINS="${RH_S3_CORS_ORIGINS:-http://127.0.0.1:[0-9]+ http://localhost:[0-9]+}"
# S3Proxy compares each requested header with this list (case-insensitively,
# no wildcards such as x-amz-*), so name every header a browser may send.
RH_S3_CORS_HEADERS="${RH_S3_CORS_HEADERS:-authorization content-type content-md5 \
content-disposition content-encoding content-language cache-control expires \
range if-match if-none-match if-modified-since if-unmodified-since \
x-amz-date x-amz-content-sha256 x-amz-security-token x-amz-user-agent \
x-amz-acl x-amz-storage-class x-amz-tagging x-amz-meta-filename \
x-amz-checksum-algorithm x-amz-sdk-checksum-algorithm x-amz-checksum-crc32 \
x-amz-checksum-crc32c x-amz-checksum-crc64nvme x-amz-checksum-sha1 \
x-amz-checksum-sha256 x-amz-decoded-content-length x-amz-trailer \
x-amz-server-side-encryption x-amz-expected-bucket-owner \
amz-sdk-invocation-id amz-sdk-request}"
RH_S3_CORS_EXPOSED="ETag x-amz-version-id x-amz-request-id x-amz-id-2 \
x-amz-checksum-crc32 x-amz-checksum-crc32c x-amz-checksum-sha256 \
Content-Disposition Content-Range Accept-Ranges"
RH_S3_START_TIMEOUT="${RH_S3_START_TIMEOUT:-60}"
RH_S3_JAVA_OPTS="${RH_S3_JAVA_OPTS:--Xms64m -Xmx1g}"

S3_DIR="$RH_SERVICES_DIR/s3proxy"
S3_DATA="$S3_DIR/data"
S3_CONF="$S3_DIR/s3proxy.conf"
S3_LOG="$S3_DIR/s3proxy.log"
S3_PID="$S3_DIR/s3proxy.pid"
S3_URL="http://127.0.0.1:$RH_S3_PORT"

# java_major BINARY -> prints the major version (8, 11, 17, 21, 25, ...)
java_major() {
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -1)
  v=${v#1.}
  printf '%s\n' "${v%%[.+-]*}"
}

# find_java -> prints a java binary of version >= S3PROXY_MIN_JAVA
find_java() {
  local cand major
  if [ -n "${RH_JAVA:-}" ]; then
    major=$(java_major "$RH_JAVA" 2>/dev/null || true)
    [ "${major:-0}" -ge "$S3PROXY_MIN_JAVA" ] 2>/dev/null \
      || die "RH_JAVA=$RH_JAVA is not a Java $S3PROXY_MIN_JAVA+ (found '${major:-none}')"
    printf '%s\n' "$RH_JAVA"; return
  fi
  for cand in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)"; do
    if [ -z "$cand" ] || [ ! -x "$cand" ]; then continue; fi
    major=$(java_major "$cand" 2>/dev/null || true)
    if [ "${major:-0}" -ge "$S3PROXY_MIN_JAVA" ] 2>/dev/null; then
      printf '%s\n' "$cand"; return
    fi
  done
  # newest JDK under /usr/lib/jvm (e.g. a Temurin install not on PATH)
  local best="" best_major=0
  for cand in /usr/lib/jvm/*/bin/java; do
    [ -x "$cand" ] || continue
    major=$(java_major "$cand" 2>/dev/null || true)
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then
      best=$cand best_major=$major
    fi
  done
  [ "$best_major" -ge "$S3PROXY_MIN_JAVA" ] && { printf '%s\n' "$best"; return; }
  die "S3Proxy $S3PROXY_VERSION needs Java $S3PROXY_MIN_JAVA or newer; install one (apt-get install openjdk-17-jre-headless) or set RH_JAVA"
}

# our_pid_alive -> 0 when the pid file names a running S3Proxy (not a reused pid)
our_pid_alive() {
  pid_alive "$S3_PID" && grep -qa s3proxy "/proc/$(cat "$S3_PID")/cmdline" 2>/dev/null
}

# s3curl ARGS... -> curl signed with AWS signature v4 for our credentials
s3curl() {
  curl -sS --max-time 30 \
    --aws-sigv4 "aws:amz:$RH_S3_REGION:s3" \
    --user "$RH_S3_ACCESS_KEY:$RH_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "$@"
}

# http_code ARGS... -> prints the HTTP status of a signed request (000 = none)
http_code() {
  s3curl -o /dev/null -w '%{http_code}' "$@" 2>/dev/null || true
}

answers() {
  [ "$(http_code "$S3_URL/")" = 200 ]
}

write_conf() {
  local origins="" o list
  read -r -a list <<<"$RH_S3_CORS_ORIGINS"  # split on spaces, no globbing of "*"
  for o in "${list[@]}"; do
    # S3Proxy treats each origin as a (case-insensitive) regular expression;
    # "[.]" keeps the dots literal without backslashes (which the properties
    # format would eat).
    if [ "$o" = "*" ]; then origins="*"; break; fi
    origins="$origins ${o//./[.]}"
  done
  ( umask 077; cat >"$S3_CONF" ) <<EOF
# Generated by scripts/s3proxy.sh at each start; edit the script, not this.
s3proxy.endpoint=$S3_URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$RH_S3_ACCESS_KEY
s3proxy.credential=$RH_S3_SECRET_KEY
s3proxy.cors-allow-origins=${origins# }
s3proxy.cors-allow-methods=GET PUT POST HEAD DELETE
s3proxy.cors-allow-headers=$RH_S3_CORS_HEADERS
s3proxy.cors-exposed-headers=$RH_S3_CORS_EXPOSED
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3_DATA
jclouds.region=$RH_S3_REGION
EOF
}

ensure_bucket() {
  local code
  code=$(http_code -I "$S3_URL/$RH_S3_BUCKET")
  case "$code" in
    200) return 0 ;;
    404) ;;
    *) die "checking bucket $RH_S3_BUCKET failed: HTTP $code (log: $S3_LOG)" ;;
  esac
  log "creating private bucket $RH_S3_BUCKET"
  local out
  out=$(s3curl -X PUT -w '\n%{http_code}' "$S3_URL/$RH_S3_BUCKET" 2>&1) || true
  code=${out##*$'\n'}
  case "$code" in
    200) ;;
    409) ;; # created meanwhile by someone else
    *) die "could not create bucket $RH_S3_BUCKET: HTTP $code: ${out%$'\n'*}" ;;
  esac
}

cmd_start() {
  mkdir -p "$S3_DATA"
  if our_pid_alive; then
    log "already running (pid $(cat "$S3_PID")) at $S3_URL"
    answers || die "pid $(cat "$S3_PID") is alive but $S3_URL does not answer; see $S3_LOG"
    ensure_bucket
    return 0
  fi
  rm -f "$S3_PID"
  if port_open "$RH_S3_PORT"; then
    die "port $RH_S3_PORT is already in use by another process; set RH_S3_PORT"
  fi
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"

  local java jar opts
  java=$(find_java)
  read -r -a opts <<<"$RH_S3_JAVA_OPTS"
  jar=$(mvn_fetch "$S3PROXY_ARTIFACT")
  [ -s "$jar" ] || die "S3Proxy jar missing after download: $jar"
  write_conf

  [ -f "$S3_LOG" ] && mv -f "$S3_LOG" "$S3_LOG.1"
  log "starting S3Proxy $S3PROXY_VERSION with $java (Java $(java_major "$java")) on $S3_URL"
  # setsid: its own session, so a Ctrl-C in the calling terminal does not
  # reach it; the subshell execs into setsid, which execs into java, so $!
  # is java's pid. NopStatusListener hides logback's start-up chatter.
  ( cd "$S3_DIR" && exec setsid nohup "$java" "${opts[@]}" \
      -Djava.io.tmpdir="$S3_DIR" \
      -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
      -jar "$jar" --properties "$S3_CONF" </dev/null >>"$S3_LOG" 2>&1 ) &
  echo $! >"$S3_PID"

  local i=0 started=$SECONDS
  until answers; do
    if ! our_pid_alive; then
      tail -n 30 "$S3_LOG" >&2 || true
      rm -f "$S3_PID"
      die "S3Proxy exited during start-up (log: $S3_LOG)"
    fi
    i=$((i + 1))
    if [ $((SECONDS - started)) -ge "$RH_S3_START_TIMEOUT" ]; then
      tail -n 30 "$S3_LOG" >&2 || true
      stop_pidfile "$S3_PID" 10
      die "S3Proxy did not answer on $S3_URL within ${RH_S3_START_TIMEOUT}s (log: $S3_LOG)"
    fi
    sleep 0.5
  done
  log "answering at $S3_URL after $((SECONDS - started))s (pid $(cat "$S3_PID"))"
  ensure_bucket
}

cmd_stop() {
  if our_pid_alive; then
    log "stopping pid $(cat "$S3_PID")"
    stop_pidfile "$S3_PID" 30
    log "stopped"
  else
    rm -f "$S3_PID"
    log "not running"
  fi
  if port_open "$RH_S3_PORT"; then
    log "warning: something else still listens on port $RH_S3_PORT"
  fi
}

cmd_status() {
  if our_pid_alive; then
    if answers; then
      log "running (pid $(cat "$S3_PID")) at $S3_URL, bucket $RH_S3_BUCKET, data in $S3_DATA"
      return 0
    fi
    log "pid $(cat "$S3_PID") is alive but $S3_URL does not answer (log: $S3_LOG)"
    return 1
  fi
  log "not running"
  return 1
}

cmd_env() {
  cat <<EOF
S3_ENDPOINT_URL=$S3_URL
S3_BUCKET=$RH_S3_BUCKET
S3_ACCESS_KEY_ID=$RH_S3_ACCESS_KEY
S3_SECRET_ACCESS_KEY=$RH_S3_SECRET_KEY
S3_REGION=$RH_S3_REGION
S3_ADDRESSING_STYLE=path
EOF
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
