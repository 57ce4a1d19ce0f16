/*
 * num.c — layer 3: finds quantity expressions (see num.h) and gives each its
 * value, bounds and qualifier as SPEC §4 says.  The public scanner API
 * (bl_scan_*) wraps it with the text layer.
 */
#include "num.h"

#include "numword.h"

#include <math.h>

/* How far back (bytes) a hedge may start before its figure. */
#define LOOKBACK_BYTES 64
#define LOOKBACK_WORDS 6
/* How far a URL-like token is searched around a figure. */
#define TOKEN_SCAN 256

static bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ---------------------------------------------------------- group access */

typedef struct span {
  size_t s, e;
  bool set;
} span;

static span grp(const bl_grammar *g, const bl_rx_state *rx, int which) {
  span r = {0, 0, false};
  for (int k = 0; k < BL_QG_MAX_DUP && g->qg[which][k]; k++)
    if (bl_rx_group(rx, g->qg[which][k], &r.s, &r.e)) {
      r.set = true;
      return r;
    }
  return r;
}

static span grp_n(const bl_rx_state *rx, uint32_t n) {
  span r = {0, 0, false};
  if (n) r.set = bl_rx_group(rx, n, &r.s, &r.e);
  return r;
}

/* Look a span up in a lexicon, spaces collapsed ("pour  cent"). */
static const bl_lexent *lookup(const bl_lexicon *lx, const char *s, span sp) {
  char tmp[64];
  size_t n = 0;
  for (size_t i = sp.s; i < sp.e && n < sizeof tmp; i++) {
    if (is_space((unsigned char)s[i])) {
      if (n && tmp[n - 1] != ' ') tmp[n++] = ' ';
      continue;
    }
    tmp[n++] = s[i];
  }
  while (n && tmp[n - 1] == ' ') n--;
  return bl_lex_find(lx, tmp, n);
}

/* ------------------------------------------------------------- assembly */

static void set_bounds(bl_quantity *q) {
  double v = q->value;
  switch (q->qualifier) {
  case BL_EXACT:
  case BL_ABOUT:
    q->lo = q->hi = v;
    break;
  case BL_MORE_THAN:
  case BL_AT_LEAST:
    q->lo = v;
    q->hi = NAN;
    break;
  case BL_LESS_THAN:
  case BL_AT_MOST:
    q->lo = NAN;
    q->hi = v;
    break;
  case BL_RANGE:
  case BL_VAGUE:
    q->value = NAN;
    break;
  }
}

/* The qualifier of whichever hedge group matched at `pos`, or -1. */
static int hedge_qualifier(const bl_grammar *g, const bl_rx_state *rx, int pos) {
  for (int q = BL_MORE_THAN; q <= BL_ABOUT; q++)
    if (grp_n(rx, g->hedge_group[pos][q]).set) return q;
  return -1;
}

/* Value of a plural noun of a vague amount or an approx multiplier. */
static double noun_value(const bl_grammar *g, const char *s, span sp) {
  const bl_lexent *e = lookup(&g->approx, s, sp);
  if (!e) e = lookup(&g->numbers, s, sp);
  return e ? e->value : 0;
}

/*
 * Build one quantity from the last match (match [ms, me)).  Returns true and
 * fills q when it is a quantity; *resume is where scanning goes on.
 */
