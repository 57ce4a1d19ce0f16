#!/bin/sh
# report_cli.sh BILAN DEMO_DIR — `bilan report` as users run it: the page
# written whole (or to stdout with -o -), --event, and the errors: no -o
# (2), an unknown event (2), a missing database (3, and no database
# created), an unwritable target (1, nothing left behind).
set -eu
bilan=$1
demo=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "report_cli.sh: $*" >&2; exit 1; }
expect() { # expect CODE CMD... — run, check the exit code
  want=$1
  shift
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  set -e
  [ "$got" = "$want" ] || fail "$*: exit $got, not $want ($(cat "$tmp/err"))"
}
db=$tmp/demo.db
"$bilan" ingest --quiet --db "$db" "$demo" >/dev/null

expect 0 "$bilan" report --db "$db" -o "$tmp/all.html"
grep -q '</html>' "$tmp/all.html" || fail "the page is not complete"
[ -z "$(ls "$tmp" | grep tmp-)" ] || fail "a temporary file was left: $(ls "$tmp")"
expect 0 "$bilan" report --db "$db" -o -
cmp -s "$tmp/out" "$tmp/all.html" || fail "-o - differs from the file"
events=$(grep -c '<section class="event"' "$tmp/all.html")
[ "$events" = "$("$bilan" query --db "$db" --format csv "SELECT count(DISTINCT event) FROM articles" | tail -1 | tr -d '\r')" ] ||
  fail "$events event sections"

# One event.
ev=$("$bilan" query --db "$db" --format csv "SELECT event FROM articles ORDER BY event LIMIT 1" | tail -1 | tr -d '\r')
expect 0 "$bilan" report --db "$db" --event "$ev" -o "$tmp/one.html"
[ "$(grep -c '<section class="event"' "$tmp/one.html")" = 1 ] || fail "--event $ev: not one section"
grep -q "data-event=\"$ev\"" "$tmp/one.html" || fail "--event $ev: not its section"

# Errors.
expect 2 "$bilan" report --db "$db"
grep -q "needs -o" "$tmp/err" || fail "no -o: $(cat "$tmp/err")"
expect 2 "$bilan" report --db "$db" --event no-such-event -o "$tmp/none.html"
grep -q "no event 'no-such-event'" "$tmp/err" || fail "unknown event: $(cat "$tmp/err")"
[ ! -e "$tmp/none.html" ] || fail "a page was written for an unknown event"
expect 2 "$bilan" report --db "$db" -o "$tmp/x.html" extra
expect 3 "$bilan" report --db "$tmp/missing.db" -o "$tmp/m.html"
[ ! -e "$tmp/missing.db" ] || fail "report created a database"
mkdir "$tmp/ro"
chmod a-w "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then # root writes anyway
  expect 1 "$bilan" report --db "$db" -o "$tmp/ro/r.html"
  grep -q "cannot write" "$tmp/err" || fail "unwritable: $(cat "$tmp/err")"
  [ -z "$(ls "$tmp/ro")" ] || fail "left in an unwritable directory: $(ls "$tmp/ro")"
fi
expect 1 "$bilan" report --db "$db" -o "$tmp/no-such-dir/r.html"
echo "report_cli.sh: pages, --event, -o - and the errors as documented"
