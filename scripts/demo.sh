#!/usr/bin/env bash
# Set up, then load the demo report into the embedded SQLite database, check it and
# write out/arsanalys-2025-kommunstyrelsen.{html,pdf,docx}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/uppsikt demo "$@"
