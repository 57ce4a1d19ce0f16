/*
 * gram_after.h — layer 2: the @after(a|b) and @notafter(a|b) macros of the
 * .pcre grammars, expanded into PCRE2 (see gram_after.c).
 */
#ifndef BL_GRAM_AFTER_H
#define BL_GRAM_AFTER_H

#include "internal.h"

#include <stdbool.h>

/* Append to b an assertion that the text just before the current position
 * is (negate: is not) one of the '|'-separated words of args[0..n), as a
 * whole word followed by one space; a word that ends in no letter ("n°",
 * "d'", "mi-") may also touch.  Returns BL_OK or BL_NOMEM. */
int bl_gram_after(bl_buf *b, const char *args, size_t n, bool negate);

#endif
