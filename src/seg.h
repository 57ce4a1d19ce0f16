/*
 * seg.h — layer 2: lines, page furniture and sentences of a normalised body.
 *
 * A line (text between newlines) is the unit of page furniture
 * (furniture.pcre) and the paragraph of attribution (a source stated once
 * carries over the following sentences of its line).  Sentences come from
 * ICU's French sentence breaker, with the breaks after abbreviations of
 * abbrev.txt and after initials removed.
 */
#ifndef BL_SEG_H
#define BL_SEG_H

#include "gram.h"

#include <unicode/ubrk.h>

typedef struct bl_line {
  size_t s, e;    /* normalised bytes, without the newline */
  bool furniture; /* left out of extraction */
} bl_line;

typedef struct bl_sent {
  size_t s, e;   /* normalised bytes, trailing spaces trimmed */
  size_t line;   /* index in the line list */
} bl_sent;

typedef struct bl_seg {
  UBreakIterator *bi; /* owned */
  UChar *u16;         /* owned: the line being cut, in UTF-16 */
  size_t u16cap;
  bl_line *lines;     /* owned */
  size_t nlines, lcap;
  bl_sent *sents;     /* owned */
  size_t nsents, scap;
} bl_seg;

int bl_seg_init(bl_seg *sg, bl_error *err);
void bl_seg_clear(bl_seg *sg);

/* Split s[0..n) into lines and mark furniture (resets the line and sentence lists). */
int bl_seg_lines(bl_seg *sg, const bl_grammar *g, bl_rx_state *rx, const char *s, size_t n,
                 bl_error *err);

/* The longest sentence: a longer one (a list, a table, text without
 * punctuation) is cut at its last clause mark (", " "; " ": ") or space
 * before this many bytes, so that the work around each figure is bounded
 * and 100 000 figures in one "sentence" take linear time. */
#define BL_SENT_MAX ((size_t)2048)

/* Append the sentences of line `li` (s is the whole normalised text). */
int bl_seg_sentences(bl_seg *sg, const bl_grammar *g, const char *s, size_t li, bl_error *err);

#endif
