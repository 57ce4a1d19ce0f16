/*
 * run_fixtures.c — the spec-style fixture runner (markdown files under fixtures/).
 *
 * A fixture file is markdown.  Its mode is named once, before the first case,
 * by a line `<!-- fixtures: numbers -->` (or by --mode).  Each case is
 *
 *   ## num-hedge-012                 a stable ID, unique across all files
 *   Plus de 3 211 personnes ...      the French snippet: the lines up to a line
 *   .                                holding only ".", or a ``` fenced block
 *   {"text": "Plus de 3 211", ...}   the expected objects, one JSON object per
 *                                    line, in text order; "[]" or no line: none
 *
 * Outside cases (before the first "##", or after a "# " heading) lines are
 * prose.  Each expected object is compared with what the library gives, field
 * by field, on the fields the expectation names only; a failing case prints
 * its ID, file:line, the snippet, and expected vs got for every object.
 *
 *   run_fixtures [--mode M] [--grammars DIR] [--case ID] [--update] [--seeds DIR] PATH...
 *
 *   PATH          fixture files, or directories searched recursively for .md files
 *   --update      rewrite the expectations from what the library gives now
 *                 (keeping each object's fields), for review with git diff
 *   --seeds DIR   write every case's snippet to DIR/<ID>.txt (a fuzz corpus)
 *                 and compare nothing
 *   --case ID     run only the cases whose ID starts with ID
 *
 * Exit status: 0 every case passes, 1 some case fails, 2 a fixture file or
 * the command line is malformed.
 *
 * Modes: a mode is an entry of `modes[]`: the fields an expectation may name
 * and a function that turns a snippet into an array of objects with those
 * fields.  "numbers" runs bl_scan (SPEC §4).  A "claims" mode (SPEC §5
 * fields through bl_doc_run) is the second: "of" there is the parent claim's
 * text (SPEC §5 gives its start; a fixture reads better with the text).
 */
#define _DEFAULT_SOURCE
#include "bilan.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ modes */

typedef struct mode {
  const char *name;
  const char *const *fields;     /* every field an expectation may name, in output order */
  const char *const *new_fields; /* the fields --update writes for an object it adds */
  void *(*open)(const char *grammar_dir, char *why, size_t whylen);
  /* Append one object per result to `out`; 0, or -1 with `why` filled. */
  int (*run)(void *state, const char *text, size_t len, json_t *out, char *why, size_t whylen);
  void (*close)(void *state);
} mode;

typedef struct numbers_state {
  bl_grammar *g;
  bl_scan *scan;
} numbers_state;

static void numbers_close(void *p) {
  numbers_state *st = p;
  if (!st) return;
  bl_scan_free(st->scan);
  bl_grammar_free(st->g);
  free(st);
}

static void *numbers_open(const char *grammar_dir, char *why, size_t whylen) {
  numbers_state *st = calloc(1, sizeof *st);
  bl_error err;
  memset(&err, 0, sizeof err);
  if (!st) {
    snprintf(why, whylen, "out of memory");
    return NULL;
  }
  st->g = bl_grammar_new(grammar_dir, &err);
  if (st->g) st->scan = bl_scan_new(st->g, &err);
  if (!st->scan) {
    snprintf(why, whylen, "%s%s%s:%u: %s", grammar_dir ? grammar_dir : "",
             grammar_dir ? "/" : "", err.file ? err.file : "grammar", err.line, err.msg);
    numbers_close(st);
    return NULL;
  }
  return st;
}

/* A number as JSON: integers as integers (so that they print as written),
 * NAN as null. */
static json_t *num_json(double v) {
  if (isnan(v)) return json_null();
  if (v == floor(v) && fabs(v) < 9007199254740992.0) return json_integer((json_int_t)v);
  return json_real(v);
}

static json_t *str_json(const char *s, size_t n) {
  return s ? json_stringn(s, n) : json_null();
}

