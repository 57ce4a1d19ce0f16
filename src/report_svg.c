/*
 * report_svg.c — layer 8: one toll's timeline as an SVG chart (report.h).
 *
 * x is the date (one band a day, the same days for every chart of an
 * event), y the figure (linear from 0, or logarithmic when the figures span
 * two decades or more).  Colour says the outlet; the mark says what the
 * wording allows (SPEC §4):
 *
 *   exact        filled dot at the value
 *   about        diamond, over a pale bar of the comparison's tolerance
 *   range        vertical bar from lo to hi with caps
 *   vague        the same bar, dashed ("des centaines": [200, 999])
 *   at_least     filled dot at lo with an open-ended arrow up;
 *   more_than    the dot hollow: the bound itself is excluded
 *   at_most      filled dot at hi with an arrow down; less_than hollow
 *
 * Figures of one day are spread across the day's band; a grey line joins
 * the successive figures of one voice (source) and the voice's last figure
 * is labelled in the right margin.  A conflict is a red dashed line between
 * its two figures, both ringed; a revision down a grey dotted one.  Each
 * mark links to its row of the claims table, each line to its conflict.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>

#define CW 900.0       /* chart width */
#define CH 290.0       /* chart height */
#define CH_SMALL 200.0 /* for one or two figures */
#define MAX_DAYS 31    /* longer spans: only the days with figures, in order */
#define ML 70.0        /* left margin: figures */
#define MR 200.0       /* right margin: voice labels */
#define MT 26.0        /* top margin: room for arrows */
#define MB 42.0        /* bottom margin: dates */
#define ARROW 22.0
#define LABEL_CHARS 31 /* characters of an 11 px label in the right margin */
#define CONFLICT_RED "#d62728"

/* Colour-blind-safe first (Okabe-Ito without red, kept for conflicts),
 * then darker tones. */
static const char *const palette[] = {"#0072b2", "#e69f00", "#009e73", "#cc79a7",
                                      "#56b4e9", "#7a5195", "#8c6d31", "#3f7f3f",
                                      "#b07aa1", "#1b3a6b", "#bcbd22", "#17becf"};

const char *bl_rp_colour(int ix) {
  if (ix < 0) return "#888888";
  return palette[(size_t)ix % BL_ARRAY_LEN(palette)];
}

/* ------------------------------------------------------------------ scale */

typedef struct scale {
  bool log;
  double d0, d1;      /* domain; log10 of it when log */
  double top, bottom; /* pixels */
} scale;

static double ypix(const scale *s, double v) {
  double t;
  if (s->log) {
    double lv = v > 0 ? log10(v) : s->d0;
    t = (lv - s->d0) / (s->d1 - s->d0);
  } else {
    t = (v - s->d0) / (s->d1 - s->d0);
  }
  if (t < -0.02) t = -0.02;
  if (t > 1.08) t = 1.08;
  return s->bottom - t * (s->bottom - s->top);
}

static double nice_step(double span, int target) {
  double raw = span / target;
  double mag = pow(10, floor(log10(raw)));
  double f = raw / mag;
  double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  return step < 1 ? 1 : step; /* counts */
}

/* ----------------------------------------------------------------- points */

typedef struct pt {
  size_t ci; /* claim index */
  const bl_rp_claim *c;
  int colour;      /* outlet index */
  double x, y;     /* anchor: where lines meet the mark */
  double ylo, yhi; /* bar (range, vague, about's tolerance) */
  bool shown;      /* false for a repeat of the same figure in one article */
  size_t dup;      /* for a repeat: the point it repeats */
} pt;

static int cmp_pt(const void *x, const void *y) {
  const pt *a = x, *b = y;
  if (a->c->day != b->c->day) return a->c->day < b->c->day ? -1 : 1;
  if (a->colour != b->colour) return a->colour < b->colour ? -1 : 1;
  return (a->c->id > b->c->id) - (a->c->id < b->c->id);
}

