#!/bin/sh
# bad_inputs.sh BILAN — `bilan extract` and `bilan ingest` on a directory
# where most inputs are broken (invalid UTF-8, NUL bytes, a broken JSON line
# in the middle of good ones, nesting past the limit, a file over the size
# limit, binary junk, a missing path): each bad input is named on stderr
# with where and what, the exit status is 1, and every good article is
# fully processed; with --repair the repairable ones are accepted, with a
# warning.
set -eu
bilan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
d=$tmp/in
mkdir "$d"
printf 'title: bon\n\nAu moins 12 morts à Lormont, selon la préfecture.\n' >"$d/good.txt"
printf '<html><body><article><p>Au moins 18 morts, selon la police.</p></article></body></html>' \
  >"$d/good.html"
printf 'Au moins 13 morts, selon la police.\n\377\376 fin\n' >"$d/badutf8.txt"
printf 'Au moins 14 morts\000 selon la police.\n' >"$d/nul.txt"
{
  printf '{"text": "Au moins 15 morts, selon la police.", "url": "https://ex.example/1"}\n'
  printf '{"text": "Au moins 99 morts, sel\n'
  printf '[1, 2, 3]\n'
  printf '{"text": "Au moins 16 morts, selon la police.", "url": "https://ex.example/4"}\n'
} >"$d/mixed.jsonl"
i=0
{
  printf '<html><body><article>'
  while [ $i -lt 300 ]; do printf '<div>'; i=$((i + 1)); done
  printf '<p>Au moins 17 morts.</p></article></body></html>'
} >"$d/deep.html"
# binary junk: every byte value, again and again
i=0
while [ $i -lt 16 ]; do
  j=0
  while [ $j -lt 256 ]; do printf "\\$(printf %o $j)"; j=$((j + 1)); done
  i=$((i + 1))
done >"$d/junk.html"
# 64 MiB and one byte: refused before anything is read into memory.
dd if=/dev/zero of="$d/huge.txt" bs=1 count=1 seek=$((64 * 1024 * 1024)) 2>/dev/null

st=0
"$bilan" extract "$d" "$tmp/missing.txt" >"$tmp/claims" 2>"$tmp/err" || st=$?
[ $st = 1 ] || fail "extract: exit $st"
for want in "badutf8.txt:.*invalid UTF-8 at byte 36" "nul.txt:.*NUL byte at byte 17" \
  "mixed.jsonl:2: invalid JSON" "mixed.jsonl:3: .*object" "deep.html: .*nested deeper than 256" \
  "huge.txt: .*64 MiB" "missing.txt: No such file"; do
  grep -q "$want" "$tmp/err" || fail "extract: no '$want' in: $(cat "$tmp/err")"
done
for fig in 12 15 16 18; do
  grep -q "\"text\":\"Au moins $fig\"" "$tmp/claims" || fail "extract lost the claim $fig"
done
grep -q '"Au moins 99"' "$tmp/claims" && fail "extract read the broken line"

# The same through ingest: the good articles are stored, whole; with one
# thread (the main thread decodes JSON lines) and with workers (they do).
for j in 1 2; do
  rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm"
  st=0
  "$bilan" ingest --db "$tmp/t.db" -j $j -q "$d" >"$tmp/out" 2>"$tmp/err" || st=$?
  [ $st = 1 ] || fail "ingest -j $j: exit $st: $(cat "$tmp/out" "$tmp/err")"
  for want in "badutf8.txt" "nul.txt" "mixed.jsonl:2: invalid JSON" "mixed.jsonl:3: .*object" \
    "deep.html" "huge.txt"; do
    grep -q "$want" "$tmp/err" || fail "ingest -j $j: no '$want' in: $(cat "$tmp/err")"
  done
  got=$("$bilan" query --db "$tmp/t.db" --format csv \
    "SELECT group_concat(text, ' ') AS t FROM (SELECT text FROM claims ORDER BY value)")
  [ "$got" = "$(printf 't\r\nAu moins 12 Au moins 15 Au moins 16 Au moins 18\r')" ] ||
    fail "ingest -j $j stored: $got"
  grep -q "rejected" "$tmp/out" || fail "ingest -j $j: no summary: $(cat "$tmp/out")"
done

# --repair: invalid UTF-8 and NUL become U+FFFD, with a warning.
st=0
"$bilan" extract --repair "$d/badutf8.txt" "$d/nul.txt" >"$tmp/claims" 2>"$tmp/err" || st=$?
[ $st = 0 ] || fail "extract --repair: exit $st: $(cat "$tmp/err")"
grep -q "warning: replaced" "$tmp/err" || fail "--repair: no warning"
grep -q '"Au moins 13"' "$tmp/claims" && grep -q '"Au moins 14"' "$tmp/claims" ||
  fail "--repair: $(cat "$tmp/claims")"
echo "bad_inputs: ok"
