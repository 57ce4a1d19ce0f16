/*
 * report_data.c — layer 8: what `bilan report` shows, read from the store
 * (report.h).  Three statements (articles, claims, the `conflicts` view)
 * fill flat arrays; the claims are then sorted by event, toll key and date
 * so that each event, each toll (a chart and its table) and each event's
 * conflicts are contiguous ranges.  Every string lives in one arena freed
 * with the bl_rp.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>

/* ----------------------------------------------------------------- arena */

struct bl_rp_block {
  struct bl_rp_block *next;
  size_t used, cap;
  char data[];
};

#define BLOCK_SIZE ((size_t)64 << 10)

/* A NUL-terminated copy of s[0..n) that lives as long as r; NULL for a NULL
 * s (a null column) and on BL_NOMEM (*oom set). */
static const char *keep(bl_rp *r, const char *s, size_t n, bool *oom) {
  if (!s) return NULL;
  struct bl_rp_block *b = r->arena;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > BLOCK_SIZE ? n + 1 : BLOCK_SIZE;
    b = bl_malloc(sizeof *b + cap);
    if (!b) {
      *oom = true;
      return NULL;
    }
    b->used = 0;
    b->cap = cap;
    /* A block made for one big string goes behind the current one, which
     * keeps its free space. */
    if (r->arena && cap > BLOCK_SIZE) {
      b->next = r->arena->next;
      r->arena->next = b;
    } else {
      b->next = r->arena;
      r->arena = b;
    }
  }
  char *p = b->data + b->used;
  memcpy(p, s, n);
  p[n] = '\0';
  b->used += n + 1;
  return p;
}

static const char *col_text(bl_rp *r, sqlite3_stmt *st, int i, bool *oom) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return keep(r, (const char *)t, (size_t)sqlite3_column_bytes(st, i), oom);
}

