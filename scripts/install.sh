#!/usr/bin/env bash
# Create .venv and install rasd into it (editable). Usage: bash scripts/install.sh [--dev]
# --dev also installs the test tools and Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
PIP=".venv/bin/python -m pip"
$PIP install -q --upgrade pip
# camel-tools needs torch; take the CPU build (2.13.0 lies on these machines' disk) before
# pip resolves a multi-GB CUDA build on its own.
.venv/bin/python -c "import torch" 2>/dev/null || $PIP install -q "torch==2.13.0"
if [ "${1:-}" = "--dev" ]; then
  $PIP install -q -e ".[dev]"
  if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
  fi
else
  $PIP install -q -e .
fi
