/*
 * report.h — layer 8: `bilan report`, one self-contained HTML page of the
 * database (docs/report.md).  For each event: a timeline chart per toll
 * (category, group), the conflicts, and every claim with its provenance.
 *
 *   report_data.c  what the page shows, read from the store with SQL
 *   report_fmt.c   text for the page: HTML escaping, numbers, intervals, dates
 *   report_svg.c   one toll's timeline as an SVG chart
 *   report_html.c  the page: sections, legends, conflict lists, claim tables
 *
 * Not installed: the CLI (cli_report.c) uses it through bilan_internal.
 */
#ifndef BL_REPORT_H
#define BL_REPORT_H

#include "store.h"

#include <stdlib.h>

/* qsort, for arrays that may be empty (and NULL). */
static inline void bl_rp_sort(void *base, size_t n, size_t size,
                              int (*cmp)(const void *, const void *)) {
  if (n > 1) qsort(base, n, size, cmp);
}

/* ------------------------------------------------------- report_data.c */

/* One article of the page.  Strings are owned by the bl_rp (NULL = null). */
typedef struct bl_rp_article {
  int64_t id;
  const char *url, *path, *title, *outlet, *published, *event;
  int outlet_ix;     /* index into bl_rp.outlets, -1 when the outlet is unknown */
  int64_t origin_id; /* the dispatch it copies, 0 for an original */
} bl_rp_article;

enum { BL_RP_COUNT = 0, BL_RP_PERCENT, BL_RP_MONEY }; /* claims.unit_kind */

/* One claim with what the page needs about it. */
typedef struct bl_rp_claim {
  int64_t id;
  size_t article; /* index into bl_rp.articles */
  const char *event, *category, *grp, *unit_key, *date, *text, *hedge, *unit, *subject, *source,
      *channel, *status, *voice;
  const char *sentence; /* the claim's sentence (bytes as stored) */
  size_t sentence_len;
  size_t mark_start, mark_end; /* the figure inside `sentence` (mark_end 0: none) */
  double value, lo, hi;        /* NAN when null */
  bl_qualifier qualifier;
  int32_t day;    /* event_day, BL_NO_DAY when undated */
  int unit_kind;  /* BL_RP_COUNT... */
  int cumulative; /* 1, 0, -1 = null */
  bool negated, sub_count;
  bool compared; /* its category is compared (categories.compared) */
  bool headline; /* as in the `tolls` view: can stand for the toll */
  bool charted;  /* drawn on its toll's chart */
  long series;   /* index into bl_rp.series, -1 for other categories */
  size_t voice_group; /* the claims of one series with one voice share it */
  size_t report;      /* ... and of one day and one interval: one report */
  long conflict;      /* the first conflict it reports, or -1 */
} bl_rp_claim;

/* A disagreement (one row of the `conflicts` view). */
typedef struct bl_rp_conflict {
  bool revised_down; /* kind revised_down, else conflict */
  size_t a, b;       /* claim indices: a earlier */
  long reports;      /* articles repeating the pair */
  size_t series;     /* index into bl_rp.series */
} bl_rp_conflict;    /* anchor "conflict-<index + 1>" */

/*
 * One toll key of an event: (category, group), and for categories compared
 * only within one counted noun (categories.same_unit) also that noun's key.
 * claims[first .. first + n) in date order; a chart when ncharted > 0.
 */
typedef struct bl_rp_series {
  size_t event;                                 /* index into bl_rp.events */
  const char *category, *grp, *unit_key, *unit; /* unit: a spelling of unit_key */
  size_t first, n, ncharted;
  size_t nconflicts, nrevisions; /* rows of the `conflicts` view, by kind */
  size_t nvoices;                 /* voice groups among its figures */
} bl_rp_series;

typedef struct bl_rp_event {
  const char *key;
  size_t article_first, narticles; /* bl_rp.articles range */
  size_t series_first, nseries;    /* bl_rp.series range */
  size_t other_first, nother;      /* claims of categories that are not compared */
  size_t nclaims;
  size_t conflict_first, nconflicts; /* bl_rp.conflicts range */
  int32_t day_min, day_max;          /* charted claims' days (BL_NO_DAY when none) */
  int32_t pub_min, pub_max;          /* articles' publication days */
  size_t noutlets;
} bl_rp_event;

