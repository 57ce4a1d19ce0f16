#!/bin/sh
# demo.sh BUILD_DIR — what `make demo` runs after the build: the demo corpus
# (fixtures/demo/) into ./bilan.db, its tolls and conflicts, report.html, and
# what to try next.
set -eu
cd "$(dirname "$0")/.."
bilan=${1:-build}/bilan
if [ -t 1 ]; then
  title() { printf '\n\033[1m== %s\033[0m\n\n' "$1"; }
else
  title() { printf '\n== %s\n\n' "$1"; }
fi

rm -f bilan.db bilan.db-wal bilan.db-shm
title "bilan ingest fixtures/demo   (25 articles on three events, and the seed)"
"$bilan" ingest fixtures/demo
title "bilan tolls   (every figure of every toll, by date, outlet and source)"
"$bilan" tolls
title "bilan conflicts   (figures that cannot both be true; revisions down)"
"$bilan" conflicts
title "bilan report -o report.html"
"$bilan" report -o report.html
echo "Wrote report.html: a chart per toll, the conflicts, every figure with its sentence."

title "What next"
cat <<MSG
  Open report.html in a browser (it works offline: one file, no script).

  Try:
    $bilan tolls --event castelnoir-2025-acierie
    $bilan conflicts --format json --event tarsanie-2025-seisme
    $bilan query "SELECT source, count(*) AS figures FROM claims GROUP BY source_key ORDER BY 2 DESC LIMIT 10"
    $bilan extract fixtures/demo/morvaze-naufrage/03-presse-monde.txt
    $bilan ingest your-articles/          (then tolls, conflicts, report again)

  Help: $bilan --help, $bilan COMMAND --help, man -l docs/bilan.1
  SQL:  docs/database.md (tables, views, example queries); docs/conflicts.md
  Tests: make test
MSG
