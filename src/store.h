/*
 * store.h — layer 7: the SQLite store of articles and claims, and the
 * comparison built on it (SPEC §7, §8; docs/database.md).
 *
 *   store.c         open a database, create or migrate its schema, views
 *   store_names.c   name keys (ICU transliteration + French folding), cached
 *   store_dates.c   calendar days; relative dates of a claim's sentence
 *   store_event.c   the automatic event of an article (place and week)
 *   store_wire.c    MinHash signatures: copies of one wire dispatch
 *   store_record.c  an article made ready to store (worker side, no SQLite)
 *   store_ingest.c  writing records: batches of whole articles
 *   store_query.c   read-only SQL with an authorizer
 *
 * Not installed: the CLI and the tests use it through bilan_internal.
 */
#ifndef BL_STORE_H
#define BL_STORE_H

#include "internal.h"

#include <sqlite3.h>

/* ------------------------------------------------------------- store.c */

typedef struct bl_store bl_store;

enum {
  BL_STORE_READONLY = 1u << 0 /* SQLITE_OPEN_READONLY; the schema must exist */
};

/* Milliseconds a writer waits for another one before giving up. */
#define BL_STORE_BUSY_MS 60000

/*
 * Open (creating if needed, unless read-only) the database at `path`, bring
 * its schema to the current version (db/schema.sql for a new database,
 * db/migrations/NNN_*.sql for an older one), recreate the views when
 * db/views.sql changed, and stamp `grammar_version` into `meta`.  WAL mode,
 * foreign keys on, a busy timeout.  Returns NULL with err (BL_DB, BL_NOMEM,
 * BL_USAGE for a database newer than this binary).
 */
bl_store *bl_store_open(const char *path, unsigned flags, const char *grammar_version,
                        bl_error *err);
void bl_store_free(bl_store *s);
/* The connection, borrowed. */
sqlite3 *bl_store_db(const bl_store *s);
/* The schema version this binary writes (the highest migration number). */
int bl_store_schema_version(void);
/* Fill err from the connection's last error; returns BL_DB. */
int bl_store_fail(sqlite3 *db, bl_error *err, const char *what);

/* ------------------------------------------------------- store_names.c */

/*
 * Name keys: "M. Tokaïev", "Tokaev" and "Tokayev" → "tokaev"; "le préfet de
 * Sorvène-et-Lauze" and "la préfecture de Sorvène-et-Lauze" → "prefecture
 * sorvene et lauze".  ICU transliterates any script to Latin and removes
 * accents; then words of fr/names.tsv are dropped or folded, y becomes i, an
 * i between vowels and doubled letters go.  One bl_names per thread.
 */
typedef struct bl_names bl_names;
bl_names *bl_names_new(const bl_grammar *g, bl_error *err);
void bl_names_free(bl_names *n);
/* The key of s[0..len) ("" when nothing is left), borrowed from n until the
 * next call; NULL on BL_NOMEM or an ICU failure (err). */
const char *bl_names_key(bl_names *n, const char *s, size_t len, bl_error *err);

/* ------------------------------------------------------- store_dates.c */

#define BL_NO_DAY INT32_MIN

/* "YYYY-MM-DD" (a longer ISO timestamp is cut) → days since 1970-01-01, or
 * BL_NO_DAY when it is not a valid date. */
int32_t bl_day_parse(const char *s, size_t len);
/* Day number → "YYYY-MM-DD" (out has room for 11 bytes). */
void bl_day_format(int32_t day, char out[11]);
/* 1 = Monday ... 7 = Sunday. */
int bl_day_weekday(int32_t day);
/* ISO 8601 week: year and week number of a day. */
void bl_day_isoweek(int32_t day, int *year, int *week);

/*
 * The event day of each claim of a document: a date word of the claim's
 * sentence (fr/dates.tsv, day and month names of fr/calendar.tsv, "le 7
 * janvier", "07/01/2025", a past "avril 2023" or "en 2019" as its first
 * day), resolved against the publication day `pub` towards the past.  A date word dates the figures of its own clause
 * (clauses end at , ; : ( ) and at the "break" words); a sentence whose only
 * date words stand in clauses without figures dates all its figures.
 * out[i] is the day or BL_NO_DAY.  `scratch` is reusable text state.
 */
int bl_dates_resolve(const bl_grammar *g, const char *body, size_t len, const bl_claim *claims,
                     size_t n, int32_t pub, int32_t *out, bl_error *err);

/* ------------------------------------------------------- store_event.c */

/*
 * The automatic event of an article when neither a flag nor the input names
 * one: "<place key>-<ISO year>-w<week>", the place being the name its title
 * and body give most often after a locative of fr/places.tsv (or in the
 * dateline "VILLE, 12 fév (AFP) -"), ties to the first seen; "sans-lieu" when
 * none (records then add the body's hash: such an article is its own
 * event).  Written into out (reset first).
 */
int bl_event_auto(const bl_grammar *g, bl_names *names, bl_str title, bl_str body, int32_t pub,
                  bl_buf *out, bl_error *err);

/* -------------------------------------------------------- store_wire.c */

