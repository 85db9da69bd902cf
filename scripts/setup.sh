#!/usr/bin/env bash
# Set up everything Uppsikt needs on a Debian machine with Python 3.11: a virtual
# environment with the locked dependencies (uv.lock). Idempotent; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "setup: installing python3-venv" >&2
  as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv >/dev/null
fi

# uv lives in its own small environment so that 'uv sync' may manage .venv freely.
if [ ! -x .tools/bin/uv ]; then
  "$PYTHON" -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"
fi
.tools/bin/uv sync --frozen --quiet --compile-bytecode --python "$PYTHON"
echo "setup: .venv is ready ($(.venv/bin/python --version))" >&2
