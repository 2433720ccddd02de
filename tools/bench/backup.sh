#!/usr/bin/env bash
# Backup and restore at the network's size: generates the data set (SCALE, default 10x)
# into a SQLite file, then times `mentorat backup`, `mentorat backup --verify` and
# `mentorat restore` into a fresh SQLite database with the release binary, and prints
# the file's size and the processes' peak memory. Usage:
#   bash tools/bench/backup.sh            # SCALE=10x
#   SCALE=national bash tools/bench/backup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-10x}"
(cd "$ROOT" && cargo build --release --quiet)
BIN="$ROOT/target/release/mentorat"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export MENTORAT_LOG=warn
timed() { # LABEL COMMAND…: prints "LABEL<TAB>seconds<TAB>peak RSS MiB"
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
  read -r seconds kib <"$WORK/time"
  printf '%s\t%s s\t%s MiB\n' "$label" "$seconds" "$((kib / 1024))"
}
echo "generating the $SCALE data set…" >&2
MENTORAT_DATABASE_URL="sqlite://$WORK/source.db" timed "demo --scale $SCALE" "$BIN" demo --scale "$SCALE"
MENTORAT_DATABASE_URL="sqlite://$WORK/source.db" timed "backup" "$BIN" backup "$WORK/copy.jsonl"
timed "backup --verify" "$BIN" backup --verify "$WORK/copy.jsonl"
MENTORAT_DATABASE_URL="sqlite://$WORK/restored.db" timed "restore (fresh SQLite)" "$BIN" restore "$WORK/copy.jsonl"
printf 'database\t%s MiB\tcopy\t%s MiB\n' "$(($(stat -c %s "$WORK/source.db") / 1048576))" "$(($(stat -c %s "$WORK/copy.jsonl") / 1048576))"
