/*
 * store.c — layer 7: opening a bilan database.  A new database gets
 * db/schema.sql, an older one the migrations db/migrations/NNN_*.sql above
 * its PRAGMA user_version, and the views of db/views.sql are recreated
 * whenever that file changed (its hash is kept in `meta`).  Every change
 * happens in one IMMEDIATE transaction, so two processes opening one new
 * database at once create it once.
 */
#include "store.h"

#include "embedded.h"

#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>

struct bl_store {
  sqlite3 *db; /* owned */
};

int bl_store_fail(sqlite3 *db, bl_error *err, const char *what) {
  int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  if (code == SQLITE_NOMEM) return bl_fail(err, BL_NOMEM, "out of memory (SQLite, %s)", what);
  return bl_fail(err, BL_DB, "%s: %s", what, db ? sqlite3_errmsg(db) : "no connection");
}

/* A file of db/ by name ("schema.sql"), or NULL. */
static const bl_embedded *db_file(const char *name) {
  for (const bl_embedded *e = bl_db_files; e->name; e++)
    if (strcmp(e->name, name) == 0) return e;
  return NULL;
}

/* Migration number of "migrations/NNN_name.sql", else 0. */
static int migration_number(const char *name) {
  static const char prefix[] = "migrations/";
  if (strncmp(name, prefix, sizeof prefix - 1) != 0) return 0;
  const char *p = name + sizeof prefix - 1;
  int n = 0, digits = 0;
  while (*p >= '0' && *p <= '9' && digits < 6) {
    n = n * 10 + (*p++ - '0');
    digits++;
  }
  return digits == 3 && *p == '_' ? n : 0;
}

int bl_store_schema_version(void) {
  int v = 0;
  for (const bl_embedded *e = bl_db_files; e->name; e++) {
    int n = migration_number(e->name);
    if (n > v) v = n;
  }
  return v;
}

/* Run the SQL text of an embedded file (it need not be NUL-terminated). */
static int exec_file(sqlite3 *db, const bl_embedded *f, bl_error *err) {
  char *sql = bl_strndup(f->data, f->len);
  if (!sql) return bl_fail(err, BL_NOMEM, "out of memory");
  int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  bl_free(sql);
  if (rc != SQLITE_OK) {
    char what[96];
    snprintf(what, sizeof what, "db/%s", f->name);
    return bl_store_fail(db, err, what);
  }
  return BL_OK;
}

static int exec(sqlite3 *db, const char *sql, bl_error *err) {
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) return bl_store_fail(db, err, sql);
  return BL_OK;
}

/* WAL mode.  Turning it on needs the database to itself, and SQLite does
 * not call the busy handler for that: when another process is opening the
 * same new database, wait and try again, up to BL_STORE_BUSY_MS. */
static int set_wal(sqlite3 *db, bl_error *err) {
  static const char sql[] = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL";
  for (int waited = 0;; waited += 10) {
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) return BL_OK;
    int primary = rc & 0xff;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || waited >= BL_STORE_BUSY_MS)
      return bl_store_fail(db, err, sql);
    sqlite3_sleep(10);
  }
}

/* One integer from a query (0 when it returns no row). */
static int query_int(sqlite3 *db, const char *sql, int *out, bl_error *err) {
  *out = 0;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return bl_store_fail(db, err, sql);
  int rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return bl_store_fail(db, err, sql);
  return BL_OK;
}

/* The value of meta[key] into out (empty when absent or when there is no
 * meta table yet). */
static int meta_get(sqlite3 *db, const char *key, char *out, size_t cap, bl_error *err) {
  out[0] = '\0';
  int has;
  int rc = query_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                     &has, err);
  if (rc || !has) return rc;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
    return bl_store_fail(db, err, "meta");
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return bl_store_fail(db, err, "meta");
  return BL_OK;
}

static int meta_set(sqlite3 *db, const char *key, const char *value, bl_error *err) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1, &st,
                         NULL) != SQLITE_OK)
    return bl_store_fail(db, err, "meta");
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? BL_OK : bl_store_fail(db, err, "meta");
}

/* What the database needs: 0 nothing, else a reason to take the write lock. */
typedef struct state {
  int version;
  int tables;
  char views[32], grammar[32];
} state;

static int read_state(sqlite3 *db, state *st, bl_error *err) {
  int rc = query_int(db, "PRAGMA user_version", &st->version, err);
  if (!rc) rc = query_int(db, "SELECT count(*) FROM sqlite_master", &st->tables, err);
  if (!rc) rc = meta_get(db, "views", st->views, sizeof st->views, err);
  if (!rc) rc = meta_get(db, "grammar", st->grammar, sizeof st->grammar, err);
  return rc;
}

static void views_hash(char out[32]) {
  const bl_embedded *v = db_file("views.sql");
  snprintf(out, 32, "%016llx", v ? (unsigned long long)XXH64(v->data, v->len, 0) : 0ull);
}

static bool up_to_date(const state *st, const char *grammar) {
  char vh[32];
  views_hash(vh);
  return st->version == bl_store_schema_version() && strcmp(st->views, vh) == 0 &&
         (!grammar || strcmp(st->grammar, grammar) == 0);
}

