/*
 * sqlext.c — layer 7: bilan as a SQLite loadable extension, for users of the
 * plain `sqlite3` shell or any SQLite client:
 *
 *   .load path/to/bilan              (entry point sqlite3_bilan_init)
 *   SELECT bilan_number('Plus de 3 211 personnes ont été arrêtées.');
 *     → JSON array of the quantities: start, end, text, value, lo, hi,
 *       qualifier, hedge, unit (SPEC §4)
 *   SELECT * FROM bilan_claims('Selon la police, 12 morts, dont 3 enfants.');
 *     → one row per claim, columns named as in the claims table
 *
 * The compiled grammar is built once per process and shared (it is
 * immutable); each connection has its own scanner, each cursor its own
 * document.  Built as its own shared library (target bilan_sqlite) from the
 * library's objects; it calls SQLite only through the extension API.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "internal.h"
#include "json.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>

/* ------------------------------------------------------------- grammar */

static pthread_once_t grammar_once = PTHREAD_ONCE_INIT;
static bl_grammar *grammar;
static bl_error grammar_err;

static void load_grammar(void) {
  grammar = bl_grammar_new(NULL, &grammar_err);
}

/* When the shell unloads the extension (or the process ends), release the
 * grammar it built. */
__attribute__((destructor)) static void unload_grammar(void) {
  bl_grammar_free(grammar);
  grammar = NULL;
}

static const bl_grammar *shared_grammar(void) {
  pthread_once(&grammar_once, load_grammar);
  return grammar;
}

/* ------------------------------------------------------- bilan_number */

typedef struct numctx {
  pthread_mutex_t mu;
  bl_scan *scan; /* owned, made on first use */
  bl_buf out;    /* owned */
} numctx;

static void numctx_free(void *p) {
  numctx *n = p;
  if (!n) return;
  bl_scan_free(n->scan);
  bl_buf_clear(&n->out);
  pthread_mutex_destroy(&n->mu);
  sqlite3_free(n);
}

static int quantity_json(bl_buf *b, const char *text, const bl_quantity *q) {
  int rc = bl_buf_addc(b, '{');
  rc |= bl_json_key(b, "start", true) | bl_json_num(b, (double)q->span.start);
  rc |= bl_json_key(b, "end", false) | bl_json_num(b, (double)q->span.end);
  rc |= bl_json_key(b, "text", false) |
        bl_json_str(b, text + q->span.start, q->span.end - q->span.start);
  rc |= bl_json_key(b, "value", false) | bl_json_num(b, q->value);
  rc |= bl_json_key(b, "lo", false) | bl_json_num(b, q->lo);
  rc |= bl_json_key(b, "hi", false) | bl_json_num(b, q->hi);
  const char *qn = bl_qualifier_name(q->qualifier);
  rc |= bl_json_key(b, "qualifier", false) | bl_json_str(b, qn, strlen(qn));
  rc |= bl_json_key(b, "hedge", false);
  if (q->hedge.end > q->hedge.start)
    rc |= bl_json_str(b, text + q->hedge.start, q->hedge.end - q->hedge.start);
  else
    rc |= bl_json_str(b, NULL, 0);
  rc |= bl_json_key(b, "unit", false) | bl_json_str(b, q->unit, q->unit ? strlen(q->unit) : 0);
  return rc | bl_buf_addc(b, '}');
}

static void bilan_number(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const char *text = (const char *)sqlite3_value_text(argv[0]);
  size_t len = (size_t)sqlite3_value_bytes(argv[0]);
  if (!text) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  const bl_grammar *g = shared_grammar();
  if (!g) {
    sqlite3_result_error(ctx, grammar_err.msg, -1);
    return;
  }
  numctx *n = sqlite3_user_data(ctx);
  pthread_mutex_lock(&n->mu);
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = BL_OK;
  if (!n->scan && !(n->scan = bl_scan_new(g, &err))) rc = err.code ? err.code : BL_NOMEM;
  if (!rc) rc = bl_scan_run(n->scan, text, len, 0, &err);
  if (rc) {
    pthread_mutex_unlock(&n->mu);
    char msg[200];
    snprintf(msg, sizeof msg, "bilan_number: byte %zu: %s", err.at.start, err.msg);
    if (rc == BL_NOMEM)
      sqlite3_result_error_nomem(ctx);
    else
      sqlite3_result_error(ctx, msg, -1);
    return;
  }
  bl_buf_reset(&n->out);
  int brc = bl_buf_addc(&n->out, '[');
  for (size_t i = 0; i < bl_scan_count(n->scan); i++) {
    if (i) brc |= bl_buf_addc(&n->out, ',');
    brc |= quantity_json(&n->out, text, bl_scan_get(n->scan, i));
  }
  brc |= bl_buf_addc(&n->out, ']');
  if (brc)
    sqlite3_result_error_nomem(ctx);
  else
    sqlite3_result_text(ctx, n->out.ptr, (int)n->out.len, SQLITE_TRANSIENT);
  pthread_mutex_unlock(&n->mu);
  sqlite3_result_subtype(ctx, 'J'); /* JSON, for the json1 functions */
}

