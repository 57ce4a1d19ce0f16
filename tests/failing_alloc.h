/*
 * failing_alloc.h — an allocator hook for the tests that run out of memory
 * on purpose (test_alloc.c, test_read_alloc.c): it counts allocations in
 * `made` and fails the one that `countdown` reaches 0 on (-1: none).
 * Install it with bl_set_allocator(&failing_allocator).
 */
#ifndef BL_TEST_FAILING_ALLOC_H
#define BL_TEST_FAILING_ALLOC_H

#include <stdlib.h>

#include "bilan.h"

static long countdown = -1; /* allocations left before one fails; -1 = never */
static long made;

static void *hook_malloc(size_t n, void *ctx) {
  (void)ctx;
  made++;
  if (countdown >= 0 && countdown-- == 0) return NULL;
  return malloc(n);
}
static void *hook_realloc(void *p, size_t n, void *ctx) {
  (void)ctx;
  made++;
  if (countdown >= 0 && countdown-- == 0) return NULL;
  return realloc(p, n);
}
static void hook_free(void *p, void *ctx) {
  (void)ctx;
  free(p);
}

#endif
