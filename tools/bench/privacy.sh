#!/usr/bin/env bash
# The retention sweep at the network's size: generates the data set (SCALE, default
# national) into a SQLite file, then times, with the release binary, `mentorat privacy
# sweep --dry-run` and `mentorat privacy sweep` as of the day the data set is 15 months
# old (every period has something to clear: past events' registrations, closed
# relationships' messages and notes, the log…), then a second sweep the same day (nothing
# left to clear), and prints the processes' peak memory. Usage:
#   bash tools/bench/privacy.sh
#   SCALE=0.1 bash tools/bench/privacy.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-national}"
(cd "$ROOT" && cargo build --release --quiet)
BIN="$ROOT/target/release/mentorat"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export MENTORAT_LOG=warn
export MENTORAT_DATABASE_URL="sqlite://$WORK/network.db"
AT="$(date -u -d '+15 months' +%F)"
timed() { # LABEL COMMAND…: prints "LABEL<TAB>seconds<TAB>peak RSS MiB", then the command's output
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/stdout" 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
  read -r seconds kib <"$WORK/time"
  printf '%s\t%s s\t%s MiB\n' "$label" "$seconds" "$((kib / 1024))"
  grep -v '^          ' "$WORK/stdout" | sed 's/^/    /'
}
echo "generating the $SCALE data set…" >&2
timed "demo --scale $SCALE" "$BIN" demo --scale "$SCALE"
timed "privacy sweep --dry-run --at $AT" "$BIN" privacy sweep --dry-run --at "$AT"
timed "privacy sweep --at $AT" "$BIN" privacy sweep --at "$AT"
timed "privacy sweep --at $AT (again)" "$BIN" privacy sweep --at "$AT"

# Three years on, every account unused since the data set was made is warned, then
# erased a month later: the heaviest day the sweep can have.
WARN="$(date -u -d '+37 months' +%F)"
ERASE="$(date -u -d '+38 months' +%F)"
timed "privacy sweep --at $WARN (warnings)" "$BIN" privacy sweep --at "$WARN"
timed "privacy sweep --at $ERASE (erasures)" "$BIN" privacy sweep --at "$ERASE"
printf "database\t%s MiB\n" "$(($(stat -c %s "$WORK/network.db") / 1048576))"
