/*
 * num.h — layer 3: every quantity expression of a normalised text.
 *
 * The scanner walks the text once, word by word; only where a word could be
 * a figure (a digit, or a form of numbers.tsv, approx.tsv, vague.tsv) does it
 * run the exclusion pattern (notq.pcre) and then the quantity pattern
 * (quantity.pcre), anchored at that figure or at one of the few words before
 * it, so that a hedge ahead of the figure is read with it.
 */
#ifndef BL_NUM_H
#define BL_NUM_H

#include "gram.h"
#include "text.h"

/* Flags of an internal quantity. */
enum {
  QF_WORDS = 1u << 0,    /* the figure is spelled out */
  QF_APPROX = 1u << 1,   /* an approximate noun ("une vingtaine") */
  QF_VAGUE = 1u << 2,    /* a vague amount ("des dizaines", "plusieurs") */
  QF_RANGE = 1u << 3,    /* a range */
  QF_MONEY = 1u << 4,    /* a currency sign or word */
  QF_PERCENT = 1u << 5,  /* a percent sign or "pour cent" */
  QF_VERB_HEDGE = 1u << 6 /* the hedge is a verb before the text */
};

/* A quantity with its normalised spans, for the claim layer. */
typedef struct bl_qty {
  bl_quantity pub; /* spans in the caller's bytes */
  size_t ns, ne;   /* normalised span of the text */
  size_t hs, he;   /* normalised hedge span, hs == he when none */
  size_t after;    /* normalised offset after any currency word ("d'euros") */
  unsigned flags;
} bl_qty;

typedef struct bl_qtys {
  bl_qty *v; /* owned */
  size_t n, cap;
  /* With want_zero set, the starts of words that may open a zero claim
   * ("aucune victime"): words.tsv class zero. */
  bool want_zero;
  size_t *zero; /* owned */
  size_t nzero, zcap;
  /* 0, or the most quantities and zero words together: past it
   * bl_num_find fails with BL_LIMIT (an article's BL_DOC_MAX_CLAIMS). */
  size_t max;
} bl_qtys;

/*
 * Append the quantities of t->s[from..to) to out (normalised spans only; call
 * bl_num_map to fill the public spans).  Returns BL_OK, BL_NOMEM or BL_LIMIT
 * (a PCRE2 limit was hit, or out->max was passed; err->at is the normalised
 * offset).
 */
int bl_num_find(const bl_grammar *g, bl_rx_state *rx, const char *s, size_t from, size_t to,
                bl_qtys *out, bl_error *err);

/* Dollars that name no country are the local dollar of a country the text
 * names (currency.tsv): a Québec text's "2,5 millions $" are CAD.  Without
 * such a place they stay USD. */
void bl_num_local_dollars(const bl_grammar *g, bl_rx_state *rx, const char *s, size_t n,
                          bl_qtys *q);

/* Fill pub.span and pub.hedge of out->v[first..] from their normalised spans. */
void bl_num_map(const bl_text *t, bl_qtys *out, size_t first);

#endif
