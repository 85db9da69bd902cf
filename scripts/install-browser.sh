#!/usr/bin/env bash
# Install the browser the browser tests drive (tests/browser): Debian's Chromium, with
# fonts so that pages render with real glyphs. Idempotent and quiet: does nothing when
# /usr/bin/chromium is there. Needs root, or sudo.
#
# Chromium refuses its sandbox as root (as in CI); the tests start it with --no-sandbox.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "install-browser: needs root or sudo to run apt-get install chromium fonts-noto-core" >&2
  exit 1
fi

echo "install-browser: installing chromium and fonts-noto-core" >&2
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq >/dev/null
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium fonts-noto-core >/dev/null
echo "install-browser: done" >&2
