#!/bin/sh
# formats.sh BILAN — the result printer of tolls, conflicts and query
# (src/cli_table.c): tables aligned by display width (accents, combining
# marks, wide characters), numbers right-aligned; CSV as RFC 4180 (CRLF,
# quotes doubled, fields with a comma, quote or line break quoted); JSON
# Lines valid, keys in column order, numbers as numbers; on a terminal, text
# columns narrowed to its width.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "formats.sh: $*" >&2; exit 1; }
db=$tmp/f.db
"$bilan" tolls --db "$db" >/dev/null # creates the database
q() { "$bilan" query --db "$db" "$@"; }

# Table: "Sorvène" is 7 columns, "東京" 4 (two wide characters), "Cinéi"
# with a combining accent 5.
q "SELECT 'Sorvène' AS lieu, 12 AS morts, 'x' AS note
   UNION ALL SELECT '東京', 3, 'wide'
   UNION ALL SELECT 'Cine' || char(769) || 'i', 1250, NULL" >"$tmp/table.txt"
printf '%s\n' 'lieu     morts  note' '-------  -----  ----' 'Sorvène     12  x' \
  '東京         3  wide' "$(printf 'Cine\314\201i')     1250" >"$tmp/table.want"
cmp -s "$tmp/table.txt" "$tmp/table.want" ||
  fail "table misaligned:$(diff "$tmp/table.want" "$tmp/table.txt")"

# CSV, RFC 4180.
q --format csv "SELECT 'a,b' AS x, 'dit \"non\"' AS y, 'l1' || char(10) || 'l2' AS z,
                NULL AS w, 3.0 AS n, 'plain' AS p" >"$tmp/out.csv"
printf 'x,y,z,w,n,p\r\n"a,b","dit ""non""","l1\nl2",,3,plain\r\n' >"$tmp/want.csv"
cmp -s "$tmp/out.csv" "$tmp/want.csv" || fail "CSV: $(od -c "$tmp/out.csv")"

# JSON Lines: valid, keys in column order, numbers and null as such.
q --format json "SELECT 'é' AS b, 1 AS a, NULL AS c, 2.5 AS d, '\"q\"' AS e
                 UNION ALL SELECT 'x', 2, 'y', 0.1, char(9)" >"$tmp/out.jsonl"
printf '%s\n' '{"b":"é","a":1,"c":null,"d":2.5,"e":"\"q\""}' \
  '{"b":"x","a":2,"c":"y","d":0.1,"e":"\t"}' >"$tmp/want.jsonl"
cmp -s "$tmp/out.jsonl" "$tmp/want.jsonl" || fail "JSON: $(cat "$tmp/out.jsonl")"
while IFS= read -r line; do
  [ "$(sqlite3 :memory: "SELECT json_valid('$(printf '%s' "$line" | sed "s/'/''/g")')")" = 1 ] ||
    fail "invalid JSON: $line"
done <"$tmp/out.jsonl"

# On a 50-column terminal the text columns are narrowed, numbers kept.
if command -v script >/dev/null; then
  script -qec "stty cols 50; '$bilan' query --db '$db' \"SELECT 'a very long text that will not fit in fifty columns' AS t, 12345 AS n, 'another rather long text' AS u\"" \
    /dev/null </dev/null | tr -d '\r' >"$tmp/tty.txt"
  printf '%s\n' 't                     n      u' \
    '--------------------  -----  ---------------------' \
    'a very long text th…  12345  another rather long …' >"$tmp/tty.want"
  cmp -s "$tmp/tty.txt" "$tmp/tty.want" || fail "terminal fit:$(diff "$tmp/tty.want" "$tmp/tty.txt")"
fi
echo "formats.sh: table, CSV, JSON and terminal width as documented"
