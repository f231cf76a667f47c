#!/usr/bin/env bash
# The main job on the embedded default: installs what is needed, builds, creates a
# SQLite store in out/, ingests the bundled synthetic sample corpus, prints stats, and
# runs the shipped study into a report in English, Russian and Kazakh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build"

tenlik="$root/build/tenlik"
sample="$root/data/sample"
mkdir -p "$root/out"
export TENLIK_STORE="$root/out/tenlik.db"

"$tenlik" init
status=0
orgs=(--organisations "$sample/organisations.tsv")
ingest() { "$tenlik" listen ingest "$@" || { rc=$?; [ $rc -eq 3 ] || status=$rc; }; }
ingest --corpus public "${orgs[@]}" \
  "$sample/meltwater_export.csv" "$sample/meltwater_export_utf8.csv" \
  "$sample/telegram_group/result.json" "$sample/instagram.ndjson" "$sample/posts.jsonl"
ingest --corpus organisations "${orgs[@]}" "$sample/telegram_channel/result.json"
ingest --corpus public "${orgs[@]}" --format csv \
  --map id=post_id --map published_at=created --map author=user_name --map text=body \
  --map url=link --map engagement=likes --map place=city "$sample/forum_posts.csv"
"$tenlik" listen stats

# Sentiment is trained here from KazSAnDRA in ../shared (the model is derived from a
# data set we do not redistribute, so it is never shipped); without it the study
# runs and its report says sentiment is unavailable.
model="$root/build/models/sentiment.bin"
kazsandra="$root/../shared/data/kazsandra"
if [ ! -f "$model" ] && [ -f "$kazsandra/polarity_train.csv" ]; then
  mkdir -p "$(dirname "$model")"
  "$tenlik" text sentiment-train --train "$kazsandra/polarity_train.csv" \
    --valid "$kazsandra/polarity_valid.csv" --out "$model"
fi
sentiment=(--no-sentiment)
[ -f "$model" ] && sentiment=(--sentiment-model "$model")

for lang in en ru kk; do
  "$tenlik" --lang "$lang" listen run "$root/data/studies/inclusive-education.yaml" \
    --out "$root/out/report-$lang" "${sentiment[@]}" || status=$?
done
echo
echo "Store: $TENLIK_STORE   Rejected records: $TENLIK_STORE.rejects.jsonl"
echo "Report: $root/out/report-en/index.html (also report-ru/, report-kk/: CSV, XLSX, GEXF)"
exit $status