static int numbers_run(void *p, const char *text, size_t len, json_t *out, char *why,
                       size_t whylen) {
  numbers_state *st = p;
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_scan_run(st->scan, text, len, 0, &err);
  if (rc) {
    snprintf(why, whylen, "bl_scan_run: %s (%s) at byte %zu", bl_rc_str(rc), err.msg,
             err.at.start);
    return -1;
  }
  for (size_t i = 0; i < bl_scan_count(st->scan); i++) {
    const bl_quantity *q = bl_scan_get(st->scan, i);
    json_t *o = json_object();
    if (!o) return -1;
    json_object_set_new(o, "text", str_json(text + q->span.start, q->span.end - q->span.start));
    json_object_set_new(o, "value", num_json(q->value));
    json_object_set_new(o, "lo", num_json(q->lo));
    json_object_set_new(o, "hi", num_json(q->hi));
    json_object_set_new(o, "qualifier", json_string(bl_qualifier_name(q->qualifier)));
    json_object_set_new(o, "hedge", q->hedge.end > q->hedge.start
                                         ? str_json(text + q->hedge.start,
                                                    q->hedge.end - q->hedge.start)
                                         : json_null());
    json_object_set_new(o, "unit", q->unit ? json_string(q->unit) : json_null());
    json_object_set_new(o, "start", json_integer((json_int_t)q->span.start));
    json_object_set_new(o, "end", json_integer((json_int_t)q->span.end));
    json_array_append_new(out, o);
  }
  return 0;
}

static const char *const numbers_fields[] = {"text",  "value", "lo",    "hi",  "qualifier",
                                             "hedge", "unit",  "start", "end", NULL};
static const char *const numbers_new[] = {"text",  "value", "lo",   "hi",
                                          "qualifier", "hedge", "unit", NULL};

/* ---- claims: SPEC §5 through bl_doc_run */

typedef struct claims_state {
  bl_grammar *g;
  bl_doc *doc;
} claims_state;

static void claims_close(void *p) {
  claims_state *st = p;
  if (!st) return;
  bl_doc_free(st->doc);
  bl_grammar_free(st->g);
  free(st);
}

static void *claims_open(const char *grammar_dir, char *why, size_t whylen) {
  claims_state *st = calloc(1, sizeof *st);
  bl_error err;
  memset(&err, 0, sizeof err);
  if (!st) {
    snprintf(why, whylen, "out of memory");
    return NULL;
  }
  st->g = bl_grammar_new(grammar_dir, &err);
  if (st->g) st->doc = bl_doc_new(st->g, &err);
  if (!st->doc) {
    snprintf(why, whylen, "%s", err.msg);
    claims_close(st);
    return NULL;
  }
  return st;
}

static json_t *bstr_json(bl_str v) {
  return v.ptr ? json_stringn(v.ptr, v.len) : json_null();
}

static int claims_run(void *p, const char *text, size_t len, json_t *out, char *why,
                      size_t whylen) {
  claims_state *st = p;
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_doc_run(st->doc, text, len, 0, &err);
  if (rc) {
    snprintf(why, whylen, "bl_doc_run: %s (%s) at byte %zu", bl_rc_str(rc), err.msg, err.at.start);
    return -1;
  }
  for (size_t i = 0; i < bl_doc_claim_count(st->doc); i++) {
    const bl_claim *c = bl_doc_claim(st->doc, i);
    const bl_claim *parent = c->of >= 0 ? bl_doc_claim(st->doc, (size_t)c->of) : NULL;
    const char *group = bl_group_name(c->group), *status = bl_status_name(c->status);
    json_t *o = json_object();
    if (!o) return -1;
    json_object_set_new(o, "text", str_json(text + c->q.span.start, c->q.span.end - c->q.span.start));
    json_object_set_new(o, "value", num_json(c->q.value));
    json_object_set_new(o, "lo", num_json(c->q.lo));
    json_object_set_new(o, "hi", num_json(c->q.hi));
    json_object_set_new(o, "qualifier", json_string(bl_qualifier_name(c->q.qualifier)));
    json_object_set_new(o, "hedge", c->q.hedge.end > c->q.hedge.start
                                         ? str_json(text + c->q.hedge.start,
                                                    c->q.hedge.end - c->q.hedge.start)
                                         : json_null());
    json_object_set_new(o, "unit", bstr_json(c->unit));
    json_object_set_new(o, "category", json_string(bl_category_name(c->category)));
    json_object_set_new(o, "group", group ? json_string(group) : json_null());
    json_object_set_new(o, "subject", bstr_json(c->subject));
    json_object_set_new(o, "source", bstr_json(c->source));
    json_object_set_new(o, "channel", bstr_json(c->channel));
    json_object_set_new(o, "negated", json_boolean(c->negated));
    /* of: the parent's text (SPEC gives its start; a text reads better in a fixture) */
    json_object_set_new(o, "of", parent ? str_json(text + parent->q.span.start,
                                                   parent->q.span.end - parent->q.span.start)
                                        : json_null());
    json_object_set_new(o, "cumulative", c->cumulative < 0 ? json_null() : json_boolean(c->cumulative));
    json_object_set_new(o, "status", status ? json_string(status) : json_null());
    json_object_set_new(o, "start", json_integer((json_int_t)c->q.span.start));
    json_object_set_new(o, "end", json_integer((json_int_t)c->q.span.end));
    json_array_append_new(out, o);
  }
  return 0;
}

