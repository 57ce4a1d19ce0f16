/*
 * json.c — layer 7: JSON Lines writer (see json.h).  Strings are copied in
 * runs between the bytes that need escaping; integral numbers are written
 * without printf, which is most of the cost of an output line otherwise.
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/utf8.h>

/* 1: a byte that cannot appear as is in a JSON string (controls, '"', '\\');
 * 2: the first byte of a multi-byte sequence, to be validated. */
static const unsigned char esc_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};

static int add_escape(bl_buf *b, unsigned char c) {
  char esc[8];
  switch (c) {
  case '"': return bl_buf_add(b, "\\\"", 2);
  case '\\': return bl_buf_add(b, "\\\\", 2);
  case '\n': return bl_buf_add(b, "\\n", 2);
  case '\r': return bl_buf_add(b, "\\r", 2);
  case '\t': return bl_buf_add(b, "\\t", 2);
  default: snprintf(esc, sizeof esc, "\\u%04x", c); return bl_buf_add(b, esc, 6);
  }
}

int bl_json_str(bl_buf *b, const char *s, size_t n) {
  if (!s) return bl_buf_add(b, "null", 4);
  if (bl_buf_reserve(b, n + 2)) return BL_NOMEM;
  b->ptr[b->len++] = '"';
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0, i = 0;
  while (i < n) {
    unsigned char k = esc_class[u[i]];
    if (!k) {
      i++;
      continue;
    }
    if (k == 2) {
      /* Keep well-formed UTF-8 as is; anything else would make the line
       * unreadable to a JSON parser, so it becomes U+FFFD. */
      int32_t j = (int32_t)i;
      UChar32 c;
      U8_NEXT(u, j, (int32_t)(n > INT32_MAX ? INT32_MAX : n), c);
      if (c >= 0) {
        i = (size_t)j;
        continue;
      }
      if (bl_buf_add(b, s + run, i - run) || bl_buf_add(b, "\\ufffd", 6)) return BL_NOMEM;
      i = (size_t)j;
      run = i;
      continue;
    }
    if (bl_buf_add(b, s + run, i - run) || add_escape(b, u[i])) return BL_NOMEM;
    run = ++i;
  }
  if (bl_buf_add(b, s + run, n - run)) return BL_NOMEM;
  return bl_buf_addc(b, '"');
}

/* Decimal digits of an integer |x| < 2^53. */
static int add_int(bl_buf *b, long long x, bool neg) {
  char tmp[24];
  size_t k = sizeof tmp;
  unsigned long long u = (unsigned long long)(x < 0 ? -x : x);
  do {
    tmp[--k] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (neg) tmp[--k] = '-';
  return bl_buf_add(b, tmp + k, sizeof tmp - k);
}

int bl_json_num(bl_buf *b, double v) {
  if (isnan(v) || isinf(v)) return bl_buf_add(b, "null", 4);
  if (v == floor(v) && fabs(v) < 9007199254740992.0) return add_int(b, (long long)v, signbit(v));
  char tmp[40];
  snprintf(tmp, sizeof tmp, "%.15g", v);
  if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
  return bl_buf_adds(b, tmp);
}

int bl_json_key(bl_buf *b, const char *key, bool first) {
  /* Keys are short words that need no escape: one copy. */
  size_t n = strlen(key), i = 0;
  while (i < n && !esc_class[(unsigned char)key[i]]) i++;
  if (i == n) {
    if (bl_buf_reserve(b, n + 4)) return BL_NOMEM;
    char *p = b->ptr + b->len;
    if (!first) *p++ = ',';
    *p++ = '"';
    memcpy(p, key, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    *p = '\0';
    b->len = (size_t)(p - b->ptr);
    return BL_OK;
  }
  if (!first && bl_buf_addc(b, ',')) return BL_NOMEM;
  if (bl_json_str(b, key, strlen(key))) return BL_NOMEM;
  return bl_buf_addc(b, ':');
}