static bool same_figure(const bl_rp_claim *a, const bl_rp_claim *b) {
  /* NAN never equals itself: compare "both null" explicitly. */
#define EQ(f) ((isnan(a->f) && isnan(b->f)) || a->f == b->f)
  return a->article == b->article && a->qualifier == b->qualifier && EQ(value) && EQ(lo) &&
         EQ(hi) && !strcmp(a->voice ? a->voice : "", b->voice ? b->voice : "");
#undef EQ
}

static double mid_of(const scale *s, double lo, double hi) {
  if (s->log && lo > 0 && hi > 0) return sqrt(lo * hi);
  return (lo + hi) / 2;
}

/* The anchor and bar of p's claim on scale s. */
static void place(pt *p, const scale *s, double tol) {
  const bl_rp_claim *c = p->c;
  double v = isfinite(c->value) ? c->value : isfinite(c->lo) ? c->lo : c->hi;
  switch (c->qualifier) {
  case BL_MORE_THAN:
  case BL_AT_LEAST:
    v = isfinite(c->lo) ? c->lo : v;
    break;
  case BL_LESS_THAN:
  case BL_AT_MOST:
    v = isfinite(c->hi) ? c->hi : v;
    break;
  case BL_RANGE:
  case BL_VAGUE:
    if (isfinite(c->lo) && isfinite(c->hi)) v = mid_of(s, c->lo, c->hi);
    break;
  default:
    break;
  }
  p->y = ypix(s, v);
  p->ylo = p->yhi = p->y;
  if ((c->qualifier == BL_RANGE || c->qualifier == BL_VAGUE) && isfinite(c->lo) &&
      isfinite(c->hi)) {
    p->ylo = ypix(s, c->lo);
    p->yhi = ypix(s, c->hi);
  } else if (c->qualifier == BL_ABOUT) {
    p->ylo = ypix(s, v * (1 - tol));
    p->yhi = ypix(s, v * (1 + tol));
  }
}

/* ---------------------------------------------------------------- drawing */

static int tooltip(bl_buf *b, const bl_rp *r, const bl_rp_claim *c) {
  const bl_rp_article *a = &r->articles[c->article];
  int rc = bl_buf_adds(b, "<title>");
  rc |= bl_html_escs(b, c->date);
  rc |= bl_buf_adds(b, " · ");
  rc |= bl_html_escs(b, a->outlet ? a->outlet : "unknown outlet");
  rc |= bl_buf_adds(b, " · ");
  rc |= bl_html_escs(b, c->source ? c->source : "no source named");
  rc |= bl_buf_adds(b, ": “");
  rc |= bl_html_escs(b, c->text);
  rc |= bl_buf_adds(b, "” (");
  rc |= bl_rp_interval(b, c);
  if (c->status) rc |= bl_buf_adds(b, ", ") | bl_html_escs(b, c->status);
  rc |= bl_buf_adds(b, ")</title>");
  return rc ? BL_NOMEM : BL_OK;
}

static int dot(bl_buf *b, double x, double y, const char *col, bool hollow) {
  return bl_buf_printf(b,
                       "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"%s\" "
                       "stroke-width=\"%s\"/>",
                       x, y, hollow ? "#fff" : col, hollow ? col : "#fff", hollow ? "2" : "1.2");
}

static int arrow(bl_buf *b, double x, double y, int dir, const char *col) {
  double tip = y + dir * ARROW;
  return bl_buf_printf(b,
                       "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fL%.1f %.1fL%.1f %.1f\" fill=\"none\" "
                       "stroke=\"%s\" stroke-width=\"2\" stroke-linecap=\"round\" "
                       "stroke-linejoin=\"round\"/>",
                       x, y + dir * 5, tip, x - 5, tip - dir * 6, x, tip, x + 5, tip - dir * 6,
                       col);
}

