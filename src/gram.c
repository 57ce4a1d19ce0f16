/*
 * gram.c — layer 2: loads grammars/fr/ (built in, or from a directory),
 * validates every file, builds the lexicon tables, expands the pattern
 * macros and compiles the patterns once with PCRE2 JIT.  See gram.h and
 * grammars/README.md for the file formats.
 */
#include "gram.h"

#include "embedded.h"
#include "gram_after.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------ file access */

typedef struct src {
  const char *name; /* "fr/numbers.tsv" */
  const char *data;
  size_t len;
} src;

static int read_file(bl_grammar *g, const char *dir, const char *name, src *out, bl_error *err) {
  out->name = name;
  out->data = NULL;
  out->len = 0;
  if (!dir) {
    for (const bl_embedded *e = bl_grammar_files; e->name; e++)
      if (strcmp(e->name, name) == 0) {
        out->data = e->data;
        out->len = e->len;
        return BL_OK;
      }
    return bl_fail(err, BL_GRAMMAR, "built-in grammar lacks %s", name);
  }
  if (g->ntexts >= BL_ARRAY_LEN(g->texts)) return bl_fail(err, BL_INTERNAL, "too many grammar files");
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) return bl_fail(err, BL_IO, "%s: %s", path, strerror(errno));
  bl_buf b;
  bl_buf_init(&b);
  char chunk[8192];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (bl_buf_add(&b, chunk, n)) {
      fclose(f);
      bl_buf_clear(&b);
      return bl_fail(err, BL_NOMEM, "out of memory");
    }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    bl_buf_clear(&b);
    return bl_fail(err, BL_IO, "%s: read error", path);
  }
  if (!b.ptr && bl_buf_add(&b, "", 0)) return bl_fail(err, BL_NOMEM, "out of memory");
  g->texts[g->ntexts++] = b.ptr;
  out->data = b.ptr;
  out->len = b.len;
  return BL_OK;
}

/* ----------------------------------------------------------------- lines */

typedef struct liner {
  const src *f;
  size_t pos;
  unsigned lineno;
  const char *line; /* current line, without '\n' */
  size_t len;
} liner;

static bool next_line(liner *l) {
  if (l->pos >= l->f->len) return false;
  const char *s = l->f->data + l->pos;
  const char *nl = memchr(s, '\n', l->f->len - l->pos);
  size_t n = nl ? (size_t)(nl - s) : l->f->len - l->pos;
  l->line = s;
  l->len = n;
  if (n && s[n - 1] == '\r') l->len--;
  l->pos += n + (nl ? 1 : 0);
  l->lineno++;
  return true;
}

__attribute__((format(printf, 4, 5)))
static int fail_line(bl_error *err, const liner *l, size_t col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char msg[160];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  bl_fail(err, BL_GRAMMAR, "%s", msg);
  if (err) {
    err->file = l->f->name;
    err->line = l->lineno;
    err->at.start = err->at.end = col;
  }
  return BL_GRAMMAR;
}

/* The first line must be "# format: KIND/1". */
static int check_format(liner *l, const char *kind, bl_error *err) {
  char want[64];
  snprintf(want, sizeof want, "# format: %s/1", kind);
  if (!next_line(l) || l->len != strlen(want) || memcmp(l->line, want, l->len) != 0)
    return fail_line(err, l, 1, "first line must be \"%s\"", want);
  return BL_OK;
}

static bool blank_or_comment(const liner *l) {
  for (size_t i = 0; i < l->len; i++) {
    if (l->line[i] == '#') return true;
    if (l->line[i] != ' ' && l->line[i] != '\t') return false;
  }
  return true;
}

/* Split a line on TABs into at most `max` fields; returns the count. */
static size_t split_tabs(const char *s, size_t n, bl_str *out, size_t max) {
  size_t k = 0, start = 0;
  for (size_t i = 0; i <= n && k < max; i++) {
    if (i == n || s[i] == '\t') {
      out[k++] = bl_str_make(s + start, i - start);
      start = i + 1;
    }
  }
  return k;
}

/* ---------------------------------------------------------------- lexicons */

/* The byte at s[i], lowercased: ASCII, and the capitals of Latin-1 in
 * UTF-8 (C3 80..C3 9E but for ×), which French writes at a sentence's
 * start ("À Lyon", "État", "Éric"). */
static inline unsigned char folded(unsigned char c, unsigned char prev) {
  if (c >= 'A' && c <= 'Z') return (unsigned char)(c | 0x20);
  if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) return (unsigned char)(c | 0x20);
  return c;
}

static uint64_t hash_form(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  unsigned char prev = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    h = (h ^ folded(c, prev)) * 1099511628211ull;
    prev = c;
  }
  return h;
}

static bool same_form(const char *a, const char *b, size_t n) {
  unsigned char pa = 0, pb = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x != y && folded(x, pa) != folded(y, pb)) return false;
    pa = x;
    pb = y;
  }
  return true;
}

static uint32_t len_bit(size_t n) {
  return 1u << (n < 31 ? n : 31);
}

