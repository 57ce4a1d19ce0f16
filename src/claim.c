/*
 * claim.c — layer 4: from the quantities of a sentence to claims (SPEC §5):
 * is the figure a count, what does it count (the noun after it, its
 * adjectives and complements), what happened to it (a predicate after, a
 * verb before, or the noun itself), its group, whether it is a part of an
 * earlier count ("dont"), more of the same class ("autres"), a zero claim
 * ("aucune victime"), a denial, a running total, and its status.  The words
 * come from grammars/fr/ (categories.tsv, notclaim.tsv, words.tsv,
 * status.tsv, claims.pcre); this file holds the reading order only.
 */
#include "doc.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>

/* How far (bytes) a predicate may lie after its noun, a verb before the figure. */
#define PRED_WINDOW 160
#define VERB_WINDOW 80
#define BEFORE_WINDOW ((size_t)48)
/* How many earlier claims a claim looks back at (its whole, a status stated
 * before it in the paragraph), so that a paragraph of 10^5 figures takes
 * linear time. */
#define CLAIMS_BACK ((size_t)32)

static bool is_letter(unsigned char c) {
  return bl_is_letter(c);
}
static bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool bl_capital_at(const char *s, size_t p) {
  unsigned char c = (unsigned char)s[p];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && (unsigned char)s[p + 1] >= 0x80 && (unsigned char)s[p + 1] <= 0x9E;
}

bool bl_word_at(const char *s, size_t p, size_t end, size_t *ws, size_t *we) {
  while (p < end && is_space((unsigned char)s[p])) p++;
  *ws = *we = p;
  if (p >= end) return false;
  unsigned char c = (unsigned char)s[p];
  if (!is_letter(c) && !is_digit(c)) return false;
  size_t q = p;
  for (;;) {
    while (q < end && (is_letter((unsigned char)s[q]) || is_digit((unsigned char)s[q]))) q++;
    if (q + 1 < end && s[q] == '-' && is_letter((unsigned char)s[q + 1])) {
      q++;
      continue;
    }
    if (q < end && s[q] == '\'') {
      q++; /* elision: d' l' qu' jusqu' */
      break;
    }
    break;
  }
  *we = q;
  return true;
}

bl_nspan bl_word_before(const char *s, size_t floor, size_t at) {
  size_t e = at;
  while (e > floor && is_space((unsigned char)s[e - 1])) e--;
  size_t b = e;
  while (b > floor && is_letter((unsigned char)s[b - 1])) b--;
  return (bl_nspan){b, e};
}

bool bl_word_before_is(const char *s, size_t floor, size_t at, const char *word) {
  bl_nspan w = bl_word_before(s, floor, at);
  return bl_word_is(s, w.s, w.e, word);
}

bool bl_word_is(const char *s, size_t a, size_t b, const char *word) {
  size_t n = strlen(word);
  return b - a == n && !strncmp(s + a, word, n);
}

bool bl_of_word(const char *s, size_t a, size_t b) {
  return bl_word_is(s, a, b, "de") || bl_word_is(s, a, b, "d'") || bl_word_is(s, a, b, "du") ||
         bl_word_is(s, a, b, "des");
}

int bl_word_class(const bl_grammar *g, const char *s, size_t a, size_t b) {
  const bl_lexent *e = bl_lex_find(&g->words, s + a, b - a);
  return e && e->kind != WD_ZERO_PRONOUN ? e->kind : 0;
}

/* Anchored match of re at `at`, the subject ending at `end`; returns the match end or 0. */
static size_t match_at(bl_docstate *st, const pcre2_code *re, size_t at, size_t end) {
  if (at > end) return 0;
  int rc = bl_rx_match(bl_gram_anchored(st->g, re), &st->rx, st->text.s, end, at, PCRE2_ANCHORED);
  if (rc <= 0) return 0;
  size_t ms = 0, me = 0;
  bl_rx_group(&st->rx, 0, &ms, &me);
  return me > at ? me : 0;
}

/* Does a pattern that ends with "$" match the text just before `at`?
 * *ms (may be NULL) gets where the match starts. */
static bool ends_before_at(bl_docstate *st, const pcre2_code *re, size_t from, size_t at,
                           size_t *ms) {
  size_t start = at > BEFORE_WINDOW * 2 ? at - BEFORE_WINDOW * 2 : 0;
  if (start < from) start = from;
  int rc = bl_rx_match(re, &st->rx, st->text.s, at, start, 0);
  if (rc <= 0) return false;
  size_t s0 = 0, e0 = 0;
  bl_rx_group(&st->rx, 0, &s0, &e0);
  if (ms) *ms = s0;
  return true;
}

static bool ends_before(bl_docstate *st, const pcre2_code *re, size_t from, size_t at) {
  return ends_before_at(st, re, from, at, NULL);
}

/* First unanchored match of re in [from, end): fills ms and me. */
static bool search(bl_docstate *st, const pcre2_code *re, size_t from, size_t end, size_t *ms,
                   size_t *me) {
  if (from >= end) return false;
  int rc = bl_rx_match(re, &st->rx, st->text.s, end, from, 0);
  if (rc <= 0) return false;
  bl_rx_group(&st->rx, 0, ms, me);
  return true;
}

/* The predicates of categories.tsv are two patterns (claims.pcre cat-pred):
 * where one of them matches at `at`, its end, else 0. */
static size_t pred_at(bl_docstate *st, size_t at, size_t end) {
  size_t me = match_at(st, st->g->rx_cat_pred, at, end);
  return me ? me : match_at(st, st->g->rx_cat_pred2, at, end);
}

/* The predicates of [.., end) in text order, of either pattern: each
 * pattern's next match is kept until the scan passes its start (a pattern
 * with no match from some place has none from any later place). */
typedef struct pred_scan {
  size_t end;
  bool searched[2], found[2];
  size_t ms[2], me[2];
} pred_scan;

static bool pred_next(bl_docstate *st, pred_scan *ps, size_t from, size_t *ms, size_t *me) {
  const pcre2_code *re[2] = {st->g->rx_cat_pred, st->g->rx_cat_pred2};
  int best = -1;
  for (int k = 0; k < 2; k++) {
    if (!ps->searched[k] || (ps->found[k] && ps->ms[k] < from)) {
      ps->searched[k] = true;
      ps->found[k] = search(st, re[k], from, ps->end, &ps->ms[k], &ps->me[k]);
    }
    if (ps->found[k] && (best < 0 || ps->ms[k] < ps->ms[best])) best = k;
  }
  if (best < 0) return false;
  *ms = ps->ms[best];
  *me = ps->me[best];
  return true;
}

/* The entry of lx whose kind is in `kinds` for s[a..b), with spaces collapsed. */
static const bl_lexent *find_collapsed(const bl_lexicon *lx, const char *s, size_t a, size_t b,
                                       unsigned kinds) {
  char tmp[96];
  size_t n = 0;
  for (size_t i = a; i < b && n < sizeof tmp; i++) {
    if (is_space((unsigned char)s[i])) {
      if (n && tmp[n - 1] != ' ') tmp[n++] = ' ';
    } else {
      tmp[n++] = s[i];
    }
  }
  while (n && tmp[n - 1] == ' ') n--;
  return bl_lex_find_kind(lx, tmp, n, kinds);
}

/* The categories.tsv entry of kind in `kinds` for s[a..b). */
static const bl_lexent *cat_entry(const bl_grammar *g, const char *s, size_t a, size_t b,
                                  unsigned kinds) {
  return find_collapsed(&g->categories, s, a, b, kinds);
}

#define K(x) (1u << (x))

/* Does s[a..b) look like a finite verb ("travaillaient", "restent")? */
bool bl_finite_verb(const char *s, size_t a, size_t b) {
  static const char *const endings[] = {"aient", "ait", "èrent", "ent", NULL};
  size_t n = b - a;
  /* "gouvernement", "département", "logement": nouns */
  if (n > 6 && !memcmp(s + b - 5, "ement", 5)) return false;
  for (size_t i = 0; endings[i]; i++) {
    size_t k = strlen(endings[i]);
    if (n > k + 1 && !memcmp(s + b - k, endings[i], k)) return true;
  }
  return false;
}

/* Does s[a..b) end like an infinitive ("économiser", "atteindre",
 * "franchir")?  Only where a verb is expected: "dossier" ends so too. */
static bool infinitive_like(const char *s, size_t a, size_t b) {
  static const char *const endings[] = {"er", "ir", "re", NULL};
  size_t n = b - a;
  for (size_t i = 0; endings[i]; i++)
    if (n >= 5 && !memcmp(s + b - 2, endings[i], 2)) return true;
  return false;
}

/* Nouns in -ité that no verb ends with: "maternités", "localités",
 * "activités", "universités" (but "invités", "visités", "habités" are
 * participles) */
static bool abstract_noun(const char *s, size_t a, size_t b) {
  static const char *const stems[] = {"nit", "lit", "ivit", "rsit", NULL};
  if (b > a && s[b - 1] == 's') b--;
  if (b - a < 6 || memcmp(s + b - 2, "é", 2)) return false;
  for (size_t i = 0; stems[i]; i++) {
    size_t k = strlen(stems[i]);
    if (b - a >= k + 4 && !memcmp(s + b - 2 - k, stems[i], k)) return true;
  }
  return false;
}

/* Does s[a..b) end like a past participle ("venus", "arrivés")? */
static bool participle_like(const char *s, size_t a, size_t b) {
  static const char *const endings[] = {"é", "ée", "és", "ées", "us", "ues", NULL};
  size_t n = b - a;
  for (size_t i = 0; endings[i]; i++) {
    size_t k = strlen(endings[i]);
    /* not "digues", "attaques", "vagues": nouns in -gue, -que */
    if (n > k + 1 && !memcmp(s + b - k, endings[i], k) && /* ("tuées": two bytes before) */
        !(s[b - k] == 'u' && (s[b - k - 1] == 'g' || s[b - k - 1] == 'q')))
      return !abstract_noun(s, a, b);
  }
  return false;
}

/* Is s[a..b) an adjective-like word that may follow the head noun? */
static bool adjective_like(const bl_grammar *g, const char *s, size_t a, size_t b) {
  if (b <= a || !is_letter((unsigned char)s[a])) return false;
  if (s[b - 1] == '\'') return false;
  if (bl_word_class(g, s, a, b) || bl_lex_find(&g->calendar, s + a, b - a)) return false;
  /* "deux immeubles rue d'Aubagne": a street starts a place */
  const bl_lexent *place = bl_lex_find(&g->places, s + a, b - a);
  if (place && place->kind == PL_STREET) return false;
  unsigned char c = (unsigned char)s[a];
  if (c >= 'A' && c <= 'Z') return false; /* a name or the next sentence */
  size_t n = b - a;
  /* Finite verbs and adverbs end the noun phrase. */
  static const char *const stop_end[] = {"ait", "aient", "ment", "èrent", "ront", NULL};
  for (size_t i = 0; stop_end[i]; i++) {
    size_t k = strlen(stop_end[i]);
    if (n > k + 1 && !memcmp(s + b - k, stop_end[i], k)) return false;
  }
  if (n > 3 && !memcmp(s + b - 3, "ent", 3) && memcmp(s + b - 4, "ient", 4) &&
      memcmp(s + b - 4, "uent", 4))
    return false; /* "ont été", "sont", "meurent": not "récent", but rarely after a count */
  return true;
}

/* Is s[a..b) a present participle after the plural noun `head`: "-ant",
 * where an adjective would agree ("camps pouvant", not "blessés restants")? */
static bool invariable_participle(const char *s, bl_nspan head, size_t a, size_t b) {
  return b - a > 4 && !memcmp(s + b - 3, "ant", 3) && head.e > head.s &&
         (s[head.e - 1] == 's' || s[head.e - 1] == 'x');
}

typedef struct nphrase {
  bl_nspan head;   /* head noun */
  bl_nspan unit;   /* head + adjectives */
  bl_nspan np;     /* with complements */
  bl_nspan pred;   /* a predicate met inside the phrase (participle) */
  bl_nspan degree; /* "27 autres plus légèrement": the others' adverb of severity */
  bool autres;
  bool of_the;       /* "sept des prévenus": a part of the prévenus counted before */
  size_t whole_at;   /* "12 des 43 mineurs": where the whole's figure starts (0: none) */
  size_t autres_end; /* past "autres" */
  const bl_lexent *noun; /* categories.tsv entry of the head, if any */
  bl_group comp_group;
} nphrase;

/* The participle right after a plain noun, when it names a category
 * ("personnes interpellées"): its entry, its span in *pp; else NULL. */
static const bl_lexent *category_participle(const bl_grammar *g, const char *s, size_t from, size_t end,
                                            bl_nspan *pp) {
  size_t a, b;
  if (!bl_word_at(s, from, end, &a, &b) || !participle_like(s, a, b)) return NULL;
  const bl_lexent *e = cat_entry(g, s, a, b, K(CK_PRED));
  if (!e || e->value < 0) return NULL;
  *pp = (bl_nspan){a, b};
  return e;
}

/* "deux des victimes": the noun of a partitive after a bare figure is what
 * it counts (and its whole is the last count of that noun's category). */
static void partitive_noun(bl_docstate *st, size_t at, size_t end, nphrase *np) {
  const char *s = st->text.s;
  size_t me = match_at(st, st->g->rx_sub_after, at, end);
  if (!me) return;
  size_t ws = me;
  while (ws > at && is_letter((unsigned char)s[ws - 1])) ws--;
  const bl_lexent *e = ws < me ? cat_entry(st->g, s, ws, me, K(CK_NOUN)) : NULL;
  /* "Huit des personnes interpellées": a plain noun and its participle */
  bl_nspan pp = {0, 0};
  if ((!e || e->value < 0) && !(ws < me && category_participle(st->g, s, me, end, &pp))) return;
  np->head = np->unit = np->np = (bl_nspan){ws, me};
  np->noun = e;
  if (pp.e) np->pred = pp;
}

size_t bl_first_figure(const bl_docstate *st, size_t from) {
  size_t lo = 0, hi = st->q.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (st->q.v[mid].ns < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The quantity that starts at `at`, or NULL. */
static const bl_qty *figure_at(const bl_docstate *st, size_t at) {
  size_t k = bl_first_figure(st, at);
  return k < st->q.n && st->q.v[k].ns == at ? &st->q.v[k] : NULL;
}

/* Where the next word at or after p (before end) starts, or end. */
static size_t next_word_start(const char *s, size_t p, size_t end) {
  size_t a, b;
  return bl_word_at(s, p, end, &a, &b) ? a : end;
}

/* Where the first figure at or after `from` starts, else `end` (the
 * figures are in text order: a binary search). */
static size_t next_figure(const bl_docstate *st, size_t from, size_t end) {
  size_t k = bl_first_figure(st, from);
  return k < st->q.n && st->q.v[k].ns < end ? st->q.v[k].ns : end;
}

/* Would the phrase end on the present participle s[a..b): is it followed
 * by an infinitive ("pouvant accueillir", which the phrase does not take)
 * or is its object the next count ("transportant 2 000 passagers")? */
static bool participle_cut_off(const bl_docstate *st, bl_nspan head, size_t a, size_t b,
                               size_t end) {
  const char *s = st->text.s;
  if (!invariable_participle(s, head, a, b)) return false;
  size_t x, y, reach = end < b + 40 ? end : b + 40;
  return next_figure(st, b, reach) < reach ||
         (bl_word_at(s, b, end, &x, &y) && !bl_word_class(st->g, s, x, y) && infinitive_like(s, x, y));
}

/* Is there a comma in s[a, b)?  (", dont deux enfants, et 117 autres": the
 * incise of parts is closed) */
static bool comma_between(const char *s, size_t a, size_t b) {
  return a < b && memchr(s + a, ',', b - a) != NULL;
}

/* Does the list opened at `from` reach the figure at `at`: does every comma
 * between open a figure ("Parmi les blessés figurent 11 femmes, 9 enfants
 * et ...")?  Not past another clause (", a précisé l'organisation, qui a
 * dépêché deux équipes"). */
static bool list_reaches(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  bool incise = false; /* inside ", selon l'ONG," */
  for (const char *c = memchr(s + from, ',', at - from); c; c = memchr(c + 1, ',', at - (size_t)(c + 1 - s))) {
    size_t p = (size_t)(c - s) + 1, a, b;
    while (p < at && is_space((unsigned char)s[p])) p++;
    if (incise) { /* the comma that closes it */
      incise = false;
      continue;
    }
    /* "Parmi les personnes exécutées figurent, selon l'ONG, 31 femmes";
     * "Parmi les personnes tuées, on compte 31 femmes" */
    if (match_at((bl_docstate *)st, st->g->rx_selon, p, at)) {
      incise = true;
      continue;
    }
    if (match_at((bl_docstate *)st, st->g->rx_presentative, p, at)) continue;
    if (bl_word_at(s, p, at, &a, &b) && b - a == 2 && !memcmp(s + a, "et", 2)) p = b;
    /* "au moins 31 femmes, ..., ainsi que quatre mineurs" */
    size_t c2, d2;
    if (bl_word_at(s, p, at, &a, &b) && bl_word_is(s, a, b, "ainsi") && bl_word_at(s, b, at, &c2, &d2) &&
        bl_word_is(s, c2, d2, "que"))
      p = d2;
    while (p < at && is_space((unsigned char)s[p])) p++;
    if (!figure_at(st, p)) return false;
    if ((size_t)(c + 1 - s) >= at) break;
  }
  return true;
}

/* Read the counted noun phrase starting at p (after the figure). */
static void read_np(bl_docstate *st, size_t p, size_t end, nphrase *np) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  memset(np, 0, sizeof *np);
  size_t ws, we;
  /* "d'autres", "autres" */
  size_t m = match_at(st, g->rx_autres, p, end);
  if (m) {
    np->autres = true;
    np->autres_end = p = m;
  }
  /* quotes and "de"/"d'" before the noun ("une vingtaine d'employés") */
  bool after_det = false; /* a noun, not a participle, follows */
  for (int guard = 0; guard < 4; guard++) {
    while (p < end && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
    if (!bl_word_at(s, p, end, &ws, &we)) break;
    if ((we - ws == 2 && !memcmp(s + ws, "d'", 2)) || (we - ws == 2 && !memcmp(s + ws, "de", 2))) {
      p = we;
      /* "douze de ses collègues", "trois de leurs enfants": a plural
       * determiner after "de" (never "les", which fuses into "des") */
      size_t da, db;
      if (bl_word_at(s, p, end, &da, &db) && s[db - 1] == 's' &&
          bl_word_class(g, s, da, db) == WD_DET) {
        p = db;
        after_det = true;
      }
      continue;
    }
    break;
  }
  while (p < end && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
  /* "35 des 40 drones": the noun after the second figure is what is counted;
   * "sept des prévenus": the noun after "des" */
  if (bl_word_at(s, p, end, &ws, &we) && ((we - ws == 3 && !strncmp(s + ws, "des", 3)))) {
    size_t x = we;
    while (x < end && is_space((unsigned char)s[x])) x++;
    bool figure = false;
    for (size_t i = 0; i < st->q.n; i++)
      if (st->q.v[i].ns == x) {
        p = st->q.v[i].after > st->q.v[i].ne ? st->q.v[i].after : st->q.v[i].ne;
        while (p < end && is_space((unsigned char)s[p])) p++;
        figure = true;
        np->whole_at = x;
        break;
      }
    size_t na, nb;
    if (!figure && bl_word_at(s, x, end, &na, &nb) && s[na] >= 'a' && s[na] <= 'z' &&
        !bl_word_class(g, s, na, nb) && cat_entry(g, s, na, nb, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED))) {
      p = na;
      after_det = true;
      np->of_the = true;
    }
  }
  /* "nouveaux", "autres", "derniers" before the head noun */
  for (int guard = 0; guard < 2; guard++) {
    if (!bl_word_at(s, p, end, &ws, &we)) return;
    const bl_lexent *e = bl_lex_find(&g->status, s + ws, we - ws);
    if ((e && e->kind == ST_DELTA) || bl_word_class(g, s, ws, we) == WD_PRENOMINAL) {
      p = we;
      continue;
    }
    break;
  }
  if (!bl_word_at(s, p, end, &ws, &we)) return;
  /* "31 autres plus légèrement", "sept autres légèrement": an adverb of
   * degree, the noun left out; one of severity.tsv is the others' own */
  size_t xa = ws, xb = we;
  bool more = (we - ws == 4 && !memcmp(s + ws, "plus", 4)) || (we - ws == 5 && !memcmp(s + ws, "moins", 5));
  if (more && !bl_word_at(s, we, end, &xa, &xb)) xa = xb = we;
  /* also a part's: "cinq policiers blessés, dont deux grièvement" (not
   * "deux grièvement blessés", whose predicate follows) */
  size_t fa, fb;
  if (xb > xa && bl_lex_find(&g->severity, s + xa, xb - xa) &&
      (np->autres || !bl_word_at(s, xb, end, &fa, &fb) || fa > xb + 1 || !participle_like(s, fa, fb))) {
    np->degree = (bl_nspan){xa, xb};
    return;
  }
  if (is_digit((unsigned char)s[ws]) || bl_word_class(g, s, ws, we)) return;
  if (more && xb - xa > 6 && !memcmp(s + xb - 4, "ment", 4)) return;
  /* "13 arrêtées administrativement et 2 judiciairement": after a figure
   * above one a noun takes the plural, so a word in "-ment" is an adverb */
  bl_nspan one = bl_word_before(s, 0, ws);
  if (we - ws > 6 && !memcmp(s + we - 4, "ment", 4) && !(one.e - one.s == 1 && s[one.s] == '1') &&
      !bl_word_is(s, one.s, one.e, "un") && !bl_word_is(s, one.s, one.e, "une") &&
      !cat_entry(g, s, ws, we, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED)))
    return;
  /* "huit interpellées", "740 autres blessés": the noun is elided and this
   * is the predicate. */
  size_t pm = pred_at(st, ws, end);
  if (pm && (np->autres || !cat_entry(g, s, ws, we, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED)))) {
    np->pred.s = ws;
    np->pred.e = pm;
    return;
  }
  /* "dont trois graves": a word of severity, the noun left out */
  if (bl_lex_find(&g->severity, s + ws, we - ws)) {
    np->pred.s = ws;
    np->pred.e = we;
    return;
  }
  /* Multi-word nouns of the lexicon first ("sapeurs-pompiers" is one word;
   * "blessés graves", "casques bleus" are two). */
  if (!after_det && !cat_entry(g, s, ws, we, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED)) &&
      (bl_finite_verb(s, ws, we) || participle_like(s, ws, we) ||
       bl_lex_find(&g->calendar, s + ws, we - ws)))
    return; /* "2 800 mardi soir", "120 venus des départements voisins" */
  np->head.s = ws;
  np->head.e = we;
  /* up to four words: "gardiens de la paix" */
  for (size_t k = 0, q = we, a, b; k < 3 && bl_word_at(s, q, end, &a, &b); k++, q = b) {
    const bl_lexent *e = cat_entry(g, s, ws, b, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED));
    if (e) np->head.e = b;
  }
  np->noun = cat_entry(g, s, np->head.s, np->head.e, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED));
  np->unit = np->head;
  np->np = np->head;
  /* adjectives, a participle that is a predicate, complements */
  size_t q = np->head.e;
  int adjectives = 0, complements = 0;
  while (q < end) {
    size_t a, b;
    size_t qq = q;
    while (qq < end && is_space((unsigned char)s[qq])) qq++;
    /* a closing quote ends the quoted phrase: "« plus de 150 cibles » du
     * Hezbollah au cours des dernières 24 heures" */
    if (qq < end && s[qq] == '"' && bl_text_quote_side(&st->text, qq) < 0) break;
    while (qq < end && (is_space((unsigned char)s[qq]) || s[qq] == '"')) qq++;
    if (!bl_word_at(s, qq, end, &a, &b)) break;
    size_t pred_end = pred_at(st, a, end);
    if (pred_end && !np->pred.e) {
      np->pred.s = a;
      np->pred.e = pred_end;
      break;
    }
    int cls = bl_word_class(g, s, a, b);
    bool prep = (cls == WD_PREP || cls == WD_DET) &&
                ((b - a == 2 && (!memcmp(s + a, "de", 2) || !memcmp(s + a, "d'", 2))) ||
                 (b - a == 2 && !memcmp(s + a, "du", 2)) || (b - a == 3 && !memcmp(s + a, "des", 3)) ||
                 (b - a == 3 && !memcmp(s + a, "aux", 3)) || (b - a == 2 && !memcmp(s + a, "au", 2)));
    bool coord = b - a == 2 && !memcmp(s + a, "et", 2) && complements > 0;
    if (coord) {
      size_t c2, d2;
      if (!bl_word_at(s, b, end, &c2, &d2)) break;
      if (!((d2 - c2 == 2 && (!memcmp(s + c2, "de", 2) || !memcmp(s + c2, "d'", 2) ||
                              !memcmp(s + c2, "du", 2))) ||
            (d2 - c2 == 3 && !memcmp(s + c2, "des", 3))))
        break;
      q = b;
      continue;
    }
    if (prep && complements < 2) {
      /* prep [det] noun [adjective] */
      size_t c = b, x, y;
      if (!bl_word_at(s, c, end, &x, &y)) break;
      if (bl_word_is(s, a, b, "au") && bl_word_is(s, x, y, "lieu")) break; /* "25 morts au lieu de 20" */
      int k = bl_word_class(g, s, x, y);
      if (k == WD_DET) {
        c = y;
        if (!bl_word_at(s, c, end, &x, &y)) break;
        k = bl_word_class(g, s, x, y);
      }
      /* "enfants de moins de 10 ans": an age (a figure that counts nothing,
       * its hedge included) is a complement */
      const bl_qty *fq = figure_at(st, x);
      if (fq) {
        size_t age_end = match_at(st, g->rx_nc_after, fq->ne, end);
        if (!age_end) break;
        while (age_end > fq->ne && is_space((unsigned char)s[age_end - 1])) age_end--;
        q = np->np.e = age_end;
        complements++;
        continue;
      }
      if (k || is_digit((unsigned char)s[x])) break;
      if (pred_at(st, x, end)) break;
      /* the group of a complement: "membres de la police" */
      const bl_lexent *ce = NULL;
      for (size_t z = y, u, v, n = 0; n < 4; n++) { /* "forces de l'ordre": four words */
        const bl_lexent *e = cat_entry(g, s, x, z, K(CK_COMP) | K(CK_NOUN));
        if (e && e->group) ce = e;
        if (!bl_word_at(s, z, end, &u, &v) || bl_word_class(g, s, u, v) == WD_CONJ) break;
        z = v;
      }
      if (ce && !np->comp_group) np->comp_group = (bl_group)ce->group;
      q = y;
      size_t u, v;
      if (bl_word_at(s, q, end, &u, &v) && adjective_like(g, s, u, v) &&
          !pred_at(st, u, end) && !participle_cut_off(st, np->head, u, v, end))
        q = v;
      /* the complement's name: "de l'opération Sentinelle", "de la tempête
       * Ciaran" */
      for (int names = 0; names < 2 && bl_word_at(s, q, end, &u, &v) && u == q + 1 && bl_capital_at(s, u);
           names++)
        q = v;
      np->np.e = q;
      complements++;
      continue;
    }
    /* "manifestants scandant des slogans": a present participle is no part
     * of the unit (an adjective in -ant agrees: "manifestants violents");
     * one whose object is the next count ("camps pouvant accueillir 400
     * sinistrés") ends the phrase, which would end on it */
    bool present_participle = invariable_participle(s, np->head, a, b);
    if (present_participle && participle_cut_off(st, np->head, a, b, end)) break;
    /* "la suppression de 4 000 postes prévue": a feminine singular
     * participle after a plural noun agrees with another noun */
    if (s[np->head.e - 1] == 's' && b - a > 4 &&
        (!memcmp(s + b - 3, "ée", 3) || (s[b - 1] == 'e' && s[b - 2] == 'u' && s[b - 3] != 'g' && s[b - 3] != 'q')))
      break;
    if (complements == 0 && adjectives < 2 && adjective_like(g, s, a, b)) {
      adjectives++;
      q = b;
      /* "mineurs non accompagnés", "cas non confirmés": one adjective */
      size_t na, nb;
      if (b - a == 3 && !memcmp(s + a, "non", 3) && bl_word_at(s, b, end, &na, &nb) &&
          adjective_like(g, s, na, nb)) {
        if (np->unit.e == np->np.e) np->unit.e = nb;
        q = np->np.e = nb;
        continue;
      }
      /* "routes départementales"; not "décès supplémentaires" (a delta) */
      const bl_lexent *sw = bl_lex_find(&g->status, s + a, b - a);
      /* a short participle too: "décès liés à l'épidémie" */
      bool short_pp = b - a >= 4 && (!memcmp(s + b - 3, "és", 3) || !memcmp(s + b - 3, "ée", 3) ||
                                     (b - a >= 5 && !memcmp(s + b - 4, "ées", 4)));
      if (!participle_like(s, a, b) && !short_pp && !present_participle && !(sw && sw->kind == ST_DELTA) &&
          np->unit.e == np->np.e)
        np->unit.e = b;
      np->np.e = b;
      continue;
    }
    break;
  }
}

