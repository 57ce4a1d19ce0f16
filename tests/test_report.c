/*
 * test_report.c — the HTML report (src/report*.c) on hand-written claims of
 * two fictional events: every event, chart, conflict and claim is on the
 * page and linked, hedges get their marks, text from articles is escaped
 * and never becomes markup or a script link, --event selects, an empty
 * database says so, and running out of memory at any allocation ends in
 * BL_NOMEM without a leak.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_files.h"
#include "report.h"
#include "store_fx.h"

static bl_grammar *g_grammar;

static const bl_grammar *grammar(void) {
  if (!g_grammar) g_grammar = bl_grammar_new(NULL, NULL);
  assert_non_null(g_grammar);
  return g_grammar;
}

static char dbpath[256];

static void unlink_db(void) {
  remove_db_files(dbpath);
}

static bl_store *fresh_db(void) {
  snprintf(dbpath, sizeof dbpath, "test_report_%d.db", (int)getpid());
  unlink_db();
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_store *s = bl_store_open(dbpath, 0, bl_grammar_version(grammar()), &err);
  if (!s) fail_msg("open: %s", err.msg);
  return s;
}

static void ingest(bl_store *s, const fx_article *arts, size_t n) {
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_writer *w = bl_writer_new(s, grammar(), &err);
  bl_names *names = bl_names_new(grammar(), &err);
  assert_non_null(w);
  assert_non_null(names);
  assert_int_equal(bl_writer_begin(w, &err), BL_OK);
  for (size_t i = 0; i < n; i++) {
    bl_claim claims[16];
    fx_claims(&arts[i], claims);
    bl_article a = fx_article_of(&arts[i]);
    bl_record r;
    bl_record_init(&r);
    bl_overrides ov = {arts[i].event, NULL, NULL, NULL};
    int rc = bl_record_build_claims(&r, names, grammar(), "fixture.txt", &a, &ov, claims,
                                    arts[i].nclaims, &err);
    if (rc) fail_msg("record: %s", err.msg);
    bl_put_status st;
    size_t nc;
    if (bl_writer_put(w, &r, &st, &nc, &err)) fail_msg("put: %s", err.msg);
    bl_record_clear(&r);
  }
  assert_int_equal(bl_writer_commit(w, &err), BL_OK);
  bl_names_free(names);
  bl_writer_free(w);
}

/* ------------------------------------------------------------ fixtures */

static const fx_claim crue1[] = {
    FX_EXACT("5", 5, BL_CAT_KILLED, BL_GROUP_NONE, "préfecture", 1),
    {"plus de 12", 12, 12, NAN, BL_MORE_THAN, BL_CAT_KILLED, BL_GROUP_NONE, "collectif", 1, false,
     -1, 0},
    FX_EXACT("cinq", 5, BL_CAT_EVACUATED, BL_GROUP_NONE, "préfecture", 1),
    FX_EXACT("20 millions", 20e6, BL_CAT_OTHER, BL_GROUP_NONE, NULL, -1),
};
static const fx_claim crue2[] = {
    {"entre 7 et 9", NAN, 7, 9, BL_RANGE, BL_CAT_KILLED, BL_GROUP_NONE, "préfecture", 1, false,
     -1, 0},
    {"des centaines", NAN, 200, 999, BL_VAGUE, BL_CAT_EVACUATED, BL_GROUP_NONE, "préfecture", 1,
     false, -1, 0},
};
static const fx_claim crue3[] = {
    {"environ 8", 8, 8, 8, BL_ABOUT, BL_CAT_KILLED, BL_GROUP_NONE, "préfecture", 1, false, -1, 0},
    FX_EXACT("2 000", 2000, BL_CAT_EVACUATED, BL_GROUP_NONE, "préfecture", 1),
};
static const fx_claim marche[] = {
    {"moins de 300", 300, NAN, 300, BL_LESS_THAN, BL_CAT_PARTICIPANTS, BL_GROUP_PROTESTERS,
     "police", -1, false, -1, 0},
    {"jusqu'à 900", 900, NAN, 900, BL_AT_MOST, BL_CAT_PARTICIPANTS, BL_GROUP_PROTESTERS,
     "syndicats", -1, false, -1, 0},
};