static unsigned char fold_byte(char ch) {
  unsigned char c = (unsigned char)ch;
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

const bl_lexent *bl_lex_find(const bl_lexicon *lx, const char *s, size_t n) {
  if (!lx->nslots || (n && !(lx->lens[fold_byte(s[0])] & len_bit(n)))) return NULL;
  size_t mask = lx->nslots - 1;
  for (size_t i = hash_form(s, n) & mask;; i = (i + 1) & mask) {
    uint32_t k = lx->slots[i];
    if (!k) return NULL;
    const bl_lexent *e = &lx->ents[k - 1];
    if (e->len == n && same_form(e->form, s, n)) return e;
  }
}

static int lex_add(bl_lexicon *lx, const char *form, size_t len, double value, int kind,
                   const char *code, unsigned line) {
  if (bl_grow((void **)&lx->ents, &lx->cap, lx->n + 1, sizeof *lx->ents)) return BL_NOMEM;
  bl_lexent *e = &lx->ents[lx->n++];
  e->form = form;
  e->len = len;
  e->value = value;
  e->kind = kind;
  e->code = code;
  e->line = line;
  return BL_OK;
}

const bl_lexent *bl_lex_find_kind(const bl_lexicon *lx, const char *s, size_t n, unsigned kinds) {
  if (!lx->nslots) return NULL;
  size_t mask = lx->nslots - 1;
  for (size_t i = hash_form(s, n) & mask;; i = (i + 1) & mask) {
    uint32_t k = lx->slots[i];
    if (!k) return NULL;
    const bl_lexent *e = &lx->ents[k - 1];
    if (e->len == n && (kinds & (1u << e->kind)) && same_form(e->form, s, n)) return e;
  }
}

enum { LEX_FIRST, LEX_MERGE, LEX_ALL };

/* Build the hash.  A repeated form keeps its first entry (LEX_FIRST), ORs
 * the kinds into it (LEX_MERGE, the anchor set), or keeps every entry
 * (LEX_ALL: categories.tsv, looked up by kind). */
static int lex_index(bl_lexicon *lx, int mode) {
  bool merge_kinds = mode == LEX_MERGE;
  size_t ns = 16;
  while (ns < lx->n * 2 + 2) ns *= 2;
  bl_free(lx->slots);
  lx->slots = bl_calloc(ns, sizeof *lx->slots);
  if (!lx->slots) return BL_NOMEM;
  lx->nslots = ns;
  memset(lx->lens, 0, sizeof lx->lens);
  for (size_t k = 0; k < lx->n; k++) {
    bl_lexent *e = &lx->ents[k];
    if (e->len) lx->lens[fold_byte(e->form[0])] |= len_bit(e->len);
    size_t i = hash_form(e->form, e->len) & (ns - 1);
    for (;; i = (i + 1) & (ns - 1)) {
      uint32_t s = lx->slots[i];
      if (!s) {
        lx->slots[i] = (uint32_t)k + 1;
        break;
      }
      bl_lexent *o = &lx->ents[s - 1];
      if (mode != LEX_ALL && o->len == e->len && same_form(o->form, e->form, e->len)) {
        if (merge_kinds) o->kind |= e->kind;
        break;
      }
    }
  }
  return BL_OK;
}

static void lex_clear(bl_lexicon *lx) {
  bl_free(lx->ents);
  bl_free(lx->slots);
  memset(lx, 0, sizeof *lx);
}

/* ---------------------------------------------------------------- examples */

static int add_example(bl_grammar *g, const liner *l, const char *rule, int qualifier,
                       bool positive, const char *text, size_t n) {
  if (bl_grow((void **)&g->examples, &g->excap, g->nexamples + 1, sizeof *g->examples))
    return BL_NOMEM;
  char *t = bl_strndup(text, n);
  if (!t) return BL_NOMEM;
  bl_example *e = &g->examples[g->nexamples++];
  e->file = l->f->name;
  e->line = l->lineno;
  e->rule = rule;
  e->qualifier = qualifier;
  e->positive = positive;
  e->text = t;
  return BL_OK;
}

/* If the line is "ex+<TAB>text" or "ex-<TAB>text", record it and return 1. */
static int maybe_example(bl_grammar *g, const liner *l, const char *rule, int qualifier,
                         bl_error *err) {
  if (l->len < 4 || l->line[0] != 'e' || l->line[1] != 'x' ||
      (l->line[2] != '+' && l->line[2] != '-'))
    return 0;
  if (l->line[3] != '\t') return -fail_line(err, l, 4, "expected a TAB after %s", "ex+/ex-");
  if (!rule) return -fail_line(err, l, 1, "%s line before any rule", "example");
  if (add_example(g, l, rule, qualifier, l->line[2] == '+', l->line + 4, l->len - 4))
    return -bl_fail(err, BL_NOMEM, "out of memory");
  return 1;
}

/* ------------------------------------------------------------ TSV readers */

typedef struct kindname {
  const char *name;
  int kind;
} kindname;

static int kind_of(const kindname *table, bl_str s) {
  for (const kindname *k = table; k->name; k++)
    if (strlen(k->name) == s.len && memcmp(k->name, s.ptr, s.len) == 0) return k->kind;
  return -1;
}

static bool parse_value(bl_str s, double *out) {
  char tmp[64];
  if (s.len == 0 || s.len >= sizeof tmp) return false;
  memcpy(tmp, s.ptr, s.len);
  tmp[s.len] = '\0';
  char *end;
  errno = 0;
  double v = strtod(tmp, &end);
  if (errno || *end || !isfinite(v)) return false;
  *out = v;
  return true;
}

/* How to read one TSV lexicon. */
typedef struct lexspec {
  const char *file;
  const char *format;
  size_t ncols;
  int value_col;          /* numeric column -> value, or -1 */
  int kind_col;           /* named kind -> kind, or -1 */
  int code_col;           /* interned code -> code, or -1 */
  int cat_col;            /* category name or "-" -> value (-1 = none), or -1 */
  int group_col;          /* group name or "-" -> group, or -1 */
  bool expand;            /* forms may hold {a|b} endings */
  bool multi;             /* a form may have several rows (of different kinds) */
  const kindname *kinds;
} lexspec;

/* A unit code: "percent" or an ISO 4217 currency code that ICU knows
 * (ucurr_isAvailable over all dates). Returns a C string that lives as long
 * as the grammar in *out (NULL: not a code), or BL_NOMEM. */
static int own_str(bl_grammar *g, char *str);
static int intern_code(bl_grammar *g, bl_str s, const char **out) {
  *out = NULL;
  if (s.len == 7 && !memcmp(s.ptr, "percent", 7)) {
    *out = "percent";
    return BL_OK;
  }
  if (s.len != 3) return BL_OK;
  UChar iso[4];
  for (size_t i = 0; i < 3; i++) {
    if (s.ptr[i] < 'A' || s.ptr[i] > 'Z') return BL_OK;
    iso[i] = (UChar)s.ptr[i];
  }
  iso[3] = 0;
  UErrorCode ec = U_ZERO_ERROR;
  if (!ucurr_isAvailable(iso, U_DATE_MIN, U_DATE_MAX, &ec) || U_FAILURE(ec)) return BL_OK;
  for (size_t i = 0; i < g->nids; i++) /* one copy of each code */
    if (!strncmp(g->owned_ids[i], s.ptr, 3) && !g->owned_ids[i][3]) {
      *out = g->owned_ids[i];
      return BL_OK;
    }
  char *copy = bl_strndup(s.ptr, 3);
  if (!copy || own_str(g, copy)) return BL_NOMEM;
  *out = copy;
  return BL_OK;
}

/* Keep a string alive as long as the grammar. */
static int own_str(bl_grammar *g, char *str) {
  if (bl_grow((void **)&g->owned_ids, &g->idcap, g->nids + 1, sizeof *g->owned_ids)) {
    bl_free(str);
    return BL_NOMEM;
  }
  g->owned_ids[g->nids++] = str;
  return BL_OK;
}

/* Expand "tué{|e|s|es}" (any number of brace groups) and add each form. */
static int add_expanded(bl_grammar *g, bl_lexicon *lx, const char *form, size_t len,
                        const bl_lexent *proto) {
  const char *open = memchr(form, '{', len);
  if (!open) {
    char *copy = bl_strndup(form, len);
    if (!copy || own_str(g, copy)) return BL_NOMEM;
    bl_lexent e = *proto;
    e.form = copy;
    e.len = len;
    return lex_add(lx, e.form, e.len, e.value, e.kind, e.code, e.line) ? BL_NOMEM
           : (lx->ents[lx->n - 1].group = proto->group, BL_OK);
  }
  const char *close = memchr(open, '}', len - (size_t)(open - form));
  if (!close) return BL_GRAMMAR;
  size_t pre = (size_t)(open - form), post = len - (size_t)(close - form) - 1;
  const char *alt = open + 1;
  for (;;) {
    const char *bar = alt;
    while (bar < close && *bar != '|') bar++;
    size_t an = (size_t)(bar - alt);
    char *tmp = bl_malloc(pre + an + post + 1);
    if (!tmp) return BL_NOMEM;
    memcpy(tmp, form, pre);
    memcpy(tmp + pre, alt, an);
    memcpy(tmp + pre + an, close + 1, post);
    int rc = add_expanded(g, lx, tmp, pre + an + post, proto);
    bl_free(tmp);
    if (rc) return rc;
    if (bar >= close) break;
    alt = bar + 1;
  }
  return BL_OK;
}

static int read_lexicon(bl_grammar *g, const char *dir, const lexspec *spec, bl_lexicon *lx,
                        bl_error *err) {
  src f;
  int rc = read_file(g, dir, spec->file, &f, err);
  if (rc) return rc;
  lx->file = spec->file;
  liner l = {&f, 0, 0, NULL, 0};
  if ((rc = check_format(&l, spec->format, err))) return rc;
  while (next_line(&l)) {
    if (blank_or_comment(&l)) continue;
    int ex = maybe_example(g, &l, spec->file, -1, err);
    if (ex < 0) return -ex;
    if (ex) continue;
    bl_str col[6];
    size_t n = split_tabs(l.line, l.len, col, 6);
    if (n != spec->ncols) return fail_line(err, &l, 1, "expected %zu TAB-separated columns", spec->ncols);
    if (col[0].len == 0) return fail_line(err, &l, 1, "empty form");
    bl_lexent e = {NULL, 0, 0, 0, NULL, l.lineno, 0};
#define COLNO(c) ((size_t)(col[c].ptr - l.line) + 1)
    if (spec->value_col >= 0 && !parse_value(col[spec->value_col], &e.value))
      return fail_line(err, &l, COLNO(spec->value_col), "value is not a number");
    if (spec->kind_col >= 0 && (e.kind = kind_of(spec->kinds, col[spec->kind_col])) < 0)
      return fail_line(err, &l, COLNO(spec->kind_col), "unknown kind \"%.*s\"",
                       (int)col[spec->kind_col].len, col[spec->kind_col].ptr);
    if (spec->code_col >= 0 && intern_code(g, col[spec->code_col], &e.code))
      return bl_fail(err, BL_NOMEM, "out of memory");
    if (spec->code_col >= 0 && !e.code)
      return fail_line(err, &l, COLNO(spec->code_col), "unknown code \"%.*s\"",
                       (int)col[spec->code_col].len, col[spec->code_col].ptr);
    if (spec->cat_col >= 0) {
      bl_str c = col[spec->cat_col];
      char name[24];
      snprintf(name, sizeof name, "%.*s", (int)c.len, c.ptr);
      e.value = (c.len == 1 && c.ptr[0] == '-') ? -1 : bl_category_from_name(name);
      if (e.value < -1 || (e.value == -1 && !(c.len == 1 && c.ptr[0] == '-')))
        return fail_line(err, &l, COLNO(spec->cat_col), "unknown category \"%s\"", name);
    }
    if (spec->group_col >= 0) {
      bl_str c = col[spec->group_col];
      char name[24];
      snprintf(name, sizeof name, "%.*s", (int)c.len, c.ptr);
      e.group = (c.len == 1 && c.ptr[0] == '-') ? 0 : bl_group_from_name(name);
      if (e.group < 0) return fail_line(err, &l, COLNO(spec->group_col), "unknown group \"%s\"", name);
    }
#undef COLNO
    if (spec->expand) {
      rc = add_expanded(g, lx, col[0].ptr, col[0].len, &e);
      if (rc == BL_GRAMMAR) return fail_line(err, &l, 1, "unclosed { in form");
      if (rc) return bl_fail(err, BL_NOMEM, "out of memory");
    } else if (lex_add(lx, col[0].ptr, col[0].len, e.value, e.kind, e.code, l.lineno)) {
      return bl_fail(err, BL_NOMEM, "out of memory");
    }
  }
  return lex_index(lx, spec->multi ? LEX_ALL : LEX_FIRST) ? bl_fail(err, BL_NOMEM, "out of memory")
                                                          : BL_OK;
}

static const kindname number_kinds[] = {
    {"unit", NW_UNIT}, {"teen", NW_TEEN}, {"tens", NW_TENS}, {"hundred", NW_HUNDRED},
    {"thousand", NW_THOUSAND}, {"scale", NW_SCALE}, {"half", NW_HALF}, {"abbr", NW_ABBR},
    {NULL, 0}};
static const kindname vague_kinds[] = {{"det", VG_DET}, {"alone", VG_ALONE}, {NULL, 0}};
static const kindname unit_kinds[] = {{"sign", UN_SIGN}, {"word", UN_WORD}, {NULL, 0}};
static const kindname calendar_kinds[] = {{"month", CAL_MONTH}, {"day", CAL_DAY}, {NULL, 0}};
static const kindname category_kinds[] = {{"noun", CK_NOUN}, {"thing", CK_THING}, {"pred", CK_PRED},
                                          {"weak", CK_WEAK}, {"verb", CK_VERB}, {"comp", CK_COMP},
                                          {"zero", CK_ZERO}, {"fixed", CK_FIXED},
                                          {NULL, 0}};
static const kindname notclaim_kinds[] = {{"duration", NC_DURATION}, {"age", NC_AGE},
                                          {"measure", NC_MEASURE}, {"ratio", NC_RATIO},
                                          {"stat", NC_STAT}, {"time", NC_TIME},
                                          {"frequency", NC_FREQUENCY}, {"difference", NC_DIFFERENCE},
                                          {NULL, 0}};
static const kindname word_kinds[] = {{"det", WD_DET}, {"prep", WD_PREP}, {"conj", WD_CONJ},
                                      {"pron", WD_PRON}, {"aux", WD_AUX}, {"adv", WD_ADV},
                                      {"time", WD_TIME}, {"zero", WD_ZERO}, {"nosrc", WD_NOSRC}, {"stop", WD_STOP}, {"have", WD_HAVE},
                                      {"amount", WD_AMOUNT}, {"share", WD_SHARE},
                                      {"fall", WD_FALL}, {"rise", WD_RISE},
                                      {"fall_noun", WD_FALL_NOUN}, {"rise_noun", WD_RISE_NOUN},
                                      {"count_noun", WD_COUNT_NOUN},
                                      {"prenominal", WD_PRENOMINAL},
                                      {"zero_pronoun", WD_ZERO_PRONOUN},
                                      {NULL, 0}};
static const kindname speech_kinds[] = {{"pp", SP_PP},   {"pres", SP_PRES}, {"ger", SP_GER},
                                        {"fund", SP_FUND}, {"tally", SP_TALLY}, {"quote", SP_QUOTE}, {NULL, 0}};
static const kindname status_kinds[] = {{"provisional", ST_PROVISIONAL}, {"final", ST_FINAL},
                                        {"revised", ST_REVISED}, {"delta", ST_DELTA},
                                        {"window", ST_WINDOW}, {"total", ST_TOTAL}, {"stock", ST_STOCK}, {"period", ST_PERIOD},
                                        {NULL, 0}};

/* file, format, ncols, value, kind, code, cat, group, expand, multi, kinds */
static const lexspec lex_numbers = {"fr/numbers.tsv", "numbers", 3, 1, 2, -1, -1, -1, false, false, number_kinds};
static const lexspec lex_approx = {"fr/approx.tsv", "approx", 2, 1, -1, -1, -1, -1, false, false, NULL};
static const lexspec lex_vague = {"fr/vague.tsv", "vague", 2, -1, 1, -1, -1, -1, false, false, vague_kinds};
static const lexspec lex_units = {"fr/units.tsv", "units", 3, -1, 2, 1, -1, -1, false, false, unit_kinds};
static const lexspec lex_calendar = {"fr/calendar.tsv", "calendar", 3, 2, 1, -1, -1, -1, false, false, calendar_kinds};
static const lexspec lex_categories = {"fr/categories.tsv", "categories", 4, -1, 3, -1, 1, 2, true, true, category_kinds};
static const lexspec lex_notclaim = {"fr/notclaim.tsv", "notclaim", 2, -1, 1, -1, -1, -1, true, false, notclaim_kinds};
static const lexspec lex_words = {"fr/words.tsv", "words", 2, -1, 1, -1, -1, -1, false, false, word_kinds};
static const lexspec lex_speech = {"fr/speech.tsv", "speech", 2, -1, 1, -1, -1, -1, true, false, speech_kinds};
static const lexspec lex_status = {"fr/status.tsv", "status", 2, -1, 1, -1, -1, -1, true, false, status_kinds};
static const kindname care_kinds[] = {{"care", CARE_CARE}, {"wound", CARE_WOUND}, {"illness", CARE_ILLNESS}, {NULL, 0}};
static const lexspec lex_care = {"fr/care.tsv", "care", 2, -1, 1, -1, -1, -1, true, false, care_kinds};
static const kindname severity_kinds[] = {{"light", SEV_LIGHT}, {"serious", SEV_SERIOUS}, {NULL, 0}};
static const lexspec lex_severity = {"fr/severity.tsv", "severity", 2, -1, 1, -1, -1, -1, true, false, severity_kinds};
static const kindname gender_kinds[] = {{"feminine", GN_FEMININE}, {"masculine", GN_MASCULINE}, {"fem_ending", GN_FEM_ENDING}, {NULL, 0}};
static const lexspec lex_gender = {"fr/gender.tsv", "gender", 2, -1, 1, -1, -1, -1, false, false, gender_kinds};
static const kindname witness_kinds[] = {{"witness", WT_WITNESS}, {NULL, 0}};
static const lexspec lex_witnesses = {"fr/witnesses.tsv", "witnesses", 2, -1, 1, -1, -1, -1, true, false, witness_kinds};
static const kindname anaphor_kinds[] = {{"org", AN_ORG}, {"person", AN_PERSON}, {"role", AN_ROLE}, {NULL, 0}};
static const lexspec lex_anaphors = {"fr/anaphors.tsv", "anaphors", 2, -1, 1, -1, -1, -1, false, false, anaphor_kinds};
static const kindname currency_kinds[] = {{"USD", CUR_DOLLAR}, {"DZD", CUR_DINAR}, {NULL, 0}};
static const lexspec lex_currency = {"fr/currency.tsv", "currency", 3, -1, 2, 1, -1, -1, true, false, currency_kinds};
static const lexspec lex_abbrev = {"fr/abbrev.txt", "abbrev", 1, -1, -1, -1, -1, -1, false, false, NULL};
static const kindname date_kinds[] = {
    {"rel", DT_REL}, {"past", DT_PAST}, {"next", DT_NEXT}, {"break", DT_BREAK}, {"since", DT_SINCE},
    {NULL, 0}};
static const kindname name_kinds[] = {{"drop", NM_DROP}, {"office", NM_OFFICE}, {"particle", NM_PARTICLE}, {NULL, 0}};
static const kindname place_kinds[] = {{"locative", PL_LOCATIVE}, {"street", PL_STREET}, {"adjective", PL_ADJECTIVE}, {"area", PL_AREA}, {NULL, 0}};
static const lexspec lex_dates = {"fr/dates.tsv", "dates", 3, 2, 1, -1, -1, -1, false, false, date_kinds};
static const lexspec lex_names = {"fr/names.tsv", "names", 3, 2, 1, -1, -1, -1, false, false, name_kinds};
static const lexspec lex_places = {"fr/places.tsv", "places", 2, -1, 1, -1, -1, -1, false, false, place_kinds};

/* ------------------------------------------------------------------ hedges */

typedef struct hedge {
  const char *id; /* owned copy */
  bl_hedge_pos pos;
  bl_qualifier qualifier;
  bl_str words; /* borrowed from the file text */
} hedge;

typedef struct loadstate {
  hedge *hedges;
  size_t nhedges, hcap;
  bl_buf pattern; /* scratch for macro expansion */
} loadstate;

static const kindname hedge_positions[] = {
    {"pre", HP_PRE}, {"post", HP_POST}, {"verb", HP_VERB}, {NULL, 0}};
static const kindname qualifier_names[] = {
    {"exact", BL_EXACT},       {"more_than", BL_MORE_THAN}, {"at_least", BL_AT_LEAST},
    {"less_than", BL_LESS_THAN}, {"at_most", BL_AT_MOST},   {"about", BL_ABOUT},
    {"range", BL_RANGE},       {"vague", BL_VAGUE},         {NULL, 0}};

static int read_hedges(bl_grammar *g, const char *dir, loadstate *ls, bl_error *err) {
  src f;
  int rc = read_file(g, dir, "fr/hedges.tsv", &f, err);
  if (rc) return rc;
  liner l = {&f, 0, 0, NULL, 0};
  if ((rc = check_format(&l, "hedges", err))) return rc;
  while (next_line(&l)) {
    if (blank_or_comment(&l)) continue;
    const hedge *last = ls->nhedges ? &ls->hedges[ls->nhedges - 1] : NULL;
    int ex = maybe_example(g, &l, last ? last->id : NULL, last ? (int)last->qualifier : -1, err);
    if (ex < 0) return -ex;
    if (ex) continue;
    bl_str col[4];
    if (split_tabs(l.line, l.len, col, 4) != 4)
      return fail_line(err, &l, 1, "expected %s TAB-separated columns", "4");
    int pos = kind_of(hedge_positions, col[1]);
    int q = kind_of(qualifier_names, col[2]);
    if (pos < 0) return fail_line(err, &l, (size_t)(col[1].ptr - l.line) + 1, "%s", "position must be pre, post or verb");
    if (q < 0 || q == BL_EXACT || q == BL_RANGE || q == BL_VAGUE)
      return fail_line(err, &l, (size_t)(col[2].ptr - l.line) + 1, "%s",
                       "qualifier must be more_than, at_least, less_than, at_most or about");
    if (bl_grow((void **)&ls->hedges, &ls->hcap, ls->nhedges + 1, sizeof *ls->hedges))
      return bl_fail(err, BL_NOMEM, "out of memory");
    hedge *h = &ls->hedges[ls->nhedges];
    h->id = bl_strndup(col[0].ptr, col[0].len);
    if (!h->id) return bl_fail(err, BL_NOMEM, "out of memory");
    ls->nhedges++;
    h->pos = (bl_hedge_pos)pos;
    h->qualifier = (bl_qualifier)q;
    h->words = col[3];
  }
  return BL_OK;
}

/* --------------------------------------------------------- macro expansion */

/* Append a literal form, escaped for an extended-mode pattern; a space means
 * any run of spaces, or exactly one inside a (fixed-length) lookbehind. */
static int add_literal_as(bl_buf *b, const char *s, size_t n, bool fixed) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ') {
      if (bl_buf_adds(b, fixed ? "\\s" : "\\s+")) return BL_NOMEM;
      continue;
    }
    if (strchr("\\^$.|?*+()[]{}#-'", c) && bl_buf_addc(b, '\\')) return BL_NOMEM;
    if (bl_buf_addc(b, c)) return BL_NOMEM;
  }
  return BL_OK;
}