static bool assemble(const bl_grammar *g, bl_rx_state *rx, const char *s, size_t len, size_t ms,
                     size_t me, bl_qty *q, size_t *resume) {
  memset(q, 0, sizeof *q);
  *resume = me;
  span hp = grp(g, rx, QG_HP), hv = grp(g, rx, QG_HV), hq = grp(g, rx, QG_HQ);
  span n1 = grp(g, rx, QG_N1), n2 = grp(g, rx, QG_N2);
  span det = grp(g, rx, QG_DET), approx = grp(g, rx, QG_APPROX);
  span approx_mul = grp(g, rx, QG_APPROX_MUL), approx2 = grp(g, rx, QG_APPROX2);
  span vnoun = grp(g, rx, QG_VNOUN), vmul = grp(g, rx, QG_VMUL), valone = grp(g, rx, QG_VALONE);
  span abbr = grp(g, rx, QG_ABBR), sign = grp(g, rx, QG_SIGN);
  span r_entre = grp(g, rx, QG_RANGE_ENTRE), r_de = grp(g, rx, QG_RANGE_DE);
  span r_bare = grp(g, rx, QG_RANGE_BARE);

  int qual = -1;
  size_t start = ms, end = me;
  if (hp.set) {
    qual = hedge_qualifier(g, rx, HP_PRE);
    q->hs = hp.s;
    q->he = hp.e;
  } else if (hv.set) {
    qual = hedge_qualifier(g, rx, HP_VERB);
    q->hs = hv.s;
    q->he = hv.e;
    q->flags |= QF_VERB_HEDGE;
    /* A verbal hedge is not part of the text, nor are the words between it
     * and the figure ("dépasse les 300", "franchi la barre des 1 000"): the
     * text starts where the figure does. */
    span vdet = grp(g, rx, QG_VDET);
    const span firsts[] = {r_entre, r_de, n1, det, approx, vdet, valone};
    start = me;
    for (size_t k = 0; k < BL_ARRAY_LEN(firsts); k++)
      if (firsts[k].set && firsts[k].s < start) start = firsts[k].s;
  }
  double mult = 1;
  if (abbr.set) {
    const bl_lexent *e = lookup(&g->numbers, s, abbr);
    if (e) mult = e->value;
  }

  bl_quantity *p = &q->pub;
  p->qualifier = BL_EXACT;
  if (n1.set) {
    bl_numval a;
    if (!bl_number_parse(g, s, n1.s, n1.e, &a)) {
      *resume = n1.e;
      return false;
    }
    if (a.words) q->flags |= QF_WORDS;
    bool cut = a.end < n1.e; /* the words stopped being one number */
    bool range = n2.set && !cut;
    bl_numval b;
    if (range) {
      range = bl_number_parse(g, s, n2.s, n2.e, &b) && b.end == n2.e;
      if (range) {
        double lo = a.value, hi = b.value;
        /* "entre 1 et 2 millions": the second scale covers both. */
        if (a.scale == 1 && b.scale > 1 && !a.grouped && lo * b.scale <= hi) lo *= b.scale;
        /* "12 à 13.000": an elliptic thousands group. */
        else if (b.grouped && !a.grouped && a.scale == 1 && hi >= 1000 && lo < 1000 &&
                 lo * 1000 <= hi && lo * 10000 > hi)
          lo *= 1000;
        if (lo > hi && r_entre.set) {
          double t = lo;
          lo = hi;
          hi = t;
        }
        if (lo < hi) {
          p->qualifier = BL_RANGE;
          p->lo = lo * mult;
          p->hi = hi * mult;
          q->flags |= QF_RANGE;
        } else {
          range = false; /* "passé de 17 à 12", "3 à 1": two figures */
        }
      }
    }
    if (!range) {
      if (r_entre.set || r_de.set) {
        /* "entre"/"de" without a second figure: read the figure alone. */
        start = n1.s;
        q->hs = q->he = 0;
        qual = -1;
      }
      if (r_bare.set || r_entre.set || r_de.set || cut) {
        end = a.end;
        sign.set = abbr.set = hq.set = false;
        mult = 1;
      }
      /* the article "un"/"une", also after a verb ("a franchi un nouveau
       * cap": a verb is no hedge of an article) */
      if (a.article && !hp.set && !(hq.set && !cut) && !sign.set) {
        *resume = a.end;
        return false;
      }
      p->value = a.value * mult;
    }
  } else if (approx.set) {
    double v = noun_value(g, s, approx);
    if (approx_mul.set) v *= noun_value(g, s, approx_mul);
    bool plural = s[approx.e - 1] == 's' || s[approx.e - 1] == 'x';
    /* "une demi-douzaine": the half word of numbers.tsv glued by a hyphen. */
    if (det.set && approx.s > det.s + 1 && s[approx.s - 1] == '-') {
      size_t h = approx.s - 1;
      while (h > det.s && is_letter((unsigned char)s[h - 1])) h--;
      const bl_lexent *e = bl_lex_find(&g->numbers, s + h, approx.s - 1 - h);
      if (e && e->kind == NW_HALF) v *= e->value;
    }
    /* "entre une dizaine et une vingtaine", "une vingtaine à une trentaine" */
    double v2 = approx2.set ? noun_value(g, s, approx2) * (approx_mul.set ? noun_value(g, s, approx_mul) : 1) : 0;
    if (approx2.set && det.set && v2 > v) {
      p->qualifier = BL_RANGE;
      p->lo = v * mult;
      p->hi = v2 * mult;
      q->flags |= QF_RANGE | QF_APPROX;
    } else if (!det.set && plural) {
      p->qualifier = BL_VAGUE;
      p->lo = 2 * v;
      p->hi = 10 * v - 1;
      q->flags |= QF_VAGUE;
    } else {
      p->qualifier = BL_ABOUT;
      p->value = v * mult;
      q->flags |= QF_APPROX;
    }
  } else if (vnoun.set) {
    double u = noun_value(g, s, vnoun);
    if (vmul.set) u *= noun_value(g, s, vmul);
    p->qualifier = BL_VAGUE;
    p->lo = 2 * u;
    p->hi = 10 * u - 1;
    q->flags |= QF_VAGUE;
  } else if (valone.set) {
    p->qualifier = BL_VAGUE;
    p->lo = 2;
    p->hi = 9;
    q->flags |= QF_VAGUE;
  } else {
    return false;
  }

  /* Hedges: a pre or verbal hedge wins; a postposed one applies otherwise. */
  if (qual < 0 && hq.set) {
    qual = hedge_qualifier(g, rx, HP_POST);
    q->hs = hq.s;
    q->he = hq.e;
  } else if (qual >= 0 && hq.set) {
    end = hq.s; /* two hedges: keep the first, leave the second out */
    while (end > start && is_space((unsigned char)s[end - 1])) end--;
  }
  if (qual >= 0 && p->qualifier != BL_RANGE && p->qualifier != BL_VAGUE)
    p->qualifier = (bl_qualifier)qual;
  /* A hedge on a range or vague amount ("environ 20 à 30") keeps the
   * interval; the hedge words are still reported. */
  set_bounds(p);

  if (sign.set) {
    const bl_lexent *u = lookup(&g->units, s, sign);
    if (u) {
      p->unit = u->code;
      q->flags |= strcmp(u->code, "percent") ? QF_MONEY : QF_PERCENT;
    }
  }
  /* a currency code before the figure: "une aide de CHF 5 millions" */
  if (!p->unit && start > 1) {
    size_t e = start;
    while (e > 0 && s[e - 1] == ' ') e--;
    size_t b = e;
    while (b > 0 && s[b - 1] >= 'A' && s[b - 1] <= 'Z') b--;
    if (e < start && e - b >= 3 && e - b <= 4 && (b == 0 || !is_letter((unsigned char)s[b - 1]))) {
      const bl_lexent *u = lookup(&g->units, s, (span){b, e, true});
      if (u && u->kind == UN_SIGN && strcmp(u->code, "percent")) {
        p->unit = u->code;
        q->flags |= QF_MONEY;
      }
    }
  }
  q->after = end;
  if (!p->unit && end < len) {
    int rc = bl_rx_match_anchored(g->unit_word, rx, s, len, end);
    if (rc > 0) {
      uint32_t uw[1];
      span w = {0, 0, false};
      if (bl_rx_groups_named(g->unit_word, "uw", uw, 1)) w = grp_n(rx, uw[0]);
      const bl_lexent *u = w.set ? lookup(&g->units, s, w) : NULL;
      if (u) {
        p->unit = u->code;
        q->flags |= strcmp(u->code, "percent") ? QF_MONEY : QF_PERCENT;
        size_t ws = 0, we = 0;
        bl_rx_group(rx, 0, &ws, &we);
        q->after = we;
      }
    }
  }
  while (end > start && is_space((unsigned char)s[end - 1])) end--;
  q->ns = start;
  q->ne = end;
  while (q->he > q->hs && is_space((unsigned char)s[q->he - 1])) q->he--;
  if (q->hs == q->he) q->hs = q->he = 0;
  *resume = end;
  return true;
}