/* A participle after the counted noun, not in categories.tsv ("corps
 * découverts", "habitations perdues", "bâtiments publics incendiés"), past
 * the auxiliaries ("ont été", "sont"); for the subject only. */
static bl_nspan participle_after(bl_docstate *st, size_t p, size_t end) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  size_t a, b;
  bool reflexive = false;
  for (int k = 0; k < 6 && bl_word_at(s, p, end, &a, &b); k++) {
    int cls = bl_word_class(g, s, a, b);
    /* the reflexive of a pronominal verb too, agreeing with a count (so
     * plural): "se sont effondrées", not "un avion transportant 72
     * personnes s'est écrasé" */
    if (b - a == 2 && (!memcmp(s + a, "se", 2) || !memcmp(s + a, "s'", 2))) {
      reflexive = true;
      p = b;
      continue;
    }
    if (b - a == 1 && s[a] == 'y') { /* "6 800 maisons y ont été détruites" */
      p = b;
      continue;
    }
    /* a singular auxiliary after a count is another subject's verb: "Un
     * bus transportant 45 pèlerins a chuté" */
    static const char *const singular[] = {"a", "est", "avait", "était", "sera", "aura", "serait", "aurait", NULL};
    for (size_t i = 0; singular[i] && bl_word_aux(cls); i++)
      if (b - a == strlen(singular[i]) && !memcmp(s + a, singular[i], b - a)) return (bl_nspan){0, 0};
    if (bl_word_aux(cls) || cls == WD_ADV) {
      p = b;
      continue;
    }
    size_t x, y; /* "se sont par ailleurs inscrits": a preposition and an adverb;
                  * "totalement ou partiellement détruites": adverbs joined */
    if ((cls == WD_PREP || (cls == WD_CONJ && b - a == 2 && (!memcmp(s + a, "ou", 2) || !memcmp(s + a, "et", 2)) &&
                            k > 0)) &&
        bl_word_at(s, b, end, &x, &y) && bl_word_class(g, s, x, y) == WD_ADV) {
      p = y;
      continue;
    }
    if (cls) break;
    /* too short for the endings: "prises en charge", "mis à l'abri" */
    static const char *const short_ones[] = {"pris", "prise", "prises", "mis", "mise", "mises", NULL};
    for (size_t i = 0; short_ones[i]; i++)
      if (b - a == strlen(short_ones[i]) && !memcmp(s + a, short_ones[i], b - a)) return (bl_nspan){a, b};
    if (b - a < 4) break;
    static const char *const endings[] = {"é",    "ée",   "és",  "ées",  "is",  "ise",  "ises",
                                          "it",   "its",  "ite", "ites", "u",   "ue",   "us",
                                          "ues",  "ert",  "erts", "erte", "ertes", /* découverts */
                                          "eint", "eints", "einte", "eintes", NULL}; /* atteints */
    for (size_t i = 0; endings[i]; i++) {
      size_t n = strlen(endings[i]);
      if (b - a > n + 2 && !memcmp(s + b - n, endings[i], n) && (!reflexive || s[b - 1] == 's')) {
        size_t u, v; /* "restés bloqués", "tombés malades": a second participle */
        if (bl_word_at(s, b, end, &u, &v) && !bl_word_class(g, s, u, v) && participle_like(s, u, v))
          b = v;
        return (bl_nspan){a, b};
      }
    }
    break;
  }
  return (bl_nspan){0, 0};
}

/* Is s[a..b) "et" or "ou"? */
static bool and_or(const char *s, size_t a, size_t b) {
  return b - a == 2 && (!memcmp(s + a, "et", 2) || !memcmp(s + a, "ou", 2));
}

/* A predicate coordinated with another, for the subject: "ont été
 * détruites ou rendues inhabitables" (found at "rendues inhabitables"),
 * "sont mortes ou ont disparu".  Widens pred over the participle before it
 * (from the noun's end `np_end`) and after it, past "et"/"ou" and the
 * auxiliaries; a figure after "et" is another count, never a predicate. */
static bl_nspan coordinated_pred(bl_docstate *st, size_t np_end, bl_nspan pred, size_t end) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  size_t a, b;
  bl_nspan first = participle_after(st, np_end, pred.s);
  if (first.e && first.s < pred.s) {
    bool only_links = true, joined = false;
    for (size_t p = first.e; only_links && bl_word_at(s, p, pred.s, &a, &b); p = b) {
      int cls = bl_word_class(g, s, a, b);
      if (and_or(s, a, b)) joined = true;
      else if (!bl_word_aux(cls) && cls != WD_ADV && !participle_like(s, a, b)) only_links = false;
    }
    if (only_links && joined) pred.s = first.s;
  }
  if (bl_word_at(s, pred.e, end, &a, &b) && and_or(s, a, b)) {
    bl_nspan next = participle_after(st, b, end);
    size_t x, y; /* "ou ont été portés disparus" */
    if (next.e && bl_word_at(s, next.e, end, &x, &y) && participle_like(s, x, y)) next.e = y;
    /* the count's own: plural, or after an auxiliary ("ou ont disparu");
     * not "[il] a estimé que 300 000 personnes se retrouvaient sans abri et
     * chiffré les dégâts" */
    bool agrees = next.e && (s[next.e - 1] == 's' || s[next.e - 1] == 'x' || next.s > b + 1);
    if (agrees && next_figure(st, b, next.e) == next.e) pred.e = next.e;
  }
  return pred;
}

/* The object of an active predicate, for the subject ("ont signé une lettre
 * ouverte", "ont combattu simultanément l'incendie"): adverbs, then a
 * determiner and at most four words of its noun phrase.  Returns where it
 * ends, or p when there is none. */
static size_t object_end(bl_docstate *st, size_t p, size_t end) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  size_t a, b, q = p;
  for (int k = 0; k < 2 && bl_word_at(s, q, end, &a, &b); k++) {
    int cls = bl_word_class(g, s, a, b);
    if (cls != WD_ADV && !(b - a > 6 && !memcmp(s + b - 4, "ment", 4))) break;
    q = b;
  }
  if (!bl_word_at(s, q, end, &a, &b)) return p;
  if (bl_word_class(g, s, a, b) != WD_DET) {
    /* a bare noun of a set phrase: "ont pris position", "ont perdu
     * connaissance"; then a preposition, a determiner or the clause's end */
    size_t x, y;
    bool bare = s[a] >= 'a' && s[a] <= 'z' && b - a >= 3 && !bl_word_class(g, s, a, b) &&
                strncmp(s + a, "plus", b - a) && strncmp(s + a, "moins", b - a) &&
                strncmp(s + a, "près", b - a) && !participle_like(s, a, b) &&
                !bl_finite_verb(s, a, b) && !bl_lex_find(&g->calendar, s + a, b - a) &&
                !(b - a > 6 && !memcmp(s + b - 4, "ment", 4)) &&
                (!bl_word_at(s, b, end, &x, &y) || bl_word_class(g, s, x, y) == WD_PREP ||
                 bl_word_class(g, s, x, y) == WD_DET);
    return bare ? b : p;
  }
  q = b;
  size_t last = p;
  for (int words = 0; words < 4 && bl_word_at(s, q, end, &a, &b); q = b) {
    int cls = bl_word_class(g, s, a, b);
    bool of = (cls == WD_PREP || cls == WD_DET) &&
              ((b - a == 2 && (!memcmp(s + a, "de", 2) || !memcmp(s + a, "d'", 2) ||
                               !memcmp(s + a, "du", 2))) ||
               (b - a == 3 && !memcmp(s + a, "des", 3)));
    if (of) continue; /* "la lettre de soutien" */
    if (cls || is_digit((unsigned char)s[a]) || bl_finite_verb(s, a, b) ||
        (b - a > 4 && !memcmp(s + b - 3, "ant", 3)) || bl_lex_find(&g->speech, s + a, b - a))
      break;
    words++;
    last = b;
  }
  return last;
}

/* A finite verb of the third person plural whose present participle is its
 * stem and "-ant": "-aient" ("vivaient"), or "-ent" but after "nn", "v",
 * "eur", "eul" ("prennent", "doivent", "meurent", "veulent": irregular). */
static bool regular_plural_verb(const char *s, size_t a, size_t b) {
  size_t n = b - a;
  if (!bl_finite_verb(s, a, b)) return false;
  if (n > 6 && !memcmp(s + b - 5, "aient", 5)) return true;
  return n > 5 && !memcmp(s + b - 3, "ent", 3) && memcmp(s + b - 5, "nn", 2) && s[b - 4] != 'v' &&
         memcmp(s + b - 6, "eur", 3) && memcmp(s + b - 6, "eul", 3);
}

/* After a part whose noun is left out: a finite verb of the third person
 * plural and what follows it ("concernent des personnes âgées de plus de 75
 * ans"; *finite set: the subject writes "concernant"), the attribute after
 * a form of "être" ("seraient d'origine naturelle"), or a modal after
 * "avoir" and what follows ("ont pu se rendre à Drovno"; *active set: the
 * subject writes "ayant pu"), up to a comma, "selon" or ten words.  Empty
 * when none. */
static bl_nspan verb_phrase_after(bl_docstate *st, size_t p, size_t end, bool *finite,
                                  bool *active) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t a, b;
  *finite = *active = false;
  while (p < end && is_space((unsigned char)s[p])) p++;
  if (!bl_word_at(s, p, end, &a, &b) || a != p) return none;
  int cls = bl_word_class(g, s, a, b);
  /* "ont pu se rendre à Drovno", "ont dû être évacués": a modal after
   * "avoir" and its infinitive ("ayant pu se rendre à Drovno") */
  size_t ma, mb;
  if (cls == WD_HAVE && bl_word_at(s, b, end, &ma, &mb) &&
      ((mb - ma == 2 && !memcmp(s + ma, "pu", 2)) || (mb - ma == 3 && !memcmp(s + ma, "dû", 3)))) {
    *active = true;
    a = ma;
    b = mb;
    cls = 0;
  }
  bool copula = cls == WD_AUX; /* "être" ("avoir" is WD_HAVE) */
  size_t n = b - a;
  bool verb = !cls && regular_plural_verb(s, a, b) && !bl_lex_find(&g->speech, s + a, n);
  if (!copula && !verb && !*active) return none;
  bl_nspan out = {copula ? b : a, b};
  size_t q = b, x, y;
  for (int words = 0; words < 10 && bl_word_at(s, q, end, &x, &y); words++, q = y) {
    size_t gap = q;
    while (gap < x && is_space((unsigned char)s[gap])) gap++;
    if (gap < x) break; /* a comma or a mark */
    if (y - x == 5 && !strncmp(s + x, "selon", 5)) break;
    out.e = y;
  }
  if (copula) {
    while (out.s < out.e && is_space((unsigned char)s[out.s])) out.s++;
    if (out.e <= out.s) return none;
  }
  *finite = verb && !*active;
  return out;
}

/* Does s[a..b) end like a masculine singular past participle, as it stands
 * after "avoir" ("tué", "détruit", "perdu", "pris", "blessé")? */
static bool past_participle_form(const char *s, size_t a, size_t b) {
  if (b - a >= 3 && !memcmp(s + b - 2, "é", 2)) return true;
  char c = s[b - 1];
  return b - a >= 4 && (c == 'i' || c == 'u' || c == 't' || (c == 's' && s[b - 2] == 'i'));
}

/* Is the word before `at` (past an adverb) a form of "avoir" ("ont perdu
 * la vie", "ont déjà fui")? */
static bool after_have(bl_docstate *st, size_t at, size_t floor) {
  const char *s = st->text.s;
  size_t e = at;
  for (int k = 0; k < 2; k++) {
    while (e > floor && is_space((unsigned char)s[e - 1])) e--;
    size_t b = e;
    while (b > floor && !is_space((unsigned char)s[b - 1])) b--;
    int cls = b < e ? bl_word_class(st->g, s, b, e) : 0;
    if (cls != WD_ADV) return cls == WD_HAVE;
    e = b;
  }
  return false;
}

/* A year ("2023") or the day of a date ("9 février") at [a, b). */
static bool date_word(const bl_grammar *g, const char *s, size_t a, size_t b, size_t end) {
  if (b - a == 4 && (s[a] == '1' || s[a] == '2')) {
    for (size_t i = a; i < b; i++)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  }
  bool first = b - a == 3 && !memcmp(s + a, "1er", 3);
  if (!first && (b - a > 2 || (b - a == 2 && (s[a + 1] < '0' || s[a + 1] > '9')))) return false;
  size_t x, y;
  if (!bl_word_at(s, b, end, &x, &y)) return false;
  const bl_lexent *m = bl_lex_find(&g->calendar, s + x, y - x);
  return m && m->kind == CAL_MONTH;
}

/* A prepositional phrase at p ("à Pradevel", "dans les seuls hôpitaux de la
 * capitale", "sur les routes ostréliennes"): up to the clause's end. */
/* A preposition fused with an article: "au", "aux"; with `of`, also
 * "du", "des" ("une baisse de 4,2 % du nombre de tués"). */
static bool fused_prep(const char *s, size_t a, size_t b, bool of) {
  size_t n = b - a;
  if (n == 2 && !strncmp(s + a, "au", 2)) return true;
  if (n == 3 && !strncmp(s + a, "aux", 3)) return true;
  return of && ((n == 2 && !strncmp(s + a, "du", 2)) || (n == 3 && !strncmp(s + a, "des", 3)));
}

/* Where a place may end: the clause's end, or past it when the next figure
 * sits between a determiner and its noun inside the place ("hébergées dans
 * les 4 centres d'accueil"); where_phrase stops at any other figure. */
static size_t place_end(const bl_docstate *st, size_t clause_end, size_t sent_end) {
  if (clause_end >= sent_end || !is_digit((unsigned char)st->text.s[clause_end])) return clause_end;
  bl_nspan w = bl_word_before(st->text.s, 0, clause_end);
  return w.e > w.s && w.e < clause_end && bl_word_class(st->g, st->text.s, w.s, w.e) == WD_DET
             ? sent_end
             : clause_end;
}

/* Does "pour" at s[a..b) open a purpose ("500 militaires pour appuyer les
 * pompiers", "pour les aider"), not a complement ("passages aux urgences
 * pour pathologies", "arrêtés pour meurtre")?  An infinitive, perhaps after
 * a clitic; of the endings in "-re", those of verbs only. */
static bool purpose_at(bl_docstate *st, size_t a, size_t b, size_t end) {
  const char *s = st->text.s;
  if (!bl_word_is(s, a, b, "pour") && !bl_word_is(s, a, b, "afin")) return false;
  size_t x, y;
  if (!bl_word_at(s, b, end, &x, &y)) return false;
  /* past "de" ("afin de") or a clitic ("pour les aider") */
  if (bl_word_is(s, x, y, "de") || bl_word_is(s, x, y, "d'") || bl_word_class(st->g, s, x, y) == WD_PRON ||
      bl_word_is(s, x, y, "le") || bl_word_is(s, x, y, "la") || bl_word_is(s, x, y, "les") ||
      bl_word_is(s, x, y, "l'"))
    if (!bl_word_at(s, y, end, &x, &y)) return false;
  if (!infinitive_like(s, x, y)) return false;
  /* of the infinitives in "-re", those of verbs: "prendre", "mettre",
   * "détruire", "faire" (not "meurtre") */
  static const char *const verb_re[] = {"ndre", "ttre", "uire", "faire", NULL};
  if (memcmp(s + y - 2, "re", 2)) return true;
  for (size_t i = 0; verb_re[i]; i++)
    if (y - x > strlen(verb_re[i]) && !memcmp(s + y - strlen(verb_re[i]), verb_re[i], strlen(verb_re[i]))) return true;
  return false;
}

static bl_nspan where_phrase(bl_docstate *st, size_t p, size_t end, bool of) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan w = {0, 0};
  size_t a, b;
  /* past the quote that closes the count: "« plusieurs dizaines de morts »
   * dans les seuls hôpitaux de la capitale" */
  while (p < end && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
  /* time words and adverbs may come first: "rassemblés dimanche avenue de la Liberté" */
  for (int k = 0; k < 3 && bl_word_at(s, p, end, &a, &b); k++) {
    int cls = bl_word_class(g, s, a, b);
    const bl_lexent *d = bl_lex_find(&g->calendar, s + a, b - a);
    if (cls == WD_ADV || cls == WD_TIME || (d && d->kind == CAL_DAY)) p = b;
    else break;
  }
  /* "rassemblés dimanche avenue de la Liberté": a street names a place
   * with no preposition, when "de" or a name follows it */
  const bl_lexent *street = bl_word_at(s, p, end, &a, &b) ? bl_lex_find(&g->places, s + a, b - a) : NULL;
  size_t sa, sb;
  bool street_place = street && street->kind == PL_STREET && bl_word_at(s, b, end, &sa, &sb) &&
                      ((sb - sa == 2 && (!strncmp(s + sa, "de", 2) || !strncmp(s + sa, "du", 2) ||
                                          !strncmp(s + sa, "d'", 2))) ||
                       bl_capital_at(s, sa));
  if (!bl_word_at(s, p, end, &a, &b) ||
      (bl_word_class(g, s, a, b) != WD_PREP && !fused_prep(s, a, b, of) && !street_place))
    return w;
  if (b - a == 5 && !strncmp(s + a, "selon", 5)) return w;
  if (!of && purpose_at(st, a, b, end)) return w; /* what money is for stays */
  size_t ea, eb; /* "d'entre eux" is whom the figure is drawn from, no place */
  if (b - a == 2 && !strncmp(s + a, "d'", 2) && bl_word_at(s, b, end, &ea, &eb) && eb - ea == 5 &&
      !strncmp(s + ea, "entre", 5))
    return w;
  /* "25 morts au lieu de 20": a former figure, no place */
  if (bl_word_is(s, a, b, "au") && bl_word_at(s, b, end, &ea, &eb) && bl_word_is(s, ea, eb, "lieu")) return w;
  /* "d'ici à la fin de l'année" is a time */
  if (b - a == 2 && !strncmp(s + a, "d'", 2) && bl_word_at(s, b, end, &ea, &eb) && eb - ea == 3 &&
      !strncmp(s + ea, "ici", 3))
    return w;
  w.s = a;
  size_t q = b;
  int words = 0;
  bool between = b - w.s == 5 && !strncmp(s + w.s, "entre", 5); /* "entre 2019 et 2021" */
  bool after_name = false;
  while (words < 6 && bl_word_at(s, q, end, &a, &b)) {
    int cls = bl_word_class(g, s, a, b);
    if (between && cls == WD_CONJ && b - a == 2 && !strncmp(s + a, "et", 2)) {
      between = false;
      q = b;
      continue;
    }
    /* "dans les collèges et lycées", "sur les routes et les ponts": "et"
     * before a noun, not before a figure, a verb or a name */
    size_t na, nb, x0, y0;
    if (cls == WD_CONJ && ((b - a == 2 && !strncmp(s + a, "et", 2)) || (b - a == 2 && !strncmp(s + a, "ou", 2))) &&
        bl_word_at(s, b, end, &na, &nb) && s[na] >= 'a' && s[na] <= 'z' &&
        next_figure(st, na, nb) == nb && !bl_finite_verb(s, na, nb) &&
        /* not a verb and its count: "en 24 heures et détruit 14 chars" */
        !figure_at(st, next_word_start(s, nb, end)) &&
        /* a participle only at the end: "collèges et lycées", not "et procédé à" */
        (!participle_like(s, na, nb) || !bl_word_at(s, nb, end, &x0, &y0))) {
      int ncls = bl_word_class(g, s, na, nb);
      /* not "et un troisième grièvement blessé": another subject */
      bool indefinite = ncls == WD_DET && s[na] == 'u' && s[na + 1] == 'n';
      if ((ncls == 0 || ncls == WD_DET) && !indefinite) {
        q = b;
        continue;
      }
    }
    if (cls == WD_CONJ || bl_word_aux(cls) || cls == WD_PRON || cls == WD_STOP) break;
    if (b - a == 5 && !strncmp(s + a, "entre", 5)) between = true;
    /* an attribution ends the place: "en France selon le ministère" */
    if ((b - a == 5 && !strncmp(s + a, "selon", 5)) || (b - a == 2 && !strncmp(s + a, "d'", 2) &&
                                                         b + 5 <= end && !strncmp(s + b, "après", 6)))
      break;
    /* a year or a day of a date belongs to the place and time ("sur les
     * routes en 2023", "depuis le 9 février"); any other figure ends it */
    /* an age: "âgés de plus de 75 ans" */
    const bl_qty *fq = figure_at(st, a);
    size_t age_end = fq ? match_at(st, g->rx_nc_after, fq->ne, end) : 0;
    if (age_end) {
      while (age_end > fq->ne && is_space((unsigned char)s[age_end - 1])) age_end--;
      q = w.e = age_end;
      words++;
      continue;
    }
    bl_nspan det = bl_word_before(s, w.s, a);
    if (s[a] >= '0' && s[a] <= '9' && !date_word(g, s, a, b, end) &&
        !(bl_word_class(g, s, det.s, det.e) == WD_DET && bl_word_at(s, b, end, &na, &nb) &&
          s[na] >= 'a' && s[na] <= 'z'))
      break; /* but "dans les 4 centres d'accueil": a figure between determiner and noun */
    if (bl_lex_find(&g->speech, s + a, b - a)) break;
    /* a finite verb after a noun or an adjective ends it: "en situation
     * irrégulière vivent sur l'île" (not "dans l'accident") */
    if (!cls && s[a] >= 'a' && s[a] <= 'z' && bl_finite_verb(s, a, b) && det.e > det.s &&
        !bl_word_class(g, s, det.s, det.e) && s[det.e - 1] != '\'')
      break;
    /* a name ends the place: "au Kazakhstan suite à une demande" */
    const bl_lexent *pa = after_name ? bl_lex_find(&g->places, s + a, b - a) : NULL;
    /* (but an adjective that ends the phrase is the name's: "sur la Sécurité
     * sociale.") */
    size_t na2, nb2;
    bool last_word = !bl_word_at(s, b, end, &na2, &nb2) && adjective_like(g, s, a, b);
    if (!cls && after_name && s[a] >= 'a' && s[a] <= 'z' && !(pa && pa->kind == PL_ADJECTIVE) && !last_word) break;
    after_name = bl_capital_at(s, a);
    if (cls != WD_DET && cls != WD_PREP) words++;
    q = b;
    w.e = b;
  }
  /* do not end on a preposition, a determiner or a conjunction */
  while (w.e > w.s) {
    size_t x = w.s, y = 0, last_s = w.s;
    size_t last_e = last_s; /* an empty word if none is found */
    while (bl_word_at(s, x, w.e, &x, &y)) {
      last_s = x;
      last_e = y;
      x = y;
    }
    int cls = bl_word_class(g, s, last_s, last_e);
    /* nor on a present participle whose object is cut off: "d'une pirogue
     * transportant" (plus de 150 migrants) */
    bool participle = last_e - last_s > 5 && !memcmp(s + last_e - 3, "ant", 3) && last_s > w.s;
    if (cls != WD_DET && cls != WD_PREP && cls != WD_CONJ && !participle) break; /* nor on "et" */
    w.e = last_s;
    while (w.e > w.s && is_space((unsigned char)s[w.e - 1])) w.e--;
  }
  if (w.e <= w.s || words == 0) w.s = w.e = 0;
  return w;
}

/* The class of the word after an elision ("d'avoir": avoir), else 0. */
static int elided_class(const bl_grammar *g, const char *s, size_t a, size_t b) {
  const char *q = memchr(s + a, '\'', b - a);
  if (!q || (size_t)(q - s) + 1 >= b) return 0;
  return bl_word_class(g, s, (size_t)(q - s) + 1, b);
}

/* What money or a percentage measures: the noun after the currency ("30
 * millions d'euros d'aide d'urgence"), else the noun phrase before the
 * figure ("une aide d'urgence de 30 millions", "une baisse de 4,2 %"). */