static int add_literal(bl_buf *b, const char *s, size_t n) {
  return add_literal_as(b, s, n, false);
}

/* Append a hedges.tsv fragment (plain PCRE2, spaces significant) into an
 * extended-mode pattern: spaces become \s+, '#' is escaped. */
static int add_fragment(bl_buf *b, bl_str s) {
  for (size_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    int rc = c == ' ' ? bl_buf_adds(b, "\\s+") : c == '#' ? bl_buf_adds(b, "\\#") : bl_buf_addc(b, c);
    if (rc) return BL_NOMEM;
  }
  return BL_OK;
}

typedef bool (*lexfilter)(const bl_lexent *e, int arg);

static bool any_entry(const bl_lexent *e, int arg) {
  BL_UNUSED(e);
  BL_UNUSED(arg);
  return true;
}
static bool kind_is_not(const bl_lexent *e, int arg) {
  return e->kind != arg;
}
static bool kind_is(const bl_lexent *e, int arg) {
  return e->kind == arg;
}
/* arg 1: forms that begin with an ASCII letter from a to l; 2: the others
 * (one alternation of them all passes PCRE2's 64 KiB limit on compiled
 * patterns; a match begins with one letter, so at any place one half only
 * can match). */
static bool kind_pred_or_weak(const bl_lexent *e, int arg) {
  if (e->kind != CK_PRED && e->kind != CK_WEAK) return false;
  bool a_to_l = e->len && e->form[0] >= 'a' && e->form[0] <= 'l';
  return arg == 1 ? a_to_l : !a_to_l;
}
static bool is_plural(const bl_lexent *e, int arg) {
  BL_UNUSED(arg);
  return e->len > 1 && (e->form[e->len - 1] == 's' || e->form[e->len - 1] == 'x');
}

