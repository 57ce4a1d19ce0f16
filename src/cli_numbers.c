/*
 * cli_numbers.c — `bilan numbers`: every quantity expression of the inputs,
 * as JSON Lines (SPEC §2, §4).  Files are read in bounded pieces that end at
 * a line end, so memory stays flat whatever the input size.
 */
#include "cli.h"
#include "json.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

typedef struct numbers_opts {
  bool lines;
  unsigned flags; /* BL_REPAIR */
  bl_scan *scan;
  bl_buf doc; /* '{"doc":"<path>"' of the file being read */
  bl_buf out; /* JSON lines not yet written */
} numbers_opts;

static const char numbers_usage[] =
    "usage: bilan numbers [--lines] [--repair] [FILE|DIR|-]...\n"
    "\n"
    "Print every quantity expression of the texts as JSON Lines: doc, start, end\n"
    "(byte offsets into the input as read), text, value, lo, hi, qualifier, hedge,\n"
    "unit; with --lines also line.  Directories are walked for *.txt; no path or\n"
    "'-' reads standard input.\n"
    "\n"
    "  --lines        each input line is its own text; offsets are within the line\n"
    "  --repair       replace invalid UTF-8 by U+FFFD (with a warning) instead of\n"
    "                 rejecting the input\n"
    "  --grammars DIR read the grammars from DIR instead of the built-in copy\n"
    "\n"
    "Examples:\n"
    "  echo 'Plus de 3 211 personnes ont été arrêtées.' | bilan numbers\n"
    "  bilan numbers --lines headlines.txt\n"
    "  bilan numbers corpus/ | jq -c 'select(.qualifier != \"exact\")'\n";

/* Output is gathered in o->out and written in large blocks. */
#define OUT_BLOCK (1u << 16)

/* The fixed parts of a line: a copy of known size, which the compiler
 * inlines (bl_buf_add calls memcpy for each).  The line's NUL is written at
 * its end. */
#define KEY(b, lit) key((b), (lit), sizeof(lit) - 1)
static inline int key(bl_buf *b, const char *s, size_t n) {
  if (bl_buf_reserve(b, n)) return BL_NOMEM;
  memcpy(b->ptr + b->len, s, n);
  b->len += n;
  return BL_OK;
}

static void flush_out(numbers_opts *o) {
  if (o->out.len) cli_out(o->out.ptr, o->out.len);
  bl_buf_reset(&o->out);
}

/* Emit one JSON line per quantity of the last scan; offsets are shifted by
 * `base` (the piece's offset in the file).  `doc` is the '{"doc":"..."'
 * prefix of the file, escaped once. */
static void emit(numbers_opts *o, const char *text, size_t base, long line) {
  size_t n = bl_scan_count(o->scan);
  bl_buf *b = &o->out;
  for (size_t i = 0; i < n; i++) {
    const bl_quantity *q = bl_scan_get(o->scan, i);
    int rc = bl_buf_add(b, o->doc.ptr, o->doc.len);
    if (line > 0) rc |= KEY(b, ",\"line\":") | bl_json_num(b, (double)line);
    rc |= KEY(b, ",\"start\":") | bl_json_num(b, (double)(base + q->span.start));
    rc |= KEY(b, ",\"end\":") | bl_json_num(b, (double)(base + q->span.end));
    rc |= KEY(b, ",\"text\":") |
          bl_json_str(b, text + q->span.start, q->span.end - q->span.start);
    rc |= KEY(b, ",\"value\":") | bl_json_num(b, q->value);
    rc |= KEY(b, ",\"lo\":") | bl_json_num(b, q->lo);
    rc |= KEY(b, ",\"hi\":") | bl_json_num(b, q->hi);
    const char *qn = bl_qualifier_name(q->qualifier);
    rc |= KEY(b, ",\"qualifier\":") | bl_json_str(b, qn, strlen(qn));
    rc |= KEY(b, ",\"hedge\":");
    if (q->hedge.end > q->hedge.start)
      rc |= bl_json_str(b, text + q->hedge.start, q->hedge.end - q->hedge.start);
    else
      rc |= KEY(b, "null");
    rc |= KEY(b, ",\"unit\":") | bl_json_str(b, q->unit, q->unit ? strlen(q->unit) : 0);
    rc |= KEY(b, "}\n");
    if (rc) {
      cli_error("out of memory");
      exit(EXIT_INTERNAL);
    }
    b->ptr[b->len] = '\0';
    if (b->len >= OUT_BLOCK) flush_out(o);
  }
}