/* The mark of one figure (see the file comment). */
static int mark(bl_buf *b, const pt *p) {
  const char *col = bl_rp_colour(p->colour);
  double x = p->x, y = p->y;
  switch (p->c->qualifier) {
  case BL_EXACT:
    return dot(b, x, y, col, false);
  case BL_ABOUT:
    return bl_buf_printf(b,
                         "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"%.1f\" fill=\"%s\" "
                         "opacity=\"0.25\"/><path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"%s\" "
                         "stroke=\"#fff\" stroke-width=\"1.2\"/>",
                         x - 3, p->yhi, p->ylo - p->yhi, col, x, y - 6, col);
  case BL_MORE_THAN:
  case BL_AT_LEAST:
    return arrow(b, x, y, -1, col) | dot(b, x, y, col, p->c->qualifier == BL_MORE_THAN);
  case BL_LESS_THAN:
  case BL_AT_MOST:
    return arrow(b, x, y, 1, col) | dot(b, x, y, col, p->c->qualifier == BL_LESS_THAN);
  case BL_RANGE:
  case BL_VAGUE:
    return bl_buf_printf(b,
                         "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fh10M%.1f %.1fh10\" stroke=\"%s\" "
                         "stroke-width=\"3\" fill=\"none\"%s/>",
                         x, p->ylo, p->yhi, x - 5, p->ylo, x - 5, p->yhi, col,
                         p->c->qualifier == BL_VAGUE ? " stroke-dasharray=\"4 3\"" : "");
  }
  return BL_OK;
}

/*
 * The days of an event's charts, one band each: every day from the first
 * figure to the last, or, when that spans more than MAX_DAYS, only the days
 * that have figures (in order; a gap between bands is then marked).
 */
typedef struct frame {
  int32_t *days; /* owned; sorted */
  int ndays;
  double band; /* pixels a day */
  double left, right;
} frame;

static int band_of(const frame *f, int32_t day) {
  int lo = 0, hi = f->ndays - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (f->days[mid] < day)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static double day_x(const frame *f, int32_t day) {
  return f->left + ((double)band_of(f, day) + 0.5) * f->band;
}

static int cmp_day(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

static int frame_init(frame *f, const bl_rp *r, const bl_rp_event *e) {
  memset(f, 0, sizeof *f);
  f->left = ML;
  f->right = CW - MR;
  int32_t span = e->day_max - e->day_min + 1;
  if (span <= MAX_DAYS) {
    f->days = bl_malloc((size_t)span * sizeof *f->days);
    if (!f->days) return BL_NOMEM;
    for (int32_t i = 0; i < span; i++) f->days[i] = e->day_min + i;
    f->ndays = span;
  } else {
    size_t n = 0, cap = 0;
    for (size_t s = e->series_first; s < e->series_first + e->nseries; s++)
      for (size_t i = r->series[s].first; i < r->series[s].first + r->series[s].n; i++)
        if (r->claims[i].charted) {
          if (bl_grow((void **)&f->days, &cap, n + 1, sizeof *f->days)) return BL_NOMEM;
          f->days[n++] = r->claims[i].day;
        }
    bl_rp_sort(f->days, n, sizeof *f->days, cmp_day);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
      if (!u || f->days[u - 1] != f->days[i]) f->days[u++] = f->days[i];
    f->ndays = (int)u;
  }
  f->band = (f->right - f->left) / f->ndays;
  return BL_OK;
}

static int axes(bl_buf *b, const frame *f, const scale *s) {
  int rc = BL_OK;
  /* Alternate day bands, so that the figures of one day read as a column. */
  for (int i = 0; i < f->ndays; i++)
    if (i % 2)
      rc |= bl_buf_printf(b,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                          "fill=\"#f4f5f7\"/>",
                          f->left + i * f->band, s->top, f->band, s->bottom - s->top);
  /* y ticks and grid. */
  double ticks[64];
  int nt = 0;
  if (s->log) {
    for (int k = (int)s->d0; k <= (int)s->d1 && nt < 60; k++) {
      ticks[nt++] = pow(10, k);
      if (s->d1 - s->d0 <= 3 && k < (int)s->d1) {
        ticks[nt++] = 2 * pow(10, k);
        ticks[nt++] = 5 * pow(10, k);
      }
    }
  } else {
    double step = nice_step(s->d1 - s->d0, 5);
    for (double v = s->d0; v <= s->d1 + step / 2 && nt < 60; v += step) ticks[nt++] = v;
  }
  for (int i = 0; i < nt; i++) {
    double y = ypix(s, ticks[i]);
    rc |= bl_buf_printf(b,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">",
                        f->left, f->right, y, y, ticks[i] == 0 ? "#999" : "#e1e3e8", f->left - 8,
                        y + 4);
    rc |= bl_rp_num(b, ticks[i]);
    rc |= bl_buf_adds(b, "</text>");
  }
  if (s->log)
    rc |= bl_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">log scale</text>",
                        f->left - ML + 4, s->top - 12);
  /* Dates: every day when they fit, else every k-th; a gap in the days is
   * marked with a break on the axis. */
  int every = f->ndays <= 12 ? 1 : (f->ndays + 11) / 12;
  for (int i = 1; i < f->ndays; i++)
    if (f->days[i] != f->days[i - 1] + 1)
      rc |= bl_buf_printf(b,
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                          "class=\"tick\">⋯</text>",
                          f->left + i * f->band, s->bottom + 4);
  for (int i = 0; i < f->ndays; i += every) {
    double x = f->left + (i + 0.5) * f->band;
    rc |= bl_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"tick\">", x,
                        s->bottom + 16);
    rc |= bl_rp_day_short(b, f->days[i]);
    rc |= bl_buf_adds(b, "</text>");
    char iso[11], prev[11];
    bl_day_format(f->days[i], iso);
    if (i) bl_day_format(f->days[i - every], prev);
    if (i == 0 || memcmp(iso, prev, 4)) {
      rc |= bl_buf_printf(b,
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                          "class=\"tick year\">%.4s</text>",
                          x, s->bottom + 30, iso);
    }
  }
  rc |= bl_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>",
                      f->left, f->left, s->top, s->bottom);
  return rc ? BL_NOMEM : BL_OK;
}