static int cmp_len_desc(const void *a, const void *b) {
  const bl_lexent *x = *(const bl_lexent *const *)a, *y = *(const bl_lexent *const *)b;
  return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

/* A form being written into a factored alternation: bytes [pos, len) are
 * still to be written. */
typedef struct tword {
  const char *s;
  size_t len, pos;
} tword;

/* The next token of w: one character, or a space (key -1, written "\\s+"
 * as add_literal does).  Sets *n to its length in bytes; returns its
 * case-folded key. */
static int32_t token_key(const tword *w, size_t *n) {
  const unsigned char *u = (const unsigned char *)w->s;
  size_t i = w->pos;
  if (u[i] == ' ') {
    *n = 1;
    return -1;
  }
  UChar32 c;
  U8_NEXT(u, i, w->len, c);
  *n = i - w->pos;
  return c < 0 ? (int32_t)u[w->pos] | 0x40000000 : (int32_t)u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

/*
 * Append the ordered alternation of words v[0..n) with common prefixes
 * factored out: "(?:c(?:inq(?:uante|)|ent(?:s|))|...)" for "cinquante cinq
 * cents cent ...".  Alternatives that start with different characters cannot
 * both match at one place, so grouping them by first character (keeping their
 * order inside each group, and an exhausted word where it stood) tries the
 * same alternatives in the same order as the flat list, while PCRE2 rejects a
 * word by its first letter once instead of once per form.
 */
static int add_factored(bl_buf *b, tword *v, size_t n) {
  if (n == 1) return add_literal(b, v[0].s + v[0].pos, v[0].len - v[0].pos);
  int rc = bl_buf_adds(b, "(?:");
  bool first = true;
  for (size_t i = 0; i < n && !rc; i++) {
    if (v[i].pos == SIZE_MAX) continue; /* written with an earlier word of its group */
    if (!first) rc = bl_buf_addc(b, '|');
    first = false;
    if (rc || v[i].pos == v[i].len) continue; /* an exhausted word: the empty alternative */
    size_t tn;
    int32_t key = token_key(&v[i], &tn);
    /* Gather the group of words starting with this token, in order. */
    tword *grp = bl_malloc((n - i) * sizeof *grp);
    if (!grp) return BL_NOMEM;
    size_t ng = 0;
    for (size_t k = i; k < n; k++) {
      if (v[k].pos == SIZE_MAX || v[k].pos == v[k].len) continue;
      size_t kn;
      if (token_key(&v[k], &kn) != key) continue;
      grp[ng] = v[k];
      grp[ng++].pos += kn;
      if (k != i) v[k].pos = SIZE_MAX;
    }
    if (ng == 1) {
      rc = add_literal(b, v[i].s + v[i].pos, v[i].len - v[i].pos);
    } else {
      rc = key == -1 ? bl_buf_adds(b, "\\s+") : add_literal(b, v[i].s + v[i].pos, tn);
      rc = rc ? rc : add_factored(b, grp, ng);
    }
    bl_free(grp);
  }
  return rc ? rc : bl_buf_addc(b, ')');
}

/* Append the alternation of the entries of lx passing `keep`, longest first
 * so that "septante" is tried before "sept", prefixes factored. */
static int add_alternation(bl_buf *b, const bl_lexicon *lx, lexfilter keep, int arg) {
  const bl_lexent **v = bl_malloc((lx->n + 1) * sizeof(const bl_lexent *));
  tword *w = bl_malloc((lx->n + 1) * sizeof *w);
  if (!v || !w) {
    bl_free(v);
    bl_free(w);
    return BL_NOMEM;
  }
  size_t n = 0;
  for (size_t i = 0; i < lx->n; i++)
    if (keep(&lx->ents[i], arg)) v[n++] = &lx->ents[i];
  qsort(v, n, sizeof(const bl_lexent *), cmp_len_desc);
  for (size_t i = 0; i < n; i++) w[i] = (tword){v[i]->form, v[i]->len, 0};
  int rc = bl_buf_adds(b, "(?:");
  if (!rc) rc = n ? add_factored(b, w, n) : bl_buf_adds(b, "(*FAIL)");
  if (!rc) rc = bl_buf_addc(b, ')');
  bl_free(v);
  bl_free(w);
  return rc;
}

static int add_hedges(bl_buf *b, const loadstate *ls, bl_hedge_pos pos) {
  static const char *const prefix[] = {"hp_", "hq_", "hv_"};
  int rc = bl_buf_adds(b, "(?:");
  bool first = true;
  for (int q = BL_MORE_THAN; q <= BL_ABOUT && !rc; q++) {
    bool any = false;
    for (size_t i = 0; i < ls->nhedges && !rc; i++) {
      const hedge *h = &ls->hedges[i];
      if (h->pos != pos || (int)h->qualifier != q) continue;
      if (!any) {
        if (!first) rc = rc ? rc : bl_buf_addc(b, '|');
        rc = rc ? rc : bl_buf_printf(b, "(?<%s%s>", prefix[pos], qualifier_names[q].name);
        any = true;
        first = false;
      } else {
        rc = bl_buf_addc(b, '|');
      }
      rc = rc ? rc : bl_buf_adds(b, "(?:");
      rc = rc ? rc : add_fragment(b, h->words);
      rc = rc ? rc : bl_buf_addc(b, ')');
    }
    if (any && !rc) rc = bl_buf_addc(b, ')');
  }
  if (first && !rc) rc = bl_buf_adds(b, "(*FAIL)");
  return rc ? rc : bl_buf_addc(b, ')');
}

/* Expand macros of one rule body into b.  `where` locates errors. */
static int expand(bl_grammar *g, const loadstate *ls, bl_buf *b, const char *s, size_t n,
                  const liner *where, bl_error *err) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '@') {
      if (bl_buf_addc(b, s[i])) return bl_fail(err, BL_NOMEM, "out of memory");
      continue;
    }
    size_t j = i + 1;
    while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_')) j++;
    char name[32];
    size_t nn = j - i - 1;
    if (nn == 0 || nn >= sizeof name) {
      if (bl_buf_addc(b, '@')) return bl_fail(err, BL_NOMEM, "out of memory");
      continue;
    }
    memcpy(name, s + i + 1, nn);
    name[nn] = '\0';
    int rc = BL_OK;
    if (j < n && s[j] == '(' && (!strcmp(name, "after") || !strcmp(name, "notafter"))) {
      size_t k = j + 1;
      while (k < n && s[k] != ')') k++;
      if (k >= n) return fail_line(err, where, 1, "unclosed @%s(", name);
      rc = bl_gram_after(b, s + j + 1, k - j - 1, name[0] == 'n');
      i = k;
    } else if (j < n && s[j] == '@') {
      const struct {
        const char *name;
        const bl_lexicon *lx;
        lexfilter keep;
        int arg;
      } table[] = {
          {"numword", &g->numbers, kind_is_not, NW_ABBR},
          {"abbr", &g->numbers, kind_is, NW_ABBR},   {"unit", &g->numbers, kind_is, NW_UNIT},
          {"teen", &g->numbers, kind_is, NW_TEEN},  {"tens", &g->numbers, kind_is, NW_TENS},
          {"hundred", &g->numbers, kind_is, NW_HUNDRED},
          {"thousand", &g->numbers, kind_is, NW_THOUSAND},
          {"scale", &g->numbers, kind_is, NW_SCALE}, {"half", &g->numbers, kind_is, NW_HALF},
          {"approx", &g->approx, any_entry, 0},     {"approx_pl", &g->approx, is_plural, 0},
          {"vague_det", &g->vague, any_entry, 0},   {"vague_alone", &g->vague, kind_is, VG_ALONE},
          {"unit_sign", &g->units, kind_is, UN_SIGN}, {"unit_word", &g->units, kind_is, UN_WORD},
          {"month", &g->calendar, kind_is, CAL_MONTH}, {"day", &g->calendar, kind_is, CAL_DAY},
          {"cat_noun", &g->categories, kind_is, CK_NOUN},
          {"cat_thing", &g->categories, kind_is, CK_THING},
          {"cat_pred_a_to_l", &g->categories, kind_pred_or_weak, 1},
          {"cat_pred_rest", &g->categories, kind_pred_or_weak, 2},
          {"cat_verb", &g->categories, kind_is, CK_VERB},
          {"cat_comp", &g->categories, kind_is, CK_COMP},
          {"notclaim", &g->notclaim, any_entry, 0},
          {"speech_pp", &g->speech, kind_is, SP_PP},
          {"speech_pres", &g->speech, kind_is, SP_PRES},
          {"speech_ger", &g->speech, kind_is, SP_GER},
          {"speech_fund", &g->speech, kind_is, SP_FUND},
          {"speech_tally", &g->speech, kind_is, SP_TALLY},
          {"speech_quote", &g->speech, kind_is, SP_QUOTE},
          {"status", &g->status, any_entry, 0},
          {"currency_cue", &g->currency, any_entry, 0},
      };
      bool found = false;
      for (size_t t = 0; t < BL_ARRAY_LEN(table) && !found; t++)
        if (!strcmp(table[t].name, name)) {
          rc = add_alternation(b, table[t].lx, table[t].keep, table[t].arg);
          found = true;
        }
      if (!found && !strcmp(name, "hedge_pre")) rc = add_hedges(b, ls, HP_PRE), found = true;
      if (!found && !strcmp(name, "hedge_post")) rc = add_hedges(b, ls, HP_POST), found = true;
      if (!found && !strcmp(name, "hedge_verb")) rc = add_hedges(b, ls, HP_VERB), found = true;
      if (!found) return fail_line(err, where, 1, "unknown macro @%s@", name);
      i = j;
    } else {
      rc = bl_buf_addc(b, '@');
    }
    if (rc) return bl_fail(err, BL_NOMEM, "out of memory");
  }
  return BL_OK;
}

