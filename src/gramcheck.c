/*
 * gramcheck.c — layer 4: checks the ex+/ex- examples of every grammar rule
 * against the pipeline (see gramcheck.h).
 *
 *   hedges.tsv    ex+: some quantity has the rule's qualifier; ex-: none has
 *   quantity.pcre ex+: at least one quantity;                ex-: none
 *   notq.pcre     ex+: the rule matches at some figure of the text and no
 *                 quantity overlaps that match;            ex-: it matches nowhere
 *   other .pcre   ex+: the rule matches somewhere;         ex-: it matches nowhere
 */
#include "gramcheck.h"

#include "num.h"

#include <stdio.h>

static bool overlaps(const bl_qtys *q, size_t s, size_t e) {
  for (size_t i = 0; i < q->n; i++)
    if (q->v[i].ns < e && s < q->v[i].ne) return true;
  return false;
}

static int check_one(const bl_grammar *g, bl_rx_state *rx, bl_text *t, bl_qtys *q,
                     const bl_example *ex, char *why, size_t whylen) {
  bl_error err;
  memset(&err, 0, sizeof err);
  q->n = 0;
  why[0] = '\0';
  if (bl_text_normalize(t, ex->text, strlen(ex->text), 0, &err) ||
      bl_num_find(g, rx, t->s, 0, t->n, q, &err)) {
    snprintf(why, whylen, "pipeline error: %s", err.msg);
    return 1;
  }
  bool by_mark = false;
  const pcre2_code *re = ex->rule ? bl_gram_rule(g, ex->file, ex->rule, &by_mark) : NULL;
  bool own_rule = re && strcmp(ex->file, "fr/quantity.pcre") != 0;
  if (own_rule) {
    bool notq = !strcmp(ex->file, "fr/notq.pcre");
    bool hit = false, covered = false;
    for (size_t i = 0; i < t->n && !hit; i++) {
      if (((unsigned char)t->s[i] & 0xC0) == 0x80) continue;
      int rc = bl_rx_match(re, rx, t->s, t->n, i, PCRE2_ANCHORED);
      if (rc > 0 && (!by_mark || (bl_rx_mark(rx) && !strcmp(bl_rx_mark(rx), ex->rule)))) {
        size_t s = 0, e = 0;
        bl_rx_group(rx, 0, &s, &e);
        hit = true;
        covered = notq && overlaps(q, s, e);
      }
    }
    if (ex->positive && !hit) snprintf(why, whylen, "rule %s does not match", ex->rule);
    else if (ex->positive && covered)
      snprintf(why, whylen, "rule %s matches but a quantity still covers it", ex->rule);
    else if (!ex->positive && hit) snprintf(why, whylen, "rule %s matches", ex->rule);
    return why[0] != '\0';
  }
  if (ex->qualifier >= 0) {
    bool found = false;
    for (size_t i = 0; i < q->n; i++)
      if ((int)q->v[i].pub.qualifier == ex->qualifier) found = true;
    if (ex->positive && !found)
      snprintf(why, whylen, "no quantity with qualifier %s (%zu found)",
               bl_qualifier_name((bl_qualifier)ex->qualifier), q->n);
    else if (!ex->positive && found)
      snprintf(why, whylen, "a quantity has qualifier %s",
               bl_qualifier_name((bl_qualifier)ex->qualifier));
    return why[0] != '\0';
  }
  if (ex->positive && q->n == 0) snprintf(why, whylen, "no quantity found");
  else if (!ex->positive && q->n > 0) snprintf(why, whylen, "%zu quantity found", q->n);
  return why[0] != '\0';
}

long bl_gram_check(const bl_grammar *g, bl_gram_report report, void *ctx) {
  bl_rx_state rx;
  if (bl_rx_state_init(&rx, g->max_groups)) return -1;
  bl_text t;
  bl_text_init(&t);
  bl_qtys q;
  memset(&q, 0, sizeof q);
  long failures = 0;
  char why[200];
  for (size_t i = 0; i < g->nexamples; i++)
    if (check_one(g, &rx, &t, &q, &g->examples[i], why, sizeof why)) {
      failures++;
      if (report) report(&g->examples[i], why, ctx);
    }
  bl_free(q.v);
  bl_free(q.zero);
  bl_text_clear(&t);
  bl_rx_state_clear(&rx);
  return failures;
}
