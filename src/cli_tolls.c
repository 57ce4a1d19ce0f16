/*
 * cli_tolls.c — `bilan tolls`: every figure of each toll key (event,
 * category, group) by date, outlet and source, in time order, with the
 * latest and the highest (SPEC §8; the `tolls` view of db/views.sql).
 */
#include "cli.h"
#include "store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

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

typedef struct printer {
  cli_format fmt;
  cli_table *t;
} printer;

static int print_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
                     const int *types) {
  printer *p = ctx;
  if (!p->t) p->t = cli_table_new(p->fmt, ncols, names);
  cli_table_row(p->t, vals, types);
  return 0;
}

int cmd_tolls(int argc, char **argv) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"event", required_argument, NULL, 'e'},
                                           {"format", required_argument, NULL, 'f'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  const char *db = NULL, *event = NULL;
  printer p = {CLI_TABLE, NULL};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'd': db = optarg; break;
    case 'e': event = optarg; break;
    case 'f':
      if (cli_format_parse(optarg, &p.fmt)) {
        cli_error("unknown format '%s' (table, csv or json)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'h': fputs(tolls_usage, stdout); return EXIT_OK;
    default: fputs(tolls_usage, stderr); return EXIT_USAGE;
    }
  }
  if (optind != argc) {
    cli_error("tolls takes no argument '%s'", argv[optind]);
    return EXIT_USAGE;
  }
  bl_store *s = cli_db_open(cli_db_path(db), false);
  bl_error err;
  memset(&err, 0, sizeof err);
  const char *args[] = {event};
  int rc = bl_query_run_args(s, tolls_sql, args, 1, print_row, &p, &err);
  cli_table_end(p.t);
  bl_store_free(s);
  if (rc == BL_OK) return EXIT_OK;
  cli_error("tolls: %s", err.msg);
  return rc == BL_NOMEM ? EXIT_INTERNAL : EXIT_DB;
}
