/*
 * test_store.c — the database: schema and migrations, ingestion (whole or
 * nothing, duplicates, wire copies), and the comparison views `tolls` and
 * `conflicts` checked exactly on hand-written claims of fictional events.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_files.h"
#include "embedded.h"
#include "store_fx.h"

static bl_grammar *g_grammar;

static const bl_grammar *grammar(void) {
  if (!g_grammar) g_grammar = bl_grammar_new(NULL, NULL);
  assert_non_null(g_grammar);
  return g_grammar;
}

static int teardown(void **state) {
  (void)state;
  bl_grammar_free(g_grammar);
  return 0;
}

static char dbpath[256];

static bl_store *fresh_db(void) {
  snprintf(dbpath, sizeof dbpath, "test_store_%d.db", (int)getpid());
  remove_db_files(dbpath);
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_store *s = bl_store_open(dbpath, 0, bl_grammar_version(grammar()), &err);
  if (!s) fail_msg("open: %s", err.msg);
  return s;
}

static void drop_db(bl_store *s) {
  bl_store_free(s);
  remove_db_files(dbpath);
}

/* Counted nouns of the claims of the next ingest() (fx_claim has none),
 * found in the body; NULL-terminated, or NULL. */
static const char *const *next_units;

/* Which claims of the next ingest() are tolls of a calendar period beyond
 * the event (fx_claim has no such field), or NULL. */
static const bool *next_periods;

/* Ingest articles; returns how many were new. */
/* Build the record of article a (subjects: of its claims, or NULL) and put
 * it in the writer's open batch; the rc of bl_writer_put. */
static int put_fx(bl_writer *w, bl_names *names, const fx_article *a, const char *const *subjects,
                  bl_put_status *st, size_t *nc, bl_error *err) {
  bl_claim claims[32];
  assert_true(a->nclaims <= 32);
  fx_claims(a, claims);
  for (size_t k = 0; next_units && next_units[k] && k < a->nclaims; k++)
    claims[k].unit = fx_find(a->body, next_units[k]);
  for (size_t k = 0; subjects && k < a->nclaims; k++)
    claims[k].subject = fx_find(a->body, subjects[k]);
  for (size_t k = 0; next_periods && k < a->nclaims; k++) claims[k].period = next_periods[k];
  bl_article art = fx_article_of(a);
  bl_record r;
  bl_record_init(&r);
  bl_overrides ov = {a->event, NULL, NULL, NULL};
  int rc = bl_record_build_claims(&r, names, grammar(), "fixture.txt", &art, &ov, claims,
                                  a->nclaims, err);
  if (rc) fail_msg("record: %s", err->msg);
  rc = bl_writer_put(w, &r, st, nc, err);
  bl_record_clear(&r);
  return rc;
}

/* A writer of s with a batch open, and the name keys its records need. */
static bl_writer *open_batch(bl_store *s, bl_names **names, bl_error *err) {
  memset(err, 0, sizeof *err);
  bl_writer *w = bl_writer_new(s, grammar(), err);
  if (!w) fail_msg("writer: %s", err->msg);
  *names = bl_names_new(grammar(), err);
  assert_non_null(*names);
  assert_int_equal(bl_writer_begin(w, err), BL_OK);
  return w;
}

/* Ingest arts; subjects (or NULL): the subject of each claim of a single
 * article, found in its body. */
static size_t ingest_with(bl_store *s, const fx_article *arts, size_t n,
                          const char *const *subjects) {
  bl_error err;
  bl_names *names;
  bl_writer *w = open_batch(s, &names, &err);
  size_t stored = 0;
  for (size_t i = 0; i < n; i++) {
    bl_put_status st;
    size_t nc;
    if (put_fx(w, names, &arts[i], subjects, &st, &nc, &err)) fail_msg("put: %s", err.msg);
    if (st == BL_PUT_STORED) {
      stored++;
      assert_int_equal(nc, arts[i].nclaims);
    }
  }
  assert_int_equal(bl_writer_commit(w, &err), BL_OK);
  bl_names_free(names);
  bl_writer_free(w);
  return stored;
}

static size_t ingest(bl_store *s, const fx_article *arts, size_t n) {
  return ingest_with(s, arts, n, NULL);
}

/* All rows of a query, "|"-joined, one line each. */
static char *rows(bl_store *s, const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(bl_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("%s: %s", sql, sqlite3_errmsg(bl_store_db(s)));
  bl_buf b;
  bl_buf_init(&b);
  bl_buf_add(&b, "", 0);
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(st); i++) {
      const char *v = (const char *)sqlite3_column_text(st, i);
      bl_buf_printf(&b, "%s%s", i ? "|" : "", v ? v : "-");
    }
    bl_buf_addc(&b, '\n');
  }
  sqlite3_finalize(st);
  return b.ptr;
}

static void expect_rows(bl_store *s, const char *sql, const char *want) {
  char *got = rows(s, sql);
  if (strcmp(got, want) != 0) {
    fprintf(stderr, "query: %s\n--- want\n%s--- got\n%s", sql, want, got);
    bl_free(got);
    fail();
  }
  bl_free(got);
}

/* ------------------------------------------------------------ fixtures */

/* Long enough for wire-copy detection (word 4-shingles). */
#define DISPATCH_TAIL                                                                         \
  " Les crues ont emporté des ponts et coupé les routes de la vallée de la Sorvène, où "    \
  "les secours cherchent encore des habitants isolés dans les hameaux de montagne. "        \
  "Le département a ouvert des centres d'accueil dans les écoles et les salles des fêtes."

static const fx_claim c_day1[] = {
    FX_EXACT("5 personnes", 5, BL_CAT_KILLED, BL_GROUP_NONE, "la préfecture", 1),
    FX_EXACT("8 morts", 8, BL_CAT_KILLED, BL_GROUP_NONE, "Les pompiers", 1),
    {"3 enfants", 3, 3, 3, BL_EXACT, BL_CAT_KILLED, BL_GROUP_CHILDREN, "Les pompiers", 1, false, 1, 0},
    {"aucun blessé", 0, 0, 0, BL_EXACT, BL_CAT_INJURED, BL_GROUP_NONE, "la mairie", 1, true, -1, 0},
    FX_EXACT("12 blessés", 12, BL_CAT_INJURED, BL_GROUP_NONE, "Les pompiers", 1),
    FX_EXACT("2 nouveaux morts", 2, BL_CAT_KILLED, BL_GROUP_NONE, "La gendarmerie", 0),
};
#define BODY_DAY1                                                                               \
  "Selon la préfecture, 5 personnes sont mortes. Les pompiers font état de 8 morts, dont 3 " \
  "enfants. Pour la mairie, il n'y a aucun blessé. Les pompiers comptent 12 blessés. La "    \
  "gendarmerie signale 2 nouveaux morts."

