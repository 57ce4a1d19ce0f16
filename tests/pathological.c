/*
 * pathological.c — the whole pipeline (readers, text layer, numbers,
 * sentences, claims, attribution) on inputs no article holds but any crawl
 * may bring: a 50 MB line without a sentence end, a million digits in a row,
 * 100 000 figures in one sentence, more figures than an article may hold,
 * deeply nested HTML, NUL bytes, invalid UTF-8 at every position of a short
 * text, a JSON Lines file with a broken line in the middle, and grammar
 * rules that backtrack without end (PCRE2's match limit must stop them).
 *
 * Each input must end with BL_OK and sane results, or with the documented
 * error (BL_LIMIT, BL_BADUTF8, BL_PARSE) naming where; never a crash or a
 * hang.  Time is not asserted: ctest's TIMEOUT on this test is the generous
 * no-hang bound (quadratic time on these sizes would take hours).
 *
 *   pathological GRAMMARS_DIR [PATTERN]
 *
 * BILAN_TEST_SCALE=k (a divisor, default 1) shrinks the big inputs, for runs
 * under valgrind, where they would take hours for no extra insight.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "bilan.h"
#include "grammar_copy.h"

static const char *grammars_dir;
static bl_grammar *g;
static bl_doc *doc;
static bl_scan *scan;
static size_t scale = 1;

/* A growable test buffer (plain malloc: the library's hook is not in play). */
typedef struct tbuf {
  char *p;
  size_t n, cap;
} tbuf;