/* -------------------------------------------------------- bilan_claims */

enum {
  COL_SPAN_START, COL_SPAN_END, COL_TEXT, COL_VALUE, COL_LO, COL_HI, COL_QUALIFIER, COL_HEDGE,
  COL_UNIT, COL_CATEGORY, COL_GRP, COL_SUBJECT, COL_SOURCE, COL_CHANNEL, COL_NEGATED,
  COL_OF_START, COL_CUMULATIVE, COL_STATUS, COL_SENTENCE_START, COL_SENTENCE_END, COL_INPUT
};

static const char claims_schema[] =
    "CREATE TABLE x(span_start INTEGER, span_end INTEGER, text TEXT, value REAL, lo REAL, "
    "hi REAL, qualifier TEXT, hedge TEXT, unit TEXT, category TEXT, grp TEXT, subject TEXT, "
    "source TEXT, channel TEXT, negated INTEGER, of_start INTEGER, cumulative INTEGER, "
    "status TEXT, sentence_start INTEGER, sentence_end INTEGER, input HIDDEN)";

typedef struct cvtab {
  sqlite3_vtab base;
} cvtab;

typedef struct ccursor {
  sqlite3_vtab_cursor base;
  bl_doc *doc;  /* owned */
  char *input;  /* owned copy of the text the claims point into */
  size_t len;
  size_t row, n;
} ccursor;

static int c_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                     sqlite3_vtab **out, char **err) {
  (void)aux;
  (void)argc;
  (void)argv;
  (void)err;
  int rc = sqlite3_declare_vtab(db, claims_schema);
  if (rc != SQLITE_OK) return rc;
  cvtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *out = &v->base;
  return SQLITE_OK;
}

static int c_disconnect(sqlite3_vtab *v) {
  sqlite3_free(v);
  return SQLITE_OK;
}

/* The text argument is required: bilan_claims(text). */
static int c_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
  (void)v;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn != COL_INPUT || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->estimatedCost = 10;
    info->estimatedRows = 10;
    return SQLITE_OK;
  }
  v->zErrMsg = sqlite3_mprintf("bilan_claims needs a text: SELECT * FROM bilan_claims('...')");
  return SQLITE_ERROR;
}

static int c_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out) {
  (void)v;
  ccursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int c_close(sqlite3_vtab_cursor *cur) {
  ccursor *c = (ccursor *)cur;
  bl_doc_free(c->doc);
  sqlite3_free(c->input);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int c_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
                    sqlite3_value **argv) {
  (void)idx;
  (void)idxstr;
  ccursor *c = (ccursor *)cur;
  c->row = c->n = 0;
  if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  const unsigned char *t = sqlite3_value_text(argv[0]);
  int len = sqlite3_value_bytes(argv[0]);
  if (!t) return SQLITE_NOMEM;
  sqlite3_free(c->input);
  c->input = sqlite3_malloc(len + 1);
  if (!c->input) return SQLITE_NOMEM;
  memcpy(c->input, t, (size_t)len + 1);
  c->len = (size_t)len;
  const bl_grammar *g = shared_grammar();
  bl_error err;
  memset(&err, 0, sizeof err);
  if (!g) {
    cur->pVtab->zErrMsg = sqlite3_mprintf("bilan: grammar: %s", grammar_err.msg);
    return SQLITE_ERROR;
  }
  if (!c->doc && !(c->doc = bl_doc_new(g, &err))) return SQLITE_NOMEM;
  int rc = bl_doc_run(c->doc, c->input, c->len, 0, &err);
  if (rc == BL_NOMEM) return SQLITE_NOMEM;
  if (rc) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf("bilan_claims: byte %zu: %s", err.at.start, err.msg);
    return SQLITE_ERROR;
  }
  c->n = bl_doc_claim_count(c->doc);
  return SQLITE_OK;
}

static int c_next(sqlite3_vtab_cursor *cur) {
  ((ccursor *)cur)->row++;
  return SQLITE_OK;
}

static int c_eof(sqlite3_vtab_cursor *cur) {
  ccursor *c = (ccursor *)cur;
  return c->row >= c->n;
}

