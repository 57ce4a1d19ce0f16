#!/bin/sh
# query_readonly.sh BILAN — `bilan query` as an attacker would use it: every
# way around the read-only door (ATTACH, PRAGMA writable_schema,
# load_extension, several statements in one, and their disguises) is refused
# with exit status 2 and a message saying what, and leaves the database and
# the file system as they were.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
db=$tmp/t.db
"$bilan" query --db "$db" "SELECT count(*) FROM articles" >/dev/null || fail "a new database"
sqlite3 "$db" "CREATE TABLE victim (x); INSERT INTO victim VALUES (42);"
state() {
  sqlite3 "$db" "PRAGMA user_version; SELECT type, name, sql FROM sqlite_master ORDER BY name;
                 SELECT * FROM victim; PRAGMA writable_schema;" | cksum
}
before=$(state)

# refused SQL WHAT: exit status 2, "refused"/"one SQL statement" naming WHAT
refused() {
  sql=$1
  what=$2
  st=0
  "$bilan" query --db "$db" "$sql" >"$tmp/out" 2>"$tmp/err" || st=$?
  [ "$st" = 2 ] || fail "$sql: exit $st: $(cat "$tmp/out" "$tmp/err")"
  grep -q "$what" "$tmp/err" || fail "$sql: says $(cat "$tmp/err"), not '$what'"
  [ ! -s "$tmp/out" ] || fail "$sql: printed $(cat "$tmp/out")"
  [ "$(state)" = "$before" ] || fail "$sql: the database changed"
}

# ATTACH, which would open or create another file read-write.
refused "ATTACH 'other.db' AS o" "refused ATTACH"
refused "ATTACH DATABASE 'file:other.db?mode=rwc' AS o" "refused ATTACH"
refused "attach database '$db' as again" "refused ATTACH"
refused "DETACH main" "refused DETACH"
refused "VACUUM INTO 'copy.db'" "would write"
[ ! -e other.db ] && [ ! -e copy.db ] || fail "a file was created"

# PRAGMA writable_schema, in every spelling.
refused "PRAGMA writable_schema = ON" "PRAGMA"
refused "PRAGMA main.writable_schema=1" "PRAGMA"
refused "pragma WRITABLE_SCHEMA(true)" "PRAGMA"
refused "PRAGMA writable_schema" "PRAGMA"
refused "SELECT * FROM pragma_writable_schema" "refused"
refused "PRAGMA query_only = 0" "PRAGMA"
refused "PRAGMA journal_mode = DELETE" "PRAGMA"

# load_extension and the functions that touch the world outside.
refused "SELECT load_extension('libc.so.6')" "load_extension"
refused "SELECT LOAD_EXTENSION('x', 'y')" "load_extension"
refused "SELECT * FROM (SELECT load_extension('x'))" "load_extension"
refused "SELECT x FROM victim WHERE load_extension('x') IS NULL" "load_extension"
refused "SELECT fts3_tokenizer('simple')" "fts3_tokenizer"

# Several statements in one: never run, whatever sits between them.
refused "SELECT 1; DELETE FROM victim" "one SQL statement"
refused "SELECT 1;;; DROP TABLE victim" "one SQL statement"
refused "SELECT 1 -- ; comment
; UPDATE victim SET x = 0" "one SQL statement"
refused "SELECT 1 /* ; */; PRAGMA writable_schema = ON" "one SQL statement"
refused "SELECT ';'; INSERT INTO victim VALUES (1)" "one SQL statement"
refused "BEGIN; DELETE FROM victim; COMMIT" "refused"
# and writes that come one at a time
refused "DELETE FROM victim" "refused DELETE"
refused "WITH d AS (SELECT 1) UPDATE victim SET x = 0" "refused UPDATE"
refused "INSERT INTO victim SELECT * FROM victim" "refused INSERT"
refused "DROP TABLE victim" "schema"
refused "CREATE TEMP TABLE t (x)" "schema"
refused "INSERT INTO sqlite_master VALUES ('table', 't', 't', 0, '')" "schema"
refused "REPLACE INTO victim VALUES (1)" "refused INSERT"

# The same through standard input.
st=0
printf 'SELECT 1; DELETE FROM victim' | "$bilan" query --db "$db" - >/dev/null 2>"$tmp/err" || st=$?
[ "$st" = 2 ] && grep -q "one SQL statement" "$tmp/err" || fail "stdin: exit $st: $(cat "$tmp/err")"
[ "$(state)" = "$before" ] || fail "stdin: the database changed"

# What only reads still works, including read-only pragmas.
got=$("$bilan" query --db "$db" --format csv "SELECT x FROM victim")
[ "$got" = "$(printf 'x\r\n42\r')" ] || fail "select: $got"
"$bilan" query --db "$db" "PRAGMA integrity_check" | grep -q ok || fail "integrity_check"
"$bilan" query --db "$db" "PRAGMA table_info(claims)" | grep -q article_id || fail "table_info"
echo "query_readonly: ok"