static const fx_claim c_day2[] = {
    FX_EXACT("7 morts", 7, BL_CAT_KILLED, BL_GROUP_NONE, "Le préfet", 1),
    {"environ 9", 9, 9, 9, BL_ABOUT, BL_CAT_KILLED, BL_GROUP_NONE, "Le collectif", 1, false, -1, 0},
    {"une dizaine", 10, 10, 10, BL_ABOUT, BL_CAT_KILLED, BL_GROUP_NONE, "la mairie", 1, false, -1, 0},
    FX_EXACT("1 500 manifestants", 1500, BL_CAT_PARTICIPANTS, BL_GROUP_PROTESTERS, "la police", -1),
    FX_EXACT("10 000", 10000, BL_CAT_PARTICIPANTS, BL_GROUP_PROTESTERS, "les syndicats", -1),
};
#define BODY_DAY2                                                                               \
  "Le préfet annonce 7 morts. Le collectif des sinistrés parle d'environ 9 "        \
  "victimes. Selon la mairie, une dizaine. Mardi, 1 500 manifestants selon la police, "        \
  "10 000 selon les syndicats."

static const fx_claim c_day3[] = {
    {"4 morts", 4, 4, 4, BL_EXACT, BL_CAT_KILLED, BL_GROUP_NONE, "La préfecture", 1, false, -1,
     BL_STATUS_REVISED},
    {"8 morts", 8, 8, 8, BL_EXACT, BL_CAT_KILLED, BL_GROUP_NONE, "la préfecture", 1, true, -1, 0},
    FX_EXACT("8 décès", 8, BL_CAT_KILLED, BL_GROUP_NONE, "Les pompiers", 1),
};
#define BODY_DAY3                                                                               \
  "La préfecture ramène le bilan à 4 morts. Il n'y a pas eu 8 morts, insiste la préfecture. " \
  "Les pompiers maintiennent 8 décès."

static const fx_claim c_other_event[] = {
    FX_EXACT("40 morts", 40, BL_CAT_KILLED, BL_GROUP_NONE, "l'ONG", 1),
};

static const fx_article crue[] = {
    {BODY_DAY1 DISPATCH_TAIL, "Agence Sud", "2024-10-14", "https://a.example/1", "crue", NULL,
     c_day1, 6},
    /* The same dispatch, republished with a new last sentence. */
    {BODY_DAY1 DISPATCH_TAIL " Une cellule d'écoute a été ouverte.", "Le Courrier",
     "2024-10-14", "https://b.example/2", "crue", NULL, c_day1, 6},
    {BODY_DAY2, "Le Courrier", "2024-10-15", "https://b.example/3", "crue", NULL, c_day2, 5},
    {BODY_DAY3, "Agence Sud", "2024-10-16", "https://a.example/4", "crue", NULL, c_day3, 3},
    {"Selon l'ONG, 40 morts.", "Le Courrier", "2024-10-14", "https://b.example/5", "autre", NULL,
     c_other_event, 1},
};

/* ---------------------------------------------------------------- tests */

static void test_schema_fresh(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  expect_rows(s, "PRAGMA user_version", "8\n");
  char want[64];
  snprintf(want, sizeof want, "%s\n", bl_grammar_version(grammar()));
  expect_rows(s, "SELECT value FROM meta WHERE key = 'grammar'", want);
  expect_rows(s, "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name IN "
                 "('tolls', 'conflicts', 'conflict_pairs', 'wire_copies')",
              "4\n");
  expect_rows(s, "PRAGMA foreign_keys", "1\n");
  expect_rows(s, "PRAGMA journal_mode", "wal\n");
  drop_db(s);
}

/* The chain of migrations gives the same tables, columns and indexes as
 * schema.sql. */
static void test_migrations_match_schema(void **state) {
  (void)state;
  sqlite3 *a, *b;
  assert_int_equal(sqlite3_open(":memory:", &a), SQLITE_OK);
  assert_int_equal(sqlite3_open(":memory:", &b), SQLITE_OK);
  for (const bl_embedded *e = bl_db_files; e->name; e++) {
    char *sql = bl_strndup(e->data, e->len);
    if (!strcmp(e->name, "schema.sql")) assert_int_equal(sqlite3_exec(a, sql, 0, 0, 0), SQLITE_OK);
    bl_free(sql);
  }
  for (int v = 1; v <= bl_store_schema_version(); v++)
    for (const bl_embedded *e = bl_db_files; e->name; e++) {
      char prefix[32];
      snprintf(prefix, sizeof prefix, "migrations/%03d_", v);
      if (strncmp(e->name, prefix, strlen(prefix)) != 0) continue;
      char *sql = bl_strndup(e->data, e->len);
      assert_int_equal(sqlite3_exec(b, sql, 0, 0, 0), SQLITE_OK);
      bl_free(sql);
    }
  static const char *const probe =
      "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
      "FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' "
      "UNION ALL SELECT m.name, i.seqno, i.name, '', 0, '', 0 FROM sqlite_master m, "
      "pragma_index_info(m.name) i WHERE m.type = 'index' "
      "UNION ALL SELECT type, 0, name, tbl_name, 0, '', 0 FROM sqlite_master "
      "UNION ALL SELECT key, 0, value, typeof(value), 0, '', 0 FROM settings "
      "UNION ALL SELECT name, compared, '', '', 0, '', 0 FROM categories "
      "UNION ALL SELECT name, 0, sql, '', 0, '', 0 FROM sqlite_master WHERE name = 'claims' "
      "ORDER BY 1, 2, 3, 4";
  sqlite3 *dbs[2] = {a, b};
  char *out[2];
  for (int k = 0; k < 2; k++) {
    bl_buf buf;
    bl_buf_init(&buf);
    bl_buf_add(&buf, "", 0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(dbs[k], probe, -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < 7; i++) {
        const char *v = (const char *)sqlite3_column_text(st, i);
        bl_buf_printf(&buf, "%s|", v ? v : "");
      }
      bl_buf_addc(&buf, '\n');
    }
    sqlite3_finalize(st);
    out[k] = buf.ptr;
  }
  assert_string_equal(out[0], out[1]);
  bl_free(out[0]);
  bl_free(out[1]);
  sqlite3_close(a);
  sqlite3_close(b);
}