static const char *const claims_fields[] = {
    "text",    "value",   "lo",      "hi",       "qualifier", "hedge", "unit",  "category", "group",
    "subject", "source",  "channel", "negated",  "of",        "cumulative", "status", "start",
    "end",     NULL};
static const char *const claims_new[] = {"text",     "value",  "qualifier", "unit",   "category",
                                         "group",    "source", "negated",   "of",     NULL};

static const mode modes[] = {
    {"numbers", numbers_fields, numbers_new, numbers_open, numbers_run, numbers_close},
    {"claims", claims_fields, claims_new, claims_open, claims_run, claims_close},
};

static const mode *find_mode(const char *name, size_t n) {
  for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
    if (strlen(modes[i].name) == n && !memcmp(modes[i].name, name, n)) return &modes[i];
  return NULL;
}

static bool known_field(const mode *m, const char *key) {
  for (size_t i = 0; m->fields[i]; i++)
    if (!strcmp(m->fields[i], key)) return true;
  return false;
}

/* --------------------------------------------------------------- parsing */

typedef struct line {
  const char *s;
  size_t n;
} line;

typedef struct fcase {
  char *id;          /* owned */
  unsigned lineno;   /* line of the "## ID" heading */
  char *input;       /* owned: the snippet */
  size_t input_len;
  json_t *expect;    /* owned: array of objects */
  size_t exp_first;  /* index of the first line after the snippet */
  size_t exp_end;    /* index after the last expectation line ([] or object) */
} fcase;

typedef struct ffile {
  char *path;        /* owned */
  char *data;        /* owned */
  line *lines;       /* owned, borrowed from data */
  size_t nlines;
  const mode *mode;
  fcase *cases;      /* owned */
  size_t ncases, cap;
} ffile;

static void fail_at(const ffile *f, size_t idx, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_at(const ffile *f, size_t idx, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s:%zu: ", f->path, idx + 1);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static bool starts(const line *l, const char *p) {
  size_t n = strlen(p);
  return l->n >= n && !memcmp(l->s, p, n);
}

static bool blank(const line *l) {
  for (size_t i = 0; i < l->n; i++)
    if (l->s[i] != ' ' && l->s[i] != '\t') return false;
  return true;
}

static bool is_text(const line *l, const char *p) {
  size_t n = l->n;
  while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t')) n--;
  return n == strlen(p) && !memcmp(l->s, p, n);
}

static int read_all(const char *path, char **data, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return -1;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap + 1);
  if (!buf) {
    fclose(fp);
    errno = ENOMEM;
    return -1;
  }
  while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
    n += got;
    if (n < cap) continue;
    char *nb = realloc(buf, cap * 2 + 1);
    if (!nb) {
      free(buf);
      fclose(fp);
      errno = ENOMEM;
      return -1;
    }
    buf = nb;
    cap *= 2;
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    free(buf);
    errno = EIO;
    return -1;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return 0;
}

static int split_lines(ffile *f, size_t len) {
  size_t cap = 64;
  f->lines = malloc(cap * sizeof *f->lines);
  if (!f->lines) return -1;
  const char *s = f->data, *end = f->data + len;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    if (f->nlines == cap) {
      line *nv = realloc(f->lines, cap * 2 * sizeof *nv);
      if (!nv) return -1;
      f->lines = nv;
      cap *= 2;
    }
    f->lines[f->nlines].s = s;
    f->lines[f->nlines].n = n && s[n - 1] == '\r' ? n - 1 : n;
    f->nlines++;
    s += n + (nl ? 1 : 0);
  }
  return 0;
}

static fcase *new_case(ffile *f) {
  if (f->ncases == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 32;
    fcase *nv = realloc(f->cases, cap * sizeof *nv);
    if (!nv) return NULL;
    f->cases = nv;
    f->cap = cap;
  }
  fcase *c = &f->cases[f->ncases++];
  memset(c, 0, sizeof *c);
  return c;
}