static bl_nspan money_subject(bl_docstate *st, const bl_qty *q, size_t from, size_t end,
                              int *change) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan np = {0, 0};
  *change = 0;
  size_t a, b;
  size_t after = q->after > q->ne ? q->after : q->ne;
  /* a closing quote: "« plus de 60 % » d'enseignants" */
  while (after < end && (is_space((unsigned char)s[after]) || s[after] == '"')) after++;
  if (bl_word_at(s, after, end, &a, &b) &&
      ((b - a == 2 && (!strncmp(s + a, "d'", 2) || !strncmp(s + a, "de", 2) ||
                       !strncmp(s + a, "du", 2))) ||
       (b - a == 3 && !strncmp(s + a, "des", 3)))) {
    size_t c, d;
    /* "7,5 % de la population active", "80 % de ces décès", "40 % de leur
     * fourrage" */
    if (b - a == 2 && !strncmp(s + a, "de", 2) && bl_word_at(s, b, end, &c, &d) &&
        bl_word_class(g, s, c, d) == WD_DET)
      b = d;
    /* "2 % de moins qu'en 2024", "5 % de plus": a difference, no noun */
    if (bl_word_is(s, a, b, "de") && bl_word_at(s, b, end, &c, &d) &&
        (bl_word_is(s, c, d, "moins") || bl_word_is(s, c, d, "plus")))
      return np;
    if (bl_word_at(s, b, end, &c, &d) && !bl_word_class(g, s, c, d) &&
        !(s[c] >= '0' && s[c] <= '9')) {
      np.s = c;
      np.e = d;
      size_t e, f, h, i;
      /* an adjective: "de la population active" */
      if (bl_word_at(s, d, end, &e, &f) && adjective_like(g, s, e, f) && !bl_finite_verb(s, e, f) &&
          !bl_lex_find(&g->speech, s + e, f - e))
        np.e = d = f;
      /* its own complement: "d'aide d'urgence" */
      if (bl_word_at(s, d, end, &e, &f) && f - e == 2 &&
          (!strncmp(s + e, "d'", 2) || !strncmp(s + e, "de", 2)) && bl_word_at(s, f, end, &h, &i) &&
          !bl_word_class(g, s, h, i))
        np.e = i;
      return np;
    }
  }
  /* backwards from the figure */
  size_t p = q->ns;
  size_t right_before = p; /* where a word written against the figure ends */
  while (right_before > from && (is_space((unsigned char)s[right_before - 1]) || s[right_before - 1] == '"'))
    right_before--;
  bool past_aux = false; /* left of an auxiliary is the subject, not a participle */
  bool amount_seen = false;
  for (int k = 0; k < 4; k++) {
    while (p > from && (is_space((unsigned char)s[p - 1]) || s[p - 1] == '"')) p--;
    size_t w = p;
    while (w > from && (is_letter((unsigned char)s[w - 1]) || s[w - 1] == '\'')) w--;
    if (w == p) break;
    bl_nspan before_w = bl_word_before(s, from, w);
    bool participle = !past_aux && p - w > 4 && (!memcmp(s + p - 2, "é", 2) || !memcmp(s + p - 3, "és", 3) ||
                                    !memcmp(s + p - 3, "ée", 3) || !memcmp(s + p - 4, "ées", 4) ||
                                    /* "s'est établie à": of a verb in -ir, after an auxiliary */
                                    ((!memcmp(s + p - 2, "ie", 2) || !memcmp(s + p - 3, "ies", 3)) &&
                                     bl_word_aux(bl_word_class(g, s, before_w.s, before_w.e))));
    /* a noun after "de" or a determiner: "le taux de létalité atteint",
     * "la société a perdu" */
    if (participle) {
      size_t v = w, u;
      while (v > from && is_space((unsigned char)s[v - 1])) v--;
      for (u = v; u > from && (is_letter((unsigned char)s[u - 1]) || s[u - 1] == '\''); u--) {}
      int before = u < v ? bl_word_class(g, s, u, v) : 0;
      if (before == WD_DET || (v - u == 2 && (!strncmp(s + u, "de", 2) || !strncmp(s + u, "d'", 2))))
        participle = false;
    }
    /* any past participle right after "avoir": "(les prix) ont bondi de" */
    if (!participle && k > 0) participle = after_have(st, w, from) && past_participle_form(s, w, p); /* not "avoir besoin de" */
    /* a verb of speech or means: what comes before it is who pays or says
     * ("le gouvernement débloque 30 millions", "Ottawa a débloqué 50
     * millions"), not what the money is */
    if (!participle && bl_lex_find(&g->speech, s + w, p - w)) return np;
    if (participle) {
      bl_nspan aux = bl_word_before(s, from, w);
      if (aux.s < aux.e && find_collapsed(&g->speech, s, aux.s, p, K(SP_FUND))) return np;
    }
    /* a pronominal verb: "(le budget) s'élève à", "(la participation) s'est
     * élevée à", "se monte à" */
    bool reflexive = p - w > 2 && s[w] == 's' && s[w + 1] == '\'';
    if (!reflexive) {
      size_t v = w;
      while (v > from && is_space((unsigned char)s[v - 1])) v--;
      reflexive = v >= from + 2 && !strncmp(s + v - 2, "se", 2) &&
                  (v == from + 2 || !is_letter((unsigned char)s[v - 3]));
      if (reflexive) w = v - 2;
    }
    int cls = bl_word_class(g, s, w, p);
    /* "un montant total qui dépasse les 300 millions": past the relative
     * pronoun of a verb of amount, its antecedent */
    if (k > 0 && p - w == 3 && !strncmp(s + w, "qui", 3) && amount_seen) {
      p = w;
      break;
    }
    if (cls == WD_AMOUNT) amount_seen = true;
    /* "(la mortalité) a reculé de", "(les prix) augmentent de": a change */
    if (cls == WD_FALL || cls == WD_RISE) {
      /* by how much ("a reculé de 0,3 %"), not to what ("a reculé à 7,3 %") */
      size_t x, y;
      if (bl_word_at(s, p, q->ns + 1, &x, &y) && y - x == 2 && (!strncmp(s + x, "de", 2) || !strncmp(s + x, "d'", 2)))
        *change = cls == WD_FALL ? -1 : 1;
      p = w;
      continue;
    }
    if ((p - w == 2 && (!strncmp(s + w, "de", 2) || !strncmp(s + w, "d'", 2))) ||
        (p - w == 2 && !strncmp(s + w, "à", 2)) || (p - w == 4 && !strncmp(s + w, "soit", 4)) ||
        participle || reflexive || (k > 0 && bl_word_aux(cls)) || cls == WD_AMOUNT ||
        (k == 0 && cls == WD_DET)) {
      p = w; /* "(le chômage) a reculé de", "a été estimé à", "(les dégâts) dépassent les" */
      if (k > 0 && bl_word_aux(cls) && !participle) past_aux = true;
    } else {
      break;
    }
  }
  size_t e = p, start = p;
  for (int k = 0; k < 12; k++) { /* "une cagnotte en ligne lancée par le comité des fêtes de X" */
    while (start > from && is_space((unsigned char)s[start - 1])) start--;
    size_t w = start;
    while (w > from && (is_letter((unsigned char)s[w - 1]) || s[w - 1] == '\'' || s[w - 1] == '-'))
      w--;
    if (w == start) break;
    int cls = bl_word_class(g, s, w, start);
    if (bl_word_aux(cls) || cls == WD_CONJ || cls == WD_PRON || cls == WD_ADV ||
        bl_finite_verb(s, w, start) || bl_word_aux(elided_class(g, s, w, start)) ||
        bl_lex_find(&g->speech, s + w, start - w))
      break; /* "(accusé) d'avoir détourné 3 millions": no noun phrase; "(le
              * syndicat) revendique pour sa part": who says, not what */
    if (cls == WD_DET) {
      /* "sur les routes et les ponts": go on past a determiner after a
       * preposition or "et"; stop at the one that opens the phrase */
      size_t v = w;
      while (v > from && is_space((unsigned char)s[v - 1])) v--;
      size_t u = v;
      while (u > from && (is_letter((unsigned char)s[u - 1]) || s[u - 1] == '\'')) u--;
      int before = u < v ? bl_word_class(g, s, u, v) : 0;
      if (before == WD_NOSRC) before = 0; /* "budget", "bilan": nouns too */
      /* "des", "du" after a noun are "de" and an article: "coût des réparations" */
      bool fused = (start - w == 3 && !strncmp(s + w, "des", 3)) ||
                   (start - w == 2 && !strncmp(s + w, "du", 2));
      /* "sur les routes et les ponts": "et" and its determiner, inside a
       * phrase led by a preposition (not "960 parties civiles et un budget") */
      if (v - u == 2 && !strncmp(s + u, "et", 2)) {
        bl_nspan n1 = bl_word_before(s, from, u);
        bl_nspan d1 = n1.e > n1.s ? bl_word_before(s, from, n1.s) : n1;
        bl_nspan p1 = d1.e > d1.s ? bl_word_before(s, from, d1.s) : d1;
        if (p1.e > p1.s && bl_word_class(g, s, d1.s, d1.e) == WD_DET &&
            bl_word_class(g, s, p1.s, p1.e) == WD_PREP) {
          start = u;
          continue;
        }
      }
      if (before != WD_PREP && !(fused && u < v && !before)) break;
    }
    start = w;
  }
  while (start < e && is_space((unsigned char)s[start])) start++;
  /* "longue de 7 kilomètres avec une pente de 12 %": a noun counted by a
   * figure right before it is that figure's; the phrase opens after the
   * preposition that follows it */
  size_t gap = start;
  while (gap > from && is_space((unsigned char)s[gap - 1])) gap--;
  if (gap > from && is_digit((unsigned char)s[gap - 1])) {
    size_t a0, b0;
    for (size_t x = start; bl_word_at(s, x, e, &a0, &b0) && b0 < e; x = b0)
      if (bl_word_class(g, s, a0, b0) == WD_PREP) {
        start = b0;
        while (start < e && is_space((unsigned char)s[start])) start++;
        break;
      }
  }
  /* "après une hausse de 3,5 %": the phrase opens after its preposition and
   * its determiner */
  for (int k = 0; k < 2; k++) {
    size_t a0, b0;
    if (!bl_word_at(s, start, e, &a0, &b0) || b0 >= e) break;
    int cls = bl_word_class(g, s, a0, b0);
    if (cls != (k == 0 ? WD_PREP : WD_DET) && !(k == 0 && cls == WD_DET)) break;
    k += cls == WD_DET; /* no preposition after the determiner */
    start = b0;
    while (start < e && is_space((unsigned char)s[start])) start++;
  }
  if (start < e) {
    np = (bl_nspan){start, e};
    while (np.e > np.s && is_space((unsigned char)s[np.e - 1])) np.e--;
    /* not a lone participle, verb or preposition ("selon le ministère,
     * contre 60 % selon les syndicats") */
    size_t a0, b0;
    if (bl_word_at(s, np.s, np.e, &a0, &b0) && b0 >= np.e &&
        (bl_finite_verb(s, a0, b0) || bl_word_class(g, s, a0, b0) == WD_PREP))
      np.s = np.e = 0;
    /* "complété par 12,8 millions": a phrase ending on a preposition names
     * no noun */
    bl_nspan last = {0, 0};
    for (size_t x = np.s, u, v; bl_word_at(s, x, np.e, &u, &v); x = v) last = (bl_nspan){u, v};
    if (np.e > np.s && last.e == np.e && bl_word_class(g, s, last.s, last.e) == WD_PREP)
      np.s = np.e = 0;
    /* "(le gouvernement espère) économiser 17,7 milliards", "atteindre 9 %":
     * a figure written against an infinitive is its object; what comes before
     * is who acts, not what the money or the share measures */
    if (np.e == right_before && last.e == np.e &&
        (infinitive_like(s, last.s, last.e) || (last.s == np.s && after_have(st, last.s, from))))
      np.s = np.e = 0; /* nor "(la Banque mondiale) a promis 50 millions" */
  }
  return np;
}

/* ------------------------------------------------------------ categories */

static bool toll_category(bl_category c) {
  return c != BL_CAT_OTHER && c != BL_CAT_PARTICIPANTS && c != BL_CAT_DEPLOYED;
}

/* Search a predicate of categories.tsv in [from, end); the nearest wins. */
/* Is the word before `at` a determiner or a zero word ("aucun disparu",
 * "des blessés")?  Then a predicate form there is a noun, not a predicate. */
static bool after_determiner(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t e = at;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  size_t b = e;
  if (b > from && s[b - 1] == '\'') b--; /* an elided "d'", "l'" */
  while (b > from && is_letter((unsigned char)s[b - 1])) b--;
  if (b >= e) return false;
  int cls = bl_word_class(st->g, s, b, e);
  return cls == WD_DET || cls == WD_ZERO;
}

/* Does the predicate at `at` qualify another noun, one with its own
 * determiner right before it ("ont quitté les zones sinistrées", "assurent
 * la sécurité des zones évacuées")? */
static bool after_other_noun(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  bl_nspan w = bl_word_before(s, from, at);
  if (w.s >= w.e || w.s == from || s[w.s - 1] == '\'' || bl_word_class(st->g, s, w.s, w.e) ||
      participle_like(s, w.s, w.e))
    return false;
  return after_determiner(st, from, w.s);
}

/*
 * A predicate of categories.tsv after a noun, in [from, end): within the
 * clause (up to , ; :), not used as a noun ("aucun disparu").  After a
 * relative clause ("deux hommes qui étaient portés disparus ont été
 * retrouvés sains et saufs") the main verb's predicate, the last, wins.
 */
/* Does the text before `at` end with the word "de" or "d'" (a cheap test
 * before a pattern that needs it)? */
static bool after_de(const char *s, size_t from, size_t at) {
  size_t e = at;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  if (e >= from + 2 && s[e - 1] == '\'' && s[e - 2] == 'd') return e == from + 2 || !is_letter((unsigned char)s[e - 3]);
  return e >= from + 2 && s[e - 1] == 'e' && s[e - 2] == 'd' && (e == from + 2 || !is_letter((unsigned char)s[e - 3]));
}

/* The claim that names the noun claim k counts: k, or the earlier count it
 * takes its noun from ("dont 81 000 à Paris" takes the whole's), or -1. */
long bl_naming_claim(const bl_docstate *st, long k) {
  while (k >= 0 && st->cl.v[k].unit.e <= st->cl.v[k].unit.s && st->cl.v[k].subject_of >= 0)
    k = st->cl.v[k].subject_of;
  return k;
}


/* Is the text from `from` to the figure at `fig` just ", dont" (a part of
 * the count named in an incise) or a preposition (the figure is in a
 * complement: "2 500 habitants de six communes ont été évacués")? */
static bool incise_before(const bl_docstate *st, size_t from, size_t fig) {
  const char *s = st->text.s;
  size_t p = from;
  while (p < fig && is_space((unsigned char)s[p])) p++;
  bool comma = p < fig && s[p] == ',';
  size_t a, b;
  if (!bl_word_at(s, comma ? p + 1 : p, fig, &a, &b)) return false;
  /* ", âgés de 19, 21 et 24 ans,": an incise of ages */
  size_t x, y;
  if (comma && b - a >= strlen("âgé") && !strncmp(s + a, "âgé", strlen("âgé")) && bl_word_at(s, b, fig, &x, &y) &&
      bl_of_word(s, x, y)) {
    while (y < fig && is_space((unsigned char)s[y])) y++;
    return y == fig;
  }
  if (comma ? ((b - a != 4 || strncmp(s + a, "dont", 4)) && (b - a != 4 || strncmp(s + a, "soit", 4)))
            : bl_word_class(st->g, s, a, b) != WD_PREP)
    return false; /* ", dont 12 enfants,", ", soit 90 % de la population," */
  while (b < fig && is_space((unsigned char)s[b])) b++;
  return b == fig;
}


/* ", tous égyptiens,", ", frère et sœur,": an incise of at most six
 * words opened at p (not by a conjunction), with no figure and nothing like a verb, closed by a
 * comma before end; returns that comma, else 0.  What follows it is the
 * clause's own continuation ("Neuf passeurs, tous égyptiens, ont été
 * arrêtés"). */
static size_t short_incise(bl_docstate *st, size_t p, size_t end) {
  const char *s = st->text.s;
  size_t a, b, words = 0;
  int prev = 0;
  while (p < end) {
    if (!bl_word_at(s, p, end, &a, &b)) {
      if (a < end && s[a] == ',' && words > 0) return a;
      return 0;
    }
    /* an age or another figure that counts nothing: ", un Français de 34
     * ans et un Suisse de 41 ans," */
    if (is_digit((unsigned char)s[a])) {
      const bl_qty *q = figure_at(st, a);
      size_t me = q ? match_at(st, st->g->rx_nc_after, q->ne, end) : 0;
      if (!me) return 0;
      p = me;
      continue;
    }
    int cls = bl_word_class(st->g, s, a, b);
    /* after a preposition or a determiner a noun: "de nationalité tadjike" */
    bool noun = prev == WD_PREP || prev == WD_DET;
    prev = cls;
    if (++words > 8 || bl_word_aux(cls) ||
        (cls == WD_CONJ && words == 1) ||
        cls == WD_PRON || (!bl_capital_at(s, a) && bl_finite_verb(s, a, b)) ||
        (!noun && participle_like(s, a, b)) ||
        bl_lex_find_kind(&st->g->categories, s + a, b - a, K(CK_NOUN) | K(CK_THING) | K(CK_FIXED)))
      return 0;
    p = b;
  }
  return 0;
}

static const bl_lexent *find_pred(bl_docstate *st, size_t from, size_t end, bool end_is_figure,
                                  bl_nspan *where) {
  const char *s = st->text.s;
  size_t figure = end;
  if (end > from + PRED_WINDOW) end = from + PRED_WINDOW;
  size_t a, b;
  /* "familles dont la maison est devenue inhabitable ont été relogées": past
   * a relative clause, the main verb (the last predicate) is the figure's */
  bool relative = bl_word_at(s, from, end, &a, &b) &&
                  ((b - a == 3 && !strncmp(s + a, "qui", 3)) || (b - a == 4 && !strncmp(s + a, "dont", 4)) ||
                   (b - a == 3 && !strncmp(s + a, "que", 3)) || (b - a == 3 && !strncmp(s + a, "qu'", 3)));
  bl_nspan part = {0, 0}; /* ", dont 12 officiers,": the part's own words */
  bl_nspan incise = {0, 0}; /* ", coupés du monde, ont été évacués": the incise's */
  bl_nspan apposed = {0, 0}; /* the same, opened by a participle */
  for (size_t p = from; p < end; p++) {
    if (s[p] == ',') {
      /* an incise (", dont des sous-traitants ...,") does not end the clause */
      size_t c, d;
      if (bl_word_at(s, p + 1, end, &c, &d) &&
          ((d - c == 4 && !strncmp(s + c, "dont", 4)) || (d - c == 3 && !strncmp(s + c, "qui", 3)) ||
           /* "3 000 habitants, sur les 14 000 du camp, ont fui" */
           (d - c == 3 && !strncmp(s + c, "sur", 3)) ||
           (d - c == 9 && !strncmp(s + c, "notamment", 9)) ||
           /* "25 millions de Soudanais, soit la moitié de la population, ont" */
           (d - c == 4 && !strncmp(s + c, "soit", 4)) ||
           /* "Deux suspects, âgés de 19 et 21 ans, ont été placés" */
           (d - c >= strlen("âgé") && !strncmp(s + c, "âgé", strlen("âgé"))))) {
        const char *next = memchr(s + d, ',', end - d);
        /* past a list of ages: "âgés de 19, 21 et 24 ans," */
        while (next && (size_t)(next - s) + 2 < end && is_digit((unsigned char)next[next[1] == ' ' ? 2 : 1]))
          next = memchr(next + 1, ',', end - (size_t)(next - s) - 1);
        if (next) {
          if (d - c == 4 && !part.e) part = (bl_nspan){p, (size_t)(next - s)};
          p = (size_t)(next - s);
          continue;
        }
      }
      /* "Les 14 assaillants, armés de fusils, ont été abattus": an incise
       * opened by a participle, closed by a comma before an auxiliary */
      /* (or by a predicate of several words: ", légèrement blessées,") */
      if (bl_word_at(s, p + 1, end, &c, &d) && (participle_like(s, c, d) || pred_at(st, c, end))) {
        const char *next = memchr(s + d, ',', end - d);
        size_t x, y;
        if (next && bl_word_at(s, (size_t)(next - s) + 1, end, &x, &y) &&
            bl_word_aux(bl_word_class(st->g, s, x, y))) {
          if (!incise.e) incise = apposed = (bl_nspan){p, (size_t)(next - s)}; /* "coupés du monde" is not the verb */
          p = (size_t)(next - s);
          continue;
        }
        /* "Les 2 100 résidents, évacués mercredi, ne savent pas": with no
         * auxiliary after it, the incise's participle is what befell them */
        size_t pe = next ? pred_at(st, c, (size_t)(next - s)) : 0;
        if (pe && cat_entry(st->g, s, c, pe, K(CK_PRED))) {
          end = (size_t)(next - s);
          break;
        }
      }
      /* "Les 24 autres passagers, tous des enfants, ont été blessés", "82
       * personnes, en majorité des sauveteurs, avaient péri": an apposition
       * with no figure, closed by a comma before an auxiliary */
      {
        const char *next = memchr(s + p + 1, ',', end - p - 1);
        size_t x, y, words = 0;
        for (size_t w = p + 1; next && w < (size_t)(next - s) && bl_word_at(s, w, (size_t)(next - s), &x, &y);
             w = y)
          words = is_digit((unsigned char)s[x]) ? 99 : words + 1;
        if (next && words > 0 && words <= 6 &&
            bl_word_at(s, (size_t)(next - s) + 1, end, &x, &y) && bl_word_aux(bl_word_class(st->g, s, x, y))) {
          if (!incise.e) incise = (bl_nspan){p, (size_t)(next - s)};
          p = (size_t)(next - s);
          continue;
        }
      }
      /* "18 pathologistes, dentistes et techniciens ont été dépêchés": a
       * list of nouns closed by "et", the verb after its last */
      {
        size_t x, y, q = p + 1, last = 0;
        int words = 0, after_et = -1;
        while (words < 10 && bl_word_at(s, q, end, &x, &y)) {
          bool gap_ok = true;
          for (size_t k = q; k < x; k++) gap_ok = gap_ok && (is_space((unsigned char)s[k]) || s[k] == ',');
          if (!gap_ok || is_digit((unsigned char)s[x])) break;
          if (after_et >= 0 && bl_word_aux(bl_word_class(st->g, s, x, y))) {
            last = x;
            break;
          }
          if (bl_word_is(s, x, y, "et")) after_et = 0;
          else if (after_et >= 0 && ++after_et > 3) break;
          words++;
          q = y;
        }
        if (last && after_et > 0) {
          p = last - 1;
          continue;
        }
      }
      size_t close = short_incise(st, p + 1, end);
      /* (not into a relative clause after it: "trois morts dans le Misox,
       * dans les Grisons, où une personne reste portée disparue") */
      if (close && !(bl_word_at(s, close + 1, end, &c, &d) &&
                     (bl_word_is(s, c, d, "où") || bl_word_is(s, c, d, "dont") || bl_word_is(s, c, d, "qui")))) {
        p = close;
        continue;
      }
      end = close ? close : p;
      break;
    }
    if (s[p] == ';' || s[p] == ':') {
      end = p;
      break;
    }
  }
  const bl_lexent *found = NULL;
  size_t ms = 0, me = 0;
  pred_scan ps = {.end = end};
  for (size_t p = from; p < end && pred_next(st, &ps, p, &ms, &me);
       p = me > p ? me : p + 1) {
    if (after_determiner(st, from, ms) || after_other_noun(st, from, ms)) continue;
    if (ms >= part.s && ms < part.e) continue; /* "dont cinq dans un état critique" */
    if (ms >= incise.s && ms < incise.e) continue;
    /* "ont secouru 40 personnes et évacué 300 habitants": a verb right
     * before the next figure is that figure's */
    if (end_is_figure && figure - me < 4 && !memchr(s + me, ',', figure - me) &&
        !memchr(s + me, ';', figure - me) && !memchr(s + me, ':', figure - me))
      continue; /* (not past a mark: "ont été tuées, 120 blessées", "ont péri : cinq à Lyon") */
    const bl_lexent *e = cat_entry(st->g, s, ms, me, K(CK_PRED) | K(CK_WEAK));
    if (!e) continue;
    found = e;
    where->s = ms;
    where->e = me;
    if (!relative) break;
  }
  /* "Quatre fonctionnaires, placés en garde à vue jeudi, devaient être
   * présentés": with no predicate after it, the incise's is what befell them */
  if (!found && apposed.e) {
    pred_scan in = {.end = apposed.e};
    for (size_t p = apposed.s; p < apposed.e && pred_next(st, &in, p, &ms, &me); p = me > p ? me : p + 1) {
      const bl_lexent *e = cat_entry(st->g, s, ms, me, K(CK_PRED));
      if (!e) continue;
      found = e;
      where->s = ms;
      where->e = me;
      break;
    }
  }
  return found;
}

/* Does [from, end) end with "et de" (des, d') after a few words and no
 * mark, so that the figure at `end` is coordinated with the object at
 * `from` ("du propriétaire et de deux ouvriers")? */
static bool coordinated_object(const char *s, size_t from, size_t end) {
  size_t e = end;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  bl_nspan de = bl_word_before(s, from, e);
  if (!(de.e - de.s == 2 && !strncmp(s + de.s, "de", 2)) && !(de.e - de.s == 3 && !strncmp(s + de.s, "des", 3)) &&
      !(de.e - de.s == 2 && !strncmp(s + de.s, "d'", 2)))
    return false;
  size_t x = de.s;
  while (x > from && is_space((unsigned char)s[x - 1])) x--;
  bl_nspan et = bl_word_before(s, from, x);
  if (!(et.e - et.s == 2 && !strncmp(s + et.s, "et", 2)) || et.s == from) return false;
  size_t words = 0;
  for (size_t i = from; i < et.s; i++) {
    if (strchr(",;:.()\"", s[i]) || is_digit((unsigned char)s[i])) return false;
    if (is_space((unsigned char)s[i]) && i > from && !is_space((unsigned char)s[i - 1])) words++;
  }
  return words <= 5;
}

/* The last active verb of categories.tsv in [from, end).  A cue that ends
 * with a preposition ("les corps de", "coûté la vie à") governs only the
 * figure right after it ("les corps de deux des victimes ..., village de
 * 2 100 habitants"). */
static const bl_lexent *find_verb(bl_docstate *st, size_t from, size_t end, bool *coordinated) {
  const char *s = st->text.s;
  if (end > from + VERB_WINDOW) from = end - VERB_WINDOW;
  /* not past a colon or a semicolon: "avoir tué 40 soldats et pris un
   * arsenal : des dizaines de fusils" */
  for (size_t p = end; p > from; p--)
    if (s[p - 1] == ':' || s[p - 1] == ';') {
      from = p;
      break;
    }
  const bl_lexent *last = NULL;
  size_t ms = 0, me = 0;
  while (search(st, st->g->rx_cat_verb, from, end, &ms, &me)) {
    bool prep = (me - ms > 3 && !strncmp(s + me - 3, " de", 3)) ||
                (me - ms > 3 && !strncmp(s + me - 3, " du", 3)) ||
                (me - ms > 4 && !strncmp(s + me - 4, " des", 4)) ||
                (me - ms > 3 && !strncmp(s + me - 3, " à", 3));
    size_t p = me;
    while (p < end && is_space((unsigned char)s[p])) p++;
    /* (or right after "et de" coordinated with its object: "l'arrestation
     * du maire et de deux adjoints") */
    bool joined = (prep || s[me - 1] == '\'') && p < end && coordinated_object(s, p, end);
    if (!prep || p == end || joined) {
      last = cat_entry(st->g, s, ms, me, K(CK_VERB));
      *coordinated = joined;
    }
    from = me > from ? me : from + 1;
  }
  return last;
}

/* An active verb of categories.tsv that ends right before the figure at
 * `at` ("tuant au moins neuf policiers", "ont interpellé 40 manifestants"),
 * or NULL. */
static const bl_lexent *verb_right_before(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t ms = 0, me = 0, lms = 0, lme = 0;
  size_t p = at > from + VERB_WINDOW ? at - VERB_WINDOW : from;
  while (search(st, st->g->rx_cat_verb, p, at, &ms, &me)) {
    lms = ms;
    lme = me;
    p = me > p ? me : p + 1;
  }
  if (!lme) return NULL;
  for (size_t i = lme; i < at; i++) /* a quote may close the verb: "« éliminé » une dizaine" */
    if (!is_space((unsigned char)s[i]) && s[i] != '"') return NULL;
  return cat_entry(st->g, s, lms, lme, K(CK_VERB));
}

/* The verb that governs the count before this one, when this one is its
 * second object: "a tué 5 civils et 3 policiers", "la mort de 149 civils et
 * de huit membres des forces de l'ordre".  Only "et" (with "de" after a
 * noun of an event) parts the two; NULL otherwise. */
