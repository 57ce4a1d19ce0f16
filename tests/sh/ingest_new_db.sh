#!/bin/sh
# ingest_new_db.sh BILAN — eight `bilan ingest` processes started at once on
# a database that does not exist yet, twenty times (BILAN_TEST_SCALE=k, a
# divisor, runs fewer rounds, for valgrind): each waits for the others to
# create the schema and turn on WAL (SQLite calls no busy handler for
# that), none fails, and every article is stored.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
k=1
while [ $k -le 8 ]; do
  printf 'outlet: Journal %d\ndate: 2025-03-01\n\nSelon la police, %d personnes ont été blessées à Lormont.\n' \
    $k $((k + 10)) > "$tmp/$k.txt"
  k=$((k + 1))
done
rounds=$((20 / ${BILAN_TEST_SCALE:-1}))
[ $rounds -ge 1 ] || rounds=1
round=1
while [ $round -le $rounds ]; do
  db=$tmp/new-$round.db
  pids=""
  k=1
  while [ $k -le 8 ]; do
    "$bilan" ingest --db "$db" -q --event lormont "$tmp/$k.txt" > "$tmp/out.$k" 2>&1 &
    pids="$pids $!"
    k=$((k + 1))
  done
  k=1
  for p in $pids; do
    wait "$p" || fail "round $round, process $k: $(cat "$tmp/out.$k")"
    k=$((k + 1))
  done
  got=$("$bilan" query --db "$db" --format csv "SELECT count(*) FROM articles")
  [ "$got" = "$(printf 'count(*)\r\n8\r')" ] || fail "round $round: articles $got"
  round=$((round + 1))
done
echo "ingest_new_db: ok"