static bool valid_id(const char *s, size_t n) {
  if (!n || n > 63) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '.'))
      return false;
  }
  return true;
}

/* Join lines [a, b) with '\n' into c->input. */
static int take_snippet(const ffile *f, fcase *c, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b; i++) n += f->lines[i].n + 1;
  c->input = malloc(n + 1);
  if (!c->input) return -1;
  size_t k = 0;
  for (size_t i = a; i < b; i++) {
    if (i > a) c->input[k++] = '\n';
    memcpy(c->input + k, f->lines[i].s, f->lines[i].n);
    k += f->lines[i].n;
  }
  c->input[k] = '\0';
  c->input_len = k;
  return 0;
}

/* Parse one expectation line into c->expect.  Returns 0 or -1 (reported). */
static int add_expectation(const ffile *f, fcase *c, size_t idx) {
  const line *l = &f->lines[idx];
  json_error_t je;
  json_t *o = json_loadb(l->s, l->n, JSON_REJECT_DUPLICATES, &je);
  if (!o) {
    fail_at(f, idx, "bad JSON at column %d: %s", je.column, je.text);
    return -1;
  }
  if (!json_is_object(o)) {
    json_decref(o);
    fail_at(f, idx, "expected a JSON object, \"[]\" or a heading");
    return -1;
  }
  for (void *it = json_object_iter(o); it; it = json_object_iter_next(o, it)) {
    const char *key = json_object_iter_key(it);
    const json_t *v = json_object_iter_value(it);
    if (!known_field(f->mode, key)) {
      fail_at(f, idx, "field \"%s\" is not one of the %s fields", key, f->mode->name);
      json_decref(o);
      return -1;
    }
    if (!json_is_null(v) && !json_is_number(v) && !json_is_string(v) && !json_is_boolean(v)) {
      fail_at(f, idx, "field \"%s\" must be a number, a string, a boolean or null", key);
      json_decref(o);
      return -1;
    }
  }
  json_array_append_new(c->expect, o);
  return 0;
}

/* Parse f->data into cases.  `forced` is the --mode, or NULL.  Returns 0 or
 * -1 (the error is reported with file:line). */
static int parse_file(ffile *f, const mode *forced) {
  enum { PROSE, EXPECT } state = PROSE;
  fcase *c = NULL;
  f->mode = forced;
  for (size_t i = 0; i < f->nlines; i++) {
    const line *l = &f->lines[i];
    if (starts(l, "<!-- fixtures:")) {
      const char *p = l->s + 14, *e = l->s + l->n;
      while (p < e && *p == ' ') p++;
      const char *q = p;
      while (q < e && *q != ' ' && *q != '-') q++;
      const mode *m = find_mode(p, (size_t)(q - p));
      if (!m) {
        fail_at(f, i, "unknown fixture mode \"%.*s\"", (int)(q - p), p);
        return -1;
      }
      if (f->ncases) {
        fail_at(f, i, "the mode must be named before the first case");
        return -1;
      }
      if (!forced) f->mode = m;
      continue;
    }
    if (starts(l, "## ")) {
      if (!f->mode) {
        fail_at(f, i, "no mode: add <!-- fixtures: numbers --> before the first case");
        return -1;
      }
      const char *id = l->s + 3;
      size_t n = l->n - 3;
      while (n && (id[n - 1] == ' ' || id[n - 1] == '\t')) n--;
      if (!valid_id(id, n)) {
        fail_at(f, i, "a case ID is 1-63 characters of [A-Za-z0-9._-]");
        return -1;
      }
      if (!(c = new_case(f)) || !(c->id = strndup(id, n)) || !(c->expect = json_array())) {
        fprintf(stderr, "out of memory\n");
        return -1;
      }
      c->lineno = (unsigned)i + 1;
      /* The snippet: a fenced block, or the lines up to ".". */
      size_t j = i + 1;
      while (j < f->nlines && blank(&f->lines[j])) j++;
      if (j >= f->nlines) {
        fail_at(f, i, "case %s has no snippet", c->id);
        return -1;
      }
      size_t a, b, next;
      if (starts(&f->lines[j], "```")) {
        a = j + 1;
        b = a;
        while (b < f->nlines && !starts(&f->lines[b], "```")) b++;
        if (b >= f->nlines) {
          fail_at(f, j, "unclosed ``` block");
          return -1;
        }
        next = b + 1;
      } else {
        a = j;
        b = a;
        while (b < f->nlines && !is_text(&f->lines[b], ".")) {
          if (starts(&f->lines[b], "## ")) break;
          b++;
        }
        if (b >= f->nlines || !is_text(&f->lines[b], ".")) {
          fail_at(f, j, "the snippet of case %s does not end with a line holding only \".\"",
                  c->id);
          return -1;
        }
        next = b + 1;
      }
      if (take_snippet(f, c, a, b)) {
        fprintf(stderr, "out of memory\n");
        return -1;
      }
      c->exp_first = c->exp_end = next;
      i = next - 1;
      state = EXPECT;
      continue;
    }
    if (state == PROSE) continue;
    /* Expectations of the current case. */
    if (blank(l)) continue;
    if (starts(l, "# ")) {
      state = PROSE;
      continue;
    }
    if (is_text(l, "[]")) {
      if (json_array_size(c->expect)) {
        fail_at(f, i, "\"[]\" after expected objects");
        return -1;
      }
      c->exp_end = i + 1;
      continue;
    }
    if (l->n && l->s[0] == '{') {
      if (add_expectation(f, c, i)) return -1;
      c->exp_end = i + 1;
      continue;
    }
    fail_at(f, i, "expected a JSON object, \"[]\", a \"## ID\" or a \"# \" heading");
    return -1;
  }
  return 0;
}

