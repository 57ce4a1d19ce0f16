#!/bin/sh
# progress.sh BILAN DIR — the progress line of `bilan extract`: drawn on
# stderr when it is a terminal (script(1) gives the run one), never when
# stderr is a file or a pipe, never with --quiet, never when the output goes
# to the same terminal; and the output is the same with or without it.
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
echo "progress.sh: shown on a terminal only, erased, output unchanged"
