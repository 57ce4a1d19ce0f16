/*
 * store_ingest.c — layer 7: the single writer of `bilan ingest` (store.h).
 *
 * Records arrive ready (store_record.c); this file only decides what is new
 * and writes.  Articles are written in batches, one IMMEDIATE transaction per
 * batch (another process writing the same database waits for the busy
 * timeout instead of failing).  An article that fails half-written rolls its
 * batch back, so what is stored is always whole articles.  No savepoint per
 * article: SQLite copies every page an open savepoint first touches into a
 * sub-journal, and with twenty LSH bands and the claim indexes that copying
 * was a quarter of the writer's time.  Every value read from an article
 * reaches SQLite as a bound parameter.  Statements are prepared once.
 */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <xxhash.h>

enum {
  ST_DUP, ST_ART, ST_OUTLET, ST_SOURCE, ST_CLAIM, ST_PARENT, ST_URL_ORIGIN, ST_BAND_FIND,
  ST_SIG, ST_MINHASH, ST_BAND, ST_COUNT_
};

static const char *const sql[ST_COUNT_] = {
    [ST_DUP] = "SELECT id FROM articles WHERE sha256 = ?",
    [ST_ART] = "INSERT INTO articles (url, path, line, doc_id, title, outlet, outlet_key, "
               "published, published_day, event, event_how, sha256, body, grammar, ingested_at, "
               "origin_id, similarity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_OUTLET] = "INSERT OR IGNORE INTO outlets (key, name) VALUES (?, ?)",
    [ST_SOURCE] = "INSERT OR IGNORE INTO sources (key, name) VALUES (?, ?)",
    [ST_CLAIM] = "INSERT INTO claims (article_id, seq, span_start, span_end, text, value, lo, hi, "
                 "qualifier, hedge, unit, unit_key, unit_kind, category, grp, subject, source, source_key, "
                 "channel, channel_key, negated, of_start, parent_id, cumulative, status, "
                 "sentence_start, sentence_end, event, event_date, event_day, date_how, voice, "
                 "severity, period) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_PARENT] = "UPDATE claims SET parent_id = ? WHERE id = ?",
    [ST_URL_ORIGIN] = "SELECT coalesce(origin_id, id) FROM articles WHERE url = ? "
                      "ORDER BY id LIMIT 1",
    [ST_BAND_FIND] = "SELECT article_id FROM wire_bands WHERE band = ? AND hash = ? "
                     "ORDER BY article_id LIMIT 4",
    [ST_SIG] = "SELECT m.sig, coalesce(a.origin_id, a.id) FROM minhash m "
               "JOIN articles a ON a.id = m.article_id WHERE m.article_id = ?",
    [ST_MINHASH] = "INSERT INTO minhash (article_id, sig) VALUES (?, ?)",
    [ST_BAND] = "INSERT OR IGNORE INTO wire_bands (band, hash, article_id) VALUES (?, ?, ?)",
};

struct bl_writer {
  bl_store *store; /* borrowed */
  sqlite3 *db;     /* borrowed from store */
  const bl_grammar *g;
  sqlite3_stmt *st[ST_COUNT_]; /* owned */
  bl_names *names;             /* owned: outlet and source keys */
  double wire_similarity;
  bool in_batch;
  char now[32];                /* ingested_at of the batch */
  bl_buf keys;                 /* owned: source/channel keys of one article */
  size_t *koff;                /* owned: 2 offsets per claim into keys (SIZE_MAX = none) */
  size_t kcap;
  sqlite3_int64 *ids;          /* owned: rowids of the claims of one article */
  size_t idcap;
  char **seen;                 /* owned: source keys already recorded (set) */
  size_t seencap, nseen;
};