static const bl_lexent *verb_of_first_object(bl_docstate *st, size_t si, size_t at) {
  const char *s = st->text.s;
  if (!st->cl.n) return NULL;
  const bl_cl *prev = &st->cl.v[st->cl.n - 1];
  size_t end = prev->np.e > prev->text.e ? prev->np.e : prev->unit.e > prev->text.e ? prev->unit.e : prev->text.e;
  if (prev->sent != si || end >= at) return NULL;
  size_t a, b, p = end;
  if (!bl_word_at(s, p, at, &a, &b) || b - a != 2 || memcmp(s + a, "et", 2)) return NULL;
  p = b;
  if (bl_word_at(s, p, at, &a, &b) && bl_of_word(s, a, b)) p = b;
  while (p < at && is_space((unsigned char)s[p])) p++;
  if (p != at) return NULL;
  return verb_right_before(st, st->seg.sents[si].s, prev->text.s);
}

/* Is the word right before `at` a preposition ("pour 2 000 familles")? */
/* Is a predicate at `pred` the count's whose noun ends at `from`: no other
 * figure between, but for a "dont" incise of its parts ("31 survivants,
 * dont six femmes, ont été hélitreuillés")? */
static bool own_predicate(const bl_docstate *st, size_t from, size_t pred) {
  size_t fig = next_figure(st, from, pred);
  return fig == pred || incise_before(st, from, fig);
}

/* Is the head noun one of inhabitants ("habitants", "âmes", "résidents")? */
static bool inhabitants(const char *s, bl_nspan head) {
  size_t n = head.e - head.s;
  return (n >= 8 && !memcmp(s + head.s, "habitant", 8)) || (n >= 4 && !memcmp(s + head.s, "âme", 4)) ||
         (n >= 8 && !memcmp(s + head.s, "résident", 8));
}

/* Is the figure at `at` the whole of another before it ("47 des 55
 * missiles ont été abattus": 55)?  The verb is then the part's. */
static bool of_figure_before(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  bl_nspan w = bl_word_before(s, from, at);
  if (!(w.e - w.s == 3 && !strncmp(s + w.s, "des", 3)) &&
      !(w.e - w.s == 3 && !strncmp(s + w.s, "sur", 3)))
    return false;
  size_t e = w.s;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  for (size_t i = 0; i < st->q.n; i++)
    if (st->q.v[i].ne == e) return true;
  return false;
}

/* Does a share of the figure's whole come before it ("la moitié des 300
 * habitants", "une bonne partie des 6 000")?  What is said after is said of
 * the share, not of the whole the figure counts. */
static bool share_before(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  bl_nspan det = bl_word_before(s, from, at);
  if (!(bl_word_is(s, det.s, det.e, "des") || bl_word_is(s, det.s, det.e, "du"))) return false;
  bl_nspan w = bl_word_before(s, from, det.s);
  return w.e > w.s && bl_word_class(st->g, s, w.s, w.e) == WD_SHARE;
}

static bool preposition_before(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t e = at;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  size_t b = e;
  while (b > from && (is_letter((unsigned char)s[b - 1]) || s[b - 1] == '\'')) b--;
  if (b >= e) return false;
  int cls = bl_word_class(st->g, s, b, e);
  if (cls == WD_PREP) return true;
  /* "une bonne partie des 6 000 habitants": the verb's object is the share,
   * the figure counts the whole */
  return share_before(st, from, at);
}

/* "le nombre de disparus", "le bilan des victimes": the noun a bare figure counts. */
static const bl_lexent *implicit_noun(bl_docstate *st, size_t from, size_t end, bl_nspan *where) {
  const char *s = st->text.s;
  for (size_t p = from; p + 6 < end; p++) {
    if (s[p] != 'n' && s[p] != 'b' && s[p] != 'N' && s[p] != 'B') continue;
    if (p > from && is_letter((unsigned char)s[p - 1])) continue;
    bool nombre = !strncmp(s + p, "nombre", 6) || !strncmp(s + p, "Nombre", 6);
    bool bilan = !strncmp(s + p, "bilan", 5) || !strncmp(s + p, "Bilan", 5);
    if (!nombre && !bilan) continue;
    size_t a, b, q = p + (nombre ? 6 : 5);
    /* one adjective between: "le nombre définitif des martyrs", "le bilan
     * officiel des victimes" */
    int adj_class = bl_word_at(s, q, end, &a, &b) ? bl_word_class(st->g, s, a, b) : -1;
    if (b - a >= 4 && s[a] >= 'a' && s[a] <= 'z' && (adj_class == 0 || adj_class == WD_NOSRC)) q = b;
    /* (compare no more bytes than the word has: it may end the text) */
    if (bl_word_at(s, q, end, &a, &b) && (b - a == 2 || b - a == 3) &&
        (!memcmp(s + a, "de", 2) || !memcmp(s + a, "d'", 2) ||
         (b - a == 3 && !memcmp(s + a, "des", 3)))) {
      size_t c, d;
      if (bl_word_at(s, b, end, &c, &d)) {
        const bl_lexent *e = cat_entry(st->g, s, c, d, K(CK_NOUN) | K(CK_THING));
        if (!(e && e->value >= 0) && !bl_word_class(st->g, s, c, d) && !is_digit((unsigned char)s[c])) {
          /* "le nombre de personnes déplacées": a plain noun and a predicate */
          size_t u, v;
          size_t pe = bl_word_at(s, d, end, &u, &v) ? pred_at(st, u, end) : 0;
          e = pe ? cat_entry(st->g, s, u, pe, K(CK_PRED) | K(CK_WEAK)) : NULL;
        }
        /* a toll's "bilan" counts victims, not its cause ("le bilan des
         * séismes": not quakes) */
        if (e && e->value >= 0 && !(bilan && e->value == BL_CAT_OTHER)) {
          where->s = c;
          where->e = d;
          return e;
        }
      }
    }
  }
  return NULL;
}

/* The noun phrase before the last "dont" of [from, at): "les bandits armés,
 * dont ..." gives "bandits armés". */
static bl_nspan antecedent_of_dont(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  bl_nspan np = {0, 0};
  size_t d = SIZE_MAX;
  for (size_t p = from; p + 4 <= at; p++)
    if (!strncmp(s + p, "dont", 4) && (p == from || !is_letter((unsigned char)s[p - 1])) &&
        (p + 4 == at || !is_letter((unsigned char)s[p + 4])))
      d = p;
  if (d == SIZE_MAX) return np;
  size_t e = d;
  while (e > from && (is_space((unsigned char)s[e - 1]) || s[e - 1] == ',' || s[e - 1] == '"')) e--;
  size_t b = e;
  for (int k = 0; k < 4; k++) {
    size_t w = b;
    while (w > from && is_space((unsigned char)s[w - 1])) w--;
    size_t v = w;
    while (v > from && (is_letter((unsigned char)s[v - 1]) || s[v - 1] == '-' || s[v - 1] == '\''))
      v--;
    if (v == w) break;
    int cls = bl_word_class(st->g, s, v, w);
    if (cls == WD_DET) {
      np.s = w;
      while (np.s < e && is_space((unsigned char)s[np.s])) np.s++;
      np.e = e;
      return np;
    }
    if (cls) break;
    b = v;
  }
  return np;
}

/* -------------------------------------------------------------- building */

static int push(bl_docstate *st, const bl_cl *c, bl_error *err) {
  if (bl_grow((void **)&st->cl.v, &st->cl.cap, st->cl.n + 1, sizeof *st->cl.v))
    return bl_fail(err, BL_NOMEM, "out of memory");
  st->cl.v[st->cl.n++] = *c;
  return BL_OK;
}

static void init_claim(bl_cl *c, size_t si) {
  memset(c, 0, sizeof *c);
  c->sent = si;
  c->subject_of = -1;
  c->of = -1;
  c->change_of = -1;
  c->cumulative = -1;
  c->category = BL_CAT_OTHER;
}

/* Is there a figure of the sentence (a quantity of st->q) starting in [a, b)? */
/* Where the clause holding `at` starts: after the last ',', ';' or ':'
 * before it, else at `from` (claim_cause.c's clause_start also passes
 * over incises). */
static size_t after_last_mark(const char *s, size_t from, size_t at) {
  while (at > from && s[at - 1] != ',' && s[at - 1] != ';' && s[at - 1] != ':') at--;
  return at;
}

static bool figure_in(const bl_docstate *st, size_t a, size_t b) {
  return next_figure(st, a, b) < b;
}

/* The status words of sentence sn, in order (st->stw): searched once for
 * all the claims of the sentence.  Returns false when out of memory. */
static bool status_words(bl_docstate *st, const bl_sent *sn) {
  if (st->stw.valid && st->stw.sent.s == sn->s && st->stw.sent.e == sn->e) return true;
  st->stw.valid = false;
  st->stw.n = 0;
  size_t from = sn->s, ms = 0, me = 0;
  while (search(st, st->g->rx_status, from, sn->e, &ms, &me)) {
    if (bl_grow((void **)&st->stw.v, &st->stw.cap, st->stw.n + 1, sizeof *st->stw.v)) return false;
    st->stw.v[st->stw.n++] = (bl_nspan){ms, me};
    from = me > from ? me : from + 1;
  }
  st->stw.sent = (bl_nspan){sn->s, sn->e};
  st->stw.valid = true;
  return true;
}

/* The next status word of sn at or after *k (cursor over st->stw, or a new
 * search when it could not be kept): fills ms, me. */
static bool next_status_word(bl_docstate *st, const bl_sent *sn, bool cached, size_t *k,
                             size_t *from, size_t *ms, size_t *me) {
  if (cached) {
    if (*k >= st->stw.n) return false;
    *ms = st->stw.v[*k].s;
    *me = st->stw.v[(*k)++].e;
    return true;
  }
  if (!search(st, st->g->rx_status, *from, sn->e, ms, me)) return false;
  *from = *me > *from ? *me : *from + 1;
  return true;
}

/* The status the words of a sentence give: final over revised over
 * provisional. */
static bl_status sentence_status(bl_docstate *st, const bl_sent *sn) {
  size_t from = sn->s, ms = 0, me = 0, at = 0;
  bool cached = status_words(st, sn);
  bl_status status = BL_STATUS_NONE;
  while (next_status_word(st, sn, cached, &at, &from, &ms, &me)) {
    const bl_lexent *e = find_collapsed(&st->g->status, st->text.s, ms, me, ~0u);
    int k = e ? e->kind : 0;
    if (k == ST_PROVISIONAL && !status) status = BL_STATUS_PROVISIONAL;
    if (k == ST_FINAL) status = BL_STATUS_FINAL;
    if (k == ST_REVISED && status != BL_STATUS_FINAL) status = BL_STATUS_REVISED;
  }
  return status;
}

/* Status words of the sentence; delta/window near the claim make it not cumulative. */
static void status_of(bl_docstate *st, const bl_sent *sn, bl_cl *c) {
  size_t from = sn->s, ms = 0, me = 0, at = 0;
  bool delta = false, window = false, revised_before = false;
  size_t near_s = c->text.s > 24 ? c->text.s - 24 : 0;
  size_t near_e = (c->np.e ? c->np.e : c->text.e) + 24;
  c->status = sentence_status(st, sn);
  bool cached = status_words(st, sn);
  while (next_status_word(st, sn, cached, &at, &from, &ms, &me)) {
    const bl_lexent *e = find_collapsed(&st->g->status, st->text.s, ms, me, ~0u);
    int k = e ? e->kind : 0;
    /* not the hedge's own words ("fait état de plus de 1 300 morts") nor an
     * adverb opening the clause ("De plus, trois blessés") */
    bool hedge_or_adverb = (ms < c->text.e && me > c->text.s) ||
                           (me <= c->text.s && me < sn->e && st->text.s[me] == ',');
    if (k == ST_DELTA && ms >= near_s && ms <= near_e && !hedge_or_adverb) delta = true;
    /* "312 personnes restaient hospitalisées": how many are still there,
     * a part of the injured, not their running total */
    if (k == ST_STOCK && ms >= c->text.e && ms <= near_e && !figure_in(st, c->text.e, ms))
      window = true;
    /* A window ("en 24 heures") belongs to the figure before it, or, at the
     * head of the sentence, to all: "12 nouveaux décès en 24 heures,
     * portant à 147 le nombre de morts" leaves 147 a running total. */
    if (k == ST_WINDOW && (ms >= c->text.e ? !figure_in(st, c->text.e, ms)
                                            : !figure_in(st, sn->s, ms)))
      window = true;
    /* "Depuis le début de l'année, plus de 1 100 personnes sont mortes":
     * the same reach as a window */
    if (k == ST_PERIOD && c->toll && (ms >= c->text.e ? !figure_in(st, c->text.e, ms)
                                                      : !figure_in(st, sn->s, ms)))
      c->period = true;
    if (k == ST_REVISED && me <= c->text.s) revised_before = true;
  }
  /* "47 décès au cours des dernières 24 heures, portant à 158 421 le nombre
   * de morts": the revision is of the total after it, not of the window */
  if (window && c->status == BL_STATUS_REVISED && !revised_before) c->status = BL_STATUS_NONE;
  if (c->toll) c->cumulative = (delta || window) ? 0 : 1;
  else c->status = BL_STATUS_NONE;
  /* a part of a count over a window is over that window too ("900 passages
   * en une semaine. Parmi eux, 210 ...") */
  if (c->toll && c->of >= 0 && st->cl.v[c->of].toll && st->cl.v[c->of].cumulative == 0)
    c->cumulative = 0;
  if (c->toll && c->of >= 0 && st->cl.v[c->of].period) c->period = true; /* and of a period */
  /* A change since the last report is no total: it has no status. */
  if (delta) c->status = BL_STATUS_NONE;
  /* a part of a total is of the same report ("Les 53 victimes comprennent
   * 19 membres") */
  if (c->toll && !c->status && !delta && c->of >= 0) c->status = st->cl.v[c->of].status;
  /* A status stated once ("un bilan provisoire ... En outre, 18 membres...")
   * holds for the tolls of the rest of its paragraph. */
  if (c->toll && !c->status && !delta) {
    size_t line = st->seg.sents[c->sent].line;
    for (size_t k = st->cl.n; k-- > 0 && st->cl.n - k <= CLAIMS_BACK;) {
      const bl_cl *p = &st->cl.v[k];
      if (st->seg.sents[p->sent].line != line) break;
      if (!p->toll || !p->status) continue;
      /* a revision concerns the figure revised, not the next sentences
       * ("s'alourdit à sept morts. Six personnes sont toujours portées
       * disparues"; "portant le bilan à huit morts. Le précédent bilan
       * faisait état de sept décès") */
      if (p->status != BL_STATUS_REVISED) c->status = p->status;
      break;
    }
  }
}

/* The nearest earlier claim of the same line (the sentence first), or -1;
 * with any_line, of an earlier line too.  kind: KIND_ANY, or only counts
 * (KIND_COUNT), only counts of people or of what is not an object or a
 * place (KIND_BEINGS), or only money and percentages (KIND_MONEY). */
enum { KIND_ANY, KIND_COUNT, KIND_BEINGS, KIND_MONEY };
static long previous_claim_of(const bl_docstate *st, size_t si, bool toll_only, bool any_line,
                              int kind) {
  size_t line = st->seg.sents[si].line;
  for (size_t k = st->cl.n; k-- > 0;) {
    const bl_cl *c = &st->cl.v[k];
    if (!any_line && st->seg.sents[c->sent].line != line) break;
    if ((kind == KIND_COUNT || kind == KIND_BEINGS) && c->q.unit) continue;
    if (kind == KIND_BEINGS && c->thing) continue;
    if (kind == KIND_MONEY && !c->q.unit) continue;
    if (!toll_only || c->toll) return (long)k;
  }
  return -1;
}

static long previous_claim(const bl_docstate *st, size_t si, bool toll_only, bool any_line) {
  return previous_claim_of(st, si, toll_only, any_line, KIND_ANY);
}

/* Past the last comma between a whole ending at `from` and a part at
 * `at`, does the part come within a few words (its clause's subject)? */
static bool opens_part_clause(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t p = at;
  while (p > from && s[p - 1] != ',') p--;
  if (p == from) return true; /* no comma: "Parmi les 112 victimes figurent 9 mineurs" */
  size_t words = 0, a, b;
  for (size_t q = p; bl_word_at(s, q, at, &a, &b) && b <= at; q = b) {
    /* "dont 90 CRS": a part of the count right before, not of the whole */
    if (!words && bl_word_is(s, a, b, "dont")) return false;
    words++;
  }
  return words <= 4;
}

/* "Sur les 94 blessés, septante-huit...", "Parmi les 112 victimes figurent
 * 9 mineurs", "Les 53 victimes comprennent 19 membres": the earlier claim of
 * the sentence this figure is a part of, or -1. */
static long partitive_parent(bl_docstate *st, size_t si, size_t qstart) {
  const bl_sent *sn = &st->seg.sents[si];
  for (size_t k = st->cl.n; k-- > 0 && st->cl.n - k <= CLAIMS_BACK;) {
    const bl_cl *c = &st->cl.v[k];
    if (c->sent != si) break;
    /* (the part opens the clause after the whole: "Sur les 94 blessés,
     * septante-huit ..."; not "Sur les 36 postes que compte la côte, la
     * surveillance est assurée de 11 heures à 19 heures par quelque 400
     * nageurs-sauveteurs") */
    if (ends_before(st, st->g->rx_partitive, sn->s, c->text.s) && opens_part_clause(st, c->text.e, qstart))
      return (long)k;
    size_t ms = 0, me = 0;
    /* (the verb's object: not past a comma, "quatre secouristes figurent
     * parmi les morts, et deux hôpitaux") */
    if (search(st, st->g->rx_includes, c->text.e, qstart, &ms, &me) && !memchr(st->text.s + me, ',', qstart - me))
      return (long)k;
  }
  return -1;
}

/* "parmi lesquels huit femmes et cinq enfants": a figure coordinated with
 * the part just before it is a part of the same whole; returns the whole,
 * or -1. */
static long coordinated_part(const bl_docstate *st, size_t si, size_t qstart) {
  if (!st->cl.n) return -1;
  const bl_cl *k = &st->cl.v[st->cl.n - 1];
  if (k->sent != si || k->of < 0) return -1;
  const char *s = st->text.s;
  size_t p = k->np.e > k->text.e ? k->np.e : k->text.e;
  /* past the part's own predicate and place: "dont 30 à Gaza et 15 en
   * Cisjordanie" */
  if (k->pred.e > p && k->pred.e <= qstart) p = k->pred.e;
  if (k->where.e > p && k->where.e <= qstart) p = k->where.e;
  bool et = false, comma = false;
  while (p < qstart) {
    if (is_space((unsigned char)s[p])) {
      p++;
    } else if (s[p] == ',' && !comma && !et) {
      comma = true;
      p++;
    } else if (!et && p + 2 <= qstart && !strncmp(s + p, "et", 2) &&
               (p + 2 == qstart || is_space((unsigned char)s[p + 2]))) {
      et = true;
      p += 2;
    } else {
      return -1;
    }
  }
  /* ", et" closes the incise: "23 journalistes, dont quatre étrangers, et
   * 60 sites" */
  return (et && comma) || (!et && !comma) ? -1 : k->of;
}

/* The last running total of a toll in the article so far, or -1. */
static long last_toll(const bl_docstate *st) {
  long delta = -1; /* "1 245 nouveaux cas, portant le total à 18 900": when no total is before */
  for (size_t k = st->cl.n; k-- > 0;) {
    const bl_cl *c = &st->cl.v[k];
    if (!c->toll || c->of >= 0 || c->negated || c->former) continue;
    if (c->cumulative != 0) return (long)k;
    if (delta < 0) delta = (long)k;
  }
  return delta;
}

/* The last count of category `cat` that is a whole (no part, no denial,
 * no delta) in the article so far, or -1. */
static long last_whole(const bl_docstate *st, bl_category cat) {
  for (size_t k = st->cl.n; k-- > 0;) {
    const bl_cl *c = &st->cl.v[k];
    if (c->category == cat && c->of < 0 && !c->negated && !c->former && c->cumulative != 0)
      return (long)k;
  }
  return -1;
}

/* The nearest plural noun after a plural determiner before `at` in
 * [from, at) ("Les piétons paient un lourd tribut : 412 d'entre eux"), or
 * an empty span. */
static bl_nspan plural_noun_before(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t e = at;
  while (e > from) {
    while (e > from && !is_letter((unsigned char)s[e - 1])) e--;
    size_t b = e;
    while (b > from && (is_letter((unsigned char)s[b - 1]) || s[b - 1] == '-')) b--;
    if (b < e && e - b > 3 && (s[e - 1] == 's' || s[e - 1] == 'x') && s[b] >= 'a' && s[b] <= 'z' &&
        !bl_word_class(st->g, s, b, e)) {
      bl_nspan det = bl_word_before(s, from, b);
      if (det.s < det.e && s[det.e - 1] == 's' && bl_word_class(st->g, s, det.s, det.e) == WD_DET)
        return (bl_nspan){b, e};
    }
    e = b;
  }
  return (bl_nspan){0, 0};
}

/* The last noun of categories.tsv (with a category) written before `at`, in
 * this sentence or the one before, or NULL. */
static const bl_lexent *noun_named_before(bl_docstate *st, size_t si, size_t at) {
  const char *s = st->text.s;
  size_t floor = st->seg.sents[si > 0 ? si - 1 : si].s;
  size_t e = at;
  while (e > floor) {
    while (e > floor && !is_letter((unsigned char)s[e - 1])) e--;
    size_t b = e;
    while (b > floor && (is_letter((unsigned char)s[b - 1]) || s[b - 1] == '-')) b--;
    if (b < e) {
      const bl_lexent *n = cat_entry(st->g, s, b, e, K(CK_NOUN));
      if (n && n->value >= 0) return n;
    }
    e = b;
  }
  return NULL;
}

/* The last whole count among the CLAIMS_BACK claims before whose noun is
 * written as unit is ("les 18 prévenus ... sept des prévenus"), or -1. */
static long same_noun_before(const bl_docstate *st, bl_nspan unit) {
  const char *s = st->text.s;
  size_t n = unit.e - unit.s;
  for (size_t k = st->cl.n; n && k-- > 0 && st->cl.n - k <= CLAIMS_BACK;) {
    const bl_cl *c = &st->cl.v[k];
    if (c->of < 0 && !c->negated && c->unit.e - c->unit.s == n &&
        !strncasecmp(s + c->unit.s, s + unit.s, n))
      return (long)k;
  }
  return -1;
}

/* The last whole count of a category among the CLAIMS_BACK claims before,
 * or -1. */
static long recent_whole(const bl_docstate *st, bl_category cat) {
  for (size_t k = st->cl.n; k-- > 0 && st->cl.n - k <= CLAIMS_BACK;) {
    const bl_cl *c = &st->cl.v[k];
    if (c->category == cat && c->of < 0 && !c->negated && !c->former) return (long)k;
  }
  return -1;
}

/* Does the figure at `at` complete "le bilan (total) à", "le bilan
 * s'élève désormais à": the toll it counts is the one reported before. */
static bool bilan_before(const bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  size_t e = at;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  if (e < from + 2 || strncmp(s + e - 2, "à", 2) || (e > from + 2 && is_letter((unsigned char)s[e - 3])))
    return false;
  e -= 2;
  for (int k = 0; k < 4; k++) {
    while (e > from && is_space((unsigned char)s[e - 1])) e--;
    size_t b = e;
    while (b > from && (is_letter((unsigned char)s[b - 1]) || s[b - 1] == '\'' || s[b - 1] == '-')) b--;
    if (b == e) return false;
    /* "bilan", and its kin among the nouns of a figure: "portant le total à
     * 18 900", "le décompte à 412" */
    if (e - b == 5 && (!strncmp(s + b, "bilan", 5) || !strncmp(s + b, "Bilan", 5))) return true;
    if ((e - b == 5 && !strncmp(s + b, "total", 5)) || (e - b == 8 && !strncmp(s + b, "décompte", 8)) ||
        (e - b == 8 && !strncmp(s + b, "compteur", 8)))
      return true;
    e = b;
  }
  return false;
}

/* Does line `li` open with a list marker ("- ", "* ", "• ")? */
static bool list_item(const bl_docstate *st, size_t li) {
  const bl_line *ln = &st->seg.lines[li];
  const char *s = st->text.s;
  size_t p = ln->s;
  while (p < ln->e && is_space((unsigned char)s[p])) p++;
  if (p + 1 < ln->e && (s[p] == '-' || s[p] == '*') && is_space((unsigned char)s[p + 1])) return true;
  return p + 3 < ln->e && !memcmp(s + p, "\xE2\x80\xA2", 3); /* U+2022 */
}

/* The label of the figure at `at` when it opens its line's text, after a
 * list marker, and ends on a colon right before the figure ("- Blessés :
 * 120", "Personnes évacuées : 3 400"): at most four words, none a verb. */
static bl_nspan line_label(const bl_docstate *st, const bl_sent *sn, size_t at) {
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t e = at;
  while (e > sn->s && is_space((unsigned char)s[e - 1])) e--;
  if (e <= sn->s || s[e - 1] != ':') return none;
  e--;
  while (e > sn->s && is_space((unsigned char)s[e - 1])) e--;
  const bl_line *ln = &st->seg.lines[sn->line];
  size_t p = ln->s > sn->s ? ln->s : sn->s;
  while (p < e && (is_space((unsigned char)s[p]) || s[p] == '-' || s[p] == '*')) p++;
  if (p + 3 <= e && !memcmp(s + p, "\xE2\x80\xA2", 3)) p += 3; /* U+2022 */
  while (p < e && is_space((unsigned char)s[p])) p++;
  size_t a, b, words = 0;
  for (size_t x = p; bl_word_at(s, x, e, &a, &b); x = b) {
    if (++words > 4 || bl_finite_verb(s, a, b) || (x == p && a != p)) return none;
  }
  return words ? (bl_nspan){p, e} : none;
}

/* The counted noun of the line that introduces a list ("Par région, les
 * hospitalisations se répartissent ainsi :") when the figure's line is an
 * item of it labelled by a place ("- Île-de-France : 720"): the first noun
 * of a category of categories.tsv in the line before the items that ends
 * with ':'. */
static bl_nspan list_intro_noun(const bl_docstate *st, const bl_sent *sn) {
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t li = sn->line;
  if (!list_item(st, li)) return none;
  while (li > 0 && list_item(st, li - 1)) li--;
  if (li == 0) return none;
  const bl_line *intro = &st->seg.lines[li - 1];
  size_t e = intro->e;
  while (e > intro->s && is_space((unsigned char)s[e - 1])) e--;
  if (e <= intro->s || s[e - 1] != ':') return none;
  size_t a, b;
  for (size_t p = intro->s; p < e;) {
    if (!bl_word_at(s, p, e, &a, &b)) { /* past a comma */
      p++;
      continue;
    }
    const bl_lexent *n = cat_entry(st->g, s, a, b, K(CK_NOUN) | K(CK_THING));
    /* a count of a category, not "Les régions les plus touchées sont :" */
    if (n && n->value >= 0 && n->value != BL_CAT_OTHER && s[b - 1] == 's') return (bl_nspan){a, b};
    p = b;
  }
  return none;
}

/* The figure right after q past "à", "et", "ou", "voire" or "sinon" (and
 * quotes: "« plusieurs centaines » voire « quelques milliers » de morts"),
 * in the sentence, else NULL. */
