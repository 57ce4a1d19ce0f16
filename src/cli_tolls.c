/*
 * cli_tolls.c — `bilan tolls`: every figure of each toll key (event,
 * category, group) by date, outlet and source, in time order, with the
 * latest and the highest (SPEC §8; the `tolls` view of db/views.sql).
 */
#include "cli.h"

static const char tolls_usage[] =
    "usage: bilan tolls [--db PATH] [--event KEY] [--format table|csv|json]\n"
    "\n"
    "Print the figures of every toll (event, category, group) in time order:\n"
    "date, outlet, source, the figure as written and its interval, the latest and\n"
    "the highest headline figure of the toll.  Sub-counts and deltas are listed\n"
    "but never the latest or the highest.\n"
    "\n"
    "  --db PATH      the database (default $BILAN_DB, else ./bilan.db)\n"
    "  --event KEY    only this event\n"
    "  --format FMT   table (default), csv or json (one object a figure)\n"
    "\n"
    "Examples:\n"
    "  bilan tolls\n"
    "  bilan tolls --event tarsanie-2025-seisme\n"
    "  bilan tolls --format csv > tolls.csv\n";

static const char tolls_sql[] =
    "SELECT event, category, grp AS \"group\", event_date AS date, outlet, source, text, value,"
    " lo, hi, qualifier, status, latest, highest, article FROM tolls"
    " WHERE ?1 IS NULL OR event = ?1";

int cmd_tolls(int argc, char **argv) {
  static const cli_view view = {"tolls", tolls_usage, tolls_sql, NULL};
  cli_sink sink = {CLI_TABLE, NULL};
  return cli_view_command(argc, argv, &view, &sink, &sink);
}