/* A version-1 database with data is migrated on open and keeps its data. */
static void test_migrate_v1(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  bl_store_free(s);
  unlink(dbpath);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  for (const bl_embedded *e = bl_db_files; e->name; e++)
    if (!strncmp(e->name, "migrations/001_", 15)) {
      char *sql = bl_strndup(e->data, e->len);
      assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK);
      bl_free(sql);
    }
  assert_int_equal(
      sqlite3_exec(db,
                   "PRAGMA user_version = 1; INSERT INTO articles (url, event, event_how, sha256, "
                   "body, grammar, ingested_at) VALUES ('u', 'e', 'flag', 'x', 'b', 'g', 't');"
                   "INSERT INTO claims (id, article_id, seq, span_start, span_end, text, qualifier, "
                   "unit_kind, category, negated, sentence_start, sentence_end, event, date_how, "
                   "voice, parent_id) VALUES "
                   "(7, 1, 0, 0, 2, '45', 'exact', 'count', 'killed', 0, 0, 9, 'e', 'none', 'v', "
                   "NULL), (9, 1, 1, 5, 7, '12', 'exact', 'count', 'killed', 0, 0, 9, 'e', "
                   "'published', 'v', 7)",
                   0, 0, 0),
      SQLITE_OK);
  sqlite3_close(db);
  bl_error err;
  memset(&err, 0, sizeof err);
  /* Read-only opening cannot migrate: it says so. */
  s = bl_store_open(dbpath, BL_STORE_READONLY, NULL, &err);
  assert_null(s);
  assert_int_equal(err.code, BL_DB);
  assert_non_null(strstr(err.msg, "migrate"));
  s = bl_store_open(dbpath, 0, "fr-0.1", &err);
  if (!s) fail_msg("%s", err.msg);
  expect_rows(s, "PRAGMA user_version", "8\n");
  expect_rows(s, "SELECT url, origin_id FROM articles", "u|-\n");
  expect_rows(s, "SELECT value FROM settings WHERE key = 'wire_similarity'", "0.6\n");
  /* Migration 005 rebuilt claims: ids, links and the trigger are kept, and
   * the rewritten CHECKs still refuse what they refused. */
  expect_rows(s, "SELECT id, text, date_how, parent_id FROM claims ORDER BY id",
              "7|45|none|-\n9|12|published|7\n");
  expect_rows(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%v4%'", "0\n");
  assert_int_equal(sqlite3_exec(bl_store_db(s), "UPDATE articles SET event = 'f'", 0, 0, 0),
                   SQLITE_OK);
  expect_rows(s, "SELECT DISTINCT event FROM claims", "f\n");
  assert_int_not_equal(
      sqlite3_exec(bl_store_db(s), "UPDATE claims SET unit_kind = 'bogus' WHERE id = 7", 0, 0, 0),
      SQLITE_OK);
  expect_rows(s, "PRAGMA foreign_key_check", "");
  drop_db(s);
}

static void test_refuses_foreign_and_newer(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  assert_int_equal(sqlite3_exec(bl_store_db(s), "PRAGMA user_version = 99", 0, 0, 0), SQLITE_OK);
  bl_store_free(s);
  bl_error err;
  memset(&err, 0, sizeof err);
  assert_null(bl_store_open(dbpath, 0, NULL, &err));
  assert_int_equal(err.code, BL_DB);
  assert_non_null(strstr(err.msg, "newer"));
  unlink(dbpath);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", 0, 0, 0), SQLITE_OK);
  sqlite3_close(db);
  assert_null(bl_store_open(dbpath, 0, NULL, &err));
  assert_non_null(strstr(err.msg, "not a bilan database"));
  s = bl_store_open(dbpath, BL_STORE_READONLY, NULL, &err);
  assert_null(s);
  drop_db(NULL);
}

static void test_ingest_and_duplicates(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  assert_int_equal(ingest(s, crue, 5), 5);
  expect_rows(s, "SELECT count(*), sum(event_how = 'flag') FROM articles", "5|5\n");
  expect_rows(s, "SELECT count(*) FROM claims", "21\n");
  /* Again: every body is already there, nothing is written. */
  assert_int_equal(ingest(s, crue, 5), 0);
  expect_rows(s, "SELECT count(*) FROM articles", "5\n");
  expect_rows(s, "SELECT count(*) FROM claims", "21\n");
  /* Wire copy: the republished dispatch points at the first. */
  expect_rows(s, "SELECT article, origin, similarity > 0.6 FROM wire_copies",
              "https://b.example/2|https://a.example/1|1\n");
  /* Source keys: the prefect speaks for the prefecture. */
  expect_rows(s, "SELECT DISTINCT source_key FROM claims WHERE source LIKE '%pr_f%' ORDER BY 1",
              "prefecture\n");
  /* No event given and no place: the article is its own event. */
  static const fx_article placeless[] = {
      {"Selon la police, 4 personnes ont été blessées.", "Le Courrier", "2024-10-16", NULL, NULL,
       NULL, c_other_event, 0},
      {"Selon l'ONG, 40 morts à Pradevel et à Pradevel.", "Le Courrier", "2024-10-16", NULL, NULL,
       NULL, c_other_event, 1},
  };
  assert_int_equal(ingest(s, placeless, 2), 2);
  expect_rows(s, "SELECT event LIKE 'sans-lieu-2024-w42-____________', length(event), event_how "
                 "FROM articles WHERE url IS NULL ORDER BY id",
              "1|31|auto\n0|17|auto\n");
  expect_rows(s, "SELECT event FROM articles WHERE url IS NULL AND event NOT LIKE 'sans%'",
              "pradevel-2024-w42\n");
  /* Sub-count parent and of_start. */
  expect_rows(s, "SELECT c.text, p.text, c.of_start = p.span_start FROM claims c JOIN claims p "
                 "ON p.id = c.parent_id",
              "3 enfants|8 morts|1\n3 enfants|8 morts|1\n");
  drop_db(s);
}

/* An article that fails half-written takes its batch with it: nothing of
 * the batch is stored, the writer wants a new batch, and the next one works. */