/* ------------------------------------------------------------ the scanner */

/* A figure inside a URL, e-mail, file name or "24h/24" is not a quantity. */
static bool in_code_token(const char *s, size_t from, size_t to, size_t at, size_t *tok_end) {
  size_t a = at, z = at;
  while (a > from && at - a < TOKEN_SCAN && !is_space((unsigned char)s[a - 1])) a--;
  while (z < to && z - at < TOKEN_SCAN && !is_space((unsigned char)s[z])) z++;
  for (size_t i = a; i < z; i++) {
    char c = s[i];
    if (c == '@' || c == '/' || c == '=' || c == '#' || c == '_' ||
        (c == 'w' && i + 4 <= z && !memcmp(s + i, "www.", 4))) {
      *tok_end = z;
      return true;
    }
  }
  return false;
}

static int push(bl_qtys *out, const bl_qty *q) {
  if (bl_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) return BL_NOMEM;
  out->v[out->n++] = *q;
  return BL_OK;
}

/* A word before the figure, with what is known of it.  Both facts depend
 * only on the word's position (the match is anchored there, the subject the
 * same), so each is found once however many figures follow the word. */
enum {
  RW_NEW,      /* not tried yet */
  RW_NO_START, /* the starter rule rejects it */
  RW_START,    /* the starter rule accepts it */
  RW_DEAD      /* quantity.pcre there covers no later figure (see on_anchor) */
};
typedef struct ringword {
  size_t at;
  unsigned char st;
} ringword;