/* --------------------------------------------------------------- .pcre files */

typedef struct rule {
  char *id;          /* owned */
  bl_buf body;       /* owned: raw pattern lines */
  unsigned line;     /* line of "rule" */
} rule;

typedef struct ruleset {
  rule *rules;
  size_t n, cap;
} ruleset;

static void ruleset_clear(ruleset *rs) {
  for (size_t i = 0; i < rs->n; i++) {
    bl_free(rs->rules[i].id);
    bl_buf_clear(&rs->rules[i].body);
  }
  bl_free(rs->rules);
  memset(rs, 0, sizeof *rs);
}

/* Rule ids live as long as the grammar (examples point at them). */
static int read_rules(bl_grammar *g, const char *dir, const char *name, ruleset *rs, bl_error *err) {
  src f;
  int rc = read_file(g, dir, name, &f, err);
  if (rc) return rc;
  liner l = {&f, 0, 0, NULL, 0};
  if ((rc = check_format(&l, "patterns", err))) return rc;
  while (next_line(&l)) {
    rule *cur = rs->n ? &rs->rules[rs->n - 1] : NULL;
    if (l.len && (l.line[0] == ' ' || l.line[0] == '\t')) {
      if (!cur) return fail_line(err, &l, 1, "%s", "pattern line before any rule");
      if (bl_buf_add(&cur->body, l.line, l.len) || bl_buf_addc(&cur->body, '\n'))
        return bl_fail(err, BL_NOMEM, "out of memory");
      continue;
    }
    if (blank_or_comment(&l)) continue;
    int ex = maybe_example(g, &l, cur ? cur->id : NULL, -1, err);
    if (ex < 0) return -ex;
    if (ex) continue;
    if (l.len > 5 && memcmp(l.line, "rule\t", 5) == 0) {
      if (bl_grow((void **)&rs->rules, &rs->cap, rs->n + 1, sizeof *rs->rules))
        return bl_fail(err, BL_NOMEM, "out of memory");
      rule *r = &rs->rules[rs->n];
      memset(r, 0, sizeof *r);
      r->id = bl_strndup(l.line + 5, l.len - 5);
      if (!r->id) return bl_fail(err, BL_NOMEM, "out of memory");
      for (char *p = r->id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
          return fail_line(err, &l, 6, "%s", "rule ids are [a-z0-9_-]");
      r->line = l.lineno;
      rs->n++;
      continue;
    }
    return fail_line(err, &l, 1, "%s", "expected \"rule<TAB>ID\", an indented pattern line, ex+ or ex-");
  }
  return BL_OK;
}

static const rule *find_rule(const ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->n; i++)
    if (!strcmp(rs->rules[i].id, id)) return &rs->rules[i];
  return NULL;
}

