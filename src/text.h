/*
 * text.h — layer 1: the normalised text of an input and its offset map.
 *
 * The grammars run on a normalised copy of the caller's bytes: NFC, every
 * space variant (U+00A0, U+202F, U+2009, ...) folded to ' ', typographic
 * apostrophes to '\'', quotation marks to '"', dashes and minus to '-',
 * '…' to "...", invisible format characters (soft hyphen, ZWSP, BOM) dropped.
 * Each change is recorded as an edit so that any normalised offset maps back
 * to the caller's bytes exactly.
 */
#ifndef BL_TEXT_H
#define BL_TEXT_H

#include "internal.h"

/* Normalised bytes [ns, ne) stand for original bytes [os, oe). */
typedef struct bl_edit {
  size_t ns, ne, os, oe;
} bl_edit;

typedef struct bl_text {
  const char *s;    /* normalised text: `orig` itself when nothing changed, else norm.ptr */
  size_t n;         /* its length */
  const char *orig; /* borrowed: the caller's bytes */
  size_t orig_len;
  bl_buf norm;      /* owned: normalised copy, used once the first edit happens */
  bl_edit *edits;   /* owned, sorted by ns */
  size_t nedits, cap;
  size_t repairs;   /* invalid sequences replaced by U+FFFD (BL_REPAIR) */
} bl_text;

void bl_text_init(bl_text *t);
void bl_text_clear(bl_text *t);

/*
 * Validate and normalise src[0..len).  Invalid UTF-8 or a NUL byte fails with
 * BL_BADUTF8 and err->at on the offending bytes, unless opts has BL_REPAIR:
 * then each bad sequence becomes U+FFFD and t->repairs counts them.
 * `src` must outlive t's use.
 */
int bl_text_normalize(bl_text *t, const char *src, size_t len, unsigned opts, bl_error *err);

/* Map a normalised offset back: a start maps to the start of the original
 * bytes it came from, an end to their end. */
size_t bl_text_orig_start(const bl_text *t, size_t n);
size_t bl_text_orig_end(const bl_text *t, size_t n);
static inline bl_span bl_text_orig_span(const bl_text *t, size_t s, size_t e) {
  bl_span sp = {bl_text_orig_start(t, s), bl_text_orig_end(t, e)};
  if (sp.end < sp.start) sp.end = sp.start;
  return sp;
}

/* The quotation mark at normalised `i` (every one is '"' there), as the
 * input wrote it: 1 opening (« “ „ ‹), -1 closing (» ” ›), 0 either ('"'). */
int bl_text_quote_side(const bl_text *t, size_t i);

#endif