static const fx_article events[] = {
    {"Selon la préfecture, 5 personnes sont mortes. Selon le collectif, plus de 12 personnes "
     "sont mortes. Selon la préfecture, cinq familles ont été évacuées. Une aide de 20 millions "
     "d'euros.",
     "L'Écho <du> \"Val\"", "2024-10-14", "https://ex.test/a1?x=1&y=2", "ev-crue",
     "Crue : <script>alert(1)</script>", crue1, BL_ARRAY_LEN(crue1)},
    {"Selon la préfecture, entre 7 et 9 personnes sont mortes. Selon la préfecture, des "
     "centaines de personnes ont été évacuées.",
     "Gazette", "2024-10-15", "javascript:alert(1)", "ev-crue", "Crue, jour 2", crue2,
     BL_ARRAY_LEN(crue2)},
    {"Selon la préfecture, environ 8 personnes sont mortes. Selon la préfecture, 2 000 "
     "habitants ont été évacués.",
     "Gazette", "2024-10-16", NULL, "ev-crue", "Crue, jour 3", crue3, BL_ARRAY_LEN(crue3)},
    {"Selon la police, moins de 300 manifestants. Selon les syndicats, jusqu'à 900 "
     "manifestants.",
     "Le Matin", "2024-11-02", "https://ex.test/m", "ev-marche", "Marche", marche,
     BL_ARRAY_LEN(marche)},
};

/* The page of the fixture database (caller frees). */
static char *page_of(bl_store *s, const char *event, int want_rc) {
  bl_buf b;
  bl_buf_init(&b);
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_report_info info = {"test.db", event};
  int rc = bl_report_html(&b, bl_store_db(s), &info, &err);
  assert_int_equal(rc, want_rc);
  if (rc) {
    bl_buf_clear(&b);
    return NULL;
  }
  return b.ptr;
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
  return n;
}

static int64_t one_int(bl_store *s, const char *sql) {
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(bl_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* --------------------------------------------------------------- tests */

static void test_page(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, events, BL_ARRAY_LEN(events));
  char *html = page_of(s, NULL, BL_OK);
  /* Both events, most recent first. */
  const char *crue = strstr(html, "<section class=\"event\" id=\"event-ev-crue\"");
  const char *marche_sec = strstr(html, "<section class=\"event\" id=\"event-ev-marche\"");
  assert_non_null(crue);
  assert_non_null(marche_sec);
  assert_true(marche_sec < crue);
  /* A chart per toll with figures: killed and evacuated, participants. */
  assert_int_equal(count(html, "<svg class=\"chart\""), 3);
  assert_non_null(strstr(html, "data-event=\"ev-crue\" data-category=\"killed\""));
  assert_non_null(strstr(html, "data-event=\"ev-crue\" data-category=\"evacuated\""));
  assert_non_null(
      strstr(html, "data-event=\"ev-marche\" data-category=\"participants\" data-group=\"protesters\""));
  /* The one conflict (5 against more than 12), linked both ways. */
  assert_int_equal(one_int(s, "SELECT count(*) FROM conflicts"), 1);
  int64_t a = one_int(s, "SELECT a_claim FROM conflicts");
  int64_t b = one_int(s, "SELECT b_claim FROM conflicts");
  char want[160];
  snprintf(want, sizeof want, "<li id=\"conflict-1\" value=\"1\" class=\"conflict\" "
                              "data-a=\"%lld\" data-b=\"%lld\">",
           (long long)a, (long long)b);
  assert_non_null(strstr(html, want));
  snprintf(want, sizeof want, "<tr id=\"claim-%lld\" class=\"in-conflict\">", (long long)a);
  assert_non_null(strstr(html, want));
  snprintf(want, sizeof want, "<tr id=\"claim-%lld\" class=\"in-conflict\">", (long long)b);
  assert_non_null(strstr(html, want));
  assert_non_null(strstr(html, "<a href=\"#conflict-1\" class=\"conflict\">"));
  assert_int_equal(count(html, "class=\"ring\""), 2 + 2); /* the chart's two, the key's two */
  /* Every claim has its row, with the figure marked in its sentence. */
  assert_int_equal(count(html, "<tr id=\"claim-"), 10);
  assert_non_null(strstr(html, "Selon le collectif, <mark>plus de 12</mark> personnes"));
  /* The other figure (money) is listed apart. */
  assert_non_null(strstr(html, "<details class=\"other\"><summary>Other figures (1)"));
  bl_free(html);
  bl_store_free(s);
  unlink_db();
}

static void test_marks(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, events, BL_ARRAY_LEN(events));
  char *html = page_of(s, NULL, BL_OK);
  /* Skip the key: look at the charts only. */
  const char *charts = strstr(html, "<svg class=\"chart\"");
  assert_non_null(charts);
  /* more than 12: a hollow dot and an arrow up; less than 300 too (down). */
  assert_true(count(charts, "fill=\"#fff\"") >= 2);
  /* the range (7 to 9) as a bar; the vague amount (des centaines) dashed */
  assert_non_null(strstr(charts, "stroke-dasharray=\"4 3\""));
  /* about 8: a diamond over its tolerance bar */
  assert_non_null(strstr(charts, "l6 6l-6 6l-6 -6z"));
  assert_non_null(strstr(charts, "opacity=\"0.25\""));
  /* evacuated spans 5 to 2 000: a log scale */
  assert_int_equal(count(charts, ">log scale</text>"), 1);
  /* tooltips say what the wording allows */
  assert_non_null(strstr(charts, "“plus de 12” (&gt; 12)"));
  assert_non_null(strstr(charts, "“entre 7 et 9” (7–9)"));
  assert_non_null(strstr(charts, "“environ 8” (≈ 8)"));
  /* the voice labels in the margin */
  assert_non_null(strstr(charts, "class=\"voice-label\">préfecture"));
  bl_free(html);
  bl_store_free(s);
  unlink_db();
}