static void tb_add(tbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    assert_non_null(p);
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

static void tb_adds(tbuf *b, const char *s) {
  tb_add(b, s, strlen(s));
}

static bl_error fresh_error(void) {
  bl_error err;
  memset(&err, 0, sizeof err);
  return err;
}

/* Every claim lies inside the body, with its text, sentence and strings in range. */
static void assert_claims_sane(const char *body, size_t len) {
  size_t n = bl_doc_claim_count(doc);
  for (size_t i = 0; i < n; i++) {
    const bl_claim *c = bl_doc_claim(doc, i);
    assert_non_null(c);
    assert_true(c->q.span.start < c->q.span.end && c->q.span.end <= len);
    assert_true(c->sentence.start <= c->q.span.start && c->q.span.end <= c->sentence.end);
    assert_true(c->sentence.end <= len);
    assert_true(c->of < (long)n && c->of != (long)i); /* a parent may follow: "12 des 43" */
    if (c->unit.ptr) assert_true(c->unit.len < len);
    if (c->source.ptr) assert_true(c->source.len <= len);
  }
  (void)body;
}

/* ------------------------------------------------------------ long line */

/* 50 MB of prose on one line, no sentence end, a toll every ~2 KB: every
 * figure is found and is a claim. */
static void test_long_line_no_sentence_end(void **state) {
  (void)state;
  static const char filler[] =
      "les secours poursuivaient leurs recherches dans la vallée et les habitants attendaient ";
  size_t target = ((size_t)50 << 20) / scale, figures = 0;
  tbuf b = {0};
  while (b.n < target) {
    for (int k = 0; k < 23; k++) tb_adds(&b, filler);
    tb_adds(&b, "et 12 personnes ont été blessées selon la préfecture ");
    figures++;
  }
  bl_error err = fresh_error();
  int rc = bl_doc_run(doc, b.p, b.n, 0, &err);
  if (rc) fail_msg("bl_doc_run: %s at byte %zu", err.msg, err.at.start);
  assert_int_equal(bl_doc_claim_count(doc), figures);
  assert_claims_sane(b.p, b.n);
  const bl_claim *last = bl_doc_claim(doc, figures - 1);
  assert_memory_equal(b.p + last->q.span.start, "12", 2);
  assert_int_equal(last->category, BL_CAT_INJURED);
  /* The same line with no figure at all. */
  for (size_t i = 0; i < b.n; i++)
    if (b.p[i] >= '0' && b.p[i] <= '9') b.p[i] = 'x';
  err = fresh_error();
  assert_int_equal(bl_doc_run(doc, b.p, b.n, 0, &err), BL_OK);
  assert_int_equal(bl_doc_claim_count(doc), 0);
  free(b.p);
}

/* --------------------------------------------------------------- digits */

/* A million digits in a row: no figure has that many digits, so either no
 * quantity is read there or the text is refused with BL_LIMIT naming a byte
 * of the run; the figure after it is read when the text is accepted. */
static void test_million_digits(void **state) {
  (void)state;
  tbuf b = {0};
  tb_adds(&b, "Selon la police, ");
  size_t run_start = b.n, run = 1000000 / scale;
  for (size_t i = 0; i < run; i++) tb_add(&b, "7", 1);
  size_t run_end = b.n;
  tb_adds(&b, " puis 12 morts dans la nuit.");
  bl_error err = fresh_error();
  int rc = bl_doc_run(doc, b.p, b.n, 0, &err);
  if (rc == BL_LIMIT) {
    assert_true(strlen(err.msg) > 0);
    assert_true(err.at.start >= run_start && err.at.start <= run_end);
  } else {
    if (rc) fail_msg("bl_doc_run: %s (%s)", bl_rc_str(rc), err.msg);
    assert_claims_sane(b.p, b.n);
    size_t n = bl_doc_claim_count(doc);
    assert_true(n >= 1);
    const bl_claim *c = bl_doc_claim(doc, n - 1);
    assert_memory_equal(b.p + c->q.span.start, "12", 2);
    assert_true(c->q.value == 12);
  }
  /* The number scanner alone, same rule. */
  err = fresh_error();
  rc = bl_scan_run(scan, b.p, b.n, 0, &err);
  assert_true(rc == BL_OK || rc == BL_LIMIT);
  if (rc == BL_OK) {
    size_t n = bl_scan_count(scan);
    assert_true(n >= 1);
    assert_true(bl_scan_get(scan, n - 1)->value == 12);
  }
  free(b.p);
}

/* ------------------------------------------------------- many figures */

/* 100 000 figures in one sentence: all of them read, as quantities and as
 * claims, alternately dead and injured. */
static void test_many_figures_one_sentence(void **state) {
  (void)state;
  size_t want = BL_DOC_MAX_CLAIMS / scale;
  tbuf b = {0};
  tb_adds(&b, "Selon le dernier bilan de la préfecture, on compte ");
  char item[64];
  for (size_t i = 0; i < want; i++) {
    snprintf(item, sizeof item, "%zu %s, ", 2 + i % 900, i % 2 ? "blessés" : "morts");
    tb_adds(&b, item);
  }
  tb_adds(&b, "sans plus de précision.");
  bl_error err = fresh_error();
  int rc = bl_scan_run(scan, b.p, b.n, 0, &err);
  if (rc) fail_msg("bl_scan_run: %s", err.msg);
  assert_int_equal(bl_scan_count(scan), want);
  err = fresh_error();
  rc = bl_doc_run(doc, b.p, b.n, 0, &err);
  if (rc) fail_msg("bl_doc_run: %s", err.msg);
  assert_int_equal(bl_doc_claim_count(doc), want);
  assert_claims_sane(b.p, b.n);
  for (size_t i = 0; i < want; i += 997) {
    const bl_claim *c = bl_doc_claim(doc, i);
    assert_int_equal(c->category, i % 2 ? BL_CAT_INJURED : BL_CAT_KILLED);
    assert_true(c->q.value == (double)(2 + i % 900));
  }
  free(b.p);
}

/* One figure more than an article may hold: refused with BL_LIMIT, and the
 * same doc reads the next article normally. */
static void test_too_many_figures(void **state) {
  (void)state;
  tbuf b = {0};
  for (size_t i = 0; i <= BL_DOC_MAX_CLAIMS; i++) tb_adds(&b, "3 morts. ");
  bl_error err = fresh_error();
  assert_int_equal(bl_doc_run(doc, b.p, b.n, 0, &err), BL_LIMIT);
  assert_int_equal(err.code, BL_LIMIT);
  assert_non_null(strstr(err.msg, "100000"));
  assert_true(err.at.start < b.n);
  static const char ok[] = "Au moins 4 morts, selon la police.";
  err = fresh_error();
  assert_int_equal(bl_doc_run(doc, ok, strlen(ok), 0, &err), BL_OK);
  assert_int_equal(bl_doc_claim_count(doc), 1);
  free(b.p);
}

/* ----------------------------------------------------------------- HTML */

/* Read one page from memory; returns the bl_reader_next rc. */
static int read_html(const char *page, size_t len, bl_article *a, bl_error *err) {
  bl_reader *r = bl_reader_open_mem("page.html", page, len, BL_FMT_HTML, err);
  assert_non_null(r);
  int rc = bl_reader_next(r, a, err);
  if (rc == 1) {
    /* the body is borrowed from the reader: run it before freeing */
    bl_error e2 = fresh_error();
    assert_int_equal(bl_doc_run(doc, a->body.ptr, a->body.len, 0, &e2), BL_OK);
  }
  bl_reader_free(r);
  return rc;
}

static void test_deeply_nested_html(void **state) {
  (void)state;
  static const char *const tags[] = {"div", "b", "span", "blockquote", "li"};
  for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
    for (int closed = 0; closed < 2; closed++) {
      tbuf b = {0};
      char open[32], close[32];
      snprintf(open, sizeof open, "<%s>", tags[t]);
      snprintf(close, sizeof close, "</%s>", tags[t]);
      tb_adds(&b, "<html><body><article>");
      size_t depth = 100000 / scale;
      for (size_t i = 0; i < depth; i++) tb_adds(&b, open);
      tb_adds(&b, "<p>Au moins 12 morts, selon la police.</p>");
      if (closed)
        for (size_t i = 0; i < depth; i++) tb_adds(&b, close);
      tb_adds(&b, "</article></body></html>");
      bl_article a;
      bl_error err = fresh_error();
      int rc = read_html(b.p, b.n, &a, &err);
      /* Refused past the documented depth; a parser that flattens the
       * nesting (inline elements) may instead give the text. */
      if (rc == -BL_LIMIT) {
        assert_non_null(strstr(err.msg, "256"));
      } else {
        assert_int_equal(rc, 1);
        assert_int_equal(bl_doc_claim_count(doc), 1);
      }
      free(b.p);
    }
  }
  /* Just under the limit: read. */
  tbuf b = {0};
  tb_adds(&b, "<html><body><article>");
  for (int i = 0; i < 200; i++) tb_adds(&b, "<div>");
  tb_adds(&b, "<p>Au moins 12 morts, selon la police.</p>");
  for (int i = 0; i < 200; i++) tb_adds(&b, "</div>");
  tb_adds(&b, "</article></body></html>");
  bl_article a;
  bl_error err = fresh_error();
  assert_int_equal(read_html(b.p, b.n, &a, &err), 1);
  assert_int_equal(bl_doc_claim_count(doc), 1);
  free(b.p);
}

