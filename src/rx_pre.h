/*
 * rx_pre.h — searching a few rules over one span at a time, PCRE2 trying
 * each only where it may start (see rx_pre.c): the same matches as
 * bl_rx_match searches, for a fraction of the cost when the rules open on
 * a word.
 */
#ifndef BL_RX_PRE_H
#define BL_RX_PRE_H

#include "gram.h"

/* At most this many rules in a set. */
#define BL_PRE_MAX 8

typedef struct bl_prefilter bl_prefilter;

/* A set of rules of g (each searched as it is when it has no anchored twin,
 * can match the empty string or looks more than 4 characters back).  It
 * keeps what it learns of the text and is used by one thread.  NULL when
 * out of memory. */
bl_prefilter *bl_pre_new(const bl_grammar *g, const pcre2_code *const *rules, size_t n);
void bl_pre_free(bl_prefilter *p);

/* Find where the rules may start in text[a, b), b being the end of the
 * subject of the searches that follow; rx serves them.  BL_OK or BL_NOMEM. */
int bl_pre_scan(bl_prefilter *p, bl_rx_state *rx, const char *text, size_t a, size_t b);

/* The same as bl_rx_match(rules[rule], rx, text, b, from, 0) for the last
 * scan, a <= from: the first match at or after `from`, its groups in rx. */
int bl_pre_search(bl_prefilter *p, size_t rule, size_t from);

#endif
