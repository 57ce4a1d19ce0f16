/*
 * store_dates.c — layer 7: calendar days and the event date of a claim.
 *
 * A figure is dated by its sentence when the sentence says when ("hier",
 * "vendredi", "dimanche dernier", "le 7 janvier", "16/10/2024"); the words
 * are those of fr/dates.tsv and fr/calendar.tsv.  Everything resolves
 * against the publication day towards the past: news reports what happened.
 * Which figures a date word dates: those of its clause.  "17 et non 19
 * comme annoncé mardi" dates 19 only; "Mardi, 12 morts et 30 blessés" dates
 * both (the date stands alone in its clause, so it dates the sentence).
 */
#include "gram.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------ calendar */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid_date(int y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= mdays[m - 1] + (m == 2 && leap(y));
}

int32_t bl_day_parse(const char *s, size_t len) {
  if (!s || len < 10) return BL_NO_DAY;
  for (size_t i = 0; i < 10; i++) {
    bool sep = i == 4 || i == 7;
    if (sep ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return BL_NO_DAY;
  }
  /* "2024-10-14T08:00:00Z" and the like keep their day. */
  if (len > 10 && s[10] != 'T' && s[10] != ' ') return BL_NO_DAY;
  int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  return valid_date(y, m, d) ? days_from_civil(y, m, d) : BL_NO_DAY;
}

void bl_day_format(int32_t day, char out[11]) {
  int y, m, d;
  civil_from_days(day, &y, &m, &d);
  unsigned uy = y < 0 || y > 9999 ? 0u : (unsigned)y;
  unsigned um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
  out[0] = (char)('0' + uy / 1000);
  out[1] = (char)('0' + uy / 100 % 10);
  out[2] = (char)('0' + uy / 10 % 10);
  out[3] = (char)('0' + uy % 10);
  out[4] = '-';
  out[5] = (char)('0' + um / 10);
  out[6] = (char)('0' + um % 10);
  out[7] = '-';
  out[8] = (char)('0' + ud / 10);
  out[9] = (char)('0' + ud % 10);
  out[10] = '\0';
}

int bl_day_weekday(int32_t day) {
  /* 1970-01-01 was a Thursday (4). */
  int w = (int)((day % 7 + 7 + 3) % 7);
  return w + 1;
}

void bl_day_isoweek(int32_t day, int *year, int *week) {
  /* The week belongs to the year of its Thursday. */
  int32_t thursday = day - bl_day_weekday(day) + 4;
  int y, m, d;
  civil_from_days(thursday, &y, &m, &d);
  *year = y;
  *week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
}

/* ----------------------------------------------------------- sentences */

enum { TK_WORD, TK_BREAK };

typedef struct tok {
  int kind;
  size_t start, end; /* bytes in the body */
  char low[40];      /* lower-cased word ('’' → '\''), truncated */
  size_t lowlen;
} tok;

typedef struct dateword {
  size_t tok; /* index of its first word */
  int clause;
  int32_t day;
  bool since; /* after "depuis", "d'ici": a period's bound, not a figure's date */
} dateword;

/* Words between a figure and a date word beyond which the date is taken to
 * be about something else (the incident, a period). */
#define MAX_GAP 8

/* Is the UTF-8 sequence at s a space, a break or an apostrophe?  Returns
 * its length and sets *what: ' ' space, ',' break, '\'' apostrophe, 'q'
 * quotation mark (ignored), 0 a letter. */
static size_t classify(const unsigned char *s, size_t n, char *what) {
  *what = 0;
  if (s[0] < 0x80) {
    unsigned char c = s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') *what = ' ';
    else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
             c == '!' || c == '?')
      *what = ',';
    else if (c == '\'') *what = '\'';
    else if (c == '"') *what = 'q';
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '/' || c == '.'))
      *what = 'q';
    return 1;
  }
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return *what = ' ', 2;
  if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB)) return *what = 'q', 2;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
    if (s[2] == 0xAF || s[2] == 0x89 || s[2] == 0x8A) return *what = ' ', 3;
    if (s[2] == 0x99) return *what = '\'', 3;
    if (s[2] == 0x93 || s[2] == 0x94) return *what = ',', 3; /* – — */
    return *what = 'q', 3;                                       /* “ ” … */
  }
  size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
  return len <= n ? len : n;
}