/* A voice's last figure, labelled in the right margin. */
typedef struct label {
  const pt *p;
  double y;
  size_t npts;
} label;

static int cmp_label(const void *x, const void *y) {
  const label *a = x, *b = y;
  return (a->p->y > b->p->y) - (a->p->y < b->p->y);
}

static int cmp_label_weight(const void *x, const void *y) {
  const label *a = x, *b = y;
  if (a->npts != b->npts) return a->npts > b->npts ? -1 : 1;
  return cmp_label(x, y);
}

/* Characters shown for HTML text: an entity ("&gt;") is one. */
static size_t text_chars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '&') {
      while (i < n && s[i] != ';') i++;
      k++;
    } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
      k++;
    }
  }
  return k;
}

/* Append at most `max` UTF-8 characters of s, "…" when cut. */
static int clipped(bl_buf *b, const char *s, size_t max) {
  size_t n = 0, i = 0;
  for (; s[i] && n < max; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
  if (!s[i]) return bl_html_esc(b, s, i);
  /* cut at the last character boundary before max */
  size_t cut = i;
  while (cut > 0 && ((unsigned char)s[cut - 1] & 0xC0) == 0x80) cut--;
  if (cut > 0) cut--;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
  while (cut > 0 && s[cut - 1] == ' ') cut--;
  return bl_html_esc(b, s, cut) | bl_buf_adds(b, "…");
}

/* A shown point in voice order. */
typedef struct vpt {
  size_t group;
  int32_t day;
  int64_t id;
  const pt *p;
} vpt;

static int cmp_vpt(const void *x, const void *y) {
  const vpt *a = x, *b = y;
  if (a->group != b->group) return a->group < b->group ? -1 : 1;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Grey lines joining each voice's figures day after day (the last stored
 * figure of each day), and the labels of the voices' last figures. */
static int voices(bl_buf *b, const bl_rp *r, pt *pts, size_t n, const frame *f, const scale *s) {
  vpt *v = bl_malloc((n ? n : 1) * sizeof *v);
  label *labels = bl_malloc((n ? n : 1) * sizeof *labels);
  if (!v || !labels) {
    bl_free(v);
    bl_free(labels);
    return BL_NOMEM;
  }
  size_t nv = 0, nl = 0;
  for (size_t i = 0; i < n; i++)
    if (pts[i].shown) v[nv++] = (vpt){pts[i].c->voice_group, pts[i].c->day, pts[i].c->id, &pts[i]};
  bl_rp_sort(v, nv, sizeof *v, cmp_vpt);
  int rc = BL_OK;
  for (size_t i = 0; i < nv;) {
    size_t j = i;
    while (j < nv && v[j].group == v[i].group) j++;
    const pt *last = NULL;
    size_t nseg = 0;
    for (size_t k = i; k < j; k++) {
      if (k + 1 < j && v[k + 1].day == v[k].day) continue; /* not the day's last */
      if (last) {
        rc |= bl_buf_printf(b, "%s%.1f %.1f", nseg ? "L" : "<path class=\"voice\" d=\"M", last->x,
                            last->y);
        nseg++;
      }
      last = v[k].p;
    }
    if (nseg) rc |= bl_buf_printf(b, "L%.1f %.1f\"/>", last->x, last->y);
    /* Only named sources get a label: "o:" and "a:" voices are outlets. */
    const char *voice = last ? last->c->voice : NULL;
    if (voice && !strncmp(voice, "s:", 2) && last->c->source)
      labels[nl++] = (label){last, 0, j - i};
    i = j;
  }
  /* Labels: the busiest voices when they do not all fit, spread 13 px apart. */
  size_t fit = (size_t)((s->bottom - s->top + 24) / 13);
  if (nl > fit) {
    bl_rp_sort(labels, nl, sizeof *labels, cmp_label_weight);
    nl = fit;
  }
  bl_rp_sort(labels, nl, sizeof *labels, cmp_label);
  double prev = -1e9;
  for (size_t i = 0; i < nl; i++) {
    double y = labels[i].p->y + 4;
    if (y < prev + 13) y = prev + 13;
    labels[i].y = prev = y;
  }
  /* Pushed off the bottom: shift the stack up. */
  double over = nl ? labels[nl - 1].y - (s->bottom + 20) : 0;
  for (size_t i = 0; over > 0 && i < nl; i++) labels[i].y -= over;
  for (size_t i = 0; i < nl; i++) {
    const pt *p = labels[i].p;
    rc |= bl_buf_printf(b,
                        "<path class=\"leader\" d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1f\"/>"
                        "<text x=\"%.1f\" y=\"%.1f\" class=\"voice-label\">",
                        p->x + 7, p->y, f->right + 2, labels[i].y - 4, f->right + 8,
                        labels[i].y - 4, f->right + 10, labels[i].y);
    /* The margin holds about LABEL_CHARS characters: the figure first, the
     * source cut to what is left. */
    size_t at = b->len;
    rc |= bl_rp_interval(b, p->c);
    size_t fig = text_chars(b->ptr + at, b->len - at);
    b->len = at;
    rc |= clipped(b, p->c->source, fig + 8 < LABEL_CHARS ? LABEL_CHARS - fig - 1 : 7);
    rc |= bl_buf_adds(b, " <tspan class=\"fig\">");
    rc |= bl_rp_interval(b, p->c);
    rc |= bl_buf_adds(b, "</tspan></text>");
  }
  BL_UNUSED(r);
  bl_free(v);
  bl_free(labels);
  return rc ? BL_NOMEM : BL_OK;
}

/* A red ring around every mark that reports one side of a conflict (the
 * same figure from the same voice that day, in any outlet). */
static int rings(bl_buf *b, const bl_rp *r, const pt *pts, size_t n) {
  int rc = BL_OK;
  for (size_t i = 0; i < n; i++) {
    if (!pts[i].shown) continue;
    size_t nn;
    const size_t *near = bl_rp_conflicts_near(r, pts[i].ci, &nn);
    for (size_t j = 0; j < nn; j++) {
      if (r->conflicts[near[j]].revised_down || !bl_rp_in_conflict(r, near[j], pts[i].ci))
        continue;
      rc |= bl_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" class=\"ring\"/>",
                          pts[i].x, pts[i].y);
      break;
    }
  }
  return rc ? BL_NOMEM : BL_OK;
}

