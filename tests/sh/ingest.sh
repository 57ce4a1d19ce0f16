#!/bin/sh
# ingest.sh BILAN FIXTURES — `bilan ingest`, `tolls`, `conflicts`, `query` end
# to end on fixtures/ingest/ (fictional events, several outlets and days, a
# wire reprint, a revision, conflicts, sub-counts, zero claims, deltas):
# tolls and conflicts must match fixtures/ingest/expected/ exactly.
# UPDATE=1 rewrites the expected files (review the diff).
set -eu
bilan=$1
fx=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/t.db
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bilan" ingest --db "$db" -j 2 --event brezan-2025-seisme "$fx/seisme" > "$tmp/out1"
grep -q "4 articles read, 4 stored, 0 duplicates skipped, 0 rejected" "$tmp/out1" ||
  fail "summary: $(cat "$tmp/out1")"
"$bilan" ingest --db "$db" --event calmar-2025-manifestation "$fx/manif" > /dev/null

"$bilan" conflicts --db "$db" --format json > "$tmp/conflicts.jsonl"
# The comparison's columns of the tolls (not the extractor's details).
"$bilan" query --db "$db" --format csv "SELECT event, category, grp, event_date, outlet, source,
  text, value, lo, hi, headline, latest, highest FROM tolls" > "$tmp/tolls.csv"
"$bilan" tolls --db "$db" --format csv | head -1 |
  grep -q "^event,category,group,date,outlet,source,text,value,lo,hi,qualifier,status,latest,highest,article" ||
  fail "tolls header"
if [ "${UPDATE:-}" = 1 ]; then
  cp "$tmp/conflicts.jsonl" "$tmp/tolls.csv" "$fx/expected/"
  echo "updated $fx/expected"
fi
diff -u "$fx/expected/conflicts.jsonl" "$tmp/conflicts.jsonl" || fail "conflicts differ"
diff -u "$fx/expected/tolls.csv" "$tmp/tolls.csv" || fail "tolls differ"

# Every JSON object has SPEC §8's keys, in order.
side='\{"article":[^,]*,"outlet":.*,"date":.*,"text":.*,"value":.*,"lo":.*,"hi":.*,"qualifier":"[a-z_]*","source":.*\}'
bad=$(grep -Evc "^\{\"kind\":\"(conflict|revised_down)\",\"event\":.*,\"category\":\"[a-z_]*\",\"group\":.*,\"a\":$side,\"b\":$side\}\$" "$tmp/conflicts.jsonl" || true)
[ "$bad" = 0 ] || fail "conflicts JSON layout"
[ -s "$tmp/conflicts.jsonl" ] || fail "no conflicts"

# Re-ingesting is a no-op, reported.
"$bilan" ingest --db "$db" --event brezan-2025-seisme "$fx/seisme" > "$tmp/out2"
grep -q "4 articles read, 0 stored, 4 duplicates skipped, 0 rejected; 0 claims" "$tmp/out2" ||
  fail "re-ingest: $(cat "$tmp/out2")"
"$bilan" conflicts --db "$db" --format json | cmp -s - "$tmp/conflicts.jsonl" || fail "re-ingest changed conflicts"

# The reprint is recorded as a copy of the dispatch.
got=$("$bilan" query --db "$db" --format csv "SELECT origin_outlet, outlet FROM wire_copies")
[ "$got" = "$(printf 'origin_outlet,outlet\r\nAgence Nord,Le Matin du Nord\r')" ] || fail "wire copies: $got"

# Events: from the flag; automatic without one.
printf 'title: Crue à Valdorme\ndate: 2025-04-02\n\nLa crue a touché Valdorme mardi. À Valdorme, 300 habitants ont été évacués, selon la mairie.\n' |
  "$bilan" ingest --db "$db" - > /dev/null
got=$("$bilan" query --db "$db" --format csv "SELECT event, event_how FROM articles WHERE path = '-'")
[ "$got" = "$(printf 'event,event_how\r\nvaldorme-2025-w14,auto\r')" ] || fail "auto event: $got"

# A bad JSON line is reported with its line and skipped; the rest is stored.
{
  echo '{"text": "Selon la police, 14 personnes ont été blessées.", "url": "https://x.example/1", "date": "2025-06-01", "outlet": "X"}'
  echo '{"text": "oops'
  echo '{"text": "Selon les pompiers, 20 personnes ont été évacuées.", "url": "https://x.example/2", "date": "2025-06-01", "outlet": "X"}'
} > "$tmp/mixed.jsonl"
set +e
"$bilan" ingest --db "$db" "$tmp/mixed.jsonl" > "$tmp/out3" 2> "$tmp/err3"
rc=$?
set -e
[ $rc = 1 ] || fail "bad line: exit $rc"
grep -q "mixed.jsonl:2:" "$tmp/err3" || fail "bad line message: $(cat "$tmp/err3")"
grep -q "3 articles read, 2 stored, 0 duplicates skipped, 1 rejected" "$tmp/out3" ||
  fail "bad line summary: $(cat "$tmp/out3")"

# Invalid UTF-8 in a body: rejected with its byte offset.
printf 'date: 2025-06-02\n\nDix morts \377 ici.\n' > "$tmp/bad.txt"
set +e
"$bilan" ingest --db "$db" "$tmp/bad.txt" > /dev/null 2> "$tmp/err4"
rc=$?
set -e
[ $rc = 1 ] || fail "bad UTF-8: exit $rc"
grep -q "bad.txt: byte 28" "$tmp/err4" || fail "bad UTF-8 message: $(cat "$tmp/err4")"

# Usage and database errors have their exit codes.
set +e
"$bilan" ingest --db "$db" --date 2025-13-01 "$fx/manif" 2> /dev/null; [ $? = 2 ] || fail "bad --date"
"$bilan" ingest --db "$db" "$tmp/missing.txt" > /dev/null 2>&1; [ $? = 1 ] || fail "missing file"
"$bilan" query --db "$db" "DELETE FROM claims" 2> "$tmp/err5"; [ $? = 2 ] || fail "write query"
grep -q "read-only" "$tmp/err5" || fail "write query message"
printf 'not a database at all, not at all, not at all, not at all, not at all.......' > "$tmp/junk.db"
"$bilan" tolls --db "$tmp/junk.db" 2> /dev/null; [ $? = 3 ] || fail "junk database"
set -e
# The printers: a table aligned by display width (accents take one column),
# RFC 4180 CSV, JSON with numbers as numbers.
got=$("$bilan" query --db "$db" "SELECT 'préfecture' AS a, 1 AS b UNION ALL SELECT 'abc', 22")
want=$(printf 'a           b\n----------  --\npréfecture   1\nabc         22')
[ "$got" = "$want" ] || fail "table: $got"
got=$("$bilan" query --db "$db" --format csv "SELECT 'a,b' AS x, 'dit \"non\"' AS y, 2.0 AS z")
[ "$got" = "$(printf 'x,y,z\r\n"a,b","dit ""non""",2\r')" ] || fail "csv: $got"
got=$("$bilan" query --db "$db" --format json "SELECT 1 AS n, 'x' AS s, NULL AS z, 0.5 AS f")
[ "$got" = '{"n":1,"s":"x","z":null,"f":0.5}' ] || fail "json: $got"

BILAN_DB=$db "$bilan" query "SELECT count(*) FROM articles" | grep -q "^ *9$" || fail "\$BILAN_DB"
echo "ingest: ok"