static void add_low(tok *t, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n && t->lowlen + 1 < sizeof t->low; i++) {
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    /* Latin-1 capitals (À..Þ except ×) are C3 80..9E: lower is +0x20. */
    if (i > 0 && s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) c += 0x20;
    t->low[t->lowlen++] = (char)c;
  }
  t->low[t->lowlen] = '\0';
}

/* Split body[from, to) into words and breaks.  Returns the count (at most
 * cap; the rest of a very long sentence is not looked at). */
static size_t tokenize(const char *body, size_t from, size_t to, tok *toks, size_t cap) {
  size_t n = 0;
  const unsigned char *s = (const unsigned char *)body;
  size_t i = from;
  tok *cur = NULL;
  while (i < to && n < cap) {
    char what;
    size_t l = classify(s + i, to - i, &what);
    if (what == 0 || (what == '\'' && cur)) {
      if (!cur) {
        cur = &toks[n++];
        memset(cur, 0, sizeof *cur);
        cur->kind = TK_WORD;
        cur->start = i;
      }
      if (what == '\'') add_low(cur, (const unsigned char *)"'", 1);
      else add_low(cur, s + i, l);
      cur->end = i + l;
    } else {
      cur = NULL;
      if (what == ',') {
        toks[n].kind = TK_BREAK;
        toks[n].start = i;
        toks[n].end = i + l;
        toks[n].lowlen = 0;
        toks[n].low[0] = '\0';
        n++;
      }
    }
    i += l;
  }
  /* Trailing dots and hyphens belong to no word ("hier." "mardi-"). */
  for (size_t k = 0; k < n; k++)
    while (toks[k].kind == TK_WORD && toks[k].lowlen &&
           (toks[k].low[toks[k].lowlen - 1] == '.' || toks[k].low[toks[k].lowlen - 1] == '-')) {
      toks[k].low[--toks[k].lowlen] = '\0';
      toks[k].end--;
    }
  /* A lone dash between spaces is a break. */
  for (size_t k = 0; k < n; k++)
    if (toks[k].kind == TK_WORD && toks[k].lowlen == 0) toks[k].kind = TK_BREAK;
  return n;
}

/* Lexicon entry for words k..k+w-1 joined by spaces, or NULL. */
static const bl_lexent *find_words(const bl_lexicon *lx, const tok *toks, size_t n, size_t k,
                                   size_t w) {
  char joined[128];
  size_t len = 0;
  for (size_t j = k; j < k + w; j++) {
    if (j >= n || toks[j].kind != TK_WORD) return NULL;
    if (len + toks[j].lowlen + 2 > sizeof joined) return NULL;
    if (j > k) joined[len++] = ' ';
    memcpy(joined + len, toks[j].low, toks[j].lowlen);
    len += toks[j].lowlen;
  }
  return len ? bl_lex_find(lx, joined, len) : NULL;
}

/* A day of the month: "7", "07", "1er", "premier". */
static int month_day(const tok *t) {
  if (t->kind != TK_WORD) return 0;
  if (!strcmp(t->low, "1er") || !strcmp(t->low, "premier")) return 1;
  if (t->lowlen == 0 || t->lowlen > 2) return 0;
  for (size_t i = 0; i < t->lowlen; i++)
    if (t->low[i] < '0' || t->low[i] > '9') return 0;
  int d = atoi(t->low);
  return d >= 1 && d <= 31 ? d : 0;
}

static int year_of(const tok *t) {
  if (t->kind != TK_WORD || t->lowlen != 4) return 0;
  for (size_t i = 0; i < 4; i++)
    if (t->low[i] < '0' || t->low[i] > '9') return 0;
  return atoi(t->low);
}

