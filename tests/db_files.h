/*
 * db_files.h — removing a test database and the -wal and -shm files SQLite
 * keeps beside it (test_store.c, test_report.c, test_alloc.c).
 */
#ifndef BL_TEST_DB_FILES_H
#define BL_TEST_DB_FILES_H

#include <stdio.h>
#include <unistd.h>

static void remove_db_files(const char *path) {
  char side[300];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
}

#endif