/* Conflict and revision lines between the two claims of each, under the
 * marks. */
static int conflicts(bl_buf *b, const bl_rp *r, const bl_rp_series *s, const pt *pts, size_t n) {
  const bl_rp_event *e = &r->events[s->event];
  /* Claim index -> its point (claims of a series are contiguous). */
  size_t *at = bl_malloc((s->n ? s->n : 1) * sizeof *at);
  if (!at) return BL_NOMEM;
  for (size_t i = 0; i < s->n; i++) at[i] = SIZE_MAX;
  for (size_t i = 0; i < n; i++) at[pts[i].ci - s->first] = i;
  int rc = BL_OK;
  size_t drawn = 0;
  for (size_t k = e->conflict_first;
       k < e->conflict_first + e->nconflicts && drawn < BL_RP_LINES_MAX; k++) {
    const bl_rp_conflict *cf = &r->conflicts[k];
    if (&r->series[cf->series] != s || !bl_rp_listed(r, k)) continue;
    if (at[cf->a - s->first] == SIZE_MAX || at[cf->b - s->first] == SIZE_MAX) continue;
    const pt *a = &pts[at[cf->a - s->first]], *z = &pts[at[cf->b - s->first]];
    drawn++;
    rc |= bl_buf_printf(b, "<a href=\"#conflict-%zu\" class=\"%s\"><title>", k + 1,
                        cf->revised_down ? "revision" : "conflict");
    rc |= bl_buf_adds(b, cf->revised_down ? "Revised down: " : "Conflict: ");
    rc |= bl_html_escs(b, a->c->source ? a->c->source : "?");
    rc |= bl_buf_adds(b, " “") | bl_html_escs(b, a->c->text) | bl_buf_adds(b, "” ");
    rc |= bl_buf_adds(b, cf->revised_down ? "→ " : "vs ");
    rc |= bl_html_escs(b, z->c->source ? z->c->source : "?");
    rc |= bl_buf_adds(b, " “") | bl_html_escs(b, z->c->text) | bl_buf_adds(b, "”</title>");
    /* A wide transparent stroke under the visible one: easier to hover. */
    rc |= bl_buf_printf(b,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"hit\"/>"
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></a>",
                        a->x, a->y, z->x, z->y, a->x, a->y, z->x, z->y);
  }
  bl_free(at);
  return rc ? BL_NOMEM : BL_OK;
}