/* Create or migrate inside the write transaction. */
static int upgrade(sqlite3 *db, const state *st, const char *grammar, bl_error *err) {
  int latest = bl_store_schema_version();
  int rc;
  if (st->version == 0) {
    if (st->tables > 0)
      return bl_fail(err, BL_DB, "not a bilan database (it has tables but no schema version)");
    const bl_embedded *schema = db_file("schema.sql");
    if (!schema) return bl_fail(err, BL_INTERNAL, "db/schema.sql is not built in");
    if ((rc = exec_file(db, schema, err))) return rc;
  } else {
    for (int v = st->version + 1; v <= latest; v++) {
      const bl_embedded *m = NULL;
      for (const bl_embedded *e = bl_db_files; e->name && !m; e++)
        if (migration_number(e->name) == v) m = e;
      if (!m) return bl_fail(err, BL_INTERNAL, "migration %03d is not built in", v);
      if ((rc = exec_file(db, m, err))) return rc;
    }
  }
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest);
  if ((rc = exec(db, sql, err))) return rc;
  char vh[32];
  views_hash(vh);
  if (strcmp(st->views, vh) != 0 || st->version != latest) {
    const bl_embedded *views = db_file("views.sql");
    if (!views) return bl_fail(err, BL_INTERNAL, "db/views.sql is not built in");
    if ((rc = exec_file(db, views, err))) return rc;
    if ((rc = meta_set(db, "views", vh, err))) return rc;
  }
  if (grammar && (rc = meta_set(db, "grammar", grammar, err))) return rc;
  return meta_set(db, "bilan", bl_version(), err);
}

static int prepare_schema(sqlite3 *db, bool readonly, const char *grammar, bl_error *err) {
  state st;
  memset(&st, 0, sizeof st);
  int rc = read_state(db, &st, err);
  if (rc) return rc;
  int latest = bl_store_schema_version();
  if (st.version > latest)
    return bl_fail(err, BL_DB,
                   "the database has schema version %d, newer than this bilan (%d): upgrade bilan",
                   st.version, latest);
  if (readonly) {
    if (st.version == 0)
      return bl_fail(err, BL_DB, "not a bilan database (no schema): run bilan ingest first");
    if (st.version < latest)
      return bl_fail(err, BL_DB,
                     "the database has schema version %d; open it once for writing (bilan "
                     "ingest) to migrate it to %d",
                     st.version, latest);
    return BL_OK;
  }
  if (up_to_date(&st, grammar)) return BL_OK;
  if ((rc = exec(db, "BEGIN IMMEDIATE", err))) return rc;
  /* Another process may have done it while we waited for the lock. */
  rc = read_state(db, &st, err);
  if (!rc && st.version > latest)
    rc = bl_fail(err, BL_DB, "the database has schema version %d, newer than this bilan (%d)",
                 st.version, latest);
  if (!rc && !up_to_date(&st, grammar)) rc = upgrade(db, &st, grammar, err);
  if (!rc) return exec(db, "COMMIT", err);
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

bl_store *bl_store_open(const char *path, unsigned flags, const char *grammar_version,
                        bl_error *err) {
  if (!path || !*path) {
    bl_fail(err, BL_USAGE, "no database path");
    return NULL;
  }
  bl_store *s = bl_calloc(1, sizeof *s);
  if (!s) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  bool ro = flags & BL_STORE_READONLY;
  /* NOMUTEX: a connection is only ever used by one thread (ingest's
   * workers never touch SQLite), so SQLite need not lock around each call. */
  int oflags =
      (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
  if (rc != SQLITE_OK) {
    if (!s->db || rc == SQLITE_NOMEM)
      bl_fail(err, BL_NOMEM, "out of memory (SQLite)");
    else
      bl_fail(err, BL_DB, "%s: %s", path, sqlite3_errmsg(s->db));
    bl_store_free(s);
    return NULL;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, BL_STORE_BUSY_MS);
  rc = exec(s->db, "PRAGMA foreign_keys = ON", err);
  /* WAL: readers never block the writer; a second writer waits its turn. */
  if (!rc && !ro) rc = set_wal(s->db, err);
  if (!rc) rc = prepare_schema(s->db, ro, grammar_version, err);
  if (rc) {
    if (err && err->code == BL_DB) {
      /* Say which file: the SQLite message alone does not. */
      char msg[sizeof err->msg];
      memcpy(msg, err->msg, sizeof msg);
      bl_buf b;
      bl_buf_init(&b);
      if (!bl_buf_printf(&b, "%s: %s", path, msg)) {
        size_t n = b.len < sizeof err->msg - 1 ? b.len : sizeof err->msg - 1;
        memcpy(err->msg, b.ptr, n);
        err->msg[n] = '\0';
      }
      bl_buf_clear(&b);
    }
    bl_store_free(s);
    return NULL;
  }
  return s;
}

void bl_store_free(bl_store *s) {
  if (!s) return;
  sqlite3_close_v2(s->db);
  bl_free(s);
}

sqlite3 *bl_store_db(const bl_store *s) {
  return s->db;
}
