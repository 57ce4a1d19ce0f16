/*
 * internal.h — declarations shared by the library's modules (layer 0: errors,
 * allocation, buffers).  Not installed.  A module includes only the headers
 * of lower layers (see docs/pipeline.md).
 */
#ifndef BL_INTERNAL_H
#define BL_INTERNAL_H

#include "bilan.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#define BL_UNUSED(x) ((void)(x))
#define BL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- alloc.c: every allocation of the library goes through these. */
void *bl_malloc(size_t n);
void *bl_calloc(size_t count, size_t size);
void *bl_realloc(void *p, size_t n);
void bl_free(void *p);
char *bl_strndup(const char *s, size_t n);
/* Grow *items (of `size` bytes each) so it holds at least `need`; 0 or BL_NOMEM. */
int bl_grow(void **items, size_t *cap, size_t need, size_t size);

/* ---- err.c */
/* Fill err (if non-NULL) and return code.  The message is printf-formatted. */
int bl_fail(bl_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int bl_fail_at(bl_error *err, int code, size_t start, size_t end, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void bl_error_clear(bl_error *err);

/* ---- buf.c: an owned, growable byte buffer, always NUL-terminated. */
typedef struct bl_buf {
  char *ptr; /* owned */
  size_t len;
  size_t cap;
} bl_buf;

void bl_buf_init(bl_buf *b);
void bl_buf_clear(bl_buf *b); /* frees */
void bl_buf_reset(bl_buf *b); /* len = 0, keeps the memory */
int bl_buf_reserve(bl_buf *b, size_t extra);
int bl_buf_add(bl_buf *b, const void *data, size_t n);
int bl_buf_addc(bl_buf *b, char c);
int bl_buf_adds(bl_buf *b, const char *s);
int bl_buf_printf(bl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline bl_str bl_str_make(const char *p, size_t n) {
  bl_str s = {p, n};
  return s;
}
static inline bl_str bl_str_null(void) {
  bl_str s = {NULL, 0};
  return s;
}

#endif
