#!/usr/bin/env bash
# The one entry point of the browser suite: starts a real SMTP server (Debian's
# python3-aiosmtpd, writing every message it receives to a temporary maildir) and
# mentorat with demo data on free ports and a fresh database, then runs
# tests/browser/*.test.mjs with Node's built-in test runner against them, in
# headless Debian Chromium.
#
#   cargo build && bash tests/browser/run.sh
#
# Environment:
#   MENTORAT_BIN                   binary to test (default: target/release/mentorat if
#                                  it exists, else target/debug/mentorat)
#   MENTORAT_BROWSER_DATABASE_URL  database to use instead of a temporary SQLite file
#                                  (e.g. a throw-away PostgreSQL database in CI)
#   CHROMIUM_BIN                   Chromium to drive (default: /usr/bin/chromium)
#   MENTORAT_RATE_BURST            sign-ins allowed at once per client address (default 30:
#                                  every test signs in from 127.0.0.1)
#
# The tests get BASE_URL (the platform) and MAILDIR (the SMTP server's maildir,
# one file per message in MAILDIR/new/).
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
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null \
  || die "Python's aiosmtpd is missing: install it first (apt-get update && apt-get install -y python3-aiosmtpd). The account journeys need a real SMTP server; the browser suite never skips silently."
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

# npm ci when node_modules/ is absent or lacks a pinned package at its pinned version
# (e.g. an older checkout's node_modules, from before a package was added).
if ! (cd "$here" && node -e '
  const fs = require("fs");
  const wanted = JSON.parse(fs.readFileSync("package.json", "utf8")).devDependencies;
  for (const [name, version] of Object.entries(wanted)) {
    let got;
    try { got = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version; } catch {}
    if (got !== version) process.exit(1);
  }
') 2>/dev/null; then
  echo "tests/browser: installing the pinned playwright-core, axe-core and mailparser (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund) || die "npm ci failed"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mentorat-browser.XXXXXX")"
server_pid=""
smtp_pid=""
stop() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$server_pid"
  stop "$smtp_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port, chosen by the kernel.
free_port() {
  node -e '
    const server = require("net").createServer();
    server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });
  '
}

# The SMTP server: every message it accepts becomes a file in $MAILDIR/new/.
smtp_port="$(free_port)"
maildir="$tmp/maildir"
smtp_log="$tmp/smtp.log"
echo "tests/browser: starting an SMTP server (aiosmtpd) on 127.0.0.1:$smtp_port" >&2
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$maildir" \
  >"$smtp_log" 2>&1 &
smtp_pid=$!
smtp_ready=""
for _ in $(seq 1 50); do # 50 × 0.2 s = 10 s
  if ! kill -0 "$smtp_pid" 2>/dev/null; then
    echo "tests/browser: the SMTP server exited before it was ready; its log:" >&2
    cat "$smtp_log" >&2
    exit 1
  fi
  if node -e '
    const socket = require("net").connect(Number(process.argv[1]), "127.0.0.1");
    socket.once("data", (line) => process.exit(String(line).startsWith("220") ? 0 : 1));
    socket.once("error", () => process.exit(1));
    setTimeout(() => process.exit(1), 2000);
  ' "$smtp_port" 2>/dev/null && [ -d "$maildir/new" ]; then
    smtp_ready=yes
    break
  fi
  sleep 0.2
done
if [ -z "$smtp_ready" ]; then
  echo "tests/browser: the SMTP server did not answer on 127.0.0.1:$smtp_port within 10 s; its log:" >&2
  cat "$smtp_log" >&2
  exit 1
fi

port="$(free_port)"
base_url="http://127.0.0.1:$port"
database_url="${MENTORAT_BROWSER_DATABASE_URL:-sqlite://$tmp/browser.db}"
log="$tmp/server.log"

echo "tests/browser: starting $MENTORAT_BIN on $base_url" >&2
MENTORAT_DATABASE_URL="$database_url" \
MENTORAT_LISTEN="127.0.0.1:$port" \
MENTORAT_BASE_URL="$base_url" \
MENTORAT_SMTP_URL="smtp://127.0.0.1:$smtp_port" \
MENTORAT_RATE_BURST="${MENTORAT_RATE_BURST:-30}" \
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
export MAILDIR="$maildir"
# For journeys that let time pass: `mentorat sweep --at DAY` on the same database.
export MENTORAT_TEST_BIN="$(realpath "$MENTORAT_BIN")"
export MENTORAT_TEST_DATABASE_URL="$database_url"
status=0
# The timeout bounds each test *and each file* (node runs a file as one test): the
# phone file visits every page for six roles, about a minute and a half on a slow host.
# BROWSER_TESTS: some files only (e.g. tests/browser/import.test.mjs), while working.
# shellcheck disable=SC2086 # a list of files
node --test --test-concurrency=1 --test-timeout=240000 ${BROWSER_TESTS:-tests/browser/*.test.mjs} || status=$?
if [ "$status" -ne 0 ]; then
  echo "tests/browser: FAILED (exit $status); the last lines of the server log:" >&2
  tail -n 40 "$log" >&2
  echo "tests/browser: the SMTP server's log:" >&2
  tail -n 20 "$smtp_log" >&2
fi
exit "$status"
