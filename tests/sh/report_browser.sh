#!/bin/sh
# report_browser.sh BILAN REPORT_DOM DEMO_DIR WORK_DIR — the demo report in a
# real browser: ingest fixtures/demo into WORK_DIR/demo.db, write
# WORK_DIR/demo-report.html, load it in headless Chromium, save a screenshot
# (WORK_DIR/demo-report.png) and the DOM the browser built, then check with
# REPORT_DOM that every event, chart and conflict of the database is on the
# page.  Exits 77 (skipped) when Chromium is not installed (`make test`
# installs it: scripts/deps.sh browser).
set -eu
bilan=$1
check=$2
demo=$3
work=$4
fail() { echo "report_browser.sh: $*" >&2; exit 1; }

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "report_browser.sh: chromium is not installed (scripts/deps.sh browser): skipped"
  exit 77
fi

mkdir -p "$work"
db=$work/demo.db
page=$work/demo-report.html
rm -f "$db" "$db-wal" "$db-shm" "$page" "$work/demo-report.png" "$work/demo-report.dom.html"
"$bilan" ingest --quiet --db "$db" "$demo" >"$work/ingest.log" 2>&1 ||
  fail "ingest failed: $(cat "$work/ingest.log")"
"$bilan" report --db "$db" -o "$page" || fail "report failed"

# What the database holds.
q() { "$bilan" query --db "$db" --format json "$1"; }
q "SELECT DISTINCT event FROM articles" >"$work/events.jsonl"
# A toll has a chart when it has a figure the chart can draw: a headline
# count (as in the `tolls` view) with a date and a bound (docs/report.md).
q "SELECT DISTINCT c.event, c.category, c.grp,
          CASE WHEN k.same_unit = 1 THEN c.unit_key END AS unit
   FROM claims c JOIN categories k ON k.name = c.category
   WHERE k.compared = 1 AND c.parent_id IS NULL AND c.of_start IS NULL
     AND c.negated = 0 AND c.cumulative IS NOT 0 AND c.unit_kind = 'count'
     AND c.event_day IS NOT NULL AND (c.lo IS NOT NULL OR c.hi IS NOT NULL)" >"$work/charts.jsonl"
q "SELECT kind, a_claim AS a, b_claim AS b FROM conflicts" >"$work/conflicts.jsonl"

# The browser: no network, no profile of the user, a fixed window.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
run() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" "file://$(cd "$work" && pwd)/demo-report.html"
}
run --screenshot="$work/demo-report.png" --window-size=1400,3000 >"$work/browser.log" 2>&1 ||
  fail "$browser --screenshot failed: $(tail -5 "$work/browser.log")"
run --dump-dom >"$work/demo-report.dom.html" 2>>"$work/browser.log" ||
  fail "$browser --dump-dom failed: $(tail -5 "$work/browser.log")"
[ -s "$work/demo-report.dom.html" ] || fail "the browser dumped no DOM"

"$check" "$work/demo-report.dom.html" "$work/events.jsonl" "$work/charts.jsonl" \
  "$work/conflicts.jsonl" "$work/demo-report.png"
