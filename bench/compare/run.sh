#!/bin/bash
# Side-by-side: Tenlik's LDA (collapsed Gibbs, SparseLDA) against scikit-learn's
# LatentDirichletAllocation (variational Bayes) on the same synthetic corpus, same K,
# same priors, same held-out documents and the same perplexity estimator. A benchmark,
# not a test. Needs Debian's python3-sklearn (apt-get install -y python3-sklearn
# python3-pandas).
#
#   bench/compare/run.sh [BUILD_DIR]     env: DOCS=100000 TOKENS=40 TOPICS=50
#                                             ITERS=100 (Gibbs sweeps) SK_ITERS=20
#                                             SK_METHOD=batch|online
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build-topics}
bench=$build/topics_bench
DOCS=${DOCS:-100000} TOKENS=${TOKENS:-40} TOPICS=${TOPICS:-50}
ITERS=${ITERS:-100} SK_ITERS=${SK_ITERS:-20} SK_METHOD=${SK_METHOD:-batch}
python=/usr/bin/python3
[ -x "$bench" ] || { echo "build topics_bench first: make -C $build topics_bench" >&2; exit 1; }
$python -c 'import sklearn' 2>/dev/null || { echo "needs python3-sklearn (apt-get install -y python3-sklearn python3-pandas)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus.txt
"$bench" --docs "$DOCS" --tokens "$TOKENS" --write-corpus "$corpus"

echo "== Tenlik (collapsed Gibbs, SparseLDA, $ITERS sweeps)"
"$bench" --corpus "$corpus" --topics "$TOPICS" --iterations "$ITERS" --sampler sparse | tee "$work/tenlik.txt" | grep -v '^  '
echo "== scikit-learn $($python -c 'import sklearn; print(sklearn.__version__)') ($SK_METHOD VB, $SK_ITERS iterations)"
$python "$here/lda_sklearn.py" "$corpus" --topics "$TOPICS" --iterations "$SK_ITERS" --method "$SK_METHOD" | tee "$work/sklearn.txt"

field() { grep '^RESULT' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
t_ours=$(field "$work/tenlik.txt" train_seconds); t_sk=$(field "$work/sklearn.txt" train_seconds)
i_ours=$(field "$work/tenlik.txt" per_iteration); i_sk=$(field "$work/sklearn.txt" per_iteration)
p_ours=$(field "$work/tenlik.txt" perplexity); p_sk=$(field "$work/sklearn.txt" perplexity)
echo "== side by side (K=$TOPICS, $DOCS docs x ~$TOKENS tokens, one core)"
printf '%-28s %12s %14s %12s\n' "" "train (s)" "s/iteration" "perplexity"
printf '%-28s %12s %14s %12s\n' "tenlik gibbs ($ITERS sweeps)" "$t_ours" "$i_ours" "$p_ours"
printf '%-28s %12s %14s %12s\n' "sklearn $SK_METHOD ($SK_ITERS iter)" "$t_sk" "$i_sk" "$p_sk"
awk -v a="$t_sk" -v b="$t_ours" -v c="$i_sk" -v d="$i_ours" 'BEGIN {
  printf "total time ratio sklearn/tenlik: %.1fx; per-iteration ratio: %.1fx\n", a / b, c / d }'