/* ------------------------------------------------------------ NUL bytes */

static void test_nul_bytes(void **state) {
  (void)state;
  static const char text[] = "Au moins 12 morts, selon la police.";
  size_t len = strlen(text);
  char buf[64];
  for (size_t at = 0; at <= len; at++) {
    memcpy(buf, text, at);
    buf[at] = '\0';
    memcpy(buf + at + 1, text + at, len - at);
    bl_error err = fresh_error();
    assert_int_equal(bl_doc_run(doc, buf, len + 1, 0, &err), BL_BADUTF8);
    assert_int_equal(err.at.start, at);
    assert_non_null(strstr(err.msg, "NUL"));
    err = fresh_error();
    assert_int_equal(bl_doc_run(doc, buf, len + 1, BL_REPAIR, &err), BL_OK);
    assert_int_equal(bl_doc_repairs(doc), 1);
    assert_claims_sane(buf, len + 1);
  }
  /* A .txt article holding NUL bytes passes them to the body, where the
   * text layer names the byte; JSON refuses "\u0000" with its line. */
  static const char lines[] = "{\"text\": \"12 morts\"}\n{\"text\": \"1\\u00002 morts\"}\n"
                              "{\"text\": \"13 morts\"}\n";
  bl_error err = fresh_error();
  bl_reader *r = bl_reader_open_mem("nul.jsonl", lines, strlen(lines), BL_FMT_JSONL, &err);
  assert_non_null(r);
  bl_article a;
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_PARSE);
  assert_int_equal(err.line, 2);
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_int_equal(a.line, 3);
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
  bl_reader_free(r);
}

