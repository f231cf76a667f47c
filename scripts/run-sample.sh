#!/usr/bin/env bash
# The main job on the embedded default: installs what is needed, builds, creates a
# SQLite store in out/, ingests the bundled synthetic sample corpus and prints stats.
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
echo
echo "Store: $TENLIK_STORE   Rejected records: $TENLIK_STORE.rejects.jsonl"
exit $status
