#!/bin/sh
# ingest_kill.sh BILAN [ROUNDS] — `bilan ingest` killed with SIGKILL at
# random moments (before it opens the database, while it creates the
# schema, mid-batch, mid-commit, at the end).  After every kill the database
# passes PRAGMA integrity_check and holds whole articles only (each stored
# article has all its claims); a re-run then stores the rest, and the final
# database equals one ingested without interruption: no article lost, none
# twice.
set -eu
bilan=$1
rounds=${2:-12}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A corpus of .txt and .jsonl inputs, each article with its own figures.
n=1200
mkdir "$tmp/corpus" "$tmp/corpus/txt"
i=1
while [ $i -le $((n / 2)) ]; do
  printf 'outlet: Journal %d\ndate: 2025-03-%02d\n\nSelon la préfecture, %d personnes ont été blessées à Lormont. Les pompiers ont évacué %d habitants, et %d restent portés disparus.\n' \
    $((i % 7)) $((i % 28 + 1)) "$i" $((i * 3 + 1)) $((i % 9 + 2)) >"$tmp/corpus/txt/$i.txt"
  i=$((i + 1))
done
while [ $i -le $n ]; do
  printf '{"text": "Au moins %d morts et %d blessés à Vessograd, selon le ministère.", "url": "https://ex.example/%d", "date": "2025-03-%02d", "outlet": "Agence %d"}\n' \
    "$i" $((i * 2 + 1)) "$i" $((i % 28 + 1)) $((i % 5))
  i=$((i + 1))
done >"$tmp/corpus/all.jsonl"

# What each article holds: its body's hash and its number of claims.
content() {
  sqlite3 "$1" "SELECT a.sha256, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id
                GROUP BY a.id ORDER BY a.sha256"
}
ingest() { "$bilan" ingest --db "$1" -j 2 --batch "$2" --event lormont-2025 -q "$tmp/corpus"; }

ref=$tmp/ref.db
t0=$(date +%s%N)
ingest "$ref" 16 >"$tmp/ref.out" || fail "reference run: $(cat "$tmp/ref.out")"
t1=$(date +%s%N)
ms=$(((t1 - t0) / 1000000 + 1))
content "$ref" >"$tmp/ref.txt"
[ "$(wc -l <"$tmp/ref.txt")" = $n ] || fail "reference: $(wc -l <"$tmp/ref.txt") articles"
grep -q "|0$" "$tmp/ref.txt" && fail "reference: an article without claims"

random() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }

kills=0
midway=0 # kills that left some articles stored and some not
round=1
while [ "$round" -le "$rounds" ]; do
  db=$tmp/r$round.db
  batch=$((1 + $(random) % 40))
  # Several kills on the same database before the run that completes.
  for k in 1 2 3; do
    delay=$(($(random) % ms))
    [ $((round % 4)) = 0 ] && [ $k = 1 ] && delay=0
    "$bilan" ingest --db "$db" -j 2 --batch "$batch" --event lormont-2025 -q "$tmp/corpus" \
      >/dev/null 2>&1 &
    pid=$!
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
    wait $pid 2>/dev/null || true
    [ -e "$db" ] || continue
    got=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1) || fail "round $round kill $k: $got"
    [ "$got" = ok ] || fail "round $round kill $k (after ${delay}ms): integrity_check: $got"
    # Whole articles only: every stored article as in the reference.
    if sqlite3 "$db" "SELECT 1 FROM sqlite_master WHERE name = 'articles'" | grep -q 1; then
      content "$db" >"$tmp/partial.txt"
      missing=$(comm -23 "$tmp/partial.txt" "$tmp/ref.txt" | head -3)
      [ -z "$missing" ] || fail "round $round kill $k: articles not whole: $missing"
      stored=$(wc -l <"$tmp/partial.txt")
      [ "$stored" -gt 0 ] && [ "$stored" -lt $n ] && midway=$((midway + 1))
    fi
  done
  before=0
  if sqlite3 "$db" "SELECT 1 FROM sqlite_master WHERE name = 'articles'" 2>/dev/null | grep -q 1; then
    before=$(sqlite3 "$db" "SELECT count(*) FROM articles")
  fi
  "$bilan" ingest --db "$db" -j 2 --batch "$batch" --event lormont-2025 "$tmp/corpus" >"$tmp/out" 2>&1 ||
    fail "round $round: re-run: $(cat "$tmp/out")"
  grep -q "$n articles read, $((n - before)) stored, $before duplicates skipped, 0 rejected" "$tmp/out" ||
    fail "round $round: re-run after $before stored: $(cat "$tmp/out")"
  content "$db" >"$tmp/final.txt"
  cmp -s "$tmp/final.txt" "$tmp/ref.txt" || fail "round $round: final database differs from the reference"
  round=$((round + 1))
done
echo "ingest_kill: ok ($rounds rounds, $kills processes killed, $midway of them midway;" \
  "reference run ${ms}ms)"
