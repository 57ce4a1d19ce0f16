/*
 * test_read.h — helpers shared by the reader tests (tests/test_read_*.c):
 * the fixtures directory given on the command line, whole-file reads, and
 * assertions on bl_str fields.
 */
#ifndef BL_TEST_READ_H
#define BL_TEST_READ_H

#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "reader.h"

/* fixtures/inputs, from argv[1]. */
static const char *fixtures_dir = "fixtures/inputs";

static inline const char *fixture(const char *name) {
  static char path[4096];
  snprintf(path, sizeof path, "%s/%s", fixtures_dir, name);
  return path;
}

/* A whole file into a malloc'd buffer (NUL-terminated); fails the test if it
 * cannot be read. */
static inline char *slurp_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap + 1);
  assert_non_null(b);
  for (;;) {
    n += fread(b + n, 1, cap - n, f);
    if (n < cap) break;
    cap *= 2;
    char *nb = realloc(b, cap + 1);
    assert_non_null(nb);
    b = nb;
  }
  assert_false(ferror(f));
  fclose(f);
  b[n] = '\0';
  *len = n;
  return b;
}

/* Copy the string s with its NUL to dst; returns strlen(s). */
static inline size_t put(char *dst, const char *s) {
  size_t n = strlen(s);
  memcpy(dst, s, n + 1);
  return n;
}

/* Write data to a temporary file; returns its path (static storage). */
static inline const char *temp_file(const char *data, size_t len) {
  static char path[512];
  const char *dir = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/bilan-test-read-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
  return path;
}

/* s equals want (NULL: s is null). */
#define assert_str(s, want) assert_str_at((s), (want), __FILE__, __LINE__)
static inline void assert_str_at(bl_str s, const char *want, const char *file, int line) {
  if (!want) {
    if (s.ptr) {
      print_error("%s:%d: expected null, got \"%.*s\"\n", file, line, (int)s.len, s.ptr);
      fail();
    }
    return;
  }
  if (!s.ptr || s.len != strlen(want) || memcmp(s.ptr, want, s.len)) {
    print_error("%s:%d: expected \"%s\", got %s%.*s%s\n", file, line, want, s.ptr ? "\"" : "",
                s.ptr ? (int)s.len : 4, s.ptr ? s.ptr : "null", s.ptr ? "\"" : "");
    fail();
  }
}

/* Main of every reader test: argv[1] is the fixtures directory. */
#define TEST_READ_MAIN(tests)                                                                      \
  int main(int argc, char **argv) {                                                                \
    if (argc > 1) fixtures_dir = argv[1];                                                          \
    return cmocka_run_group_tests(tests, NULL, NULL);                                              \
  }

#endif