/* ------------------------------------------------------- invalid UTF-8 */

/* Each bad sequence at each position of a short text: refused with the
 * offset of its first byte; repaired, the claim keeps its exact bytes. */
static void test_invalid_utf8_every_position(void **state) {
  (void)state;
  static const char text[] = "Près de 12 blessés, selon la préfecture.";
  static const struct {
    const char *bytes;
    size_t len;
  } bad[] = {
      {"\xFF", 1},         {"\x80", 1},         {"\xC3", 1},         {"\xC0\xAF", 2},
      {"\xE0\x80\xAF", 3}, {"\xED\xA0\x80", 3}, {"\xF4\x90\x80\x80", 4}, {"\xE2\x82", 2},
  };
  size_t len = strlen(text);
  const char *twelve = strstr(text, "12");
  size_t at12 = (size_t)(twelve - text);
  char buf[128];
  size_t refused = 0;
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    for (size_t at = 0; at <= len; at++) {
      /* Only between characters: inside a character the bytes around make
       * another bad sequence, tried below by replacement. */
      memcpy(buf, text, at);
      memcpy(buf + at, bad[k].bytes, bad[k].len);
      memcpy(buf + at + bad[k].len, text + at, len - at);
      size_t n = len + bad[k].len;
      bl_error err = fresh_error();
      int rc = bl_doc_run(doc, buf, n, 0, &err);
      assert_int_equal(rc, BL_BADUTF8);
      refused++;
      /* the first bad byte is at the insertion or next to it: inserted
       * inside a character, the bytes around may make a valid sequence
       * with the inserted ones ("è" = C3 A8 split by 80: C3 80 is "À",
       * then A8 is bad) */
      assert_true(err.at.start + 4 > at && err.at.start < at + 4);
      assert_true(err.at.end > err.at.start && err.at.end <= n);
      err = fresh_error();
      rc = bl_doc_run(doc, buf, n, BL_REPAIR, &err);
      assert_int_equal(rc, BL_OK);
      assert_true(bl_doc_repairs(doc) >= 1);
      assert_claims_sane(buf, n);
      /* The figure is found where it now lies, when the bad bytes are not
       * inside it. */
      if (at <= at12 || at >= at12 + 2) {
        size_t want = at <= at12 ? at12 + bad[k].len : at12;
        assert_int_equal(bl_scan_run(scan, buf, n, BL_REPAIR, &err), BL_OK);
        bool scanned = false;
        for (size_t i = 0; i < bl_scan_count(scan); i++)
          scanned |= bl_scan_get(scan, i)->span.start <= want &&
                     bl_scan_get(scan, i)->span.end >= want + 2;
        assert_true(scanned);
      }
      /* Bad bytes after the claim's words leave the claim as it was. */
      if (at > at12 + strlen("12 blessés")) {
        assert_int_equal(bl_doc_claim_count(doc), 1);
        assert_int_equal(bl_doc_claim(doc, 0)->q.span.start, at12 - strlen("Près de "));
        assert_int_equal(bl_doc_claim(doc, 0)->category, BL_CAT_INJURED);
      }
    }
    /* Replacing each byte instead of inserting. */
    for (size_t at = 0; at < len; at++) {
      memcpy(buf, text, len + 1);
      buf[at] = bad[k].bytes[0];
      bl_error err = fresh_error();
      int rc = bl_doc_run(doc, buf, len, 0, &err);
      if (rc == BL_OK) continue; /* a lead byte replaced by a lead byte of its kind */
      assert_int_equal(rc, BL_BADUTF8);
      assert_true(err.at.start <= at + 3 && err.at.start + 3 >= at);
      err = fresh_error();
      assert_int_equal(bl_doc_run(doc, buf, len, BL_REPAIR, &err), BL_OK);
      assert_claims_sane(buf, len);
    }
  }
  assert_true(refused > 300);
}

