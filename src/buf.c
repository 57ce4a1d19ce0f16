/*
 * buf.c — owned, growable byte buffers (layer 0).
 */
#include "internal.h"

#include <stdio.h>

void bl_buf_init(bl_buf *b) {
  b->ptr = NULL;
  b->len = b->cap = 0;
}

void bl_buf_clear(bl_buf *b) {
  bl_free(b->ptr);
  bl_buf_init(b);
}

void bl_buf_reset(bl_buf *b) {
  b->len = 0;
  if (b->ptr) b->ptr[0] = '\0';
}

int bl_buf_reserve(bl_buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return BL_NOMEM;
  return bl_grow((void **)&b->ptr, &b->cap, b->len + extra + 1, 1);
}

int bl_buf_add(bl_buf *b, const void *data, size_t n) {
  if (bl_buf_reserve(b, n)) return BL_NOMEM;
  if (n) memcpy(b->ptr + b->len, data, n);
  b->len += n;
  b->ptr[b->len] = '\0';
  return BL_OK;
}

int bl_buf_addc(bl_buf *b, char c) {
  return bl_buf_add(b, &c, 1);
}

int bl_buf_adds(bl_buf *b, const char *s) {
  return bl_buf_add(b, s, strlen(s));
}

int bl_buf_printf(bl_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return BL_INTERNAL;
  if (bl_buf_reserve(b, (size_t)n)) return BL_NOMEM;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return BL_OK;
}