typedef struct scanner {
  const bl_grammar *g;
  bl_rx_state *rx;
  const char *s;
  size_t from, to;
  size_t consumed;
  ringword ring[LOOKBACK_WORDS]; /* the last words: a circular buffer */
  size_t rhead, nring;            /* the oldest word's slot; how many */
  bl_qtys *out;
  bl_error *err;
} scanner;

/* May a quantity start at the word at t, before its figure (quantity.pcre's
 * starter rule: a hedge, "entre", "une", "des"...)?  Most words before a
 * figure start nothing; this cheap test spares the full pattern there. */
static bool starts_quantity(scanner *sc, ringword *w) {
  if (w->st == RW_NEW) {
    const unsigned char *u = (const unsigned char *)sc->s + w->at;
    unsigned c = u[0], c2 = w->at + 1 < sc->to ? u[1] : 0x80;
    bool yes = (sc->g->starter_first[c / 8] & (1u << (c % 8))) &&
               (c >= 0x80 || c2 >= 0x80 || (sc->g->starter_pair[c][c2 / 8] & (1u << (c2 % 8)))) &&
               bl_rx_match_anchored(sc->g->starter, sc->rx, sc->s, sc->to, w->at) > 0;
    w->st = yes ? RW_START : RW_NO_START;
  }
  return w->st == RW_START;
}

/* The k-th of the last words, oldest first. */
static ringword *ring_at(scanner *sc, size_t k) {
  return &sc->ring[(sc->rhead + k) % LOOKBACK_WORDS];
}

static void remember(scanner *sc, size_t at) {
  if (sc->nring == LOOKBACK_WORDS) { /* the oldest slot takes the new word */
    sc->ring[sc->rhead] = (ringword){at, RW_NEW};
    sc->rhead = (sc->rhead + 1) % LOOKBACK_WORDS;
    return;
  }
  *ring_at(sc, sc->nring++) = (ringword){at, RW_NEW};
}

static int limit_hit(scanner *sc, int rc, size_t at) {
  if (rc == -BL_LIMIT)
    return bl_fail_at(sc->err, BL_LIMIT, at, at, "pattern match limit reached at byte %zu", at);
  return bl_fail_at(sc->err, BL_INTERNAL, at, at, "pattern match failed at byte %zu", at);
}