static void test_failed_article_rolls_batch_back(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  /* The third article of a batch fails at its second claim. */
  assert_int_equal(sqlite3_exec(bl_store_db(s),
                                "CREATE TEMP TRIGGER boom BEFORE INSERT ON claims "
                                "WHEN (SELECT count(*) FROM articles) >= 3 AND NEW.seq >= 1 "
                                "BEGIN SELECT RAISE(ABORT, 'boom'); END",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  bl_error err;
  bl_names *names;
  bl_writer *w = open_batch(s, &names, &err);
  int last = BL_OK;
  for (size_t i = 0; i < 3; i++) {
    bl_put_status st;
    size_t nc;
    last = put_fx(w, names, &crue[i], NULL, &st, &nc, &err);
    if (i < 2) assert_int_equal(last, BL_OK);
  }
  assert_int_equal(last, BL_DB);
  expect_rows(s, "SELECT count(*) FROM articles", "0\n");
  expect_rows(s, "SELECT count(*) FROM claims", "0\n");
  /* The batch is gone: a put needs a new one, which works. */
  bl_record r;
  bl_record_init(&r);
  bl_put_status st;
  size_t nc;
  assert_int_equal(bl_writer_put(w, &r, &st, &nc, &err), BL_USAGE);
  assert_int_equal(sqlite3_exec(bl_store_db(s), "DROP TRIGGER boom", NULL, NULL, NULL), SQLITE_OK);
  bl_names_free(names);
  bl_writer_free(w);
  assert_int_equal(ingest(s, crue, 3), 3);
  expect_rows(s, "SELECT count(*) FROM articles", "3\n");
  drop_db(s);
}

static const char conflicts_sql[] =
    "SELECT kind, category, coalesce(grp, '-'), a_text, a_source, a_date, b_text, b_source, "
    "b_date, reports FROM conflicts";

static void test_conflicts_exact(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, crue, 5);
  /* Day 1: prefecture 5 vs firefighters 8 (the reprint repeats it: 2 reports;
   * across the two copies nothing more).  Not flagged: the sub-count 3, the
   * zero claim, the delta 2 against running totals.
   * Day 2: prefect 7 vs the collective's "environ 9" (8.1 > 7) conflicts;
   * 7 vs "une dizaine" (9 > 7) too; environ 9 vs une dizaine overlap.
   * Police vs unions on participants.
   * Day 3: the prefecture revises 7 down to 4 (and 5 down to 4: both
   * earlier figures of the same voice); its denial of 8 conflicts with the
   * firefighters' 8; the firefighters' 8 vs the prefecture's 4 (the
   * prefecture's 4 and its own denial are one voice: nothing). */
  expect_rows(s, conflicts_sql,
              "conflict|killed|-|5 personnes|la préfecture|2024-10-14|8 morts|Les pompiers|2024-10-14|2\n"
              "revised_down|killed|-|5 personnes|la préfecture|2024-10-14|4 morts|La préfecture|2024-10-16|2\n"
              "conflict|killed|-|7 morts|Le préfet|2024-10-15|environ 9|Le collectif|2024-10-15|1\n"
              "conflict|killed|-|7 morts|Le préfet|2024-10-15|une dizaine|la mairie|2024-10-15|1\n"
              "revised_down|killed|-|7 morts|Le préfet|2024-10-15|4 morts|La préfecture|2024-10-16|1\n"
              "conflict|killed|-|4 morts|La préfecture|2024-10-16|8 décès|Les pompiers|2024-10-16|1\n"
              "conflict|killed|-|8 morts|la préfecture|2024-10-16|8 décès|Les pompiers|2024-10-16|1\n"
              "conflict|participants|protesters|1 500 manifestants|la police|2024-10-15|10 000|les syndicats|2024-10-15|1\n");
  drop_db(s);
}

/* Counts of a window or of a moment ("en une heure", "restaient
 * hospitalisés", cumulative 0) are compared with nothing: not with a
 * running total, nor with each other; two running totals still are. */
static void test_partial_counts_not_compared(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  static const fx_claim c_parts[] = {
      FX_EXACT("40 blessés", 40, BL_CAT_INJURED, BL_GROUP_NONE, "l'hôpital", 0),
      FX_EXACT("12 blessés", 12, BL_CAT_INJURED, BL_GROUP_NONE, "la préfecture", 0),
      FX_EXACT("90 blessés", 90, BL_CAT_INJURED, BL_GROUP_NONE, "Les pompiers", 1),
      FX_EXACT("75 blessés", 75, BL_CAT_INJURED, BL_GROUP_NONE, "La mairie", 1),
  };
  fx_article a = {"Selon l'hôpital, 40 blessés en une heure. Selon la préfecture, 12 blessés "
                  "restaient hospitalisés. Les pompiers comptent 90 blessés. La mairie compte 75 "
                  "blessés.",
                  "La Gazette", "2024-10-14", "https://g.example/9", "crue", NULL, c_parts, 4};
  ingest(s, &a, 1);
  expect_rows(s, "SELECT a_text, b_text FROM conflicts", "90 blessés|75 blessés\n");
  drop_db(s);
}

/* "Depuis le début de l'année, plus de 1 100 morts" is the year's toll of
 * many events, not the shipwreck's: compared only with another such toll,
 * and no headline of the event's toll. */
static void test_period_tolls_apart(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  static const fx_claim c_per[] = {
      FX_EXACT("12 morts", 12, BL_CAT_KILLED, BL_GROUP_NONE, "les garde-côtes", 1),
      FX_EXACT("1 100 morts", 1100, BL_CAT_KILLED, BL_GROUP_NONE, "le HCR", 1),
      FX_EXACT("1 400 morts", 1400, BL_CAT_KILLED, BL_GROUP_NONE, "l'agence", 1),
  };
  static const bool periods[] = {false, true, true};
  fx_article a = {"Selon les garde-côtes, 12 morts. Depuis le début de l'année, 1 100 morts "
                  "selon le HCR. Depuis janvier, 1 400 morts selon l'agence.",
                  "La Gazette", "2024-10-14", "https://g.example/12", "naufrage", NULL, c_per, 3};
  next_periods = periods;
  ingest(s, &a, 1);
  next_periods = NULL;
  expect_rows(s, "SELECT text, period FROM claims ORDER BY id",
              "12 morts|0\n1 100 morts|1\n1 400 morts|1\n");
  expect_rows(s, "SELECT a_text, b_text FROM conflicts", "1 100 morts|1 400 morts\n");
  expect_rows(s, "SELECT DISTINCT latest, highest FROM tolls", "12.0|12.0\n");
  drop_db(s);
}

/* "20 blessés légers" and "2 blessés graves" are not one toll: the severity
 * read from the subject keeps them apart; two counts of the lightly injured
 * that disagree are still a conflict. */
static void test_severities_not_compared(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  static const fx_claim c_sev[] = {
      FX_EXACT("20 blessés", 20, BL_CAT_INJURED, BL_GROUP_NONE, "les pompiers", 1),
      FX_EXACT("2 blessés", 2, BL_CAT_INJURED, BL_GROUP_NONE, "la préfecture", 1),
      FX_EXACT("35 blessés", 35, BL_CAT_INJURED, BL_GROUP_NONE, "la mairie", 1),
  };
  static const char *const subjects[] = {"blessés légers", "blessés graves",
                                         "blessés en urgence relative"};
  fx_article a = {"Selon les pompiers, 20 blessés légers. Selon la préfecture, 2 blessés graves. "
                  "Selon la mairie, 35 blessés en urgence relative.",
                  "La Gazette", "2024-10-14", "https://g.example/11", "crue", NULL, c_sev, 3};
  ingest_with(s, &a, 1, subjects);
  expect_rows(s, "SELECT text, severity FROM claims ORDER BY id",
              "20 blessés|light\n2 blessés|serious\n35 blessés|light\n");
  expect_rows(s, "SELECT a_text, b_text FROM conflicts", "20 blessés|35 blessés\n");
  drop_db(s);
}

static void test_tolls_exact(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, crue, 5);
  /* In time order; the latest and the highest headline figures (not the
   * delta, not the denial). */
  expect_rows(s,
              "SELECT event_date, outlet, source, text, headline, latest, highest FROM tolls "
              "WHERE event = 'crue' AND category = 'killed' AND grp IS NULL",
              "2024-10-14|Agence Sud|la préfecture|5 personnes|1|8.0|10.0\n"
              "2024-10-14|Agence Sud|Les pompiers|8 morts|1|8.0|10.0\n"
              "2024-10-14|Agence Sud|La gendarmerie|2 nouveaux morts|0|8.0|10.0\n"
              "2024-10-14|Le Courrier|la préfecture|5 personnes|1|8.0|10.0\n"
              "2024-10-14|Le Courrier|Les pompiers|8 morts|1|8.0|10.0\n"
              "2024-10-14|Le Courrier|La gendarmerie|2 nouveaux morts|0|8.0|10.0\n"
              "2024-10-15|Le Courrier|Le préfet|7 morts|1|8.0|10.0\n"
              "2024-10-15|Le Courrier|Le collectif|environ 9|1|8.0|10.0\n"
              "2024-10-15|Le Courrier|la mairie|une dizaine|1|8.0|10.0\n"
              "2024-10-16|Agence Sud|La préfecture|4 morts|1|8.0|10.0\n"
              "2024-10-16|Agence Sud|la préfecture|8 morts|0|8.0|10.0\n"
              "2024-10-16|Agence Sud|Les pompiers|8 décès|1|8.0|10.0\n");
  expect_rows(s, "SELECT DISTINCT event, category, grp FROM tolls ORDER BY 1, 2, 3",
              "autre|killed|-\ncrue|injured|-\ncrue|killed|-\ncrue|killed|children\n"
              "crue|participants|protesters\n");
  drop_db(s);
}