bl_writer *bl_writer_new(bl_store *s, const bl_grammar *g, bl_error *err) {
  bl_writer *w = bl_calloc(1, sizeof *w);
  if (!w) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  w->store = s;
  w->db = bl_store_db(s);
  w->g = g;
  bl_buf_init(&w->keys);
  w->names = bl_names_new(g, err);
  if (!w->names) {
    bl_writer_free(w);
    return NULL;
  }
  for (size_t i = 0; i < ST_COUNT_; i++)
    if (sqlite3_prepare_v3(w->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &w->st[i], NULL) !=
        SQLITE_OK) {
      bl_store_fail(w->db, err, "preparing the ingest statements");
      bl_writer_free(w);
      return NULL;
    }
  /* A larger page cache keeps the indexes being filled in memory; fewer
   * checkpoints while a long ingest runs (SQLite checkpoints at the end). */
  sqlite3_exec(w->db, "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 16384", NULL, NULL,
               NULL);
  w->wire_similarity = 0.6;
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(w->db, "SELECT value FROM settings WHERE key = 'wire_similarity'", -1,
                         &q, NULL) == SQLITE_OK) {
    if (sqlite3_step(q) == SQLITE_ROW) w->wire_similarity = sqlite3_column_double(q, 0);
    sqlite3_finalize(q);
  }
  return w;
}

void bl_writer_free(bl_writer *w) {
  if (!w) return;
  if (w->in_batch) sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
  for (size_t i = 0; i < ST_COUNT_; i++) sqlite3_finalize(w->st[i]);
  bl_names_free(w->names);
  bl_buf_clear(&w->keys);
  bl_free(w->koff);
  bl_free(w->ids);
  for (size_t i = 0; i < w->seencap; i++) bl_free(w->seen[i]);
  bl_free(w->seen);
  bl_free(w);
}

static void forget_keys(bl_writer *w);

