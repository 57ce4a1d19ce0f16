#!/bin/sh
# sqlext.sh EXT — the loadable extension in the plain sqlite3 shell:
# bilan_number() returns the quantities as JSON, bilan_claims() the claims
# as rows; bad calls fail with a message instead of crashing.
set -eu
ext=${1%.so}
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 -batch :memory: ".load $ext" "$@"; }

got=$(q "SELECT json_array_length(bilan_number('Plus de 3 211 personnes ont été arrêtées, environ 40 blessés.'))")
[ "$got" = 2 ] || fail "bilan_number count: $got"
got=$(q "SELECT json_extract(bilan_number('Plus de 3 211 personnes'), '\$[0].qualifier'),
                json_extract(bilan_number('Plus de 3 211 personnes'), '\$[0].lo'),
                json_extract(bilan_number('Plus de 3 211 personnes'), '\$[0].hi')")
[ "$got" = "more_than|3211|" ] || fail "bilan_number fields: $got"
got=$(q "SELECT json_extract(bilan_number('des centaines de blessés'), '\$[0].lo') || '-' ||
                json_extract(bilan_number('des centaines de blessés'), '\$[0].hi')")
[ "$got" = "200-999" ] || fail "vague: $got"
got=$(q "SELECT bilan_number(NULL) IS NULL, bilan_number('rien ici')")
[ "$got" = "1|[]" ] || fail "null and empty: $got"

# Claims as rows, usable in any SQL.
got=$(q "SELECT count(*), sum(category = 'killed') FROM bilan_claims('Selon la police, 12 personnes ont été tuées et 30 blessées.')")
[ "$got" = "2|1" ] || fail "bilan_claims: $got"
got=$(q "SELECT text, value, qualifier FROM bilan_claims('Au moins 12 personnes ont été tuées.')")
case "$got" in "Au moins 12|12.0|at_least") ;; *) fail "bilan_claims row: $got" ;; esac
got=$(q "WITH t(x) AS (VALUES ('12 morts.'), ('Plus de 40 blessés.'))
         SELECT count(*) FROM t, bilan_claims(t.x)")
[ "$got" = 2 ] || fail "lateral: $got"

# Errors are SQL errors, not crashes.
if q "SELECT * FROM bilan_claims" 2>/dev/null; then fail "bilan_claims without text accepted"; fi
if q "SELECT bilan_number(CAST(x'41ff42' AS TEXT))" 2>/dev/null; then fail "bad UTF-8 accepted"; fi
echo "sqlext: ok"