/* Settings are rows the user changes with SQL; the views follow. */
static void test_settings_change_views(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  ingest(s, crue, 5);
  const char *count = "SELECT count(*) FROM conflicts WHERE kind = 'conflict'";
  expect_rows(s, count, "6\n");
  /* A wider tolerance for "about": environ 9 (±30 %) now meets 7. */
  sqlite3_exec(bl_store_db(s), "UPDATE settings SET value = 0.3 WHERE key = 'about_tolerance'",
               0, 0, 0);
  expect_rows(s, count, "4\n");
  sqlite3_exec(bl_store_db(s), "UPDATE settings SET value = 0.1 WHERE key = 'about_tolerance'",
               0, 0, 0);
  /* A window of one day: day 1 and day 2 figures of different voices meet
   * (8 against "environ 9": 8 < 8.1). */
  sqlite3_exec(bl_store_db(s), "UPDATE settings SET value = 1 WHERE key = 'window_days'", 0, 0, 0);
  expect_rows(s,
              "SELECT a_text, a_source, b_text, b_source FROM conflicts WHERE kind = 'conflict' "
              "AND a_date = '2024-10-14' AND b_date = '2024-10-15'",
              "5 personnes|la préfecture|environ 9|Le collectif\n"
              "5 personnes|la préfecture|une dizaine|la mairie\n"
              "8 morts|Les pompiers|7 morts|Le préfet\n"
              "8 morts|Les pompiers|environ 9|Le collectif\n"
              "8 morts|Les pompiers|une dizaine|la mairie\n");
  /* Not comparing killed at all. */
  sqlite3_exec(bl_store_db(s), "UPDATE categories SET compared = 0 WHERE name = 'killed'", 0, 0,
               0);
  expect_rows(s, "SELECT count(*) FROM conflicts WHERE category = 'killed'", "0\n");
  /* Re-assigning an article's event moves its claims. */
  sqlite3_exec(bl_store_db(s), "UPDATE articles SET event = 'autre' WHERE url LIKE '%/3'", 0, 0,
               0);
  expect_rows(s, "SELECT DISTINCT event FROM claims WHERE article_id = 3", "autre\n");
  drop_db(s);
}

/* Unattributed figures and figures of different nouns in a `same_unit`
 * category are not compared; settings and categories can change that. */
static const fx_claim c_units[] = {
    {"350", 350, 350, 350, BL_EXACT, BL_CAT_DEPLOYED, BL_GROUP_NONE, "la préfecture", -1, false,
     -1, 0},
    {"420", 420, 420, 420, BL_EXACT, BL_CAT_DEPLOYED, BL_GROUP_NONE, "le ministère", -1, false, -1,
     0},
    {"500", 500, 500, 500, BL_EXACT, BL_CAT_DEPLOYED, BL_GROUP_NONE, "Le syndicat", -1, false, -1,
     0},
    {"6 morts", 6, 6, 6, BL_EXACT, BL_CAT_KILLED, BL_GROUP_NONE, NULL, 1, false, -1, 0},
    {"9 morts", 9, 9, 9, BL_EXACT, BL_CAT_KILLED, BL_GROUP_NONE, "Le maire", 1, false, -1, 0},
};

static void test_units_and_sources(void **state) {
  (void)state;
  bl_store *s = fresh_db();
  fx_article a = {"Selon la préfecture, 350 sapeurs-pompiers sont engagés. Selon le ministère, "
                  "420 gendarmes. Le syndicat compte 500 pompiers. On déplore 6 morts. Le maire "
                  "parle de 9 morts.",
                  "La Gazette", "2024-10-14", "https://g.example/1", "crue", NULL, c_units, 5};
  static const char *const units[] = {"sapeurs-pompiers", "gendarmes", "pompiers", NULL};
  next_units = units;
  ingest(s, &a, 1);
  /* The same union, named longer, in another paper: one row, two reports. */
  static const fx_claim c_union[] = {{"500", 500, 500, 500, BL_EXACT, BL_CAT_DEPLOYED, BL_GROUP_NONE,
                                      "Le syndicat de Sorvène", -1, false, -1, 0}};
  static const char *const union_units[] = {"pompiers", NULL};
  fx_article b = {"Le syndicat de Sorvène compte 500 pompiers engagés.", "Le Matin", "2024-10-14",
                  "https://m.example/2", "crue", NULL, c_union, 1};
  next_units = union_units;
  ingest(s, &b, 1);
  next_units = NULL;
  /* The counted nouns' keys: "sapeurs-pompiers" and "pompiers" are one. */
  expect_rows(s, "SELECT text, unit_key FROM claims WHERE category = 'deployed'",
              "350|pompiers\n420|gendarmerie\n500|pompiers\n500|pompiers\n");
  /* Deployed figures compare within one noun only: 350 against 500
   * firefighters, not against 420 gendarmes.  The unattributed 6 is not
   * compared with the mayor's 9. */
  const char *sql = "SELECT category, a_text, b_text, b_source, reports FROM conflicts";
  expect_rows(s, sql, "deployed|350|500|Le syndicat|2\n");
  sqlite3 *db = bl_store_db(s);
  sqlite3_exec(db, "UPDATE settings SET value = 0 WHERE key = 'require_source'", 0, 0, 0);
  expect_rows(s, sql, "deployed|350|500|Le syndicat|2\nkilled|6 morts|9 morts|Le maire|1\n");
  sqlite3_exec(db, "UPDATE categories SET same_unit = 0 WHERE name = 'deployed'", 0, 0, 0);
  expect_rows(s, sql,
              "deployed|350|420|le ministère|1\ndeployed|350|500|Le syndicat|2\n"
              "deployed|420|500|Le syndicat|2\nkilled|6 morts|9 morts|Le maire|1\n");
  drop_db(s);
}

