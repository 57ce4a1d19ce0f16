/*
 * gramc.c — build-time grammar check: loads grammars/ from the source tree
 * through the library's own loader and runs every ex+/ex- example.  A bad
 * rule fails the build with FILE:LINE:COL.
 *
 *   bilan-gramc GRAMMAR_DIR
 */
#include "../gram.h"
#include "../gramcheck.h"

#include <stdio.h>

static void report(const bl_example *ex, const char *why, void *ctx) {
  const char *dir = ctx;
  fprintf(stderr, "%s/%s:%u:1: %s example \"%s\": %s\n", dir, ex->file, ex->line,
          ex->positive ? "ex+" : "ex-", ex->text, why);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bilan-gramc GRAMMAR_DIR\n");
    return 2;
  }
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_grammar *g = bl_grammar_new(argv[1], &err);
  if (!g) {
    fprintf(stderr, "%s/%s:%u:%zu: error: %s\n", argv[1], err.file ? err.file : "?", err.line,
            err.at.start, err.msg);
    return 1;
  }
  long bad = bl_gram_check(g, report, argv[1]);
  size_t n = g->nexamples;
  bl_grammar_free(g);
  if (bad) {
    fprintf(stderr, "bilan-gramc: %ld of %zu grammar examples fail\n", bad, n);
    return 1;
  }
  return 0;
}