/* The month a word names, "avril" or "d'avril", else 0. */
static int month_of(const bl_grammar *g, const tok *t) {
  const char *w = t->low;
  size_t len = t->lowlen;
  if (len > 2 && w[0] == 'd' && w[1] == '\'') w += 2, len -= 2;
  const bl_lexent *e = bl_lex_find(&g->calendar, w, len);
  return e && e->kind == CAL_MONTH ? (int)e->value : 0;
}

/* The first day of a month or a year wholly before the publication's own
 * ("le naufrage d'avril 2023", "en 2019" in 2024): such a figure belongs to
 * that past period, not to the day of the news.  m = 0 for a year. */
static int32_t past_period(int32_t pub, int y, int m) {
  int py, pm, pd;
  civil_from_days(pub, &py, &pm, &pd);
  bool before = m ? y * 12 + m < py * 12 + pm : y < py;
  return before && y >= 1 ? days_from_civil(y, m ? m : 1, 1) : BL_NO_DAY;
}

/* The latest day ≤ pub (or < pub when strict) with this day and month. */
static int32_t recent_date(int32_t pub, int m, int d) {
  int py, pm, pd;
  civil_from_days(pub, &py, &pm, &pd);
  for (int y = py; y >= py - 1; y--)
    if (valid_date(y, m, d) && days_from_civil(y, m, d) <= pub) return days_from_civil(y, m, d);
  return BL_NO_DAY;
}

/* "16/10/2024", "16/10", "16.10.2024" */
static int32_t numeric_date(const tok *t, int32_t pub) {
  int d = 0, m = 0, y = 0;
  const char *p = t->low;
  char sep = 0;
  int parts[3] = {0, 0, 0}, np = 0, digits = 0;
  for (; *p && np < 3; p++) {
    if (*p >= '0' && *p <= '9') {
      parts[np] = parts[np] * 10 + (*p - '0');
      if (++digits > 4) return BL_NO_DAY;
    } else if ((*p == '/' || *p == '.') && digits && (!sep || *p == sep)) {
      sep = *p;
      np++;
      digits = 0;
    } else {
      return BL_NO_DAY;
    }
  }
  if (*p || !sep || np < 1 || !digits) return BL_NO_DAY;
  d = parts[0];
  m = parts[1];
  y = np == 2 ? parts[2] : 0;
  if (np == 2 && y < 100) y += 2000;
  if (y) return valid_date(y, m, d) ? days_from_civil(y, m, d) : BL_NO_DAY;
  if (sep == '.') return BL_NO_DAY; /* "3.5" is a number, not a date */
  return m >= 1 && m <= 12 ? recent_date(pub, m, d) : BL_NO_DAY;
}