/* Compile the expanded pattern in b; on error point at the rule's file/line. */
static pcre2_code *compile_rule(const bl_buf *b, uint32_t opts, const char *file, unsigned line,
                                bl_error *err) {
  pcre2_code *re = bl_rx_compile(b->ptr, b->len, opts, err);
  if (!re && err) {
    /* Report the offending spot of the expanded pattern. */
    size_t off = err->at.start;
    size_t from = off > 30 ? off - 30 : 0;
    char ctx[64];
    snprintf(ctx, sizeof ctx, "%.*s", (int)(off - from), b->ptr + from);
    char msg[160];
    snprintf(msg, sizeof msg, "%.80s (near \"...%.50s\")", err->msg, ctx);
    memcpy(err->msg, msg, sizeof msg);
    err->file = file;
    err->line = line;
  }
  return re;
}

/*
 * The pairs of ASCII bytes a word must begin with for the starter rule to
 * accept it: PCRE2's partial match on the two bytes alone says whether any
 * text that begins with them may match (a hard partial match is reported as
 * soon as the subject's end is reached).  Most words before a figure ("le",
 * "les", "dans", "pour") fail on this table instead of a call into the
 * pattern.  The rule never looks behind the word's start (quantity.pcre).
 */
static int starter_pairs(bl_grammar *g) {
  memset(g->starter_pair, 0xff, sizeof g->starter_pair);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(g->starter, NULL);
  if (!md) return BL_NOMEM;
  for (unsigned c1 = 1; c1 < 128; c1++) {
    if (!(g->starter_first[c1 / 8] & (1u << (c1 % 8)))) continue;
    for (unsigned c2 = 'A'; c2 <= 'z'; c2++) {
      if (c2 > 'Z' && c2 < 'a') continue; /* letters only: the other pairs are not tested */
      const unsigned char two[2] = {(unsigned char)c1, (unsigned char)c2};
      /* the JIT code is for complete matches: this runs in the interpreter
       * (JIT code for partial matches costs more to make than it saves) */
      int rc = pcre2_match(g->starter, two, 2, 0, PCRE2_PARTIAL_HARD, md, NULL);
      if (rc == PCRE2_ERROR_NOMATCH) g->starter_pair[c1][c2 / 8] &= (uint8_t)~(1u << (c2 % 8));
    }
  }
  pcre2_match_data_free(md);
  return BL_OK;
}

/* Strip (*MARK) etc. are not needed; rule bodies are wrapped as
 * (?:BODY)(*MARK:id) into one alternation for the exclusion pattern. */
static int build_alternation(bl_grammar *g, const loadstate *ls, const ruleset *rs, const char *file,
                             pcre2_code **out, bl_error *err) {
  bl_buf b;
  bl_buf_init(&b);
  int rc = bl_buf_adds(&b, "(?:");
  for (size_t i = 0; i < rs->n && !rc; i++) {
    liner where = {NULL, 0, rs->rules[i].line, NULL, 0};
    src fake = {file, NULL, 0};
    where.f = &fake;
    if (i) rc = bl_buf_addc(&b, '|');
    rc = rc ? rc : bl_buf_adds(&b, "(?:");
    if (!rc) rc = expand(g, ls, &b, rs->rules[i].body.ptr, rs->rules[i].body.len, &where, err);
    if (rc) break;
    rc = bl_buf_printf(&b, ")(*MARK:%s)", rs->rules[i].id);
  }
  if (!rc) rc = bl_buf_addc(&b, ')');
  if (rc) {
    bl_buf_clear(&b);
    return rc == BL_NOMEM ? bl_fail(err, BL_NOMEM, "out of memory") : rc;
  }
  /* Alternations are only ever matched anchored: compile them so (JIT code
   * cannot take PCRE2_ANCHORED at match time, see rx.c). */
  *out = compile_rule(&b, PCRE2_CASELESS | PCRE2_EXTENDED | PCRE2_ANCHORED, file, 0, err);
  bl_buf_clear(&b);
  if (!*out) {
    /* Find which rule is at fault by compiling each alone. */
    for (size_t i = 0; i < rs->n; i++) {
      bl_buf one;
      bl_buf_init(&one);
      liner where = {NULL, 0, rs->rules[i].line, NULL, 0};
      src fake = {file, NULL, 0};
      where.f = &fake;
      bl_error e2;
      if (expand(g, ls, &one, rs->rules[i].body.ptr, rs->rules[i].body.len, &where, &e2) == 0) {
        pcre2_code *re = compile_rule(&one, PCRE2_CASELESS | PCRE2_EXTENDED, file,
                                      rs->rules[i].line, err);
        if (!re) {
          bl_buf_clear(&one);
          return BL_GRAMMAR;
        }
        pcre2_code_free(re);
      }
      bl_buf_clear(&one);
    }
    return BL_GRAMMAR;
  }
  return BL_OK;
}

static int build_single(bl_grammar *g, const loadstate *ls, const ruleset *rs, const char *file,
                        const char *id, uint32_t opts, pcre2_code **out, bl_error *err) {
  const rule *r = find_rule(rs, id);
  if (!r) return bl_fail(err, BL_GRAMMAR, "%s: no rule \"%s\"", file, id);
  bl_buf b;
  bl_buf_init(&b);
  src fake = {file, NULL, 0};
  liner where = {&fake, 0, r->line, NULL, 0};
  int rc = expand(g, ls, &b, r->body.ptr, r->body.len, &where, err);
  if (!rc) {
    *out = compile_rule(&b, opts, file, r->line, err);
    if (!*out) rc = BL_GRAMMAR;
  }
  bl_buf_clear(&b);
  return rc;
}

/* ------------------------------------------------------------------ anchors */

static int build_anchors(bl_grammar *g, bl_error *err) {
  int rc = BL_OK;
  for (size_t i = 0; i < g->numbers.n && !rc; i++) {
    const bl_lexent *e = &g->numbers.ents[i];
    /* The article "un"/"une" alone is not a figure: it is read only as part
     * of a longer expression, found from another anchor ("vingt et un",
     * "un million", "une dizaine"). */
    if ((e->kind == NW_UNIT && e->value == 1) || e->kind == NW_ABBR) continue;
    rc = lex_add(&g->anchors, e->form, e->len, 0, AN_NUMWORD, NULL, e->line);
  }
  for (size_t i = 0; i < g->approx.n && !rc; i++)
    rc = lex_add(&g->anchors, g->approx.ents[i].form, g->approx.ents[i].len, 0, AN_APPROX, NULL, 0);
  for (size_t i = 0; i < g->vague.n && !rc; i++)
    if (g->vague.ents[i].kind == VG_ALONE)
      rc = lex_add(&g->anchors, g->vague.ents[i].form, g->vague.ents[i].len, 0, AN_VAGUE, NULL, 0);
  for (size_t i = 0; i < g->words.n && !rc; i++) {
    if (g->words.ents[i].kind == WD_ZERO || g->words.ents[i].kind == WD_ZERO_PRONOUN)
      rc = lex_add(&g->anchors, g->words.ents[i].form, g->words.ents[i].len, 0, AN_ZERO, NULL, 0);
    if (g->words.ents[i].kind == WD_FALL_NOUN) g->change_noun[0] = &g->words.ents[i];
    if (g->words.ents[i].kind == WD_RISE_NOUN) g->change_noun[1] = &g->words.ents[i];
    if (g->words.ents[i].kind == WD_COUNT_NOUN) g->count_noun = &g->words.ents[i];
  }
  if (!rc) rc = lex_index(&g->anchors, LEX_MERGE);
  return rc ? bl_fail(err, BL_NOMEM, "out of memory") : BL_OK;
}

