#!/bin/sh
# fuzz.sh BUILD SECONDS [TARGET...] — run each libFuzzer target of
# tests/fuzz/ (built in BUILD with -DBILAN_FUZZ=ON, see `make fuzz`) for
# SECONDS, under ASan and UBSan, with the French dictionary tests/fuzz/fr.dict.
#
# Seeds: every fixture case (run_fixtures --seeds), fixtures/inputs and the
# kept crash inputs of tests/fuzz/regress/TARGET.  The corpus grows in
# BUILD/fuzz/corpus/TARGET from one run to the next.  A crash stops that
# target: its input is left in BUILD/fuzz/crashes/TARGET/; once fixed, copy it
# to tests/fuzz/regress/TARGET/ so that ctest replays it in every build.
set -eu
build=$1
secs=$2
shift 2
targets=${*:-numbers extract txt jsonl html}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$build/fuzz
mkdir -p "$work"

# The fixture cases, as they are (.txt bodies) and with a first byte of
# options (0: none, 1: BL_REPAIR) for the targets that read one.
rm -rf "$work/seeds"
mkdir -p "$work/seeds/raw" "$work/seeds/opts"
"$build/tests/run_fixtures" --seeds "$work/seeds/raw" "$root/fixtures" >/dev/null
for f in "$work/seeds/raw"/*; do
  printf '\000' | cat - "$f" >"$work/seeds/opts/$(basename "$f")"
done

status=0
for t in $targets; do
  seeds="$work/seeds/$t"
  mkdir -p "$seeds" "$work/corpus/$t" "$work/crashes/$t"
  case $t in
    numbers | extract) cp "$work/seeds/opts"/* "$seeds/" ;;
    txt) cp "$root"/fixtures/inputs/*.txt "$work/seeds/raw"/* "$seeds/" ;;
    jsonl) cp "$root"/fixtures/inputs/*.jsonl "$seeds/" ;;
    html) cp "$root"/fixtures/inputs/*.html "$seeds/" ;;
    *) echo "fuzz.sh: unknown target '$t'" >&2; exit 2 ;;
  esac
  if [ -d "$root/tests/fuzz/regress/$t" ]; then cp "$root/tests/fuzz/regress/$t"/* "$seeds/"; fi
  echo "fuzz_$t: ${secs}s"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -max_len=16384 \
      -dict="$root/tests/fuzz/fr.dict" -artifact_prefix="$work/crashes/$t/" \
      -print_final_stats=1 "$work/corpus/$t" "$seeds" >"$work/$t.log" 2>&1; then
    tail -n 60 "$work/$t.log"
    echo "fuzz_$t: FAILED; input in $work/crashes/$t/ (log: $work/$t.log)" >&2
    echo "  replay it: build/tests/fuzz/fuzz_$t FILE (any build); once fixed, keep it in" >&2
    echo "  tests/fuzz/regress/$t/" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$work/$t.log" | tr '\n' ' '
    echo
  fi
done
exit $status
