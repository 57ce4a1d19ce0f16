#!/bin/sh
# store_bench.sh BILAN GENARTICLES OUTDIR SOURCES... — `make bench-store`:
# the throughput of `bilan extract` against ICU's UTF-16 conversion and French
# sentence breaking over the same bytes (target: 0.4 x or better), and of
# `bilan ingest` against `bilan extract` on the same file in the same run
# (target: 0.5 x or better), on a generated corpus of articles; the time of
# `bilan conflicts` over that
# database, and over a database of a million claims (target: under 2 s).
set -eu
bilan=$1
gen=$2
out=$3
shift 3
here=$(dirname "$0")
mkdir -p "$out"
corpus=$out/articles-100.jsonl
[ -s "$corpus" ] || "$gen" --size 100 --out "$corpus" "$@"
mb=$(du -m "$corpus" | cut -f1)
jobs=$(nproc 2>/dev/null || echo 2)
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
row() { awk -v n="$1" -v t="$2" -v mb="$mb" -v x="$3" 'BEGIN { printf "%-44s %8.2f s  %8.1f MB/s  %s\n", n, t, mb / t, x }'; }

icu=$("$(dirname "$bilan")/bilan-icubase" "$corpus" | awk '{ print $3 }')
t0=$(now); "$bilan" extract "$corpus" > /dev/null; t1=$(now)
extract=$(secs "$t0" "$t1")
db=$out/bench.db
rm -f "$db" "$db-wal" "$db-shm"
t0=$(now); "$bilan" ingest --db "$db" -j "$jobs" "$corpus" > "$out/ingest.txt"; t1=$(now)
ingest=$(secs "$t0" "$t1")
claims=$("$bilan" query --db "$db" --format csv "SELECT count(*) FROM claims" | tail -1 | tr -d '\r')
sync
t0=$(now); "$bilan" conflicts --db "$db" --format csv > "$out/conflicts.csv"; t1=$(now)
conflicts=$(secs "$t0" "$t1")

mdb=$out/million.db
if [ ! -s "$mdb" ]; then
  "$bilan" query --db "$mdb" "SELECT 1" > /dev/null
  sqlite3 "$mdb" < "$here/million_claims.sql" > /dev/null
fi
# The median of three runs, once the ingest's dirty pages are on disk (the
# kernel's writeback would otherwise share the cores with the first run).
sync
runs=""
for i in 1 2 3; do
  t0=$(now); "$bilan" conflicts --db "$mdb" --format csv > "$out/million-conflicts.csv"; t1=$(now)
  runs="$runs $(secs "$t0" "$t1")"
done
million=$(echo $runs | tr ' ' '\n' | sort -n | sed -n 2p)

echo "corpus: $corpus ($mb MB, $(cat "$out/ingest.txt" | sed 's/.*: //'))"
row "icu utf-16 + french sentences (baseline)" "$icu" ""
row "bilan extract" "$extract" \
  "$(awk -v e="$extract" -v i="$icu" 'BEGIN { printf "%.2f x the ICU baseline", i / e }')"
row "bilan ingest -j $jobs, fresh database" "$ingest" \
  "$(awk -v e="$extract" -v i="$ingest" 'BEGIN { printf "%.2f x the extract throughput", e / i }')"
printf '%-44s %8.2f s  %s\n' "bilan conflicts ($claims claims)" "$conflicts" \
  "$(($(wc -l < "$out/conflicts.csv") - 1)) rows"
printf '%-44s %8.2f s  %s\n' "bilan conflicts (1 000 000 claims)" "$million" \
  "$(($(wc -l < "$out/million-conflicts.csv") - 1)) rows; median of 3 runs:$runs s"