typedef struct bl_rp {
  struct bl_rp_block *arena; /* owned: every string of the structures below */
  bl_rp_article *articles;   /* owned, by event then publication */
  size_t narticles;
  bl_rp_claim *claims; /* owned, by event, series, date */
  size_t nclaims;
  bl_rp_series *series; /* owned */
  size_t nseries;
  bl_rp_event *events; /* owned; most recent first */
  size_t nevents;
  bl_rp_conflict *conflicts; /* owned, by event and series */
  size_t nconflicts;
  const char **outlets; /* owned array, arena strings; colour order */
  size_t noutlets;
  /* The conflicts of each report (bl_rp_claim.report): those of report g
   * are by_report[report_first[g] .. report_first[g + 1]). */
  size_t *report_first, *by_report; /* owned */
  size_t nreports;
  double about_tolerance;  /* settings.about_tolerance */
  const char *grammar;     /* meta.grammar, or NULL */
  const char *last_ingest; /* latest articles.ingested_at, or NULL */
} bl_rp;

void bl_rp_init(bl_rp *r);
void bl_rp_clear(bl_rp *r);
/*
 * Read what the page shows from the database `db`: every event, or only
 * `event` when not NULL.  Returns BL_OK, BL_DB (err names the statement),
 * BL_NOMEM; BL_USAGE when `event` names no event of the database.
 */
int bl_rp_load(bl_rp *r, sqlite3 *db, const char *event, bl_error *err);
/* One voice, as the comparison has it (db/views.sql): the same key, or one
 * key the other's first words ("s:garde cotes", "s:garde cotes sevanais"). */
bool bl_rp_same_voice(const char *a, const char *b);
/* Claim i of r is one of the reports of conflict k: one of its two claims,
 * or a drawn figure with the same interval from the same voice on the same
 * day, as the `conflicts` view counts its `reports`. */
bool bl_rp_in_conflict(const bl_rp *r, size_t k, size_t i);
/* The conflicts claim i may belong to, in order (test each with
 * bl_rp_in_conflict): *n of them, borrowed from r. */
const size_t *bl_rp_conflicts_near(const bl_rp *r, size_t i, size_t *n);

/* What a page shows of a very large database: the conflicts of an event
 * beyond the first BL_RP_LIST_MAX are counted, not listed (`bilan conflicts`
 * lists them all); a chart draws at most BL_RP_LINES_MAX conflict lines; a
 * claim row names at most BL_RP_TAGS_MAX of its conflicts. */
#define BL_RP_LIST_MAX 500
#define BL_RP_LINES_MAX 300
#define BL_RP_TAGS_MAX 4

/* Conflict k has its entry on the page. */
static inline bool bl_rp_listed(const bl_rp *r, size_t k) {
  return k - r->events[r->series[r->conflicts[k].series].event].conflict_first < BL_RP_LIST_MAX;
}

/* -------------------------------------------------------- report_fmt.c */

/* Escaped text for HTML content and attribute values (& < > " '). */
int bl_html_esc(bl_buf *b, const char *s, size_t n);
int bl_html_escs(bl_buf *b, const char *s); /* NULL writes nothing */
/* An id fragment: [A-Za-z0-9_-] kept, any other byte as ".xx" (hex). */
int bl_html_id(bl_buf *b, const char *s);
/* A figure with its digits grouped by a thin space: 3211 → "3 211", 2.5 → "2,5". */
int bl_rp_num(bl_buf *b, double v);
/* A claim's interval in mathematical notation, as HTML: "= 41", "≈ 50",
 * "&gt; 400", "≥ 12", "&lt; 10", "≤ 10", "150–200", "200–999". */
int bl_rp_interval(bl_buf *b, const bl_rp_claim *c);
/* "12 Oct" (English month abbreviations) of a day number. */
int bl_rp_day_short(bl_buf *b, int32_t day);
/* A category and group for people: "killed", "injured · children". */
int bl_rp_series_title(bl_buf *b, const bl_rp_series *s);

/* -------------------------------------------------------- report_svg.c */

/* Colour of outlet `ix` (-1: unknown outlet): "#1f77b4"... */
const char *bl_rp_colour(int ix);
/* Append the SVG timeline of series `s` (ncharted > 0) to b.  Markers link to
 * "#claim-<id>", conflict lines to their entries. */
int bl_rp_svg(bl_buf *b, const bl_rp *r, const bl_rp_series *s);
/* The key of the markers (what an exact, an about, a range... look like). */
int bl_rp_svg_key(bl_buf *b);

/* ------------------------------------------------------- report_html.c */

/* What the page says about where it came from. */
typedef struct bl_report_info {
  const char *db_name; /* as the user named it; shown in the title */
  const char *event;   /* --event, or NULL */
} bl_report_info;

/*
 * The whole page of the database into `out` (appended).  Returns BL_OK,
 * BL_DB, BL_NOMEM, or BL_USAGE when info->event names no event.
 */
int bl_report_html(bl_buf *out, sqlite3 *db, const bl_report_info *info, bl_error *err);

#endif