/* ------------------------------------------------------------- query */

static int count_rows(void *ctx, int n, const char *const *names, const char *const *vals,
                      const int *types) {
  (void)n;
  (void)names;
  (void)vals;
  (void)types;
  (*(int *)ctx)++;
  return 0;
}

static void test_query_read_only(void **state) {
  (void)state;
  bl_store *w = fresh_db();
  ingest(w, crue, 2);
  bl_store_free(w);
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_store *s = bl_store_open(dbpath, BL_STORE_READONLY, NULL, &err);
  if (!s) fail_msg("%s", err.msg);
  int n = 0;
  assert_int_equal(bl_query_run(s, "SELECT * FROM claims -- all\n;", count_rows, &n, &err), BL_OK);
  assert_int_equal(n, 12);
  n = 0;
  assert_int_equal(bl_query_run(s, "PRAGMA table_info(claims)", count_rows, &n, &err), BL_OK);
  assert_true(n > 20);
  static const struct {
    const char *sql;
    int rc;
    const char *says;
  } refused[] = {
      {"DELETE FROM claims", BL_READONLY, "DELETE"},
      {"UPDATE settings SET value = 1", BL_READONLY, "UPDATE"},
      {"INSERT INTO sources VALUES ('k', 'n')", BL_READONLY, "INSERT"},
      {"DROP TABLE claims", BL_READONLY, "schema"},
      {"CREATE TABLE t (x)", BL_READONLY, "schema"},
      {"ATTACH 'other.db' AS o", BL_READONLY, "ATTACH"},
      {"PRAGMA user_version = 8", BL_READONLY, "PRAGMA"},
      {"PRAGMA journal_mode = DELETE", BL_READONLY, "PRAGMA"},
      {"SELECT load_extension('x')", BL_READONLY, "load_extension"},
      {"SELECT 1; DELETE FROM claims", BL_USAGE, "one SQL statement"},
      {"WITH x AS (SELECT 1) DELETE FROM claims", BL_READONLY, "DELETE"},
      {"SELECT nope FROM claims", BL_DB, "no such column"},
      {"  -- nothing\n", BL_USAGE, "no SQL"},
  };
  for (size_t i = 0; i < BL_ARRAY_LEN(refused); i++) {
    memset(&err, 0, sizeof err);
    int rc = bl_query_run(s, refused[i].sql, count_rows, &n, &err);
    if (rc != refused[i].rc || !strstr(err.msg, refused[i].says))
      fail_msg("%s: rc %d, '%s'", refused[i].sql, rc, err.msg);
  }
  bl_store_free(s);
  s = bl_store_open(dbpath, 0, NULL, &err);
  expect_rows(s, "SELECT count(*) FROM claims", "12\n");
  drop_db(s);
}

/* ------------------------------------------------------------- names */

static void test_name_keys(void **state) {
  (void)state;
  bl_error err;
  bl_names *n = bl_names_new(grammar(), &err);
  assert_non_null(n);
  static const char *const groups[][4] = {
      {"Tokaïev", "Tokaev", "Tokayev", "M. Tokaïev"},
      {"Almatî", "Almaty", "ALMATY", "Алматы"},
      {"le préfet de Sorvène-et-Lauze", "la préfecture de Sorvène-et-Lauze",
       "Préfecture de Sorvène et Lauze", "PREFET DE SORVENE-ET-LAUZE"},
      {"le ministère de l'Intérieur", "ministère de l’Intérieur", "le ministre de l'Intérieur",
       "Ministère de l'intérieur"},
      {"Токаев", "Tokaïev", "tokaiev", "TOKAYEV"},
      {"ONG Phare du Large", "Phare du Large", "l'ONG Phare du Large", "PHARE DU LARGE"},
      {"Organisation des Nations unies", "Nations unies", "les Nations unies", "l'Organisation des Nations unies"},
  };
  for (size_t g = 0; g < BL_ARRAY_LEN(groups); g++) {
    char first[128];
    const char *k = bl_names_key(n, groups[g][0], strlen(groups[g][0]), &err);
    assert_non_null(k);
    snprintf(first, sizeof first, "%s", k);
    for (size_t i = 1; i < 4; i++) {
      k = bl_names_key(n, groups[g][i], strlen(groups[g][i]), &err);
      assert_non_null(k);
      if (strcmp(k, first) != 0) fail_msg("'%s' → '%s' but '%s' → '%s'", groups[g][0], first, groups[g][i], k);
    }
  }
  const char *k = bl_names_key(n, "Tokaïev", strlen("Tokaïev"), &err);
  assert_string_equal(k, "tokaev");
  k = bl_names_key(n, "le ministère de la Santé", strlen("le ministère de la Santé"), &err);
  assert_string_equal(k, "ministere sante");
  k = bl_names_key(n, "Sainte-Ysolde", strlen("Sainte-Ysolde"), &err);
  assert_string_equal(k, "sainte isolde");
  /* Different names stay apart. */
  char a[64];
  snprintf(a, sizeof a, "%s", bl_names_key(n, "ministère de la Santé", 23, &err));
  assert_string_not_equal(a, bl_names_key(n, "ministère de l'Intérieur", 25, &err));
  k = bl_names_key(n, "de la", 5, &err);
  assert_string_equal(k, "");
  /* "selon l'organisation" names no one that can be told apart */
  k = bl_names_key(n, "organisation", 12, &err);
  assert_string_equal(k, "");
  bl_names_free(n);
}

/* ------------------------------------------------------------- dates */

static int32_t day(const char *s) {
  return bl_day_parse(s, strlen(s));
}

static void test_days(void **state) {
  (void)state;
  char out[11];
  static const char *const ds[] = {"1970-01-01", "2000-02-29", "2024-10-14", "1999-12-31",
                                   "2100-03-01"};
  for (size_t i = 0; i < BL_ARRAY_LEN(ds); i++) {
    bl_day_format(day(ds[i]), out);
    assert_string_equal(out, ds[i]);
  }
  assert_int_equal(day("1970-01-01"), 0);
  assert_int_equal(day("2024-10-14T08:30:00Z"), day("2024-10-14"));
  assert_int_equal(day("2023-02-29"), BL_NO_DAY);
  assert_int_equal(day("14/10/2024"), BL_NO_DAY);
  assert_int_equal(day("2024-10-14x"), BL_NO_DAY);
  assert_int_equal(bl_day_weekday(day("2024-10-14")), 1); /* a Monday */
  assert_int_equal(bl_day_weekday(day("2025-02-16")), 7);
  int y, w;
  bl_day_isoweek(day("2024-12-30"), &y, &w);
  assert_int_equal(y, 2025);
  assert_int_equal(w, 1);
  bl_day_isoweek(day("2021-01-03"), &y, &w);
  assert_int_equal(y, 2020);
  assert_int_equal(w, 53);
}

