#!/bin/sh
# ingest_four.sh BILAN — four `bilan ingest` processes writing one database
# at once, each with its own articles and all four with the same shared
# ones: every process succeeds, every article and claim is stored once, and
# the database equals one filled by a single process.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
own=300
shared=100
for side in a b c d shared; do
  mkdir "$tmp/$side"
  count=$own
  [ $side = shared ] && count=$shared
  i=1
  while [ $i -le $count ]; do
    printf 'outlet: Journal %s\ndate: 2025-02-%02d\n\nSelon la police, %d personnes ont été blessées à Lormont (%s). Les pompiers ont évacué %d habitants.\n' \
      "$side" $((i % 28 + 1)) $i "$side" $((i * 3)) >"$tmp/$side/$i.txt"
    i=$((i + 1))
  done
done
content() {
  sqlite3 "$1" "SELECT a.sha256, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id
                GROUP BY a.id ORDER BY a.sha256"
}
"$bilan" ingest --db "$tmp/ref.db" -q --event lormont "$tmp/a" "$tmp/b" "$tmp/c" "$tmp/d" \
  "$tmp/shared" >/dev/null
content "$tmp/ref.db" >"$tmp/ref.txt"

db=$tmp/shared.db
for side in a b c d; do
  "$bilan" ingest --db "$db" --batch 4 -j 2 -q --event lormont "$tmp/$side" "$tmp/shared" \
    >"$tmp/out.$side" 2>&1 &
  eval "pid_$side=$!"
done
for side in a b c d; do
  st=0
  eval "wait \$pid_$side" || st=$?
  [ $st = 0 ] || fail "$side: exit $st: $(cat "$tmp/out.$side")"
done
stored=0
dups=0
for side in a b c d; do
  line=$(grep "articles read" "$tmp/out.$side") || fail "$side: no summary: $(cat "$tmp/out.$side")"
  # "bilan ingest: R articles read, S stored, D duplicates skipped, 0 rejected; ..."
  set -- $(echo "$line" | sed 's/.*: \([0-9]*\) articles read, \([0-9]*\) stored, \([0-9]*\) duplicates skipped, 0 rejected.*/\1 \2 \3/')
  [ "$1" = $((own + shared)) ] && [ $# = 3 ] || fail "$side: $line"
  stored=$((stored + $2))
  dups=$((dups + $3))
done
[ $stored = $((4 * own + shared)) ] || fail "stored $stored"
[ $dups = $((3 * shared)) ] || fail "duplicates $dups"
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
content "$db" >"$tmp/got.txt"
cmp -s "$tmp/got.txt" "$tmp/ref.txt" || fail "the database differs from one filled by one process"
echo "ingest_four: ok ($stored articles, $(sqlite3 "$db" "SELECT count(*) FROM claims") claims)"
