#!/usr/bin/env bash
# The one entry point of the browser suite: starts mentorat with demo data on a
# free port and a fresh database, then runs tests/browser/*.test.mjs with Node's
# built-in test runner against it, in headless Debian Chromium.
#
#   cargo build && bash tests/browser/run.sh
#
# Environment:
#   MENTORAT_BIN                   binary to test (default: target/release/mentorat if
#                                  it exists, else target/debug/mentorat)
#   MENTORAT_BROWSER_DATABASE_URL  database to use instead of a temporary SQLite file
#                                  (e.g. a throw-away PostgreSQL database in CI)
#   CHROMIUM_BIN                   Chromium to drive (default: /usr/bin/chromium)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

die() {
  echo "tests/browser: $*" >&2
  exit 1
}

chromium_bin="${CHROMIUM_BIN:-/usr/bin/chromium}"
export CHROMIUM_BIN="$chromium_bin"
[ -x "$chromium_bin" ] || die "$chromium_bin is missing: install it first (apt-get update && apt-get install -y chromium). The browser suite never skips silently."
command -v node >/dev/null || die "node is missing (Node 20 or later is needed)"
command -v npm >/dev/null || die "npm is missing"

if [ -z "${MENTORAT_BIN:-}" ]; then
  if [ -x target/release/mentorat ]; then
    MENTORAT_BIN=target/release/mentorat
  else
    MENTORAT_BIN=target/debug/mentorat
  fi
fi
[ -x "$MENTORAT_BIN" ] || die "no mentorat binary at $MENTORAT_BIN: run \`cargo build\` first, or set MENTORAT_BIN"

if [ ! -d "$here/node_modules" ]; then
  echo "tests/browser: installing the pinned playwright-core and axe-core (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund) || die "npm ci failed"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mentorat-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port, chosen by the kernel.
port="$(node -e '
  const server = require("net").createServer();
  server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });
')"
base_url="http://127.0.0.1:$port"
database_url="${MENTORAT_BROWSER_DATABASE_URL:-sqlite://$tmp/browser.db}"
log="$tmp/server.log"

echo "tests/browser: starting $MENTORAT_BIN on $base_url" >&2
MENTORAT_DATABASE_URL="$database_url" \
MENTORAT_LISTEN="127.0.0.1:$port" \
MENTORAT_BASE_URL="$base_url" \
  "$MENTORAT_BIN" serve --demo >"$log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 150); do # 150 × 0.2 s = 30 s
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "tests/browser: the server exited before it was ready; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  if node -e '
    fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1));
  ' "$base_url/readyz" 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "tests/browser: $base_url/readyz did not answer 200 within 30 s; the server log:" >&2
  cat "$log" >&2
  exit 1
fi

mkdir -p "$here/artifacts"
export BASE_URL="$base_url"
status=0
node --test --test-concurrency=1 --test-timeout=60000 tests/browser/*.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "tests/browser: FAILED (exit $status); the last lines of the server log:" >&2
  tail -n 40 "$log" >&2
fi
exit "$status"
