/*
 * cli_db.c — the command-line layer's database: which file (`--db`, else
 * $BILAN_DB, else ./bilan.db, SPEC §2) and opening it with the errors told
 * the user's way (exit code 3).
 */
#include "cli.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

const char *cli_db_path(const char *flag) {
  if (flag && *flag) return flag;
  const char *env = getenv("BILAN_DB");
  return env && *env ? env : "bilan.db";
}

bl_store *cli_db_open(const char *path, bool readonly) {
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_store *s = bl_store_open(path, readonly ? BL_STORE_READONLY : 0,
                              readonly ? NULL : bl_grammar_version(cli_grammar()), &err);
  if (!s) {
    if (strstr(err.msg, path) == err.msg)
      cli_error("%s", err.msg);
    else
      cli_error("%s: %s", path, err.msg);
    exit(err.code == BL_NOMEM ? EXIT_INTERNAL : EXIT_DB);
  }
  return s;
}
