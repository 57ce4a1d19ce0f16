/*
 * rx.c — layer 2: PCRE2 compile + JIT once, match with limits (see rx.h).
 */
#include "rx.h"

#include <assert.h>
#include <stdio.h>

pcre2_code *bl_rx_compile(const char *pattern, size_t len, uint32_t opts, bl_error *err) {
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_NO_UTF_CHECK | opts,
                                 &code, &off, NULL);
  if (!re) {
    PCRE2_UCHAR msg[120];
    pcre2_get_error_message(code, msg, sizeof msg);
    bl_fail_at(err, BL_GRAMMAR, off, off, "%s", (const char *)msg);
    return NULL;
  }
  /* JIT is an optimisation: a platform without it still matches, slower. */
  (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  return re;
}

int bl_rx_state_init(bl_rx_state *st, uint32_t max_groups) {
  memset(st, 0, sizeof *st);
  st->md = pcre2_match_data_create(max_groups + 1, NULL);
  st->mc = pcre2_match_context_create(NULL);
  st->stack = pcre2_jit_stack_create((size_t)32 * 1024, (size_t)512 * 1024, NULL);
  if (!st->md || !st->mc || !st->stack) {
    bl_rx_state_clear(st);
    return BL_NOMEM;
  }
  st->ov = pcre2_get_ovector_pointer(st->md);
  st->nov = pcre2_get_ovector_count(st->md);
  pcre2_set_match_limit(st->mc, BL_RX_MATCH_LIMIT);
  pcre2_set_depth_limit(st->mc, BL_RX_DEPTH_LIMIT);
  pcre2_jit_stack_assign(st->mc, NULL, st->stack);
  return BL_OK;
}

void bl_rx_state_clear(bl_rx_state *st) {
  pcre2_match_data_free(st->md);
  pcre2_match_context_free(st->mc);
  pcre2_jit_stack_free(st->stack);
  memset(st, 0, sizeof *st);
}

/* A PCRE2 return code as bl_rx_match's. */
static int rx_result(const bl_rx_state *st, int rc) {
  if (rc > 0) return rc;
  if (rc == 0) return (int)st->nov;
  if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return 0;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
      rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return -BL_LIMIT;
  return -BL_INTERNAL;
}

int bl_rx_match(const pcre2_code *re, bl_rx_state *st, const char *subject, size_t len,
                size_t start, uint32_t opts) {
  /* JIT code cannot take PCRE2_ANCHORED at match time: pcre2_match would
   * quietly use the interpreter instead (pcre2jit(3)).  A pattern compiled
   * anchored needs no flag, so drop it and keep the JIT. */
  if (opts & PCRE2_ANCHORED) {
    uint32_t compiled = 0;
    pcre2_pattern_info(re, PCRE2_INFO_ARGOPTIONS, &compiled);
    if (compiled & PCRE2_ANCHORED) opts &= ~(uint32_t)PCRE2_ANCHORED;
  }
  /* pcre2_jit_match is the same match without pcre2_match's checks (the
   * text layer has checked the UTF-8); it takes no PCRE2_ANCHORED, and a
   * pattern that has no JIT code goes to the interpreter. */
  int rc = PCRE2_ERROR_JIT_BADOPTION;
  if (!(opts & PCRE2_ANCHORED))
    rc = pcre2_jit_match(re, (PCRE2_SPTR)subject, len, start, opts, st->md, st->mc);
  if (rc == PCRE2_ERROR_JIT_BADOPTION)
    rc = pcre2_match(re, (PCRE2_SPTR)subject, len, start, opts | PCRE2_NO_UTF_CHECK, st->md,
                     st->mc);
  return rx_result(st, rc);
}

int bl_rx_match_anchored(const pcre2_code *re, bl_rx_state *st, const char *subject, size_t len,
                         size_t start) {
#ifndef NDEBUG
  uint32_t compiled = 0;
  pcre2_pattern_info(re, PCRE2_INFO_ARGOPTIONS, &compiled);
  assert(compiled & PCRE2_ANCHORED);
#endif
  int rc = pcre2_jit_match(re, (PCRE2_SPTR)subject, len, start, 0, st->md, st->mc);
  if (rc == PCRE2_ERROR_JIT_BADOPTION) /* no JIT code */
    rc = pcre2_match(re, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, st->md, st->mc);
  return rx_result(st, rc);
}

const char *bl_rx_mark(const bl_rx_state *st) {
  return (const char *)pcre2_get_mark(st->md);
}

size_t bl_rx_groups_named(const pcre2_code *re, const char *name, uint32_t *out, size_t cap) {
  PCRE2_SPTR first, last;
  int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
  if (size < 0) return 0;
  uint32_t entry;
  if (pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &entry) != 0) return 0;
  size_t n = 0;
  for (PCRE2_SPTR p = first; p <= last && n < cap; p += entry)
    out[n++] = ((uint32_t)p[0] << 8) | p[1];
  return n;
}