/* "Chichaoua (121 morts) et Ouarzazate (41)", "avec 1 604 morts, suivie de
 * Taroudant (976)": a bare figure in brackets after a place is read as a
 * département number (`departement-code` of notq.pcre) unless its
 * sentence counted something before it, in brackets or after "avec". */
static bool listed_in_brackets(const scanner *sc, size_t at) {
  const char *mark = bl_rx_mark(sc->rx);
  if (!mark || strcmp(mark, "departement-code")) return false;
  const char *s = sc->s;
  size_t floor = at > sc->from + 300 ? at - 300 : sc->from;
  for (size_t p = at - 1; p > floor; p--) {
    if (s[p] == '\n' || ((s[p] == '.' || s[p] == '!' || s[p] == '?') && s[p + 1] == ' ')) break;
    bool bracket = s[p - 1] == '(';
    bool avec = p >= floor + 5 && !memcmp(s + p - 5, "avec ", 5);
    if (!(bracket || avec) || !is_digit((unsigned char)s[p])) continue;
    size_t q = p;
    while (q < at && (is_digit((unsigned char)s[q]) || s[q] == ' ' || s[q] == ',' || s[q] == '.')) q++;
    if (q < at && is_letter((unsigned char)s[q]) && s[q - 1] == ' ') return true;
  }
  return false;
}

/* Try the figure found at [a, b). */
static int on_anchor(scanner *sc, size_t a, size_t b, bool digit) {
  const bl_grammar *g = sc->g;
  const char *s = sc->s;
  if (a < sc->consumed) return BL_OK;
  size_t tok_end;
  if (digit && in_code_token(s, sc->from, sc->to, a, &tok_end)) {
    sc->consumed = tok_end;
    return BL_OK;
  }
  int rc = bl_rx_match_anchored(g->notq, sc->rx, s, sc->to, a);
  if (rc < 0) return limit_hit(sc, rc, a);
  if (rc > 0 && listed_in_brackets(sc, a)) rc = 0;
  if (rc > 0) {
    size_t ms = 0, me = 0;
    bl_rx_group(sc->rx, 0, &ms, &me);
    sc->consumed = me > b ? me : b;
    return BL_OK;
  }
  /* Candidate starts: earlier words (a hedge, "entre", "une"), a sign, the
   * figure.  An earlier word that goes on to the next candidate here would
   * do so for any later figure too (each test below only gets truer as a
   * grows), so it is marked dead and not matched again. */
  size_t cand[LOOKBACK_WORDS + 2];
  ringword *word[LOOKBACK_WORDS + 2];
  size_t nc = 0;
  for (size_t k = 0; k < sc->nring; k++) {
    ringword *w = ring_at(sc, k);
    if (w->at >= sc->consumed && w->at < a && a - w->at <= LOOKBACK_BYTES &&
        w->st != RW_DEAD && starts_quantity(sc, w)) {
      word[nc] = w;
      cand[nc++] = w->at;
    }
  }
  if (digit && a > sc->from && (s[a - 1] == '-' || s[a - 1] == '+') && a - 1 >= sc->consumed &&
      (a - 1 == sc->from || is_space((unsigned char)s[a - 2]) || s[a - 2] == '(')) {
    word[nc] = NULL;
    cand[nc++] = a - 1;
  }
  word[nc] = NULL;
  cand[nc++] = a;
  for (size_t k = 0; k < nc; k++) {
    rc = bl_rx_match_anchored(g->quantity, sc->rx, s, sc->to, cand[k]);
    if (rc < 0) return limit_hit(sc, rc, cand[k]);
    size_t ms = 0, me = 0;
    if (rc > 0) bl_rx_group(sc->rx, 0, &ms, &me);
    if (rc == 0 || me <= a) { /* nothing, or something before the figure only */
      if (word[k]) word[k]->st = RW_DEAD;
      continue;
    }
    bl_qty q;
    size_t resume;
    bool ok = assemble(g, sc->rx, s, sc->to, ms, me, &q, &resume);
    if (!ok) {
      if (resume > a) {
        sc->consumed = resume;
        return BL_OK;
      }
      if (word[k]) word[k]->st = RW_DEAD;
      continue;
    }
    if (q.ne <= a && !(q.flags & QF_VERB_HEDGE)) {
      if (word[k]) word[k]->st = RW_DEAD;
      continue;
    }
    if (push(sc->out, &q)) return bl_fail(sc->err, BL_NOMEM, "out of memory");
    sc->consumed = resume > q.ne ? resume : q.ne;
    return BL_OK;
  }
  sc->consumed = b;
  return BL_OK;
}

