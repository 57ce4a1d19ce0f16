#!/bin/sh
# run_fixtures_selftest.sh RUNNER — the fixture runner itself: a wrong
# expectation fails with a readable diff, a malformed file is an error with
# FILE:LINE, --update rewrites expectations and keeps the prose, --seeds
# writes the snippets.
set -u
runner=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bilan-fixtures-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# A fixture file with a wrong qualifier, a right case and a fenced block.
cat >"$tmp/cases.md" <<'EOF'
<!-- fixtures: numbers -->
# Self-test

Prose before the first case is kept.

## t-001
Plus de 3 211 personnes.
.
{"text": "Plus de 3 211", "qualifier": "exact"}

## t-002
```
Trois morts
et 12 blessés.
```
{"text": "Trois", "value": 3}
{"text": "12", "value": 12}

# A section

Its prose too.

## t-003
Aucun chiffre ici.
.
[]
EOF
out=$("$runner" "$tmp/cases.md")
rc=$?
[ $rc -eq 1 ] || fail "a wrong expectation should exit 1, got $rc"
echo "$out" | grep -q "^FAIL t-001 (.*cases.md:6)" || fail "no FAIL line with file:line: $out"
echo "$out" | grep -q 'qualifier: expected "exact", got "more_than"' || fail "no field diff: $out"
echo "$out" | grep -q "FAIL t-002" && fail "t-002 should pass: $out"
echo "$out" | grep -q "3 cases in 1 files, 3 run, 1 failed" || fail "bad summary: $out"

# Only one case.
"$runner" --case t-002 "$tmp/cases.md" >/dev/null || fail "--case t-002 should pass"

# --update rewrites t-001 with the fields it named, and keeps the rest.
cp "$tmp/cases.md" "$tmp/before.md"
"$runner" --update "$tmp/cases.md" >/dev/null || fail "--update should exit 0"
"$runner" "$tmp/cases.md" >/dev/null || fail "after --update every case should pass"
grep -q '^{"text": "Plus de 3 211", "qualifier": "more_than"}$' "$tmp/cases.md" ||
  fail "--update did not rewrite t-001: $(cat "$tmp/cases.md")"
for line in "Prose before the first case is kept." "Its prose too." '{"text": "12", "value": 12}' "[]"; do
  grep -qxF "$line" "$tmp/cases.md" || fail "--update lost the line: $line"
done
[ "$(wc -l <"$tmp/cases.md")" -eq "$(wc -l <"$tmp/before.md")" ] || fail "--update changed the line count"

# --seeds writes each snippet as ID.txt.
mkdir "$tmp/seeds"
"$runner" --seeds "$tmp/seeds" "$tmp/cases.md" >/dev/null || fail "--seeds should exit 0"
[ "$(cat "$tmp/seeds/t-002.txt")" = "$(printf 'Trois morts\net 12 blessés.')" ] || fail "bad seed t-002"
[ -f "$tmp/seeds/t-001.txt" ] && [ -f "$tmp/seeds/t-003.txt" ] || fail "missing seeds"

# Malformed files: exit 2 and FILE:LINE.
check_bad() { # name, content, expected message
  printf '%s\n' "$2" >"$tmp/$1.md"
  err=$("$runner" "$tmp/$1.md" 2>&1 >/dev/null)
  rc=$?
  [ $rc -eq 2 ] || fail "$1: exit $rc, want 2"
  echo "$err" | grep -q "$1.md:[0-9]*: .*$3" || fail "$1: unexpected message: $err"
}
check_bad no-dot "$(printf '<!-- fixtures: numbers -->\n## a-1\nTrois morts.\n{"text": "Trois"}')" 'does not end'
check_bad no-mode "$(printf '## a-1\nTrois.\n.\n[]')" 'no mode'
check_bad bad-json "$(printf '<!-- fixtures: numbers -->\n## a-1\nTrois.\n.\n{"text": }')" 'bad JSON'
check_bad bad-field "$(printf '<!-- fixtures: numbers -->\n## a-1\nTrois.\n.\n{"txt": "Trois"}')" 'not one of'
check_bad stray "$(printf '<!-- fixtures: numbers -->\n## a-1\nTrois.\n.\nTrois est un nombre.')" 'expected a JSON object'
check_bad dup-id "$(printf '<!-- fixtures: numbers -->\n## a-1\nTrois.\n.\n[]\n## a-1\nDeux.\n.\n[]')" 'duplicate case ID'
check_bad bad-mode "$(printf '<!-- fixtures: weather -->\n## a-1\nTrois.\n.\n[]')" 'unknown fixture mode'

exit $status
