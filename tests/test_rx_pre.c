/*
 * test_rx_pre.c — src/rx_pre.c gives the matches of the searches it stands
 * for: every rule of attrib.pcre and claims.pcre "status", searched from
 * every start the callers use (each match's end) over each line of the
 * fixture articles and claims cases, normalised as bl_doc_run does, and
 * over the same lines edited at random (capitals, quotes, speech verbs put
 * anywhere, ends cut inside words), compared group by group with
 * bl_rx_match's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx_pre.h"
#include "text.h"

static const char *fixtures;
static bl_grammar *g;

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *b = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long len = ftell(f);
    rewind(f);
    b = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
      free(b);
      b = NULL;
    }
    if (b) *n = (size_t)len;
  }
  fclose(f);
  return b;
}

/* Each search of rules[k] over text[a, b), from a and then from each
 * match's end, the same through the prefilter as through bl_rx_match. */
static void compare_span(bl_prefilter *pre, bl_rx_state *rx, bl_rx_state *rx2,
                         const pcre2_code *const *rules, size_t n, const char *text, size_t a,
                         size_t b, long *matches) {
  assert_int_equal(bl_pre_scan(pre, rx, text, a, b), BL_OK);
  for (size_t k = 0; k < n; k++) {
    size_t me = 0;
    for (size_t from = a; from < b; from = (me > from) ? me : from + 1) {
      int want = bl_rx_match(rules[k], rx2, text, b, from, 0);
      int got = bl_pre_search(pre, k, from);
      if ((want > 0) != (got > 0))
        fail_msg("rule %zu from %zu in \"%.*s\": search %d, prefilter %d", k, from, (int)(b - a),
                 text + a, want, got);
      if (want <= 0) break;
      uint32_t groups = 0;
      pcre2_pattern_info(rules[k], PCRE2_INFO_CAPTURECOUNT, &groups);
      for (uint32_t i = 0; i <= groups; i++) {
        size_t s1 = 0, e1 = 0, s2 = 0, e2 = 0;
        bool set1 = bl_rx_group(rx2, i, &s1, &e1), set2 = bl_rx_group(rx, i, &s2, &e2);
        assert_int_equal(set1, set2);
        if (set1) {
          assert_int_equal(s1, s2);
          assert_int_equal(e1, e2);
        }
      }
      size_t ms = 0;
      bl_rx_group(rx2, 0, &ms, &me);
      (*matches)++;
    }
  }
}

/* A line edited at random: words of the rules put in, letters made
 * capitals, quotation marks; into buf (at least 4 * n + 64 bytes). */
static size_t edit(const char *s, size_t n, char *buf, unsigned *seed) {
  static const char *const bits[] = {
      " a annoncé ",    " selon ",          ", a indiqué ",  " de source ",
      " par ",          " la même source ", " cité par ",    " a-t-on appris auprès de ",
      " fait état de ", "Selon lui, ",      " Annonce ",     "\"",
      " SELON ",        " d'après ",        " ont déployé ", " Il a ",
      " recensés par "};
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    *seed = *seed * 1103515245u + 12345u;
    unsigned r = (*seed >> 16) % 100;
    char c = s[i];
    bool boundary = (unsigned char)c < 0x80 || ((unsigned char)c & 0xC0) != 0x80;
    if (boundary && r < 3) {
      const char *w = bits[(*seed >> 8) % (sizeof bits / sizeof bits[0])];
      /* the edited text is a byte run, not a C string */
      for (size_t j = 0; w[j]; j++) buf[o++] = w[j];
    }
    if (r >= 97 && c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    buf[o++] = c;
  }
  return o;
}

static void test_fixture_lines(void **state) {
  (void)state;
  const pcre2_code *rules[] = {g->rx_selon,       g->rx_de_source, g->rx_par_agent, g->rx_verb,
                               g->rx_same_source, g->rx_inverted,  g->rx_cite_par,  g->rx_status};
  size_t nrules = sizeof rules / sizeof rules[0];
  bl_prefilter *pre = bl_pre_new(g, rules, nrules);
  assert_non_null(pre);
  bl_rx_state rx, rx2;
  assert_int_equal(bl_rx_state_init(&rx, g->max_groups + 8), BL_OK);
  assert_int_equal(bl_rx_state_init(&rx2, g->max_groups + 8), BL_OK);
  bl_text txt;
  bl_text_init(&txt);
  long matches = 0, lines = 0;
  unsigned seed = 1;
  const char *dirs[] = {"demo/castelnoir-manifestation",
                        "demo/kazakhstan-2022-emeutes",
                        "demo/morvaze-naufrage",
                        "demo/tarsanie-seisme",
                        "ingest/manif",
                        "ingest/seisme",
                        "inputs",
                        "seed",
                        "claims"};
  for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", fixtures, dirs[d]);
    DIR *dir = opendir(path);
    if (!dir) continue;
    for (struct dirent *e; (e = readdir(dir));) {
      size_t len = strlen(e->d_name);
      if (len < 4 || (strcmp(e->d_name + len - 4, ".txt") && strcmp(e->d_name + len - 3, ".md")))
        continue;
      char file[4096 + 256];
      snprintf(file, sizeof file, "%s/%s", path, e->d_name);
      size_t n = 0;
      char *raw = slurp(file, &n);
      assert_non_null(raw);
      bl_error err;
      memset(&err, 0, sizeof err);
      if (bl_text_normalize(&txt, raw, n, 0, &err) != BL_OK) {
        free(raw); /* a file of bad input, read elsewhere */
        continue;
      }
      const char *s = txt.s;
      for (size_t a = 0; a < txt.n;) {
        const char *nl = memchr(s + a, '\n', txt.n - a);
        size_t b = nl ? (size_t)(nl - s) : txt.n;
        if (b > a) {
          compare_span(pre, &rx, &rx2, rules, nrules, s, a, b, &matches);
          char *buf = malloc(4 * (b - a) + 64);
          assert_non_null(buf);
          for (int k = 0; k < 4; k++) {
            size_t m = edit(s + a, b - a, buf, &seed);
            compare_span(pre, &rx, &rx2, rules, nrules, buf, 0, m, &matches);
            /* a span that ends inside a word, as a quotation's may */
            size_t cut = m / 2;
            while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80) cut--;
            compare_span(pre, &rx, &rx2, rules, nrules, buf, 0, cut, &matches);
          }
          free(buf);
          lines++;
        }
        a = b + 1;
      }
      free(raw);
    }
    closedir(dir);
  }
  bl_text_clear(&txt);
  bl_rx_state_clear(&rx);
  bl_rx_state_clear(&rx2);
  bl_pre_free(pre);
  print_message("%ld lines, %ld matches\n", lines, matches);
  /* the fixtures are there and the rules do match them */
  assert_true(lines > 100);
  assert_true(matches > 100);
}

int main(int argc, char **argv) {
  fixtures = argc > 1 ? argv[1] : "fixtures";
  bl_error err;
  memset(&err, 0, sizeof err);
  g = bl_grammar_new(NULL, &err);
  if (!g) {
    fprintf(stderr, "grammar: %s\n", err.msg);
    return 1;
  }
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_fixture_lines)};
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  bl_grammar_free(g);
  return rc;
}
