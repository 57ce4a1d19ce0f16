#!/bin/sh
# help.sh BILAN MANPAGE — every command of `bilan --help` has its own --help
# (exit 0, a usage line, an Examples section with at least one `bilan`
# line); `bilan --version` names the grammar; the man page documents every
# command and every option the commands' --help list.
set -eu
bilan=$1
man=$2
fail() { echo "help.sh: $*" >&2; exit 1; }

top=$("$bilan" --help) || fail "bilan --help exited $?"
# The command list: indented lowercase words under "Commands:".
cmds=$(printf '%s\n' "$top" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$cmds" ] || fail "no command listed by bilan --help"
n=0
for c in $cmds; do
  n=$((n + 1))
  out=$("$bilan" "$c" --help) || fail "bilan $c --help exited $?"
  printf '%s\n' "$out" | grep -q "^usage: bilan $c" || fail "bilan $c --help: no usage line"
  printf '%s\n' "$out" | grep -q '^Examples:$' || fail "bilan $c --help: no Examples section"
  printf '%s\n' "$out" | sed -n '/^Examples:$/,$p' | grep -q "^  bilan $c" ||
    fail "bilan $c --help: no example runs bilan $c"
  # The man page names the command and every long option it lists.
  grep -q "^\.B bilan $c\$" "$man" || fail "$man: no synopsis for bilan $c"
  grep -q "^\.B $c\$" "$man" || fail "$man: command $c not described"
  for opt in $(printf '%s\n' "$out" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$man" ||
      fail "$man: option $opt of bilan $c not documented"
  done
done
[ "$n" -ge 6 ] || fail "only $n commands listed"

ver=$("$bilan" --version) || fail "bilan --version exited $?"
printf '%s\n' "$ver" | grep -Eq '^bilan [0-9]+\.[0-9]+\.[0-9]+ \(grammar [^)]+\)$' ||
  fail "bilan --version: '$ver' does not name the grammar"

# Unknown commands and options are usage errors (2) with a message.
set +e
"$bilan" no-such-command 2>/dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown command: exit $rc, not 2"
for c in $cmds; do
  "$bilan" "$c" --no-such-option >/dev/null 2>&1; rc=$?
  [ $rc -eq 2 ] || fail "bilan $c --no-such-option: exit $rc, not 2"
done
echo "help.sh: $n commands, their --help and the man page agree"