/*
 * The article "un"/"une" [a, b) is a figure only after a hedge ("au moins un
 * mort", "plus d'une fois"; SPEC §4: the article alone is no quantity).  Try
 * the words before it; when none reads it with a hedge, leave the scan as it
 * was, so that a later figure may still start there ("un peu plus de 2 000",
 * "une vingtaine").
 */
static int on_article(scanner *sc, size_t a, size_t b) {
  const bl_grammar *g = sc->g;
  const char *s = sc->s;
  if (a < sc->consumed) return BL_OK;
  for (size_t k = 0; k < sc->nring; k++) {
    ringword *w = ring_at(sc, k);
    size_t t = w->at;
    if (t < sc->consumed || t >= a || a - t > LOOKBACK_BYTES || w->st == RW_DEAD ||
        !starts_quantity(sc, w))
      continue;
    int rc = bl_rx_match_anchored(g->quantity, sc->rx, s, sc->to, t);
    if (rc < 0) return limit_hit(sc, rc, t);
    size_t ms = 0, me = 0;
    if (rc > 0) bl_rx_group(sc->rx, 0, &ms, &me);
    if (rc == 0 || me <= a) {
      w->st = RW_DEAD; /* as in on_anchor */
      continue;
    }
    bl_qty q;
    size_t resume;
    if (!assemble(g, sc->rx, s, sc->to, ms, me, &q, &resume)) {
      /* on_anchor would stop at a later figure before resume: not dead then */
      if (resume <= a) w->st = RW_DEAD;
      continue;
    }
    if (q.ne <= a || q.hs == q.he) { /* not this article, or no hedge */
      /* a verbal hedge ending before a later figure still reads it there */
      if (q.ne <= a && !(q.flags & QF_VERB_HEDGE)) w->st = RW_DEAD;
      continue;
    }
    /* Only now the exclusions: "plus d'un tiers", "plus d'un Français sur deux". */
    rc = bl_rx_match_anchored(g->notq, sc->rx, s, sc->to, a);
    if (rc < 0) return limit_hit(sc, rc, a);
    if (rc > 0) {
      bl_rx_group(sc->rx, 0, &ms, &me);
      sc->consumed = me > b ? me : b;
      return BL_OK;
    }
    if (push(sc->out, &q)) return bl_fail(sc->err, BL_NOMEM, "out of memory");
    sc->consumed = resume > q.ne ? resume : q.ne;
    return BL_OK;
  }
  return BL_OK;
}

/* out->max was passed: BL_LIMIT at the figure that went over. */
static int over_limit(const bl_qtys *out, size_t from, bl_error *err) {
  size_t at = out->n ? out->v[out->n - 1].ns : from;
  if (out->nzero && out->zero[out->nzero - 1] > at) at = out->zero[out->nzero - 1];
  return bl_fail_at(err, BL_LIMIT, at, at, "more than %zu figures in one text (the limit)",
                    out->max);
}