static const bl_qty *figure_joined_after(const bl_docstate *st, const bl_qty *q, size_t end) {
  const char *s = st->text.s;
  size_t i = (size_t)(q - st->q.v) + 1, a, b;
  size_t p = q->ne;
  while (p < end && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
  if (i >= st->q.n || !bl_word_at(s, p, end, &a, &b)) return NULL;
  /* not "en": "a atteint 112 en 24 heures" counts what the clause names */
  if (!bl_word_is(s, a, b, "à") && !bl_word_is(s, a, b, "et") && !bl_word_is(s, a, b, "ou") &&
      !bl_word_is(s, a, b, "voire") && !bl_word_is(s, a, b, "sinon"))
    return NULL;
  p = b;
  while (p < end && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
  return st->q.v[i].ns == p ? &st->q.v[i] : NULL;
}

/* "en hausse de 3,9 milliards", "soit 40 milliards": a figure in millions
 * or billions with no noun after it, next to a sum, is a sum of the same
 * currency.  The currency is the next figure's when the two are joined ("de
 * 2,5 milliards à 1 milliard d'euros"), else that of the paragraph's last
 * claim when it is a sum (a count in between keeps it a count: "2 millions
 * d'habitants, contre 1,8 million"). */
static const char *borrowed_currency(const bl_docstate *st, size_t si, const bl_qty *q) {
  const char *s = st->text.s;
  const bl_sent *sn = &st->seg.sents[si];
  if (q->flags & (QF_MONEY | QF_PERCENT) || !(q->pub.value >= 1e6 || q->pub.lo >= 1e6)) return NULL;
  bl_nspan last = bl_word_before(s, q->ns, q->ne);
  if (last.e - last.s < 7 || (strncmp(s + last.s, "million", 7) && strncmp(s + last.s, "milliard", 8)))
    return NULL;
  size_t a, b;
  if (bl_word_at(s, q->ne, sn->e, &a, &b) && bl_of_word(s, a, b)) return NULL;
  const bl_qty *nq = figure_joined_after(st, q, sn->e);
  if (nq) return (nq->flags & QF_MONEY) ? nq->pub.unit : NULL;
  long k = previous_claim(st, si, false, false);
  if (k < 0 || !st->cl.v[k].q.unit || !strcmp(st->cl.v[k].q.unit, "percent")) return NULL;
  return st->cl.v[k].q.unit;
}

/* A copula's attribute that opens at `at` on "des"/"de" and a plural noun
 * of categories.tsv ("étaient des policiers"): its entry, the noun in `out`. */
static const bl_lexent *attribute_noun(bl_docstate *st, size_t at, size_t end, bl_nspan *out) {
  const char *s = st->text.s;
  size_t da, db, na, nb;
  if (!bl_word_at(s, at, end, &da, &db) || da != at || !(bl_word_is(s, da, db, "des") || bl_word_is(s, da, db, "de")) ||
      !bl_word_at(s, db, end, &na, &nb) || s[nb - 1] != 's')
    return NULL;
  *out = (bl_nspan){na, nb};
  return cat_entry(st->g, s, na, nb, K(CK_NOUN) | K(CK_FIXED));
}

/* Is the figure alone in brackets ("le 31 janvier (1,27 million)")? */
static bool alone_in_brackets(const char *s, const bl_sent *sn, const bl_qty *q, bool opened) {
  size_t p = q->ne;
  while (p < sn->e && is_space((unsigned char)s[p])) p++;
  return opened && p < sn->e && s[p] == ')';
}

/* The phrase of place `where` without the time that ends it: "sur les
 * routes ostréliennes en 2024" gives "sur les routes ostréliennes". */
static bl_nspan place_only(bl_docstate *st, bl_nspan where) {
  const char *s = st->text.s;
  size_t a, b, x, y, end = where.s;
  for (size_t p = where.s; bl_word_at(s, p, where.e, &a, &b); p = b) {
    bool next_time = bl_word_at(s, b, where.e, &x, &y) &&
                     (is_digit((unsigned char)s[x]) || bl_lex_find(&st->g->calendar, s + x, y - x) ||
                      bl_word_class(st->g, s, x, y) == WD_TIME);
    bool lead = (b - a == 2 && (!strncmp(s + a, "en", 2) || !strncmp(s + a, "le", 2))) ||
                (b - a == 6 && !strncmp(s + a, "depuis", 6));
    if ((lead && next_time) || is_digit((unsigned char)s[a]) ||
        bl_lex_find(&st->g->calendar, s + a, b - a) || bl_word_class(st->g, s, a, b) == WD_TIME)
      break;
    end = b;
  }
  /* "dans la nuit de jeudi à vendredi" is a time: no "dans la" left over */
  for (bl_nspan w = bl_word_before(s, where.s, end); w.e > w.s; w = bl_word_before(s, where.s, end)) {
    int cls = bl_word_class(st->g, s, w.s, w.e);
    if (cls != WD_PREP && cls != WD_DET) break;
    end = w.s;
  }
  return end > where.s ? (bl_nspan){where.s, end} : (bl_nspan){0, 0};
}

/* "qui en comptait", "qui en abrite": a relative's verb of holding with
 * "en", right before the figure at `at`. */
static bool holds_of_them(bl_docstate *st, size_t floor, size_t at) {
  const char *s = st->text.s;
  bl_nspan verb = bl_word_before(s, floor, at);
  static const char *const stems[] = {"compt", "abrit", "accueill", "héberg", NULL};
  bool holding = false;
  for (size_t i = 0; stems[i] && !holding; i++)
    holding = verb.e - verb.s > strlen(stems[i]) && !strncmp(s + verb.s, stems[i], strlen(stems[i]));
  if (!holding) return false;
  return bl_word_before_is(s, floor, verb.s, "en") &&
         bl_word_before_is(s, floor, bl_word_before(s, floor, verb.s).s, "qui");
}

/* "le chiffre de 164", "ce bilan de 164": a figure spoken of as a figure;
 * the latest earlier claim of the article with that value, or -1. */
static long same_figure_named(bl_docstate *st, size_t floor, size_t at, const bl_qty *q) {
  const char *s = st->text.s;
  if (!bl_word_before_is(s, floor, at, "de")) return -1;
  bl_nspan noun = bl_word_before(s, floor, bl_word_before(s, floor, at).s);
  size_t n = noun.e - noun.s;
  if (!((n == 7 && !strncmp(s + noun.s, "chiffre", 7)) || (n == 5 && !strncmp(s + noun.s, "bilan", 5))))
    return -1;
  for (size_t k = st->cl.n; k-- > 0;)
    if (st->cl.v[k].q.value == q->pub.value && !st->cl.v[k].q.unit) return (long)k;
  return -1;
}

/* "les deux", "Ces deux", "des deux": the definite pair before a figure */
static bool definite_pair(const char *s, size_t floor, size_t at) {
  bl_nspan w = bl_word_before(s, floor, at);
  return w.e - w.s == 3 && (!strncasecmp(s + w.s, "les", 3) || !strncasecmp(s + w.s, "ces", 3) ||
                            !strncmp(s + w.s, "des", 3) || !strncmp(s + w.s, "aux", 3));
}

/* "aux 1 200 déjà mobilisés", "les 300 restants", "en renfort des 1 700
 * déjà présents": a plural determiner
 * before a figure with no noun stands for a noun said before. */
static bool plural_det_before(bl_docstate *st, size_t floor, size_t at) {
  const char *s = st->text.s;
  bl_nspan w = bl_word_before(s, floor, at);
  static const char *const dets[] = {"les", "aux", "des", "ces", "leurs", "nos", "vos", "ses", NULL};
  for (size_t i = 0; dets[i]; i++)
    if (w.e - w.s == strlen(dets[i]) && !strncasecmp(s + w.s, dets[i], w.e - w.s)) return true;
  return false;
}

/* Did the last match of `ellipsis-before` set its group `name`? */
static bool ellipsis_group_set(const bl_docstate *st, const char *name) {
  uint32_t grp[1];
  size_t gs, ge;
  return bl_rx_groups_named(st->g->rx_ellipsis, name, grp, 1) && bl_rx_group(&st->rx, grp[0], &gs, &ge);
}

/* Does the text before the bare figure at `at` leave its noun out ("et 300",
 * ", le syndicat 700 000")?  Only the pronoun "en" ("le ministère en
 * reconnaît 12") reaches past the sentence, to the paragraph's last count. */
static bool elided_noun(bl_docstate *st, size_t from, size_t at, bool same_sentence) {
  const char *s = st->text.s;
  size_t ms = 0;
  if (!ends_before_at(st, st->g->rx_ellipsis, from, at, &ms)) return false;
  /* a name with no article before digits is an identifier ("Dragon 26"),
   * not a place whose count is elided ("Montréal quatre") */
  if (is_digit((unsigned char)s[at]) && (ellipsis_group_set(st, "place") || ellipsis_group_set(st, "named")))
    return false;
  return same_sentence || (at - ms > 3 && s[ms] == 'e' && s[ms + 1] == 'n' && s[ms + 2] == ' ');
}

/* Did the last elided_noun() see a subject whose verb is left out (group
 * `gap`: "a obtenu 125 sièges, le Front populaire 182")? */
static bool elided_verb(const bl_docstate *st) {
  return ellipsis_group_set(st, "gap");
}

/* Is the bare figure alone in brackets after a name ("suivie de Taroudant
 * (980) et de Chichaoua (202)")?  It counts, for that place, what the count
 * before it in the sentence counts. */
static bool figure_of_name(bl_docstate *st, size_t floor, size_t open, const bl_qty *q) {
  const char *s = st->text.s;
  size_t p = open, e = q->after > q->ne ? q->after : q->ne;
  while (e < st->text.n && is_space((unsigned char)s[e])) e++;
  if (p <= floor || s[p - 1] != '(' || e >= st->text.n || s[e] != ')') return false;
  p--;
  while (p > floor && is_space((unsigned char)s[p - 1])) p--;
  bl_nspan w = bl_word_before(s, floor, p);
  return w.e == p && w.e > w.s && bl_capital_at(s, w.s);
}

/* Does a bare figure open its sentence as the subject of a passive
 * ("Environ 1 300 avaient été condamnées", after "3 500 personnes avaient
 * été interpellées")?  Its noun is the count's before it. */
static bool passive_opening(bl_docstate *st, const bl_sent *sn, size_t open, const bl_qty *q) {
  const char *s = st->text.s;
  size_t p = sn->s, a, b;
  while (p < open && (is_space((unsigned char)s[p]) || s[p] == '"')) p++;
  /* "Seuls 400 ont été repris" */
  if (bl_word_at(s, p, open, &a, &b) && bl_word_class(st->g, s, a, b) == WD_PRENOMINAL) {
    p = b;
    while (p < open && is_space((unsigned char)s[p])) p++;
  }
  if (p != open || !bl_word_at(s, q->ne, sn->e, &a, &b) || !bl_word_aux(bl_word_class(st->g, s, a, b)))
    return false;
  bl_nspan pp = participle_after(st, q->ne, sn->e);
  return pp.e > pp.s && s[pp.e - 1] == 's';
}

/* Does the sentence tell of the past: a pluperfect ("avaient péri", "avait
 * fait") and a year or a month ("en 1992", "depuis le naufrage de 1976",
 * "le 21 juin")?  Its figures are history, not the report's. */
static bool history(bl_docstate *st, const bl_sent *sn) {
  const char *s = st->text.s;
  bool pluperfect = false, year = false, imperfect_aux = false;
  size_t a, b;
  for (size_t p = sn->s; p < sn->e; p = b) {
    if (!bl_word_at(s, p, sn->e, &a, &b)) { /* punctuation */
      b = a + 1;
      imperfect_aux = false;
      continue;
    }
    if (b - a == 4 && (!memcmp(s + a, "19", 2) || !memcmp(s + a, "20", 2)) &&
        is_digit((unsigned char)s[a + 2]) && is_digit((unsigned char)s[a + 3]) &&
        next_figure(st, a, b) == b) /* a year, not the start of a figure */
      year = true;
    /* or a month: "avait déjà fait trois morts le 21 juin" */
    const bl_lexent *cal = bl_lex_find(&st->g->calendar, s + a, b - a);
    if (cal && cal->kind == CAL_MONTH && s[a] >= 'a' && s[a] <= 'z') year = true;
    int cls = bl_word_class(st->g, s, a, b);
    /* the word after "avait", "avaient", "était": a participle ("péri", "fait") */
    if (imperfect_aux && !cls && s[a] >= 'a' && s[a] <= 'z') pluperfect = true;
    if (cls == WD_ADV) continue; /* "avait déjà été touchée" */
    imperfect_aux = bl_word_aux(cls) && ((b - a > 3 && !memcmp(s + b - 3, "ait", 3)) ||
                                         (b - a > 5 && !memcmp(s + b - 5, "aient", 5)));
  }
  return pluperfect && year;
}

/* What caused or holds the count whose expression opens at `open` ("Le
 * séisme a fait 300 morts", "La commune compte 12 500 habitants"); a count
 * joined to the one before by "et", "ou" or a comma shares it ("a fait 11
 * morts et 11 blessés") unless it has a predicate of its own. */
static bl_nspan cause_of(bl_docstate *st, size_t si, const bl_qty *q, size_t open, bool own_pred,
                         bl_nspan *tail) {
  const char *s = st->text.s;
  const bl_sent *sn = &st->seg.sents[si];
  bl_nspan cause = bl_cause_of(st, sn->s, open, tail);
  if (cause.e || own_pred || !st->cl.n) return cause; /* "et 1 460 personnes ont été évacuées" */
  const bl_cl *prev = &st->cl.v[st->cl.n - 1];
  if (prev->sent != si || !prev->cause.e) return cause;
  size_t p = prev->text.e;
  if (prev->np.e > p) p = prev->np.e;
  size_t a, b;
  while (p < q->ns) {
    if (is_space((unsigned char)s[p]) || s[p] == ',') {
      p++;
    } else if (p == open) {
      break;
    } else if (bl_word_at(s, p, q->ns, &a, &b) && a == p && (b - a == 2 && (!strncmp(s + a, "et", 2) ||
                                                                          !strncmp(s + a, "ou", 2)))) {
      p = b;
    } else {
      return cause;
    }
  }
  *tail = prev->cause_tail;
  return prev->cause;
}

/* The place that opens the sentence, before a comma and the figure at
 * `at` ("Dans la seule commune de Paiporta, 62 personnes ont perdu la vie",
 * "À Marseille, le cortège a réuni"): a locative of places.tsv, then at
 * most nine words, one of them a name, and no figure ("Pour le ministre
 * Dupont," is none). */
static bl_nspan fronted_place(bl_docstate *st, const bl_sent *sn, size_t at) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t a, b;
  const bl_lexent *loc = bl_word_at(s, sn->s, at, &a, &b) ? bl_lex_find(&g->places, s + a, b - a) : NULL;
  if (!(loc && loc->kind == PL_LOCATIVE)) return none; /* a locative of places.tsv ("Dans", "À") */
  bl_nspan place = {a, b};
  bool name = false;
  for (int k = 0; k < 9 && bl_word_at(s, place.e, at, &a, &b); k++) {
    if (is_digit((unsigned char)s[a])) return none;
    if (bl_capital_at(s, a) || (b - a > 2 && s[a + 1] == '\'' && bl_capital_at(s, a + 2))) name = true;
    place.e = b;
  }
  size_t p = place.e;
  while (p < at && is_space((unsigned char)s[p])) p++;
  return name && p < at && s[p] == ',' ? place : none;
}

/* The place a relative "où" opening the figure's clause stands for: the
 * phrase before its comma, from its preposition ("dans la ville de Derna,
 * où"), or a street without its determiner ("l'avenue de la Liberté, où":
 * "avenue de la Liberté"); at most eight words.  Empty otherwise. */
static bl_nspan where_antecedent(bl_docstate *st, const bl_sent *sn, size_t at) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t c = at;
  while (c > sn->s && s[c - 1] != ',') c--;
  if (c <= sn->s) return none;
  size_t a, b;
  if (!bl_word_at(s, c, at, &a, &b) || b - a != 3 || strncmp(s + a, "où", 3)) return none;
  size_t e = c - 1, p = e;
  while (e > sn->s && is_space((unsigned char)s[e - 1])) e--;
  for (int k = 0; k < 8; k++) {
    bl_nspan w = bl_word_before(s, sn->s, p);
    if (w.e <= w.s && p > sn->s && s[p - 1] == '-') { /* "Habib-Bourguiba" */
      p--;
      continue;
    }
    if (w.e <= w.s || memchr(s + w.e, ',', p - w.e)) return none;
    int cls = bl_word_class(g, s, w.s, w.e);
    const bl_lexent *loc = bl_lex_find(&g->places, s + w.s, w.e - w.s);
    if (loc && loc->kind == PL_LOCATIVE) /* where, not whither ("reconduits vers des centres") */
      return w.e - w.s == 4 && !strncmp(s + w.s, "vers", 4) ? none : (bl_nspan){w.s, e};
    if (cls == WD_DET) {
      bl_nspan before = bl_word_before(s, sn->s, w.s);
      int bc = before.e > before.s ? bl_word_class(g, s, before.s, before.e) : 0;
      if (bc == WD_PREP) { /* "de la Liberté": inside the phrase */
        p = w.s;
        continue;
      }
      size_t x, y; /* the noun after it: a street stands alone */
      const bl_lexent *st_noun = bl_word_at(s, w.e, e, &x, &y) ? bl_lex_find(&g->places, s + x, y - x) : NULL;
      return st_noun && st_noun->kind == PL_STREET ? (bl_nspan){x, e} : none;
    }
    /* "l'avenue": the article written against it */
    size_t n0 = w.s > 1 && s[w.s - 1] == '\'' ? w.s : w.e - w.s > 2 && s[w.s + 1] == '\'' ? w.s + 2 : 0;
    if (n0) {
      const bl_lexent *st_noun = bl_lex_find(&g->places, s + n0, w.e - n0);
      if (st_noun && st_noun->kind == PL_STREET) return (bl_nspan){n0, e};
    }
    p = w.s;
  }
  return none;
}

/* Where the phrase before the mark right before `at` (past spaces) ends,
 * spaces trimmed; 0 when no such mark ("compte de solidarité : 4 500"). */
static size_t end_before_mark(const char *s, size_t floor, size_t at, char mark) {
  size_t e = at;
  while (e > floor && is_space((unsigned char)s[e - 1])) e--;
  if (e <= floor || s[e - 1] != mark) return 0;
  e--;
  while (e > floor && is_space((unsigned char)s[e - 1])) e--;
  return e;
}

/* The noun phrase that ends the clause before a colon right before `at`
 * ("a ouvert un compte de solidarité : 4 500 euros"), without its
 * determiner; at most six words, none a verb.  Empty otherwise. */
static bl_nspan noun_before_colon(bl_docstate *st, const bl_sent *sn, size_t at) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t e = end_before_mark(s, sn->s, at, ':');
  if (!e) return none;
  size_t start = e, p = e;
  for (int k = 0; k < 6; k++) {
    bl_nspan w = bl_word_before(s, sn->s, p);
    if (w.e <= w.s) return none;
    int cls = bl_word_class(g, s, w.s, w.e);
    if (cls == WD_DET) {
      bl_nspan before = bl_word_before(s, sn->s, w.s);
      if (before.e > before.s && bl_word_class(g, s, before.s, before.e) == WD_PREP) {
        p = w.s; /* "de la Santé": inside */
        continue;
      }
      return start < e ? (bl_nspan){start, e} : none;
    }
    /* a short preposition inside ("de solidarité", "en ligne"), no other */
    if (cls == WD_PREP && w.e - w.s > 2) return none;
    if ((cls && cls != WD_PREP) || bl_finite_verb(s, w.s, w.e)) return none;
    start = w.s;
    p = w.s;
  }
  return none;
}

/* The complement before ", soit" at `at` ("l'évacuation d'un périmètre de
 * 2 km autour du site, soit 1 800 résidants"): from its first "de" word,
 * back over at most ten words that are no verb, to the comma.  Empty when
 * there is none, or when the phrase names a counted noun of categories.tsv
 * (a count, not a place: "le bilan de 45 morts, soit"). */
static bl_nspan phrase_before_soit(bl_docstate *st, const bl_sent *sn, size_t at) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  size_t e = end_before_mark(s, sn->s, bl_word_before(s, sn->s, at).s, ',');
  if (!e) return none;
  size_t first_of = 0, p = e;
  for (int k = 0; k < 10; k++) {
    while (p > sn->s && (is_space((unsigned char)s[p - 1]) || s[p - 1] == '-')) p--;
    size_t w = p;
    if (w > sn->s && s[w - 1] == '\'') w--; /* "d'", "l'" */
    while (w > sn->s && (is_letter((unsigned char)s[w - 1]) || is_digit((unsigned char)s[w - 1]))) w--;
    if (w == p) break;
    int cls = bl_word_class(g, s, w, p);
    bool of = (p - w == 2 && (!strncmp(s + w, "de", 2) || !strncmp(s + w, "du", 2) || !strncmp(s + w, "d'", 2))) ||
              (p - w == 3 && !strncmp(s + w, "des", 3)) ||
              /* "évacué les habitants dans un rayon de 3 kilomètres, soit" */
              bl_word_is(s, w, p, "dans");
    if (of) first_of = w;
    else if (bl_word_aux(cls) || cls == WD_CONJ || cls == WD_PRON || bl_finite_verb(s, w, p) ||
             participle_like(s, w, p))
      break;
    else if (!cls && cat_entry(g, s, w, p, K(CK_NOUN)))
      return none;
    p = w;
  }
  if (!first_of) return none;
  /* a count inside is the whole, no place ("des 6 000 habitants du quartier,
   * soit un millier de foyers") */
  for (size_t k = st->cl.n; k-- > 0 && st->cl.v[k].text.s >= sn->s;)
    if (st->cl.v[k].text.s >= first_of && st->cl.v[k].text.s < e) return none;
  return (bl_nspan){first_of, e};
}

/* Is the figure a term of a proportion ("trois TGV sur cinq circuleront",
 * "un Français sur cinq")?  claims.pcre's `ratio-after`, from the figure,
 * or from the figure or "un"/"une" at most three words before "sur"; after
 * a figure, "sur M" must be a base (2 to 10, or 100, 1 000...): "125
 * sièges sur 577" counts seats. */
static bool proportion_base(double m) {
  if (m >= 2 && m <= 10 && m == floor(m)) return true;
  for (long p = 100; p <= 1000000; p *= 10)
    if (m == (double)p) return true;
  return false;
}

static bool in_ratio(bl_docstate *st, const bl_sent *sn, const bl_qty *q) {
  const char *s = st->text.s;
  /* a figure's "sur M" is a proportion when M is a base ("sur cinq", "sur
   * 10", "sur 1 000"), not a total ("125 sièges sur 577") */
  /* (the rule runs only where "sur" follows closely: it is tried at every figure) */
  bool sur = false;
  for (size_t i = q->ne; i + 4 <= sn->e && i < q->ne + 48 && !sur; i++) sur = !memcmp(s + i, "sur ", 4);
  size_t me = sur ? match_at(st, st->g->rx_ratio_after, q->ne, sn->e) : 0;
  size_t mi = me ? bl_first_figure(st, q->ne) : st->q.n;
  if (mi < st->q.n && st->q.v[mi].ne == me && proportion_base(st->q.v[mi].pub.value)) return true;
  size_t open = q->he > q->hs && q->hs < q->ns ? q->hs : q->ns;
  if (!bl_word_before_is(s, sn->s, open, "sur")) return false;
  size_t p = bl_word_before(s, sn->s, open).s;
  for (int k = 0; k < 3 && p > sn->s; k++) {
    size_t e = p;
    while (e > sn->s && is_space((unsigned char)s[e - 1])) e--;
    size_t qi = bl_first_figure(st, e);
    if (qi > 0 && st->q.v[qi - 1].ne == e) /* a figure: "trois TGV sur", "9 sur" */
      return match_at(st, st->g->rx_ratio_after, e, sn->e) == q->ne && proportion_base(q->pub.value);
    bl_nspan w = bl_word_before(s, sn->s, p);
    if (w.e <= w.s) return false;
    if ((w.e - w.s == 2 || w.e - w.s == 3) && (s[w.s] == 'u' || s[w.s] == 'U') &&
        !strncmp(s + w.s + 1, "ne", w.e - w.s - 1)) /* "un Français sur" */
      return match_at(st, st->g->rx_ratio_after, w.e, sn->e) == q->ne;
    p = w.s;
  }
  return false;
}

/* Does the figure at `at` open a bracket or a dash right after the noun
 * phrase of the count c ("61 morts – 57 passagers et quatre membres
 * d'équipage –", "61 morts (57 passagers ...)"): its detail? */
static bool opens_detail(const bl_docstate *st, const bl_cl *c, size_t at) {
  const char *s = st->text.s;
  size_t p = at;
  while (p > c->text.e && is_space((unsigned char)s[p - 1])) p--;
  if (p <= c->text.e + 1 || !(s[p - 1] == '(' || (s[p - 1] == '-' && is_space((unsigned char)s[p - 2]))))
    return false;
  size_t np_end = c->np.e > c->text.e ? c->np.e : c->text.e;
  for (size_t i = np_end; i < p - 1; i++)
    if (!is_space((unsigned char)s[i])) return false;
  return true;
}

/* Does a colon right after the count c's phrase (its noun, predicate or
 * place) open a list that reaches `at` ("15 étrangers : cinq Indiens"; not
 * "tué 100 soldats et saisi un butin : 8 blindés")? */
static bool colon_after(const bl_docstate *st, const bl_cl *c, size_t at) {
  const char *s = st->text.s;
  const char *colon = memchr(s + c->text.e, ':', at - c->text.e);
  if (!colon) return false;
  size_t p = c->text.e;
  if (c->np.e > p) p = c->np.e;
  if (c->pred.e > p) p = c->pred.e;
  if (c->where.e > p) p = c->where.e;
  while (p < at && (is_space((unsigned char)s[p]) || s[p] == '"' || s[p] == ')')) p++;
  return p >= (size_t)(colon - s);
}

