#!/usr/bin/env bash
# Importing a spreadsheet of 50,000 mentors (LINES) the way the national team does,
# with the release binary on SQLite holding the network's data set (SCALE, default
# 0.2; `national` for the full one): signs in with curl, sends the file (the preview:
# every line checked), confirms, then waits for the background import, while a second
# client loads the home page and the circles page in a loop — the site must keep
# answering. Prints the preview's and the import's wall times, the pages' latencies
# during the import (p50, p99, max over every call) and the server's RSS after the run.
#   bash tools/bench/import.sh
#   LINES=10000 SCALE=national bash tools/bench/import.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SCALE="${SCALE:-0.2}"
LINES="${LINES:-50000}"
(cd "$ROOT" && cargo build --release --quiet)
BIN="$ROOT/target/release/mentorat"
WORK="$(mktemp -d)"
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
export MENTORAT_LOG=warn MENTORAT_DATABASE_URL="sqlite://$WORK/network.db"
export MENTORAT_LISTEN="127.0.0.1:$PORT" MENTORAT_BASE_URL="$BASE"
echo "generating the $SCALE data set…" >&2
"$BIN" demo >/dev/null
"$BIN" demo --scale "$SCALE" >/dev/null

# The file: LINES mentors over 2,000 French communes, as a spreadsheet saves it.
python3 - "$ROOT/data/territories/communes.tsv" "$LINES" >"$WORK/mentors.csv" <<'PY'
import sys
codes = [l.split("\t")[1] for l in open(sys.argv[1], encoding="utf-8") if l.startswith("FR\t")][:2000]
fields = ["numerique", "commerce", "artisanat", "emploi-reconversion", "creation-entreprise"]
print("prenom;nom;email;commune;domaines;capacite;date_entretien;antecedents_verifies;langue;presentation\r")
for i in range(int(sys.argv[2])):
    print(f"Prénom{i};Nom{i};bench.{i}@exemple.fr;{codes[i % len(codes)]};{fields[i % 5]};2;01/09/2026;oui;fr;Mentor {i}\r")
PY
printf 'file\t%s lines, %s KiB\n' "$LINES" "$(($(stat -c %s "$WORK/mentors.csv") / 1024))"

"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/readyz" >/dev/null && break; sleep 0.2; done
JAR="$WORK/jar"
csrf() { curl -fs -b "$JAR" -c "$JAR" "$BASE$1" | sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' | head -1; }
TOKEN="$(csrf /connexion)"
curl -fs -b "$JAR" -c "$JAR" -H "Origin: $BASE" -o /dev/null \
  --data-urlencode "email=admin@mentorat.example" --data-urlencode "password=mentorat-demo" \
  --data-urlencode "csrf=$TOKEN" "$BASE/connexion"
TOKEN="$(csrf /admin/import)"
START=$(date +%s.%N)
PAGE="$(curl -fs -b "$JAR" -c "$JAR" -H "Origin: $BASE" -o /dev/null -w '%{redirect_url}' \
  -F "csrf=$TOKEN" -F "file=@$WORK/mentors.csv;type=text/csv" "$BASE/admin/import")"
curl -fs -b "$JAR" "$PAGE" -o "$WORK/preview.html"
printf 'preview (upload, check every line, page)\t%.1f s\n' "$(echo "$(date +%s.%N) - $START" | bc)"
grep -o '[0-9  ]* personnes créées' "$WORK/preview.html" | head -1 | sed 's/^/    /'

# Pages loaded in a loop during the import (one client, every call timed).
(while [ ! -f "$WORK/done" ]; do
   for p in / /cercles; do curl -fs -o /dev/null -w '%{time_total}\n' "$BASE$p" >>"$WORK/latencies"; done
 done) &
LOOP=$!
START=$(date +%s.%N)
curl -fs -b "$JAR" -H "Origin: $BASE" -o /dev/null --data-urlencode "csrf=$TOKEN" \
  --data-urlencode "confirm=1" "$PAGE/confirmer"
until curl -fs -b "$JAR" "$PAGE" | grep -q 'Import terminé'; do sleep 0.5; done
printf 'import (background, 500 lines per transaction)\t%.1f s\n' "$(echo "$(date +%s.%N) - $START" | bc)"
touch "$WORK/done"; wait "$LOOP"
sort -n "$WORK/latencies" | awk '{ a[NR] = $1 } END {
  printf "pages during the import\t%d calls, p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
    NR, a[int(NR * 0.5)] * 1000, a[int(NR * 0.99)] * 1000, a[NR] * 1000 }'
printf 'server RSS after the run\t%s MiB\n' "$(($(awk '/VmRSS/ { print $2 }' "/proc/$SERVER/status") / 1024))"
