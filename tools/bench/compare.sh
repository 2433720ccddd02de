#!/usr/bin/env bash
# Batch matching against OR-Tools' SimpleMinCostFlow on the same files, in one run.
#   bash tools/bench/compare.sh            # both instances, best-score mode
# Needs a release build (cargo build --release) and Python 3; installs the pinned
# OR-Tools (tools/bench/requirements.txt) into tools/bench/.venv.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="$ROOT/target/release/mentorat"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
if ! [ -x "$HERE/.venv/bin/python" ]; then python3 -m venv "$HERE/.venv"; fi
"$HERE/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for kind in territorial national; do
  "$BIN" match generate --kind "$kind" --out "$WORK/$kind" 2>/dev/null
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    ours=$("$BIN" match solve --pairs "$WORK/$kind/pairs.csv" --capacities "$WORK/$kind/capacities.csv" 2>&1 >/dev/null)
    end=$(date +%s.%N)
    theirs=$("$HERE/.venv/bin/python" "$HERE/ortools_solve.py" "$WORK/$kind/pairs.csv" "$WORK/$kind/capacities.csv")
    printf '%s run %s: mentorat %.3f s (%s) | OR-Tools %s\n' "$kind" "$run" "$(echo "$end - $start" | bc)" "$ours" "$theirs"
  done
done
