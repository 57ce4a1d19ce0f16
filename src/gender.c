/*
 * gender.c — the gender of a counted noun, from gender.tsv (see gram.h).
 */
#include "gram.h"

#define LONGEST_ENDING 6 /* bytes, "-" not counted */

bool bl_noun_feminine(const bl_grammar *g, const char *w, size_t n) {
  if (n > 1 && (w[n - 1] == 's' || w[n - 1] == 'x')) n--; /* the singular */
  const bl_lexent *e = bl_lex_find(&g->gender, w, n);
  if (e) return e->kind == GN_FEMININE;
  char ending[LONGEST_ENDING + 1] = "-";
  for (size_t k = n - 1 < LONGEST_ENDING ? n - 1 : LONGEST_ENDING; k >= 1; k--) {
    memcpy(ending + 1, w + n - k, k);
    e = bl_lex_find(&g->gender, ending, k + 1);
    if (e && e->kind == GN_FEM_ENDING) return true;
  }
  return false;
}