int bl_num_find(const bl_grammar *g, bl_rx_state *rx, const char *s, size_t from, size_t to,
                bl_qtys *out, bl_error *err) {
  scanner sc = {g, rx, s, from, to, from, {{0, RW_NEW}}, 0, 0, out, err};
  const unsigned char *u = (const unsigned char *)s;
  size_t i = from;
  while (i < to) {
    if (out->max && out->n + out->nzero > out->max) return over_limit(out, from, err);
    unsigned char c = u[i];
    if (is_digit(c)) {
      size_t j = i + 1;
      while (j < to && is_digit(u[j])) j++;
      int rc = on_anchor(&sc, i, j, true);
      if (rc) return rc;
      remember(&sc, i);
      i = j;
    } else if (is_letter(c)) {
      size_t j = i + 1;
      while (j < to && is_letter(u[j])) j++;
      const bl_lexent *e = (j - i <= 16) ? bl_lex_find(&g->anchors, s + i, j - i) : NULL;
      if (e && (e->kind & AN_ZERO) && out->want_zero) {
        if (bl_grow((void **)&out->zero, &out->zcap, out->nzero + 1, sizeof *out->zero))
          return bl_fail(err, BL_NOMEM, "out of memory");
        out->zero[out->nzero++] = i;
      }
      if (e && (e->kind & ~AN_ZERO)) {
        int rc = on_anchor(&sc, i, j, false);
        if (rc) return rc;
      } else if (j - i <= 3) {
        /* "un"/"une": numbers.tsv's unit of value 1, not an anchor. */
        const bl_lexent *n = bl_lex_find(&g->numbers, s + i, j - i);
        if (n && n->kind == NW_UNIT && n->value == 1) {
          int rc = on_article(&sc, i, j);
          if (rc) return rc;
        }
      }
      remember(&sc, i);
      i = j;
    } else {
      i++;
    }
  }
  if (out->max && out->n + out->nzero > out->max) return over_limit(out, from, err);
  return BL_OK;
}

/* The code units.tsv gives a currency of each family of currency.tsv when
 * no country is named (ISO 4217, not words). */
static const char *const family_default[] = {[CUR_DOLLAR] = "USD", [CUR_DINAR] = "DZD"};

void bl_num_local_dollars(const bl_grammar *g, bl_rx_state *rx, const char *s, size_t n,
                          bl_qtys *q) {
  bool need[BL_ARRAY_LEN(family_default)] = {false};
  size_t needed = 0;
  for (size_t i = 0; i < q->n; i++)
    for (int f = CUR_DOLLAR; f <= CUR_DINAR; f++)
      if (!need[f] && q->v[i].pub.unit && !strcmp(q->v[i].pub.unit, family_default[f])) {
        need[f] = true;
        needed++;
      }
  if (!needed) return;
  /* the article's cues: a family's first one decides for the whole
   * article when its currency is named twice or more ("Québec", then
   * "Montréal"); one passing mention ("formé au large de l'Australie")
   * decides only for an amount right after it in its paragraph ("L'Australie
   * a promis 2,5 millions de dollars") */
  enum { CUES = 64, NEAR = 200 };
  struct cue_at {
    size_t at;
    const char *code;
    int family;
  } cue[CUES];
  size_t ncue = 0;
  for (size_t from = 0; from < n && ncue < CUES;) {
    if (bl_rx_match(g->rx_currency_cue, rx, s, n, from, 0) <= 0) break;
    size_t ms = 0, me = 0;
    bl_rx_group(rx, 0, &ms, &me);
    const bl_lexent *e = bl_lex_find(&g->currency, s + ms, me - ms);
    if (e && e->code && e->kind >= CUR_DOLLAR && e->kind <= CUR_DINAR && need[e->kind])
      cue[ncue++] = (struct cue_at){ms, e->code, e->kind};
    from = me > from ? me : from + 1;
  }
  const char *local[BL_ARRAY_LEN(family_default)] = {NULL};
  for (int f = CUR_DOLLAR; f <= CUR_DINAR; f++) {
    const char *first = NULL;
    size_t times = 0;
    for (size_t k = 0; k < ncue; k++)
      if (cue[k].family == f) {
        if (!first) first = cue[k].code;
        times += !strcmp(cue[k].code, first);
      }
    if (times >= 2) local[f] = first;
  }
  for (size_t i = 0; i < q->n; i++) {
    bl_qty *x = &q->v[i];
    int f = 0;
    const char *code = NULL;
    for (int k = CUR_DOLLAR; k <= CUR_DINAR && !f; k++)
      if (x->pub.unit && !strcmp(x->pub.unit, family_default[k])) {
        f = k;
        code = local[k];
        /* else the nearest cue before it, in its paragraph */
        for (size_t c = 0; c < ncue && !local[k]; c++)
          if (cue[c].family == k && cue[c].at < x->ns && x->ns - cue[c].at <= NEAR &&
              !memchr(s + cue[c].at, '\n', x->ns - cue[c].at))
            code = cue[c].code;
      }
    if (!f || !code) continue;
    /* "$ US" in the quantity's text, or "dollars américains", "dinars
     * algériens" after it */
    bool explicit_country = false;
    for (size_t p = x->ns; p < x->ne && !explicit_country; p++)
      if (s[p] == '$' && bl_rx_match(bl_gram_anchored(g, g->rx_dollar_explicit), rx, s, n, p > x->ns ? p - 1 : p, PCRE2_ANCHORED) > 0)
        explicit_country = true;
    if (!explicit_country && bl_rx_match(bl_gram_anchored(g, g->rx_dollar_explicit), rx, s, n, x->ne, PCRE2_ANCHORED) > 0)
      explicit_country = true;
    if (!explicit_country) x->pub.unit = code;
  }
}

