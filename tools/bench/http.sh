#!/usr/bin/env bash
# The platform's pages under load, end to end, in one run anyone can repeat:
#   bash tools/bench/http.sh                    # national data set, 10 s per page
#   SCALE=demo DURATION=5s bash tools/bench/http.sh
#   SCALE=10x DATABASE=postgres INSTANCES=2 bash tools/bench/http.sh
# Builds the release binary, fills a fresh database (SQLite in a temporary folder, or a
# new PostgreSQL database dropped afterwards), serves it pinned to one core (one or more
# instances, behind an nginx balancer when more), signs in one person per role (and up
# to 1,000 porteurs), then runs wrk on every main page, on nginx serving a static copy of
# the home page (the ceiling), and on a mix of reads and writes. Prints a Markdown table
# and writes it to target/bench-http/results.md. Needs bash, curl, taskset, python3 (to
# find free ports), wrk and nginx (installed with apt-get when absent), and psql for
# PostgreSQL. Traffic goes to 127.0.0.1 only (and to the PostgreSQL server named).
set -euo pipefail

# ---- knobs -----------------------------------------------------------------------------
SCALE="${SCALE:-national}"          # `demo` runs `mentorat demo` alone (the small data set)
DURATION="${DURATION:-10s}"         # per wrk run
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORTEURS="${PORTEURS:-1000}"        # porteurs whose directories /annuaire reads in turn
PASSES="${PASSES:-1}"               # the page runs this many times over (2: does memory grow?)
DATABASE="${DATABASE:-sqlite}"      # or `postgres`: a new database on POSTGRES_URL's server
POSTGRES_URL="${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
INSTANCES="${INSTANCES:-1}"         # servers over the same database; past one, nginx balances
ONLY="${ONLY:-}"                    # an extended regex: only the page runs whose label matches
                                    # (then no static ceiling nor mixed run), e.g. 'rapport|api'
# The generator numbers porteurs by their project's state (mentored, closed, then
# validated: the directory's); by default the first with a validated project, which
# `mentorat demo --scale` names (4001 in the national set, 40001 at 10x).
PORTEUR_FIRST="${PORTEUR_FIRST:-}"
MENTORS="${MENTORS:-50}"            # generated mentors signed in for the accept writes
SERVER_CPU="${SERVER_CPU:-1}"       # the servers and nginx's static ceiling share this core...
CLIENT_CPU="${CLIENT_CPU:-0}"       # ...and the load generators (and the balancer) use this one
PG_CPU="${PG_CPU:-$CLIENT_CPU}"     # a local PostgreSQL's processes are pinned here for the run
# Generated accounts (printf patterns over 1, 2, 3…), all with the demo password.
PORTEUR_EMAIL="${PORTEUR_EMAIL:-porteur.%05d@national.mentorat.example}"
MENTOR_EMAIL="${MENTOR_EMAIL:-mentor.%05d@national.mentorat.example}"
PASSWORD="${PASSWORD:-mentorat-demo}"
NATIONAL="admin@mentorat.example"
COORDINATOR="coordination.compiegne@mentorat.example"
CIRCLE="compiegne"                  # the coordinator's circle
MENTOR="mentor@mentorat.example"
PORTEUR="porteur@mentorat.example"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LUA="$HERE/http/page.lua"
OUT_DIR="${OUT_DIR:-$ROOT/target/bench-http}"
rm -rf "$OUT_DIR/logs"
BIN="$ROOT/target/release/mentorat"
SECONDS_PER_RUN="${DURATION%s}"
[[ "$SECONDS_PER_RUN" =~ ^[0-9]+$ ]] || { echo "DURATION must be whole seconds, e.g. 10s" >&2; exit 1; }
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] || { echo "INSTANCES must be 1 or more" >&2; exit 1; }
case "$DATABASE" in
  sqlite | postgres) ;;
  *) echo "DATABASE must be sqlite or postgres" >&2; exit 1 ;;
esac

