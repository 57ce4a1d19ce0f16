/*
 * grammar_copy.h — removing a test's copy of the grammar directory (DIR/fr/
 * and its files, then DIR), for the tests that load an altered grammar
 * (pathological.c, test_alloc.c).
 */
#ifndef BL_TEST_GRAMMAR_COPY_H
#define BL_TEST_GRAMMAR_COPY_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void remove_grammar_copy(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/fr", dir);
  struct dirent **names;
  int n = scandir(path, &names, NULL, alphasort);
  for (int i = 0; i < n; i++) {
    char f[4400];
    snprintf(f, sizeof f, "%s/%s", path, names[i]->d_name);
    if (names[i]->d_name[0] != '.') unlink(f);
    free(names[i]);
  }
  if (n >= 0) free(names);
  rmdir(path);
  rmdir(dir);
}

#endif
