#!/bin/sh
# ingest_concurrent.sh BILAN — two `bilan ingest` processes writing one
# database at once: the second waits for the first's batches instead of
# failing, and nothing is lost.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
n=150
for side in a b; do
  mkdir "$tmp/$side"
  i=1
  while [ $i -le $n ]; do
    printf 'outlet: Journal %s\ndate: 2025-01-%02d\n\nSelon la police, %d personnes ont été blessées à Lormont (%s). Les pompiers ont évacué %d habitants.\n' \
      "$side" $((i % 28 + 1)) $i "$side" $((i * 3)) > "$tmp/$side/$i.txt"
    i=$((i + 1))
  done
done
db=$tmp/shared.db
# Small batches so that the two writers take turns many times.
"$bilan" ingest --db "$db" --batch 3 -j 2 --event lormont "$tmp/a" > "$tmp/out.a" 2>&1 &
pa=$!
"$bilan" ingest --db "$db" --batch 3 -j 2 --event lormont "$tmp/b" > "$tmp/out.b" 2>&1 &
pb=$!
ra=0; rb=0
wait $pa || ra=$?
wait $pb || rb=$?
[ $ra = 0 ] && [ $rb = 0 ] || fail "exit codes $ra $rb: $(cat "$tmp/out.a" "$tmp/out.b")"
for side in a b; do
  grep -q "$n articles read, $n stored" "$tmp/out.$side" || fail "$side: $(cat "$tmp/out.$side")"
done
got=$("$bilan" query --db "$db" --format csv "SELECT count(*) FROM articles")
[ "$got" = "$(printf 'count(*)\r\n%d\r' $((2 * n)))" ] || fail "articles: $got"
got=$("$bilan" query --db "$db" --format csv "SELECT count(*) FROM claims")
[ "$got" = "$(printf 'count(*)\r\n%d\r' $((4 * n)))" ] || fail "claims: $got"
echo "ingest_concurrent: ok"
