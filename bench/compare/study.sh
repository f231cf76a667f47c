#!/bin/bash
# Side-by-side: `tenlik listen run` against the same job in pandas + scikit-learn
# (study_pandas.py: str.contains with a regex alternation of the study's query and
# lexicon terms, groupby counts, sklearn LDA with the study's K and iterations), on
# the same generated corpus in the same store. A benchmark, not a test: it prints
# posts/s for each side and the ratio. Uses Debian's python3-pandas, python3-sklearn
# and python3-yaml (installed with apt-get if missing; PyPI is not used).
#
#   bench/compare/study.sh [BUILD_DIR]      env: POSTS=200000
#
# Each side runs twice on a fresh copy of the store: the whole job, and without the
# topic model (tenlik --no-topics; pandas: read + match + aggregate). Tenlik runs
# without a sentiment model (pandas has none either).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
tenlik=$build/tenlik
POSTS=${POSTS:-200000}
python=/usr/bin/python3
study=$root/data/studies/inclusive-education.yaml
[ -x "$tenlik" ] || { echo "build tenlik first: cmake --build $build --target tenlik" >&2; exit 1; }

missing=()
for p in python3-pandas python3-sklearn python3-yaml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

echo "== corpus: $POSTS generated posts (bench/compare/study_corpus.py)"
$python "$here/study_corpus.py" "$POSTS" "$work/posts.jsonl"
export TENLIK_STORE=$work/base.db
"$tenlik" init >/dev/null
t0=$(now)
"$tenlik" listen ingest --corpus public "$work/posts.jsonl" >/dev/null || [ $? -eq 3 ]
echo "ingest (not compared): $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"

# A fresh copy of the store (annotations are cached in it by fingerprint).
fresh() { rm -f "$work/run.db"*; cp "$work/base.db" "$work/run.db"; cp "$work/base.db.key" "$work/run.db.key"; }

# Runs tenlik listen run with extra flags $@ on a fresh store; prints posts and seconds.
tenlik_run() {
  fresh
  local t0 t1
  t0=$(now)
  TENLIK_STORE=$work/run.db "$tenlik" --json listen run "$study" --out "$work/report" --no-sentiment "$@" >"$work/run.json"
  t1=$(now)
  echo "$($python -c 'import json,sys; print(json.load(open(sys.argv[1]))["in_scope"])' "$work/run.json") \
$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
}

echo "== tenlik listen run ($(nproc) hardware threads available to it)"
read -r posts_c nolda_c < <(tenlik_run --no-topics)
echo "without topics: $posts_c posts in $nolda_c s"
read -r _ total_c < <(tenlik_run)
echo "whole run:      $posts_c posts in $total_c s"

echo "== pandas + scikit-learn (one thread)"
fresh
$python "$here/study_pandas.py" "$work/run.db" "$study" | tee "$work/pandas.txt"
field() { grep '^RESULT' "$work/pandas.txt" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
posts_p=$(field posts) nolda_p=$(field no_lda_s) total_p=$(field total_s)

echo "== side by side ($POSTS generated posts; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
awk -v pc="$posts_c" -v nc="$nolda_c" -v tc="$total_c" -v pp="$posts_p" -v np="$nolda_p" -v tp="$total_p" 'BEGIN {
  printf "%-44s %10s %10s %12s\n", "", "posts", "seconds", "posts/s"
  printf "%-44s %10d %10.2f %12.0f\n", "tenlik, annotate + count + report", pc, nc, pc / nc
  printf "%-44s %10d %10.2f %12.0f\n", "pandas, read + match + aggregate", pp, np, pp / np
  printf "%-44s %10d %10.2f %12.0f\n", "tenlik, whole run (with LDA)", pc, tc, pc / tc
  printf "%-44s %10d %10.2f %12.0f\n", "pandas + sklearn LDA", pp, tp, pp / tp
  printf "ratio tenlik/pandas (posts/s): without topics %.1fx, whole job %.1fx\n", (pc / nc) / (pp / np), (pc / tc) / (pp / tp)
}'
