/*
 * test_num_limits.c — the number scanner on inputs no article holds but any
 * file may: huge digit runs, endless chains of number words, hedges or
 * groups, 10^5 figures in a row.  Each must be read to the end (BL_OK, no
 * PCRE2 limit reached, so no input is rejected) with the quantities SPEC §4
 * gives; ctest's timeout guards against quadratic time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bilan.h"

static bl_grammar *g;
static bl_scan *scan;

/* `unit` repeated n times, then `tail`. */
static char *repeat(const char *unit, size_t n, const char *tail, size_t *len) {
  size_t u = strlen(unit), t = strlen(tail);
  char *s = malloc(u * n + t + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) memcpy(s + i * u, unit, u);
  memcpy(s + u * n, tail, t);
  s[u * n + t] = '\0';
  *len = u * n + t;
  return s;
}

static size_t run(const char *s, size_t len) {
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_scan_run(scan, s, len, 0, &err);
  if (rc != BL_OK) fail_msg("bl_scan_run: %s (%s) at byte %zu", bl_rc_str(rc), err.msg, err.at.start);
  return bl_scan_count(scan);
}

static void assert_text(const char *s, size_t i, const char *want) {
  const bl_quantity *q = bl_scan_get(scan, i);
  assert_non_null(q);
  assert_int_equal(q->span.end - q->span.start, strlen(want));
  assert_memory_equal(s + q->span.start, want, strlen(want));
}

/* A million digits is no figure (no French figure has that many), and the
 * figure after it is still read. */
static void test_digit_run(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("1", 1000000, " puis 12 morts.", &len);
  assert_int_equal(run(s, len), 1);
  assert_text(s, 0, "12");
  free(s);
}

/* 10^5 figures in a row: every one read. */
static void test_many_figures(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("7 morts, ", 100000, "fin.", &len);
  assert_int_equal(run(s, len), 100000);
  assert_text(s, 99999, "7");
  free(s);
}

/* "vingt vingt vingt ...": not one numeral; each word is one figure. */
static void test_word_chain(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("vingt ", 100000, "", &len);
  assert_int_equal(run(s, len), 100000);
  for (size_t i = 0; i < 100000; i += 9973) {
    const bl_quantity *q = bl_scan_get(scan, i);
    assert_true(q->value == 20);
    assert_int_equal(q->span.end - q->span.start, 5);
  }
  free(s);
  /* The same glued by hyphens is no numeral at all. */
  s = repeat("deux-", 100000, "trois", &len);
  run(s, len);
  free(s);
}

/* Hedge words repeated: the last one governs the figure. */
static void test_hedge_chain(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("plus de ", 50000, "3 morts", &len);
  assert_int_equal(run(s, len), 1);
  const bl_quantity *q = bl_scan_get(scan, 0);
  assert_int_equal(q->qualifier, BL_MORE_THAN);
  assert_true(q->value == 3);
  assert_text(s, 0, "plus de 3");
  free(s);
}

/* Dotted and comma-separated digit chains of any length. */
static void test_separator_chains(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("1.", 200000, "", &len);
  run(s, len);
  free(s);
  s = repeat(" 000", 50000, " euros", &len);
  s[0] = '1'; /* "1000 000 000 ... euros" */
  run(s, len);
  free(s);
  /* "0,5 0,5 0,5": decimals. */
  s = repeat("0,5 ", 100000, "", &len);
  assert_int_equal(run(s, len), 100000);
  assert_true(bl_scan_get(scan, 0)->value == 0.5);
  free(s);
}

/* Ranges and vague amounts chained without end. */
static void test_range_chain(void **state) {
  (void)state;
  size_t len;
  char *s = repeat("entre 1 et ", 20000, "2 blessés", &len);
  size_t n = run(s, len);
  assert_true(n >= 20000);
  free(s);
  s = repeat("des dizaines de ", 50000, "milliers", &len);
  assert_int_equal(run(s, len), 50000);
  free(s);
}

static int setup(void **state) {
  (void)state;
  bl_error err;
  memset(&err, 0, sizeof err);
  g = bl_grammar_new(NULL, &err);
  scan = g ? bl_scan_new(g, &err) : NULL;
  return scan ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  bl_scan_free(scan);
  bl_grammar_free(g);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digit_run),   cmocka_unit_test(test_many_figures),
      cmocka_unit_test(test_word_chain),  cmocka_unit_test(test_hedge_chain),
      cmocka_unit_test(test_separator_chains), cmocka_unit_test(test_range_chain),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