#define BL_MINHASH_N 60 /* signature size */
#define BL_WIRE_BANDS 20 /* LSH bands of BL_MINHASH_N / BL_WIRE_BANDS rows */
#define BL_WIRE_MIN_SHINGLES 20 /* shorter bodies are never called copies */

/* MinHash signature of the word 4-shingles of body (case and accents as
 * written, punctuation ignored).  Returns the number of shingles (0 when the
 * body is too short to be compared: sig is then unset). */
size_t bl_minhash(const char *body, size_t len, uint64_t sig[BL_MINHASH_N]);
/* Estimated Jaccard similarity of two signatures, in [0, 1]. */
double bl_minhash_similarity(const uint64_t *a, const uint64_t *b);
/* The band hashes of a signature (as SQLite integers). */
void bl_minhash_bands(const uint64_t *sig, int64_t bands[BL_WIRE_BANDS]);

/* ------------------------------------------------------ store_record.c */

/* One claim as stored: the bl_claim fields plus what the store derives. */
typedef struct bl_rclaim {
  bl_claim c;           /* strings point into the record's body */
  int32_t event_day;    /* resolved date or publication day, or BL_NO_DAY */
  bool dated;           /* the sentence gave the date */
  const char *severity; /* the injured's: "light", "serious" (static) or NULL */
} bl_rclaim;

/* Metadata given on the command line; each non-null field overrides the
 * article's. */
typedef struct bl_overrides {
  const char *event, *outlet, *date, *url;
} bl_overrides;

/* An article made ready to store, independent of the reader and the doc it
 * came from (everything owned): built by a worker thread, written by the
 * store's single writer. */
typedef struct bl_record {
  bl_buf body, title, outlet, date, url, event, path, doc_id; /* owned */
  const char *event_how;   /* "flag", "header" or "auto" (static) */
  unsigned line;           /* JSON Lines record, else 0 */
  int32_t pub;             /* publication day or BL_NO_DAY */
  char sha256[65];         /* hex of the body */
  uint64_t sig[BL_MINHASH_N];
  size_t shingles;         /* 0: no signature */
  bl_rclaim *claims;       /* owned */
  size_t nclaims, cap;
} bl_record;

void bl_record_init(bl_record *r);
void bl_record_clear(bl_record *r);
/*
 * Run the extraction of article `a` (from input `path`) with `doc`, apply
 * overrides, and derive what the store needs (hash, signature, event, dates).
 * `names` is the calling thread's.  Returns BL_OK, or the rc of bl_doc_run
 * (BL_BADUTF8 with err->at in the body, BL_LIMIT) or BL_NOMEM.
 */
int bl_record_build(bl_record *r, bl_doc *doc, bl_names *names, const bl_grammar *g,
                    const char *path, const bl_article *a, const bl_overrides *ov,
                    unsigned opts, bl_error *err);
/* Same from claims already extracted (tests, the SQLite extension): the
 * claims' strings must point into body. */
int bl_record_build_claims(bl_record *r, bl_names *names, const bl_grammar *g, const char *path,
                           const bl_article *a, const bl_overrides *ov, const bl_claim *claims,
                           size_t n, bl_error *err);

/* ------------------------------------------------------ store_ingest.c */

typedef struct bl_writer bl_writer;

/* What happened to one record. */
typedef enum bl_put_status {
  BL_PUT_STORED = 0,
  BL_PUT_DUPLICATE, /* same body already stored: nothing written */
} bl_put_status;

bl_writer *bl_writer_new(bl_store *s, const bl_grammar *g, bl_error *err);
void bl_writer_free(bl_writer *w); /* rolls back an open batch */
/* Open a batch (BEGIN IMMEDIATE: waits for another writer up to the busy
 * timeout). */
int bl_writer_begin(bl_writer *w, bl_error *err);
/* Store one record inside the batch.  *status says whether it was new;
 * *claims the number of claims written.  On failure the whole batch is
 * rolled back (nothing of it is stored) and a new one must be begun. */
int bl_writer_put(bl_writer *w, const bl_record *r, bl_put_status *status, size_t *claims,
                  bl_error *err);
int bl_writer_commit(bl_writer *w, bl_error *err);

/* ------------------------------------------------------- store_query.c */

/* Called for each row: column names and values as text (NULL for SQL NULL),
 * types as SQLITE_INTEGER... Return non-zero to stop. */
typedef int (*bl_row_fn)(void *ctx, int ncols, const char *const *names,
                         const char *const *values, const int *types);

/*
 * Run one read-only SQL statement.  The connection should be opened with
 * BL_STORE_READONLY; an authorizer refuses anything that writes, ATTACH,
 * PRAGMA with a value, and extension loading (BL_READONLY with a message),
 * and a second statement is refused (BL_USAGE).  Other errors: BL_DB.
 */
int bl_query_run(bl_store *s, const char *sql, bl_row_fn fn, void *ctx, bl_error *err);
/* Same with text parameters bound to ?1..?n (NULL binds NULL). */
int bl_query_run_args(bl_store *s, const char *sql, const char *const *args, int nargs,
                      bl_row_fn fn, void *ctx, bl_error *err);

#endif