/* --------------------------------------------------------------- grammar */

static int resolve_groups(bl_grammar *g, bl_error *err) {
  static const char *const names[QG_COUNT_] = {
      [QG_N1] = "n1",          [QG_N2] = "n2",
      [QG_DET] = "det",        [QG_APPROX] = "approx",  [QG_APPROX2] = "approx2",
      [QG_APPROX_MUL] = "approx_mul", [QG_VDET] = "vdet",
      [QG_VNOUN] = "vnoun",    [QG_VMUL] = "vmul",
      [QG_VALONE] = "valone",  [QG_RANGE_ENTRE] = "range_entre",
      [QG_RANGE_DE] = "range_de", [QG_RANGE_BARE] = "range_bare",
      [QG_ABBR] = "abbr",      [QG_SIGN] = "sign",
      [QG_HP] = "hp_x",        [QG_HV] = "hv_x",
      [QG_HQ] = "hq_x"};
  for (int i = 0; i < QG_COUNT_; i++)
    if (!bl_rx_groups_named(g->quantity, names[i], g->qg[i], BL_QG_MAX_DUP))
      return bl_fail(err, BL_GRAMMAR, "fr/quantity.pcre: no group named \"%s\"", names[i]);
  static const char *const prefix[] = {"hp_", "hq_", "hv_"};
  for (int pos = 0; pos < 3; pos++)
    for (int q = BL_MORE_THAN; q <= BL_ABOUT; q++) {
      char name[32];
      snprintf(name, sizeof name, "%s%s", prefix[pos], qualifier_names[q].name);
      uint32_t n[1];
      if (bl_rx_groups_named(g->quantity, name, n, 1)) g->hedge_group[pos][q] = n[0];
    }
  uint32_t cap = 0;
  pcre2_pattern_info(g->quantity, PCRE2_INFO_CAPTURECOUNT, &cap);
  g->max_groups = cap;
  pcre2_pattern_info(g->notq, PCRE2_INFO_CAPTURECOUNT, &cap);
  if (cap > g->max_groups) g->max_groups = cap;
  return BL_OK;
}

static int read_version(bl_grammar *g, const char *dir, bl_error *err) {
  src f;
  int rc = read_file(g, dir, "fr/VERSION", &f, err);
  if (rc) return rc;
  size_t n = 0;
  while (n < f.len && f.data[n] != '\n' && n + 1 < sizeof g->version) n++;
  if (!n) return bl_fail(err, BL_GRAMMAR, "fr/VERSION is empty");
  memcpy(g->version, f.data, n);
  g->version[n] = '\0';
  return BL_OK;
}

void bl_grammar_free(bl_grammar *g) {
  if (!g) return;
  lex_clear(&g->numbers);
  lex_clear(&g->approx);
  lex_clear(&g->vague);
  lex_clear(&g->units);
  lex_clear(&g->calendar);
  bl_lexicon *const more[] = {&g->categories, &g->notclaim, &g->words, &g->speech, &g->status,
                              &g->abbrev,     &g->currency, &g->dates, &g->names,  &g->places,
                              &g->care,       &g->severity, &g->gender, &g->witnesses, &g->org_anaphors};
  for (size_t i = 0; i < BL_ARRAY_LEN(more); i++) lex_clear(more[i]);
  lex_clear(&g->anchors);
  pcre2_code_free(g->quantity);
  pcre2_code_free(g->notq);
  pcre2_code_free(g->unit_word);
  pcre2_code_free(g->starter);
  pcre2_code *const extra[] = {g->furniture, g->rx_autres, g->rx_sub_before, g->rx_sub_after,
                               g->rx_zero, g->rx_nc_after, g->rx_nc_before, g->rx_selon,
                               g->rx_de_source, g->rx_cite_par, g->rx_inverted, g->rx_verb,
                               g->rx_same_source, g->rx_relative, g->rx_par_agent, g->rx_press, g->rx_cleft, g->rx_cat_pred, g->rx_cat_pred2, g->rx_cat_verb,
                               g->rx_denial, g->rx_status, g->rx_currency_cue, g->rx_dollar_explicit, g->rx_partitive, g->rx_includes, g->rx_versus,
                               g->rx_ellipsis, g->rx_copula, g->rx_pron_count, g->rx_population, g->rx_population_after,
                               g->rx_among_after, g->rx_among_before, g->rx_presentative, g->rx_penalty_after, g->rx_percent_stat, g->rx_forecast, g->rx_promise, g->rx_cause, g->rx_mining, g->rx_miner, g->rx_crowd,
                               g->rx_ratio_after, g->rx_share};
  for (size_t i = 0; i < BL_ARRAY_LEN(extra); i++) pcre2_code_free(extra[i]);
  bl_free(g->rules);
  for (size_t i = 0; i < g->ntwins; i++) pcre2_code_free(g->twins[i].anchored);
  bl_free(g->twins);
  for (size_t i = 0; i < g->nexamples; i++) bl_free(g->examples[i].text);
  bl_free(g->examples);
  /* Rule and hedge ids are owned through g->owned_ids. */
  for (size_t i = 0; i < g->nids; i++) bl_free(g->owned_ids[i]);
  bl_free(g->owned_ids);
  for (size_t i = 0; i < g->ntexts; i++) bl_free(g->texts[i]);
  bl_free(g);
}


static int register_rule(bl_grammar *g, const char *file, const char *id, const pcre2_code *code,
                         bool by_mark) {
  if (bl_grow((void **)&g->rules, &g->rulecap, g->nrules + 1, sizeof *g->rules)) return BL_NOMEM;
  struct bl_rule_ref *r = &g->rules[g->nrules++];
  r->file = file;
  r->id = id;
  r->code = code;
  r->by_mark = by_mark;
  return BL_OK;
}

const pcre2_code *bl_gram_anchored(const bl_grammar *g, const pcre2_code *re) {
  for (size_t i = 0; i < g->ntwins; i++)
    if (g->twins[i].search == re) return g->twins[i].anchored;
  return re;
}

const pcre2_code *bl_gram_rule(const bl_grammar *g, const char *file, const char *id,
                               bool *by_mark) {
  for (size_t i = 0; i < g->nrules; i++)
    if (!strcmp(g->rules[i].file, file) && !strcmp(g->rules[i].id, id)) {
      if (by_mark) *by_mark = g->rules[i].by_mark;
      return g->rules[i].code;
    }
  return NULL;
}

enum { RS_QUANTITY, RS_NOTQ, RS_FURNITURE, RS_CLAIMS, RS_ATTRIB, RS_COUNT_ };
static const char *const rs_files[RS_COUNT_] = {"fr/quantity.pcre", "fr/notq.pcre",
                                                "fr/furniture.pcre", "fr/claims.pcre",
                                                "fr/attrib.pcre"};

