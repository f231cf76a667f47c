#!/bin/bash
# Load on `tenlik serve`: wrk (Debian) against the search and dashboard endpoints on
# loopback, with POSTS generated posts in a SQLite store and in a PostgreSQL store.
# A benchmark, not a test: it prints requests/s and latency percentiles per store and
# endpoint, and the machine.
#
#   bench/serve_bench.sh [BUILD_DIR]    env: POSTS=1000000 DURATION=20 CONNECTIONS=16
#
# Each store gets the same corpus (bench/compare/study_corpus.py), an account, and one
# run of the shipped study through the API (the dashboard serves that run's results).
# The PostgreSQL server is a throwaway one (scripts/postgres-test-server.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build}
tenlik=$build/tenlik
POSTS=${POSTS:-1000000}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
[ -x "$tenlik" ] || { echo "build tenlik first: cmake --build $build --target tenlik" >&2; exit 1; }

missing=()
for p in wrk curl postgresql; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d)
server_pid=""
pg_dir=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$pg_dir" ] && "$root/scripts/postgres-test-server.sh" stop "$pg_dir" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"  # a server store keeps its key file in the working folder
password=bench-password-not-secret
study=inclusive-education
search_query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("инклюзи* AND (пандус* OR тьютор* OR ramp)"))')
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

echo "== corpus: $POSTS generated posts"
python3 "$root/bench/compare/study_corpus.py" "$POSTS" posts.jsonl

# Loads the corpus into store $1, serves it, runs the study and measures; $2 names it.
measure_store() {
  local store=$1 name=$2 port token csrf job state
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export TENLIK_STORE=$store
  "$tenlik" init >/dev/null
  local t0=$SECONDS
  "$tenlik" listen ingest --corpus public posts.jsonl >/dev/null || [ $? -eq 3 ]
  echo "$name: ingested in $((SECONDS - t0)) s"
  echo "$password" | "$tenlik" user add --role analyst bench >/dev/null
  "$tenlik" serve --listen "127.0.0.1:$port" --reports "$work/reports-$name" 2>"$work/serve-$name.log" &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
  local base="http://127.0.0.1:$port/api/v1"
  csrf=$(curl -sf -c jar -H 'Content-Type: application/json' \
    -d "{\"user\":\"bench\",\"password\":\"$password\"}" "$base/session" | json_field csrf_token)
  token=$(awk '$6 == "tenlik_session" { print $7 }' jar)
  t0=$SECONDS
  job=$(curl -sf -b jar -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{}' \
    "$base/studies/$study/runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"]["id"])')
  while :; do
    state=$(curl -sf -b jar "$base/jobs/$job" | json_field state)
    [ "$state" = done ] && break
    [ "$state" = failed ] && { echo "$name: the study run failed" >&2; exit 1; }
    sleep 1
  done
  echo "$name: study run through the API in $((SECONDS - t0)) s"
  for endpoint in "search?q=$search_query&limit=20" "studies/$study/report" "studies/$study"; do
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: tenlik_session=$token" \
      "$base/$endpoint" >"$work/wrk.txt"
    awk -v store="$name" -v ep="${endpoint%%\?*}" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      / [0-9]+ requests in/ { n = $1 }
      /Non-2xx/ { bad = $NF }
      END { printf "%-11s %-32s %10s %9s %9s %9s %6s\n", store, ep, rps, p50, p99, n, bad + 0 }' \
      "$work/wrk.txt" >>"$work/results.txt"
  done
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}

measure_store "$work/bench.db" sqlite
eval "$(cd / && "$root/scripts/postgres-test-server.sh" start)"
pg_dir=$TENLIK_TEST_POSTGRES_DIR
measure_store "$TENLIK_TEST_POSTGRES_URL" postgresql

echo "== wrk, $CONNECTIONS connections, ${DURATION}s each, $POSTS posts;" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) threads"
printf "%-11s %-32s %10s %9s %9s %9s %6s\n" store endpoint "req/s" p50 p99 requests non2xx
cat "$work/results.txt"