static void result_str(sqlite3_context *ctx, bl_str s) {
  if (s.ptr)
    sqlite3_result_text(ctx, s.ptr, (int)s.len, SQLITE_TRANSIENT);
  else
    sqlite3_result_null(ctx);
}

static void result_cstr(sqlite3_context *ctx, const char *s) {
  if (s)
    sqlite3_result_text(ctx, s, -1, SQLITE_STATIC);
  else
    sqlite3_result_null(ctx);
}

static void result_num(sqlite3_context *ctx, double v) {
  if (isnan(v) || isinf(v))
    sqlite3_result_null(ctx);
  else
    sqlite3_result_double(ctx, v);
}

static int c_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  ccursor *c = (ccursor *)cur;
  const bl_claim *k = bl_doc_claim(c->doc, c->row);
  const bl_quantity *q = &k->q;
  switch (col) {
  case COL_SPAN_START: sqlite3_result_int64(ctx, (sqlite3_int64)q->span.start); break;
  case COL_SPAN_END: sqlite3_result_int64(ctx, (sqlite3_int64)q->span.end); break;
  case COL_TEXT:
    sqlite3_result_text(ctx, c->input + q->span.start, (int)(q->span.end - q->span.start),
                        SQLITE_TRANSIENT);
    break;
  case COL_VALUE: result_num(ctx, q->value); break;
  case COL_LO: result_num(ctx, q->lo); break;
  case COL_HI: result_num(ctx, q->hi); break;
  case COL_QUALIFIER: result_cstr(ctx, bl_qualifier_name(q->qualifier)); break;
  case COL_HEDGE:
    if (q->hedge.end > q->hedge.start && q->hedge.end <= c->len)
      sqlite3_result_text(ctx, c->input + q->hedge.start, (int)(q->hedge.end - q->hedge.start),
                          SQLITE_TRANSIENT);
    else
      sqlite3_result_null(ctx);
    break;
  case COL_UNIT: result_str(ctx, k->unit); break;
  case COL_CATEGORY: result_cstr(ctx, bl_category_name(k->category)); break;
  case COL_GRP: result_cstr(ctx, bl_group_name(k->group)); break;
  case COL_SUBJECT: result_str(ctx, k->subject); break;
  case COL_SOURCE: result_str(ctx, k->source); break;
  case COL_CHANNEL: result_str(ctx, k->channel); break;
  case COL_NEGATED: sqlite3_result_int(ctx, k->negated ? 1 : 0); break;
  case COL_OF_START:
    if (k->of >= 0 && (size_t)k->of < c->n)
      sqlite3_result_int64(ctx, (sqlite3_int64)bl_doc_claim(c->doc, (size_t)k->of)->q.span.start);
    else
      sqlite3_result_null(ctx);
    break;
  case COL_CUMULATIVE:
    if (k->cumulative >= 0)
      sqlite3_result_int(ctx, k->cumulative);
    else
      sqlite3_result_null(ctx);
    break;
  case COL_STATUS: result_cstr(ctx, bl_status_name(k->status)); break;
  case COL_SENTENCE_START: sqlite3_result_int64(ctx, (sqlite3_int64)k->sentence.start); break;
  case COL_SENTENCE_END: sqlite3_result_int64(ctx, (sqlite3_int64)k->sentence.end); break;
  default: sqlite3_result_text(ctx, c->input, (int)c->len, SQLITE_TRANSIENT); break;
  }
  return SQLITE_OK;
}

static int c_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((ccursor *)cur)->row + 1;
  return SQLITE_OK;
}

static const sqlite3_module claims_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: bilan_claims(text) */
    .xConnect = c_connect,
    .xBestIndex = c_best_index,
    .xDisconnect = c_disconnect,
    .xDestroy = c_disconnect,
    .xOpen = c_open,
    .xClose = c_close,
    .xFilter = c_filter,
    .xNext = c_next,
    .xEof = c_eof,
    .xColumn = c_column,
    .xRowid = c_rowid,
};

/* ---------------------------------------------------------- entry point */

BL_API int sqlite3_bilan_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api);

BL_API int sqlite3_bilan_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  numctx *n = sqlite3_malloc(sizeof *n);
  if (!n) return SQLITE_NOMEM;
  memset(n, 0, sizeof *n);
  pthread_mutex_init(&n->mu, NULL);
  bl_buf_init(&n->out);
  int rc = sqlite3_create_function_v2(db, "bilan_number", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, n,
                                      bilan_number, NULL, NULL, numctx_free);
  if (rc == SQLITE_OK) rc = sqlite3_create_module(db, "bilan_claims", &claims_module, NULL);
  if (rc != SQLITE_OK && errmsg) *errmsg = sqlite3_mprintf("bilan: cannot register functions");
  return rc;
}