int bl_writer_begin(bl_writer *w, bl_error *err) {
  if (w->in_batch) return BL_OK;
  if (sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return bl_store_fail(w->db, err, "starting a batch");
  w->in_batch = true;
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(w->now, sizeof w->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return BL_OK;
}

int bl_writer_commit(bl_writer *w, bl_error *err) {
  if (!w->in_batch) return BL_OK;
  w->in_batch = false;
  if (sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    int rc = bl_store_fail(w->db, err, "committing a batch");
    sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
    forget_keys(w);
    return rc;
  }
  return BL_OK;
}

/* ------------------------------------------------------------- binding */

static int bind_buf(sqlite3_stmt *st, int i, const bl_buf *b) {
  return b->ptr ? sqlite3_bind_text(st, i, b->ptr, (int)b->len, SQLITE_STATIC)
                : sqlite3_bind_null(st, i);
}

static int bind_str(sqlite3_stmt *st, int i, bl_str s) {
  return s.ptr ? sqlite3_bind_text(st, i, s.ptr, (int)s.len, SQLITE_STATIC)
               : sqlite3_bind_null(st, i);
}

static int bind_cstr(sqlite3_stmt *st, int i, const char *s) {
  return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

static int bind_num(sqlite3_stmt *st, int i, double v) {
  return isnan(v) || isinf(v) ? sqlite3_bind_null(st, i) : sqlite3_bind_double(st, i, v);
}

/* Run a statement that returns no row (or whose rows are not needed). */
static int run(bl_writer *w, int which, bl_error *err) {
  sqlite3_stmt *st = w->st[which];
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return BL_OK;
  return bl_store_fail(w->db, err, sql[which]);
}

/* --------------------------------------------------------- wire copies */

/* The origin of r: the first article with the same URL, else the origin of
 * the most similar earlier article whose signature shares a band and reaches
 * wire_similarity.  *origin = 0 when r is an original. */
static int find_origin(bl_writer *w, const bl_record *r, const int64_t *bands,
                       sqlite3_int64 *origin, double *sim, bl_error *err) {
  *origin = 0;
  *sim = NAN;
  if (r->url.ptr && r->url.len) {
    sqlite3_stmt *st = w->st[ST_URL_ORIGIN];
    bind_buf(st, 1, &r->url);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *origin = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return bl_store_fail(w->db, err, "url lookup");
    if (*origin) return BL_OK;
  }
  if (!r->shingles) return BL_OK;
  sqlite3_int64 seen[BL_WIRE_BANDS * 4];
  size_t nseen = 0;
  double best = -1;
  for (size_t b = 0; b < BL_WIRE_BANDS; b++) {
    sqlite3_stmt *st = w->st[ST_BAND_FIND];
    sqlite3_bind_int64(st, 1, (sqlite3_int64)b);
    sqlite3_bind_int64(st, 2, bands[b]);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      sqlite3_int64 cand = sqlite3_column_int64(st, 0);
      bool dup = false;
      for (size_t k = 0; k < nseen && !dup; k++) dup = seen[k] == cand;
      if (dup || nseen == BL_ARRAY_LEN(seen)) continue;
      seen[nseen++] = cand;
      sqlite3_stmt *sg = w->st[ST_SIG];
      sqlite3_bind_int64(sg, 1, cand);
      if (sqlite3_step(sg) == SQLITE_ROW &&
          sqlite3_column_bytes(sg, 0) == (int)(BL_MINHASH_N * sizeof(uint64_t))) {
        uint64_t other[BL_MINHASH_N];
        memcpy(other, sqlite3_column_blob(sg, 0), sizeof other);
        double s = bl_minhash_similarity(r->sig, other);
        if (s >= w->wire_similarity && s > best) {
          best = s;
          *origin = sqlite3_column_int64(sg, 1);
        }
        /* Copies of one dispatch share its origin: the first good one will do. */
        if (*origin) {
          sqlite3_reset(sg);
          sqlite3_clear_bindings(sg);
          break;
        }
      }
      sqlite3_reset(sg);
      sqlite3_clear_bindings(sg);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return bl_store_fail(w->db, err, "wire lookup");
    if (*origin) break;
  }
  if (*origin) *sim = best;
  return BL_OK;
}

static int store_signature(bl_writer *w, sqlite3_int64 id, const bl_record *r,
                           const int64_t *bands, bl_error *err) {
  if (!r->shingles) return BL_OK;
  sqlite3_stmt *st = w->st[ST_MINHASH];
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_blob(st, 2, r->sig, (int)sizeof r->sig, SQLITE_STATIC);
  int rc = run(w, ST_MINHASH, err);
  for (size_t b = 0; b < BL_WIRE_BANDS && !rc; b++) {
    st = w->st[ST_BAND];
    sqlite3_bind_int64(st, 1, (sqlite3_int64)b);
    sqlite3_bind_int64(st, 2, bands[b]);
    sqlite3_bind_int64(st, 3, id);
    rc = run(w, ST_BAND, err);
  }
  return rc;
}

/* ---------------------------------------------------------------- names */

/* Store key into w->keys; returns its offset or SIZE_MAX for an empty key. */
static int keep_key(bl_writer *w, bl_str name, size_t *off, bl_error *err) {
  *off = SIZE_MAX;
  if (!name.ptr || !name.len) return BL_OK;
  const char *k = bl_names_key(w->names, name.ptr, name.len, err);
  if (!k) return err ? err->code : BL_NOMEM;
  if (!*k) return BL_OK;
  *off = w->keys.len;
  if (bl_buf_add(&w->keys, k, strlen(k) + 1)) return bl_fail(err, BL_NOMEM, "out of memory");
  return BL_OK;
}

/* A short name ("le ministère") whose key starts exactly one longer key of
 * the same article ("ministère de l'Intérieur") is that source. */
static void resolve_short_keys(bl_writer *w, size_t n) {
  for (size_t i = 0; i < 2 * n; i++) {
    if (w->koff[i] == SIZE_MAX) continue;
    const char *k = w->keys.ptr + w->koff[i];
    size_t kl = strlen(k);
    size_t found = SIZE_MAX;
    bool many = false;
    for (size_t j = 0; j < 2 * n && !many; j++) {
      if (w->koff[j] == SIZE_MAX || w->koff[j] == w->koff[i]) continue;
      const char *o = w->keys.ptr + w->koff[j];
      if (strncmp(o, k, kl) != 0 || o[kl] != ' ') continue;
      if (found != SIZE_MAX && strcmp(w->keys.ptr + found, o) != 0) many = true;
      found = w->koff[j];
    }
    if (found != SIZE_MAX && !many) w->koff[i] = found;
  }
}

/* Forget the recorded keys: after a rollback they may not be in the table. */
static void forget_keys(bl_writer *w) {
  for (size_t i = 0; i < w->seencap; i++) {
    bl_free(w->seen[i]);
    w->seen[i] = NULL;
  }
  w->nseen = 0;
}

/* Has this writer already recorded the key?  (A small open-addressing set:
 * most claims name a source seen a moment ago, and the INSERT OR IGNORE it
 * saves is a B-tree search.)  Returns 1 if seen, 0 if just added, -1 on
 * BL_NOMEM. */
static int seen_key(bl_writer *w, const char *key) {
  uint64_t h = XXH3_64bits(key, strlen(key));
  if (w->nseen + 1 > w->seencap / 2) {
    if (w->seencap >= (1u << 16)) {
      forget_keys(w); /* bounded: start afresh */
    } else {
      size_t ncap = w->seencap ? w->seencap * 2 : 256;
      char **ns = bl_calloc(ncap, sizeof *ns);
      if (!ns) return -1;
      for (size_t i = 0; i < w->seencap; i++) {
        if (!w->seen[i]) continue;
        size_t j = (size_t)XXH3_64bits(w->seen[i], strlen(w->seen[i])) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = w->seen[i];
      }
      bl_free(w->seen);
      w->seen = ns;
      w->seencap = ncap;
    }
  }
  size_t i = (size_t)h & (w->seencap - 1);
  for (; w->seen[i]; i = (i + 1) & (w->seencap - 1))
    if (!strcmp(w->seen[i], key)) return 1;
  char *k = bl_strndup(key, strlen(key));
  if (!k) return -1;
  w->seen[i] = k;
  w->nseen++;
  return 0;
}

static int add_source(bl_writer *w, const char *key, bl_str name, bl_error *err) {
  int s = seen_key(w, key);
  if (s < 0) return bl_fail(err, BL_NOMEM, "out of memory");
  if (s) return BL_OK;
  sqlite3_stmt *st = w->st[ST_SOURCE];
  bind_cstr(st, 1, key);
  bind_str(st, 2, name);
  return run(w, ST_SOURCE, err);
}

/* ---------------------------------------------------------------- claims */

static const char *unit_kind(const bl_quantity *q) {
  if (!q->unit) return "count";
  return strcmp(q->unit, "percent") == 0 ? "percent" : "money";
}

static int put_claims(bl_writer *w, sqlite3_int64 art, const bl_record *r, const char *outlet_key,
                      bl_error *err) {
  size_t n = r->nclaims;
  if (!n) return BL_OK;
  if (bl_grow((void **)&w->koff, &w->kcap, 2 * n, sizeof *w->koff) ||
      bl_grow((void **)&w->ids, &w->idcap, n, sizeof *w->ids))
    return bl_fail(err, BL_NOMEM, "out of memory");
  bl_buf_reset(&w->keys);
  int rc = BL_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    rc = keep_key(w, r->claims[i].c.source, &w->koff[2 * i], err);
    if (!rc) rc = keep_key(w, r->claims[i].c.channel, &w->koff[2 * i + 1], err);
  }
  if (rc) return rc;
  resolve_short_keys(w, n);
  char voice[160];
  for (size_t i = 0; i < n && !rc; i++) {
    const bl_rclaim *rcl = &r->claims[i];
    const bl_claim *c = &rcl->c;
    const char *skey = w->koff[2 * i] == SIZE_MAX ? NULL : w->keys.ptr + w->koff[2 * i];
    const char *ckey = w->koff[2 * i + 1] == SIZE_MAX ? NULL : w->keys.ptr + w->koff[2 * i + 1];
    /* The counted noun's key ("sapeurs-pompiers" → "pompiers"): some
     * categories compare only figures of one noun. */
    char ukey[96] = "";
    if (c->unit.ptr && c->unit.len) {
      const char *k = bl_names_key(w->names, c->unit.ptr, c->unit.len, err);
      if (!k) {
        rc = err ? err->code : BL_NOMEM;
        break;
      }
      snprintf(ukey, sizeof ukey, "%s", k);
    }
    if (skey) rc = add_source(w, skey, c->source, err);
    if (!rc && ckey) rc = add_source(w, ckey, c->channel, err);
    if (rc) break;
    /* Who vouches for the figure: its source, else the outlet, else the
     * article alone. */
    if (skey)
      snprintf(voice, sizeof voice, "s:%s", skey);
    else if (outlet_key)
      snprintf(voice, sizeof voice, "o:%s", outlet_key);
    else
      snprintf(voice, sizeof voice, "a:%lld", (long long)art);
    sqlite3_stmt *st = w->st[ST_CLAIM];
    const bl_quantity *q = &c->q;
    size_t blen = r->body.len;
    bl_span sp = q->span;
    if (sp.end > blen || sp.start > sp.end) sp.start = sp.end = 0;
    int k = 1;
    sqlite3_bind_int64(st, k++, art);
    sqlite3_bind_int64(st, k++, (sqlite3_int64)i);
    sqlite3_bind_int64(st, k++, (sqlite3_int64)sp.start);
    sqlite3_bind_int64(st, k++, (sqlite3_int64)sp.end);
    sqlite3_bind_text(st, k++, r->body.ptr + sp.start, (int)(sp.end - sp.start), SQLITE_STATIC);
    bind_num(st, k++, q->value);
    bind_num(st, k++, q->lo);
    bind_num(st, k++, q->hi);
    bind_cstr(st, k++, bl_qualifier_name(q->qualifier));
    if (q->hedge.end > q->hedge.start && q->hedge.end <= blen)
      sqlite3_bind_text(st, k++, r->body.ptr + q->hedge.start,
                        (int)(q->hedge.end - q->hedge.start), SQLITE_STATIC);
    else
      sqlite3_bind_null(st, k++);
    bind_str(st, k++, c->unit);
    bind_cstr(st, k++, ukey[0] ? ukey : NULL);
    bind_cstr(st, k++, unit_kind(q));
    bind_cstr(st, k++, bl_category_name(c->category));
    bind_cstr(st, k++, bl_group_name(c->group));
    bind_str(st, k++, c->subject);
    bind_str(st, k++, c->source);
    bind_cstr(st, k++, skey);
    bind_str(st, k++, c->channel);
    bind_cstr(st, k++, ckey);
    sqlite3_bind_int(st, k++, c->negated ? 1 : 0);
    bool has_parent = c->of >= 0 && (size_t)c->of < n && (size_t)c->of != i;
    if (has_parent)
      sqlite3_bind_int64(st, k++, (sqlite3_int64)r->claims[c->of].c.q.span.start);
    else
      sqlite3_bind_null(st, k++);
    if (has_parent && (size_t)c->of < i)
      sqlite3_bind_int64(st, k++, w->ids[c->of]);
    else
      sqlite3_bind_null(st, k++);
    if (c->cumulative >= 0)
      sqlite3_bind_int(st, k++, c->cumulative ? 1 : 0);
    else
      sqlite3_bind_null(st, k++);
    bind_cstr(st, k++, bl_status_name(c->status));
    bl_span ss = c->sentence;
    if (ss.end > blen || ss.start > ss.end) ss = sp;
    sqlite3_bind_int64(st, k++, (sqlite3_int64)ss.start);
    sqlite3_bind_int64(st, k++, (sqlite3_int64)ss.end);
    bind_buf(st, k++, &r->event);
    char day[11];
    if (rcl->event_day != BL_NO_DAY) {
      bl_day_format(rcl->event_day, day);
      sqlite3_bind_text(st, k++, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, k++, rcl->event_day);
    } else {
      sqlite3_bind_null(st, k++);
      sqlite3_bind_null(st, k++);
    }
    bind_cstr(st, k++, rcl->dated ? "sentence" : rcl->event_day != BL_NO_DAY ? "published" : "none");
    bind_cstr(st, k++, voice);
    bind_cstr(st, k++, rcl->severity);
    sqlite3_bind_int(st, k++, c->period ? 1 : 0);
    rc = run(w, ST_CLAIM, err);
    w->ids[i] = sqlite3_last_insert_rowid(w->db);
  }
  /* Sub-counts whose parent comes later in the text. */
  for (size_t i = 0; i < n && !rc; i++) {
    long of = r->claims[i].c.of;
    if (of < 0 || (size_t)of >= n || (size_t)of <= i) continue;
    sqlite3_stmt *st = w->st[ST_PARENT];
    sqlite3_bind_int64(st, 1, w->ids[of]);
    sqlite3_bind_int64(st, 2, w->ids[i]);
    rc = run(w, ST_PARENT, err);
  }
  return rc;
}

/* ------------------------------------------------------------- articles */

static int put_article(bl_writer *w, const bl_record *r, size_t *nclaims, bl_error *err) {
  const char *outlet_key = NULL;
  char okey[128];
  if (r->outlet.ptr && r->outlet.len) {
    const char *k = bl_names_key(w->names, r->outlet.ptr, r->outlet.len, err);
    if (!k) return err ? err->code : BL_NOMEM;
    if (*k) {
      snprintf(okey, sizeof okey, "%s", k);
      outlet_key = okey;
      sqlite3_stmt *st = w->st[ST_OUTLET];
      bind_cstr(st, 1, outlet_key);
      bind_buf(st, 2, &r->outlet);
      int rc = run(w, ST_OUTLET, err);
      if (rc) return rc;
    }
  }
  int64_t bands[BL_WIRE_BANDS];
  if (r->shingles) bl_minhash_bands(r->sig, bands);
  sqlite3_int64 origin;
  double sim;
  int rc = find_origin(w, r, bands, &origin, &sim, err);
  if (rc) return rc;
  sqlite3_stmt *st = w->st[ST_ART];
  int k = 1;
  bind_buf(st, k++, &r->url);
  bind_buf(st, k++, &r->path);
  if (r->line)
    sqlite3_bind_int(st, k++, (int)r->line);
  else
    sqlite3_bind_null(st, k++);
  bind_buf(st, k++, &r->doc_id);
  bind_buf(st, k++, &r->title);
  bind_buf(st, k++, &r->outlet);
  bind_cstr(st, k++, outlet_key);
  bind_buf(st, k++, &r->date);
  if (r->pub != BL_NO_DAY)
    sqlite3_bind_int64(st, k++, r->pub);
  else
    sqlite3_bind_null(st, k++);
  bind_buf(st, k++, &r->event);
  bind_cstr(st, k++, r->event_how);
  bind_cstr(st, k++, r->sha256);
  sqlite3_bind_text(st, k++, r->body.ptr ? r->body.ptr : "", (int)r->body.len, SQLITE_STATIC);
  bind_cstr(st, k++, bl_grammar_version(w->g));
  bind_cstr(st, k++, w->now);
  if (origin)
    sqlite3_bind_int64(st, k++, origin);
  else
    sqlite3_bind_null(st, k++);
  bind_num(st, k++, sim);
  if ((rc = run(w, ST_ART, err))) return rc;
  sqlite3_int64 id = sqlite3_last_insert_rowid(w->db);
  if ((rc = store_signature(w, id, r, bands, err))) return rc;
  if ((rc = put_claims(w, id, r, outlet_key, err))) return rc;
  *nclaims = r->nclaims;
  return BL_OK;
}

int bl_writer_put(bl_writer *w, const bl_record *r, bl_put_status *status, size_t *claims,
                  bl_error *err) {
  *claims = 0;
  *status = BL_PUT_STORED;
  if (!w->in_batch) return bl_fail(err, BL_USAGE, "bl_writer_put outside a batch");
  if (!r->event.ptr) return bl_fail(err, BL_USAGE, "record without an event");
  sqlite3_stmt *st = w->st[ST_DUP];
  sqlite3_bind_text(st, 1, r->sha256, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  bool dup = rc == SQLITE_ROW;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return bl_store_fail(w->db, err, "duplicate check");
  if (dup) {
    *status = BL_PUT_DUPLICATE;
    return BL_OK;
  }
  rc = put_article(w, r, claims, err);
  if (rc) {
    /* Not a trace of this article, nor of its half-written batch. */
    *claims = 0;
    w->in_batch = false;
    sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
    forget_keys(w);
  }
  return rc;
}