/* Resolve the dates of the figures named in `figs` (their first
 * occurrence) in a one-sentence text published on `pub`. */
static void expect_dates(const char *text, const char *pub, const char *const *figs,
                         const char *const *want) {
  bl_claim c[8];
  size_t n = 0;
  for (; figs[n]; n++) {
    memset(&c[n], 0, sizeof c[n]);
    bl_str f = fx_find(text, figs[n]);
    c[n].q.span.start = (size_t)(f.ptr - text);
    c[n].q.span.end = c[n].q.span.start + f.len;
    c[n].sentence.start = 0;
    c[n].sentence.end = strlen(text);
  }
  int32_t out[8];
  bl_error err;
  assert_int_equal(bl_dates_resolve(grammar(), text, strlen(text), c, n, day(pub), out, &err),
                   BL_OK);
  for (size_t i = 0; i < n; i++) {
    char got[11] = "none";
    if (out[i] != BL_NO_DAY) bl_day_format(out[i], got);
    if (strcmp(got, want[i]) != 0) fail_msg("%s: %s → %s, want %s", text, figs[i], got, want[i]);
  }
}

static void test_relative_dates(void **state) {
  (void)state;
  /* 2024-10-16 is a Wednesday. */
  const char *pub = "2024-10-16";
  expect_dates("Hier, 12 morts ont été recensés.", pub, (const char *[]){"12", NULL},
               (const char *[]){"2024-10-15"});
  expect_dates("Vendredi, 40 blessés.", pub, (const char *[]){"40", NULL},
               (const char *[]){"2024-10-11"});
  expect_dates("Mercredi, 40 blessés.", pub, (const char *[]){"40", NULL},
               (const char *[]){"2024-10-16"});
  expect_dates("Mercredi dernier, 40 blessés.", pub, (const char *[]){"40", NULL},
               (const char *[]){"2024-10-09"});
  expect_dates("Dimanche dernier, 3 morts.", pub, (const char *[]){"3", NULL},
               (const char *[]){"2024-10-13"});
  expect_dates("Vendredi prochain, 300 gendarmes seront déployés.", pub,
               (const char *[]){"300", NULL}, (const char *[]){"none"});
  expect_dates("Le 7 octobre, 25 personnes ont été arrêtées.", pub, (const char *[]){"25", NULL},
               (const char *[]){"2024-10-07"});
  /* Day and month after the publication date: last year. */
  expect_dates("Le 28 décembre, 25 personnes ont été arrêtées.", "2025-01-03",
               (const char *[]){"25", NULL}, (const char *[]){"2024-12-28"});
  expect_dates("Le 1er janvier 2024, 9 morts.", pub, (const char *[]){"9", NULL},
               (const char *[]){"2024-01-01"});
  expect_dates("Au 14/10/2024, 1 460 évacués.", pub, (const char *[]){"1 460", NULL},
               (const char *[]){"2024-10-14"});
  expect_dates("La veille, l’ONG comptait 90 morts.", pub, (const char *[]){"90", NULL},
               (const char *[]){"2024-10-15"});
  expect_dates("Aujourd’hui, 90 morts.", pub, (const char *[]){"90", NULL},
               (const char *[]){"2024-10-16"});
  /* The date word dates the figures of its clause only. */
  expect_dates("La préfecture compte 17 blessés et non 19 comme annoncé mardi.", pub,
               (const char *[]){"17", "19", NULL}, (const char *[]){"none", "2024-10-15"});
  expect_dates("Environ 1 900 foyers sont privés de courant mercredi matin, contre 2 800 mardi "
               "soir.",
               pub, (const char *[]){"1 900", "2 800", NULL},
               (const char *[]){"2024-10-16", "2024-10-15"});
  expect_dates("Mardi, 12 morts et 30 blessés ont été recensés.", pub,
               (const char *[]){"12", "30", NULL}, (const char *[]){"2024-10-15", "2024-10-15"});
  /* Periods and incidents are no dates of the figures. */
  expect_dates("L'ONG a recensé au moins 112 morts depuis dimanche.", pub,
               (const char *[]){"112", NULL}, (const char *[]){"none"});
  expect_dates("L'ONG a recensé au moins 112 morts depuis le début de la répression, dimanche "
               "13 octobre.",
               pub, (const char *[]){"112", NULL}, (const char *[]){"none"});
  expect_dates("Une cinquantaine de personnes sont portées disparues après le naufrage d'une "
               "embarcation de migrants dans la nuit de mardi à mercredi au large.",
               pub, (const char *[]){"Une cinquantaine", NULL}, (const char *[]){"none"});
  expect_dates("Le nombre de blessés dans l'explosion qui a frappé lundi le port, au Canada, a "
               "été revu à la baisse, passant de 94 à 88, ont annoncé jeudi les autorités.",
               pub, (const char *[]){"94", "88", NULL}, (const char *[]){"none", "none"});
  /* Times are no dates; the current year or month is no date either. */
  expect_dates("En 2024, 27 morts, à 14 h.", pub, (const char *[]){"27", NULL},
               (const char *[]){"none"});
  expect_dates("En octobre 2024, 27 morts.", pub, (const char *[]){"27", NULL},
               (const char *[]){"none"});
  /* A past month or year: the figure belongs to it (dated by its first day). */
  expect_dates("En 2023, 27 morts, à 14 h.", pub, (const char *[]){"27", NULL},
               (const char *[]){"2023-01-01"});
  expect_dates("Le naufrage d'avril 2023 avait fait 27 morts.", pub, (const char *[]){"27", NULL},
               (const char *[]){"2023-04-01"});
  expect_dates("Selon l'ONG, 1 100 personnes ont péri en 2023 et 700 depuis janvier.", pub,
               (const char *[]){"1 100", NULL}, (const char *[]){"2023-01-01"});
  /* A pluperfect relative clause: the toll of the earlier event dated just
   * before it, even after "depuis"; "depuis mars" alone dates nothing. */
  expect_dates("C'est le pire accident depuis l'explosion de mars 2019, qui avait fait 12 morts.",
               pub, (const char *[]){"12", NULL}, (const char *[]){"2019-03-01"});
  expect_dates("Depuis mars 2019, 12 morts ont été recensés.", pub, (const char *[]){"12", NULL},
               (const char *[]){"none"});
}