log() { printf '[bench] %s\n' "$*" >&2; }

# ---- tools -----------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  log "installing wrk and nginx-light"
  apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null
fi
tools="curl taskset python3 wrk nginx"
[ "$DATABASE" = postgres ] && tools="$tools psql"
for tool in $tools; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
NGINX="$(command -v nginx)"

log "building the release binary"
(cd "$ROOT" && cargo build --release --quiet)

# ---- clean-up: everything started here stops with the script -----------------------------
WORK="$(mktemp -d)"
STATIC=""
SERVER_PIDS=""
BALANCER_PID=""
NGINX_PID=""
WRITER_PID=""
PG_DB=""
PG_AFFINITY=""  # "PID MASK" lines: a local PostgreSQL's processes as they were pinned
stop() {
  local pid mask
  for pid in $WRITER_PID $NGINX_PID $BALANCER_PID $SERVER_PIDS; do
    kill "$pid" 2>/dev/null || true
  done
  # Bounded: a process still alive after 10 s is killed.
  for _ in $(seq 100); do
    local alive=""
    for pid in $WRITER_PID $NGINX_PID $BALANCER_PID $SERVER_PIDS; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  for pid in $WRITER_PID $NGINX_PID $BALANCER_PID $SERVER_PIDS; do
    kill -9 "$pid" 2>/dev/null || true
  done
  # PostgreSQL as it was: its processes on their cores, without the run's database.
  if [ -n "$PG_AFFINITY" ]; then
    while read -r pid mask; do
      taskset -a -p "$mask" "$pid" >/dev/null 2>&1 || true
    done <<<"$PG_AFFINITY"
  fi
  [ -n "$PG_DB" ] && psql -q "$POSTGRES_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
  # The servers' logs (warn and above: no personal data) and each wrk run's own output.
  mkdir -p "$OUT_DIR/logs"
  cp "$WORK"/server*.log "$WORK"/wrk-*.log "$WORK"/writes.tsv "$OUT_DIR/logs/" 2>/dev/null || true
  rm -rf "$WORK" ${STATIC:+"$STATIC"}
}
trap stop EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [ "$DATABASE" = postgres ]; then
  PG_DB="mentorat_bench_$$"
  psql -q -v ON_ERROR_STOP=1 "$POSTGRES_URL/postgres" -c "CREATE DATABASE $PG_DB" >/dev/null
  export MENTORAT_DATABASE_URL="$POSTGRES_URL/$PG_DB"
  DATA_AT="PostgreSQL database $PG_DB"
else
  export MENTORAT_DATABASE_URL="sqlite://$WORK/bench.db"
  DATA_AT="$WORK/bench.db"
fi
export MENTORAT_LOG="warn"
# Sign-in is rate limited per client address and every sign-in here comes from
# 127.0.0.1; 10,000 is the highest burst the settings accept.
export MENTORAT_RATE_BURST="10000"

# ---- data --------------------------------------------------------------------------------
log "loading the $SCALE data set into $DATA_AT"
load_start=$(date +%s)
if [ "$SCALE" = demo ]; then
  "$BIN" demo >/dev/null
else
  "$BIN" demo --scale "$SCALE" >"$WORK/demo.txt"
  # "porteur with a validated project: porteur.04001@…": where the directory's readers begin.
  if [ -z "$PORTEUR_FIRST" ]; then
    PORTEUR_FIRST=$(sed -n 's/.*porteur with a validated project: porteur\.0*\([0-9][0-9]*\)@.*/\1/p' "$WORK/demo.txt")
  fi
fi
PORTEUR_FIRST="${PORTEUR_FIRST:-1}"
LOAD_SECONDS=$(($(date +%s) - load_start))