static double col_num(sqlite3_stmt *st, int i) {
  return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

void bl_rp_init(bl_rp *r) {
  memset(r, 0, sizeof *r);
}

void bl_rp_clear(bl_rp *r) {
  for (struct bl_rp_block *b = r->arena, *next; b; b = next) {
    next = b->next;
    bl_free(b);
  }
  bl_free(r->articles);
  bl_free(r->claims);
  bl_free(r->series);
  bl_free(r->events);
  bl_free(r->conflicts);
  bl_free((void *)r->outlets);
  bl_free(r->report_first);
  bl_free(r->by_report);
  bl_rp_init(r);
}

/* ---------------------------------------------------------------- loading */

static int prepare(sqlite3 *db, const char *sql, const char *event, sqlite3_stmt **st,
                   bl_error *err) {
  if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
    return bl_store_fail(db, err, "report: preparing a statement");
  if (event && sqlite3_bind_text(*st, 1, event, -1, SQLITE_STATIC) != SQLITE_OK) {
    sqlite3_finalize(*st);
    *st = NULL;
    return bl_store_fail(db, err, "report: binding the event");
  }
  return BL_OK;
}

/* Step st; returns SQLITE_ROW, SQLITE_DONE, or fails err and returns 0. */
static int step(sqlite3 *db, sqlite3_stmt *st, bl_error *err, int *rc) {
  int s = sqlite3_step(st);
  if (s == SQLITE_ROW || s == SQLITE_DONE) return s;
  *rc = bl_store_fail(db, err, "report: reading the database");
  return 0;
}

static const char articles_sql[] =
    "SELECT id, url, path, title, outlet, published, event, coalesce(origin_id, 0),"
    " published_day FROM articles WHERE ?1 IS NULL OR event = ?1"
    " ORDER BY event, published_day IS NULL, published_day, id";

static int load_articles(bl_rp *r, sqlite3 *db, const char *event, int32_t **pub, bl_error *err) {
  sqlite3_stmt *st;
  int rc = prepare(db, articles_sql, event, &st, err);
  if (rc) return rc;
  size_t cap = 0, pcap = 0;
  bool oom = false;
  while (!rc && step(db, st, err, &rc) == SQLITE_ROW) {
    if (bl_grow((void **)&r->articles, &cap, r->narticles + 1, sizeof *r->articles) ||
        bl_grow((void **)pub, &pcap, r->narticles + 1, sizeof **pub)) {
      rc = bl_fail(err, BL_NOMEM, "out of memory");
      break;
    }
    bl_rp_article *a = &r->articles[r->narticles];
    a->id = sqlite3_column_int64(st, 0);
    a->url = col_text(r, st, 1, &oom);
    a->path = col_text(r, st, 2, &oom);
    a->title = col_text(r, st, 3, &oom);
    a->outlet = col_text(r, st, 4, &oom);
    a->published = col_text(r, st, 5, &oom);
    a->event = col_text(r, st, 6, &oom);
    a->origin_id = sqlite3_column_int64(st, 7);
    a->outlet_ix = -1;
    (*pub)[r->narticles] =
        sqlite3_column_type(st, 8) == SQLITE_NULL ? BL_NO_DAY : (int32_t)sqlite3_column_int(st, 8);
    r->narticles++;
    if (oom || !a->event) rc = bl_fail(err, BL_NOMEM, "out of memory");
  }
  sqlite3_finalize(st);
  return rc;
}

static const char claims_sql[] =
    "SELECT c.id, c.article_id, c.event, c.category, c.grp, c.unit_key, c.unit_kind,"
    " coalesce(k.compared, 0), coalesce(k.same_unit, 0), c.event_day, c.event_date,"
    " c.value, c.lo, c.hi, c.qualifier, c.hedge, c.text, c.unit, c.subject, c.source,"
    " c.channel, c.status, c.negated, c.cumulative,"
    " (c.parent_id IS NOT NULL OR c.of_start IS NOT NULL),"
    " c.span_start - c.sentence_start, c.span_end - c.sentence_start,"
    " substr(CAST(a.body AS BLOB), c.sentence_start + 1, c.sentence_end - c.sentence_start),"
    " c.voice"
    " FROM claims c JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN categories k ON k.name = c.category"
    " WHERE ?1 IS NULL OR c.event = ?1 ORDER BY c.id";

static bl_qualifier qualifier_of(const char *s) {
  for (int q = BL_EXACT; q <= BL_VAGUE; q++)
    if (s && !strcmp(s, bl_qualifier_name((bl_qualifier)q))) return (bl_qualifier)q;
  return BL_EXACT;
}

/* Row ids to array indices: (id, index) pairs sorted by id, searched with
 * bsearch. */
typedef struct id_ix {
  int64_t id;
  size_t ix;
} id_ix;

static int cmp_id_ix(const void *x, const void *y) {
  const id_ix *a = x, *b = y;
  return (a->id > b->id) - (a->id < b->id);
}

static long find_id(const id_ix *v, size_t n, int64_t id) {
  if (!n) return -1;
  id_ix key = {id, 0};
  const id_ix *f = bsearch(&key, v, n, sizeof *v, cmp_id_ix);
  return f ? (long)f->ix : -1;
}

/* Categories compared within one counted noun (categories.same_unit) keep
 * their unit key in the toll key; the others do not. */
static int load_claims(bl_rp *r, sqlite3 *db, const char *event, bool **same_unit, bl_error *err) {
  id_ix *arts = bl_malloc((r->narticles ? r->narticles : 1) * sizeof *arts);
  if (!arts) return bl_fail(err, BL_NOMEM, "out of memory");
  for (size_t i = 0; i < r->narticles; i++) arts[i] = (id_ix){r->articles[i].id, i};
  bl_rp_sort(arts, r->narticles, sizeof *arts, cmp_id_ix);
  sqlite3_stmt *st;
  int rc = prepare(db, claims_sql, event, &st, err);
  size_t cap = 0, scap = 0;
  bool oom = false;
  while (!rc && step(db, st, err, &rc) == SQLITE_ROW) {
    if (bl_grow((void **)&r->claims, &cap, r->nclaims + 1, sizeof *r->claims) ||
        bl_grow((void **)same_unit, &scap, r->nclaims + 1, sizeof **same_unit)) {
      rc = bl_fail(err, BL_NOMEM, "out of memory");
      break;
    }
    bl_rp_claim *c = &r->claims[r->nclaims];
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(st, 0);
    long art = find_id(arts, r->narticles, sqlite3_column_int64(st, 1));
    if (art < 0) {
      rc = bl_fail(err, BL_INTERNAL, "report: claim %lld has no article", (long long)c->id);
      break;
    }
    c->article = (size_t)art;
    c->event = r->articles[art].event;
    c->category = col_text(r, st, 3, &oom);
    c->grp = col_text(r, st, 4, &oom);
    c->unit_key = col_text(r, st, 5, &oom);
    const char *kind = (const char *)sqlite3_column_text(st, 6);
    c->unit_kind = kind && !strcmp(kind, "percent") ? BL_RP_PERCENT
                   : kind && !strcmp(kind, "money") ? BL_RP_MONEY
                                                    : BL_RP_COUNT;
    c->compared = sqlite3_column_int(st, 7) != 0;
    (*same_unit)[r->nclaims] = sqlite3_column_int(st, 8) != 0;
    c->day =
        sqlite3_column_type(st, 9) == SQLITE_NULL ? BL_NO_DAY : (int32_t)sqlite3_column_int(st, 9);
    c->date = col_text(r, st, 10, &oom);
    c->value = col_num(st, 11);
    c->lo = col_num(st, 12);
    c->hi = col_num(st, 13);
    c->qualifier = qualifier_of((const char *)sqlite3_column_text(st, 14));
    c->hedge = col_text(r, st, 15, &oom);
    c->text = col_text(r, st, 16, &oom);
    c->unit = col_text(r, st, 17, &oom);
    c->subject = col_text(r, st, 18, &oom);
    c->source = col_text(r, st, 19, &oom);
    c->channel = col_text(r, st, 20, &oom);
    c->status = col_text(r, st, 21, &oom);
    c->negated = sqlite3_column_int(st, 22) != 0;
    c->cumulative =
        sqlite3_column_type(st, 23) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 23) != 0;
    c->sub_count = sqlite3_column_int(st, 24) != 0;
    int64_t ms = sqlite3_column_int64(st, 25), me = sqlite3_column_int64(st, 26);
    const void *sent = sqlite3_column_blob(st, 27);
    c->sentence_len = (size_t)sqlite3_column_bytes(st, 27);
    c->sentence = keep(r, sent ? sent : "", c->sentence_len, &oom);
    if (ms >= 0 && me > ms && (uint64_t)me <= c->sentence_len) {
      c->mark_start = (size_t)ms;
      c->mark_end = (size_t)me;
    }
    c->voice = col_text(r, st, 28, &oom);
    /* The `tolls` view's headline figure: not a sub-count, not a zero claim
     * or denial, not a delta. */
    c->headline = c->compared && !c->sub_count && !c->negated && c->cumulative != 0;
    c->charted = c->headline && c->unit_kind == BL_RP_COUNT && c->day != BL_NO_DAY &&
                 (isfinite(c->lo) || isfinite(c->hi));
    c->series = -1;
    c->conflict = -1;
    r->nclaims++;
    if (oom || !c->category || !c->text) rc = bl_fail(err, BL_NOMEM, "out of memory");
  }
  sqlite3_finalize(st);
  bl_free(arts);
  return rc;
}

