/*
 * cli_query.c — `bilan query SQL`: one read-only statement over the
 * database, printed as a table, CSV or JSON Lines (SPEC §2).  The store
 * opens the database read-only and refuses, with a message saying what,
 * anything that would write (store_query.c).
 */
#include "cli.h"
#include "store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char query_usage[] =
    "usage: bilan query [--db PATH] [--format table|csv|json] SQL\n"
    "\n"
    "Run one read-only SQL statement over the database and print its rows.\n"
    "Statements that write (INSERT, UPDATE, DELETE, DDL, ATTACH, PRAGMA with a\n"
    "value, load_extension) are refused.  SQL '-' reads the statement from\n"
    "standard input.  Tables and views: docs/database.md.\n"
    "\n"
    "  --db PATH      the database (default $BILAN_DB, else ./bilan.db)\n"
    "  --format FMT   table (default), csv (RFC 4180) or json (one object a row)\n"
    "\n"
    "Examples:\n"
    "  bilan query \"SELECT outlet, count(*) FROM articles GROUP BY outlet\"\n"
    "  bilan query --format csv \"SELECT * FROM tolls WHERE category = 'killed'\"\n";

int cmd_query(int argc, char **argv) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"format", required_argument, NULL, 'f'},
                                           {"grammars", required_argument, NULL, 'g'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  const char *db = NULL;
  cli_sink p = {CLI_TABLE, NULL};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'd': db = optarg; break;
    case 'f':
      if (cli_format_parse(optarg, &p.fmt)) {
        cli_error("unknown format '%s' (table, csv or json)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'g': cli_grammar_dir = optarg; break;
    case 'h': fputs(query_usage, stdout); return EXIT_OK;
    default: fputs(query_usage, stderr); return EXIT_USAGE;
    }
  }
  if (argc - optind != 1) {
    cli_error("query takes one SQL statement (quote it)");
    fputs(query_usage, stderr);
    return EXIT_USAGE;
  }
  char *sql = argv[optind], *owned = NULL;
  if (!strcmp(sql, "-")) {
    size_t len;
    if (cli_read_all("-", &owned, &len) != 0) {
      cli_error("cannot read the statement from standard input");
      return EXIT_USAGE;
    }
    sql = owned;
  }
  const char *path = cli_db_path(db);
  /* Create or migrate first (a new database has the schema), then read
   * through a read-only connection. */
  bl_store_free(cli_db_open(path, false));
  bl_store *s = cli_db_open(path, true);
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_query_run(s, sql, cli_sink_row, &p, &err);
  cli_table_end(p.t);
  bl_store_free(s);
  free(owned);
  if (rc == BL_OK) return EXIT_OK;
  cli_error("query: %s", err.msg);
  if (rc == BL_NOMEM) return EXIT_INTERNAL;
  return rc == BL_DB ? EXIT_DB : EXIT_USAGE;
}