# A local PostgreSQL runs on its own core, with the load generators, as long as the run lasts.
PG_PINNING=""
if [ "$DATABASE" = postgres ]; then
  PG_PINNING="PostgreSQL not pinned (not local, or not allowed)"
  for pid in $(pgrep -x postgres || true); do
    mask=$(taskset -p "$pid" 2>/dev/null | awk '{ print $NF }') || continue
    if taskset -a -p -c "$PG_CPU" "$pid" >/dev/null 2>&1; then
      PG_AFFINITY="$PG_AFFINITY${PG_AFFINITY:+$'\n'}$pid $mask"
      PG_PINNING="PostgreSQL on core $PG_CPU"
    fi
  done
fi

# ---- server ------------------------------------------------------------------------------
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
wait_for() { # URL: until it answers, for at most 60 s
  for _ in $(seq 6000); do
    curl -s -o /dev/null --max-time 1 "$1" && return 0
    sleep 0.01
  done
  echo "no answer from $1" >&2
  return 1
}
# rss_all: each server's RSS in MiB ("115 MiB", or "380 + 371 MiB" for two instances).
rss_all() {
  local pid out=""
  for pid in $SERVER_PIDS; do out="$out${out:+ + }$(($(rss_kib "$pid") / 1024))"; done
  echo "$out MiB"
}
# Each instance on its own port, all on the server's core; the first answer of /healthz
# of each, from its launch.
START_MS=""
PORTS=""
for instance in $(seq "$INSTANCES"); do
  port="$(free_port)"
  started_ns=$(date +%s%N)
  MENTORAT_LISTEN="127.0.0.1:$port" taskset -c "$SERVER_CPU" "$BIN" serve >"$WORK/server-$instance.log" 2>&1 &
  SERVER_PIDS="$SERVER_PIDS${SERVER_PIDS:+ }$!"
  wait_for "http://127.0.0.1:$port/healthz"
  START_MS="$START_MS${START_MS:+, }$((($(date +%s%N) - started_ns) / 1000000))"
  PORTS="$PORTS $port"
done
if [ "$INSTANCES" -eq 1 ]; then
  BASE="http://127.0.0.1:${PORTS# }"