/* ---------------------------------------------------------------- sorting */

/* Toll keys in the order of SPEC §5: killed first, groups after the
 * toll without a group. */
static int cat_rank(const char *c) {
  int k = bl_category_from_name(c);
  return k < 0 ? BL_CAT_COUNT_ : k;
}

static int grp_rank(const char *g) {
  if (!g) return -1;
  int k = bl_group_from_name(g);
  return k < 0 ? BL_GROUP_COUNT_ : k;
}

static int cmp_str(const char *a, const char *b) {
  if (!a || !b) return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

typedef struct sort_item {
  bl_rp_claim c;
  const char *unit_group; /* unit_key for same_unit categories, else NULL */
} sort_item;

static int cmp_claim(const void *x, const void *y) {
  const sort_item *p = x, *q = y;
  const bl_rp_claim *a = &p->c, *b = &q->c;
  int d = strcmp(a->event, b->event);
  if (d) return d;
  if (a->compared != b->compared) return a->compared ? -1 : 1;
  if (a->compared) {
    if ((d = cat_rank(a->category) - cat_rank(b->category))) return d;
    if ((d = strcmp(a->category, b->category))) return d;
    if ((d = grp_rank(a->grp) - grp_rank(b->grp))) return d;
    if ((d = cmp_str(a->grp, b->grp))) return d;
    if ((d = cmp_str(p->unit_group, q->unit_group))) return d;
  }
  if (a->day != b->day) {
    if (a->day == BL_NO_DAY) return 1;
    if (b->day == BL_NO_DAY) return -1;
    return a->day < b->day ? -1 : 1;
  }
  return (a->id > b->id) - (a->id < b->id);
}

static bool same_key(const sort_item *a, const sort_item *b) {
  return !strcmp(a->c.event, b->c.event) && a->c.compared && b->c.compared &&
         !strcmp(a->c.category, b->c.category) && !cmp_str(a->c.grp, b->c.grp) &&
         !cmp_str(a->unit_group, b->unit_group);
}

/* Sort the claims and cut them into series.  Returns BL_OK or BL_NOMEM. */
static int build_series(bl_rp *r, const bool *same_unit, bl_error *err) {
  sort_item *v = bl_malloc((r->nclaims ? r->nclaims : 1) * sizeof *v);
  if (!v) return bl_fail(err, BL_NOMEM, "out of memory");
  for (size_t i = 0; i < r->nclaims; i++) {
    v[i].c = r->claims[i];
    v[i].unit_group = same_unit && same_unit[i] ? r->claims[i].unit_key : NULL;
  }
  bl_rp_sort(v, r->nclaims, sizeof *v, cmp_claim);
  size_t cap = 0;
  int rc = BL_OK;
  for (size_t i = 0; i < r->nclaims; i++) {
    r->claims[i] = v[i].c;
    bl_rp_claim *c = &r->claims[i];
    if (!c->compared) continue;
    if (i == 0 || !same_key(&v[i - 1], &v[i]) || !r->nseries) {
      if (bl_grow((void **)&r->series, &cap, r->nseries + 1, sizeof *r->series)) {
        rc = bl_fail(err, BL_NOMEM, "out of memory");
        break;
      }
      bl_rp_series *s = &r->series[r->nseries++];
      memset(s, 0, sizeof *s);
      s->category = c->category;
      s->grp = c->grp;
      s->unit_key = v[i].unit_group;
      s->first = i;
    }
    bl_rp_series *s = &r->series[r->nseries - 1];
    if (!s->unit && s->unit_key) s->unit = c->unit;
    s->n++;
    c->series = (long)(r->nseries - 1);
    if (c->charted) s->ncharted++;
  }
  bl_free(v);
  return rc;
}

/* ------------------------------------------------------ voices, reports */

/* Claim indices sorted by the field a comparator looks at (qsort has no
 * context argument: the claims are reached through a file-scope pointer,
 * set for the duration of one sort). */
static const bl_rp_claim *sorting;

static int cmp_voice(const void *x, const void *y) {
  const char *a = sorting[*(const size_t *)x].voice, *b = sorting[*(const size_t *)y].voice;
  return cmp_str(a, b);
}

static int cmp_bound(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(b) - isnan(a);
  return (a > b) - (a < b);
}

static int cmp_report(const void *x, const void *y) {
  const bl_rp_claim *a = &sorting[*(const size_t *)x], *b = &sorting[*(const size_t *)y];
  if (a->series != b->series) return a->series < b->series ? -1 : 1;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  if (a->voice_group != b->voice_group) return a->voice_group < b->voice_group ? -1 : 1;
  int d = cmp_bound(a->lo, b->lo);
  return d ? d : cmp_bound(a->hi, b->hi);
}

/* The index in voices[0..n) (sorted) of the string s[0..len), or -1. */
static long find_voice(const bl_rp_claim *c, const size_t *voices, size_t n, const char *s,
                       size_t len) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *v = c[voices[mid]].voice;
    int d = strncmp(v, s, len);
    if (!d) d = v[len] ? 1 : 0;
    if (d < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < n) {
    const char *v = c[voices[lo]].voice;
    if (!strncmp(v, s, len) && !v[len]) return (long)lo;
  }
  return -1;
}

