/*
 * claim_cause.c — layer 4: what caused or holds a count, for its subject.
 *
 * "Le séisme a fait au moins 300 morts" counts the dead of the earthquake;
 * "depuis le naufrage d'un caboteur en 1976, qui avait fait 14 morts" those
 * of the shipwreck; "La commune compte 3 200 habitants" those of the
 * commune.  claims.pcre's `cause-before` finds the verb ("a fait", "ont
 * causé", "compte") right before the figure; its subject is the cause:
 *   - after a relative "qui", the noun phrase just before it, read
 *     backwards ("le naufrage d'un caboteur en 1976"); for "celui de X",
 *     the sentence's first noun and "de X" ("Le naufrage de mercredi est
 *     le plus meurtrier depuis celui d'avril 2023, qui avait fait 27
 *     morts": le naufrage, d'avril 2023);
 *   - else the noun phrase that opens the verb's clause, read forwards
 *     from the clause's start ("L'épidémie de choléra qui touche le pays
 *     depuis janvier a fait": "L'épidémie de choléra").
 * A cause is a noun phrase opened by a determiner (or a figure in its
 * stead: "120 centres d'hébergement, qui accueillent"); anything else (a
 * pronoun, a clause led by a preposition only) names none.
 */
#include "doc.h"

#define CAUSE_WORDS 9 /* the longest cause read, in words */

/* A determiner: words.tsv's, or the article "un"/"une". */
static bool determiner(const bl_grammar *g, const char *s, size_t a, size_t b) {
  return bl_word_class(g, s, a, b) == WD_DET ||
         ((b - a == 2 || b - a == 3) && (s[a] == 'u' || s[a] == 'U') &&
          !strncmp(s + a + 1, "ne", b - a - 1));
}

/* A past participle in -é(e)(s): "tombé", "survenue", "menées". */
static bool participle(const char *s, size_t a, size_t b) {
  static const char *const endings[] = {"é", "ée", "és", "ées", NULL};
  for (size_t i = 0; endings[i]; i++) {
    size_t k = strlen(endings[i]);
    if (b - a > k + 2 && !memcmp(s + b - k, endings[i], k)) return true;
  }
  return false;
}

/* A year written in figures: "1976", "2023". */
static bool year_word(const char *s, size_t a, size_t b) {
  return b - a == 4 && (s[a] == '1' || s[a] == '2') && bl_is_digit((unsigned char)s[a + 3]);
}

/* May the word s[a..b) stand inside a cause's noun phrase? */
static bool np_word(const bl_grammar *g, const char *s, size_t a, size_t b, size_t end, int *cls) {
  *cls = determiner(g, s, a, b) ? WD_DET : bl_word_class(g, s, a, b);
  if (*cls == WD_DET || bl_of_word(s, a, b)) return true;
  if (bl_word_is(s, a, b, "en") && b + 1 < end && bl_is_digit((unsigned char)s[b + 1]))
    return true; /* "en 1976" */
  if (*cls || bl_lex_find(&g->speech, s + a, b - a)) return false; /* "La Valdavie dit avoir accueilli" */
  return bl_is_digit((unsigned char)s[a]) || !bl_finite_verb(s, a, b);
}

/* The word ending at `at` (past spaces), read backwards: letters, digits,
 * hyphens, an elision's apostrophe, a decimal comma.  False at
 * punctuation or at `floor`. */
static bool word_back(const char *s, size_t floor, size_t at, size_t *ws, size_t *we) {
  size_t e = at;
  while (e > floor && bl_is_space((unsigned char)s[e - 1])) e--;
  size_t b = e;
  if (b > floor + 1 && s[b - 1] == '\'' && bl_is_letter((unsigned char)s[b - 2])) b--; /* "d'" */
  while (b > floor) {
    unsigned char c = (unsigned char)s[b - 1];
    bool inner = b - 1 > floor && b < e &&
                 ((c == '-' && bl_is_letter((unsigned char)s[b - 2])) ||
                  (c == ',' && bl_is_digit((unsigned char)s[b - 2]) && bl_is_digit((unsigned char)s[b])));
    if (!bl_is_letter(c) && !bl_is_digit(c) && !inner) break;
    b--;
  }
  *ws = b;
  *we = e;
  return b < e;
}

