/*
 * store_fx.h — helpers for the store tests: articles and claims written by
 * hand (a claim names its text in the body; spans, sentences and sources are
 * found there), so that the comparison logic is tested apart from the
 * extractor.
 */
#ifndef BL_STORE_FX_H
#define BL_STORE_FX_H

#include "store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct fx_claim {
  const char *text;   /* the quantity as written; found in the body */
  double value, lo, hi;
  bl_qualifier q;
  bl_category cat;
  bl_group grp;
  const char *source; /* found in the body, or NULL */
  int cumulative;     /* 1, 0, -1 */
  bool negated;
  long of;            /* index of the parent in the same list, or -1 */
  bl_status status;
} fx_claim;

typedef struct fx_article {
  const char *body, *outlet, *date, *url, *event, *title;
  const fx_claim *claims;
  size_t nclaims;
} fx_article;

#define FX_END {NULL, 0, 0, 0, 0, 0, 0, NULL, 0, false, -1, 0}
#define FX_EXACT(t, v, cat, grp, src, cum) {t, v, v, v, BL_EXACT, cat, grp, src, cum, false, -1, 0}

static inline bl_str fx_find(const char *body, const char *s) {
  if (!s) return bl_str_null();
  const char *p = strstr(body, s);
  if (!p) {
    fprintf(stderr, "fixture: '%s' not in body\n", s);
    abort();
  }
  return bl_str_make(p, strlen(s));
}

/* Sentence around byte `at`: from after the previous ". " to the next '.'. */
static inline bl_span fx_sentence(const char *body, size_t at) {
  size_t s = at, e = at, n = strlen(body);
  while (s > 0 && !(body[s - 1] == ' ' && s >= 2 && body[s - 2] == '.')) s--;
  while (e < n && body[e] != '.') e++;
  bl_span sp = {s, e < n ? e + 1 : n};
  return sp;
}

/* Build claims for an article; `out` must hold a->nclaims. */
static inline void fx_claims(const fx_article *a, bl_claim *out) {
  for (size_t i = 0; i < a->nclaims; i++) {
    const fx_claim *f = &a->claims[i];
    bl_claim *c = &out[i];
    memset(c, 0, sizeof *c);
    bl_str t = fx_find(a->body, f->text);
    c->q.span.start = (size_t)(t.ptr - a->body);
    c->q.span.end = c->q.span.start + t.len;
    c->q.value = f->value;
    c->q.lo = f->lo;
    c->q.hi = f->hi;
    c->q.qualifier = f->q;
    c->category = f->cat;
    c->group = f->grp;
    c->source = fx_find(a->body, f->source);
    c->channel = bl_str_null();
    c->unit = bl_str_null();
    c->subject = bl_str_null();
    c->cumulative = f->cumulative;
    c->negated = f->negated;
    c->of = f->of;
    c->status = f->status;
    c->sentence = fx_sentence(a->body, c->q.span.start);
  }
}

static inline bl_article fx_article_of(const fx_article *a) {
  bl_article art;
  memset(&art, 0, sizeof art);
  art.body = bl_str_make(a->body, strlen(a->body));
  art.outlet = a->outlet ? bl_str_make(a->outlet, strlen(a->outlet)) : bl_str_null();
  art.date = a->date ? bl_str_make(a->date, strlen(a->date)) : bl_str_null();
  art.url = a->url ? bl_str_make(a->url, strlen(a->url)) : bl_str_null();
  art.event = a->event ? bl_str_make(a->event, strlen(a->event)) : bl_str_null();
  art.title = a->title ? bl_str_make(a->title, strlen(a->title)) : bl_str_null();
  return art;
}

#endif
