#!/usr/bin/env bash
# The API against its own OpenAPI document, as CI runs it (one database: SQLite):
#   1. openapi-spec-validator checks /api/v1/openapi.json is valid OpenAPI 3.1;
#   2. schemathesis calls every operation with generated inputs (a fixed number of
#      examples per operation, a fixed seed), with a national-team read-write token,
#      against a throwaway database holding the demo: no server error, no response
#      that breaks the document.
#
#   cargo build && bash tests/api_contract/run.sh
#
# Environment:
#   MENTORAT_BIN             binary to test (default: target/debug/mentorat)
#   MENTORAT_TEST_TOOLS_PYTHON  the Python of tests/tools/.venv (made by .ci/run from
#                            tests/tools/requirements.txt: openapi-spec-validator and
#                            schemathesis come from PyPI)
#   API_EXAMPLES             examples per operation (default 30)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

die() {
  echo "tests/api_contract: $*" >&2
  exit 1
}

bin="${MENTORAT_BIN:-target/debug/mentorat}"
[ -x "$bin" ] || die "no mentorat binary at $bin: run \`cargo build\` first"
python="${MENTORAT_TEST_TOOLS_PYTHON:-$root/tests/tools/.venv/bin/python}"
[ -x "$python" ] || die "no test tools' Python at $python: make it with python3 -m venv tests/tools/.venv && tests/tools/.venv/bin/pip install -r tests/tools/requirements.txt"
"$python" -c 'import schemathesis, openapi_spec_validator' 2>/dev/null \
  || die "schemathesis or openapi-spec-validator is missing from $python: pip install -r tests/tools/requirements.txt"
tools="$(dirname "$python")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mentorat-api.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base_url="http://127.0.0.1:$port"
export MENTORAT_DATABASE_URL="sqlite://$tmp/api.db"
export MENTORAT_LISTEN="127.0.0.1:$port"
export MENTORAT_BASE_URL="$base_url"
export MENTORAT_LOG=warn

"$bin" demo >/dev/null
token="$("$bin" admin token --email admin@mentorat.example --scope read_write --days 30)"
"$bin" serve >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; die "the server exited before it was ready"; }
  if "$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$base_url/readyz" 2>/dev/null; then
    break
  fi
  sleep 0.2
done

"$python" -c 'import sys, urllib.request; open(sys.argv[2], "wb").write(urllib.request.urlopen(sys.argv[1]).read())' \
  "$base_url/api/v1/openapi.json" "$tmp/openapi.json"
echo "tests/api_contract: validating the OpenAPI document" >&2
"$tools/openapi-spec-validator" --schema 3.1 "$tmp/openapi.json"

echo "tests/api_contract: schemathesis, ${API_EXAMPLES:-30} examples per operation" >&2
status=0
# From the scratch folder: schemathesis keeps its own files in the current one.
(cd "$tmp" && "$tools/schemathesis" run "$base_url/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples "${API_EXAMPLES:-30}" \
  --seed 2026 \
  --generation-database none \
  --workers 1 \
  --no-color) || status=$?
if grep -q "panicked" "$tmp/server.log"; then
  cat "$tmp/server.log" >&2
  die "the server panicked"
fi
[ "$status" -eq 0 ] || die "schemathesis found failures (above)"
echo "tests/api_contract: passed" >&2
