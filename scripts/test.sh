#!/usr/bin/env bash
# Runs every test: installs what is needed, then
#   1. a normal build (warnings as errors) and its ctest suite,
#   2. a clang build with address and undefined-behaviour sanitizers and the same suite,
#   3. each reader's libFuzzer target, from that build, for a short run.
# Ends with one line "tests: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh" || exit 1
fuzz_seconds="${TENLIK_FUZZ_SECONDS:-20}"

# The store tests also run on PostgreSQL: a throwaway server on 127.0.0.1 for this
# run (TENLIK_TEST_POSTGRES_URL), stopped and deleted on exit.
pg_started=$(date +%s%N)
pg_env="$("$root/scripts/postgres-test-server.sh" start)" || { echo "cannot start the PostgreSQL test server" >&2; exit 1; }
eval "$pg_env"
trap '"$root/scripts/postgres-test-server.sh" stop "$TENLIK_TEST_POSTGRES_DIR"' EXIT
echo "PostgreSQL test server up in $((($(date +%s%N) - pg_started) / 1000000)) ms: $TENLIK_TEST_POSTGRES_URL"
passed=0
failed=0

# Runs ctest in build folder $1 and adds its counts to the totals.
run_ctest() {
  local log
  log="$(mktemp)"
  (cd "$1" && ctest --output-on-failure -j "$(nproc)" --timeout 900) 2>&1 | tee "$log"
  local line total bad
  line="$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -n 1)"
  if [ -z "$line" ]; then
    failed=$((failed + 1))
  else
    total="$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")"
    bad="$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")"
    passed=$((passed + total - bad))
    failed=$((failed + bad))
  fi
  rm -f "$log"
}

build() {
  "$root/scripts/build.sh" "$@" || { echo "build failed: $1" >&2; failed=$((failed + 1)); return 1; }
}

echo "== normal build =="
build "$root/build" && run_ctest "$root/build"

# One clang build serves stages 2 and 3: address and undefined-behaviour sanitizers
# everywhere, libFuzzer's coverage hooks in every object and the fuzz targets beside
# the tests (one build of the sources instead of two). -O1 -g1: sanitizer builds
# compile and still report with line numbers; benchmarks are left out here.
san_dir="$root/build-asan"
echo "== address + undefined-behaviour sanitizers (clang) =="
build "$san_dir" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DTENLIK_SANITIZE=ON -DTENLIK_FUZZ=ON -DTENLIK_BENCH=OFF \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" && \
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest "$san_dir"

echo "== fuzzing each reader for ${fuzz_seconds}s =="
fuzz_targets=0
for target in "$san_dir"/*_fuzz; do
  [ -x "$target" ] || continue
  fuzz_targets=$((fuzz_targets + 1))
  name="$(basename "$target")"
  corpus="$(mktemp -d)"
  seeds="$root/tests/data/listen"
  if "$target" -max_total_time="$fuzz_seconds" -rss_limit_mb=4096 -print_final_stats=1 "$corpus" "$seeds" \
       >"$san_dir/$name.log" 2>&1; then
    echo "fuzz $name: ok ($(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$san_dir/$name.log" || echo 'runs'))"
    passed=$((passed + 1))
  else
    echo "fuzz $name: FAILED"; tail -n 40 "$san_dir/$name.log"
    failed=$((failed + 1))
  fi
  rm -rf "$corpus"
done
if [ "$fuzz_targets" -eq 0 ]; then
  echo "no fuzz targets were built in $san_dir" >&2
  failed=$((failed + 1))
fi

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
