/*
 * cli_table.c — the command-line layer's printer of result rows (`tolls`,
 * `conflicts`, `query`): an aligned table, CSV or JSON Lines.
 *
 *   table  columns aligned by display width (ICU: accents and combining
 *          marks take no column, East Asian wide characters two), cells cut
 *          at CLI_CELL_MAX columns with "…", numbers right-aligned.  Rows are
 *          held until the end to measure the columns.  On a terminal, the
 *          widest text columns are narrowed further so that a row fits its
 *          width, when it can without cutting a column under CLI_CELL_MIN
 *          (numbers are never cut; pipes and files always get columns of up
 *          to CLI_CELL_MAX).
 *   csv    RFC 4180: CRLF line ends, fields with a comma, quote or line
 *          break quoted, quotes doubled; a header line.
 *   json   one object per row, keys in column order, numbers as numbers.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "json.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#define CLI_CELL_MAX 48
#define CLI_CELL_MIN 10 /* a text column is not narrowed below this (a date) */

struct cli_table {
  cli_format fmt;
  int ncols;
  char **names; /* owned */
  bool *numeric; /* column holds only numbers so far */
  /* table: every cell, row-major (owned strings; NULL = SQL NULL) */
  char **cells;
  size_t nrows, cap;
  bl_buf line; /* owned scratch */
};

int cli_format_parse(const char *s, cli_format *f) {
  if (!strcmp(s, "table")) *f = CLI_TABLE;
  else if (!strcmp(s, "csv")) *f = CLI_CSV;
  else if (!strcmp(s, "json") || !strcmp(s, "jsonl")) *f = CLI_JSON;
  else return -1;
  return 0;
}

static void oom(void) {
  cli_error("out of memory");
  exit(EXIT_INTERNAL);
}

static char *dup_or_null(const char *s) {
  if (!s) return NULL;
  char *d = strdup(s);
  if (!d) oom();
  return d;
}

/* A number as people write it: 8.0 → 8, 0.1 stays. */
static const char *number_text(const char *v, char *tmp, size_t cap) {
  char *end;
  double d = strtod(v, &end);
  if (*end || !isfinite(d)) return v;
  if (d == floor(d) && fabs(d) < 1e15) snprintf(tmp, cap, "%.0f", d);
  else snprintf(tmp, cap, "%.15g", d);
  return tmp;
}

static void emit_header(cli_table *t);

cli_table *cli_table_new(cli_format fmt, int ncols, const char *const *names) {
  cli_table *t = calloc(1, sizeof *t);
  if (!t) oom();
  t->fmt = fmt;
  t->ncols = ncols;
  t->names = calloc((size_t)ncols + 1, sizeof *t->names);
  t->numeric = calloc((size_t)ncols + 1, sizeof *t->numeric);
  if (!t->names || !t->numeric) oom();
  for (int i = 0; i < ncols; i++) {
    t->names[i] = dup_or_null(names[i]);
    t->numeric[i] = true;
  }
  bl_buf_init(&t->line);
  if (fmt == CLI_CSV) emit_header(t);
  return t;
}

/* ------------------------------------------------------------------ csv */

static void csv_field(bl_buf *b, const char *v) {
  if (!v) return;
  if (!strpbrk(v, ",\"\r\n")) {
    if (bl_buf_adds(b, v)) oom();
    return;
  }
  if (bl_buf_addc(b, '"')) oom();
  for (const char *p = v; *p; p++)
    if ((*p == '"' && bl_buf_addc(b, '"')) || bl_buf_addc(b, *p)) oom();
  if (bl_buf_addc(b, '"')) oom();
}

static void emit_header(cli_table *t) {
  bl_buf_reset(&t->line);
  for (int i = 0; i < t->ncols; i++) {
    if (i && bl_buf_addc(&t->line, ',')) oom();
    csv_field(&t->line, t->names[i]);
  }
  if (bl_buf_add(&t->line, "\r\n", 2)) oom();
  cli_out(t->line.ptr, t->line.len);
}

/* ---------------------------------------------------------------- table */

/* Display columns of one code point. */
static int cp_width(UChar32 c) {
  if (c < 0x20 || c == 0x7f) return 0;
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

/* Display width of s, and how many bytes fit in `max` columns (leaving one
 * for "…" when the text is longer). */
static int width_of(const char *s, int max, size_t *fit) {
  int32_t i = 0, n = (int32_t)strlen(s);
  int w = 0;
  *fit = (size_t)n;
  bool cut = false;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    int cw = c < 0 ? 1 : cp_width(c);
    if (!cut && w + cw > max - 1) {
      *fit = (size_t)at;
      cut = true;
    }
    w += cw;
  }
  if (w <= max) *fit = (size_t)n;
  return w;
}

static void pad(bl_buf *b, int n) {
  for (int i = 0; i < n; i++)
    if (bl_buf_addc(b, ' ')) oom();
}

/* A cell's text for the table: line breaks and tabs become spaces. */
static char *flat(const char *v) {
  char *d = dup_or_null(v ? v : "");
  for (char *p = d; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  return d;
}

/* Columns of the terminal on stdout, or 0 when it is not one. */
static int terminal_width(void) {
  struct winsize ws;
  if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) || ws.ws_col == 0) return 0;
  return ws.ws_col;
}

/* Narrow the widest text columns, one column at a time, until a row fits in
 * `cols`; when even the narrowest table would not fit, cut nothing (the
 * terminal wraps whole rows, which beats a table of stumps). */