static int load_all(bl_grammar *g, const char *dir, loadstate *ls, ruleset *rs, bl_error *err) {
  int rc;
  if ((rc = read_version(g, dir, err))) return rc;
  const struct {
    const lexspec *spec;
    bl_lexicon *lx;
  } lexicons[] = {
      {&lex_numbers, &g->numbers},       {&lex_approx, &g->approx},   {&lex_vague, &g->vague},
      {&lex_units, &g->units},           {&lex_calendar, &g->calendar},
      {&lex_categories, &g->categories}, {&lex_notclaim, &g->notclaim},
      {&lex_words, &g->words},           {&lex_speech, &g->speech},   {&lex_status, &g->status},
      {&lex_abbrev, &g->abbrev},         {&lex_currency, &g->currency},
      {&lex_dates, &g->dates},           {&lex_names, &g->names},     {&lex_places, &g->places},
      {&lex_care, &g->care},             {&lex_severity, &g->severity},
      {&lex_gender, &g->gender},         {&lex_witnesses, &g->witnesses},
      {&lex_anaphors, &g->org_anaphors},
  };
  for (size_t i = 0; i < BL_ARRAY_LEN(lexicons); i++)
    if ((rc = read_lexicon(g, dir, lexicons[i].spec, lexicons[i].lx, err))) return rc;
  if ((rc = read_hedges(g, dir, ls, err))) return rc;
  for (int i = 0; i < RS_COUNT_; i++)
    if ((rc = read_rules(g, dir, rs_files[i], &rs[i], err))) return rc;

  const uint32_t qopts = PCRE2_CASELESS | PCRE2_EXTENDED | PCRE2_DUPNAMES;
  const struct {
    int set;
    const char *id;
    pcre2_code **out;
  } singles[] = {
      {RS_QUANTITY, "quantity", &g->quantity},     {RS_QUANTITY, "unit-word", &g->unit_word},
      {RS_QUANTITY, "starter", &g->starter},
      {RS_CLAIMS, "autres", &g->rx_autres},        {RS_CLAIMS, "subcount-before", &g->rx_sub_before},
      {RS_CLAIMS, "subcount-after", &g->rx_sub_after}, {RS_CLAIMS, "zero", &g->rx_zero},
      {RS_CLAIMS, "notclaim-after", &g->rx_nc_after},
      {RS_CLAIMS, "notclaim-before", &g->rx_nc_before},
      {RS_CLAIMS, "ratio-after", &g->rx_ratio_after},
      {RS_CLAIMS, "share-before", &g->rx_share},
      {RS_CLAIMS, "denial-before", &g->rx_denial}, {RS_CLAIMS, "status", &g->rx_status},
      {RS_CLAIMS, "currency-cue", &g->rx_currency_cue},
      {RS_CLAIMS, "dollar-explicit", &g->rx_dollar_explicit},
      {RS_CLAIMS, "partitive", &g->rx_partitive},  {RS_CLAIMS, "includes", &g->rx_includes},
      {RS_CLAIMS, "versus-before", &g->rx_versus}, {RS_CLAIMS, "ellipsis-before", &g->rx_ellipsis},
      {RS_CLAIMS, "copula-before", &g->rx_copula},
      {RS_CLAIMS, "pronoun-count-before", &g->rx_pron_count}, {RS_CLAIMS, "crowd-cue", &g->rx_crowd},
      {RS_CLAIMS, "population-before", &g->rx_population},
      {RS_CLAIMS, "population-after", &g->rx_population_after},
      {RS_CLAIMS, "among-after", &g->rx_among_after}, {RS_CLAIMS, "among-before", &g->rx_among_before},
      {RS_CLAIMS, "presentative", &g->rx_presentative},
      {RS_CLAIMS, "penalty-after", &g->rx_penalty_after},
      {RS_CLAIMS, "percent-stat-after", &g->rx_percent_stat},
      {RS_CLAIMS, "forecast-before", &g->rx_forecast}, {RS_CLAIMS, "promise-before", &g->rx_promise},
      {RS_CLAIMS, "cause-before", &g->rx_cause},
      {RS_CLAIMS, "mining", &g->rx_mining}, {RS_CLAIMS, "miner-noun", &g->rx_miner},
      {RS_CLAIMS, "cat-pred", &g->rx_cat_pred},    {RS_CLAIMS, "cat-pred-2", &g->rx_cat_pred2},
      {RS_CLAIMS, "cat-verb", &g->rx_cat_verb},
      {RS_ATTRIB, "selon", &g->rx_selon},          {RS_ATTRIB, "de-source", &g->rx_de_source},
      {RS_ATTRIB, "cite-par", &g->rx_cite_par},    {RS_ATTRIB, "inverted", &g->rx_inverted},
      {RS_ATTRIB, "verb", &g->rx_verb},            {RS_ATTRIB, "same-source", &g->rx_same_source},
      {RS_ATTRIB, "relative", &g->rx_relative},
      {RS_ATTRIB, "par-agent", &g->rx_par_agent}, {RS_ATTRIB, "press-release", &g->rx_press},
      {RS_ATTRIB, "cleft", &g->rx_cleft},
  };
  for (size_t i = 0; i < BL_ARRAY_LEN(singles); i++) {
    /* The quantity patterns are only matched anchored (num.c). */
    uint32_t opts = singles[i].set == RS_QUANTITY ? qopts | PCRE2_ANCHORED : qopts;
    if ((rc = build_single(g, ls, &rs[singles[i].set], rs_files[singles[i].set], singles[i].id,
                           opts, singles[i].out, err)))
      return rc;
    const rule *r = find_rule(&rs[singles[i].set], singles[i].id);
    if (register_rule(g, rs_files[singles[i].set], r->id, *singles[i].out, false))
      return bl_fail(err, BL_NOMEM, "out of memory");
    if (singles[i].set == RS_CLAIMS || singles[i].set == RS_ATTRIB) {
      pcre2_code *twin = NULL;
      if ((rc = build_single(g, ls, &rs[singles[i].set], rs_files[singles[i].set], singles[i].id,
                             qopts | PCRE2_ANCHORED, &twin, err)))
        return rc;
      if (bl_grow((void **)&g->twins, &g->twincap, g->ntwins + 1, sizeof *g->twins)) {
        pcre2_code_free(twin);
        return bl_fail(err, BL_NOMEM, "out of memory");
      }
      g->twins[g->ntwins].search = *singles[i].out;
      g->twins[g->ntwins++].anchored = twin;
    }
  }
  /* A word whose first byte cannot begin the starter rule is not tried
   * (num.c): PCRE2's own start analysis, read once. */
  const uint8_t *bits = NULL;
  uint32_t empty = 1;
  pcre2_pattern_info(g->starter, PCRE2_INFO_FIRSTBITMAP, (void *)&bits);
  pcre2_pattern_info(g->starter, PCRE2_INFO_MATCHEMPTY, &empty);
  if (bits && !empty) memcpy(g->starter_first, bits, sizeof g->starter_first);
  else memset(g->starter_first, 0xff, sizeof g->starter_first);
  if ((rc = starter_pairs(g))) return bl_fail(err, rc, "out of memory");
  if ((rc = build_alternation(g, ls, &rs[RS_NOTQ], rs_files[RS_NOTQ], &g->notq, err))) return rc;
  if ((rc = build_alternation(g, ls, &rs[RS_FURNITURE], rs_files[RS_FURNITURE], &g->furniture, err)))
    return rc;
  for (int set = RS_NOTQ; set <= RS_FURNITURE; set++)
    for (size_t i = 0; i < rs[set].n; i++)
      if (register_rule(g, rs_files[set], rs[set].rules[i].id, set == RS_NOTQ ? g->notq : g->furniture,
                        true))
        return bl_fail(err, BL_NOMEM, "out of memory");
  if ((rc = resolve_groups(g, err))) return rc;
  return build_anchors(g, err);
}

bl_grammar *bl_gram_load(const char *dir, bl_error *err) {
  bl_grammar *g = bl_calloc(1, sizeof *g);
  if (!g) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  loadstate ls;
  memset(&ls, 0, sizeof ls);
  ruleset rs[RS_COUNT_];
  memset(rs, 0, sizeof rs);
  int rc = load_all(g, dir, &ls, rs, err);
  /* Examples point at rule and hedge ids: hand those over to the grammar. */
  for (size_t i = 0; i < ls.nhedges; i++) {
    if (!rc)
      rc = own_str(g, (char *)ls.hedges[i].id) ? bl_fail(err, BL_NOMEM, "out of memory") : BL_OK;
    else
      bl_free((char *)ls.hedges[i].id);
  }
  bl_free(ls.hedges);
  for (int s = 0; s < RS_COUNT_; s++) {
    for (size_t i = 0; i < rs[s].n; i++)
      if (!rc) {
        rc = own_str(g, rs[s].rules[i].id) ? bl_fail(err, BL_NOMEM, "out of memory") : BL_OK;
        rs[s].rules[i].id = NULL;
      }
    ruleset_clear(&rs[s]);
  }
  if (rc) {
    bl_grammar_free(g);
    return NULL;
  }
  return g;
}

bl_grammar *bl_grammar_new(const char *dir, bl_error *err) {
  return bl_gram_load(dir, err);
}

const char *bl_grammar_version(const bl_grammar *g) {
  return g->version;
}