/* Drop determiners and "de" words at the end of [np.s, np.e). */
static bl_nspan trim_end(const bl_grammar *g, const char *s, bl_nspan np) {
  while (np.e > np.s && bl_is_space((unsigned char)s[np.e - 1])) np.e--;
  while (np.e > np.s) {
    size_t a, b;
    if (!word_back(s, np.s, np.e, &a, &b)) break;
    if (!determiner(g, s, a, b) && !bl_of_word(s, a, b) && !bl_word_is(s, a, b, "en")) break;
    np.e = a;
    while (np.e > np.s && bl_is_space((unsigned char)s[np.e - 1])) np.e--;
  }
  return np;
}

/* The noun phrase ending at `at`, back to its leftmost determiner. */
static bl_nspan np_before(const bl_grammar *g, const char *s, size_t floor, size_t at,
                          size_t *pronoun) {
  bl_nspan none = {0, 0};
  size_t p = at, a, b, start = 0;
  bool found = false;
  *pronoun = SIZE_MAX;
  for (int k = 0; k < CAUSE_WORDS && word_back(s, floor, p, &a, &b); k++) {
    int cls;
    size_t u, v; /* "l'été 2019", "le train de nuit": after a determiner or "de", a noun */
    bool noun = !np_word(g, s, a, b, at, &cls) && (bl_word_aux(cls) || cls == WD_TIME) &&
                word_back(s, floor, a, &u, &v) && (determiner(g, s, u, v) || bl_of_word(s, u, v));
    if (noun) cls = 0;
    if (!noun && !np_word(g, s, a, b, at, &cls)) {
      /* "celui d'avril 2023": the noun it stands for, then what follows it */
      size_t x, y;
      if ((bl_word_is(s, a, b, "celui") || bl_word_is(s, a, b, "celle") || bl_word_is(s, a, b, "ceux") ||
           bl_word_is(s, a, b, "celles")) &&
          bl_word_at(s, b, at, &x, &y) && bl_of_word(s, x, y))
        *pronoun = b;
      break;
    }
    /* a determiner, or a figure in its stead: "les 120 centres", "120
     * centres d'hébergement, qui accueillent" */
    if (cls == WD_DET || (bl_is_digit((unsigned char)s[a]) && !found)) {
      start = a;
      found = true;
    }
    p = a;
  }
  if (!found) return none;
  while (at > start && bl_is_space((unsigned char)s[at - 1])) at--;
  size_t x, y; /* a figure stands for a determiner, before a noun only ("depuis 2020, qui") */
  if (bl_is_digit((unsigned char)s[start]) && (!bl_word_at(s, start, at, &x, &y) || y >= at)) return none;
  return (bl_nspan){start, at};
}

/* The noun phrase that opens [p, end): a determiner first, then up to a
 * relative pronoun, a verb, a preposition other than "de", or a mark. */
static bl_nspan np_from(const bl_grammar *g, const char *s, size_t p, size_t end) {
  bl_nspan none = {0, 0};
  size_t a, b;
  while (bl_word_at(s, p, end, &a, &b) && !determiner(g, s, a, b)) { /* "Lundi", "et", "mais" */
    int cls = bl_word_class(g, s, a, b);
    if (cls != WD_ADV && cls != WD_CONJ && cls != WD_TIME) break;
    p = b;
  }
  if (!bl_word_at(s, p, end, &a, &b) || !determiner(g, s, a, b)) return none;
  /* "Au moins 40 corps": "au", "aux" hold a preposition, no subject opens */
  if (bl_word_is(s, a, b, "au") || bl_word_is(s, a, b, "Au") || bl_word_is(s, a, b, "aux") ||
      bl_word_is(s, a, b, "Aux"))
    return none;
  bl_nspan np = {a, b};
  p = b;
  bool noun_next = true; /* after a determiner or "de", a noun: "l'été" */
  for (int k = 1; k < CAUSE_WORDS && bl_word_at(s, p, end, &a, &b); k++) {
    int cls;
    bool ok = np_word(g, s, a, b, end, &cls);
    /* "l'été", "Un violent séisme": after a determiner any word but a
     * preposition, a conjunction or a pronoun */
    /* "Le car": after an article even a word that is elsewhere a conjunction */
    if (!ok && noun_next && (!cls || bl_word_aux(cls) || cls == WD_TIME || cls == WD_CONJ)) ok = true;
    /* "un autre accident": a noun in -ent after a singular word; "les
     * pluies tombent": a verb */
    if (!ok && !cls && b - a > 4 && !strncmp(s + b - 3, "ent", 3) &&
        strncmp(s + b - 5, "aient", 5) && s[p - 1] != 's' && s[p - 1] != 'x')
      ok = true;
    if (bl_lex_find(&g->speech, s + a, b - a)) ok = false; /* "La Valdavie voisine dit" */
    if (!noun_next && participle(s, a, b)) ok = false;      /* "Un obus tombé sur le marché" */
    if (bl_is_digit((unsigned char)s[a])) {
      size_t x, y, u, v;
      /* "La crue de 1958", "le naufrage d'un caboteur en 1976": a year */
      if (year_word(s, a, b) && word_back(s, np.s, np.e, &x, &y) &&
          (bl_of_word(s, x, y) || bl_word_is(s, x, y, "en"))) {
        np.e = b;
        noun_next = false;
        p = b;
        continue;
      }
      /* "Les enfants de moins de 15 ans": an age stays */
      if (bl_word_at(s, b, end, &x, &y) && bl_word_is(s, x, y, "ans")) {
        np.e = y;
        noun_next = false;
        p = y;
        continue;
      }
      /* "Un séisme de magnitude 5,9": the measure is left out */
      if (word_back(s, np.s, np.e, &x, &y) && word_back(s, np.s, x, &u, &v) && bl_of_word(s, u, v))
        np.e = u;
      break;
    }
    if (!ok) break;
    noun_next = cls == WD_DET || bl_of_word(s, a, b);
    np.e = b;
    p = b;
  }
  return trim_end(g, s, np);
}