static void fit_to(const cli_table *t, int *w, int cols) {
  int least = 2 * (t->ncols - 1);
  for (int c = 0; c < t->ncols; c++)
    least += t->numeric[c] || w[c] < CLI_CELL_MIN ? w[c] : CLI_CELL_MIN;
  if (least > cols) return;
  for (;;) {
    int total = 2 * (t->ncols - 1), widest = -1;
    for (int c = 0; c < t->ncols; c++) {
      total += w[c];
      if (!t->numeric[c] && w[c] > CLI_CELL_MIN && (widest < 0 || w[c] > w[widest])) widest = c;
    }
    if (total <= cols || widest < 0) return;
    w[widest]--;
  }
}

static void table_flush(cli_table *t) {
  int *w = calloc((size_t)t->ncols + 1, sizeof *w);
  if (!w) oom();
  size_t fit;
  for (int c = 0; c < t->ncols; c++) {
    w[c] = width_of(t->names[c], CLI_CELL_MAX, &fit);
    if (w[c] > CLI_CELL_MAX) w[c] = CLI_CELL_MAX;
    for (size_t r = 0; r < t->nrows; r++) {
      const char *v = t->cells[r * (size_t)t->ncols + (size_t)c];
      int cw = width_of(v ? v : "", CLI_CELL_MAX, &fit);
      if (cw > CLI_CELL_MAX) cw = CLI_CELL_MAX;
      if (cw > w[c]) w[c] = cw;
    }
  }
  int cols = terminal_width();
  if (cols) fit_to(t, w, cols);
  for (size_t r = 0; r <= t->nrows + 1; r++) {
    bl_buf *b = &t->line;
    bl_buf_reset(b);
    for (int c = 0; c < t->ncols; c++) {
      if (c && bl_buf_add(b, "  ", 2)) oom();
      if (r == 1) {
        for (int k = 0; k < w[c]; k++)
          if (bl_buf_addc(b, '-')) oom();
        continue;
      }
      const char *v = r == 0 ? t->names[c] : t->cells[(r - 2) * (size_t)t->ncols + (size_t)c];
      if (!v) v = "";
      int cw = width_of(v, w[c], &fit);
      bool cut = cw > w[c];
      int shown = cut ? w[c] : cw;
      bool right = r > 0 && t->numeric[c];
      if (right) pad(b, w[c] - shown);
      if (bl_buf_add(b, v, cut ? fit : strlen(v))) oom();
      if (cut && bl_buf_adds(b, "…")) oom();
      if (!right && c + 1 < t->ncols) pad(b, w[c] - shown);
    }
    while (b->len && b->ptr[b->len - 1] == ' ') b->len--;
    if (bl_buf_addc(b, '\n')) oom();
    cli_out(b->ptr, b->len);
  }
  free(w);
}

/* ----------------------------------------------------------------- rows */

void cli_table_row(cli_table *t, const char *const *vals, const int *types) {
  char tmp[64];
  if (t->fmt == CLI_JSON) {
    bl_buf *b = &t->line;
    bl_buf_reset(b);
    int rc = bl_buf_addc(b, '{');
    for (int i = 0; i < t->ncols; i++) {
      rc |= bl_json_key(b, t->names[i], i == 0);
      if (!vals[i])
        rc |= bl_buf_add(b, "null", 4);
      else if (types && (types[i] == SQLITE_INTEGER || types[i] == SQLITE_FLOAT))
        rc |= bl_json_num(b, strtod(vals[i], NULL));
      else
        rc |= bl_json_str(b, vals[i], strlen(vals[i]));
    }
    rc |= bl_buf_add(b, "}\n", 2);
    if (rc) oom();
    cli_out(b->ptr, b->len);
    return;
  }
  if (t->fmt == CLI_CSV) {
    bl_buf *b = &t->line;
    bl_buf_reset(b);
    for (int i = 0; i < t->ncols; i++) {
      if (i && bl_buf_addc(b, ',')) oom();
      bool num = vals[i] && types && (types[i] == SQLITE_INTEGER || types[i] == SQLITE_FLOAT);
      csv_field(b, num ? number_text(vals[i], tmp, sizeof tmp) : vals[i]);
    }
    if (bl_buf_add(b, "\r\n", 2)) oom();
    cli_out(b->ptr, b->len);
    return;
  }
  if (t->nrows + 1 > t->cap) {
    size_t ncap = t->cap ? t->cap * 2 : 64;
    char **nc = realloc(t->cells, ncap * (size_t)t->ncols * sizeof *nc);
    if (!nc) oom();
    t->cells = nc;
    t->cap = ncap;
  }
  for (int i = 0; i < t->ncols; i++) {
    bool num = vals[i] && types && (types[i] == SQLITE_INTEGER || types[i] == SQLITE_FLOAT);
    if (vals[i] && !num) t->numeric[i] = false;
    t->cells[t->nrows * (size_t)t->ncols + (size_t)i] =
        vals[i] ? flat(num ? number_text(vals[i], tmp, sizeof tmp) : vals[i]) : NULL;
  }
  t->nrows++;
}

void cli_table_end(cli_table *t) {
  if (!t) return;
  if (t->fmt == CLI_TABLE) {
    if (t->nrows) table_flush(t);
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++) free(t->cells[i]);
  }
  free(t->cells);
  for (int i = 0; i < t->ncols; i++) free(t->names[i]);
  free(t->names);
  free(t->numeric);
  bl_buf_clear(&t->line);
  free(t);
  cli_out_flush();
}
