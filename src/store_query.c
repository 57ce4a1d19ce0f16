/*
 * store_query.c — layer 7: `bilan query`, read-only SQL (store.h).
 *
 * Three locks on the door: the connection is opened read-only, an
 * authorizer refuses every action but reading (and says which one it
 * refused), and sqlite3_stmt_readonly() must agree.  One statement per call:
 * "SELECT 1; DELETE ..." is refused before anything runs.
 */
#include "store.h"

#include <stdio.h>

typedef struct guard {
  char why[120]; /* the first refused action */
} guard;

/* Pragmas that only read, with or without an argument. */
static bool read_pragma(const char *name, const char *arg) {
  static const char *const with_arg[] = {
      "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
      "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", NULL};
  static const char *const bare[] = {
      "user_version", "schema_version", "application_id", "database_list", "function_list",
      "pragma_list", "compile_options", "collation_list", "table_list", "module_list",
      "encoding", "page_count", "page_size", "freelist_count", "journal_mode", "foreign_keys",
      "data_version", NULL};
  for (size_t i = 0; with_arg[i]; i++)
    if (!sqlite3_stricmp(name, with_arg[i])) return true;
  if (arg) return false;
  for (size_t i = 0; bare[i]; i++)
    if (!sqlite3_stricmp(name, bare[i])) return true;
  return false;
}

static int authorize(void *ctx, int action, const char *a, const char *b, const char *db,
                     const char *trigger) {
  BL_UNUSED(db);
  BL_UNUSED(trigger);
  guard *gd = ctx;
  const char *what = NULL;
  switch (action) {
  case SQLITE_SELECT:
  case SQLITE_READ:
  case SQLITE_RECURSIVE:
    return SQLITE_OK;
  case SQLITE_FUNCTION:
    /* Functions that load code, write files or hand out pointers
     * (fts3_tokenizer gives a module's address). */
    if (b && (!sqlite3_stricmp(b, "load_extension") || !sqlite3_stricmp(b, "writefile") ||
              !sqlite3_stricmp(b, "edit") || !sqlite3_stricmp(b, "fts3_tokenizer"))) {
      if (!gd->why[0]) snprintf(gd->why, sizeof gd->why, "calling %s()", b);
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  case SQLITE_PRAGMA:
    if (read_pragma(a, b)) return SQLITE_OK;
    what = "a PRAGMA that may write";
    break;
  case SQLITE_ATTACH: what = "ATTACH"; break;
  case SQLITE_DETACH: what = "DETACH"; break;
  case SQLITE_INSERT: what = "INSERT"; break;
  case SQLITE_UPDATE: what = "UPDATE"; break;
  case SQLITE_DELETE: what = "DELETE"; break;
  case SQLITE_TRANSACTION: what = "a transaction statement"; break;
  case SQLITE_SAVEPOINT: what = "SAVEPOINT"; break;
  case SQLITE_ALTER_TABLE: what = "ALTER TABLE"; break;
  case SQLITE_ANALYZE: what = "ANALYZE"; break;
  case SQLITE_REINDEX: what = "REINDEX"; break;
  default: what = "a statement that changes the schema"; break;
  }
  /* Writing the schema table is DDL in disguise. */
  if (a && !sqlite3_strnicmp(a, "sqlite_", 7) &&
      (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE))
    what = "a statement that changes the schema";
  if (!gd->why[0]) {
    if (a && action != SQLITE_PRAGMA && action != SQLITE_FUNCTION && strncmp(a, "sqlite_", 7) != 0)
      snprintf(gd->why, sizeof gd->why, "%s (%s)", what, a);
    else
      snprintf(gd->why, sizeof gd->why, "%s", what);
  }
  return SQLITE_DENY;
}

/* Whitespace, ';' and comments only? */
static bool only_blank(const char *s) {
  for (;;) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ';') s++;
    if (s[0] == '-' && s[1] == '-') {
      while (*s && *s != '\n') s++;
      continue;
    }
    if (s[0] == '/' && s[1] == '*') {
      const char *e = strstr(s + 2, "*/");
      if (!e) return true;
      s = e + 2;
      continue;
    }
    return *s == '\0';
  }
}

int bl_query_run(bl_store *s, const char *sqltext, bl_row_fn fn, void *ctx, bl_error *err) {
  return bl_query_run_args(s, sqltext, NULL, 0, fn, ctx, err);
}

int bl_query_run_args(bl_store *s, const char *sqltext, const char *const *args, int nargs,
                      bl_row_fn fn, void *ctx, bl_error *err) {
  sqlite3 *db = bl_store_db(s);
  guard gd;
  memset(&gd, 0, sizeof gd);
  sqlite3_set_authorizer(db, authorize, &gd);
  sqlite3_stmt *st = NULL;
  const char *tail = NULL;
  int rc = sqlite3_prepare_v2(db, sqltext, -1, &st, &tail);
  int out = BL_OK;
  if (rc != SQLITE_OK) {
    if (gd.why[0])
      out = bl_fail(err, BL_READONLY, "bilan query is read-only: refused %s", gd.why);
    else
      out = bl_fail(err, BL_DB, "%s", sqlite3_errmsg(db));
  } else if (!st) {
    out = bl_fail(err, BL_USAGE, "no SQL statement given");
  } else if (tail && !only_blank(tail)) {
    out = bl_fail(err, BL_USAGE, "one SQL statement at a time (found more after byte %zu)",
                  (size_t)(tail - sqltext));
  } else if (!sqlite3_stmt_readonly(st)) {
    out = bl_fail(err, BL_READONLY, "bilan query is read-only: the statement would write");
  }
  if (out) {
    sqlite3_finalize(st);
    sqlite3_set_authorizer(db, NULL, NULL);
    return out;
  }
  for (int i = 0; i < nargs; i++)
    if (args[i])
      sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
    else
      sqlite3_bind_null(st, i + 1);
  int ncols = sqlite3_column_count(st);
  const char **names = bl_calloc((size_t)ncols + 1, sizeof *names);
  const char **vals = bl_calloc((size_t)ncols + 1, sizeof *vals);
  int *types = bl_calloc((size_t)ncols + 1, sizeof *types);
  if (!names || !vals || !types) {
    out = bl_fail(err, BL_NOMEM, "out of memory");
  } else {
    for (int i = 0; i < ncols; i++) names[i] = sqlite3_column_name(st, i);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      for (int i = 0; i < ncols; i++) {
        types[i] = sqlite3_column_type(st, i);
        vals[i] = types[i] == SQLITE_NULL ? NULL : (const char *)sqlite3_column_text(st, i);
      }
      if (fn(ctx, ncols, names, vals, types)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) out = bl_store_fail(db, err, "query");
  }
  bl_free(names);
  bl_free(vals);
  bl_free(types);
  sqlite3_finalize(st);
  sqlite3_set_authorizer(db, NULL, NULL);
  return out;
}