static int build_scale(scale *sc, const pt *pts, size_t n, double tol, double height) {
  double lo = INFINITY, hi = 0;
  bool up = false;
  for (size_t i = 0; i < n; i++) {
    const bl_rp_claim *c = pts[i].c;
    double v[3] = {c->value, c->lo, c->hi};
    for (int k = 0; k < 3; k++) {
      if (!isfinite(v[k])) continue;
      double t = c->qualifier == BL_ABOUT ? v[k] * (1 + tol) : v[k];
      if (t > hi) hi = t;
      if (v[k] > 0 && v[k] < lo) lo = v[k];
    }
    up |= c->qualifier == BL_MORE_THAN || c->qualifier == BL_AT_LEAST;
  }
  sc->top = MT;
  sc->bottom = height - MB;
  sc->log = isfinite(lo) && hi / lo >= 100;
  if (sc->log) {
    sc->d0 = floor(log10(lo));
    sc->d1 = ceil(log10(hi * (up ? 1.6 : 1.15)));
    if (sc->d1 <= sc->d0) sc->d1 = sc->d0 + 1;
  } else {
    double top = hi > 0 ? hi * (up ? 1.2 : 1.08) : 1;
    double step = nice_step(top, 5);
    sc->d0 = 0;
    sc->d1 = ceil(top / step) * step;
  }
  return BL_OK;
}

