/*
 * cli_extract.c — `bilan extract`: every claim of the articles, as JSON
 * Lines (SPEC §5) or TSV; no database.
 */
#include "cli.h"
#include "json.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char extract_usage[] =
    "usage: bilan extract [--format jsonl|tsv] [--repair] [--quiet] [FILE|DIR|-]...\n"
    "\n"
    "Print every claim of the articles: doc, start, end (byte offsets into the\n"
    "article body), text, value, lo, hi, qualifier, hedge, unit, category, group,\n"
    "subject, source, channel, negated, of, cumulative, status, sentence.\n"
    "Inputs: .txt (optional key: value header, blank line, body), .jsonl/.ndjson\n"
    "(one article per line), .html/.htm; directories are walked for these; no path\n"
    "or '-' reads a .txt article from standard input.\n"
    "\n"
    "  --format jsonl|tsv  output format (default jsonl)\n"
    "  --repair            replace invalid UTF-8 by U+FFFD instead of rejecting\n"
    "  --grammars DIR      read the grammars from DIR instead of the built-in copy\n"
    "  -q, --quiet         no progress line (it is shown only when stderr is a terminal)\n"
    "\n"
    "Examples:\n"
    "  bilan extract article.txt\n"
    "  bilan extract --format tsv crawl.jsonl > claims.tsv\n"
    "  bilan extract corpus/ | jq -c 'select(.category == \"killed\")'\n";

typedef struct extract_opts {
  bool tsv;
  unsigned flags;
  bl_doc *doc;
  bl_buf out;
  bool header_done;
  cli_progress progress;
} extract_opts;

static const char *const tsv_fields[] = {
    "doc",     "start",   "end",     "text",     "value",      "lo",     "hi",
    "qualifier", "hedge", "unit",    "category", "group",      "subject", "source",
    "channel", "negated", "of",      "cumulative", "status",   "sentence_start", "sentence_end"};

static void oom(void) {
  cli_error("out of memory");
  exit(EXIT_INTERNAL);
}

static int str_field(bl_buf *b, bool tsv, bl_str v) {
  if (!tsv) return bl_json_str(b, v.ptr, v.len);
  for (size_t i = 0; v.ptr && i < v.len; i++) {
    char c = v.ptr[i];
    if (bl_buf_addc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c)) return BL_NOMEM;
  }
  return BL_OK;
}

static int num_field(bl_buf *b, bool tsv, double v) {
  if (tsv && v != v) return BL_OK;
  return bl_json_num(b, v);
}

/* One claim as a JSON object or a TSV row. */
static void emit_claim(extract_opts *o, const char *doc, const bl_article *a, const bl_claim *c) {
  bl_buf *b = &o->out;
  bl_buf_reset(b);
  bool t = o->tsv;
  const char *body = a->body.ptr;
  const bl_claim *parent = c->of >= 0 ? bl_doc_claim(o->doc, (size_t)c->of) : NULL;
  const char *qn = bl_qualifier_name(c->q.qualifier);
  const char *cat = bl_category_name(c->category);
  const char *grp = bl_group_name(c->group);
  const char *status = bl_status_name(c->status);
  bl_str text = bl_str_make(body + c->q.span.start, c->q.span.end - c->q.span.start);
  bl_str hedge = c->q.hedge.end > c->q.hedge.start
                     ? bl_str_make(body + c->q.hedge.start, c->q.hedge.end - c->q.hedge.start)
                     : bl_str_null();
  int rc = 0;
  size_t field = 0;
/* A key is a literal that needs no escape: written with its comma and
 * colon in one copy. */
#define KEY(name)                                                                     \
  do {                                                                                \
    static const char k_[] = ",\"" name "\":";                                        \
    if (t) {                                                                          \
      if (field++) rc |= bl_buf_addc(b, '\t');                                        \
    } else {                                                                          \
      rc |= bl_buf_add(b, field ? k_ : k_ + 1, field ? sizeof k_ - 1 : sizeof k_ - 2); \
      field++;                                                                        \
    }                                                                                 \
  } while (0)
  if (!t) rc |= bl_buf_addc(b, '{');
  KEY("doc");
  rc |= str_field(b, t, bl_str_make(doc, strlen(doc)));
  KEY("start");
  rc |= num_field(b, t, (double)c->q.span.start);
  KEY("end");
  rc |= num_field(b, t, (double)c->q.span.end);
  KEY("text");
  rc |= str_field(b, t, text);
  KEY("value");
  rc |= num_field(b, t, c->q.value);
  KEY("lo");
  rc |= num_field(b, t, c->q.lo);
  KEY("hi");
  rc |= num_field(b, t, c->q.hi);
  KEY("qualifier");
  rc |= str_field(b, t, bl_str_make(qn, strlen(qn)));
  KEY("hedge");
  rc |= str_field(b, t, hedge);
  KEY("unit");
  rc |= str_field(b, t, c->unit);
  KEY("category");
  rc |= str_field(b, t, bl_str_make(cat, strlen(cat)));
  KEY("group");
  rc |= str_field(b, t, grp ? bl_str_make(grp, strlen(grp)) : bl_str_null());
  KEY("subject");
  rc |= str_field(b, t, c->subject);
  KEY("source");
  rc |= str_field(b, t, c->source);
  KEY("channel");
  rc |= str_field(b, t, c->channel);
  KEY("negated");
  rc |= bl_buf_adds(b, c->negated ? "true" : "false");
  KEY("of");
  if (parent) rc |= num_field(b, t, (double)parent->q.span.start);
  else if (!t) rc |= bl_buf_adds(b, "null");
  KEY("cumulative");
  if (c->cumulative >= 0) rc |= bl_buf_adds(b, c->cumulative ? "true" : "false");
  else if (!t) rc |= bl_buf_adds(b, "null");
  KEY("status");
  rc |= str_field(b, t, status ? bl_str_make(status, strlen(status)) : bl_str_null());
  if (t) {
    rc |= bl_buf_addc(b, '\t') | num_field(b, t, (double)c->sentence.start);
    rc |= bl_buf_addc(b, '\t') | num_field(b, t, (double)c->sentence.end);
    rc |= bl_buf_addc(b, '\n');
  } else {
    rc |= bl_buf_adds(b, ",\"sentence\":[") |
          bl_json_num(b, (double)c->sentence.start) | bl_buf_addc(b, ',') |
          bl_json_num(b, (double)c->sentence.end) | bl_buf_adds(b, "]}\n");
  }
#undef KEY
  if (rc) oom();
  cli_out(b->ptr, b->len);
}

