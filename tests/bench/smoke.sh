#!/bin/sh
# smoke.sh BUILD_DIR — the `make bench` tools on a small corpus: the
# generator keeps article bodies and fixture snippets (not headers, JSON
# expectations or prose), is deterministic, redraws digits and reaches the
# size asked; the harness prints every row of its table.  No timing is
# checked.
set -eu
build=$1
gen="$build/bilan-gencorpus"
bench="$build/bilan-bench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tmp/src/sub"
cat > "$tmp/src/a.txt" <<'EOF'
title: Crue: le bilan s'alourdit
outlet: Le Courrier
date: 2024-10-15

Le bilan s'élève à 12 morts et 345 blessés, selon la préfecture.

Plus de 1 200 personnes ont été évacuées en 2023.
EOF
cat > "$tmp/src/sub/cases.md" <<'EOF'
# Hedges

Prose about the file, not a snippet.

## num-001
Environ 40 manifestants ont été interpellés.
.
{"text":"Environ 40","value":40}

## num-002
```
Des dizaines de milliers de personnes.
```
```json
{"qualifier":"vague"}
```
EOF
printf '\357\273\277title: Avec BOM\n\nUn bilan de 77 morts.\n' > "$tmp/src/bom.txt"
printf 'bad \377 byte 12 morts\n' > "$tmp/src/bad.txt"
printf 'ignored 99 morts\n' > "$tmp/src/notes.csv"

"$gen" --size 0.05 --out "$tmp/c1.txt" "$tmp/src" 2> "$tmp/gen.err" || fail "generator failed"
"$gen" --size 0.05 --out "$tmp/c2.txt" "$tmp/src" 2> /dev/null || fail "generator failed"
cmp -s "$tmp/c1.txt" "$tmp/c2.txt" || fail "two runs with the same seed differ"
"$gen" --seed 7 --size 0.05 --out "$tmp/c3.txt" "$tmp/src" 2> /dev/null
cmp -s "$tmp/c1.txt" "$tmp/c3.txt" && fail "another seed gives the same corpus"
size=$(wc -c < "$tmp/c1.txt")
[ "$size" -ge 50000 ] || fail "corpus is $size bytes, asked for 50000"
grep -q "^Le bilan s'élève à 1[0-9] morts et 3[0-9][0-9] blessés" "$tmp/c1.txt" || fail "article body missing"
grep -q "^Environ 4[0-9] manifestants" "$tmp/c1.txt" || fail "snippet before '.' missing"
grep -q "^Des dizaines de milliers" "$tmp/c1.txt" || fail "fenced snippet missing"
grep -q "^Un bilan de 7[0-9] morts" "$tmp/c1.txt" || fail "body after a BOM and header missing"
grep -q "en 20[0-9][0-9]\." "$tmp/c1.txt" || fail "a year lost its century"
grep -q -e "^title:" -e "^outlet:" -e '^{' -e "Prose about" -e "^#" -e "ignored" -e "bad" -e "BOM" \
  "$tmp/c1.txt" && fail "header, expectation, prose or other file leaked into the corpus"
grep -q "1 skipped" "$tmp/gen.err" || fail "invalid UTF-8 paragraph not reported as skipped"
[ "$(grep -c "morts et" "$tmp/c1.txt")" -gt 10 ] || fail "paragraphs are not drawn repeatedly"
[ "$(grep -o "à [0-9]* morts" "$tmp/c1.txt" | sort -u | wc -l)" -gt 3 ] ||
  fail "digits are not redrawn"

if "$gen" --size 1 --out "$tmp/c4.txt" "$tmp/src/notes.csv" 2> /dev/null; then
  fail "no usable text should fail"
fi
if "$gen" --size 1 "$tmp/src" 2> /dev/null; then fail "missing --out should fail"; fi

"$bench" --reps 1 --bilan "$build/bilan" "$tmp/c1.txt" "$tmp/c2.txt" > "$tmp/table" ||
  fail "bench failed: $(cat "$tmp/table")"
for row in "memchr" "pcre2-jit" "bilan numbers"; do
  grep -q "^$row" "$tmp/table" || fail "row '$row' missing"
done
[ "$(grep -c "^bilan numbers .* MB " "$tmp/table")" -eq 2 ] || fail "peak RSS missing"
if "$bench" --reps 1 --bilan /nonexistent "$tmp/c1.txt" > /dev/null 2>&1; then
  fail "a failing command row should fail the bench"
fi
echo "ok"
