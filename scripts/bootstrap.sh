#!/usr/bin/env bash
# Installs what the project needs into .venv from the committed lock file:
# uv (pinned, in its own small tool environment), then `uv sync --frozen`,
# then compiles the translations. Safe to run again; `make` runs it when
# pyproject.toml or uv.lock change.
set -euo pipefail
RH_SERVICE_NAME=bootstrap
source "$(dirname "$0")/_common.sh"
cd "$RH_ROOT"

UV_VERSION=0.13.8
PYTHON=${PYTHON:-python3}
TOOLS=.tools

command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.11 or newer"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" --version 2>&1)"

if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  apt_install python3-venv
fi

if [ ! -x "$TOOLS/bin/uv" ] || [ "$("$TOOLS/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  log "installing uv $UV_VERSION into $TOOLS/"
  "$PYTHON" -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

log "syncing .venv with uv.lock"
UV_PROJECT_ENVIRONMENT="$RH_ROOT/.venv" "$TOOLS/bin/uv" sync --frozen --quiet --python "$PYTHON"

command -v msgfmt >/dev/null || apt_install gettext
log "compiling translations"
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=.tools --ignore=.services -v0