/* ------------------------------------------------------ broken JSON line */

static void test_jsonl_broken_line_in_the_middle(void **state) {
  (void)state;
  tbuf b = {0};
  tb_adds(&b, "{\"text\": \"Au moins 12 morts, selon la police.\", \"url\": \"u1\"}\n");
  tb_adds(&b, "{\"text\": \"Plus de 30 blessés.\", \"url\": \"u2\"}\n");
  /* truncated mid-string, as a crawler cut off mid-write leaves it, and long */
  tb_adds(&b, "{\"text\": \"Environ 40 disparus ");
  for (int i = 0; i < 100000; i++) tb_adds(&b, "et encore ");
  tb_adds(&b, "\n");
  tb_adds(&b, "{\"text\": \"Près de 50 évacués.\", \"url\": \"u4\"}\n");
  tb_adds(&b, "not json at all\n");
  tb_adds(&b, "{\"text\": \"Au moins 60 interpellations.\", \"url\": \"u6\"}");
  bl_error err = fresh_error();
  bl_reader *r = bl_reader_open_mem("crawl.jsonl", b.p, b.n, BL_FMT_JSONL, &err);
  assert_non_null(r);
  static const int want_rc[] = {1, 1, -BL_PARSE, 1, -BL_PARSE, 1, 0};
  static const unsigned want_line[] = {1, 2, 3, 4, 5, 6, 0};
  static const char *const want_fig[] = {"12", "30", NULL, "50", NULL, "60", NULL};
  for (size_t i = 0; i < sizeof want_rc / sizeof want_rc[0]; i++) {
    bl_article a;
    err = fresh_error();
    int rc = bl_reader_next(r, &a, &err);
    assert_int_equal(rc, want_rc[i]);
    if (rc == 1) {
      assert_int_equal(a.line, want_line[i]);
      bl_error e2 = fresh_error();
      assert_int_equal(bl_doc_run(doc, a.body.ptr, a.body.len, 0, &e2), BL_OK);
      assert_int_equal(bl_doc_claim_count(doc), 1);
      const bl_claim *c = bl_doc_claim(doc, 0);
      assert_memory_equal(a.body.ptr + c->q.span.start + c->q.span.end - c->q.span.start - 2,
                          want_fig[i], 2);
    } else if (rc < 0) {
      assert_int_equal(err.line, want_line[i]);
      assert_true(strlen(err.msg) > 0);
      assert_true(err.at.start <= err.at.end && err.at.end <= b.n);
    }
  }
  bl_reader_free(r);
  free(b.p);
}

/* ------------------------------------------------------- pattern limits */

/* Copy grammars_dir/fr to dst/fr, appending `extra` to the file `name`. */
static void copy_grammars(const char *dst, const char *name, const char *extra) {
  char path[4096], src[4096];
  snprintf(path, sizeof path, "%s/fr", dst);
  snprintf(src, sizeof src, "%s/fr", grammars_dir);
  if (mkdir(path, 0700)) fail_msg("cannot create %s", path);
  struct dirent **names;
  int n = scandir(src, &names, NULL, alphasort);
  assert_true(n > 0);
  for (int i = 0; i < n; i++) {
    const char *f = names[i]->d_name;
    if (f[0] != '.') {
      char from[4400], to[4400];
      snprintf(from, sizeof from, "%s/%s", src, f);
      snprintf(to, sizeof to, "%s/%s", path, f);
      FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
      assert_true(in && out);
      char buf[8192];
      size_t got;
      while ((got = fread(buf, 1, sizeof buf, in)) > 0) assert_int_equal(fwrite(buf, 1, got, out), got);
      if (!strcmp(f, name)) fputs(extra, out);
      fclose(in);
      fclose(out);
    }
    free(names[i]);
  }
  free(names);
}