void bl_num_map(const bl_text *t, bl_qtys *out, size_t first) {
  for (size_t i = first; i < out->n; i++) {
    bl_qty *q = &out->v[i];
    q->pub.span = bl_text_orig_span(t, q->ns, q->ne);
    if (q->hs != q->he) {
      q->pub.hedge = bl_text_orig_span(t, q->hs, q->he);
    } else {
      q->pub.hedge.start = q->pub.hedge.end = 0;
    }
  }
}

/* ------------------------------------------------------------ public API */

struct bl_scan {
  const bl_grammar *g;
  bl_text text;
  bl_rx_state rx;
  bl_qtys q;
};

bl_scan *bl_scan_new(const bl_grammar *g, bl_error *err) {
  bl_scan *sc = bl_calloc(1, sizeof *sc);
  if (!sc) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  sc->g = g;
  bl_text_init(&sc->text);
  if (bl_rx_state_init(&sc->rx, g->max_groups)) {
    bl_free(sc);
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  return sc;
}

void bl_scan_free(bl_scan *sc) {
  if (!sc) return;
  bl_text_clear(&sc->text);
  bl_rx_state_clear(&sc->rx);
  bl_free(sc->q.v);
  bl_free(sc->q.zero);
  bl_free(sc);
}

int bl_scan_run(bl_scan *sc, const char *text, size_t len, unsigned opts, bl_error *err) {
  sc->q.n = 0;
  int rc = bl_text_normalize(&sc->text, text, len, opts, err);
  if (rc) return rc;
  rc = bl_num_find(sc->g, &sc->rx, sc->text.s, 0, sc->text.n, &sc->q, err);
  if (!rc) bl_num_local_dollars(sc->g, &sc->rx, sc->text.s, sc->text.n, &sc->q);
  if (rc) {
    if (err) {
      size_t at = bl_text_orig_start(&sc->text, err->at.start);
      err->at.start = err->at.end = at;
    }
    return rc;
  }
  bl_num_map(&sc->text, &sc->q, 0);
  return BL_OK;
}

size_t bl_scan_count(const bl_scan *sc) {
  return sc->q.n;
}

const bl_quantity *bl_scan_get(const bl_scan *sc, size_t i) {
  return i < sc->q.n ? &sc->q.v[i].pub : NULL;
}

size_t bl_scan_repairs(const bl_scan *sc) {
  return sc->text.repairs;
}

const char *bl_qualifier_name(bl_qualifier q) {
  static const char *const names[] = {"exact",   "more_than", "at_least", "less_than",
                                      "at_most", "about",     "range",    "vague"};
  return (unsigned)q < BL_ARRAY_LEN(names) ? names[q] : "exact";
}
