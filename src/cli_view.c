/*
 * cli_view.c — what `bilan tolls` and `bilan conflicts` share: the options
 * --db, --event and --format, and printing a view's rows for one event or
 * all; also the plain row printer that `bilan query` uses.
 */
#include "cli.h"
#include "store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

int cli_sink_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
                 const int *types) {
  cli_sink *k = ctx;
  if (!k->t) k->t = cli_table_new(k->fmt, ncols, names);
  cli_table_row(k->t, vals, types);
  return 0;
}

int cli_view_command(int argc, char **argv, const cli_view *v, cli_sink *sink, void *ctx) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"event", required_argument, NULL, 'e'},
                                           {"format", required_argument, NULL, 'f'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  const char *db = NULL, *event = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'd': db = optarg; break;
    case 'e': event = optarg; break;
    case 'f':
      if (cli_format_parse(optarg, &sink->fmt)) {
        cli_error("unknown format '%s' (table, csv or json)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'h': fputs(v->usage, stdout); return EXIT_OK;
    default: fputs(v->usage, stderr); return EXIT_USAGE;
    }
  }
  if (optind != argc) {
    cli_error("%s takes no argument '%s'", v->name, argv[optind]);
    return EXIT_USAGE;
  }
  bl_store *s = cli_db_open(cli_db_path(db), false);
  bl_error err;
  memset(&err, 0, sizeof err);
  const char *args[] = {event};
  int rc = bl_query_run_args(s, v->sql, args, 1, v->row ? v->row : cli_sink_row, ctx, &err);
  cli_table_end(sink->t);
  cli_out_flush();
  bl_store_free(s);
  if (rc == BL_OK) return EXIT_OK;
  cli_error("%s: %s", v->name, err.msg);
  return rc == BL_NOMEM ? EXIT_INTERNAL : EXIT_DB;
}