/* A grammar rule that backtracks without end (nested repetitions, the
 * classic catastrophic pattern) meets the text it explodes on: PCRE2's
 * match limit (rx.h) stops it, bl_doc_run returns BL_LIMIT naming the byte,
 * and the same doc goes on with the next text. */
static void try_runaway_rule(const char *file, const char *rule, const char *text, size_t at) {
  char dir[512];
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/bilan-pathological-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) fail_msg("mkdtemp %s", dir);
  copy_grammars(dir, file, rule);
  bl_error err = fresh_error();
  bl_grammar *rg = bl_grammar_new(dir, &err);
  if (!rg) fail_msg("grammar: %s:%u: %s", err.file ? err.file : "", err.line, err.msg);
  bl_doc *d = bl_doc_new(rg, &err);
  assert_non_null(d);
  err = fresh_error();
  assert_int_equal(bl_doc_run(d, text, strlen(text), 0, &err), BL_LIMIT);
  assert_int_equal(err.code, BL_LIMIT);
  assert_non_null(strstr(err.msg, "limit"));
  assert_int_equal(err.at.start, at);
  static const char ok[] = "Au moins 4 morts, selon la police.";
  err = fresh_error();
  assert_int_equal(bl_doc_run(d, ok, strlen(ok), 0, &err), BL_OK);
  assert_int_equal(bl_doc_claim_count(d), 1);
  bl_doc_free(d);
  bl_grammar_free(rg);
  remove_grammar_copy(dir);
}

static void test_runaway_patterns(void **state) {
  (void)state;
  /* a furniture rule, matched at the start of every line */
  try_runaway_rule("furniture.pcre", "\nrule\trunaway\n  (?:\\w+\\s?)+!\n",
                   "Un titre\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm "
                   "nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy 12 morts.",
                   9);
  /* an exclusion rule, matched at every figure */
  try_runaway_rule("notq.pcre", "\nrule\trunaway-digits\n  (?:\\d+)+x\n",
                   "Il y a 111111111111111111111111111111 morts.", 7);
}

/* ---------------------------------------------------------------- main */

static int setup(void **state) {
  (void)state;
  const char *sc = getenv("BILAN_TEST_SCALE");
  if (sc && atoi(sc) > 0) scale = (size_t)atoi(sc);
  bl_error err = fresh_error();
  g = bl_grammar_new(NULL, &err);
  doc = g ? bl_doc_new(g, &err) : NULL;
  scan = g ? bl_scan_new(g, &err) : NULL;
  return doc && scan ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  bl_scan_free(scan);
  bl_doc_free(doc);
  bl_grammar_free(g);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: pathological GRAMMARS_DIR [PATTERN]\n");
    return 2;
  }
  grammars_dir = argv[1];
  /* argv[2]: run only the tests whose name matches this pattern */
  if (argc > 2) cmocka_set_test_filter(argv[2]);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_long_line_no_sentence_end),
      cmocka_unit_test(test_million_digits),
      cmocka_unit_test(test_many_figures_one_sentence),
      cmocka_unit_test(test_too_many_figures),
      cmocka_unit_test(test_deeply_nested_html),
      cmocka_unit_test(test_nul_bytes),
      cmocka_unit_test(test_invalid_utf8_every_position),
      cmocka_unit_test(test_jsonl_broken_line_in_the_middle),
      cmocka_unit_test(test_runaway_patterns),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
