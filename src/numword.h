/*
 * numword.h — layer 3: the value of one figure as written: digits with their
 * separators and an optional scale word ("3 211", "1,5 million",
 * "3 millions et demi", "6.700,54") or French number words ("deux cent
 * trente", "quatre-vingt-dix-sept", "septante-et-un", "un million et demi").
 */
#ifndef BL_NUMWORD_H
#define BL_NUMWORD_H

#include "gram.h"

typedef struct bl_numval {
  double value;
  size_t end;       /* offset just after the last word or digit that is part of it */
  double scale;     /* the scale word that ends it (1e6 for "2 millions"), else 1 */
  bool words;       /* spelled out */
  bool grouped;     /* digits grouped by thousands ("13.000", "13 000") */
  bool article;     /* exactly "un" or "une": the article, not a figure */
} bl_numval;

/*
 * Read the figure s[start..end) (normalised text).  Words are checked for
 * French order ("vingt trente" is not one number): the result covers the
 * longest valid prefix, with out->end telling where it stops.  Returns false
 * when not even one word or digit is valid.
 */
bool bl_number_parse(const bl_grammar *g, const char *s, size_t start, size_t end,
                     bl_numval *out);

#endif
