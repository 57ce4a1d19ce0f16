/*
 * cli_conflicts.c — `bilan conflicts`: the disagreements the `conflicts`
 * view finds (SPEC §8): figures of one toll from independent sources at
 * about the same time that cannot both be true, and figures a source later
 * revised down.  JSON objects follow SPEC §8 exactly: kind, event, category,
 * group, and a, b with article, outlet, date, text, value, lo, hi,
 * qualifier, source.
 */
#include "cli.h"
#include "json.h"
#include "store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char conflicts_usage[] =
    "usage: bilan conflicts [--db PATH] [--event KEY] [--format table|csv|json]\n"
    "\n"
    "Print the pairs of figures that disagree: `conflict` when two independent\n"
    "sources give, for one toll at about the same time, figures that cannot both\n"
    "be true; `revised_down` when a source later gives a lower figure.  The rules\n"
    "and their settings (tolerance of \"environ\", time window) are in\n"
    "docs/database.md and the `settings` table.\n"
    "\n"
    "  --db PATH      the database (default $BILAN_DB, else ./bilan.db)\n"
    "  --event KEY    only this event\n"
    "  --format FMT   table (default), csv or json (one object a pair)\n"
    "\n"
    "Examples:\n"
    "  bilan conflicts\n"
    "  bilan conflicts --event tarsanie-2025-seisme --format json | jq .a.source\n"
    "  bilan conflicts --db news.db --format csv > conflicts.csv\n";

static const char conflicts_sql[] =
    "SELECT kind, event, category, grp AS \"group\","
    " a_article, a_outlet, a_date, a_text, a_value, a_lo, a_hi, a_qualifier, a_source,"
    " b_article, b_outlet, b_date, b_text, b_value, b_lo, b_hi, b_qualifier, b_source, reports"
    " FROM conflicts WHERE ?1 IS NULL OR event = ?1";

/* Columns of the table and CSV forms (indexes into the row above). */
static const int flat_cols[] = {0, 1, 2, 3, 6, 5, 12, 7, 15, 14, 21, 16, 22};

typedef struct printer {
  cli_sink sink;
  bl_buf b;
} printer;

static void oom(void) {
  cli_error("out of memory");
  exit(EXIT_INTERNAL);
}

/* "a": {...} from the 9 columns starting at `at`. */
static int side(bl_buf *b, const char *name, const char *const *v, const int *types, int at) {
  static const char *const keys[] = {"article", "outlet", "date", "text", "value",
                                     "lo",      "hi",     "qualifier", "source"};
  int rc = bl_json_key(b, name, false) | bl_buf_addc(b, '{');
  for (int k = 0; k < 9; k++) {
    const char *x = v[at + k];
    rc |= bl_json_key(b, keys[k], k == 0);
    if (!x)
      rc |= bl_buf_add(b, "null", 4);
    else if (types[at + k] == SQLITE_INTEGER || types[at + k] == SQLITE_FLOAT)
      rc |= bl_json_num(b, strtod(x, NULL));
    else
      rc |= bl_json_str(b, x, strlen(x));
  }
  return rc | bl_buf_addc(b, '}');
}

static int print_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
                     const int *types) {
  (void)ncols;
  printer *p = ctx;
  if (p->sink.fmt == CLI_JSON) {
    bl_buf *b = &p->b;
    bl_buf_reset(b);
    static const char *const keys[] = {"kind", "event", "category", "group"};
    int rc = bl_buf_addc(b, '{');
    for (int k = 0; k < 4; k++) {
      rc |= bl_json_key(b, keys[k], k == 0);
      rc |= bl_json_str(b, vals[k], vals[k] ? strlen(vals[k]) : 0);
    }
    rc |= side(b, "a", vals, types, 4) | side(b, "b", vals, types, 13);
    rc |= bl_buf_add(b, "}\n", 2);
    if (rc) oom();
    cli_out(b->ptr, b->len);
    return 0;
  }
  enum { N = sizeof flat_cols / sizeof flat_cols[0] };
  const char *v[N], *nm[N];
  int ty[N];
  for (int i = 0; i < N; i++) {
    v[i] = vals[flat_cols[i]];
    nm[i] = names[flat_cols[i]];
    ty[i] = types[flat_cols[i]];
  }
  return cli_sink_row(&p->sink, N, nm, v, ty);
}

int cmd_conflicts(int argc, char **argv) {
  static const cli_view view = {"conflicts", conflicts_usage, conflicts_sql, print_row};
  printer p;
  memset(&p, 0, sizeof p);
  bl_buf_init(&p.b);
  int rc = cli_view_command(argc, argv, &view, &p.sink, &p);
  bl_buf_clear(&p.b);
  return rc;
}