int bl_rp_svg(bl_buf *b, const bl_rp *r, const bl_rp_series *s) {
  const bl_rp_event *e = &r->events[s->event];
  pt *pts = bl_malloc((s->ncharted ? s->ncharted : 1) * sizeof *pts);
  if (!pts) return BL_NOMEM;
  size_t n = 0;
  for (size_t i = s->first; i < s->first + s->n; i++) {
    const bl_rp_claim *c = &r->claims[i];
    if (!c->charted) continue;
    pts[n++] = (pt){i, c, r->articles[c->article].outlet_ix, 0, 0, 0, 0, true, 0};
  }
  bl_rp_sort(pts, n, sizeof *pts, cmp_pt);
  /* One mark for a figure an article repeats. */
  size_t nshown = 0;
  for (size_t i = 0, run = 0; i < n; i++) {
    /* Repeats share day and outlet: look back within that run only. */
    if (pts[i].c->day != pts[run].c->day || pts[i].colour != pts[run].colour) run = i;
    for (size_t j = run; j < i && pts[i].shown; j++)
      if (pts[j].shown && same_figure(pts[j].c, pts[i].c)) {
        pts[i].shown = false;
        pts[i].dup = j;
      }
    nshown += pts[i].shown;
  }
  double height = nshown <= 2 ? CH_SMALL : CH;
  scale sc;
  build_scale(&sc, pts, n, r->about_tolerance, height);
  frame f;
  if (frame_init(&f, r, e)) {
    bl_free(pts);
    return BL_NOMEM;
  }
  /* Spread each day's marks across the middle of its band. */
  for (size_t i = 0; i < n;) {
    size_t j = i, k = 0;
    while (j < n && pts[j].c->day == pts[i].c->day) k += pts[j++].shown;
    double gap = k > 1 ? fmin(18, f.band * 0.7 / (double)(k - 1)) : 0;
    double x = day_x(&f, pts[i].c->day) - gap * (double)(k ? k - 1 : 0) / 2;
    for (; i < j; i++) {
      place(&pts[i], &sc, r->about_tolerance);
      pts[i].x = x;
      if (pts[i].shown) x += gap;
    }
  }
  /* A repeat sits where its first mention is drawn. */
  for (size_t i = 0; i < n; i++)
    if (!pts[i].shown) {
      pts[i].x = pts[pts[i].dup].x;
      pts[i].y = pts[pts[i].dup].y;
    }
  int rc = bl_buf_printf(b,
                         "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                         "height=\"%.0f\" role=\"img\" data-event=\"",
                         CW, height, CW, height);
  rc |= bl_html_escs(b, e->key);
  rc |= bl_buf_adds(b, "\" data-category=\"") | bl_html_escs(b, s->category);
  rc |= bl_buf_adds(b, "\" data-group=\"") | bl_html_escs(b, s->grp);
  rc |= bl_buf_adds(b, "\" data-unit=\"") | bl_html_escs(b, s->unit_key);
  rc |= bl_buf_adds(b, "\" aria-label=\"") | bl_rp_series_title(b, s);
  rc |= bl_buf_adds(b, ": figures by outlet and date\">");
  rc |= axes(b, &f, &sc);
  rc |= voices(b, r, pts, n, &f, &sc);
  rc |= conflicts(b, r, s, pts, n);
  for (size_t i = 0; i < n; i++) {
    if (!pts[i].shown) continue;
    rc |= bl_buf_printf(b, "<a href=\"#claim-%lld\">", (long long)pts[i].c->id);
    rc |= tooltip(b, r, pts[i].c);
    rc |= mark(b, &pts[i]);
    rc |= bl_buf_adds(b, "</a>");
  }
  rc |= rings(b, r, pts, n);
  rc |= bl_buf_adds(b, "</svg>");
  bl_free(f.days);
  bl_free(pts);
  return rc ? BL_NOMEM : BL_OK;
}