/* Scan one text (a piece or a line); report errors.  Returns an exit code. */
static int scan_text(numbers_opts *o, const char *doc, const char *piece, size_t plen,
                     unsigned pline, size_t pbase, const char *text, size_t len, size_t base,
                     long line) {
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_scan_run(o->scan, text, len, o->flags, &err);
  if (rc == BL_OK) {
    if (bl_scan_repairs(o->scan)) {
      char msg[96];
      snprintf(msg, sizeof msg, "replaced %zu invalid UTF-8 sequence(s) by U+FFFD",
               bl_scan_repairs(o->scan));
      cli_diag(doc, piece, plen, pline, pbase, pbase, "warning: ", msg);
    }
    emit(o, text, line > 0 ? 0 : base, line);
    return EXIT_OK;
  }
  size_t at = (size_t)(text - piece) + err.at.start;
  cli_diag(doc, piece, plen, pline, pbase, pbase + at, "", err.msg);
  if (rc == BL_NOMEM || rc == BL_INTERNAL) exit(EXIT_INTERNAL);
  return EXIT_REJECTED;
}

static int numbers_file(const char *path, void *ctx) {
  numbers_opts *o = ctx;
  bl_buf_reset(&o->doc);
  if (bl_buf_adds(&o->doc, "{\"doc\":") || bl_json_str(&o->doc, path, strlen(path))) {
    cli_error("out of memory");
    exit(EXIT_INTERNAL);
  }
  cli_chunks c;
  if (cli_chunks_open(&c, path) != 0) {
    cli_error("%s: %s", path, strerror(errno));
    return EXIT_REJECTED;
  }
  int worst = EXIT_OK;
  const char *data;
  size_t len;
  int got;
  while ((got = cli_chunk_next(&c, &data, &len)) > 0) {
    if (!o->lines) {
      int rc = scan_text(o, path, data, len, c.line, c.base, data, len, c.base, -1);
      if (rc > worst) worst = rc;
      if (rc == EXIT_REJECTED && !(o->flags & BL_REPAIR)) break; /* the file is not text */
      continue;
    }
    unsigned line = c.line;
    for (size_t i = 0; i < len;) {
      const char *nl = memchr(data + i, '\n', len - i);
      size_t e = nl ? (size_t)(nl - data) : len;
      int rc = scan_text(o, path, data, len, c.line, c.base, data + i, e - i, c.base + i,
                         (long)line);
      if (rc > worst) worst = rc;
      i = e + 1;
      line++;
    }
  }
  if (got < 0) {
    cli_error("%s: read error: %s", path, strerror(errno));
    worst = EXIT_REJECTED;
  }
  cli_chunks_close(&c);
  return worst;
}

int cmd_numbers(int argc, char **argv) {
  static const struct option longopts[] = {{"lines", no_argument, NULL, 'l'},
                                           {"repair", no_argument, NULL, 'r'},
                                           {"grammars", required_argument, NULL, 'g'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  numbers_opts o;
  memset(&o, 0, sizeof o);
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'l': o.lines = true; break;
    case 'r': o.flags |= BL_REPAIR; break;
    case 'g': cli_grammar_dir = optarg; break;
    case 'h': fputs(numbers_usage, stdout); return EXIT_OK;
    default: fputs(numbers_usage, stderr); return EXIT_USAGE;
    }
  }
  bl_error err;
  memset(&err, 0, sizeof err);
  o.scan = bl_scan_new(cli_grammar(), &err);
  if (!o.scan) {
    cli_error("%s", err.msg);
    return EXIT_INTERNAL;
  }
  static const char *const exts[] = {"txt", NULL};
  int rc = cli_walk(argv + optind, argc - optind, exts, numbers_file, &o);
  flush_out(&o);
  cli_out_flush();
  bl_scan_free(o.scan);
  bl_buf_clear(&o.out);
  bl_buf_clear(&o.doc);
  return rc;
}