static int quantity_claim(bl_docstate *st, size_t si, const bl_qty *q, size_t next_start,
                          bl_error *err) {
  const bl_grammar *g = st->g;
  const bl_sent *sn = &st->seg.sents[si];
  const char *s = st->text.s;
  size_t after = q->after > q->ne ? q->after : q->ne;
  const char *currency = borrowed_currency(st, si, q);
  bool money = currency || (q->flags & (QF_MONEY | QF_PERCENT)) != 0;
  /* "la moitié des 300 habitants a été évacuée": what follows is the share's */
  bool of_share = !money && share_before(st, sn->s, q->ns);
  /* Not a count: a duration, an age, a measure, a ratio, a score line... */
  if (!money && match_at(st, g->rx_nc_after, q->ne, sn->e)) return BL_OK;
  /* ... a fine ("7,5 millions d'euros d'amende"), a match statistic ("58 % de possession") */
  if ((q->flags & QF_MONEY) && match_at(st, g->rx_penalty_after, after, sn->e)) return BL_OK;
  if ((q->flags & QF_PERCENT) && match_at(st, g->rx_percent_stat, q->ne, sn->e)) return BL_OK;
  /* A forecast or a fear is no count: "le bilan pourrait dépasser 5 000" */
  if (ends_before(st, g->rx_forecast, sn->s, q->ns)) return BL_OK;
  /* a promise of people or things, not of a sum ("a promis de porter à 150
   * millions d'euros l'enveloppe" is the budget's) */
  if (!(q->flags & QF_MONEY) && !currency && ends_before(st, g->rx_promise, sn->s, q->ns)) return BL_OK;
  if (ends_before(st, g->rx_nc_before, sn->s, q->ns)) return BL_OK;
  if (!money && in_ratio(st, sn, q)) return BL_OK;

  bl_cl c;
  init_claim(&c, si);
  c.q = q->pub;
  c.text.s = q->ns;
  c.text.e = q->ne;
  c.hedge.s = q->hs;
  c.hedge.e = q->he;
  size_t clause_end = next_start < sn->e ? next_start : sn->e;
  size_t open_at = q->he > q->hs && q->hs < q->ns ? q->hs : q->ns; /* the hedge opens it */
  /* "l'évacuation de milliers d'habitants": the vague plural's "de" is the
   * event noun's too */
  size_t verb_at = open_at == q->ns && q->ne > q->ns + 3 && !strncasecmp(s + q->ns, "de ", 3) ? q->ns + 3 : open_at;

  nphrase np;
  bl_nspan soit_pred = {0, 0};
  if (money) {
    memset(&np, 0, sizeof np);
    int change = 0;
    np.np = money_subject(st, q, sn->s, sn->e, &change);
    /* "la commune a ouvert un compte de solidarité : 4 500 euros ont déjà été
     * récoltés": what the sum after a colon fills */
    if (!np.np.e) np.np = noun_before_colon(st, sn, open_at);
    /* "1 893 morts en 2024, contre 1 976 l'année précédente, soit une baisse
     * de 4,2 %": the change of the count before in the sentence */
    int cn = np.np.e ? bl_word_class(g, s, np.np.s, np.np.e) : 0;
    /* "un chiffre quasi stable (+0,3 %)": a signed percentage in brackets
     * after a count is its change too */
    size_t lb = open_at;
    while (lb > sn->s && is_space((unsigned char)s[lb - 1])) lb--;
    int sign = s[q->ns] == '+'   ? 1
               : s[q->ns] == '-' ? -1 /* the text layer writes U+2212 as '-' too */
                                 : 0;
    if ((q->flags & QF_PERCENT) && !np.np.e && sign && lb > sn->s && s[lb - 1] == '(') {
      cn = sign > 0 ? WD_RISE_NOUN : WD_FALL_NOUN;
      c.change = sign;
    }
    if ((q->flags & QF_PERCENT) && (cn == WD_FALL_NOUN || cn == WD_RISE_NOUN))
      for (size_t k = st->cl.n; k-- > 0 && st->cl.v[k].sent == si;)
        if (!st->cl.v[k].former && !st->cl.v[k].q.unit && st->cl.v[k].unit.e > st->cl.v[k].unit.s) {
          c.change_of = (long)k;
          break;
        }
    /* "la mortalité a reculé de 11 %": the fall of "la mortalité" */
    if (change && np.np.e && np.np.e < q->ns) {
      bl_nspan det = bl_word_before(s, sn->s, np.np.s);
      size_t from = det.e > det.s && bl_word_class(g, s, det.s, det.e) == WD_DET ? det.s : np.np.s;
      if (np.np.s >= sn->s + 2 && s[np.np.s - 1] == '\'') from = np.np.s - 2; /* "l'emploi" */
      c.change = change;
      c.changed = (bl_nspan){from, np.np.e};
    }
    /* "La grande majorité des victimes, soit 90 %, ont été tuées par des
     * armes explosives": the share of the plural noun before the incise,
     * with the predicate after it */
    if (!np.np.e && (q->flags & QF_PERCENT) && bl_word_before_is(s, sn->s, open_at, "soit")) {
      size_t comma = bl_word_before(s, sn->s, open_at).s;
      while (comma > sn->s && is_space((unsigned char)s[comma - 1])) comma--;
      const char *close = memchr(s + q->ne, ',', sn->e - q->ne);
      if (comma > sn->s && s[comma - 1] == ',' && close) {
        size_t from = after_last_mark(s, sn->s, comma - 1);
        np.np = plural_noun_before(st, from, comma - 1);
        size_t after_incise = (size_t)(close - s) + 1;
        bl_nspan pw0 = {0, 0};
        if (np.np.e && find_pred(st, after_incise, clause_end, false, &pw0)) soit_pred = pw0;
        else if (np.np.e) soit_pred = participle_after(st, after_incise, clause_end);
      }
    }
  } else {
    read_np(st, after, sn->e, &np);
    if (!np.head.e) partitive_noun(st, q->ne, sn->e, &np);
    /* "- Blessés : 120", "Personnes évacuées : 3 400": the label of a list
     * item or a line, before its colon, says what the figure counts */
    bl_nspan label = np.head.e || np.autres || np.pred.e ? (bl_nspan){0, 0} : line_label(st, sn, open_at);
    if (label.e > label.s) { /* a noun of categories.tsv, not a place ("- Occitanie : 245") */
      nphrase lab;
      read_np(st, label.s, label.e, &lab);
      if (lab.noun || lab.pred.e) np = lab;
      /* a place: the list's intro names the noun */
      bl_nspan intro = np.head.e ? (bl_nspan){0, 0} : list_intro_noun(st, sn);
      if (intro.e > intro.s) read_np(st, intro.s, intro.e, &np);
    }
    /* "912 personnes ont été tuées et 5 383 blessées": a feminine participle
     * that is also a noun, after "et" in a count's sentence, is the
     * predicate of the noun left out */
    /* (not a noun with a verb of its own: "tandis que 12 blessés ont été recensés") */
    /* (and only right after "et" or a comma: not "tandis que les
     * organisateurs recensaient quelque 200 blessés") */
    size_t va, vb, fp = open_at;
    while (fp > sn->s && is_space((unsigned char)s[fp - 1])) fp--;
    if (np.head.e && np.head.e == np.np.e && np.head.e - np.head.s > 5 &&
        cat_entry(g, s, np.head.s, np.head.e, K(CK_PRED)) &&
        !(bl_word_at(s, np.head.e, sn->e, &va, &vb) && bl_word_aux(bl_word_class(g, s, va, vb))) &&
        (bl_word_before_is(s, sn->s, open_at, "et") || (fp > sn->s && s[fp - 1] == ',')) &&
        elided_noun(st, sn->s, q->ns, true)) {
      long k = previous_claim_of(st, si, false, false, KIND_COUNT);
      /* feminine, or after a count with a predicate of its own: "148 civils
       * ont été tués et 404 blessés" (not "12 morts et 40 blessés") */
      bool feminine = !memcmp(s + np.head.e - strlen("ées"), "ées", strlen("ées"));
      if (k >= 0 && st->cl.v[k].sent == si && st->cl.v[k].unit.e > st->cl.v[k].unit.s &&
          (feminine || st->cl.v[k].pred.e > st->cl.v[k].pred.s)) {
        np.pred = np.head;
        np.head = np.unit = np.np = (bl_nspan){0, 0};
        np.noun = NULL;
      }
    }
    /* "passé de 12 à 15 morts", "12 ou 15 morts" read as two figures: the
     * first counts what the second does, or nothing if the second is no
     * count ("de 12 à 15 ans") */
    /* (not a figure compared with one before: "par 52 voix contre 41 et 3
     * abstentions") */
    const bl_qty *nq =
        np.head.e || bl_word_before_is(s, sn->s, open_at, "contre") ? NULL : figure_joined_after(st, q, sn->e);
    if (nq) {
      if (match_at(st, g->rx_nc_after, nq->ne, sn->e)) return BL_OK;
      read_np(st, nq->after > nq->ne ? nq->after : nq->ne, sn->e, &np);
    }
  }
  c.unit = np.unit;
  c.np = np.np;
  c.whole_at = np.whole_at;
  if (soit_pred.e) {
    c.pred = soit_pred;
    c.where = where_phrase(st, soit_pred.e, clause_end, false);
  }
  if (np.pred.e) c.pred = np.pred;
  c.degree = np.degree;

  /* Category: a predicate after the noun, else the noun, else a weak
   * predicate, else an active verb before, else "bilan"/"nombre de". */
  const bl_lexent *pred = NULL;
  bl_nspan pw = {0, 0};
  if (np.pred.e) {
    pred = cat_entry(g, s, np.pred.s, np.pred.e, K(CK_PRED) | K(CK_WEAK));
    pw = np.pred;
  } else if (!money) {
    size_t from = np.np.e ? np.np.e : after;
    /* "Les habitants de 36 immeubles, soit environ 200 personnes, ont été
     * évacués": a figure in apposition takes the verb after it */
    size_t open = q->he > q->hs && q->hs < q->ns ? q->hs : q->ns, wa, wb;
    if (bl_word_before_is(s, sn->s, open, "soit")) {
      size_t p = from;
      while (p < sn->e && is_space((unsigned char)s[p])) p++;
      if (p < sn->e && s[p] == ',' && bl_word_at(s, p + 1, sn->e, &wa, &wb) &&
          bl_word_aux(bl_word_class(g, s, wa, wb)))
        from = p + 1;
    }
    /* "85 personnes, dont 12 enfants, ont été blessées": the next figure
     * opens an incise, the predicate lies past it */
    size_t pred_end = clause_end;
    if (clause_end < from) /* the next figure is in the noun phrase: "habitants de six communes" */
      pred_end = next_figure(st, from, sn->e);
    else if (clause_end < sn->e && np.head.e && !(np.noun && np.noun->value >= 0) &&
             incise_before(st, from, clause_end))
      pred_end = sn->e;
    pred = of_share ? NULL : find_pred(st, from, pred_end, pred_end < sn->e, &pw);
    /* "Deux hommes qui étaient portés disparus ont été retrouvés": the
     * relative's predicate says who they are, for the subject */
    size_t ra, rb, rs = 0, re = 0;
    if (pred && bl_word_at(s, from, pw.s, &ra, &rb) && rb - ra == 3 && !strncmp(s + ra, "qui", 3)) {
      pred_scan rps = {.end = pw.s};
      if (pred_next(st, &rps, rb, &rs, &re) && re <= pw.s && !memchr(s + rb, ',', rs - rb))
        c.rel = (bl_nspan){rs, re};
    }
    /* "600 morts ou disparus", "200 morts et blessés": a second noun joined
     * to a noun of a category; the first gives the count's category */
    size_t ca, cb, na, nb;
    if (pred && np.noun && np.noun->kind == CK_NOUN && np.noun->value >= 0 &&
        bl_word_at(s, np.unit.e, pw.s, &ca, &cb) && and_or(s, ca, cb) &&
        bl_word_at(s, cb, pw.e, &na, &nb) && na == pw.s &&
        cat_entry(g, s, pw.s, pw.e, K(CK_NOUN)))
      pred = NULL;
  }
  const bl_lexent *noun = np.noun;
  /* things, and people whose count no verb gives a category ("survivants") */
  /* (survivors who are hurt or die are counted so: "Quelque 60 rescapés ont
   * été hospitalisés") */
  bool fixed_hurt = noun && noun->kind == CK_FIXED && pred && pred->kind == CK_PRED &&
                    (pred->value == BL_CAT_INJURED || pred->value == BL_CAT_KILLED);
  bool thing = noun && (noun->kind == CK_THING || noun->kind == CK_FIXED) && !fixed_hurt;
  int cat = -1;
  bool verb_before = false; /* cat comes from a verb before the figure */
  if (thing || money) {
    cat = BL_CAT_OTHER;
  } else {
    /* A noun of an event right before the figure says what it counts, over
     * a participle after it: "la libération de 99 personnes arrêtées" counts
     * people freed, "la mort de 21 personnes" the dead, "les dépouilles de
     * 28 otages" the dead too. */
    const bl_lexent *nom = verb_right_before(st, sn->s, verb_at);
    if (nom && nom->value >= 0 &&
        (!strncmp(nom->form, "la ", 3) || !strncmp(nom->form, "le ", 3) || !strncmp(nom->form, "l'", 2) ||
         !strncmp(nom->form, "les ", 4)))
      cat = (int)nom->value;
    int said_by = -1; /* a category that says who the people are or what they do */
    if (cat < 0 && pred && pred->kind == CK_PRED && pred->value >= 0) {
      cat = (int)pred->value;
      if (cat == BL_CAT_DISPLACED) said_by = cat; /* "200 personnes déplacées" */
    }
    /* the dead or the injured who are moved stay what they are: "plusieurs
     * blessés ont été évacués vers Mopti" */
    if ((cat == BL_CAT_EVACUATED || cat == BL_CAT_DISPLACED) && noun &&
        (noun->value == BL_CAT_INJURED || noun->value == BL_CAT_KILLED))
      cat = (int)noun->value;
    /* and the sick in hospital stay sick: "1 480 malades ont été hospitalisés" */
    if (cat == BL_CAT_INJURED && noun && noun->value == BL_CAT_SICK) cat = BL_CAT_SICK;
    if (cat < 0 && noun && noun->value >= 0) {
      cat = (int)noun->value;
      if (cat == BL_CAT_DEPLOYED || cat == BL_CAT_PARTICIPANTS || cat == BL_CAT_DISPLACED) said_by = cat;
    }
    /* A role noun (policiers: deployed, manifestants: participants) or a
     * status, noun or participle (déplacés) says what the people do or are,
     * not what happened to them: a verb governing the figure does ("tuant
     * neuf policiers", "ont enlevé 200 personnes déplacées"). */
    const bl_lexent *governing = said_by >= 0 && cat == said_by ? verb_right_before(st, sn->s, verb_at) : NULL;
    if (said_by >= 0 && cat == said_by && !governing) governing = verb_of_first_object(st, si, open_at);
    if (governing && governing->value >= 0) cat = (int)governing->value;
    /* armed men who took part in violence are no crowd ("quelque 15 000
     * bandits avaient pris part aux violences") */
    bool armed = noun && noun->group == BL_GROUP_MILITANTS;
    if (cat < 0 && pred && pred->value >= 0 && !(armed && pred->kind == CK_WEAK && pred->value == BL_CAT_PARTICIPANTS))
      cat = (int)pred->value;
    if (cat < 0) {
      /* a participle right before the figure is its verb ("avoir tué plus
       * de 300 combattants", "et évacué 300 habitants") */
      size_t ms = 0, me = 0, from = q->ns > 40 ? q->ns - 40 : 0;
      if (from < sn->s) from = sn->s;
      pred_scan ps = {.end = q->ns};
      while (pred_next(st, &ps, from, &ms, &me)) {
        size_t gap = me;
        while (gap < q->ns && (is_space((unsigned char)s[gap]) || s[gap] == '"')) gap++;
        const bl_lexent *e = gap == q->ns ? cat_entry(g, s, ms, me, K(CK_PRED)) : NULL;
        if (e && e->value >= 0) cat = (int)e->value;
        from = me > from ? me : from + 1;
      }
    }
    if (cat < 0) {
      size_t vfrom = sn->s;
      bool coordinated = false;
      const bl_lexent *v = find_verb(st, vfrom, q->ns, &coordinated);
      /* "a dépêché des équipes pour 2 000 familles": past a preposition
       * the figure is not the verb's object (unless the cue ends with it:
       * "les corps de deux") */
      /* (not of a name that stays singular in the plural, a model or a
       * make: "a perdu deux Rafale", not "a tué trois Palestiniens") */
      bool model = !noun && np.head.e > np.head.s && bl_capital_at(s, np.head.s) &&
                   s[np.head.e - 1] != 's' && s[np.head.e - 1] != 'x';
      if (v && v->value >= 0 && !model &&
          (!preposition_before(st, vfrom, q->ns) || coordinated || verb_right_before(st, vfrom, open_at))) {
        cat = (int)v->value;
        verb_before = true;
      } else if ((v = verb_of_first_object(st, si, open_at)) && v->value >= 0) {
        cat = (int)v->value;
        verb_before = true;
      }
    }
  }
  /* "figurent parmi les blessés" / "Parmi les victimes figurent 17 ...": the
   * group's noun gives a category the claim's own words do not. */
  bool strong = pred && pred->kind == CK_PRED && pred->value >= 0;
  const bl_lexent *among = NULL;
  bl_nspan among_noun = {0, 0}, among_group = {0, 0};
  if (!money && !thing) {
    uint32_t an[1];
    size_t as = 0, ae = 0;
    size_t ms = 0, me = 0;
    if (search(st, g->rx_among_after, np.np.e ? np.np.e : after, clause_end, &ms, &me) &&
        bl_rx_groups_named(g->rx_among_after, "an", an, 1) && bl_rx_group(&st->rx, an[0], &as, &ae)) {
      among = cat_entry(g, s, as, ae, K(CK_NOUN));
      if (among) c.among = (bl_nspan){as, ae};
    }
    uint32_t pres[1];
    size_t ps = 0, pe = 0;
    /* (not the group of a count before it in its clause: "quatre
     * secouristes figurent parmi les morts, et deux hôpitaux") */
    if (!among && search(st, g->rx_among_before, sn->s, q->ns, &ms, &me) &&
        !figure_in(st, after_last_mark(s, sn->s, ms), ms) &&
        bl_rx_groups_named(g->rx_among_before, "an", an, 1) && bl_rx_group(&st->rx, an[0], &as, &ae) &&
        list_reaches(st, bl_rx_groups_named(g->rx_among_before, "pres", pres, 1) &&
                                 bl_rx_group(&st->rx, pres[0], &ps, &pe) ? pe : ae,
                     q->ns)) {
      among = cat_entry(g, s, as, ae, K(CK_NOUN));
      /* "Parmi les personnes interpellées figurent 9 mineurs": the noun's participle */
      bl_nspan pp;
      const bl_lexent *part_pred = among && among->value >= 0 ? NULL : category_participle(g, s, ae, q->ns, &pp);
      if (part_pred) among = part_pred;
      among_group = (bl_nspan){as, ae}; /* "Parmi les passagers figuraient cinq Indiens" */
      if (among) c.among = among_group;
      /* "Parmi les rescapés, sept ont été hospitalisés": a bare figure
       * right after the group counts its noun */
      size_t p = ae;
      while (p < q->ns && (is_space((unsigned char)s[p]) || s[p] == ',')) p++;
      if (!np.head.e && !c.unit.e && p == q->ns && ae < q->ns && memchr(s + ae, ',', q->ns - ae))
        c.unit = c.np = among_noun = (bl_nspan){as, ae};
    }
    if (!strong && among && among->value >= 0 && toll_category((bl_category)among->value))
      cat = (int)among->value;
  }
  /* a thing's predicate says what befell it, whatever its category:
   * "des milliers de volailles sont mortes de chaleur" */
  if (pred && !c.pred.e &&
      (cat == (int)pred->value || pred->kind == CK_WEAK || /* "soldats ayant franchi la frontière" */
       (thing && pred->kind == CK_PRED && own_predicate(st, c.np.e > q->ne ? c.np.e : q->ne, pw.s) &&
        !of_figure_before(st, sn->s, q->he > q->hs && q->hs < q->ns ? q->hs : q->ns))))
    c.pred = pw;
  if (!money) {
    /* also others' ("Quelque 3 000 autres ont été débarquées en Tunisie") */
    size_t pfrom = c.np.e ? c.np.e : np.autres ? np.autres_end : 0;
    if (!c.pred.e && pfrom && !of_share) c.pred = participle_after(st, pfrom, clause_end);
    if (c.pred.e > c.pred.s) {
      c.pred = coordinated_pred(st, c.np.e ? c.np.e : after, c.pred, clause_end);
      /* "forcé 120 000 personnes à quitter leur domicile": the infinitive's "à" */
      size_t ia, ib;
      bl_nspan to = bl_word_before(s, sn->s, c.pred.s);
      if (to.e - to.s == 2 && !strncmp(s + to.s, "à", 2) && to.s >= (c.np.e ? c.np.e : after) &&
          bl_word_at(s, c.pred.s, c.pred.e, &ia, &ib) && infinitive_like(s, ia, ib))
        c.pred.s = to.s;
      /* a predicate that opens on its auxiliaries ("ont fui", "ont été
       * évacués") starts past them */
      size_t a, b;
      bool have = false;
      while (bl_word_at(s, c.pred.s, c.pred.e, &a, &b) && b < c.pred.e &&
             bl_word_aux(bl_word_class(g, s, a, b))) {
        have = bl_word_class(g, s, a, b) == WD_HAVE;
        c.pred.s = b;
        while (c.pred.s < c.pred.e && is_space((unsigned char)s[c.pred.s])) c.pred.s++;
      }
      /* "ont dû quitter leur domicile": the modal is the predicate's */
      if (bl_word_before_is(s, sn->s, c.pred.s, "dû") || bl_word_before_is(s, sn->s, c.pred.s, "pu"))
        c.pred.s = bl_word_before(s, sn->s, c.pred.s).s;
      c.pred_active = have || after_have(st, c.pred.s, sn->s);
      if (c.pred_active) c.pred.e = object_end(st, c.pred.e, clause_end);
    }
    size_t wfrom = c.pred.e > c.np.e ? c.pred.e : c.np.e;
    if (!wfrom && np.autres) wfrom = np.autres_end; /* "les deux autres à Saint-Ilarn" */
    if (wfrom) c.where = where_phrase(st, wfrom, place_end(st, clause_end, sn->e), false);
    uint32_t pl[1];
    size_t ps = 0, pe = 0;
    bool place_before = c.np.e && after_de(s, sn->s, q->ns) && ends_before(st, g->rx_population, sn->s, q->ns);
    if (place_before && !c.where.e && bl_rx_groups_named(g->rx_population, "place", pl, 1) &&
        bl_rx_group(&st->rx, pl[0], &ps, &pe)) {
      c.where = (bl_nspan){ps, pe}; /* "Pradevel, village de 2 100 habitants" */
      c.where_of = true;
    }
    /* A place's inhabitants are a description, no one's report: "Mananjary,
     * ville de quelque 30 000 habitants, a été détruite, selon l'ONU" */
    c.population = c.where_of || (place_before && inhabitants(s, np.head)) ||
                   (c.np.e && match_at(st, g->rx_population_after, c.np.e, clause_end));
    c.cause = cause_of(st, si, q, open_at, c.pred.e > c.pred.s, &c.cause_tail);
    /* "La préfecture compte 12 morts" tallies, "La ville compte 40 000
     * habitants" holds: of a toll or a crowd, "compter" names who counts */
    if (c.cause.e && cat >= 0 && (toll_category((bl_category)cat) || cat == BL_CAT_PARTICIPANTS)) {
      bl_nspan v = bl_word_before(s, sn->s, open_at);
      if (v.e - v.s >= 5 && !strncmp(s + v.s, "compt", 5)) c.cause = c.cause_tail = (bl_nspan){0, 0};
    }
    /* "Une frappe a tué 15 personnes", "Nous avons perdu 230 habitations":
     * the participle before the figure, for the subject ("personnes tuées");
     * not a verb of cause ("a fait 40 morts": "morts de ...") or speech */
    bl_nspan vb = bl_word_before(s, sn->s, open_at);
    size_t vb_to = open_at; /* past an adverb or a time: "ont secouru respectivement 120 et 80
                               migrants", "a interpellé hier 40 jeunes" */
    int vb_cls = vb.e > vb.s ? bl_word_class(g, s, vb.s, vb.e) : 0;
    if (vb_cls == WD_ADV || vb_cls == WD_TIME) {
      vb_to = vb.s;
      vb = bl_word_before(s, sn->s, vb.s);
    }
    bl_nspan np_last = np.np.e > np.np.s ? bl_word_before(s, np.np.s, np.np.e) : np.np;
    if (!c.pred.e && !c.cause.e && vb.e - vb.s >= 3 && vb.e + 3 >= vb_to &&
        !ends_before(st, g->rx_cause, sn->s, open_at) && /* "qui a fait 81 morts" */
        !(np_last.e > np_last.s && participle_like(s, np_last.s, np_last.e)) && /* "personnes piégées" */
        !bl_word_class(g, s, vb.s, vb.e) && past_participle_form(s, vb.s, vb.e) &&
        after_have(st, vb.s, sn->s) && !bl_lex_find(&g->speech, s + vb.s, vb.e - vb.s))
      c.verb_pp = vb;
    /* "tuant 43 personnes": a present participle whose past participle
     * (stem and "é") is a predicate of categories.tsv, written so
     * ("personnes tuées") */
    if (!c.pred.e && !c.cause.e && !c.verb_pp.e && vb.e - vb.s >= 5 && vb.e - vb.s < 40 &&
        vb.e + 3 >= vb_to && !memcmp(s + vb.e - 3, "ant", 3) && !bl_word_class(g, s, vb.s, vb.e) &&
        !(np_last.e > np_last.s && participle_like(s, np_last.s, np_last.e))) {
      char pp[48];
      size_t stem = vb.e - vb.s - 3;
      snprintf(pp, sizeof pp, "%.*sé", (int)stem, s + vb.s);
      if (bl_lex_find_kind(&g->categories, pp, stem + 2, K(CK_PRED) | K(CK_WEAK))) c.verb_pp = vb;
    }
    /* the place that opens the sentence, unless the count's own phrase names
     * one ("En Turquie, ... tandis que 5 814 décès ont été recensés en
     * Syrie") */
    bool named_where = false; /* where it went ("vers Castelvieil") is not where it is */
    size_t wa, wb;
    bool toward = bl_word_at(s, c.where.s, c.where.e, &wa, &wb) && wb - wa == 4 && !strncmp(s + wa, "vers", 4);
    for (size_t p = c.where.s, a, b; !toward && p < c.where.e && bl_word_at(s, p, c.where.e, &a, &b); p = b)
      named_where = named_where || bl_capital_at(s, a);
    if (!named_where) c.fronted = fronted_place(st, sn, open_at);
    /* "bordent l'avenue de la Liberté, où des dizaines de milliers de
     * manifestants s'étaient rassemblés": the place "où" stands for */
    if (!c.where.e && !c.fronted.e) c.fronted = where_antecedent(st, sn, open_at);
    /* "l'évacuation d'un périmètre de 2 km autour du site, soit quelque 1 800
     * résidants": the residents of what the phrase before names */
    if (!c.where.e && !c.fronted.e && np.head.e && !money && bl_word_before_is(s, sn->s, open_at, "soit"))
      c.fronted = phrase_before_soit(st, sn, open_at); /* written after the count's own words */
    /* "la manifestation avait réuni 4 200 personnes": a crowd of a
     * protest is of protesters */
    size_t a, b;
    for (size_t p = c.cause.s; cat == BL_CAT_PARTICIPANTS && !np.comp_group && c.cause.e &&
                               bl_word_at(s, p, c.cause.e, &a, &b);
         p = b) {
      const bl_lexent *ce = cat_entry(g, s, a, b, K(CK_COMP));
      if (ce && ce->group) {
        np.comp_group = (bl_group)ce->group;
        break;
      }
    }
  } else if (c.np.e) {
    /* what the money or the change is for or of: "une enveloppe de 1,5
     * million d'euros (réservée) aux communes", "une baisse de 4,2 % du
     * nombre de tués" */
    size_t from = q->after > q->ne ? q->after : q->ne;
    if (c.np.e > from) from = c.np.e;
    size_t a, b;
    /* "fixé par l'OMS", "estimés à 2 milliards de dollars par les
     * assureurs": who, not what for */
    if (bl_word_at(s, from, clause_end, &a, &b) && participle_like(s, a, b)) from = b;
    bool agent = bl_word_at(s, from, clause_end, &a, &b) && b - a == 3 && !strncmp(s + a, "par", 3);
    if (!agent && !c.where.e) c.where = where_phrase(st, from, clause_end, true);
    /* "80 % des contrôleurs étaient en grève", "30 % des malades sont
     * vaccinés": a share of people and what is said of them, after a copula */
    if ((q->flags & QF_PERCENT) && c.np.e > q->ne && !c.where.e && bl_word_at(s, c.np.e, clause_end, &a, &b) &&
        bl_word_aux(bl_word_class(g, s, a, b))) {
      bl_nspan where_pred = {0, 0};
      const bl_lexent *pe = find_pred(st, b, clause_end, false, &where_pred);
      if (pe && where_pred.s == next_word_start(s, b, clause_end)) {
        c.pred = where_pred;
      } else {
        c.pred = participle_after(st, c.np.e, clause_end);
        /* "3 % des électeurs ont voté blanc": électeurs ayant voté blanc */
        c.pred_active = c.pred.e > c.pred.s && after_have(st, c.pred.s, c.np.e);
        if (c.pred_active) c.pred.e = object_end(st, c.pred.e, clause_end);
      }
    }
  }

  /* "autres": same class as the count before; "dont": a part of it.  A
   * count goes with counts, money with money; a bare figure in millions may
   * be money whose currency is left out ("1,2 milliard d'euros, dont près de
   * 480 millions"). */
  bool millions = q->pub.value >= 1e6 || q->pub.lo >= 1e6;
  int same_kind = money ? KIND_MONEY : millions ? KIND_ANY : KIND_COUNT;
  long parent = -1;
  if (np.autres) {
    long k = previous_claim_of(st, si, false, false, same_kind);
    /* "deux des victimes ... à Pradevel, village de 2 100 habitants, les deux
     * autres à Saint-Ilarn": others of the toll, not of a population */
    if (k >= 0 && !st->cl.v[k].toll) {
      long t = previous_claim(st, si, true, false);
      if (t >= 0 && st->cl.v[t].sent == si) k = t;
    }
    /* others than the whole, not than its part ("14 hospitalisées, dont
     * deux en urgence absolue, et une dizaine d'autres") */
    k = bl_naming_claim(st, k);
    /* "Plus de 10 000 civils, dont 560 enfants, ont été tués. Quelque
     * 18 500 autres ont été blessés": others than the whole its sentence
     * named, not than the part in its incise */
    if (k >= 0 && !np.head.e && st->cl.v[k].of >= 0 && st->cl.v[k].of < k &&
        st->cl.v[st->cl.v[k].of].sent == st->cl.v[k].sent &&
        (st->cl.v[k].sent != si || comma_between(s, st->cl.v[k].text.e, q->ns)))
      k = st->cl.v[k].of;
    /* "Une personne a été tuée et 22 autres blessées": others of the noun
     * after the article that opens the sentence, when no count before in
     * the sentence names them */
    bl_nspan opening = {0, 0};
    if (!np.head.e && (k < 0 || st->cl.v[k].sent != si)) {
      size_t a0, b0, a1, b1, open = sn->s;
      while (open < q->ns && is_space((unsigned char)s[open])) open++;
      if (open < q->ns && s[open] == '(') { /* a dateline: "(Kansas City) Une personne" */
        const char *close = memchr(s + open, ')', q->ns - open);
        if (close) open = (size_t)(close - s) + 1;
      }
      if (bl_word_at(s, open, q->ns, &a0, &b0) && (bl_word_is(s, a0, b0, "Un") || bl_word_is(s, a0, b0, "Une")) &&
          bl_word_at(s, b0, q->ns, &a1, &b1) && s[a1] >= 'a' && s[a1] <= 'z' && !bl_word_class(g, s, a1, b1))
        opening = (bl_nspan){a1, b1};
    }
    if (opening.e) {
      c.unit = opening;
    } else if (k >= 0) {
      c.subject_of = k;
      if (cat < 0) cat = (int)st->cl.v[k].category;
      c.group = st->cl.v[k].group;
    }
  }
  size_t sub_end = match_at(st, g->rx_sub_after, q->ne, sn->e);
  bool sub_after = sub_end != 0;
  /* "deux des victimes": the whole is the last count of the victims */
  long sub_whole = -1;
  if (sub_after) {
    size_t ws = sub_end;
    while (ws > q->ne && is_letter((unsigned char)s[ws - 1])) ws--;
    const bl_lexent *e = ws < sub_end ? cat_entry(g, s, ws, sub_end, K(CK_NOUN)) : NULL;
    if (!e) {
      /* "d'entre eux": the pronoun stands for the plural noun named before
       * it ("Les piétons paient un lourd tribut : 412 d'entre eux ont été
       * tués"); a part that died, was hurt... belongs to the last count of
       * its kind, another to the last count of that noun's kind ("au chevet
       * des blessés. Une trentaine d'entre eux ont été évacués") */
      bl_nspan ante = plural_noun_before(st, sn->s, q->ns);
      if (!c.unit.e && ante.e) c.unit = c.np = ante;
      bool own = cat == BL_CAT_KILLED || cat == BL_CAT_INJURED || cat == BL_CAT_MISSING ||
                 cat == BL_CAT_ARRESTED || cat == BL_CAT_HOSTAGES || cat == BL_CAT_SICK;
      /* "L'hôpital a reçu 226 blessés. [...] 56 d'entre eux ont succombé":
       * the count just before, when no other plural noun comes between */
      long k = previous_claim_of(st, si, false, true, KIND_BEINGS);
      /* "Douze personnes, dont trois dockers, [...] Huit d'entre elles": a
       * part's whole */
      while (k >= 0 && st->cl.v[k].of >= 0 && st->cl.v[k].of < k) k = st->cl.v[k].of;
      /* "1 700 sapeurs-pompiers [...] appuyés par huit Canadair et deux Dash
       * 8. Chaque nuit, entre 250 et 300 d'entre eux": a whole is no
       * smaller than its part; an earlier count of the sentence is */
      double part_lo = isnan(q->pub.lo) ? q->pub.value : q->pub.lo;
      for (long j = k; j >= 0 && !isnan(part_lo) && part_lo > st->cl.v[k].q.hi; j--) {
        const bl_cl *w = &st->cl.v[j];
        if (w->sent != st->cl.v[k].sent) break;
        if (!w->q.unit && !w->thing && !(part_lo > w->q.hi)) k = w->of >= 0 && w->of < j ? w->of : j;
      }
      bool next_to = k >= 0 && st->cl.v[k].sent + 1 >= si && st->cl.v[k].unit.e > st->cl.v[k].unit.s &&
                     !plural_noun_before(st, st->cl.v[k].unit.e, q->ns).e;
      if (next_to) {
        sub_whole = k;
        if (!ante.e) c.unit = c.np = st->cl.v[k].unit;
      } else if (own) {
        sub_whole = recent_whole(st, (bl_category)cat);
      } else {
        e = noun_named_before(st, si, q->ns);
      }
    }
    if (e && e->value >= 0) sub_whole = recent_whole(st, (bl_category)e->value);
  }
  bool sub_before = ends_before(st, g->rx_sub_before, sn->s, q->ns);
  long part = partitive_parent(st, si, q->ns);
  if (part < 0 && np.of_the) part = same_noun_before(st, np.unit);
  if (part < 0 && among_noun.e) part = same_noun_before(st, among_noun);
  if (part < 0 && among_group.e) part = same_noun_before(st, among_group);
  long coord = sub_before || sub_after || part >= 0 ? -1 : coordinated_part(st, si, q->ns);
  /* things are no part of a count of people: "quatre secouristes figurent
   * parmi les morts, et deux hôpitaux ont été endommagés" */
  if (coord >= 0 && thing && !st->cl.v[coord].thing) coord = -1;
  /* a figure with a category of its own is the next item of the main list
   * ("neuf morts, dont deux touristes, 17 blessés") */
  /* (a role noun's own category is no such: "dont 30 civils, 40 soldats et
   * 14 assaillants" are parts of the dead) */
  if (coord >= 0 && cat >= 0 && cat != (int)st->cl.v[coord].category &&
      (toll_category((bl_category)cat) || c.pred.e > c.pred.s))
    coord = -1;
  /* "Parmi les morts figurent trois pompiers": a part of the last count of
   * the dead, in this paragraph or an earlier one */
  long among_whole = -1;
  if (!sub_before && !sub_after && part < 0 && coord < 0 && !np.autres && among &&
      among->value >= 0 && toll_category((bl_category)among->value))
    among_whole = last_whole(st, (bl_category)among->value);
  /* "au moins neuf personnes ont péri : à Combeliane, la municipalité fait
   * état de deux décès": after a colon, a smaller count of the same kind
   * details the count before it */
  long colon_whole = -1;
  if (!sub_before && !sub_after && part < 0 && coord < 0 && among_whole < 0 && !np.autres) {
    long k = previous_claim(st, si, true, false);
    /* "15 étrangers : cinq Indiens, quatre Russes": a count of no category
     * details a count of none */
    if ((k < 0 || st->cl.v[k].sent != si) && cat < 0 && !money) {
      k = previous_claim_of(st, si, false, false, KIND_COUNT);
      if (k >= 0 && st->cl.v[k].category != BL_CAT_OTHER) k = -1;
    }
    if (k >= 0 && st->cl.v[k].sent == si && st->cl.v[k].text.e < q->ns &&
        (colon_after(st, &st->cl.v[k], q->ns) || opens_detail(st, &st->cl.v[k], open_at)) &&
        (cat < 0 || cat == (int)st->cl.v[k].category)) {
      double lo = isnan(q->pub.lo) ? q->pub.value : q->pub.lo, whole = st->cl.v[k].q.lo;
      if (!isnan(lo) && !isnan(whole) && lo < whole) colon_whole = k;
    }
  }
  /* "Parmi elles, 755 000 ..." opening a paragraph: of the count before it */
  size_t w1a, w1b, w2a, w2b;
  bool pronoun_among = sub_before && bl_word_at(s, sn->s, q->ns, &w1a, &w1b) && w1b - w1a == 5 &&
                       !strncasecmp(s + w1a, "parmi", 5) && bl_word_at(s, w1b, q->ns, &w2a, &w2b) &&
                       ((w2b - w2a == 3 && !memcmp(s + w2a, "eux", 3)) ||
                        (w2b - w2a == 5 && !memcmp(s + w2a, "elles", 5)));
  /* "plus de 90 % des victimes": a share of a noun it names, not a
   * sub-count of the last toll (but "dont 32 %" is a part of its whole) */
  bool share = (q->flags & QF_PERCENT) && sub_after && !sub_before && part < 0;
  if (!share && (sub_before || sub_after || part >= 0 || coord >= 0 || among_whole >= 0 || colon_whole >= 0)) {
    parent = part >= 0    ? part
             : coord >= 0 ? coord
             : among_whole >= 0 ? among_whole
             : colon_whole >= 0 ? colon_whole
             : sub_whole >= 0 ? sub_whole
                          : previous_claim_of(st, si, false, sub_after || pronoun_among,
                                              money || millions        ? KIND_ANY
                                              : thing || !np.head.e ? KIND_COUNT
                                                                       : KIND_BEINGS);
    /* a part is no larger than its whole: "Sur les 120 ..., 35 ... Une
     * quarantaine d'entre eux" is a part of the 120 */
    double lo = isnan(q->pub.lo) ? q->pub.value : q->pub.lo;
    while (parent >= 0 && st->cl.v[parent].of >= 0 && !isnan(lo) &&
           !isnan(st->cl.v[parent].q.hi) && lo > st->cl.v[parent].q.hi)
      parent = st->cl.v[parent].of;
    /* "18 500 cas recensés dans neuf des dix provinces, dont 7 200 dans la
     * capitale": a whole smaller than its part is not the whole; an earlier
     * count of the sentence large enough is */
    if (parent >= 0 && !isnan(lo) && !isnan(st->cl.v[parent].q.hi) && lo > st->cl.v[parent].q.hi) {
      for (long k = parent - 1; k >= 0 && st->cl.v[k].sent == si; k--)
        if (!(lo > st->cl.v[k].q.hi) /* NaN: no upper bound */ && !isnan(st->cl.v[k].q.lo) &&
            !st->cl.v[k].q.unit == !c.q.unit) {
          parent = k;
          break;
        }
    }
    if (parent >= 0) {
      const bl_cl *pc = &st->cl.v[parent];
      c.of = parent;
      /* "60 milliards d'euros d'effort, dont 40 milliards de réduction des
       * dépenses": a part in millions of a sum is money of the same
       * currency, and its noun is what it is for */
      if (!money && !c.q.unit && pc->q.unit && strcmp(pc->q.unit, "percent") &&
          (q->pub.value >= 1e6 || q->pub.lo >= 1e6)) {
        c.q.unit = pc->q.unit;
      }
      /* A part keeps its whole's category unless its own words say it died,
       * was hurt, is missing, was arrested or taken ("1 460 évacuées, dont
       * 212 hébergées" stays evacuated). */
      bool own = cat == BL_CAT_KILLED || cat == BL_CAT_INJURED || cat == BL_CAT_MISSING ||
                 cat == BL_CAT_ARRESTED || cat == BL_CAT_HOSTAGES || cat == BL_CAT_SICK;
      /* the sick who are hospitalised are still sick ("37 élèves malades ...
       * Neuf d'entre eux ont été hospitalisés") */
      if (cat == BL_CAT_INJURED && pc->category == BL_CAT_SICK) own = false;
      /* refugees among people counted for nothing else are refugees ("3,7
       * millions d'Afghans, dont 1,3 million de réfugiés") */
      if (cat == BL_CAT_DISPLACED && pc->category == BL_CAT_OTHER && !pc->thing) own = true;
      /* the verb before "dont" is the whole's: "avoir tué dix assaillants et
       * arrêté 30 suspects, dont 13 ont été transférés" */
      if (verb_before && sub_before) own = false;
      /* (a role noun is no own word: "390 Ukrainiens, parmi lesquels 270
       * militaires, avaient été rendus" are what the whole is) */
      /* (a thing stays a thing: "100 soldats, 8 blindés et des dizaines
       * d'armes" are no dead) */
      if (!own && !thing && (pc->toll || cat < 0 || !np.head.e || (!pred && !pc->thing && !pc->q.unit)))
        cat = (int)pc->category;
      if (!np.head.e && c.subject_of < 0) c.subject_of = parent;
      if (!c.group) c.group = pc->group;
    }
  }
  /* "deux des victimes ..., les deux autres ...": the others of a part are
   * a part of the same whole */
  if (c.of < 0 && np.autres && c.subject_of >= 0 && st->cl.v[c.subject_of].of >= 0) {
    long whole = st->cl.v[c.subject_of].of;
    /* not "11 membres ... ; 420 autres ont été blessés": another kind */
    if (cat < 0 || cat == (int)st->cl.v[whole].category) c.of = whole;
  }
  bool bare = !np.head.e && !np.autres && c.of < 0 && !money;
  if (!np.head.e && !np.autres && !money && cat >= 0) {
    bl_nspan where;
    if (implicit_noun(st, sn->s, sn->e, &where)) c.unit = c.np = where; /* "portant à sept le nombre de morts" */
  }
  if (bare && cat < 0) {
    bl_nspan where;
    const bl_lexent *e = implicit_noun(st, sn->s, sn->e, &where);
    if (e) {
      cat = (int)e->value;
      c.unit = where;
      c.np = where;
      bare = false;
      /* "le nombre de bâtiments détruits ou endommagés", right after the
       * noun (not "le nombre de morts est passé de 12 à 15") */
      size_t x, y;
      if (!c.pred.e && bl_word_at(s, where.e, q->ns, &x, &y)) {
        bl_nspan pp = participle_after(st, where.e, q->ns);
        if (pp.e && pp.s == x) c.pred = coordinated_pred(st, where.e, pp, q->ns);
      }
      /* "le nombre de passages aux urgences pour des pathologies liées à la
       * chaleur a atteint 7 600": its phrase of place and purpose */
      if (!c.where.e) c.where = where_phrase(st, c.pred.e > where.e ? c.pred.e : where.e, open_at, false);
    }
  }
  /* "L'ARS estime à 102 000 le nombre de personnes ayant consulté": the noun
   * right after the figure, whatever befell it */
  if (bare && cat < 0) {
    size_t a, b, c2, d, x, y;
    if (bl_word_at(s, q->ne, sn->e, &a, &b) && b - a == 2 && !memcmp(s + a, "le", 2) &&
        bl_word_at(s, b, sn->e, &c2, &d) && d - c2 == 6 && !memcmp(s + c2, "nombre", 6) &&
        bl_word_at(s, d, sn->e, &x, &y) && bl_of_word(s, x, y) && bl_word_at(s, y, sn->e, &a, &b) &&
        !bl_word_class(g, s, a, b) && !is_digit((unsigned char)s[a])) {
      c.unit = c.np = (bl_nspan){a, b};
      cat = BL_CAT_OTHER;
      bare = false;
    }
  }
  size_t cop = 0;
  /* "contre 31 en début d'après-midi", "17 et non 19", "passant de 94 à
   * 88": a former figure */
  bool earlier = ends_before(st, g->rx_versus, sn->s, q->ns);
  /* "devant celle de la majorité (14,6 %)", "1,2 milliard de meticais
   * (environ 17 millions d'euros)": in brackets, the same measure */
  size_t lp = open_at;
  while (lp > sn->s && is_space((unsigned char)s[lp - 1])) lp--;
  bool bracketed = lp > sn->s && s[lp - 1] == '(';
  if (money && !c.np.e && (earlier || bracketed || elided_noun(st, sn->s, q->ns, true))) {
    /* "47 % des plus de 65 ans, contre 52 % l'an dernier", "32 % de
     * grévistes dans le primaire et de 27 % dans le secondaire": what the
     * share or the sum before in the sentence measured, in its unit (a sum
     * in brackets converts the one before it into another currency) */
    long prev = previous_claim_of(st, si, false, false, KIND_MONEY);
    bool percent = c.q.unit && !strcmp(c.q.unit, "percent");
    if (prev >= 0 && st->cl.v[prev].sent == si && c.q.unit && st->cl.v[prev].q.unit &&
        (!strcmp(c.q.unit, st->cl.v[prev].q.unit) ||
         (bracketed && !percent && strcmp(st->cl.v[prev].q.unit, "percent") != 0)))
      c.subject_of = prev;
  }
  long toll_before = bare ? last_toll(st) : -1;
  if (bare && toll_before >= 0 && bilan_before(st, sn->s, q->ns)) {
    /* "portant le bilan total à 65": the toll reported before */
    c.subject_of = toll_before;
    if (cat < 0) cat = (int)st->cl.v[toll_before].category;
    c.group = st->cl.v[toll_before].group;
  } else if (bare) {
    /* A bare figure takes what it counts from around it. */
    long prev = previous_claim_of(st, si, false, false, same_kind), named;
    bool same_sentence = prev >= 0 && st->cl.v[prev].sent == si;
    /* "- Occitanie : 245 ;" under "- Auvergne-Rhône-Alpes : 312 décès ;": the
     * items of one list count the same thing */
    size_t line = sn->line;
    long item_prev = -1;
    if (prev < 0 && line > 0 && list_item(st, line) && list_item(st, line - 1)) {
      long k = previous_claim_of(st, si, false, true, same_kind);
      if (k >= 0 && st->seg.sents[st->cl.v[k].sent].line == line - 1) item_prev = k;
      item_prev = bl_naming_claim(st, item_prev); /* the item that names the noun */
    }
    /* the object of a verb left out is parallel to the whole, not to its
     * part ("ont secouru 30 personnes, dont 4 enfants, et la police 12") */
    bool elided = prev >= 0 && elided_noun(st, sn->s, q->ns, same_sentence);
    bool gapped = elided && same_sentence && elided_verb(st);
    if (gapped && st->cl.v[prev].of >= 0 && st->cl.v[st->cl.v[prev].of].sent == si) prev = st->cl.v[prev].of;
    if (item_prev >= 0) {
      c.subject_of = item_prev;
      if (cat < 0) cat = (int)st->cl.v[item_prev].category;
      c.group = st->cl.v[item_prev].group;
    } else if (prev >= 0 && !elided && alone_in_brackets(s, sn, q, bracketed)) {
      /* "que lors du précédent pic, le 31 janvier (1,27 million)": a figure
       * alone in brackets restates what the count before it counted */
      c.subject_of = prev;
      if (cat < 0) cat = (int)st->cl.v[prev].category;
      c.group = st->cl.v[prev].group;
    } else if (prev >= 0 && (earlier || elided ||
                             plural_det_before(st, sn->s, open_at) ||
                             passive_opening(st, sn, open_at, q) ||
                             (same_sentence && figure_of_name(st, sn->s, open_at, q)))) {
      /* "contre 3 000", "et plus de 2 300 dans le monde", "300 pompiers
       * en renfort, qui s'ajoutent aux 1 200 déjà mobilisés" */
      c.subject_of = prev;
      /* what counts a thing is a thing, whatever the verb: "120 drones ...
       * La défense en a abattu 102" */
      if (st->cl.v[prev].thing) cat = BL_CAT_OTHER;
      /* "30 000 habitants de la ville, qui en comptait 100 000": what the
       * place holds, its noun but not what happened to the count before */
      /* (nor what happened to the part a bare whole after it holds: "3 000
       * habitants, sur les 14 000 du camp, ont fui") */
      if (holds_of_them(st, sn->s, open_at) ||
          (same_sentence && ends_before(st, g->rx_partitive, sn->s, open_at))) {
        const bl_cl *pc = &st->cl.v[prev];
        c.subject_of = -1;
        c.unit = pc->unit;
        c.np = pc->np;
        cat = BL_CAT_OTHER;
      }
      if (cat < 0) cat = (int)st->cl.v[prev].category;
      c.group = st->cl.v[prev].group;
      if (!c.q.unit && st->cl.v[prev].q.unit && (q->pub.value >= 1e6 || q->pub.lo >= 1e6))
        c.q.unit = st->cl.v[prev].q.unit; /* "1,2 milliard d'euros, dont près de 480 millions" */
    } else if ((named = same_figure_named(st, sn->s, open_at, q)) >= 0) {
      /* "Le chiffre de 164 ne correspond à aucune réalité": the figure
       * named before, as a figure */
      long k = named;
      c.subject_of = k;
      if (cat < 0) cat = (int)st->cl.v[k].category;
      c.group = st->cl.v[k].group;
      c.negated = st->cl.v[k].negated; /* the figure denied before is still denied */
    } else if (ends_before(st, g->rx_pron_count, sn->s, q->ns)) {
      /* "Ils étaient septante-deux"; "les bandits armés, dont il a dit qu'ils
       * étaient environ 20 000": the pronoun stands for the noun before "dont". */
      bl_nspan ante = antecedent_of_dont(st, sn->s, q->ns);
      /* "Ils étaient 5 000 selon la police, plus de 10 000 selon les
       * organisateurs": a crowd */
      size_t xs, xe;
      if (cat < 0 && !ante.e && search(st, g->rx_crowd, sn->s, sn->e, &xs, &xe)) cat = BL_CAT_PARTICIPANTS;
      if (ante.e > ante.s) {
        nphrase sub;
        read_np(st, ante.s, ante.e, &sub);
        if (sub.head.e) {
          c.unit = sub.unit;
          c.np = sub.np;
          if (sub.noun && sub.noun->value >= 0 && cat < 0) cat = (int)sub.noun->value;
          if (sub.noun && sub.noun->group) c.group = (bl_group)sub.noun->group;
        }
      } else {
        /* "Plus de 7 000 foyers sont privés d'électricité. Ils étaient
         * 12 000 mardi soir.": the pronoun stands for the count before, in
         * the paragraph, else the article's last count of people ("Dans
         * toute la France, 350 000 participants. [...] À Lyon, ils étaient
         * 8 000") */
        long ante_k = prev >= 0 ? prev : previous_claim_of(st, si, false, true, KIND_BEINGS);
        /* from an earlier paragraph, only a count of what this one says
         * they did ("ils étaient 10 000 à défiler" are no earlier dead) */
        if (prev < 0 && ante_k >= 0 && cat >= 0 && cat != (int)st->cl.v[ante_k].category) ante_k = -1;
        if (ante_k >= 0) {
          c.subject_of = ante_k;
          if (cat < 0) cat = (int)st->cl.v[ante_k].category;
          c.group = st->cl.v[ante_k].group;
        }
      }
      if (cat < 0) cat = BL_CAT_OTHER;
    } else if (ends_before_at(st, g->rx_copula, sn->s, q->ns, &cop)) {
      /* "Les cyclistes tués sont moins de 150": the clause's subject */
      size_t cs = after_last_mark(s, sn->s, cop), ce = q->ns;
      /* "Les titres accordés, réfugiés compris, sont au nombre de 43 150":
       * the subject lies before the incise that ends at the verb */
      size_t a0, b0;
      if (!bl_word_at(s, cs, cop, &a0, &b0) && cs > sn->s && s[cs - 1] == ',') {
        size_t open = after_last_mark(s, sn->s, cs - 1);
        if (open > sn->s && s[open - 1] == ',') {
          ce = open - 1;
          cs = after_last_mark(s, sn->s, ce);
        }
      }
      if (bl_word_at(s, cs, ce, &a0, &b0) && bl_word_class(g, s, a0, b0) == WD_DET) cs = b0;
      /* "le nombre de demandes déposées atteint 167 432": the noun counted */
      size_t n0, n1;
      if (bl_word_at(s, cs, ce, &a0, &b0) && bl_word_is(s, a0, b0, "nombre") &&
          bl_word_at(s, b0, ce, &n0, &n1) && bl_of_word(s, n0, n1))
        cs = n1;
      /* "Ceux-ci sont aujourd'hui au nombre de dix-neuf": a pronoun stands
       * for the paragraph's count before */
      const char *hy = bl_word_at(s, cs, ce, &a0, &b0) ? memchr(s + a0, '-', b0 - a0) : NULL;
      long ante_k = previous_claim_of(st, si, false, false, KIND_BEINGS);
      if (hy && bl_word_class(g, s, a0, (size_t)(hy - s)) == WD_PRON && ante_k >= 0) {
        c.subject_of = ante_k;
        if (cat < 0) cat = (int)st->cl.v[ante_k].category;
        c.group = st->cl.v[ante_k].group;
      } else {
        nphrase sub;
        read_np(st, cs, ce, &sub);
        if (sub.head.e) {
          c.unit = sub.unit;
          c.np = sub.np;
          c.pred = sub.pred;
          if (cat < 0 && sub.pred.e) {
            const bl_lexent *pe = cat_entry(g, s, sub.pred.s, sub.pred.e, K(CK_PRED) | K(CK_WEAK));
            if (pe && pe->value >= 0) cat = (int)pe->value;
          }
          if (cat < 0 && sub.noun && sub.noun->value >= 0) cat = (int)sub.noun->value;
          if (sub.noun && sub.noun->group) c.group = (bl_group)sub.noun->group;
          if (cat < 0) cat = BL_CAT_OTHER;
        }
      }
    }
  }
  /* "les patients attendent. Mardi matin, 43 d'entre eux avaient passé la
   * nuit sur un brancard": with nothing else to say what it counts, the
   * pronoun stands for a plural noun of the sentence before, in the same
   * paragraph; the noun gives the category no verb gave */
  if (sub_after && cat < 0 && !np.head.e && !money && c.subject_of < 0 && c.of < 0 && !c.unit.e && si > 0 &&
      st->seg.sents[si - 1].line == sn->line) {
    bl_nspan ante = plural_noun_before(st, st->seg.sents[si - 1].s, st->seg.sents[si - 1].e);
    const bl_lexent *ae = ante.e ? cat_entry(g, s, ante.s, ante.e, K(CK_NOUN)) : NULL;
    if (ante.e) c.unit = c.np = ante;
    if (ae && ae->value >= 0) cat = (int)ae->value;
  }
  /* "12 % étaient des femmes, et 134 étaient des mineurs": a copula's
   * attribute that is a plural noun of categories.tsv names what is counted */
  size_t ka, kb;
  bl_nspan an;
  const bl_lexent *ae = cat < 0 && !np.head.e && !money && c.subject_of < 0 && c.of < 0 && !c.unit.e &&
                                bl_word_at(s, after, clause_end, &ka, &kb) && bl_word_class(g, s, ka, kb) == WD_AUX
                            ? attribute_noun(st, next_word_start(s, kb, clause_end), clause_end, &an)
                            : NULL;
  if (ae) {
    c.unit = c.np = an;
    cat = ae->value >= 0 ? (int)ae->value : BL_CAT_OTHER;
    if (ae->group) c.group = (bl_group)ae->group;
  }
  /* "le Hezbollah en avait commandé environ 5 000": "en" stands for what
   * the figure counts, though no count before names it */
  size_t ems = 0;
  if (cat < 0 && !np.head.e && !money && c.subject_of < 0 && c.of < 0 && !c.unit.e &&
      (ends_before_at(st, g->rx_ellipsis, sn->s, open_at, &ems) ||
       ends_before_at(st, g->rx_ellipsis, sn->s, q->ns, &ems)) &&
      open_at - ems > 3 && !memcmp(s + ems, "en ", 3))
    cat = BL_CAT_OTHER;
  /* A bare figure with nothing that says what it counts is not a claim. */
  if (cat < 0 && !np.head.e && !money && c.subject_of < 0 && c.of < 0 && !c.unit.e) return BL_OK;
  /* "plusieurs", "quelques" alone are claims only of a toll ("plusieurs blessés"). */
  if ((q->flags & QF_VAGUE) && q->pub.hi <= 9 && !(cat >= 0 && toll_category((bl_category)cat)))
    return BL_OK;
  /* "les deux tribunes", "ces deux pays": a pair already known to the reader
   * is named, not counted; a toll stays ("les deux blessés") */
  if (q->pub.value == 2 && q->he == q->hs && !(q->flags & QF_RANGE) && !money && c.of < 0 && c.subject_of < 0 &&
      !(cat >= 0 && toll_category((bl_category)cat)) && definite_pair(s, sn->s, open_at))
    return BL_OK;
  /* so are three or four in words after a preposition: "dans les trois
   * vallées", "dans les quatre départements bretons" (not "dans les 4
   * centres d'accueil", written as a count) */
  if ((q->pub.value == 3 || q->pub.value == 4) && !is_digit((unsigned char)s[q->ns]) && q->he == q->hs &&
      !(q->flags & QF_RANGE) && !money &&
      c.of < 0 && !(cat >= 0 && toll_category((bl_category)cat)) && definite_pair(s, sn->s, open_at)) {
    bl_nspan det = bl_word_before(s, sn->s, open_at);
    bl_nspan prep = bl_word_before(s, sn->s, det.s);
    if (prep.e > prep.s && bl_word_class(g, s, prep.s, prep.e) == WD_PREP) return BL_OK;
  }
  /* "le centre d'Aubenas, ville de 12 000 habitants": a population, whatever
   * happened to the place */
  if (c.where_of) cat = BL_CAT_OTHER;
  /* "Aucun des 40 passagers n'a été blessé": the figure is the whole of a
   * zero count, to whom nothing happened */
  if (bl_word_before_is(s, sn->s, open_at, "des")) {
    bl_nspan des = bl_word_before(s, sn->s, open_at);
    if (bl_word_before_is(s, sn->s, des.s, "aucun") || bl_word_before_is(s, sn->s, des.s, "aucune") ||
        bl_word_before_is(s, sn->s, des.s, "Aucun") || bl_word_before_is(s, sn->s, des.s, "Aucune")) {
      cat = BL_CAT_OTHER;
      c.pred.s = c.pred.e = 0;
    }
    /* "environ 2 000 des quelque 6 000 habitants ont été évacués": what
     * happened, happened to the part; the whole is a population (but "trois
     * des 12 blessés" are injured all) */
    bl_nspan part_end = bl_word_before(s, sn->s, des.s);
    if (q > st->q.v && part_end.e == q[-1].ne && !(noun && noun->value >= 0 && toll_category((bl_category)noun->value))) {
      cat = BL_CAT_OTHER;
      c.pred.s = c.pred.e = 0;
    }
  }
  /* money and percentages count nothing that happened to people: "dont 30 %
   * n'étaient pas vaccinés" is a share of the cases, not a toll */
  if (money) cat = BL_CAT_OTHER;
  /* "1 700 membres des forces de l'ordre", "200 agents de la police": as
   * "policiers" alone, forces counted are deployed */
  if (cat < 0 && !money && np.comp_group == BL_GROUP_SECURITY_FORCES) cat = BL_CAT_DEPLOYED;
  c.category = cat < 0 ? BL_CAT_OTHER : (bl_category)cat;
  if (noun && noun->group) c.group = (bl_group)noun->group;
  /* "38 mineurs tués dans l'effondrement d'un puits": miners, not minors,
   * in an article that speaks of a mine */
  size_t mx, my;
  if (c.group == BL_GROUP_CHILDREN && np.head.e > np.head.s &&
      match_at(st, g->rx_miner, np.head.s, np.head.e) == np.head.e &&
      search(st, g->rx_mining, 0, st->text.n, &mx, &my))
    c.group = BL_GROUP_NONE;
  /* "deux drones de l'armée": a thing's owner is no group of people */
  if (!c.group && np.comp_group && !(noun && noun->kind == CK_THING)) c.group = np.comp_group;
  /* "4 200 personnes ont manifesté": the predicate says who they are */
  if (!c.group && pred && pred->group && (int)pred->value == cat) c.group = (bl_group)pred->group;
  c.toll = !money && !thing && toll_category(c.category);
  c.thing = (noun && noun->kind == CK_THING) || /* not people: no whole of people */
            (!noun && c.subject_of >= 0 && cat == BL_CAT_OTHER && st->cl.v[c.subject_of].thing);
  /* "En moyenne, 5,2 personnes sont mortes chaque jour": a fraction of a
   * person is an average, not a count */
  if (c.toll && !q->pub.unit && !isnan(q->pub.value) && q->pub.value != floor(q->pub.value))
    return BL_OK;
  if (money) c.q.unit = currency ? currency : q->pub.unit;
  if (ends_before(st, g->rx_denial, sn->s, q->ns)) c.negated = true;
  /* Background: a population ("village de 2 100 habitants", not "1 350
   * habitants sont alimentés par des bouteilles") or history keeps no
   * inherited source. */
  c.background = (!c.toll && np.head.e && !pred && c.pred.e <= c.pred.s &&
                  (np.head.e - np.head.s >= 8 && !memcmp(s + np.head.s, "habitant", 8))) ||
                 c.population || history(st, sn);
  /* "420 sapeurs-pompiers, dont 120 venus des départements voisins": a part
   * whose noun is left out is told apart by its participle and what follows */
  if (!c.np.e && !c.pred.e && !np.autres && (c.of >= 0 || c.subject_of >= 0)) {
    c.pred = participle_after(st, after, clause_end);
    c.pred_active = c.pred.e > c.pred.s && after_have(st, c.pred.s, after);
    /* "dont 870 concernent des personnes âgées de plus de 75 ans", "78
     * travaillaient pour l'exploitant", "dont au plus cinq seraient
     * d'origine naturelle": a verb or a copula's attribute */
    if (!c.pred.e) {
      c.pred = verb_phrase_after(st, after, clause_end, &c.pred_finite, &c.pred_active);
      /* "Sur les 40 morts, 12 étaient des policiers": a copula's attribute
       * that is a counted noun of categories.tsv names what is counted */
      bl_nspan part_noun;
      const bl_lexent *e = c.pred.e > c.pred.s && !c.pred_finite && !c.pred_active
                               ? attribute_noun(st, c.pred.s, c.pred.e, &part_noun)
                               : NULL;
      if (e) {
        c.unit = c.np = part_noun;
        c.pred = (bl_nspan){0, 0};
        if (e->group) c.group = (bl_group)e->group;
      }
    }
    /* or by its place alone: "480 000 manifestants, dont 52 000 à Paris" */
    if (!c.where.e)
      c.where = where_phrase(st, c.pred.e > c.pred.s ? c.pred.e : after,
                             place_end(st, clause_end, sn->e), true);
  }
  /* "1 893 personnes ont perdu la vie sur les routes en 2024, contre 1 976
   * l'année précédente": the former figure counts the same place, not the
   * same time */
  if (earlier && !c.np.e && !c.where.e && c.subject_of >= 0)
    c.where = place_only(st, st->cl.v[c.subject_of].where);
  /* "18 blessés souffrent de brûlures": "blessés souffrant de brûlures" */
  size_t pa, pb;
  if (c.pred.e > c.pred.s && !c.pred_active && bl_word_at(s, c.pred.s, c.pred.e, &pa, &pb) &&
      !bl_word_class(g, s, pa, pb) && regular_plural_verb(s, pa, pb))
    c.pred_finite = true;
  if (q->flags & QF_PERCENT) c.owner = bl_share_owner(st, sn->s, open_at);
  status_of(st, sn, &c);
  /* the figure a new one is compared with is not the new report's */
  if (earlier) c.status = BL_STATUS_NONE;
  c.former = earlier;
  return push(st, &c, err);
}