else
  # nginx on the clients' core passes each request to the next instance in turn, over
  # kept-alive connections; bodies come through as the instances compressed them.
  BALANCER_PORT="$(free_port)"
  mkdir -p "$WORK/balancer"
  {
    echo "worker_processes 1; daemon off; pid $WORK/balancer/nginx.pid;"
    echo "error_log $WORK/balancer/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "  access_log off;"
    for dir in client_body proxy fastcgi uwsgi scgi; do echo "  ${dir}_temp_path $WORK/balancer/$dir;"; done
    echo "  upstream mentorat {"
    for port in $PORTS; do echo "    server 127.0.0.1:$port;"; done
    echo "    keepalive 64;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$BALANCER_PORT;"
    echo "    location / {"
    echo "      proxy_pass http://mentorat;"
    echo "      proxy_http_version 1.1;"
    echo '      proxy_set_header Connection "";'
    echo '      proxy_set_header Host $http_host;'
    echo "      proxy_buffers 64 8k;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$WORK/balancer/nginx.conf"
  taskset -c "$CLIENT_CPU" "$NGINX" -p "$WORK/balancer" -e "$WORK/balancer/error.log" -c "$WORK/balancer/nginx.conf" &
  BALANCER_PID=$!
  BASE="http://127.0.0.1:$BALANCER_PORT"
  wait_for "$BASE/healthz"
fi
RSS_START=$(rss_all)

# ---- signing in --------------------------------------------------------------------------
# One curl cookie jar per person; `cookie_header JAR` turns it into a Cookie header for wrk
# and `csrf JAR` holds the form token of that session.
JARS="$WORK/jars"
mkdir -p "$JARS"

# Matches in a page, without failing on none (pipefail) or on a reader that stops early.
matches() { grep -o "$1" || true; }
first() { matches "$1" | awk 'NR == 1'; }
meta_csrf() { first '<meta name="csrf-token" content="[^"]*"' | sed 's/.*content="//; s/"$//'; }

# sign_in EMAIL JAR: 0 when signed in; keeps the session's CSRF token in JAR.csrf.
sign_in() {
  local email="$1" jar="$2" token status
  token=$(curl -s --max-time 10 -c "$jar" -b "$jar" "$BASE/connexion" | meta_csrf)
  status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "email=$email" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf=$token" "$BASE/connexion")
  [ "$status" = 303 ] || return 1
  # A new session was issued at sign-in, and with it a new token.
  curl -s --max-time 10 -b "$jar" "$BASE/mon-espace" | meta_csrf >"$jar.csrf"
  [ -s "$jar.csrf" ]
}

cookie_header() {
  awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); if ($1 !~ /^#/) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}

get() { # JAR PATH: the page's HTML
  curl -s --max-time 30 -b "$1" "$BASE$2"
}

for who in national:$NATIONAL coordinator:$COORDINATOR mentor:$MENTOR porteur:$PORTEUR; do
  sign_in "${who#*:}" "$JARS/${who%%:*}" || { echo "cannot sign in as ${who#*:}" >&2; exit 1; }
done

# porteur_line N: signs generated porteur N in and prints "COOKIE<TAB>/annuaire?projet=ID<TAB>JAR"
# for their project the directory can be read for; prints nothing if there is none.
porteur_line() {
  local jar="$JARS/p$1" email project
  # shellcheck disable=SC2059 # the pattern is a printf format on purpose
  email=$(printf "$PORTEUR_EMAIL" "$1")
  sign_in "$email" "$jar" || return 0
  project=$(get "$jar" /mon-espace | first '/annuaire?projet=[0-9a-f-]*')
  [ -n "$project" ] && printf '%s\t%s\t%s\n' "$(cookie_header "$jar")" "$project" "$jar"
  return 0
}
export -f porteur_line sign_in matches first meta_csrf cookie_header get
export BASE PASSWORD PORTEUR_EMAIL JARS

# In batches: stop when a whole batch finds no account (the data set has no more).
ROTATE="$WORK/annuaire.tsv"
: >"$ROTATE"
log "signing in up to $PORTEURS generated porteurs (2 at a time: argon2 is slow on purpose)"
first=$PORTEUR_FIRST
[ "$SCALE" = demo ] && first=1
while [ "$(wc -l <"$ROTATE")" -lt "$PORTEURS" ]; do
  before=$(wc -l <"$ROTATE")
  seq "$first" $((first + 199)) | xargs -P 2 -I{} bash -c 'porteur_line {}' >>"$ROTATE"
  first=$((first + 200))
  [ "$(wc -l <"$ROTATE")" -eq "$before" ] && break
done
sed -i "$((PORTEURS + 1)),\$d" "$ROTATE"
ANNUAIRE_PORTEURS=$(wc -l <"$ROTATE")
if [ "$ANNUAIRE_PORTEURS" -lt "$PORTEURS" ]; then
  log "only $ANNUAIRE_PORTEURS generated porteurs ($PORTEUR_EMAIL) can read the directory; adding the demo porteur"
  project=$(get "$JARS/porteur" /mon-espace | first '/annuaire?projet=[0-9a-f-]*')
  [ -n "$project" ] || { echo "the demo porteur has no project for the directory" >&2; exit 1; }
  printf '%s\t%s\t%s\n' "$(cookie_header "$JARS/porteur")" "$project" "$JARS/porteur" >>"$ROTATE"
  ANNUAIRE_PORTEURS=$(wc -l <"$ROTATE")
fi

# Argon2 takes 19 MiB per hash and the allocator keeps some: RSS after the sign-ins, then
# once the first /annuaire has built the matching index.
RSS_SIGNED_IN=$(rss_all)
# Once per instance (the balancer takes them in turn).
IFS=$'\t' read -r first_cookie first_path _ <"$ROTATE"
for _ in $(seq "$INSTANCES"); do
  status=$(curl -s -o /dev/null --max-time 120 -w '%{http_code}' -H "Cookie: $first_cookie" "$BASE$first_path")
  [ "$status" = 200 ] || { echo "/annuaire answers $status, not 200" >&2; exit 1; }
done
RSS_WARM=$(rss_all)

# Ids the pages' addresses need, read from the pages themselves.
EVENT=$(get "$JARS/national" "/cercles/$CIRCLE" | first '/evenements/[0-9a-f-]\{36\}')
[ -n "$EVENT" ] || EVENT=$(get "$JARS/national" / | first '/evenements/[0-9a-f-]\{36\}')
MENTORSHIP=$(get "$JARS/mentor" /mon-espace | first '/mentorats/[0-9a-f-]\{36\}')
[ -n "$EVENT" ] || { echo "no event page found" >&2; exit 1; }
[ -n "$MENTORSHIP" ] || { echo "the demo mentor has no mentorship" >&2; exit 1; }
# A request to the demo mentor, as their space links to it.
REQUEST=$(get "$JARS/mentor" /mon-espace | matches 'href="/demandes/[0-9a-f-]\{36\}"' | head -1 | sed 's/^href="//; s/"$//')
[ -n "$REQUEST" ] || { echo "the demo mentor has no request" >&2; exit 1; }

# ---- reads -------------------------------------------------------------------------------
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
# bench LABEL URL [COOKIE_JAR | rotate FILE] [CONNECTIONS]
bench() {
  local label="$1" url="$2" jar="${3:-}" file="${4:-}" connections="${5:-$CONNECTIONS}"
  if [ -n "$ONLY" ] && ! [[ "$label" =~ $ONLY ]]; then return 0; fi
  local cookie="" rotate=""
  if [ "$jar" = rotate ]; then rotate="$file"; elif [ -n "$jar" ]; then cookie=$(cookie_header "$jar"); fi
  # The page must answer 200 before it is measured (a redirect to sign in is no page);
  # its time alone, on an idle server, says what one person waits for without a crowd.
  local status alone probe_cookie="$cookie" probe_url="$url"
  if [ -n "$rotate" ]; then
    IFS=$'\t' read -r probe_cookie probe_url _ <"$rotate"
    probe_url="${url%%/annuaire*}$probe_url"
  fi
  read -r status alone < <(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' \
    -H "Accept-Encoding: br, gzip" -H "Cookie: $probe_cookie" "$probe_url")
  [ "$status" = 200 ] || { echo "$label answers $status, not 200" >&2; exit 1; }
  # Every other instance answers it once too (the balancer takes them in turn): the
  # run measures pages as people meet them all day, not each instance's first.
  local _
  for _ in $(seq 2 "$INSTANCES"); do
    curl -s -o /dev/null --max-time 60 -H "Accept-Encoding: br, gzip" -H "Cookie: $probe_cookie" "$probe_url"
  done
  log "wrk $label"
  BENCH_LABEL="$label" BENCH_COOKIE="$cookie" BENCH_ROTATE="$rotate" \
    timeout $((SECONDS_PER_RUN + 60)) taskset -c "$CLIENT_CPU" \
    wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout 10s --latency -s "$LUA" "$url" \
    >"$WORK/wrk-${label//[^a-zA-Z0-9]/_}.log"
  grep '^RESULT' "$WORK/wrk-${label//[^a-zA-Z0-9]/_}.log" | cut -f2- |
    awk -F'\t' -v OFS='\t' -v alone="$alone" '{ print $0, sprintf("%.1f", alone * 1000) }' >>"$RESULTS"
  settle
}

# settle: waits (60 s at most) until the server is idle, so that requests still queued when
# wrk stopped (a page slower than the run) do not steal the next run's processor.
cpu_ticks() { # the servers' user and system time, together
  local pid total=0
  for pid in $SERVER_PIDS; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$total"
}
settle() {
  local before after
  for _ in $(seq 1 60); do
    before=$(cpu_ticks)
    sleep 1
    after=$(cpu_ticks)
    # Clock ticks are hundredths of a second: idle is under 5 % of a core.
    [ $((after - before)) -le 5 ] && return 0
  done
  log "the server was still busy 60 s after the run"
}

# The server's RSS after each pass of the page runs.
RSS_PASSES=""
for pass in $(seq "$PASSES"); do
  p=""
  [ "$pass" -gt 1 ] && p=" (pass $pass)"
  bench "/$p" "$BASE/"
  bench "/cercles$p" "$BASE/cercles"
  bench "/map.svg$p" "$BASE/map.svg"
  bench "/cercles/$CIRCLE$p" "$BASE/cercles/$CIRCLE"
  bench "/evenements/{id}$p" "$BASE$EVENT"
  bench "/annuaire ($ANNUAIRE_PORTEURS porteurs)$p" "$BASE/annuaire" rotate "$ROTATE"
  bench "/mon-espace (mentor)$p" "$BASE/mon-espace" "$JARS/mentor"
  bench "/mon-espace (porteur)$p" "$BASE/mon-espace" "$JARS/porteur"
  bench "/coordination (coordinator)$p" "$BASE/coordination" "$JARS/coordinator"
  bench "/coordination (national team)$p" "$BASE/coordination" "$JARS/national"
  bench "/admin/tableau-de-bord$p" "$BASE/admin/tableau-de-bord" "$JARS/national"
  bench "/mentorats/{id} (mentor)$p" "$BASE$MENTORSHIP" "$JARS/mentor"
  bench "/admin/cercles/$CIRCLE (coordinator)$p" "$BASE/admin/cercles/$CIRCLE" "$JARS/coordinator"
  bench "/admin/cercles/$CIRCLE/mentors (coordinator)$p" "$BASE/admin/cercles/$CIRCLE/mentors" "$JARS/coordinator"
  bench "/mentorats/{id}/messages (mentor)$p" "$BASE$MENTORSHIP/messages" "$JARS/mentor"
  bench "/demandes/{id} (mentor)$p" "$BASE$REQUEST" "$JARS/mentor"
  bench "/mon-espace/attestation (mentor)$p" "$BASE/mon-espace/attestation" "$JARS/mentor"
  bench "/coordination/suivi (coordinator)$p" "$BASE/coordination/suivi" "$JARS/coordinator"
  bench "/coordination/suivi (national team)$p" "$BASE/coordination/suivi" "$JARS/national"
  bench "/rapport-impact (national team, network, 12 months)$p" "$BASE/rapport-impact" "$JARS/national"
  bench "/rapport-impact (coordinator, circle)$p" "$BASE/rapport-impact" "$JARS/coordinator"
  bench "/compte/quartier (porteur)$p" "$BASE/compte/quartier" "$JARS/porteur"
  bench "/compte/jetons (porteur)$p" "$BASE/compte/jetons" "$JARS/porteur"
  bench "/api/v1/circles?limit=100 (national team)$p" "$BASE/api/v1/circles?limit=100" "$JARS/national"
  bench "/api/v1/events?limit=100 (national team)$p" "$BASE/api/v1/events?limit=100" "$JARS/national"
  bench "/api/v1/circles/$CIRCLE/projects (coordinator)$p" "$BASE/api/v1/circles/$CIRCLE/projects" "$JARS/coordinator"
  bench "/admin/import (national team)$p" "$BASE/admin/import" "$JARS/national"
  bench "/admin/journal (national team)$p" "$BASE/admin/journal" "$JARS/national"
  RSS_PASSES="$RSS_PASSES${RSS_PASSES:+, }$(rss_all) after pass $pass"
done

# ---- the ceiling: nginx serving a static copy of the home page ---------------------------
if [ -z "$ONLY" ]; then
# The uncompressed HTML of `/`, gzipped by nginx on every request at level 6 (nginx-light
# has no brotli); the same work a dynamic server's compression does, without the page.
# nginx's workers run as another user: the page sits in a folder they can read.
STATIC="$(mktemp -d)"
chmod 755 "$STATIC"
mkdir -p "$WORK/nginx"
curl -s --max-time 30 "$BASE/" >"$STATIC/index.html"
NGINX_PORT="$(free_port)"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  default_type text/html;
  gzip on;
  gzip_comp_level 6;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $STATIC;
    index index.html;
  }
}
EOF
taskset -c "$SERVER_CPU" "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_for "http://127.0.0.1:$NGINX_PORT/"
bench "nginx: static / (gzip 6)" "http://127.0.0.1:$NGINX_PORT/"
kill "$NGINX_PID" 2>/dev/null || true
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""

fi

# ---- mixed: reads while people write -----------------------------------------------------
if [ -z "$ONLY" ]; then
# Each second, one of each: a porteur asks a mentor (the first card of their directory), a
# mentor accepts an open request, a mentor records a meeting. There is no route to edit a
# mentor's profile yet; recording a meeting is the mentor's everyday write in its place.
ASKS="$WORK/asks.tsv"      # JAR PROJECT MENTOR
ACCEPTS="$WORK/accepts.tsv" # JAR REQUEST
WRITES="$WORK/writes.tsv"  # KIND STATUS SECONDS
: >"$ASKS"
: >"$ACCEPTS"
: >"$WRITES"
need=$((SECONDS_PER_RUN + 1))
# Porteurs who ask: the signed-in ones, each for one mentor; with fewer porteurs than
# seconds, the demo porteur asks several (past three open requests the answer is a 422).
askers=$(cut -f3 "$ROTATE" | awk -v n="$need" 'NR <= n')
per_porteur=$(((need + $(echo "$askers" | wc -l) - 1) / $(echo "$askers" | wc -l)))
for jar in $askers; do
  page=$(get "$jar" /mon-espace | first '/annuaire?projet=[0-9a-f-]*')
  [ -n "$page" ] || continue
  get "$jar" "$page" | matches 'name="mentor" value="[0-9a-f-]*"' | awk -v n="$per_porteur" 'NR <= n' |
    sed 's/.*value="//; s/"$//' | while read -r mentor; do
      printf '%s\t%s\t%s\n' "$jar" "${page#*=}" "$mentor"
    done >>"$ASKS"
done
# Requests to accept: the open ones of the demo mentor and of generated mentors.
mentor_jars="$JARS/mentor"
for n in $(seq "$MENTORS"); do
  # shellcheck disable=SC2059 # the pattern is a printf format on purpose
  sign_in "$(printf "$MENTOR_EMAIL" "$n")" "$JARS/m$n" 2>/dev/null && mentor_jars="$mentor_jars $JARS/m$n"
done
for jar in $mentor_jars; do
  get "$jar" /mon-espace | matches '/demandes/[0-9a-f-]\{36\}/reponse' | sort -u |
    sed 's#/demandes/##; s#/reponse##' | while read -r request; do
      printf '%s\t%s\n' "$jar" "$request"
    done >>"$ACCEPTS"
done
log "mixed run: $(wc -l <"$ASKS") requests to send, $(wc -l <"$ACCEPTS") open requests to accept"

post() { # KIND JAR PATH FIELD=VALUE…: appends "KIND STATUS SECONDS" to $WRITES
  local kind="$1" jar="$2" path="$3"
  shift 3
  local args=() field
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  curl -s -o /dev/null --max-time 30 -w "$kind\t%{http_code}\t%{time_total}\n" -b "$jar" \
    -H 'Accept-Encoding: br, gzip' --data-urlencode "csrf=$(cat "$jar.csrf")" "${args[@]}" \
    "$BASE$path" >>"$WRITES" || printf '%s\t000\t30\n' "$kind" >>"$WRITES"
}

writer() {
  local second jar project mentor request
  exec 3<"$ASKS" 4<"$ACCEPTS"
  for second in $(seq "$SECONDS_PER_RUN"); do
    local tick=$SECONDS
    if IFS=$'\t' read -r jar project mentor <&3; then
      post request "$jar" /annuaire/demande "project=$project" "mentor=$mentor" \
        "message=Bonjour, votre parcours correspond à mon projet (essai de charge $second)."
    fi
    if IFS=$'\t' read -r jar request <&4; then
      post accept "$jar" "/demandes/$request/reponse" decision=accept
    fi
    post meeting "$JARS/mentor" "$MENTORSHIP/rencontres" "date=$(date +%F)" minutes=45 \
      "topics=Point d'étape (essai de charge $second)" notes=
    while [ "$SECONDS" -eq "$tick" ]; do sleep 0.05; done
  done
}
writer &
WRITER_PID=$!
# The two readers share the connections.
bench "mixed: /coordination (coordinator)" "$BASE/coordination" "$JARS/coordinator" "" $((CONNECTIONS / 2)) &
reader=$!
bench "mixed: /annuaire" "$BASE/annuaire" rotate "$ROTATE" $((CONNECTIONS / 2))
wait "$reader"
wait "$WRITER_PID" || true
WRITER_PID=""
RSS_END=$(rss_all)

fi
# With ONLY, no mixed run: no writes, the RSS after the page runs.
WRITES="${WRITES:-/dev/null}"
RSS_END="${RSS_END:-$(rss_all)}"

# ---- report --------------------------------------------------------------------------------
mkdir -p "$OUT_DIR"
REPORT="$OUT_DIR/results.md"
{
  echo "# HTTP benchmark ($SCALE data set, $DATABASE, $INSTANCES instance$([ "$INSTANCES" -gt 1 ] && echo s))"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
    "$([ "$INSTANCES" -gt 1 ] && echo "$INSTANCES servers on core $SERVER_CPU behind an nginx balancer on core $CLIENT_CPU" || echo "server on core $SERVER_CPU"), wrk on core $CLIENT_CPU;" \
    "${PG_PINNING:+$PG_PINNING; }wrk -t$THREADS -c$CONNECTIONS -d$DURATION;" \
    "Accept-Encoding: br, gzip; data loaded in ${LOAD_SECONDS} s; commit $(git -C "$ROOT" rev-parse --short HEAD)."
  echo
  echo "| page | alone ms | req/s | p50 ms | p99 ms | errors | bytes/resp |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s of %s | %s |\n", $1, $8, $2, ($6 ? $3 : "—"), ($6 ? $4 : "—"), $5, $6, $7 }' "$RESULTS"
  echo
  echo "Writes during the mixed run (one of each kind per second; failed = status ≥ 500 or no answer):"
  echo
  echo "| write | sent | 2xx/3xx | 4xx | failed | p50 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for kind in request accept meeting; do
    awk -F'\t' -v k="$kind" '$1 == k { print $3 * 1000, $2 }' "$WRITES" | sort -n | awk -v k="$kind" '
      { t[NR] = $1; s = $2; if (s >= 500 || s == 0) f++; else if (s >= 400) c++; else ok++ }
      END { printf "| %s | %d | %d | %d | %d | %.1f | %.1f |\n", k, NR, ok, c, f,
            (NR ? t[int((NR + 1) / 2)] : 0), (NR ? t[NR] : 0) }'
  done
  echo
  echo "Start: the first answer of /healthz came ${START_MS} ms after the server was launched."
  echo
  echo "Server RSS$([ "$INSTANCES" -gt 1 ] && echo ", instance by instance"): $RSS_START after start, $RSS_SIGNED_IN after the sign-ins," \
    "$RSS_WARM once the directory's index is built, $RSS_PASSES of the pages," \
    "$RSS_END after all runs."
  echo
  echo "/annuaire rotates over $ANNUAIRE_PORTEURS porteurs' projects (generated accounts: $PORTEUR_EMAIL)." \
    "bytes/resp counts what crossed the socket: headers and compressed body."
} | tee "$REPORT"
log "written to $REPORT"