/* Is [p, end) only a time: "début décembre", "le 5 mai", "mardi soir",
 * "en 2023"?  Such a clause between commas is an incise. */
static bool time_only(const bl_grammar *g, const char *s, size_t p, size_t end) {
  size_t a, b;
  bool time = false;
  while (p < end && bl_is_space((unsigned char)s[p])) p++;
  while (end > p && bl_is_space((unsigned char)s[end - 1])) end--;
  if (end > p && bl_lex_find(&g->dates, s + p, end - p)) return true; /* "La veille", "hier soir" */
  for (; bl_word_at(s, p, end, &a, &b); p = b) {
    int cls = bl_word_class(g, s, a, b);
    if (cls == WD_TIME || year_word(s, a, b) || bl_lex_find(&g->calendar, s + a, b - a)) time = true;
    else if (!bl_is_digit((unsigned char)s[a]) && !bl_word_is(s, a, b, "début") &&
             !bl_word_is(s, a, b, "fin") && !bl_word_is(s, a, b, "mi") && !bl_word_is(s, a, b, "le") &&
             !bl_word_is(s, a, b, "en") && !bl_word_is(s, a, b, "dès") && !bl_word_is(s, a, b, "vers"))
      return false;
  }
  return time;
}

/* Where the clause holding `at` starts within [floor, at).  Clauses end
 * at ';' ':' ',' (not a decimal comma) and after "que"; one that is empty
 * (the verb right after a comma), led by a preposition ("en 2015", "dans
 * le centre-est de l'Ukraine", "selon les autorités") or an indefinite noun
 * phrase after a noun phrase (", un bateau de pêche,") is an incise, and
 * the one before it is taken; so is a relative clause closed before the
 * verb (", qui a balayé l'Europe du Nord,"), and a time (", début
 * décembre,"). */
