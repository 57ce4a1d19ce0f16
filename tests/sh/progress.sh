#!/bin/sh
# progress.sh BILAN DIR — the progress line of `bilan extract` and `bilan
# ingest`: drawn on stderr when it is a terminal (script(1) gives the run
# one), never when stderr is a file or a pipe, never with --quiet, never when
# extract's output goes to the same terminal; and the output is the same with
# or without it.
set -eu
bilan=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "progress.sh: $*" >&2; exit 1; }
command -v script >/dev/null || fail "script(1) (util-linux) is needed"
progress='bilan: [0-9][0-9 ]* article'

"$bilan" extract "$dir" >"$tmp/plain.jsonl" 2>"$tmp/plain.err" || fail "extract failed"
[ -s "$tmp/plain.jsonl" ] || fail "no claims from $dir"
[ ! -s "$tmp/plain.err" ] || fail "stderr not a terminal, yet: $(cat "$tmp/plain.err")"

# stderr on a terminal, stdout to a file: the line is drawn, then erased.
script -qec "'$bilan' extract '$dir' > '$tmp/tty.jsonl'" /dev/null >"$tmp/tty.log" </dev/null
grep -q "$progress" "$tmp/tty.log" || fail "no progress line on a terminal: $(cat -A "$tmp/tty.log")"
cmp -s "$tmp/plain.jsonl" "$tmp/tty.jsonl" || fail "output differs when progress is shown"
tail -c 1 "$tmp/tty.log" | od -c | grep -q '\\r' || fail "the progress line is not erased at the end"

# --quiet: nothing.
script -qec "'$bilan' extract --quiet '$dir' > '$tmp/q.jsonl'" /dev/null >"$tmp/q.log" </dev/null
! grep -q "$progress" "$tmp/q.log" || fail "--quiet still shows progress"

# Output on the same terminal: no line to tear it.
script -qec "'$bilan' extract '$dir'" /dev/null >"$tmp/both.log" </dev/null
! grep -q "$progress" "$tmp/both.log" || fail "progress drawn over output on the terminal"
grep -q '"qualifier"' "$tmp/both.log" || fail "no output on the terminal"
# ingest: the line while articles are stored, then the summary alone.
script -qec "'$bilan' ingest --db '$tmp/a.db' '$dir'" /dev/null >"$tmp/ingest.log" </dev/null
grep -q "$progress" "$tmp/ingest.log" || fail "ingest: no progress line on a terminal"
# The summary starts right after the erased line.
tr '\r' '\n' <"$tmp/ingest.log" | grep -q "^bilan ingest: [0-9]* articles read, [0-9]* stored" ||
  fail "ingest: no summary after the progress line: $(cat -A "$tmp/ingest.log")"
"$bilan" ingest --db "$tmp/b.db" "$dir" >"$tmp/b.out" 2>"$tmp/b.err"
[ ! -s "$tmp/b.err" ] || fail "ingest, stderr not a terminal, yet: $(cat "$tmp/b.err")"
script -qec "'$bilan' ingest --quiet --db '$tmp/c.db' '$dir'" /dev/null >"$tmp/c.log" </dev/null
! grep -q "$progress" "$tmp/c.log" || fail "ingest --quiet still shows progress"
echo "progress.sh: shown on a terminal only, erased, output unchanged"