/* ------------------------------------------------------------- wire */

static void test_minhash(void **state) {
  (void)state;
  const char *a = BODY_DAY1 DISPATCH_TAIL;
  const char *b = BODY_DAY1 DISPATCH_TAIL " Une cellule d'écoute a été ouverte.";
  const char *c = BODY_DAY2 " Le marché de Noël ouvrira plus tôt cette année sur la place "
                            "centrale, avec des chalets nouveaux et une patinoire couverte pour "
                            "les familles et les enfants du quartier.";
  uint64_t sa[BL_MINHASH_N], sb[BL_MINHASH_N], sc[BL_MINHASH_N];
  assert_true(bl_minhash(a, strlen(a), sa) > 0);
  assert_true(bl_minhash(b, strlen(b), sb) > 0);
  assert_true(bl_minhash(c, strlen(c), sc) > 0);
  assert_true(bl_minhash_similarity(sa, sb) >= 0.8);
  assert_true(bl_minhash_similarity(sa, sc) <= 0.2);
  assert_true(bl_minhash_similarity(sa, sa) == 1.0);
  uint64_t sd[BL_MINHASH_N];
  assert_int_equal(bl_minhash("Trois mots seulement.", 21, sd), 0);
  int64_t ba[BL_WIRE_BANDS], bb[BL_WIRE_BANDS];
  bl_minhash_bands(sa, ba);
  bl_minhash_bands(sb, bb);
  size_t shared = 0;
  for (size_t i = 0; i < BL_WIRE_BANDS; i++) shared += ba[i] == bb[i];
  assert_true(shared > 0);
}

/* ------------------------------------------------------------- events */

static void expect_event(const char *title, const char *body, const char *pub, const char *want) {
  bl_error err;
  bl_names *n = bl_names_new(grammar(), &err);
  bl_buf out;
  bl_buf_init(&out);
  bl_str t = title ? bl_str_make(title, strlen(title)) : bl_str_null();
  assert_int_equal(bl_event_auto(grammar(), n, t, bl_str_make(body, strlen(body)),
                                 pub ? day(pub) : BL_NO_DAY, &out, &err),
                   BL_OK);
  if (strcmp(out.ptr, want) != 0) fail_msg("event %s, want %s", out.ptr, want);
  bl_buf_clear(&out);
  bl_names_free(n);
}

static void test_auto_event(void **state) {
  (void)state;
  expect_event("Crues à Pradevel", "Les pompiers sont intervenus à Pradevel et à Saint-Ilarn. À "
                                   "Pradevel, la mairie a ouvert un gymnase.",
               "2024-10-16", "pradevel-2024-w42");
  expect_event(NULL, "ALMATY (AFP) - Des heurts ont éclaté au Kazakhstan, à Almatî surtout.",
               "2022-01-05", "almati-2022-w01");
  expect_event(NULL, "Vessograd, 12 fév 2025 (AHP) - Le calme est revenu dans la capitale.",
               "2025-02-12", "vesograd-2025-w07");
  expect_event(NULL, "Aucun lieu n'est nommé ici.", "2025-02-12", "sans-lieu-2025-w07");
  expect_event(NULL, "Les manifestants se sont réunis dans la Sorvène.", NULL,
               "sorvene-sans-date");
}

/* ------------------------------------------------- allocation failures */

typedef struct failer {
  long countdown; /* fail when it reaches 0; < 0 never */
  long calls;
} failer;

static void *f_malloc(size_t n, void *ctx) {
  failer *f = ctx;
  f->calls++;
  if (f->countdown >= 0 && f->countdown-- == 0) return NULL;
  return malloc(n);
}
static void *f_realloc(void *p, size_t n, void *ctx) {
  failer *f = ctx;
  f->calls++;
  if (f->countdown >= 0 && f->countdown-- == 0) return NULL;
  return realloc(p, n);
}
static void f_free(void *p, void *ctx) {
  (void)ctx;
  free(p);
}

/* Every allocation of record building and writing may fail: the call then
 * says BL_NOMEM and nothing leaks (ASan checks the leaks). */
static void test_alloc_failures(void **state) {
  (void)state;
  grammar();
  bl_store *s = fresh_db();
  failer f = {-1, 0};
  bl_allocator al = {f_malloc, f_realloc, f_free, &f};
  for (long k = 0;; k++) {
    f.countdown = k;
    f.calls = 0;
    bl_set_allocator(&al);
    bl_error err;
    memset(&err, 0, sizeof err);
    int rc = BL_OK;
    bl_names *names = bl_names_new(grammar(), &err);
    bl_writer *w = names ? bl_writer_new(s, grammar(), &err) : NULL;
    if (!names || !w) rc = BL_NOMEM;
    if (!rc) rc = bl_writer_begin(w, &err);
    for (size_t i = 0; i < 4 && !rc; i++) {
      bl_claim claims[8];
      fx_claims(&crue[i], claims);
      bl_article a = fx_article_of(&crue[i]);
      bl_record r;
      bl_record_init(&r);
      bl_overrides ov = {NULL, NULL, NULL, NULL};
      rc = bl_record_build_claims(&r, names, grammar(), "f.txt", &a, &ov, claims,
                                  crue[i].nclaims, &err);
      bl_put_status st;
      size_t nc;
      if (!rc) rc = bl_writer_put(w, &r, &st, &nc, &err);
      bl_record_clear(&r);
    }
    bl_writer_free(w); /* rolls the batch back */
    bl_names_free(names);
    bl_set_allocator(NULL);
    if (rc == BL_OK) break;
    assert_int_equal(rc, BL_NOMEM);
    assert_true(k < 100000);
  }
  expect_rows(s, "SELECT count(*) FROM articles", "0\n");
  drop_db(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_schema_fresh),
      cmocka_unit_test(test_migrations_match_schema),
      cmocka_unit_test(test_migrate_v1),
      cmocka_unit_test(test_refuses_foreign_and_newer),
      cmocka_unit_test(test_ingest_and_duplicates),
      cmocka_unit_test(test_failed_article_rolls_batch_back),
      cmocka_unit_test(test_severities_not_compared),
      cmocka_unit_test(test_conflicts_exact),
      cmocka_unit_test(test_period_tolls_apart),
      cmocka_unit_test(test_partial_counts_not_compared),
      cmocka_unit_test(test_tolls_exact),
      cmocka_unit_test(test_settings_change_views),
      cmocka_unit_test(test_units_and_sources),
      cmocka_unit_test(test_query_read_only),
      cmocka_unit_test(test_name_keys),
      cmocka_unit_test(test_days),
      cmocka_unit_test(test_relative_dates),
      cmocka_unit_test(test_minhash),
      cmocka_unit_test(test_auto_event),
      cmocka_unit_test(test_alloc_failures),
  };
  int rc = cmocka_run_group_tests(tests, NULL, teardown);
  return rc;
}