/* Date words of toks → out (clause numbers filled); returns the count. */
static size_t find_dates(const bl_grammar *g, const tok *toks, size_t n, int32_t pub,
                         const int *clause, dateword *out, size_t cap) {
  size_t nd = 0;
  for (size_t k = 0; k < n && nd < cap; k++) {
    if (toks[k].kind != TK_WORD) continue;
    int32_t day = BL_NO_DAY;
    size_t used = 1;
    const bl_lexent *e = NULL;
    for (size_t w = 3; w >= 1 && !e; w--) {
      e = find_words(&g->dates, toks, n, k, w);
      if (e && e->kind != DT_REL) e = NULL;
      if (e) used = w;
    }
    const bl_lexent *cal = e ? NULL : bl_lex_find(&g->calendar, toks[k].low, toks[k].lowlen);
    int md = month_day(&toks[k]);
    const bl_lexent *mon = md && k + 1 < n ? bl_lex_find(&g->calendar, toks[k + 1].low,
                                                          toks[k + 1].lowlen)
                                           : NULL;
    if (e) {
      day = pub + (int32_t)e->value;
    } else if (mon && mon->kind == CAL_MONTH) {
      int y = k + 2 < n ? year_of(&toks[k + 2]) : 0;
      int m = (int)mon->value;
      if (y)
        day = valid_date(y, m, md) ? days_from_civil(y, m, md) : BL_NO_DAY;
      else
        day = recent_date(pub, m, md);
      used = y ? 3 : 2;
    } else if (month_of(g, &toks[k]) && k + 1 < n && year_of(&toks[k + 1])) {
      day = past_period(pub, year_of(&toks[k + 1]), month_of(g, &toks[k]));
      used = 2;
    } else if (year_of(&toks[k]) && k > 0 && toks[k - 1].lowlen == 2 &&
               !memcmp(toks[k - 1].low, "en", 2)) {
      day = past_period(pub, year_of(&toks[k]), 0);
    } else if (cal && cal->kind == CAL_DAY) {
      /* "mardi 15 octobre" is read at the number; "mardi" alone here. */
      if (k + 2 < n && month_day(&toks[k + 1])) {
        const bl_lexent *m2 = bl_lex_find(&g->calendar, toks[k + 2].low, toks[k + 2].lowlen);
        if (m2 && m2->kind == CAL_MONTH) continue;
      }
      const bl_lexent *mod = k + 1 < n ? find_words(&g->dates, toks, n, k + 1, 1) : NULL;
      if (mod && mod->kind == DT_NEXT) continue;
      bool strict = mod && mod->kind == DT_PAST;
      int back = (bl_day_weekday(pub) - (int)cal->value + 7) % 7;
      if (back == 0 && strict) back = 7;
      day = pub - back;
      used = strict ? 2 : 1;
    } else if (strchr(toks[k].low, '/') || strchr(toks[k].low, '.')) {
      day = numeric_date(&toks[k], pub);
    }
    if (day == BL_NO_DAY || day > pub) continue;
    /* "depuis dimanche", "d'ici vendredi": a period, not a date. */
    bool since = false;
    for (size_t w = 1; w <= 3 && w <= k && !since; w++) {
      const bl_lexent *e2 = find_words(&g->dates, toks, n, k - w, w);
      since = e2 && e2->kind == DT_SINCE;
    }
    out[nd].tok = k;
    out[nd].clause = clause[k];
    out[nd].day = day;
    out[nd].since = since;
    nd++;
    k += used - 1;
  }
  return nd;
}

#define MAX_TOKS 512
#define MAX_DATES 32

typedef struct work {
  tok toks[MAX_TOKS];
  int clause[MAX_TOKS];
  dateword dates[MAX_DATES];
} work;

/* Does the clause of word k open with "qui avait"/"qui avaient" (after a
 * comma), the figure at k being in it? */
static bool pluperfect_relative(const tok *toks, const int *clause, size_t k) {
  size_t b = k;
  while (b > 0 && clause[b - 1] == clause[k] && toks[b - 1].kind == TK_WORD) b--;
  for (; b + 1 < k; b++) {
    if (toks[b].kind != TK_WORD || toks[b].lowlen != 3 || memcmp(toks[b].low, "qui", 3)) continue;
    const tok *v = &toks[b + 1];
    if ((v->lowlen == 5 && !memcmp(v->low, "avait", 5)) ||
        (v->lowlen == 7 && !memcmp(v->low, "avaient", 7)))
      return true;
  }
  return false;
}