/* The category of the group a zero claim says it is not among, after it
 * in its clause (`among-after` of claims.pcre: "ne figure parmi les
 * victimes": affected, as "aucune victime"), or -1. */
static int among_category(bl_docstate *st, size_t from, size_t end) {
  const char *s = st->text.s;
  const char *comma = memchr(s + from, ',', end - from);
  if (comma) end = (size_t)(comma - s);
  size_t ms = 0, me = 0, as = 0, ae = 0;
  uint32_t an[1];
  if (!search(st, st->g->rx_among_after, from, end, &ms, &me) ||
      !bl_rx_groups_named(st->g->rx_among_after, "an", an, 1) || !bl_rx_group(&st->rx, an[0], &as, &ae))
    return -1;
  /* "ne figure parmi les victimes décédées": the participle says which */
  bl_nspan pp;
  const bl_lexent *e = category_participle(st->g, s, ae, end, &pp);
  if (!e) e = cat_entry(st->g, s, as, ae, K(CK_ZERO));
  if (!e) e = cat_entry(st->g, s, as, ae, K(CK_NOUN));
  return e && e->value >= 0 ? (int)e->value : -1;
}

/* A zero claim at a zero anchor ("aucune victime", "pas de blessé"). */
static int zero_claim(bl_docstate *st, size_t si, size_t at, bl_error *err) {
  const bl_grammar *g = st->g;
  const bl_sent *sn = &st->seg.sents[si];
  const char *s = st->text.s;
  size_t me = match_at(st, g->rx_zero, at, sn->e);
  if (!me) return BL_OK;
  uint32_t zn[2]; /* "aucune victime", "Personne n'a été blessé" */
  size_t ns = 0, ne = 0, nzn = bl_rx_groups_named(g->rx_zero, "zn", zn, 2);
  bool pronoun = true;
  for (size_t i = 0; i < nzn && pronoun; i++) pronoun = !bl_rx_group(&st->rx, zn[i], &ns, &ne);
  if (pronoun) {
    /* "aucun n'est blessé": the text is the zero word alone; the noun is
     * that of the count before it in the paragraph ("Trois enfants ...") */
    while (me > at && (s[me - 1] == ' ' || s[me - 1] == '\n')) me--;
    ns = ne = me;
  }
  const bl_lexent *z = cat_entry(g, s, ns, ne, K(CK_ZERO));
  const bl_lexent *noun = cat_entry(g, s, ns, ne, K(CK_NOUN));
  /* "Aucun bilan du nombre de disparus n'a été publié": no figure at all */
  if (!pronoun && bl_word_class(g, s, ns, ne) == WD_NOSRC) return BL_OK;
  int cat = z ? (int)z->value : -1;
  bl_nspan pw = {0, 0};
  const bl_lexent *pred = find_pred(st, ne, sn->e, false, &pw);
  bool toll_pred = pred && pred->value >= 0 && pred->kind == CK_PRED && toll_category((bl_category)pred->value);
  /* "Aucun policier n'a été blessé": what befell them, not who they are */
  if (cat < 0 && noun && noun->value >= 0 && (toll_category((bl_category)noun->value) || !toll_pred))
    cat = (int)noun->value;
  if (cat < 0 && pred && pred->value >= 0 && pred->kind == CK_PRED) cat = (int)pred->value;
  /* "aucun civil n'a été touché": a weak predicate of people named by their group */
  if (cat < 0 && pred && pred->value >= 0 && pred->kind == CK_WEAK && noun && noun->group) cat = (int)pred->value;
  /* "ses troupes n'ont tué « aucun civil »": the verb before */
  const bl_lexent *verb = cat < 0 ? verb_right_before(st, sn->s, at) : NULL;
  if (verb && verb->value >= 0) cat = (int)verb->value;
  /* "Aucun Français ne figure parmi les morts": the noun of the group it is not in */
  if (cat < 0) cat = among_category(st, ne, sn->e);
  /* "200 décès dans le monde, et aucun dans notre pays": the pronoun with
   * its verb left out counts what the count before it in the sentence did */
  long before = pronoun && cat < 0 ? previous_claim(st, si, false, false) : -1;
  if (before >= 0 && st->cl.v[before].sent == si && !st->cl.v[before].negated) cat = (int)st->cl.v[before].category;
  /* "Douze personnes ont été prises en charge. Aucune n'a présenté de
   * symptôme grave": at the sentence's start, of the sentence before in its
   * paragraph */
  size_t lead = sn->s;
  while (lead < at && (is_space((unsigned char)s[lead]) || s[lead] == '"')) lead++;
  if (cat < 0 && before >= 0 && lead == at && st->cl.v[before].sent + 1 == si &&
      st->seg.sents[si - 1].line == sn->line && !st->cl.v[before].negated)
    cat = (int)st->cl.v[before].category;
  /* "aucune maison n'a brûlé": a thing is no toll, whatever befell it */
  bool thing = !pronoun && cat_entry(g, s, ns, ne, K(CK_THING)) != NULL;
  if (thing) cat = BL_CAT_OTHER;
  /* "Aucun survivant n'a été retrouvé": people of a fixed category, counted */
  const bl_lexent *fixed = pronoun || cat >= 0 ? NULL : cat_entry(g, s, ns, ne, K(CK_FIXED));
  if (fixed && fixed->value >= 0) cat = (int)fixed->value;
  if (cat < 0 || !(thing || fixed || toll_category((bl_category)cat))) return BL_OK;
  bl_cl c;
  init_claim(&c, si);
  c.q.value = c.q.lo = c.q.hi = 0;
  c.q.qualifier = BL_EXACT;
  c.q.unit = NULL;
  c.text.s = at;
  c.text.e = ne;
  c.unit.s = c.np.s = ns;
  c.unit.e = c.np.e = ne;
  c.category = (bl_category)cat;
  c.group = noun ? (bl_group)noun->group : BL_GROUP_NONE;
  if (pronoun) {
    long k = bl_naming_claim(st, previous_claim(st, si, false, true));
    /* "onze personnes, dont trois enfants. Aucune n'a été blessée": the whole */
    if (k >= 0 && st->cl.v[k].of >= 0 && st->cl.v[k].of < k && st->cl.v[st->cl.v[k].of].sent == st->cl.v[k].sent)
      k = st->cl.v[k].of;
    c.subject_of = k;
    if (k >= 0) c.group = st->cl.v[k].group;
  }
  c.negated = true;
  c.toll = !thing && !fixed;
  c.thing = thing;
  c.cumulative = thing || fixed ? -1 : 1;
  c.status = sentence_status(st, sn); /* "le bilan définitif : ... aucun disparu" */
  if (pred && (int)pred->value == cat) c.pred = pw;
  /* "Aucune victime n'est à déplorer parmi les intervenants": among whom */
  size_t a, b;
  for (size_t p = ne; bl_word_at(s, p, sn->e, &a, &b) && !memchr(s + p, ',', a - p); p = b)
    if (b - a == 5 && !strncmp(s + a, "parmi", 5)) {
      c.where = where_phrase(st, a, sn->e, false);
      break;
    }
  /* "À la maison de retraite Les Tilleuls, pas de blessé" */
  if (!c.where.e) c.fronted = fronted_place(st, sn, c.text.s);
  return push(st, &c, err);
}