static void free_file(ffile *f) {
  for (size_t i = 0; i < f->ncases; i++) {
    free(f->cases[i].id);
    free(f->cases[i].input);
    json_decref(f->cases[i].expect);
  }
  free(f->cases);
  free(f->lines);
  free(f->data);
  free(f->path);
  memset(f, 0, sizeof *f);
}

/* ----------------------------------------------------------------- files */

typedef struct pathlist {
  char **v;
  size_t n, cap;
} pathlist;

static int add_path(pathlist *pl, const char *p) {
  if (pl->n == pl->cap) {
    size_t cap = pl->cap ? pl->cap * 2 : 16;
    char **nv = realloc(pl->v, cap * sizeof *nv);
    if (!nv) return -1;
    pl->v = nv;
    pl->cap = cap;
  }
  return (pl->v[pl->n++] = strdup(p)) ? 0 : -1;
}

static int collect(pathlist *pl, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "run_fixtures: %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) return add_path(pl, path);
  struct dirent **names;
  int n = scandir(path, &names, NULL, alphasort);
  if (n < 0) {
    fprintf(stderr, "run_fixtures: %s: %s\n", path, strerror(errno));
    return -1;
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    size_t len = strlen(name);
    if (!rc && name[0] != '.') {
      char *sub = malloc(strlen(path) + len + 2);
      if (!sub) {
        rc = -1;
      } else {
        sprintf(sub, "%s/%s", path, name);
        struct stat s2;
        if (stat(sub, &s2) == 0 && S_ISDIR(s2.st_mode))
          rc = collect(pl, sub);
        else if (len > 3 && !strcmp(name + len - 3, ".md"))
          rc = add_path(pl, sub);
        free(sub);
      }
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

/* ------------------------------------------------------------- comparing */

static bool same_value(const json_t *want, const json_t *got) {
  if (json_is_null(want) || json_is_null(got)) return json_is_null(want) && json_is_null(got);
  if (json_is_number(want) && json_is_number(got)) {
    double a = json_number_value(want), b = json_number_value(got);
    return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
  }
  if (json_is_string(want) && json_is_string(got))
    return json_string_length(want) == json_string_length(got) &&
           !memcmp(json_string_value(want), json_string_value(got), json_string_length(want));
  if (json_is_boolean(want) && json_is_boolean(got)) return json_is_true(want) == json_is_true(got);
  return false;
}

static bool object_matches(const json_t *want, const json_t *got) {
  json_t *w = (json_t *)want; /* jansson's iterators take a non-const object */
  for (void *it = json_object_iter(w); it; it = json_object_iter_next(w, it)) {
    const json_t *g = json_object_get(got, json_object_iter_key(it));
    if (!g || !same_value(json_object_iter_value(it), g)) return false;
  }
  return true;
}

/* `o` with only `keys` (NULL-terminated), in that order, as one line. */
static char *dump_fields(const json_t *o, const char *const *keys, const json_t *only) {
  json_t *t = json_object();
  for (size_t i = 0; keys[i]; i++) {
    if (only && !json_object_get(only, keys[i])) continue;
    json_t *v = json_object_get(o, keys[i]);
    if (v) json_object_set(t, keys[i], v);
  }
  char *s = json_dumps(t, JSON_REAL_PRECISION(15));
  json_decref(t);
  return s;
}

static void print_obj(const char *label, const json_t *o, const char *const *keys,
                      const json_t *only) {
  char *s = dump_fields(o, keys, only);
  printf("  %-9s %s\n", label, s ? s : "?");
  free(s);
}

static void print_field_diffs(const json_t *want, const json_t *got) {
  json_t *w = (json_t *)want;
  for (void *it = json_object_iter(w); it; it = json_object_iter_next(w, it)) {
    const char *key = json_object_iter_key(it);
    const json_t *v = json_object_iter_value(it);
    const json_t *g = json_object_get(got, key);
    if (g && same_value(v, g)) continue;
    char *a = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    char *b = g ? json_dumps(g, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15)) : NULL;
    printf("            %s: expected %s, got %s\n", key, a ? a : "?", b ? b : "(absent)");
    free(a);
    free(b);
  }
}

/* Print the case's snippet, one quoted line per line. */
static void print_input(const fcase *c) {
  const char *s = c->input, *e = c->input + c->input_len;
  const char *label = "input:";
  do {
    const char *nl = memchr(s, '\n', (size_t)(e - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(e - s);
    printf("  %-9s %.*s\n", label, (int)n, s);
    label = "";
    s += n + (nl ? 1 : 0);
  } while (s < e);
}

static bool same_text(const json_t *a, const json_t *b) {
  const json_t *x = json_object_get(a, "text"), *y = json_object_get(b, "text");
  return x && y && same_value(x, y);
}

/* Print expected object w against got object g (either may be NULL). */
static void print_pair(const mode *m, const json_t *w, const json_t *g) {
  if (w && g) {
    if (object_matches(w, g)) {
      print_obj("same:", g, m->fields, w);
      return;
    }
    print_obj("expected:", w, m->fields, NULL);
    print_obj("got:", g, m->new_fields, NULL);
    print_field_diffs(w, g);
  } else if (w) {
    print_obj("missing:", w, m->fields, NULL);
  } else {
    print_obj("extra:", g, m->new_fields, NULL);
  }
}

/*
 * Compare; print a readable diff when they differ.  Returns true on a match.
 * Lists of the same length are compared object by object; otherwise they
 * are aligned on their `text` (longest common subsequence) so that one
 * missing or extra quantity shows as such, not as a cascade of differences.
 */
static bool check_case(const ffile *f, const fcase *c, const json_t *got) {
  size_t ne = json_array_size(c->expect), ng = json_array_size(got);
  bool ok = ne == ng;
  for (size_t i = 0; ok && i < ne; i++)
    ok = object_matches(json_array_get(c->expect, i), json_array_get(got, i));
  if (ok) return true;
  printf("FAIL %s (%s:%u)\n", c->id, f->path, c->lineno);
  print_input(c);
  const mode *m = f->mode;
  if (ne == ng) {
    for (size_t i = 0; i < ne; i++) print_pair(m, json_array_get(c->expect, i), json_array_get(got, i));
    return false;
  }
  /* LCS table on text equality, (ne+1) x (ng+1). */
  size_t *t = calloc((ne + 1) * (ng + 1), sizeof *t);
  if (!t) {
    printf("  (out of memory for the diff)\n");
    return false;
  }
#define T(i, j) t[(i) * (ng + 1) + (j)]
  for (size_t i = ne; i-- > 0;)
    for (size_t j = ng; j-- > 0;)
      T(i, j) = same_text(json_array_get(c->expect, i), json_array_get(got, j))
                    ? T(i + 1, j + 1) + 1
                    : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
  size_t i = 0, j = 0;
  while (i < ne || j < ng) {
    const json_t *w = i < ne ? json_array_get(c->expect, i) : NULL;
    const json_t *g = j < ng ? json_array_get(got, j) : NULL;
    if (w && g && same_text(w, g)) {
      print_pair(m, w, g);
      i++, j++;
    } else if (w && (!g || T(i + 1, j) >= T(i, j + 1))) {
      print_pair(m, w, NULL);
      i++;
    } else {
      print_pair(m, NULL, g);
      j++;
    }
  }
#undef T
  free(t);
  if (!ne && !ng) printf("  (no quantity expected)\n");
  return false;
}

/* ---------------------------------------------------------------- update */

/* Rewrite f->path with each case's expectations replaced by `gots[i]`
 * (keeping the fields of the expectation at the same position). */
static int update_file(const ffile *f, json_t *const *gots) {
  size_t plen = strlen(f->path);
  char *tmp = malloc(plen + 5);
  if (!tmp) return -1;
  sprintf(tmp, "%s.new", f->path);
  FILE *out = fopen(tmp, "wb");
  if (!out) {
    fprintf(stderr, "run_fixtures: %s: %s\n", tmp, strerror(errno));
    free(tmp);
    return -1;
  }
  size_t li = 0;
  for (size_t k = 0; k <= f->ncases; k++) {
    size_t stop = k < f->ncases ? f->cases[k].exp_first : f->nlines;
    for (; li < stop; li++) fprintf(out, "%.*s\n", (int)f->lines[li].n, f->lines[li].s);
    if (k == f->ncases) break;
    const fcase *c = &f->cases[k];
    const json_t *got = gots[k];
    if (!json_array_size(got)) fputs("[]\n", out);
    for (size_t i = 0; i < json_array_size(got); i++) {
      const json_t *w = json_array_get(c->expect, i);
      char *s = w ? dump_fields(json_array_get(got, i), f->mode->fields, w)
                  : dump_fields(json_array_get(got, i), f->mode->new_fields, NULL);
      fprintf(out, "%s\n", s ? s : "{}");
      free(s);
    }
    li = c->exp_end;
  }
  int bad = ferror(out);
  if (fclose(out) || bad || rename(tmp, f->path)) {
    fprintf(stderr, "run_fixtures: cannot write %s: %s\n", f->path, strerror(errno));
    free(tmp);
    return -1;
  }
  free(tmp);
  return 0;
}

/* ----------------------------------------------------------------- seeds */

static int write_seed(const char *dir, const fcase *c) {
  char *p = malloc(strlen(dir) + strlen(c->id) + 6);
  if (!p) return -1;
  sprintf(p, "%s/%s.txt", dir, c->id);
  FILE *fp = fopen(p, "wb");
  int rc = -1;
  if (fp) {
    rc = fwrite(c->input, 1, c->input_len, fp) == c->input_len ? 0 : -1;
    if (fclose(fp)) rc = -1;
  }
  if (rc) fprintf(stderr, "run_fixtures: %s: %s\n", p, strerror(errno));
  free(p);
  return rc;
}

/* ------------------------------------------------------------------ main */

static const char usage[] =
    "usage: run_fixtures [--mode M] [--grammars DIR] [--case ID] [--update] [--seeds DIR] "
    "PATH...\n";

typedef struct opts {
  const mode *mode;
  const char *grammars;
  const char *only;
  const char *seeds;
  bool update;
} opts;

/* One opened mode per run (modes hold a compiled grammar). */
typedef struct session {
  const mode *m;
  void *state;
} session;

static void *state_for(session *ss, size_t nss, const mode *m, const char *grammars) {
  for (size_t i = 0; i < nss; i++)
    if (ss[i].m == m) {
      if (!ss[i].state) {
        char why[256] = "";
        ss[i].state = m->open(grammars, why, sizeof why);
        if (!ss[i].state) fprintf(stderr, "run_fixtures: %s mode: %s\n", m->name, why);
      }
      return ss[i].state;
    }
  return NULL;
}

int main(int argc, char **argv) {
  opts o = {NULL, NULL, NULL, NULL, false};
  pathlist paths = {NULL, 0, 0};
  int status = 0;
  for (int i = 1; i < argc && !status; i++) {
    const char *a = argv[i];
    bool has_arg = i + 1 < argc;
    if (!strcmp(a, "--update")) {
      o.update = true;
    } else if (!strcmp(a, "--mode") && has_arg) {
      const char *name = argv[++i];
      o.mode = find_mode(name, strlen(name));
      if (!o.mode) {
        fprintf(stderr, "run_fixtures: unknown mode %s\n", name);
        status = 2;
      }
    } else if (!strcmp(a, "--grammars") && has_arg) {
      o.grammars = argv[++i];
    } else if (!strcmp(a, "--case") && has_arg) {
      o.only = argv[++i];
    } else if (!strcmp(a, "--seeds") && has_arg) {
      o.seeds = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fputs(usage, stderr);
      status = 2;
    } else if (collect(&paths, a)) {
      status = 2;
    }
  }
  if (status || !paths.n) {
    if (!status) fputs(usage, stderr);
    for (size_t i = 0; i < paths.n; i++) free(paths.v[i]);
    free(paths.v);
    return 2;
  }

  session ss[sizeof modes / sizeof modes[0]];
  for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) ss[i] = (session){&modes[i], NULL};
  size_t nss = sizeof modes / sizeof modes[0];

  /* Every ID, across files, to reject duplicates. */
  char **ids = NULL;
  size_t nids = 0, idcap = 0;
  size_t ncases = 0, nfailed = 0, nrun = 0;

  for (size_t p = 0; p < paths.n && status < 2; p++) {
    ffile f;
    memset(&f, 0, sizeof f);
    size_t len;
    f.path = strdup(paths.v[p]);
    if (!f.path || read_all(paths.v[p], &f.data, &len) || split_lines(&f, len)) {
      fprintf(stderr, "run_fixtures: %s: %s\n", paths.v[p], strerror(errno));
      free_file(&f);
      status = 2;
      break;
    }
    if (parse_file(&f, o.mode)) {
      free_file(&f);
      status = 2;
      break;
    }
    for (size_t k = 0; k < f.ncases; k++) {
      for (size_t j = 0; j < nids; j++)
        if (!strcmp(ids[j], f.cases[k].id)) {
          fail_at(&f, f.cases[k].lineno - 1, "duplicate case ID %s", f.cases[k].id);
          status = 2;
        }
      if (nids == idcap) {
        size_t cap = idcap ? idcap * 2 : 256;
        char **nv = realloc(ids, cap * sizeof *nv);
        if (!nv) {
          status = 2;
          break;
        }
        ids = nv;
        idcap = cap;
      }
      if ((ids[nids] = strdup(f.cases[k].id)) != NULL) nids++;
    }
    ncases += f.ncases;
    if (status >= 2 || !f.ncases) {
      free_file(&f);
      continue;
    }
    if (o.seeds) {
      for (size_t k = 0; k < f.ncases && status < 2; k++)
        if (write_seed(o.seeds, &f.cases[k])) status = 2;
      free_file(&f);
      continue;
    }
    void *st = state_for(ss, nss, f.mode, o.grammars);
    if (!st) {
      free_file(&f);
      status = 2;
      break;
    }
    json_t **gots = calloc(f.ncases, sizeof(json_t *));
    bool changed = false;
    for (size_t k = 0; k < f.ncases && gots; k++) {
      fcase *c = &f.cases[k];
      gots[k] = json_array();
      if (o.only && strncmp(c->id, o.only, strlen(o.only)) != 0) {
        json_array_extend(gots[k], c->expect); /* --update keeps it as is */
        continue;
      }
      nrun++;
      char why[256] = "";
      if (f.mode->run(st, c->input, c->input_len, gots[k], why, sizeof why)) {
        printf("FAIL %s (%s:%u)\n  %s\n", c->id, f.path, c->lineno, why);
        nfailed++;
        json_array_clear(gots[k]);
        json_array_extend(gots[k], c->expect);
        continue;
      }
      if (o.update) {
        size_t ne = json_array_size(c->expect);
        bool same = ne == json_array_size(gots[k]);
        for (size_t i = 0; same && i < ne; i++)
          same = object_matches(json_array_get(c->expect, i), json_array_get(gots[k], i));
        if (!same) {
          changed = true;
          printf("updated %s (%s:%u)\n", c->id, f.path, c->lineno);
        }
      } else if (!check_case(&f, c, gots[k])) {
        nfailed++;
      }
    }
    if (!gots) status = 2;
    else if (o.update && changed && update_file(&f, gots)) status = 2;
    for (size_t k = 0; gots && k < f.ncases; k++) json_decref(gots[k]);
    free(gots);
    free_file(&f);
  }

  for (size_t i = 0; i < nss; i++)
    if (ss[i].state) ss[i].m->close(ss[i].state);
  for (size_t i = 0; i < nids; i++) free(ids[i]);
  free(ids);
  for (size_t i = 0; i < paths.n; i++) free(paths.v[i]);
  free(paths.v);
  if (status >= 2) return status;
  if (o.seeds) {
    printf("run_fixtures: wrote %zu seeds to %s\n", ncases, o.seeds);
    return 0;
  }
  printf("run_fixtures: %zu cases in %zu files, %zu run, %zu failed%s\n", ncases, paths.n, nrun,
         nfailed, o.update ? " (update mode: nothing compared)" : "");
  return nfailed ? 1 : 0;
}