/* Date the claims whose sentence is [from, to): those listed in idx. */
static void date_sentence(const bl_grammar *g, work *wk, const char *body, size_t from,
                          size_t to, const bl_claim *claims, const size_t *idx, size_t nidx,
                          int32_t pub, int32_t *out) {
  size_t n = tokenize(body, from, to, wk->toks, MAX_TOKS);
  int c = 0;
  for (size_t k = 0; k < n; k++) {
    if (wk->toks[k].kind == TK_BREAK) {
      wk->clause[k] = ++c;
      continue;
    }
    const bl_lexent *e = find_words(&g->dates, wk->toks, n, k, 2);
    if (!e || e->kind != DT_BREAK) e = find_words(&g->dates, wk->toks, n, k, 1);
    if (e && e->kind == DT_BREAK) c++;
    wk->clause[k] = c;
  }
  size_t nd = find_dates(g, wk->toks, n, pub, wk->clause, wk->dates, MAX_DATES);
  if (!nd) return;
  /* Each claim: its clause and the words it covers [first, last). */
  enum { MAXC = 64 };
  int claim_clause[MAXC] = {0};
  size_t first[MAXC] = {0}, last[MAXC] = {0};
  size_t ncl = nidx < MAXC ? nidx : MAXC;
  size_t first_fig = n;
  for (size_t j = 0; j < ncl; j++) {
    const bl_span sp = claims[idx[j]].q.span;
    claim_clause[j] = 0;
    first[j] = last[j] = n;
    for (size_t k = 0; k < n; k++) {
      if (wk->toks[k].start <= sp.start) claim_clause[j] = wk->clause[k];
      if (first[j] == n && wk->toks[k].end > sp.start) first[j] = k;
      if (wk->toks[k].start >= sp.end) {
        last[j] = k;
        break;
      }
    }
    if (first[j] < first_fig) first_fig = first[j];
  }
  /* A date opening the sentence in a clause of its own ("Mardi, 12 morts
   * et 30 blessés", "Le 7 janvier, ...") dates the whole sentence when it is
   * the only one; elsewhere such a date tells when the incident happened
   * ("l'explosion qui a frappé lundi le port, ..."), not when it was
   * counted. */
  int32_t free_day = BL_NO_DAY;
  bool free_ok = true;
  for (size_t d = 0; d < nd; d++) {
    bool has_claim = false;
    for (size_t j = 0; j < ncl && !has_claim; j++) has_claim = claim_clause[j] == wk->dates[d].clause;
    if (has_claim || wk->dates[d].since || wk->dates[d].tok > first_fig || wk->dates[d].tok > 2)
      continue;
    if (free_day != BL_NO_DAY && free_day != wk->dates[d].day) free_ok = false;
    free_day = wk->dates[d].day;
  }
  for (size_t j = 0; j < ncl; j++) {
    int32_t best = BL_NO_DAY;
    size_t best_gap = SIZE_MAX;
    /* "depuis le naufrage d'un caboteur en 1976, qui avait fait 14 morts":
     * a relative clause in the pluperfect tells the toll of an earlier
     * event, the one dated just before it (even after "depuis"). */
    if (first[j] < n && pluperfect_relative(wk->toks, wk->clause, first[j])) {
      for (size_t d = 0; d < nd; d++)
        if (wk->dates[d].clause < claim_clause[j] && wk->dates[d].day < pub) best = wk->dates[d].day;
      if (best != BL_NO_DAY) {
        out[idx[j]] = best;
        continue;
      }
    }
    for (size_t d = 0; d < nd; d++) {
      if (wk->dates[d].since || wk->dates[d].clause != claim_clause[j]) continue;
      size_t t = wk->dates[d].tok;
      size_t gap = t >= last[j] ? t - last[j] : t < first[j] ? first[j] - t - 1 : 0;
      if (gap <= MAX_GAP && gap < best_gap) {
        best_gap = gap;
        best = wk->dates[d].day;
      }
    }
    if (best == BL_NO_DAY && free_ok) best = free_day;
    out[idx[j]] = best;
  }
}

int bl_dates_resolve(const bl_grammar *g, const char *body, size_t len, const bl_claim *claims,
                     size_t n, int32_t pub, int32_t *out, bl_error *err) {
  for (size_t i = 0; i < n; i++) out[i] = BL_NO_DAY;
  if (pub == BL_NO_DAY || n == 0) return BL_OK;
  work *wk = bl_malloc(sizeof *wk);
  size_t *idx = bl_malloc(n * sizeof *idx);
  if (!wk || !idx) {
    bl_free(wk);
    bl_free(idx);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  /* Claims come in text order: those of one sentence are consecutive. */
  for (size_t i = 0; i < n;) {
    bl_span s = claims[i].sentence;
    size_t j = i, nidx = 0;
    while (j < n && claims[j].sentence.start == s.start && claims[j].sentence.end == s.end)
      idx[nidx++] = j++;
    if (s.end > s.start && s.end <= len)
      date_sentence(g, wk, body, s.start, s.end, claims, idx, nidx, pub, out);
    i = j;
  }
  bl_free(wk);
  bl_free(idx);
  return BL_OK;
}