static size_t clause_start(const bl_grammar *g, const char *s, size_t floor, size_t at) {
  size_t starts[16];
  size_t n = 0;
  bool ne = false; /* "ne ... que" restricts, opens no clause */
  starts[n++] = floor;
  for (size_t i = floor; i < at; i++) {
    char c = s[i];
    size_t a, b;
    bool mark = c == ';' || c == ':' ||
                (c == ',' && !(i > floor && bl_is_digit((unsigned char)s[i - 1]) && i + 1 < at &&
                               bl_is_digit((unsigned char)s[i + 1])));
    if (mark) {
      if (n == BL_ARRAY_LEN(starts)) memmove(starts, starts + 1, --n * sizeof *starts);
      starts[n++] = i + 1;
      ne = false;
    } else if ((i == floor || bl_is_space((unsigned char)s[i - 1])) && bl_word_at(s, i, at, &a, &b) &&
               a == i) {
      if (bl_word_is(s, a, b, "ne") || bl_word_is(s, a, b, "n'")) ne = true;
      if ((bl_word_is(s, a, b, "que") || bl_word_is(s, a, b, "qu'")) && !ne) {
        n = 0; /* what came before "que" is the main clause's */
        starts[n++] = b;
      }
    }
  }
  size_t total = n;
  while (n > 1) {
    size_t a, b, x, y, p = starts[n - 1];
    bool opens = bl_word_at(s, p, at, &a, &b);
    /* "L'embarcation, un bateau de pêche en bois, transportait": an
     * indefinite noun phrase after a noun phrase is its apposition */
    bool apposition = opens && (bl_word_is(s, a, b, "un") || bl_word_is(s, a, b, "une")) &&
                      bl_word_at(s, starts[n - 2], at, &x, &y) && determiner(g, s, x, y) &&
                      !time_only(g, s, starts[n - 2], starts[n - 1] - 1); /* "La veille, une attaque" */
    /* ", qui a balayé l'Europe du Nord,": a relative incise, closed before
     * the verb (", où la tempête a fait" holds the verb's subject) */
    bool relative = opens && n < total &&
                    (bl_word_is(s, a, b, "qui") || bl_word_is(s, a, b, "dont") || bl_word_is(s, a, b, "où"));
    bool when = opens && n < total && time_only(g, s, p, starts[n] - 1);
    if (opens && bl_word_class(g, s, a, b) != WD_PREP && !apposition && !relative && !when) break;
    n--;
  }
  return starts[n - 1];
}

/* The subject of the verb that rule `rx` (a `-before` rule with a group
 * "qui") finds right before `at`. */
static bl_nspan verb_subject(bl_docstate *st, const pcre2_code *rx, size_t floor, size_t at,
                             bl_nspan *tail) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  tail->s = tail->e = 0;
  size_t from = at > 160 ? at - 160 : 0;
  if (from < floor) from = floor;
  if (bl_rx_match(rx, &st->rx, s, at, from, 0) <= 0) return none;
  size_t ms = 0, me = 0, qs = 0, qe = 0;
  bl_rx_group(&st->rx, 0, &ms, &me);
  uint32_t qui[1];
  bool relative =
      bl_rx_groups_named(rx, "qui", qui, 1) && bl_rx_group(&st->rx, qui[0], &qs, &qe);
  if (relative) {
    size_t p = ms, pronoun;
    while (p > floor && (bl_is_space((unsigned char)s[p - 1]) || s[p - 1] == ',')) p--;
    /* "la prise d'otages de l'école de Beslan, en 2004, qui avait fait":
     * past a time between commas */
    size_t c = p;
    while (c > floor && s[c - 1] != ',' && s[c - 1] != ';' && s[c - 1] != ':') c--;
    if (c > floor && s[c - 1] == ',' && time_only(g, s, c, p)) {
      p = c - 1;
      while (p > floor && bl_is_space((unsigned char)s[p - 1])) p--;
    }
    bl_nspan np = np_before(g, s, floor, p, &pronoun);
    if (pronoun == SIZE_MAX) return np;
    /* "Le naufrage de mercredi est le plus meurtrier depuis celui d'avril
     * 2023, qui avait fait 27 morts": the sentence's first noun, its
     * determiner and head, then "d'avril 2023" */
    size_t a, b, x, y;
    bl_nspan head = np_from(g, s, floor, pronoun);
    if (!head.e || !bl_word_at(s, head.s, head.e, &a, &b) || !bl_word_at(s, b, head.e, &x, &y) ||
        bl_of_word(s, x, y))
      return none;
    while (pronoun < p && bl_is_space((unsigned char)s[pronoun])) pronoun++;
    *tail = (bl_nspan){pronoun, p};
    return (bl_nspan){a, y};
  }
  return np_from(g, s, clause_start(g, s, floor, ms), ms);
}

bl_nspan bl_cause_of(bl_docstate *st, size_t floor, size_t at, bl_nspan *tail) {
  return verb_subject(st, st->g->rx_cause, floor, at, tail);
}

bl_nspan bl_share_owner(bl_docstate *st, size_t floor, size_t at) {
  bl_nspan tail, owner = verb_subject(st, st->g->rx_share, floor, at, &tail);
  return tail.e > tail.s ? (bl_nspan){0, 0} : owner; /* not "celui de ..." */
}