/* The doc name of an article: its id, else its url, else the path (and line). */
static const char *doc_name(const char *path, const bl_article *a, char *tmp, size_t cap) {
  bl_str v = a->id.ptr ? a->id : a->url;
  if (v.ptr && v.len) {
    snprintf(tmp, cap, "%.*s", (int)v.len, v.ptr);
  } else if (a->line) {
    snprintf(tmp, cap, "%s:%u", path, a->line);
  } else {
    snprintf(tmp, cap, "%s", path);
  }
  return tmp;
}

static int extract_file(const char *path, void *ctx) {
  extract_opts *o = ctx;
  int fmt = strcmp(path, "-") ? bl_format_of_path(path) : BL_FMT_TXT;
  if (fmt < 0) fmt = BL_FMT_TXT;
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader *r = bl_reader_open(path, (bl_format)fmt, &err);
  if (!r) {
    cli_error("%s: %s", path, err.msg);
    return err.code == BL_NOMEM ? EXIT_INTERNAL : EXIT_REJECTED;
  }
  int worst = EXIT_OK;
  uint64_t base = o->progress.bytes;
  for (;;) {
    bl_article a;
    memset(&err, 0, sizeof err);
    int got = bl_reader_next(r, &a, &err);
    if (got == 0) break;
    if (got < 0) {
      if (err.line)
        cli_error("%s:%u: %s", path, err.line, err.msg);
      else
        cli_error("%s: %s", path, err.msg);
      worst = EXIT_REJECTED;
      if (got == -BL_PARSE) continue;
      if (got == -BL_NOMEM) exit(EXIT_INTERNAL);
      break;
    }
    memset(&err, 0, sizeof err);
    int rc = bl_doc_run(o->doc, a.body.ptr, a.body.len, o->flags, &err);
    if (rc) {
      if (a.line)
        cli_error("%s:%u: %s (byte %zu of its text)", path, a.line, err.msg, err.at.start);
      else
        cli_error("%s:%zu: %s", path, a.body_offset + err.at.start, err.msg);
      if (rc == BL_NOMEM || rc == BL_INTERNAL) exit(EXIT_INTERNAL);
      worst = EXIT_REJECTED;
      continue;
    }
    if (bl_doc_repairs(o->doc)) cli_progress_pause();
    if (bl_doc_repairs(o->doc))
      fprintf(stderr, "bilan: %s: warning: replaced %zu invalid UTF-8 sequence(s) by U+FFFD\n",
              path, bl_doc_repairs(o->doc));
    char name[1024];
    const char *doc = doc_name(path, &a, name, sizeof name);
    size_t n = bl_doc_claim_count(o->doc);
    for (size_t i = 0; i < n; i++) emit_claim(o, doc, &a, bl_doc_claim(o->doc, i));
    cli_progress_add(&o->progress, 1, a.body.len);
  }
  bl_reader_free(r);
  struct stat st;
  if (strcmp(path, "-") && !stat(path, &st)) cli_progress_set_bytes(&o->progress, base + (uint64_t)st.st_size);
  return worst;
}

int cmd_extract(int argc, char **argv) {
  static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                           {"repair", no_argument, NULL, 'r'},
                                           {"grammars", required_argument, NULL, 'g'},
                                           {"quiet", no_argument, NULL, 'q'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  extract_opts o;
  memset(&o, 0, sizeof o);
  int c;
  optind = 1;
  bool quiet = false;
  while ((c = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
    switch (c) {
    case 'q': quiet = true; break;
    case 'f':
      if (!strcmp(optarg, "tsv")) o.tsv = true;
      else if (strcmp(optarg, "jsonl") != 0) {
        cli_error("--format must be jsonl or tsv, not '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'r': o.flags |= BL_REPAIR; break;
    case 'g': cli_grammar_dir = optarg; break;
    case 'h': fputs(extract_usage, stdout); return EXIT_OK;
    default: fputs(extract_usage, stderr); return EXIT_USAGE;
    }
  }
  bl_error err;
  memset(&err, 0, sizeof err);
  o.doc = bl_doc_new(cli_grammar(), &err);
  if (!o.doc) {
    cli_error("%s", err.msg);
    return EXIT_INTERNAL;
  }
  if (o.tsv) {
    for (size_t i = 0; i < sizeof tsv_fields / sizeof tsv_fields[0]; i++) {
      if (i) cli_out("\t", 1);
      cli_out(tsv_fields[i], strlen(tsv_fields[i]));
    }
    cli_out("\n", 1);
  }
  static const char *const exts[] = {"txt", "jsonl", "ndjson", "html", "htm", NULL};
  cli_progress_start(&o.progress, quiet, true, cli_input_size(argv + optind, argc - optind, exts));
  int rc = cli_walk(argv + optind, argc - optind, exts, extract_file, &o);
  cli_progress_end(&o.progress);
  cli_out_flush();
  bl_doc_free(o.doc);
  bl_buf_clear(&o.out);
  return rc;
}
