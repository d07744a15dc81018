#!/usr/bin/env bash
# What the test suite needs beyond .venv, from Debian's packages, installed
# when missing (as root; otherwise it says what to install):
#   - fonts for Chinese, Thai and Latin text: the extraction and thumbnail
#     tests write real PDFs in those scripts (fpdf2 embeds the fonts);
#   - Node.js: runs the browser uploader module against the live test server;
#   - Chromium: the browser tests (tests/e2e) drive Debian's build through
#     Playwright; `playwright install` downloads a browser and is never used.
# `make test` runs it first. Safe to run again: it installs nothing twice.
set -euo pipefail
RH_SERVICE_NAME=test-deps
source "$(dirname "$0")/_common.sh"

missing=()
font_installed() { fc-list 2>/dev/null | grep -qi "$1" || ls /usr/share/fonts/truetype/*/"$1"* >/dev/null 2>&1; }
font_installed "wqy-microhei" || missing+=(fonts-wqy-microhei)
font_installed "NotoSansThai" || missing+=(fonts-noto-core)
font_installed "DejaVuSans" || missing+=(fonts-dejavu-core)
command -v node >/dev/null || missing+=(nodejs)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi
log "fonts, Node.js $(node --version) and $(/usr/bin/chromium --version 2>/dev/null) are in place"