/*
 * Voice groups: within a series, a voice joins the group of the shortest
 * voice that is its first words (bl_rp_same_voice), found by looking up each
 * of its word prefixes among the series' voices.  Then reports: the claims
 * of one series, day, voice group and interval.  Both are numbered across
 * the whole page.
 */
static int group_claims(bl_rp *r, bl_error *err) {
  size_t *idx = bl_malloc((r->nclaims ? r->nclaims : 1) * sizeof *idx);
  size_t *uniq = bl_malloc((r->nclaims ? r->nclaims : 1) * sizeof *uniq);
  size_t *group = bl_malloc((r->nclaims ? r->nclaims : 1) * sizeof *group);
  if (!idx || !uniq || !group) {
    bl_free(idx);
    bl_free(uniq);
    bl_free(group);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  sorting = r->claims;
  size_t next_group = 0;
  for (size_t si = 0; si < r->nseries; si++) {
    bl_rp_series *s = &r->series[si];
    for (size_t k = 0; k < s->n; k++) idx[k] = s->first + k;
    bl_rp_sort(idx, s->n, sizeof *idx, cmp_voice);
    size_t nu = 0;
    for (size_t k = 0; k < s->n; k++)
      if (!nu || cmp_str(r->claims[uniq[nu - 1]].voice, r->claims[idx[k]].voice)) uniq[nu++] = idx[k];
    /* Each distinct voice: its shortest word prefix that is a voice too. */
    size_t first_group = next_group;
    for (size_t u = 0; u < nu; u++) {
      const char *v = r->claims[uniq[u]].voice;
      long canon = (long)u;
      for (size_t len = 0; v && v[len]; len++) {
        if (v[len] != ' ') continue;
        long f = find_voice(r->claims, uniq, nu, v, len);
        if (f >= 0) {
          canon = f;
          break;
        }
      }
      group[u] = canon == (long)u ? next_group++ : group[canon];
    }
    s->nvoices = next_group - first_group;
    for (size_t k = 0, u = 0; k < s->n; k++) {
      while (cmp_str(r->claims[uniq[u]].voice, r->claims[idx[k]].voice)) u++;
      r->claims[idx[k]].voice_group = group[u];
    }
  }
  /* Reports; claims outside a series are each their own. */
  size_t n = 0;
  for (size_t i = 0; i < r->nclaims; i++)
    if (r->claims[i].series >= 0) idx[n++] = i;
    else r->claims[i].voice_group = next_group++;
  bl_rp_sort(idx, n, sizeof *idx, cmp_report);
  size_t next_report = 0;
  for (size_t k = 0; k < n; k++) {
    if (k && cmp_report(&idx[k - 1], &idx[k])) next_report++;
    r->claims[idx[k]].report = next_report;
  }
  if (n) next_report++;
  for (size_t i = 0; i < r->nclaims; i++)
    if (r->claims[i].series < 0) r->claims[i].report = next_report++;
  r->nreports = next_report;
  sorting = NULL;
  bl_free(idx);
  bl_free(uniq);
  bl_free(group);
  return BL_OK;
}

/* ----------------------------------------------------------------- events */

static int cmp_event(const void *x, const void *y) {
  const bl_rp_event *a = x, *b = y;
  if (a->pub_max != b->pub_max) return a->pub_max > b->pub_max ? -1 : 1;
  return strcmp(a->key, b->key);
}

static int build_events(bl_rp *r, const int32_t *pub, bl_error *err) {
  size_t cap = 0, ci = 0, si = 0;
  for (size_t i = 0; i < r->narticles;) {
    if (bl_grow((void **)&r->events, &cap, r->nevents + 1, sizeof *r->events))
      return bl_fail(err, BL_NOMEM, "out of memory");
    bl_rp_event *e = &r->events[r->nevents++];
    memset(e, 0, sizeof *e);
    e->key = r->articles[i].event;
    e->article_first = i;
    e->pub_min = e->pub_max = e->day_min = e->day_max = BL_NO_DAY;
    for (; i < r->narticles && !strcmp(r->articles[i].event, e->key); i++) {
      e->narticles++;
      int32_t day = pub ? pub[i] : BL_NO_DAY;
      if (day == BL_NO_DAY) continue;
      if (e->pub_min == BL_NO_DAY || day < e->pub_min) e->pub_min = day;
      if (e->pub_max == BL_NO_DAY || day > e->pub_max) e->pub_max = day;
    }
    /* Claims and series of the event follow in the same key order. */
    e->series_first = si;
    while (si < r->nseries && !strcmp(r->claims[r->series[si].first].event, e->key)) {
      r->series[si].event = r->nevents - 1;
      si++;
      e->nseries++;
    }
    size_t first = ci;
    while (ci < r->nclaims && !strcmp(r->claims[ci].event, e->key)) {
      const bl_rp_claim *c = &r->claims[ci];
      if (!c->compared && !e->nother) e->other_first = ci;
      if (!c->compared) e->nother++;
      if (c->charted) {
        if (e->day_min == BL_NO_DAY || c->day < e->day_min) e->day_min = c->day;
        if (e->day_max == BL_NO_DAY || c->day > e->day_max) e->day_max = c->day;
      }
      ci++;
    }
    e->nclaims = ci - first;
  }
  if (ci != r->nclaims || si != r->nseries)
    return bl_fail(err, BL_INTERNAL, "report: claims out of event order");
  return BL_OK;
}

/* Outlets in the order the page meets them (recent events first), so that
 * the first event gets the first colours; the same outlet keeps its colour
 * across events. */
typedef struct outlet_pos {
  const char *name;
  size_t pos;
  size_t article;
} outlet_pos;

static int cmp_outlet_name(const void *x, const void *y) {
  const outlet_pos *a = x, *b = y;
  int d = strcmp(a->name, b->name);
  return d ? d : (a->pos > b->pos) - (a->pos < b->pos);
}

static int cmp_outlet_pos(const void *x, const void *y) {
  const outlet_pos *a = x, *b = y;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

static int assign_outlets(bl_rp *r, bl_error *err) {
  outlet_pos *v = bl_malloc((r->narticles ? r->narticles : 1) * sizeof *v);
  if (!v) return bl_fail(err, BL_NOMEM, "out of memory");
  size_t n = 0, pos = 0;
  for (size_t e = 0; e < r->nevents; e++)
    for (size_t i = 0; i < r->events[e].narticles; i++, pos++) {
      size_t a = r->events[e].article_first + i;
      if (r->articles[a].outlet) v[n++] = (outlet_pos){r->articles[a].outlet, pos, a};
    }
  bl_rp_sort(v, n, sizeof *v, cmp_outlet_name);
  /* Each name's first position, then the names in that order. */
  size_t u = 0;
  for (size_t i = 0; i < n; i++)
    if (!u || strcmp(v[u - 1].name, v[i].name)) v[u++] = v[i];
  bl_rp_sort(v, u, sizeof *v, cmp_outlet_pos);
  r->outlets = bl_malloc((u ? u : 1) * sizeof *r->outlets);
  if (!r->outlets) {
    bl_free(v);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < u; i++) r->outlets[i] = v[i].name;
  r->noutlets = u;
  /* Each article's index: names sorted again with their colour index. */
  for (size_t i = 0; i < u; i++) v[i].pos = i;
  bl_rp_sort(v, u, sizeof *v, cmp_outlet_name);
  for (size_t a = 0; a < r->narticles; a++) {
    if (!r->articles[a].outlet) continue;
    outlet_pos key = {r->articles[a].outlet, 0, 0};
    size_t lo = 0, hi = u;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (strcmp(v[mid].name, key.name) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < u && !strcmp(v[lo].name, key.name)) r->articles[a].outlet_ix = (int)v[lo].pos;
  }
  /* Outlets per event. */
  for (size_t e = 0; e < r->nevents; e++) {
    bl_rp_event *ev = &r->events[e];
    size_t k = 0;
    for (size_t i = 0; i < ev->narticles; i++) {
      const bl_rp_article *a = &r->articles[ev->article_first + i];
      if (a->outlet_ix < 0) continue;
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
        seen = r->articles[ev->article_first + j].outlet_ix == a->outlet_ix;
      if (!seen) k++;
    }
    ev->noutlets = k;
  }
  bl_free(v);
  return BL_OK;
}

/* -------------------------------------------------------------- conflicts */

bool bl_rp_same_voice(const char *a, const char *b) {
  if (!a || !b) return a == b;
  size_t na = strlen(a), nb = strlen(b);
  if (na > nb) {
    const char *t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
  }
  return !strncmp(a, b, na) && (nb == na || b[na] == ' ');
}

bool bl_rp_in_conflict(const bl_rp *r, size_t k, size_t i) {
  const bl_rp_conflict *cf = &r->conflicts[k];
  if (i == cf->a || i == cf->b) return true;
  const bl_rp_claim *c = &r->claims[i];
  return c->charted &&
         (c->report == r->claims[cf->a].report || c->report == r->claims[cf->b].report);
}

const size_t *bl_rp_conflicts_near(const bl_rp *r, size_t i, size_t *n) {
  size_t g = r->claims[i].report;
  if (!r->report_first || g >= r->nreports) {
    *n = 0;
    return NULL;
  }
  *n = r->report_first[g + 1] - r->report_first[g];
  return r->by_report + r->report_first[g];
}

static const char conflicts_sql[] =
    "SELECT kind, a_claim, b_claim, reports FROM conflicts WHERE ?1 IS NULL OR event = ?1";

static int cmp_conflict(const void *x, const void *y) {
  const bl_rp_conflict *a = x, *b = y;
  if (a->series != b->series) return a->series < b->series ? -1 : 1;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

static int load_conflicts(bl_rp *r, sqlite3 *db, const char *event, bl_error *err) {
  id_ix *ids = bl_malloc((r->nclaims ? r->nclaims : 1) * sizeof *ids);
  if (!ids) return bl_fail(err, BL_NOMEM, "out of memory");
  for (size_t i = 0; i < r->nclaims; i++) ids[i] = (id_ix){r->claims[i].id, i};
  bl_rp_sort(ids, r->nclaims, sizeof *ids, cmp_id_ix);
  sqlite3_stmt *st;
  int rc = prepare(db, conflicts_sql, event, &st, err);
  size_t cap = 0;
  while (!rc && step(db, st, err, &rc) == SQLITE_ROW) {
    long a = find_id(ids, r->nclaims, sqlite3_column_int64(st, 1));
    long b = find_id(ids, r->nclaims, sqlite3_column_int64(st, 2));
    if (a < 0 || b < 0 || r->claims[a].series < 0) continue; /* not a compared claim */
    if (bl_grow((void **)&r->conflicts, &cap, r->nconflicts + 1, sizeof *r->conflicts)) {
      rc = bl_fail(err, BL_NOMEM, "out of memory");
      break;
    }
    bl_rp_conflict *k = &r->conflicts[r->nconflicts++];
    const char *kind = (const char *)sqlite3_column_text(st, 0);
    k->revised_down = kind && !strcmp(kind, "revised_down");
    k->a = (size_t)a;
    k->b = (size_t)b;
    k->reports = (long)sqlite3_column_int64(st, 3);
    k->series = (size_t)r->claims[a].series;
  }
  sqlite3_finalize(st);
  bl_free(ids);
  if (rc) return rc;
  bl_rp_sort(r->conflicts, r->nconflicts, sizeof *r->conflicts, cmp_conflict);
  /* Each report's conflicts, in conflict order (counting, then filling). */
  r->report_first = bl_calloc(r->nreports + 2, sizeof *r->report_first);
  r->by_report = bl_malloc((2 * r->nconflicts + 1) * sizeof *r->by_report);
  if (!r->report_first || !r->by_report) return bl_fail(err, BL_NOMEM, "out of memory");
  for (size_t i = 0; i < r->nconflicts; i++) {
    size_t ga = r->claims[r->conflicts[i].a].report, gb = r->claims[r->conflicts[i].b].report;
    r->report_first[ga + 2]++;
    if (gb != ga) r->report_first[gb + 2]++;
  }
  for (size_t g = 2; g < r->nreports + 2; g++) r->report_first[g] += r->report_first[g - 1];
  for (size_t i = 0; i < r->nconflicts; i++) {
    bl_rp_conflict *k = &r->conflicts[i];
    size_t ga = r->claims[k->a].report, gb = r->claims[k->b].report;
    r->by_report[r->report_first[ga + 1]++] = i;
    if (gb != ga) r->by_report[r->report_first[gb + 1]++] = i;
    bl_rp_series *s = &r->series[k->series];
    bl_rp_event *e = &r->events[s->event];
    if (!e->nconflicts) e->conflict_first = i;
    e->nconflicts++;
    if (k->revised_down) s->nrevisions++;
    else s->nconflicts++;
  }
  /* Now report_first[g] is where report g's list starts. */
  for (size_t i = 0; i < r->nclaims; i++) {
    size_t n;
    const size_t *near = bl_rp_conflicts_near(r, i, &n);
    for (size_t j = 0; j < n && r->claims[i].conflict < 0; j++)
      if (bl_rp_in_conflict(r, near[j], i)) r->claims[i].conflict = (long)near[j];
  }
  return BL_OK;
}

/* ------------------------------------------------------------------- misc */

static int load_misc(bl_rp *r, sqlite3 *db, bl_error *err) {
  static const char sql[] = "SELECT (SELECT value FROM settings WHERE key = 'about_tolerance'),"
                            " (SELECT value FROM meta WHERE key = 'grammar'),"
                            " (SELECT max(ingested_at) FROM articles)";
  sqlite3_stmt *st;
  int rc = prepare(db, sql, NULL, &st, err);
  if (rc) return rc;
  bool oom = false;
  if (step(db, st, err, &rc) == SQLITE_ROW) {
    r->about_tolerance =
        sqlite3_column_type(st, 0) == SQLITE_NULL ? 0.10 : sqlite3_column_double(st, 0);
    r->grammar = col_text(r, st, 1, &oom);
    r->last_ingest = col_text(r, st, 2, &oom);
  }
  sqlite3_finalize(st);
  if (!rc && oom) rc = bl_fail(err, BL_NOMEM, "out of memory");
  return rc;
}

int bl_rp_load(bl_rp *r, sqlite3 *db, const char *event, bl_error *err) {
  bl_rp_clear(r);
  int32_t *pub = NULL;
  bool *same_unit = NULL;
  int rc = load_misc(r, db, err);
  if (!rc) rc = load_articles(r, db, event, &pub, err);
  if (!rc && event && !r->narticles)
    rc = bl_fail(err, BL_USAGE, "no event '%s' in the database", event);
  if (!rc) rc = load_claims(r, db, event, &same_unit, err);
  if (!rc) rc = build_series(r, same_unit, err);
  if (!rc) rc = group_claims(r, err);
  if (!rc) rc = build_events(r, pub, err);
  if (!rc) rc = load_conflicts(r, db, event, err);
  /* Most recent event first; series and conflicts keep their indices. */
  if (!rc) {
    bl_rp_sort(r->events, r->nevents, sizeof *r->events, cmp_event);
    for (size_t e = 0; e < r->nevents; e++)
      for (size_t i = 0; i < r->events[e].nseries; i++)
        r->series[r->events[e].series_first + i].event = e;
    rc = assign_outlets(r, err);
  }
  bl_free(pub);
  bl_free(same_unit);
  if (rc) bl_rp_clear(r);
  return rc;
}
