#!/bin/sh
# ingest_hostile.sh BILAN — articles whose every field is SQL meant to break
# out of a string (quotes, ';', comments, ATTACH, PRAGMA): everything read
# from them reaches SQLite as bound values, so it is stored byte for byte
# and nothing else happens to the database or the file system.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
evil="x'); DROP TABLE claims; --"
mkdir in
cat >"in/it's.txt" <<EOT
title: Robert'); DELETE FROM articles WHERE ('1'='1
outlet: O'Brien"; ATTACH DATABASE 'pwned.db' AS p; --
url: https://ex.example/?q=1' OR '1'='1
date: 2025-05-01
event: e'); PRAGMA writable_schema=1; --

Selon l'agence « O'Hara'); DROP TABLE articles; -- », 12 personnes ont été tuées.
EOT
printf '%s\n' '{"text": "Selon le collectif \"; DELETE FROM claims; --, 30 personnes ont été blessées.", "url": "u\u0027); DROP TABLE sources; --", "outlet": "\"x\"; VACUUM INTO '"'"'stolen.db'"'"'", "title": "t"}' \
  >in/feed.jsonl
"$bilan" ingest --db t.db -q --date 2025-05-02 in >out 2>&1 || fail "ingest: $(cat out)"
"$bilan" ingest --db t.db -q --event "$evil" - <<EOT >>out 2>&1 || fail "ingest stdin: $(cat out)"
Au moins 40 morts, selon la préfecture.
EOT
[ ! -e pwned.db ] && [ ! -e stolen.db ] || fail "a file was created"
[ "$(sqlite3 t.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
q() { sqlite3 -batch t.db "$1"; }
[ "$(q "SELECT count(*) FROM articles")" = 3 ] || fail "articles: $(q "SELECT count(*) FROM articles")"
[ "$(q "SELECT count(*) FROM claims")" = 3 ] || fail "claims: $(q "SELECT count(*) FROM claims")"
[ "$(q "SELECT title FROM articles WHERE path LIKE '%it''s.txt'")" = "Robert'); DELETE FROM articles WHERE ('1'='1" ] ||
  fail "title"
[ "$(q "SELECT outlet FROM articles WHERE path LIKE '%it''s.txt'")" = "O'Brien\"; ATTACH DATABASE 'pwned.db' AS p; --" ] ||
  fail "outlet"
[ "$(q "SELECT url FROM articles WHERE path LIKE '%it''s.txt'")" = "https://ex.example/?q=1' OR '1'='1" ] ||
  fail "url"
[ "$(q "SELECT event FROM articles WHERE path LIKE '%it''s.txt'")" = "e'); PRAGMA writable_schema=1; --" ] ||
  fail "event"
[ "$(q "SELECT url FROM articles WHERE path LIKE '%feed.jsonl'")" = "u'); DROP TABLE sources; --" ] ||
  fail "jsonl url"
[ "$(q "SELECT outlet FROM articles WHERE path LIKE '%feed.jsonl'")" = "\"x\"; VACUUM INTO 'stolen.db'" ] ||
  fail "jsonl outlet"
[ "$(q "SELECT event FROM articles WHERE path = '-'")" = "$evil" ] || fail "--event"
[ "$(q "SELECT body FROM articles WHERE path LIKE '%it''s.txt'")" = "Selon l'agence « O'Hara'); DROP TABLE articles; -- », 12 personnes ont été tuées." ] ||
  fail "body"
q "SELECT body FROM articles WHERE path LIKE '%feed.jsonl'" | grep -qF 'collectif "; DELETE FROM claims; --,' ||
  fail "jsonl body"
[ "$(q "PRAGMA writable_schema")" = 0 ] || fail "writable_schema"
# The views still answer.
"$bilan" tolls --db t.db --format csv >/dev/null || fail "tolls"
echo "ingest_hostile: ok"
