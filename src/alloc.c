/*
 * alloc.c — the library's allocator (layer 0).  All memory bilan itself owns
 * comes from here, so that a test can install a hook that fails the Nth
 * allocation and check every error path for leaks and crashes.
 */
#include "internal.h"

#include <stdlib.h>

static bl_allocator hook; /* zeroed: use libc */

void bl_set_allocator(const bl_allocator *alloc) {
  if (alloc)
    hook = *alloc;
  else
    memset(&hook, 0, sizeof hook);
}

void *bl_malloc(size_t n) {
  if (n == 0) n = 1;
  return hook.malloc_fn ? hook.malloc_fn(n, hook.ctx) : malloc(n);
}

void *bl_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  size_t total = count * size;
  void *p = bl_malloc(total);
  if (p) memset(p, 0, total ? total : 1);
  return p;
}

void *bl_realloc(void *p, size_t n) {
  if (n == 0) n = 1;
  return hook.realloc_fn ? hook.realloc_fn(p, n, hook.ctx) : realloc(p, n);
}

void bl_free(void *p) {
  if (!p) return;
  if (hook.free_fn)
    hook.free_fn(p, hook.ctx);
  else
    free(p);
}

char *bl_strndup(const char *s, size_t n) {
  char *p = bl_malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

int bl_grow(void **items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return BL_OK;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2 / size) return BL_NOMEM;
    ncap *= 2;
  }
  void *p = bl_realloc(*items, ncap * size);
  if (!p) return BL_NOMEM;
  *items = p;
  *cap = ncap;
  return BL_OK;
}
