/*
 * fuzz.h — what the fuzz targets of tests/fuzz/ share: the grammar, loaded
 * once; FUZZ_CHECK, which aborts (a crash to libFuzzer) when an invariant of
 * the library's results does not hold; and, when the target is not built
 * with libFuzzer, a main that replays inputs:
 *
 *   fuzz_TARGET FILE|DIR...   run each file (a directory: each file in it,
 *                             in name order) through the target; no argument
 *                             reads one input from standard input
 *
 * so that every crash input kept under tests/fuzz/regress/ is replayed by
 * ctest in every build.
 */
#ifndef BL_FUZZ_H
#define BL_FUZZ_H

#define _DEFAULT_SOURCE
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bilan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Each target frees the state it keeps between inputs (the replay main
 * calls it at the end, so that valgrind sees nothing left). */
static void fuzz_release(void) __attribute__((unused));

#define FUZZ_CHECK(cond)                                                                           \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);                \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

static bl_grammar *fuzz_g;

/* The built-in grammar, loaded at the first input and kept. */
static inline const bl_grammar *fuzz_grammar(void) {
  if (!fuzz_g) {
    bl_error err;
    memset(&err, 0, sizeof err);
    fuzz_g = bl_grammar_new(NULL, &err);
    if (!fuzz_g) {
      fprintf(stderr, "grammar: %s\n", err.msg);
      abort();
    }
  }
  return fuzz_g;
}

/* A span lies in [0, len] and is ordered. */
static inline bool fuzz_span_ok(bl_span sp, size_t len) {
  return sp.start <= sp.end && sp.end <= len;
}

/* The SPEC §4 bounds of a quantity: a span of the text, a known qualifier,
 * value/lo/hi as its qualifier says. */
static inline void fuzz_check_quantity(const bl_quantity *q, size_t len) {
  FUZZ_CHECK(fuzz_span_ok(q->span, len) && q->span.start < q->span.end);
  FUZZ_CHECK(fuzz_span_ok(q->hedge, len));
  FUZZ_CHECK((unsigned)q->qualifier <= BL_VAGUE);
  FUZZ_CHECK(!(q->lo > q->hi));
  switch (q->qualifier) {
  case BL_EXACT:
  case BL_ABOUT:
    FUZZ_CHECK(q->value == q->lo && q->value == q->hi);
    break;
  case BL_MORE_THAN:
  case BL_AT_LEAST:
    FUZZ_CHECK(q->value == q->lo && isnan(q->hi));
    break;
  case BL_LESS_THAN:
  case BL_AT_MOST:
    FUZZ_CHECK(q->value == q->hi && isnan(q->lo));
    break;
  case BL_RANGE:
  case BL_VAGUE:
    FUZZ_CHECK(isnan(q->value) && !isnan(q->lo) && !isnan(q->hi));
    break;
  }
}

/* Read every byte of a borrowed string (ASan checks they are readable). */
static inline unsigned fuzz_touch(bl_str s) {
  unsigned sum = 0;
  if (!s.ptr) {
    FUZZ_CHECK(s.len == 0);
    return 0;
  }
  for (size_t i = 0; i < s.len; i++) sum += (unsigned char)s.ptr[i];
  return sum;
}

#ifndef BL_LIBFUZZER
static int fuzz_replay_file(const char *path) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    perror(path);
    return 1;
  }
  size_t cap = 1 << 16, n = 0, got;
  uint8_t *buf = malloc(cap);
  if (!buf) abort();
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      uint8_t *nb = realloc(buf, cap *= 2);
      if (!nb) abort();
      buf = nb;
    }
  }
  if (f != stdin) fclose(f);
  /* An exact-size copy, so that ASan sees any read past the input. */
  uint8_t *exact = malloc(n ? n : 1);
  if (!exact) abort();
  memcpy(exact, buf, n);
  free(buf);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  return 0;
}

int main(int argc, char **argv) {
  size_t runs = 0;
  int status = 0;
  if (argc < 2) {
    status |= fuzz_replay_file("-");
    runs++;
  }
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      struct dirent **names;
      int n = scandir(argv[i], &names, NULL, alphasort);
      if (n < 0) {
        perror(argv[i]);
        return 1;
      }
      for (int k = 0; k < n; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[i], names[k]->d_name);
        if (names[k]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
          status |= fuzz_replay_file(path);
          runs++;
        }
        free(names[k]);
      }
      free(names);
    } else {
      status |= fuzz_replay_file(argv[i]);
      runs++;
    }
  }
  fuzz_release();
  bl_grammar_free(fuzz_g);
  fuzz_g = NULL;
  printf("%s: %zu inputs replayed\n", argv[0], runs);
  return status;
}
#endif

#endif