/* Is the figure `part` the start of an incise ", dont ..." right after the
 * noun phrase of `whole`, before the clause's verb ("Au moins 40 soldats,
 * dont 12 officiers, ont été tués"; not "124 sont retenues, dont 37 ...")? */
static bool incise_part(bl_docstate *st, const bl_qty *whole, const bl_qty *part,
                        const bl_sent *sn) {
  const char *s = st->text.s;
  if (!ends_before(st, st->g->rx_sub_before, sn->s, part->ns)) return false;
  size_t a, b, words = 0;
  for (size_t p = whole->ne; p < part->ns; p = b) {
    if (!bl_word_at(s, p, part->ns, &a, &b)) {
      if (a >= part->ns || s[a] != ',') return false;
      b = a + 1; /* the comma that opens the incise */
      continue;
    }
    if (b - a == 4 && !strncmp(s + a, "dont", 4)) return words <= 4;
    int cls = bl_word_class(st->g, s, a, b);
    if (bl_word_aux(cls) || cls == WD_PRON || bl_finite_verb(s, a, b) || ++words > 4) return false;
  }
  return false;
}

/* Is the figure `other` inside a relative incise after the noun phrase of
 * `whole` (", qui en comptait environ 100 000,"), or one that names the
 * whole it is drawn from (", sur les 14 000 que compte le camp,"), closed by
 * a comma before the clause's verb ("Au moins 30 000 habitants de la ville,
 * qui en comptait environ 100 000, ont été déplacés")? */
static bool incise_relative(bl_docstate *st, const bl_qty *whole, const bl_qty *other,
                            const bl_sent *sn) {
  const char *s = st->text.s;
  size_t a, b, words = 0;
  bool opened = false;
  for (size_t p = whole->ne; p < other->ns && !opened; p = b) {
    if (!bl_word_at(s, p, other->ns, &a, &b)) {
      if (a >= other->ns || s[a] != ',') return false;
      size_t x, y; /* the comma that opens the incise, then "qui" or "sur" */
      if (!bl_word_at(s, a + 1, other->ns, &x, &y) || y - x != 3 ||
          (strncmp(s + x, "qui", 3) && strncmp(s + x, "sur", 3)))
        return false;
      opened = true;
      continue;
    }
    int cls = bl_word_class(st->g, s, a, b);
    if (bl_word_aux(cls) || cls == WD_PRON || bl_finite_verb(s, a, b) || ++words > 5) return false;
  }
  const char *close = memchr(s + other->ne, ',', sn->e - other->ne);
  return opened && close && (size_t)(close - s) - other->ne < 40;
}

/* Does the count open its clause, so that it may be the subject of a verb
 * after it: only function words, time words and names before it, back to
 * the sentence start or a comma, colon or semicolon ("Au total, 12
 * policiers", "Lundi soir, trois passants"; not "La commune compte 12 500
 * habitants")? */
static bool opens_clause(bl_docstate *st, const bl_cl *c) {
  const char *s = st->text.s;
  size_t from = st->seg.sents[c->sent].s;
  size_t at = c->hedge.e > c->hedge.s && c->hedge.s < c->text.s ? c->hedge.s : c->text.s;
  size_t e = at;
  while (e > from) {
    while (e > from && is_space((unsigned char)s[e - 1])) e--;
    if (e == from || s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == ';') return true;
    size_t b = e;
    while (b > from && (is_letter((unsigned char)s[b - 1]) || s[b - 1] == '\'' || s[b - 1] == '-')) b--;
    if (b == e) return false; /* a quote, a bracket, a figure */
    if (!bl_word_class(st->g, s, b, e) && !bl_capital_at(s, b) && !bl_lex_find(&st->g->calendar, s + b, e - b))
      return false;
    e = b;
  }
  return true;
}

/* "Trois policiers et deux passants ont été blessés": a count joined by "et"
 * or "ou" to the next one, with no predicate of its own, shares the next
 * one's (unless its own noun says what happened: "12 morts et 30 blessés
 * ont été évacués"). */
/* Past the items of a list named with an article between two counts
 * ("Deux policiers, un pompier et trois passants"): where the last such
 * item ends, else p. */
static size_t past_article_items(const char *s, size_t p, size_t limit) {
  for (int k = 0; k < 3; k++) {
    size_t q = p, x, y;
    while (q < limit && is_space((unsigned char)s[q])) q++;
    if (q >= limit || s[q] != ',' || !bl_word_at(s, q + 1, limit, &x, &y) ||
        !(bl_word_is(s, x, y, "un") || bl_word_is(s, x, y, "une")))
      return p;
    size_t r = y;
    int words = 0;
    while (words < 2 && bl_word_at(s, r, limit, &x, &y) && !bl_word_is(s, x, y, "et")) {
      bool spaces = true;
      for (size_t i = r; i < x; i++) spaces = spaces && is_space((unsigned char)s[i]);
      if (!spaces) break;
      r = y;
      words++;
    }
    size_t t = r;
    while (t < limit && is_space((unsigned char)s[t])) t++;
    if (!words || t >= limit) return p;
    if (s[t] != ',' && !(bl_word_at(s, t, limit, &x, &y) && x == t && bl_word_is(s, x, y, "et"))) return p;
    p = r;
  }
  return p;
}

static void share_predicates(bl_docstate *st, size_t from) {
  const char *s = st->text.s;
  /* forward, a verb left out: "sept personnes ont été tuées au bowling, et
   * huit hommes au bar" (the second count has a noun, no verb, no category) */
  for (size_t k = from + 1; k < st->cl.n; k++) {
    const bl_cl *a = &st->cl.v[k - 1];
    bl_cl *b = &st->cl.v[k];
    if (a->sent != b->sent || a->pred.e <= a->pred.s || !a->toll || b->pred.e > b->pred.s ||
        b->category != BL_CAT_OTHER || b->thing || b->q.unit || b->negated || a->negated || !b->np.e ||
        b->of >= 0)
      continue;
    size_t p = a->where.e > a->pred.e ? a->where.e : a->pred.e, x, y;
    if (p > b->text.s) continue;
    while (p < b->text.s && (is_space((unsigned char)s[p]) || s[p] == ',')) p++;
    if (!bl_word_at(s, p, b->text.s, &x, &y) || y - x != 2 || strncmp(s + x, "et", 2)) continue;
    while (y < b->text.s && is_space((unsigned char)s[y])) y++;
    if (y != b->text.s) continue;
    b->category = a->category;
    b->pred = a->pred;
    b->pred_active = a->pred_active;
    b->toll = true;
    b->cumulative = a->cumulative;
    b->status = a->status;
  }
  /* from the last, so that a list shares its last predicate: "Trois
   * policiers, deux pompiers et un passant ont été blessés" */
  for (size_t k = st->cl.n; k-- > from + 1;) {
    bl_cl *a = &st->cl.v[k - 1];
    const bl_cl *b = &st->cl.v[k];
    /* or the group the last is among: "Quatre stadiers et deux policiers
     * figurent parmi les blessés" (both parts of the same whole) */
    bool among = b->pred.e <= b->pred.s && b->among.e > b->among.s && b->toll &&
                 a->category == BL_CAT_OTHER && a->of < 0;
    if (a->sent != b->sent || a->pred.e > a->pred.s || (b->pred.e <= b->pred.s && !among) ||
        a->negated || b->negated || a->thing || a->q.unit || (!among && (a->of >= 0 || b->of >= 0)) ||
        (a->toll && a->category != b->category && !among))
      continue;
    const bl_lexent *e =
        among ? NULL : cat_entry(st->g, s, b->pred.s, b->pred.e, K(CK_PRED));
    if (!among && (!e || e->value != (double)b->category)) continue;
    size_t p = past_article_items(s, a->np.e > a->text.e ? a->np.e : a->text.e, b->text.s), x, y;
    while (p < b->text.s && is_space((unsigned char)s[p])) p++;
    if (p < b->text.s && s[p] == ',') {
      y = p + 1;
    } else if (!bl_word_at(s, p, b->text.s, &x, &y) || y - x != 2 ||
               (strncmp(s + x, "et", 2) && strncmp(s + x, "ou", 2))) {
      continue;
    }
    while (y < b->text.s && is_space((unsigned char)s[y])) y++;
    /* (not the whole of "Sur 140 noyades, 38 ont été suivies de décès") */
    if (y != b->text.s || !opens_clause(st, a) || ends_before(st, st->g->rx_partitive, st->seg.sents[a->sent].s, a->text.s))
      continue;
    a->category = b->category;
    a->pred = b->pred;
    a->pred_active = b->pred_active;
    a->toll = b->toll;
    a->cumulative = b->cumulative;
    a->status = b->status;
    if (among) {
      a->among = b->among;
      a->of = b->of;
    }
  }
}

int bl_claims_of_sentence(bl_docstate *st, size_t si, size_t first, size_t last,
                          bl_error *err) {
  const bl_sent *sn = &st->seg.sents[si];
  size_t claims_before = st->cl.n;
  /* Zero anchors and quantities in text order. */
  size_t zi = 0;
  while (zi < st->q.nzero && st->q.zero[zi] < sn->s) zi++;
  size_t qi = first, nx = first;
  for (;;) {
    size_t zpos = (zi < st->q.nzero && st->q.zero[zi] < sn->e) ? st->q.zero[zi] : SIZE_MAX;
    size_t qpos = qi < last ? st->q.v[qi].ns : SIZE_MAX;
    if (zpos == SIZE_MAX && qpos == SIZE_MAX) break;
    int rc;
    if (zpos < qpos) {
      rc = zero_claim(st, si, zpos, err);
      zi++;
    } else {
      /* The clause of a figure ends at the next figure that counts something
       * ("23 enfants de moins de 10 ans tués": the age does not end it). */
      /* (nx only moves forward: one look at each figure per sentence) */
      if (nx <= qi) nx = qi + 1;
      while (nx < last && match_at(st, st->g->rx_nc_after, st->q.v[nx].ne, sn->e)) nx++;
      /* nor does a part in an incise: "Au moins 40 soldats, dont 12
       * officiers, ont été tués", nor a relative's figure: "30 000 habitants
       * de la ville, qui en comptait 100 000, ont été déplacés" */
      size_t nd = nx;
      while (nd < last && (incise_part(st, &st->q.v[qi], &st->q.v[nd], sn) ||
                           incise_relative(st, &st->q.v[qi], &st->q.v[nd], sn))) {
        const char *close = memchr(st->text.s + st->q.v[nd].ne, ',', sn->e - st->q.v[nd].ne);
        if (!close) break;
        size_t end = (size_t)(close - st->text.s); /* the incise's parts end there */
        while (nd < last && st->q.v[nd].ns < end) nd++;
      }
      size_t next = nd < last ? st->q.v[nd].ns : sn->e;
      rc = quantity_claim(st, si, &st->q.v[qi], next, err);
      qi++;
    }
    if (rc) return rc;
  }
  share_predicates(st, claims_before);
  /* "12 des 43 mineurs": the part counts from the whole after it */
  for (size_t i = claims_before; i < st->cl.n; i++) {
    bl_cl *c = &st->cl.v[i];
    for (size_t k = i + 1; c->whole_at && c->of < 0 && k < st->cl.n; k++)
      if (st->cl.v[k].text.s == c->whole_at) c->of = (long)k;
  }
  return BL_OK;
}