static void test_escaping(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, events, BL_ARRAY_LEN(events));
  char *html = page_of(s, NULL, BL_OK);
  /* Nothing from an article becomes markup. */
  assert_null(strstr(html, "<script"));
  assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert_non_null(strstr(html, "L&#39;Écho &lt;du&gt; &quot;Val&quot;"));
  assert_non_null(strstr(html, "href=\"https://ex.test/a1?x=1&amp;y=2\""));
  /* Only web addresses become links. */
  assert_null(strstr(html, "href=\"javascript"));
  assert_non_null(strstr(html, "javascript:alert(1)</span>"));
  /* Self-contained: nothing loaded from elsewhere. */
  assert_null(strstr(html, " src="));
  assert_null(strstr(html, "<link"));
  assert_null(strstr(html, "@import"));
  assert_null(strstr(html, "url("));
  bl_free(html);
  bl_store_free(s);
  unlink_db();
}

static void test_event_filter(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, events, BL_ARRAY_LEN(events));
  char *html = page_of(s, "ev-marche", BL_OK);
  assert_non_null(strstr(html, "id=\"event-ev-marche\""));
  assert_null(strstr(html, "id=\"event-ev-crue\""));
  assert_int_equal(count(html, "<svg class=\"chart\""), 1);
  assert_int_equal(count(html, "<tr id=\"claim-"), 2);
  bl_free(html);
  assert_null(page_of(s, "no-such-event", BL_USAGE));
  bl_store_free(s);
  unlink_db();
}

static void test_empty(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  char *html = page_of(s, NULL, BL_OK);
  assert_non_null(strstr(html, "holds no article yet"));
  assert_non_null(strstr(html, "</html>"));
  bl_free(html);
  bl_store_free(s);
  unlink_db();
}

/* ---------------------------------------------------------- allocation */

static long countdown = -1;

static void *hook_malloc(size_t n, void *ctx) {
  (void)ctx;
  if (countdown >= 0 && countdown-- == 0) return NULL;
  return malloc(n);
}
static void *hook_realloc(void *p, size_t n, void *ctx) {
  (void)ctx;
  if (countdown >= 0 && countdown-- == 0) return NULL;
  return realloc(p, n);
}
static void hook_free(void *p, void *ctx) {
  (void)ctx;
  free(p);
}