int bl_rp_svg_key(bl_buf *b) {
  static const struct {
    bl_qualifier q;
    const char *what;
  } items[] = {{BL_EXACT, "exact"},
               {BL_ABOUT, "about (“environ”, “une centaine”)"},
               {BL_RANGE, "range (“entre 150 et 200”)"},
               {BL_VAGUE, "vague (“des centaines”)"},
               {BL_AT_LEAST, "at least (“au moins”)"},
               {BL_MORE_THAN, "more than (“plus de”)"},
               {BL_AT_MOST, "at most (“jusqu’à”)"},
               {BL_LESS_THAN, "less than (“moins de”)"}};
  int rc = bl_buf_adds(b, "<svg class=\"key\" viewBox=\"0 0 900 96\" width=\"900\" height=\"96\" "
                          "role=\"img\" aria-label=\"What the marks mean\">");
  for (size_t i = 0; i < BL_ARRAY_LEN(items); i++) {
    /* Four to a row. */
    double x = 14 + (double)(i % 4) * 222, y = i < 4 ? 18 : 48;
    bl_rp_claim c;
    memset(&c, 0, sizeof c);
    c.qualifier = items[i].q;
    pt p = {0, &c, -1, x, y, y - 9, y + 9, true, 0};
    if (c.qualifier == BL_ABOUT) {
      p.ylo = y + 8;
      p.yhi = y - 8;
    }
    if (c.qualifier == BL_RANGE || c.qualifier == BL_VAGUE) {
      p.ylo = y + 10;
      p.yhi = y - 10;
    }
    if (c.qualifier == BL_AT_LEAST || c.qualifier == BL_MORE_THAN) p.y = y + 8;
    if (c.qualifier == BL_AT_MOST || c.qualifier == BL_LESS_THAN) p.y = y - 8;
    rc |= mark(b, &p);
    rc |= bl_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%s</text>", x + 16, y + 4,
                        items[i].what);
  }
  /* The lines: one source over time, a conflict, a revision down. */
  rc |=
      bl_buf_adds(b, "<path class=\"voice\" d=\"M8 86L40 76\"/>"
                     "<circle cx=\"8\" cy=\"86\" r=\"4\" fill=\"#888\"/>"
                     "<circle cx=\"40\" cy=\"76\" r=\"4\" fill=\"#888\"/>"
                     "<text x=\"52\" y=\"84\" class=\"tick\">one source, day after day</text>"
                     "<g class=\"conflict\"><line x1=\"230\" y1=\"88\" x2=\"258\" y2=\"72\"/></g>"
                     "<circle cx=\"230\" cy=\"88\" r=\"4\" fill=\"#888\"/>"
                     "<circle cx=\"258\" cy=\"72\" r=\"4\" fill=\"#888\"/>"
                     "<circle cx=\"230\" cy=\"88\" r=\"8\" class=\"ring\"/>"
                     "<circle cx=\"258\" cy=\"72\" r=\"8\" class=\"ring\"/>"
                     "<text x=\"274\" y=\"84\" class=\"tick\">conflict: both cannot be true</text>"
                     "<g class=\"revision\"><line x1=\"452\" y1=\"72\" x2=\"480\" y2=\"88\"/></g>"
                     "<circle cx=\"452\" cy=\"72\" r=\"4\" fill=\"#888\"/>"
                     "<circle cx=\"480\" cy=\"88\" r=\"4\" fill=\"#888\"/>"
                     "<text x=\"496\" y=\"84\" class=\"tick\">revised down by its source</text>");
  rc |= bl_buf_adds(b, "</svg>");
  return rc ? BL_NOMEM : BL_OK;
}
