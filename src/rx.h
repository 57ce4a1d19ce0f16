/*
 * rx.h — layer 2: PCRE2 patterns compiled once with JIT, and per-thread match
 * data with match and depth limits.  A limit hit is an error for that input,
 * never a hang.
 */
#ifndef BL_RX_H
#define BL_RX_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "internal.h"

/* Limits applied to every match (pcre2_set_match_limit / depth_limit). */
#define BL_RX_MATCH_LIMIT 200000u
#define BL_RX_DEPTH_LIMIT 2000u

/* Compile `pattern` (UTF, caseless unless opts says otherwise) and JIT it.
 * On error fills err with the pattern offset in err->at and returns NULL.
 * A pattern that is only ever matched anchored must be compiled with
 * PCRE2_ANCHORED: JIT code does not support that option at match time. */
pcre2_code *bl_rx_compile(const char *pattern, size_t len, uint32_t opts, bl_error *err);

/* Match state for one thread: match data sized for the largest pattern and
 * a match context carrying the limits. */
typedef struct bl_rx_state {
  pcre2_match_data *md;     /* owned */
  pcre2_match_context *mc;  /* owned */
  pcre2_jit_stack *stack;   /* owned */
  /* md's ovector and its size, fixed for md's life: read without a call
   * into the library for each group */
  const PCRE2_SIZE *ov;
  uint32_t nov;
} bl_rx_state;

int bl_rx_state_init(bl_rx_state *st, uint32_t max_groups);
void bl_rx_state_clear(bl_rx_state *st);

/* Anchored (or not) match at `start` in subject[0..len).  Returns the number
 * of groups set (> 0) on a match, 0 on no match, or -BL_LIMIT when a limit
 * was hit, -BL_INTERNAL on any other PCRE2 error. */
int bl_rx_match(const pcre2_code *re, bl_rx_state *st, const char *subject, size_t len,
                size_t start, uint32_t opts);

/* The same, at `start`, for a pattern compiled with PCRE2_ANCHORED (checked
 * in debug builds): the scanner's patterns, matched at every figure, spare
 * bl_rx_match's look at the compile options. */
int bl_rx_match_anchored(const pcre2_code *re, bl_rx_state *st, const char *subject, size_t len,
                         size_t start);

/* Span of group `n` after a match; false if the group is unset. */
static inline bool bl_rx_group(const bl_rx_state *st, uint32_t n, size_t *s, size_t *e) {
  const PCRE2_SIZE *ov = st->ov;
  if (n >= st->nov || ov[(size_t)n * 2] == PCRE2_UNSET) return false;
  *s = ov[(size_t)n * 2];
  *e = ov[(size_t)n * 2 + 1];
  return true;
}

/* Name of the (*MARK) reached by the last match, or NULL. */
const char *bl_rx_mark(const bl_rx_state *st);

/* All group numbers carrying `name` (PCRE2_DUPNAMES); returns how many were
 * written to out (at most cap). */
size_t bl_rx_groups_named(const pcre2_code *re, const char *name, uint32_t *out, size_t cap);

#endif