static void test_alloc_failures(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, events, BL_ARRAY_LEN(events));
  char *want = page_of(s, NULL, BL_OK);
  bl_allocator al = {hook_malloc, hook_realloc, hook_free, NULL};
  bl_set_allocator(&al);
  long failures = 0;
  for (long n = 0;; n++) {
    countdown = n;
    bl_buf b;
    bl_buf_init(&b);
    bl_error err;
    memset(&err, 0, sizeof err);
    bl_report_info info = {"test.db", NULL};
    int rc = bl_report_html(&b, bl_store_db(s), &info, &err);
    bool failed = countdown < 0;
    countdown = -1;
    if (!failed) {
      assert_int_equal(rc, BL_OK);
      assert_string_equal(b.ptr, want);
      bl_buf_clear(&b);
      break;
    }
    assert_int_equal(rc, BL_NOMEM);
    assert_int_equal(err.code, BL_NOMEM);
    bl_buf_clear(&b);
    failures++;
  }
  bl_set_allocator(NULL);
  assert_true(failures > 20);
  bl_free(want);
  bl_store_free(s);
  unlink_db();
}

/* --------------------------------------------------------------- text */

static char *fmt_num(bl_buf *b, double v) {
  bl_buf_reset(b);
  assert_int_equal(bl_rp_num(b, v), BL_OK);
  return b->ptr;
}

static void test_text(void **state) {
  (void)state;
  bl_buf b;
  bl_buf_init(&b);
  assert_string_equal(fmt_num(&b, 3211), "3\u202f211");
  assert_string_equal(fmt_num(&b, 1500000), "1\u202f500\u202f000");
  assert_string_equal(fmt_num(&b, 999), "999");
  assert_string_equal(fmt_num(&b, 2.5), "2.5");
  assert_string_equal(fmt_num(&b, 0), "0");
  assert_string_equal(fmt_num(&b, -1200), "−1\u202f200");
  bl_buf_reset(&b);
  assert_int_equal(bl_html_id(&b, "sorvène 2024/crue"), BL_OK);
  assert_string_equal(b.ptr, "sorv.c3.a8ne.202024.2fcrue");
  bl_buf_reset(&b);
  assert_int_equal(bl_html_esc(&b, "a<b>&\"c'\0d", 10), BL_OK);
  assert_string_equal(b.ptr, "a&lt;b&gt;&amp;&quot;c&#39;\xEF\xBF\xBD" "d");
  static const struct {
    bl_qualifier q;
    double v, lo, hi;
    const char *want;
  } iv[] = {{BL_EXACT, 41, 41, 41, "= 41"},
            {BL_ABOUT, 50, 50, 50, "≈ 50"},
            {BL_MORE_THAN, 400, 400, NAN, "&gt; 400"},
            {BL_AT_LEAST, 12, 12, NAN, "≥ 12"},
            {BL_LESS_THAN, 10, NAN, 10, "&lt; 10"},
            {BL_AT_MOST, 10, NAN, 10, "≤ 10"},
            {BL_RANGE, NAN, 150, 200, "150–200"},
            {BL_VAGUE, NAN, 2000, 9999, "2\u202f000–9\u202f999"}};
  for (size_t i = 0; i < BL_ARRAY_LEN(iv); i++) {
    bl_rp_claim c;
    memset(&c, 0, sizeof c);
    c.qualifier = iv[i].q;
    c.value = iv[i].v;
    c.lo = iv[i].lo;
    c.hi = iv[i].hi;
    bl_buf_reset(&b);
    assert_int_equal(bl_rp_interval(&b, &c), BL_OK);
    assert_string_equal(b.ptr, iv[i].want);
  }
  assert_true(bl_rp_same_voice("s:garde cotes", "s:garde cotes sevanais"));
  assert_true(bl_rp_same_voice("s:garde cotes sevanais", "s:garde cotes"));
  assert_false(bl_rp_same_voice("s:garde", "s:gardes"));
  assert_false(bl_rp_same_voice("s:police", "o:police"));
  bl_buf_clear(&b);
}

static int teardown(void **state) {
  (void)state;
  bl_grammar_free(g_grammar);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_page),         cmocka_unit_test(test_marks),
      cmocka_unit_test(test_escaping),     cmocka_unit_test(test_event_filter),
      cmocka_unit_test(test_empty),        cmocka_unit_test(test_alloc_failures),
      cmocka_unit_test(test_text),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}
