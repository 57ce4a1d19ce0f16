/*
 * attrib.c — layer 5: who a figure comes from (SPEC §6).
 *
 * For each sentence the rules of attrib.pcre yield candidate attributions
 * with their positions: "selon X (citant Y)", "de source X", "annoncé par
 * X", "X a annoncé", ", a annoncé X", "cité par Y", "la même source".  Each
 * claim takes, in this order: an agent right after it ("41 morts annoncé
 * par X"); "selon"/"de source"; the subject of a speech verb before it (a
 * speaker named after the sentence then becomes the channel: "X a annoncé
 * 41 morts, a rapporté l'agence Y"); a speaker named after it; the subject
 * of a speech verb after it.  A pronoun or "la même source" is the
 * paragraph's source, else the article's last.  Claims inside a quotation
 * take the quotation's speaker.  A source carries over the following
 * sentences of its paragraph (reported speech) until another appears.
 */
#include "doc.h"

#include <strings.h>

/* A source phrase longer than this is a misreading, not a name. */
#define MAX_SOURCE 110
/* An agent ("annoncé par X") governs a claim that ends this close before it. */
#define AGENT_REACH 90

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum kind { K_AGENT, K_SELON, K_SUBJ, K_INVERTED, K_ANAPHOR, K_COUNT_ };

typedef struct cand {
  enum kind kind;
  size_t pos;      /* where the attribution is (the verb, "selon", "par") */
  bl_nspan src;    /* s == e: an anaphor */
  bl_nspan chan;
  bool no_carry; /* "Le gouvernement débloque 30 millions": the source of that
                    sentence only, not a speaker whose words go on */
  bool tally;    /* "La préfecture compte 14 blessés": of a toll or a crowd only */
  bl_nspan doc;  /* an anaphor's document ("selon le dernier bulletin") */
} cand;

typedef struct cands {
  cand v[16];
  size_t n;
  bl_nspan cite_chan; /* "cité par Y" anywhere in the sentence */
  bool unnamed_selon; /* "selon les chiffres officiels": a "selon" that names nobody */
  bool nomem;         /* the search could not be run: out of memory */
} cands;

static bl_nspan person_named(bl_docstate *st, bl_nspan sp);

static void add(cands *cs, enum kind k, size_t pos, bl_nspan src, bl_nspan chan) {
  if (cs->n < BL_ARRAY_LEN(cs->v)) cs->v[cs->n++] = (cand){k, pos, src, chan, false, false, {0, 0}};
}

static bool named(bl_docstate *st, const pcre2_code *re, const char *name, bl_nspan *out) {
  uint32_t n[4];
  size_t k = bl_rx_groups_named(re, name, n, 4);
  for (size_t i = 0; i < k; i++)
    if (bl_rx_group(&st->rx, n[i], &out->s, &out->e) && out->e > out->s) return true;
  return false;
}

static const bl_lexent *word_entry(bl_docstate *st, size_t a, size_t b) {
  const char *s = st->text.s;
  const bl_lexent *w = bl_lex_find(&st->g->words, s + a, b - a);
  if (w && w->kind == WD_ZERO_PRONOUN) return NULL; /* "personne": a noun here */
  if (w && w->kind == WD_PRON && bl_capital_at(s, a)) {
    /* "l'avocat, Me Laurent Franck": a capitalised pronoun inside a
     * sentence, before a name, is a title (Maître) */
    size_t p = a, x, y;
    while (p > 0 && is_space((unsigned char)s[p - 1])) p--;
    if (p > 0 && !strchr(".!?:\n\"", s[p - 1]) && bl_word_at(s, b, st->text.n, &x, &y) &&
        bl_capital_at(s, x))
      return NULL;
  }
  return w;
}

static bool is_article(bl_docstate *st, size_t a, size_t b) {
  static const char *const arts[] = {"le", "la", "les", "l'", "un", "une", "sa", "son", "ses",
                                     "leur", "leurs", "notre", "nos", NULL};
  const char *s = st->text.s;
  for (size_t i = 0; arts[i]; i++)
    if (strlen(arts[i]) == b - a && !strncasecmp(s + a, arts[i], b - a)) return true;
  return false;
}

/* "D'autres sources humanitaires": "d'" before "autres" is an indefinite
 * article, no preposition; *past is where "autres" ends. */
static bool other_ones(const char *s, size_t a, size_t b, size_t end, size_t *past) {
  size_t x, y;
  if (!(b - a == 2 && (s[a] == 'd' || s[a] == 'D') && s[a + 1] == '\'' && bl_word_at(s, b, end, &x, &y) &&
        bl_word_is(s, x, y, "autres")))
    return false;
  *past = y;
  return true;
}

/* Does the word [a, b) open a clause: a conjunction of words.tsv
 * ("tandis"), or any word with "que" after it ("alors que", "bien que")? */
static bool opens_clause(bl_docstate *st, size_t a, size_t b, size_t end) {
  const char *s = st->text.s;
  if (bl_word_class(st->g, s, a, b) == WD_CONJ) return true;
  size_t c, d;
  return bl_word_at(s, b, end, &c, &d) && (bl_word_is(s, c, d, "que") || bl_word_is(s, c, d, "qu'"));
}

/* The next word at or after p, stepping over marks that are no words
 * ("10.000", "(MSPP)"); false at the end. */
static bool word_past_marks(const char *s, size_t p, size_t end, size_t *a, size_t *b) {
  while (!bl_word_at(s, p, end, a, b)) {
    if (*a >= end) return false;
    p = *a + 1;
  }
  return true;
}

/* "à l'AFP Flavio Di Giacomo", "à CNN le porte-parole", "à l'AFP des
 * sources locales": after a preposition (its end at `p`), an acronym (a
 * medium, an agency) is a whole name; a capitalised word or a determiner
 * right after it opens the speaker's name (*start). */
static bool after_acronym(bl_docstate *st, size_t p, size_t end, size_t *start) {
  const char *s = st->text.s;
  size_t a, b;
  if (!bl_word_at(s, p, end, &a, &b)) return false;
  /* l'AFP: the elided article is a word of its own */
  if (b - a == 2 && s[b - 1] == '\'' && !bl_word_at(s, b, end, &a, &b)) return false;
  if (b - a < 2) return false;
  size_t c, d;
  bool caps = true;
  for (size_t i = a; i < b; i++) caps = caps && s[i] >= 'A' && s[i] <= 'Z';
  /* or a medium named with its number: "à Europe 1 Flavio Di Giacomo",
   * "à France 24 le porte-parole" */
  if (!caps) {
    if (!bl_capital_at(s, a) || !bl_word_at(s, b, end, &c, &d) || !(s[c] >= '0' && s[c] <= '9')) return false;
    for (size_t i = c; i < d; i++)
      if (!(s[i] >= '0' && s[i] <= '9')) return false;
    b = d;
  }
  if (!bl_word_at(s, b, end, &c, &d)) return false;
  const bl_lexent *w = word_entry(st, c, d);
  if (!bl_capital_at(s, c) && !(w && w->kind == WD_DET)) return false;
  *start = c;
  return true;
}

/* "à la presse Janan Sayeq": after a preposition, its article and a noun in
 * lower case (and its adjective), a capitalised word opens the speaker's
 * name.  Not "à la Croix-Rouge" (the adverbial's own noun is capitalised). */
static bool name_after_adverbial(bl_docstate *st, size_t p, size_t end, size_t *start) {
  const char *s = st->text.s;
  size_t a, b;
  int words = 0;
  while (bl_word_at(s, p, end, &a, &b)) {
    const bl_lexent *w = word_entry(st, a, b);
    if (bl_capital_at(s, a)) {
      if (!words) return false;
      *start = a;
      return true;
    }
    if (!w || !(w->kind == WD_DET || w->kind == WD_PREP)) {
      if (++words > 2) return false; /* a noun and its adjective: "à la presse locale" */
    }
    p = b;
  }
  return false;
}

/* Trim a noun phrase: spaces, quotes and dashes at both ends, leading
 * determiners, time words and adverbs, a trailing clitic or preposition; a
 * leading adverbial ("lors d'un point de presse le sergent X", "à Genève
 * un porte-parole") is skipped up to the article that opens the subject. */
/* A time after a name is no part of it: "la police mardi soir", "la
 * préfecture en fin de matinée"; not a complement ("le Journal du
 * dimanche"). */
/* A word of a time: a time word, a day, "fin", "début", "milieu". */
static bool time_word(bl_docstate *st, size_t a, size_t b) {
  const char *s = st->text.s;
  const bl_lexent *w = word_entry(st, a, b);
  const bl_lexent *d = bl_lex_find(&st->g->calendar, s + a, b - a);
  return (w && w->kind == WD_TIME) || (d && d->kind == CAL_DAY) || (b - a == 3 && !memcmp(s + a, "fin", 3)) ||
         (b - a == 6 && !memcmp(s + a, "début", 6)) || (b - a == 6 && !memcmp(s + a, "milieu", 6));
}

/* "1er", "25": the day of a month, written in digits. */
static bool day_of_month(const char *s, size_t a, size_t b) {
  size_t n = 0;
  while (a + n < b && n < 2 && s[a + n] >= '0' && s[a + n] <= '9') n++;
  return n > 0 && (a + n == b || (b - a - n == 2 && !memcmp(s + a + n, "er", 2)));
}

/* Does [a, b) say only when: "Mercredi soir", "Le 25 juin", "Lundi 1er
 * juillet au matin"? */
static bool only_time(bl_docstate *st, size_t a, size_t b) {
  const char *s = st->text.s;
  bool when = false;
  for (size_t p = a, x, y; p < b; p = y) {
    if (!bl_word_at(s, p, b, &x, &y)) {
      while (p < b && is_space((unsigned char)s[p])) p++;
      if (p < b) return false;
      break;
    }
    const bl_lexent *w = word_entry(st, x, y);
    if (time_word(st, x, y) || bl_lex_find(&st->g->calendar, s + x, y - x)) when = true;
    else if (!day_of_month(s, x, y) && !(w && (w->kind == WD_DET || (w->kind == WD_PREP && y - x <= 2))))
      return false;
  }
  return when;
}

static bl_nspan cut_trailing_time(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t a, b, pa = 0, pb = 0;
  for (size_t p = sp.s; bl_word_at(s, p, sp.e, &a, &b); pa = a, pb = b, p = b) {
    if (!pb || (unsigned char)s[a] < 'a' || (unsigned char)s[a] > 'z') continue;
    if ((pb - pa == 2 && (!memcmp(s + pa, "du", 2) || !memcmp(s + pa, "de", 2) || !memcmp(s + pa, "d'", 2))))
      continue;
    size_t x, y;
    /* "mardi soir", "en fin de matinée" */
    bool time = time_word(st, a, b) ||
                (b - a == 2 && !memcmp(s + a, "en", 2) && bl_word_at(s, b, sp.e, &x, &y) && time_word(st, x, y));
    /* only a time to the end: not "le bilan publié mardi par le ministère",
     * "le dernier bulletin de l'agence" */
    for (size_t q = b; time && bl_word_at(s, q, sp.e, &x, &y); q = y) {
      const bl_lexent *tw = word_entry(st, x, y);
      time = time_word(st, x, y) || (tw && (tw->kind == WD_DET || (tw->kind == WD_PREP && y - x <= 2)));
    }
    if (time) {
      /* (with its article: "la police la veille") */
      const bl_lexent *pw = word_entry(st, pa, pb);
      sp.e = pw && pw->kind == WD_DET && pa > sp.s ? pa : a;
      while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
      return sp;
    }
  }
  return sp;
}

static bl_nspan clean_np(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  sp = cut_trailing_time(st, sp);
  for (int guard = 0; guard < 12; guard++) {
    while (sp.s < sp.e && (is_space((unsigned char)s[sp.s]) || s[sp.s] == '"' || s[sp.s] == '-' ||
                           s[sp.s] == ','))
      sp.s++;
    while (sp.e > sp.s && (is_space((unsigned char)s[sp.e - 1]) || s[sp.e - 1] == '"' ||
                           s[sp.e - 1] == '-' || s[sp.e - 1] == ','))
      sp.e--;
    size_t ws, we, y0;
    if (!bl_word_at(s, sp.s, sp.e, &ws, &we)) return sp;
    const bl_lexent *w = word_entry(st, ws, we);
    const bl_lexent *d = bl_lex_find(&st->g->calendar, s + ws, we - ws);
    /* a trailing clitic or preposition is no part of a name ("le ministère
     * en a recensé 320 000") */
    size_t ls = ws, le = we, a2, b2;
    /* (past brackets: "l'Institut (INGV) en a dénombré") */
    for (size_t p2 = we; word_past_marks(s, p2, sp.e, &a2, &b2); p2 = b2) {
      ls = a2;
      le = b2;
    }
    if (le > we) {
      const bl_lexent *lw = word_entry(st, ls, le);
      if (lw && (lw->kind == WD_PREP || lw->kind == WD_PRON || lw->kind == WD_ADV)) {
        sp.e = ls;
        continue;
      }
    }
    if (we >= sp.e) {
      /* the last word: a lone determiner or time word is no name */
      if ((w && (w->kind == WD_DET || w->kind == WD_TIME)) || (d && d->kind == CAL_DAY)) sp.s = sp.e;
      return sp;
    }
    if (other_ones(s, ws, we, sp.e, &y0)) {
      sp.s = y0;
      continue;
    }
    if (w && w->kind == WD_PREP && !(we - ws == 2 && !strncmp(s + ws, "de", 2))) {
      /* a leading adverbial: restart at the next article not after "de"/"à" */
      size_t p = we, a, b, prev_e = we;
      bool prev_prep = true, found = false;
      while (bl_word_at(s, p, sp.e, &a, &b)) {
        if (is_article(st, a, b) && !prev_prep && !(a > 0 && s[a - 1] == '\'')) {
          sp.s = a;
          found = true;
          break;
        }
        const bl_lexent *x = word_entry(st, a, b);
        prev_prep = x && x->kind == WD_PREP;
        prev_e = b;
        p = b;
      }
      BL_UNUSED(prev_e);
      if (!found) found = after_acronym(st, we, sp.e, &sp.s);
      if (!found) found = name_after_adverbial(st, we, sp.e, &sp.s);
      if (!found) return sp;
      continue;
    }
    /* a date after a day: "a annoncé lundi 1er juillet la Commission" */
    size_t ms, me;
    if (day_of_month(s, ws, we) && bl_word_at(s, we, sp.e, &ms, &me) && me < sp.e) {
      const bl_lexent *m = bl_lex_find(&st->g->calendar, s + ms, me - ms);
      if (m && m->kind == CAL_MONTH) {
        sp.s = me;
        continue;
      }
    }
    bool drop = (w && (w->kind == WD_DET || w->kind == WD_TIME || w->kind == WD_ADV)) ||
                (d && d->kind == CAL_DAY);
    /* a capitalised article before a capitalised word is part of a title:
     * "Le Monde", "La Voix du Nord" */
    size_t x, y, before = ws;
    while (before > 0 && (is_space((unsigned char)s[before - 1]) || s[before - 1] == '"')) before--;
    /* a sentence, or a line of a live page after its time ("07h55 - La SNCF") */
    bool sentence_start = before == 0 || strchr(".!?:\n-", s[before - 1]);
    if (drop && w && w->kind == WD_DET && !sentence_start && bl_capital_at(s, ws) &&
        bl_word_at(s, we, sp.e, &x, &y) && bl_capital_at(s, x))
      return sp;
    /* the outlet's own: "nos informations", "notre rédaction" */
    if (drop && w && w->kind == WD_DET &&
        ((we - ws == 3 && !strncasecmp(s + ws, "nos", 3)) || (we - ws == 5 && !strncasecmp(s + ws, "notre", 5))))
      return sp;
    if (!drop) return sp;
    sp.s = we;
  }
  return sp;
}

static bool is_pronoun(bl_docstate *st, bl_nspan sp) {
  const bl_lexent *w = word_entry(st, sp.s, sp.e);
  return w && w->kind == WD_PRON;
}

/* Can this phrase name a source?  Not a pronoun, a figure, a verb phrase,
 * nor a noun like "bilan" or "chiffre". */
static bool usable(bl_docstate *st, bl_nspan sp) {
  if (sp.e <= sp.s || sp.e - sp.s > MAX_SOURCE) return false;
  const char *s = st->text.s;
  unsigned char c = (unsigned char)s[sp.s];
  if ((c >= '0' && c <= '9') || is_pronoun(st, sp)) return false;
  size_t ws, we;
  if (!bl_word_at(s, sp.s, sp.e, &ws, &we)) return false;
  const bl_lexent *w = word_entry(st, ws, we);
  if (w && w->kind != WD_DET && w->kind != WD_PRENOMINAL) return false; /* "avoir recensé", "qu'il", "pour sa part" */
  if (bl_lex_find(&st->g->speech, s + ws, we - ws)) return false;
  return true;
}

static bool names_a_figure(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t ws, we;
  if (!bl_word_at(s, sp.s, sp.e, &ws, &we)) return false;
  const bl_lexent *w = word_entry(st, ws, we);
  if (w && w->kind == WD_NOSRC) return true;
  /* an adjective before the noun: "premier recensement", "précédent bilan" */
  unsigned char c = (unsigned char)s[ws];
  if ((w && w->kind != WD_PRENOMINAL) || !(c >= 'a' && c <= 'z') || s[we - 1] == '\'') return false;
  size_t xs, xe;
  if (!bl_word_at(s, we, sp.e, &xs, &xe)) return false;
  w = word_entry(st, xs, xe);
  return w && w->kind == WD_NOSRC;
}

/* Past a title with its period at the start of sp ("M. Purusi", "MM."),
 * where the word scan would stop. */
static size_t past_title(const char *s, bl_nspan sp) {
  size_t p = sp.s;
  if (p + 2 <= sp.e && s[p] == 'M' && s[p + 1] == '.') return p + 2;
  if (p + 3 <= sp.e && s[p] == 'M' && s[p + 1] == 'M' && s[p + 2] == '.') return p + 3;
  return p;
}

/* Cut a speaker's phrase before a trailing adverbial ("le ministre lors
 * d'une conférence de presse", "la préfecture dans un communiqué"). */
static bl_nspan cut_adverbial(bl_docstate *st, bl_nspan sp) {
  static const char *const cuts[] = {"lors", "pendant", "devant", "depuis", "dans", "sur", "auprès",
                                     "au cours", "à l'issue", "à partir", "en marge", "ce matin", "ce soir",
                                     "cette semaine", "hier", "aujourd'hui", "sous couvert",
                                     /* "a déclaré M. Purusi à la presse" */
                                     "à la presse", "aux journalistes", "à des journalistes", "à l'AFP", NULL};
  const char *s = st->text.s;
  size_t p = sp.s, a, b;
  bool content = false, named = false;
  size_t prev2_s = 0, prev2_e = 0, prev_s = 0, prev_e = 0; /* the two words before */
  while (bl_word_at(s, p, sp.e, &a, &b)) {
    /* "le Centre d'études sur les conflits": "sur" inside a name */
    bool in_name = named && prev2_e > prev2_s &&
                   ((prev2_e - prev2_s == 2 && (!strncmp(s + prev2_s, "d'", 2) || !strncmp(s + prev2_s, "de", 2))) ||
                    (prev_e - prev_s > 2 && !strncmp(s + prev_s, "d'", 2)));
    if (content) {
      for (size_t i = 0; cuts[i]; i++) {
        size_t n = strlen(cuts[i]);
        if (in_name && !strcmp(cuts[i], "sur")) continue;
        if (a + n <= sp.e && !strncasecmp(s + a, cuts[i], n) &&
            (a + n == sp.e || !((unsigned char)s[a + n] >= 'a' && (unsigned char)s[a + n] <= 'z'))) {
          sp.e = a;
          while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
          /* "un décompte de l'AFP établi à partir de sources locales": the
           * participle goes with what it introduced */
          bl_nspan last = bl_word_before(s, sp.s, sp.e);
          if (last.s > sp.s && last.e == sp.e && !bl_capital_at(s, last.s) &&
              (!memcmp(s + last.e - 2, "é", 2) || s[last.e - 1] == 'i')) {
            sp.e = last.s;
            while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
          }
          return sp;
        }
      }
      const bl_lexent *d = bl_lex_find(&st->g->calendar, s + a, b - a);
      if (d && d->kind == CAL_DAY) {
        sp.e = a;
        while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
        return sp;
      }
    }
    const bl_lexent *w = word_entry(st, a, b);
    if (!w && !content) named = bl_capital_at(s, a);
    if (!w) content = true;
    prev2_s = prev_s;
    prev2_e = prev_e;
    prev_s = a;
    prev_e = b;
    p = b;
  }
  return sp;
}

/* Does the phrase end on its acronym in brackets ("Cadre intégré de
 * classification de la sécurité alimentaire (IPC)"), or on a departmental
 * service's with its number ("service départemental d'incendie et de
 * secours (Sdis 33)")?  Then it is a name whole, whatever its words look
 * like. */
static bool ends_in_acronym(const char *s, bl_nspan sp) {
  size_t e = sp.e;
  if (e < sp.s + 5 || s[e - 1] != ')') return false;
  size_t i = e - 1, caps = 0, lower = 0, digits = 0;
  while (i > sp.s && s[i - 1] != '(') {
    unsigned char c = (unsigned char)s[i - 1];
    bool digit = c >= '0' && c <= '9';
    /* letters and digits, a space only before the number */
    if (c == ' ' ? !(digits && !lower && !caps) : !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || digit || c == '-'))
      return false;
    caps += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
    digits += digit && !lower && !caps;
    i--;
  }
  if (i <= sp.s + 1 || e - i > 13) return false;
  if (!lower) return caps >= 2;
  /* "IHRights", "FranceAgriMer": a capital first and another inside */
  if (caps >= 2 && !digits && s[i] >= 'A' && s[i] <= 'Z' && !memchr(s + i, ' ', e - 1 - i)) return true;
  /* "Sdis 33": one capital, then lower case, then a number */
  return caps == 1 && s[i] >= 'A' && s[i] <= 'Z' && digits > 0 && s[e - 2 - digits] == ' ';
}

/* The owner named in a document's phrase, without what follows the name:
 * "la préfecture diffusé à la mi-journée" -> "préfecture", "notre rédaction
 * auprès des mairies" -> "notre rédaction". */
static bl_nspan owned_name(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  sp = cut_adverbial(st, sp);
  if (ends_in_acronym(s, sp)) return sp; /* "le Cadre intégré de classification (IPC)" */
  size_t p = sp.s, a, b;
  bool first = true, after_function_word = false;
  /* past an acronym's brackets too: "(MSPP) publié vendredi" */
  while (word_past_marks(s, p, sp.e, &a, &b)) {
    size_t n = b - a;
    /* a participle right after a noun ("préfecture diffusé"), not a noun
     * in -é after "de la" ("ministère de la Santé", "sécurité") */
    bool participle = !first && !after_function_word && n > 3 && !bl_capital_at(s, a) &&
                      (!memcmp(s + b - 2, "é", 2) || !memcmp(s + b - 3, "és", 3) ||
                       !memcmp(s + b - 3, "ée", 3) || !memcmp(s + b - 4, "ées", 4));
    /* "établi à partir de", "compilé par": a participle in -i or -is
     * before a preposition ("emploi" alone stays a noun) */
    /* (not an adjective of nationality in -ais: "Institut pakistanais d'études") */
    if (!participle && !first && !after_function_word && n > 4 && !bl_capital_at(s, a) &&
        (s[b - 1] == 'i' || (s[b - 2] == 'i' && (s[b - 1] == 's' || s[b - 1] == 'e'))) &&
        memcmp(s + b - 3, "ais", 3)) {
      size_t c, d;
      participle = word_past_marks(s, b, sp.e, &c, &d) && word_entry(st, c, d) &&
                   word_entry(st, c, d)->kind == WD_PREP;
    }
    after_function_word = word_entry(st, a, b) != NULL;
    if (participle) {
      sp.e = a;
      while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
      break;
    }
    first = false;
    p = b;
  }
  return sp;
}

/* "une source sécuritaire jointe par l'AFP", "un responsable contacté par
 * téléphone": who reached the speaker is no part of the speaker's name. */
static bl_nspan cut_reached_by(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t p = sp.s, a, b, prev_s = SIZE_MAX, prev_e = 0;
  while (bl_word_at(s, p, sp.e, &a, &b)) {
    if (b - a == 3 && !strncmp(s + a, "par", 3) && prev_s != SIZE_MAX && prev_s > sp.s) {
      size_t n = prev_e - prev_s;
      const char *w = s + prev_s;
      bool participle = n > 3 && !bl_capital_at(s, prev_s) &&
                        (!memcmp(w + n - 2, "é", 2) || !memcmp(w + n - 3, "ée", 3) ||
                         !memcmp(w + n - 3, "és", 3) || !memcmp(w + n - 4, "ées", 4) ||
                         !memcmp(w + n - 4, "oint", 4) || !memcmp(w + n - 5, "ointe", 5) ||
                         !memcmp(w + n - 5, "oints", 5) || !memcmp(w + n - 6, "ointes", 6));
      if (participle) {
        sp.e = prev_s;
        while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
        /* "par le ministère des Transports et relayée par l'AIB" */
        bl_nspan last = bl_word_before(s, sp.s, sp.e);
        if (last.s > sp.s && (bl_word_is(s, last.s, last.e, "et") || bl_word_is(s, last.s, last.e, "ou"))) {
          sp.e = last.s;
          while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
        }
        return sp;
      }
    }
    prev_s = a;
    prev_e = b;
    p = b;
  }
  return sp;
}

/* "un communiqué de la préfecture", "un bilan provisoire du SPSY": the
 * owner of a document is the source.  Returns sp unchanged otherwise. */
static bl_nspan owner_of(bl_docstate *st, bl_nspan sp) {
  if (!names_a_figure(st, sp)) return sp;
  const char *s = st->text.s;
  size_t p = sp.s, a, b;
  /* "un sondage Ifop": the name right after the document's noun, its
   * capitalised words only ("un sondage Elabe pour BFMTV réalisé auprès de
   * 1 002 personnes": Elabe) */
  size_t a2, b2;
  if (bl_word_at(s, sp.s, sp.e, &a, &b) && bl_word_at(s, b, sp.e, &a2, &b2) && bl_capital_at(s, a2)) {
    size_t e = b2, x, y;
    while (bl_word_at(s, e, sp.e, &x, &y) && bl_capital_at(s, x)) e = y;
    return (bl_nspan){a2, e};
  }
  while (bl_word_at(s, p, sp.e, &a, &b)) {
    size_t x, y;
    /* (not a time: "communiqué en fin d'après-midi par la procureure") */
    bool time = bl_word_at(s, b, sp.e, &x, &y) && bl_word_class(st->g, s, x, y) == WD_TIME;
    if (!time && ((b - a == 2 && (!strncmp(s + a, "de", 2) || !strncmp(s + a, "du", 2) ||
                                  !strncmp(s + a, "d'", 2))) ||
                  (b - a == 3 && !strncmp(s + a, "des", 3)))) {
      bl_nspan o = owned_name(st, clean_np(st, (bl_nspan){b, sp.e}));
      /* "bilan établi par notre rédaction": "par" names the owner, not "de";
       * "le point de situation de l'ARS": the owner of the owner (o is shorter) */
      return o.s > sp.s && o.e <= sp.e ? owner_of(st, o) : o;
    }
    if (b - a == 3 && !strncmp(s + a, "par", 3)) return owned_name(st, clean_np(st, (bl_nspan){b, sp.e}));
    p = b;
  }
  return sp;
}

/* A subject found before a verb must look like a name: no figure, no
 * auxiliary or speech verb inside, not too many words. */
static bool plausible_subject(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t p = sp.s, a, b, words = 0;
  /* no figure inside ("n° 4" is an identifier, not a figure) */
  for (size_t i = 0; i < st->q.n; i++)
    if (st->q.v[i].ns < sp.e && sp.s < st->q.v[i].ne) return false;
  while (p < sp.e) {
    if (!bl_word_at(s, p, sp.e, &a, &b)) {
      if (a < sp.e && strchr(":;!?\"", s[a])) return false; /* a clause, not a name */
      p = a + 1;
      continue;
    }
    const bl_lexent *w = word_entry(st, a, b);
    if (w && w->kind == WD_CONJ && b - a == 2 && !strncmp(s + a, "et", 2)) {
      /* "sources locales et sécuritaires", "les ministères de la Santé et
       * de l'Intérieur": not "et il a ajouté" */
      size_t c = sp.e, d = sp.e;
      const bl_lexent *x = bl_word_at(s, b, sp.e, &c, &d) ? word_entry(st, c, d) : NULL;
      if (c < sp.e && !(x && (bl_word_aux(x->kind) || x->kind == WD_PRON || x->kind == WD_CONJ))) {
        p = b;
        continue;
      }
    }
    /* a capital inside a name is a noun: "les autorités de l'Est" */
    bool name_word = a > sp.s && bl_capital_at(s, a);
    if (w && !name_word && (bl_word_aux(w->kind) || w->kind == WD_CONJ)) return false;
    if (bl_lex_find(&st->g->anchors, s + a, b - a)) return false; /* a number word */
    if (++words > 14) return false;
    p = b;
  }
  return words > 0;
}

/* Does sp hold a quantity of the text (not an identifier: "hôpital n° 4")? */
static bool holds_quantity(const bl_docstate *st, bl_nspan sp) {
  size_t i = bl_first_figure(st, sp.s);
  return i < st->q.n && st->q.v[i].ns < sp.e;
}

/* Does sp hold a figure (digits or a number word)? */
static bool has_figure(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t p = sp.s, a, b;
  for (size_t i = sp.s; i < sp.e; i++)
    if (s[i] >= '0' && s[i] <= '9') return true;
  while (bl_word_at(s, p, sp.e, &a, &b)) {
    if (bl_lex_find(&st->g->anchors, s + a, b - a)) return true;
    p = b;
  }
  return false;
}

/* Is the phrase a person's name: one to four words, each capitalised? */
/* A lowercase word inside a person's name: a particle of names.tsv ("von",
 * "de"), alone or before a hyphen and a capital ("el-Drese", "al-Sissi"). */
static bool name_particle(bl_docstate *st, size_t a, size_t b) {
  const char *s = st->text.s;
  const char *hy = memchr(s + a, '-', b - a);
  size_t e = hy ? (size_t)(hy - s) : b;
  if (hy && !(e + 1 < b && bl_capital_at(s, e + 1))) return false;
  const bl_lexent *w = bl_lex_find(&st->g->names, s + a, e - a);
  return w && (w->kind == NM_PARTICLE || (w->kind == NM_DROP && !hy && e - a <= 3));
}

static bool is_name(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t p = sp.s, a, b, words = 0;
  /* "le SNUipp-FSU": a name may take an article */
  if (bl_word_at(s, p, sp.e, &a, &b) && is_article(st, a, b) && b < sp.e) p = b;
  while (bl_word_at(s, p, sp.e, &a, &b)) {
    bool particle = words > 0 && !bl_capital_at(s, a) && name_particle(st, a, b);
    if ((!bl_capital_at(s, a) && !particle) || ++words > 5) return false;
    p = b;
  }
  while (p < sp.e && is_space((unsigned char)s[p])) p++;
  return words > 0 && p >= sp.e;
}

/* "selon le chef de l'administration régionale, Serhiï Lyssak,": the name
 * set after a role, between commas or before the sentence's end (two
 * capitalised words at least, so that "selon la police, Marseille, Lyon et
 * Nice" keeps the police), is the shortest form that says who. */
static bl_nspan apposed_name(bl_docstate *st, bl_nspan role, size_t end) {
  const char *s = st->text.s;
  bl_nspan none = {0, 0};
  if (role.e <= role.s || bl_capital_at(s, role.s)) return none;
  size_t p = role.e;
  while (p < end && is_space((unsigned char)s[p])) p++;
  if (p >= end || s[p] != ',') return none;
  p++;
  while (p < end && is_space((unsigned char)s[p])) p++;
  size_t q = p;
  while (q < end && !strchr(",;:.!?\"(", s[q])) q++;
  if (q < end && s[q] != ',' && s[q] != '.' && s[q] != ';') return none;
  bl_nspan name = {p, q};
  while (name.e > name.s && is_space((unsigned char)s[name.e - 1])) name.e--;
  size_t words = 0, a, b;
  for (size_t x = name.s; bl_word_at(s, x, name.e, &a, &b); x = b) words++;
  return words >= 2 && is_name(st, name) ? name : none;
}

/* The subject of a verb at `verb`: the clause before it; an appositive
 * ("L'OODH, une ONG ..., affirme") sends us back to the sentence start. */
/* Does s[p..e) open on "cité(e)(s)" or "citant": a relay, no speaker? */
static bool relay_opens(const char *s, size_t p, size_t e) {
  size_t x0, y0;
  return bl_word_at(s, p, e, &x0, &y0) && y0 - x0 >= 5 && !memcmp(s + x0, "cit", 3) &&
         (!memcmp(s + y0 - 2, "é", 2) || !memcmp(s + y0 - 3, "és", 3) || !memcmp(s + y0 - 3, "ée", 3) ||
          !memcmp(s + y0 - 4, "ées", 4) || (y0 - x0 == 6 && !memcmp(s + x0, "citant", 6)));
}

/* A clause [cs, p) may open with a conjunction: "tandis que les Casques
 * blancs recensent", "et les syndicats comptent". Returns where the subject
 * after the last one starts. "et"/"ou"/"mais" open a clause only before an
 * article ("le ministère de l'Intérieur et des Outre-mer recense" is one
 * name); "qui" and "dont" open a relative clause, read by the caller. */
static size_t after_conjunction(bl_docstate *st, size_t cs, size_t p) {
  const char *s = st->text.s;
  size_t start = cs, a, b;
  for (size_t q = cs; word_past_marks(s, q, p, &a, &b); q = b) { /* "10.000", "(OMS)" */
    const bl_lexent *w = word_entry(st, a, b);
    if (!w || w->kind != WD_CONJ) continue;
    bool coord = (b - a == 2 && (!strncmp(s + a, "et", 2) || !strncmp(s + a, "ou", 2))) ||
                 (b - a == 4 && !strncmp(s + a, "mais", 4));
    bool relative = (b - a == 3 && !strncmp(s + a, "qui", 3)) ||
                    (b - a == 4 && !strncmp(s + a, "dont", 4)) || (b - a == 3 && !strncmp(s + a, "où", 3));
    if (relative) continue;
    size_t c, d;
    if (!bl_word_at(s, b, p, &c, &d)) break;
    if (coord && !is_article(st, c, d)) continue;
    start = b;
  }
  return start;
}

/* Does [a, b) hold an auxiliary (a clause of its own, not an
 * apposition)? */
static bool holds_aux(bl_docstate *st, size_t a, size_t b) {
  const char *s = st->text.s;
  for (size_t p = a, x, y; bl_word_at(s, p, b, &x, &y); p = y)
    if (bl_word_aux(bl_word_class(st->g, s, x, y))) return true;
  return false;
}

/* Where the segment that ends at `at` starts: after the last , ; : or "
 * before it, no further back than `floor`. */
static size_t segment_start(const char *s, size_t floor, size_t at) {
  while (at > floor && s[at - 1] != ',' && s[at - 1] != ';' && s[at - 1] != ':' && s[at - 1] != '"') at--;
  return at;
}

static bl_nspan subject_before(bl_docstate *st, size_t a, size_t verb) {
  const char *s = st->text.s;
  /* "09h20 - Le préfet, Jacques Martin, a déclaré": a live page's time
   * and its dash are no part of the clause */
  for (size_t i = a; i + 3 < verb; i++)
    if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ') a = i + 3;
  /* "Dans les écoles, le principal syndicat, le SNUipp-FSU, annonce": a
   * leading phrase led by a preposition is no part of the subject */
  for (size_t x, y, z; bl_word_at(s, a, verb, &x, &y) && word_entry(st, x, y) &&
                       word_entry(st, x, y)->kind == WD_PREP && !other_ones(s, x, y, verb, &z);) {
    const char *comma = memchr(s + y, ',', verb - y);
    if (!comma) break;
    a = (size_t)(comma - s) + 1;
  }
  /* nor a leading time ("Mercredi soir, le porte-parole, X, avait annoncé") */
  const char *lead = memchr(s + a, ',', verb - a);
  if (lead && only_time(st, a, (size_t)(lead - s))) a = (size_t)(lead - s) + 1;
  /* nor a leading participle and its agent ("Joint par téléphone par
   * franceinfo, le président de la commune affirme", "Interrogé par l'AFP,") */
  size_t x0, y0, u0, v0;
  if (bl_word_at(s, a, verb, &x0, &y0) && bl_capital_at(s, x0) && bl_word_at(s, y0, verb, &u0, &v0) &&
      v0 - u0 == 3 && !memcmp(s + u0, "par", 3)) {
    const char *comma = memchr(s + v0, ',', verb - v0);
    if (comma) a = (size_t)(comma - s) + 1;
  }
  size_t p = verb;
  while (p > a && is_space((unsigned char)s[p - 1])) p--;
  size_t cs = p;
  /* a clause starts after , ; : " or a dash between spaces ("12h45 - Le
   * ministère fait état de") */
  while (cs > a && s[cs - 1] != ',' && s[cs - 1] != ';' && s[cs - 1] != ':' && s[cs - 1] != '"' &&
         !(s[cs - 1] == '-' && cs >= a + 2 && s[cs - 2] == ' ' && cs < p && s[cs] == ' '))
    cs--;
  if (cs == p && cs > a && s[cs - 1] == ',') {
    /* ", a annoncé X": an inverted verb, whose speaker follows; unless the
     * comma closes an apposition ("Le maire, Yves Le Goff, a annoncé"). */
    size_t q = segment_start(s, a, cs - 1);
    /* a relay after the apposition is no part of it: "Le porte-parole, le
     * colonel X, cité par l'agence TAP, a précisé" */
    if (q > a && s[q - 1] == ',' && relay_opens(s, q, cs - 1) && memchr(s + a, ',', q - 1 - a)) {
      q = segment_start(s, a, q - 1);
    }
    /* a clause of its own after "et": "L'UE a débloqué 300 000 euros, et le
     * Royaume-Uni, ancienne puissance coloniale, a promis 5 millions" */
    if (q > a && s[q - 1] == ',') {
      size_t r = segment_start(s, a, q - 1), x, y, u, v;
      if (r > a && bl_word_at(s, r, q - 1, &x, &y) &&
          (bl_word_is(s, x, y, "et") || bl_word_is(s, x, y, "mais")) && bl_word_at(s, y, q - 1, &u, &v) &&
          is_article(st, u, v))
        a = y;
    }
    /* a relative clause may hold commas of its own ("L'intersyndicale, qui
     * réunit la CGT, la CFDT et FO, a compté"): it opens at the first comma */
    size_t first_comma = a;
    while (first_comma < cs - 1 && s[first_comma] != ',') first_comma++;
    size_t rs, re;
    if (first_comma < cs - 1 && bl_word_at(s, first_comma + 1, cs, &rs, &re) &&
        ((re - rs == 3 && !strncmp(s + rs, "qui", 3)) || (re - rs == 4 && !strncmp(s + rs, "dont", 4))))
      q = first_comma + 1;
    if (q == a || s[q - 1] != ',' || memchr(s + a, ',', q - 1 - a) ||
        has_figure(st, (bl_nspan){a, q}))
      return (bl_nspan){0, 0};
    /* the apposition: a noun phrase, or a relative clause ("L'ONG X, qui
     * emploie 90 personnes, assure") that may hold figures of its own */
    static const char *const rel[] = {"qui", "que", "qu'", "dont", "où", NULL};
    size_t ws, we;
    bool relative = false;
    if (bl_word_at(s, q, cs, &ws, &we))
      for (size_t i = 0; rel[i]; i++)
        if (we - ws == strlen(rel[i]) && !strncmp(s + ws, rel[i], we - ws)) relative = true;
    if (!relative && has_figure(st, (bl_nspan){q, cs})) return (bl_nspan){0, 0};
  }
  cs = after_conjunction(st, cs, p);
  /* "L'Ocha a depuis revu ses données et fait état de": a verb coordinated
   * with one before shares its subject, before the first auxiliary */
  bl_nspan last = bl_word_before(s, cs, p);
  if (last.e - last.s == 2 && !memcmp(s + last.s, "et", 2))
    for (size_t x = cs, u, v; bl_word_at(s, x, last.s, &u, &v); x = v)
      if (u > cs && bl_word_aux(bl_word_class(st->g, s, u, v))) {
        p = u;
        break;
      }
  /* "2023, année au cours de laquelle l'ONG avait recensé": the subject
   * follows the relative pronoun of a clause that opens inside the phrase */
  for (size_t from = cs + 1, rs = 0, re = 0; from < p && bl_rx_match(st->g->rx_relative, &st->rx, s, p, from, 0) > 0;
       from = re) {
    bl_rx_group(&st->rx, 0, &rs, &re);
    cs = re;
  }
  bl_nspan np = clean_np(st, (bl_nspan){cs, p});
  size_t ws, we;
  bool relative = bl_word_at(s, cs, p, &ws, &we) && we - ws == 3 && !strncmp(s + ws, "qui", 3);
  if ((np.e <= np.s || relative) && cs > a) {
    /* ", qui a annoncé" or ", une ONG ..., affirme": the phrase that opens the sentence */
    size_t e = a;
    while (e < cs - 1 && s[e] != ',') e++;
    /* (a relative after a later comma is of the noun before it: "Des
     * voitures ont brûlé, et des projectiles ont été lancés sur les forces
     * de l'ordre, qui ont répliqué": not the voitures) */
    if (relative && e < cs - 1 && holds_aux(st, e + 1, cs - 1)) return (bl_nspan){0, 0};
    np = clean_np(st, (bl_nspan){a, e});
    /* not words quoted ("Des corps jonchent les rues », a-t-elle ajouté,
     * précisant que": the gerund's speaker is the pronoun's) */
    if (memchr(s + a, '"', e - a)) return (bl_nspan){0, 0};
    /* "Le président du conseil départemental, Bernard Aussel, chiffre": a
     * person is named by name (SPEC §6: the shortest form that says who) */
    size_t f = e + 1;
    while (f < cs - 1 && s[f] != ',') f++;
    /* "Le maire, cité par la chaîne X, a évoqué": the relay is no name */
    if (e < cs - 1 && f <= cs - 1 && s[f] == ',' && !relay_opens(s, e + 1, f)) {
      bl_nspan app = clean_np(st, (bl_nspan){e + 1, f});
      bl_nspan named = person_named(st, app); /* "le colonel Jean Dupont": Jean Dupont */
      /* (not when the phrase before names its own: "L'entreprise Terminaux
       * Norbaie, filiale du négociant Vardal Négoce SA, a annoncé") */
      bool own_name = false;
      /* (a capital after "de la" is a complement's: "Le porte-parole de la
       * Garde nationale, le colonel X") */
      for (size_t x = np.s, u, v, pu = 0, pv = 0; bl_word_at(s, x, np.e, &u, &v) && !own_name;
           pu = u, pv = v, x = v) {
        const bl_lexent *pw = pv ? word_entry(st, pu, pv) : NULL;
        bool complement = pw && (pw->kind == WD_DET || pw->kind == WD_PREP);
        own_name = u > np.s && bl_capital_at(s, u) && !complement;
      }
      if (is_name(st, (bl_nspan){e + 1, f})) np = app; /* the shortest form: the name */
      else if (!own_name && named.s > app.s && named.e == app.e) np = named;
    }
  }
  return np;
}

/* Segments after an inverted verb, split at commas: the first that holds a
 * capitalised word (a name), else the first. */
static bl_nspan inverted_speaker(bl_docstate *st, bl_nspan after) {
  const char *s = st->text.s;
  bl_nspan first = {0, 0}, capital = {0, 0};
  size_t p = after.s;
  for (int k = 0; k < 3 && p < after.e; k++) {
    size_t e = p;
    while (e < after.e && s[e] != ',') e++;
    size_t x0, y0, from = p;
    /* ", précise le ministre, cité par l'agence Reuters": the relay is
     * the channel (cite-par), no speaker */
    if (k > 0 && relay_opens(s, p, e)) break;
    /* past the first segment, none that opens on a relative (", a annoncé
     * le gouvernement nigérien, qui attribue le massacre"), on a clause
     * (a conjunction, or a word and "que": ", alors que la crue menaçait
     * Hanoï") or on a complement ("du Mali, de Côte d'Ivoire"), nor one
     * that holds an absolute participle ("les sept autres étant originaires
     * du Maroc": a `stop` word of words.tsv), says who */
    if (k > 0 && bl_word_at(s, p, e, &x0, &y0) &&
        (bl_word_is(s, x0, y0, "qui") || bl_word_is(s, x0, y0, "dont") || opens_clause(st, x0, y0, e) ||
         bl_of_word(s, x0, y0)))
      break;
    bool absolute = false;
    for (size_t q = p, x, y; k > 0 && !absolute && bl_word_at(s, q, e, &x, &y); q = y)
      absolute = bl_word_class(st->g, s, x, y) == WD_STOP;
    if (absolute) break;
    /* "a annoncé au Parisien le préfet": past whom it was told, at the
     * next article */
    if (bl_word_at(s, p, e, &x0, &y0) &&
        ((y0 - x0 == 2 && (!memcmp(s + x0, "au", 2) || !memcmp(s + x0, "à", 2))) ||
         (y0 - x0 == 3 && !memcmp(s + x0, "aux", 3)))) {
      for (size_t q = y0, x, y; bl_word_at(s, q, e, &x, &y); q = y)
        if (q > y0 && is_article(st, x, y)) {
          from = x;
          break;
        }
    }
    bl_nspan seg = cut_adverbial(st, clean_np(st, (bl_nspan){from, e}));
    /* ", ont rapporté quatre survivants": a counted group speaks; the
     * figure is its own claim, the group the speaker */
    size_t qi = bl_first_figure(st, seg.s);
    if (qi < st->q.n && st->q.v[qi].ns == seg.s && st->q.v[qi].ne < seg.e) {
      seg.s = st->q.v[qi].ne;
      while (seg.s < seg.e && is_space((unsigned char)s[seg.s])) seg.s++;
    }
    /* a speaker holds no figure: "Le bilan, publié mardi, faisait état de
     * 58 victimes" has none; "le ministère, qui fait état de 21 blessés"
     * is the ministère */
    if (holds_quantity(st, seg)) break;
    /* "a déclaré le maire à l'AFP": whom it was told is no part of who;
     * but an institution's name may hold "à" ("la Mission des Nations unies
     * au Soudan du Sud (MINUSS)", "le Haut-Commissariat aux droits de
     * l'homme": a capital, no person's name before, a common noun after) */
    size_t x, y, pe = 0;
    bool name_before = false, acronym = ends_in_acronym(s, seg);
    for (size_t q = past_title(s, seg); !acronym && bl_word_at(s, q, seg.e, &x, &y); pe = y, q = y) {
      if (x > seg.s && ((y - x == 2 && !memcmp(s + x, "à", 2)) || (y - x == 2 && !memcmp(s + x, "au", 2)) ||
                        (y - x == 3 && !memcmp(s + x, "aux", 3)))) {
        size_t u, v;
        if (bl_capital_at(s, seg.s) && !name_before && bl_word_at(s, y, seg.e, &u, &v) &&
            !bl_capital_at(s, u) && !is_article(st, u, v))
          break;
        seg.e = x;
        while (seg.e > seg.s && is_space((unsigned char)s[seg.e - 1])) seg.e--;
        break;
      }
      /* two capitalised words in a row: a person ("Emmanuel Macron aux journalistes") */
      if (pe && bl_capital_at(s, x) && x > seg.s) {
        size_t pa = pe;
        while (pa > seg.s && !is_space((unsigned char)s[pa - 1])) pa--;
        if (bl_capital_at(s, pa)) name_before = true;
      }
    }
    if (seg.e > seg.s) {
      if (!first.e) first = seg;
      /* "le préfet, Hervé Doumergue": the name says who; a role with a
       * capital ("la vice-ministre de la Santé, Daria Ostrovan") yields
       * to the name after it */
      if (is_name(st, seg)) return seg;
      for (size_t i = seg.s; i < seg.e && !capital.e; i++)
        if ((i == seg.s || s[i - 1] == ' ') && bl_capital_at(s, i)) capital = seg;
    }
    p = e + 1;
  }
  return capital.e ? capital : first;
}

/* The first match of attrib.pcre's `inverted` in [from, b).  The rule opens
 * on [,"] alone: with "^" as a third way in, PCRE2 found no first bytes to
 * look for and tried every position (2.4 times the cost).  What "^" read, a
 * verb that opens the text ("Annonce le préfet ..."), is the rule matched
 * at 0 behind a ',' put in front of the text.  At 0 the two cannot both
 * match (the verb cannot open on [,"]), so the first match is the same. */
static int search_inverted(bl_docstate *st, size_t from, size_t b) {
  const pcre2_code *re = st->g->rx_inverted;
  if (from == 0 && b > 0) {
    bl_buf *t = &st->scratch;
    bl_buf_reset(t);
    if (bl_buf_addc(t, ',') || bl_buf_add(t, st->text.s, b)) return -BL_NOMEM;
    int rc = bl_rx_match(bl_gram_anchored(st->g, re), &st->rx, t->ptr, b + 1, 0, PCRE2_ANCHORED);
    if (rc > 0) {
      /* back to offsets in the text; the match opens at 0, on no comma */
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->rx.md);
      for (uint32_t i = 0; i < 2 * pcre2_get_ovector_count(st->rx.md); i++)
        if (ov[i] != PCRE2_UNSET) ov[i] = ov[i] ? ov[i] - 1 : 0;
      return rc;
    }
  }
  return bl_rx_match(re, &st->rx, st->text.s, b, from, 0);
}

/* The rules of attrib.pcre that open on a word, searched through
 * st->attrib_pre (rx_pre.c). */
enum { PRE_SELON, PRE_DE_SOURCE, PRE_PAR_AGENT, PRE_VERB, PRE_SAME_SOURCE, PRE_COUNT_ };

static bl_prefilter *attrib_pre(bl_docstate *st) {
  if (!st->attrib_pre) {
    const bl_grammar *g = st->g;
    const pcre2_code *rules[PRE_COUNT_] = {g->rx_selon, g->rx_de_source, g->rx_par_agent, g->rx_verb,
                                           g->rx_same_source};
    st->attrib_pre = bl_pre_new(g, rules, PRE_COUNT_);
  }
  return st->attrib_pre;
}

/* Is the "selon" phrase [ms, me) a document named before, in the singular
 * with a definite article and no owner after its noun ("selon le
 * communiqué", "d'après ce bilan", "selon la mise à jour publiée jeudi"):
 * the source that issued it? */
static bool the_document(bl_docstate *st, size_t ms, size_t me, bl_nspan *doc) {
  const char *s = st->text.s;
  static const char *const dets[] = {"le", "la", "l'", "ce", "cet", "cette", NULL};
  size_t p = ms, a, b;
  if (!bl_word_at(s, p, me, &a, &b)) return false; /* "selon", "d'après" */
  bool definite = false, noun = false;
  for (p = b; bl_word_at(s, p, me, &a, &b); p = b) {
    if (!definite) {
      for (size_t i = 0; dets[i]; i++)
        definite = definite || (b - a == strlen(dets[i]) && !strncasecmp(s + a, dets[i], b - a));
      if (!definite) return false;
      doc->s = b;
      continue;
    }
    if (!noun) {
      const bl_lexent *e = word_entry(st, a, b);
      if (e && (e->kind == WD_PRENOMINAL || e->kind == WD_TIME)) continue; /* "le dernier bulletin" */
      if (!e || e->kind != WD_NOSRC || s[b - 1] == 's') return false;
      noun = true;
      continue;
    }
    /* after the noun, no owner ("le bilan du ministère") and no name */
    if (bl_capital_at(s, a)) return false;
    if (bl_of_word(s, a, b) || bl_word_is(s, a, b, "par") || bl_word_is(s, a, b, "auprès")) return false;
  }
  doc->e = p;
  while (doc->e > doc->s && is_space((unsigned char)s[doc->e - 1])) doc->e--;
  while (doc->s < doc->e && is_space((unsigned char)s[doc->s])) doc->s++;
  return noun;
}

/* "auprès de la police et de sources hospitalières": the first of two
 * sources joined by "et de" (the shortest form, SPEC §6); not "les
 * ministères de la Santé et de l'Intérieur", one name. */
static bl_nspan cut_second_source(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t a, b, x, y;
  /* an institution's name: "Service départemental d'incendie et de
   * secours (SDIS)", "Institut pour l'étude de la neige et des avalanches" */
  for (size_t p = sp.s; bl_word_at(s, p, sp.e, &a, &b); p = b)
    if (!word_entry(st, a, b)) {
      if (bl_capital_at(s, a) || ends_in_acronym(s, sp)) return sp;
      break;
    }
  for (size_t p = sp.s; bl_word_at(s, p, sp.e, &a, &b); p = b) {
    if (a == sp.s || !bl_word_is(s, a, b, "et") || !bl_word_at(s, b, sp.e, &x, &y) || !bl_of_word(s, x, y))
      continue;
    size_t u = x, v = y;
    if (!strncmp(s + x, "d'", 2)) u = x + 2; /* "d'organisations": its noun */
    else if (!bl_word_at(s, y, sp.e, &u, &v)) continue;
    const bl_lexent *w = word_entry(st, u, v);
    if (w && w->kind == WD_DET && !bl_word_at(s, v, sp.e, &u, &v)) continue;
    if (bl_capital_at(s, u)) continue;
    sp.e = a;
    while (sp.e > sp.s && is_space((unsigned char)s[sp.e - 1])) sp.e--;
    break;
  }
  return sp;
}

/* Is the word before `at` a form of "avoir" (`have` of words.tsv)? */
static bool have_before(const bl_docstate *st, size_t floor, size_t at) {
  bl_nspan w = bl_word_before(st->text.s, floor, at);
  return w.e > w.s && bl_word_class(st->g, st->text.s, w.s, w.e) == WD_HAVE;
}

/* Does the speech verb matched in [ms, me) cast a vote ("Zurich dit oui à
 * 51,9 %") or back a text ("ont soutenu le texte"), no speech? */
static bool vote_or_support(const bl_docstate *st, size_t ms, size_t me, size_t end) {
  const char *s = st->text.s;
  bl_nspan v = bl_word_before(s, ms, me);
  size_t x, y;
  if (!bl_word_at(s, me, end, &x, &y)) return false;
  if (bl_word_is(s, v.s, v.e, "dit")) return bl_word_is(s, x, y, "oui") || bl_word_is(s, x, y, "non");
  return bl_word_is(s, v.s, v.e, "soutenu") && bl_word_class(st->g, s, x, y) == WD_DET;
}

static void find_all(bl_docstate *st, size_t a, size_t b, cands *cs) {
  const bl_grammar *g = st->g;
  const char *s = st->text.s;
  memset(cs, 0, sizeof *cs);
  bl_prefilter *pre = attrib_pre(st);
  if (!pre || bl_pre_scan(pre, &st->rx, s, a, b)) {
    cs->nomem = true;
    return;
  }
  size_t ms = 0, me = 0;
  for (size_t from = a; from < b; from = me > from ? me : from + 1) {
    if (bl_pre_search(pre, PRE_SELON, from) <= 0) break;
    bl_rx_group(&st->rx, 0, &ms, &me);
    bl_nspan src = {0, 0}, orig = {0, 0}, none = {0, 0}, doc = {0, 0};
    named(st, g->rx_selon, "src", &src);
    if (named(st, g->rx_selon, "chan_src", &orig)) {
      /* "citant le vice-gouverneur de la province, Rahman Jalali,": the name */
      bl_nspan oname = apposed_name(st, orig, b);
      orig = oname.e > oname.s ? oname : clean_np(st, orig);
      src = clean_np(st, src);
      if (usable(st, orig)) add(cs, K_SELON, ms, orig, usable(st, src) ? src : none);
    } else if (bl_rx_match(g->rx_same_source, &st->rx, s, me, ms, 0) > 0) {
      add(cs, K_ANAPHOR, ms, none, none); /* "selon la même source" */
      bl_pre_search(pre, PRE_SELON, from);
      bl_rx_group(&st->rx, 0, &ms, &me);
    } else {
      /* "selon les enquêteurs jusqu'à 80 000 euros": a figure ends who */
      size_t qi = bl_first_figure(st, src.s);
      if (qi < st->q.n && st->q.v[qi].ns < src.e) {
        const bl_qty *fq = &st->q.v[qi];
        size_t cut = fq->he > fq->hs && fq->hs < fq->ns ? fq->hs : fq->ns;
        bl_nspan wb = bl_word_before(s, src.s, cut); /* (not "le Sdis 06") */
        if (cut > src.s && wb.e > wb.s && !bl_capital_at(s, wb.s) && !bl_word_class(st->g, s, wb.s, wb.e))
          src.e = cut; /* (nor "les témoignages des quatre survivants") */
        while (src.e > src.s && is_space((unsigned char)s[src.e - 1])) src.e--;
      }
      bl_nspan role = clean_np(st, src), name = apposed_name(st, src, b);
      src = cut_reached_by(st, owner_of(st, cut_second_source(st, role)));
      /* (not after "les résultats proclamés par la CNE": a document has its owner) */
      /* (but after "le bilan communiqué par la procureure, Line X." that
       * ends the sentence: the name) */
      size_t after = name.e;
      while (after < b && is_space((unsigned char)s[after])) after++;
      bool last = after >= b || s[after] == '.';
      if (name.e > name.s && src.e == role.e && (src.s == role.s || (src.s > role.s && last))) src = name;
      if (usable(st, src) && !names_a_figure(st, src)) add(cs, K_SELON, ms, src, none);
      /* "selon le communiqué": its issuer named before, else the document */
      else if (the_document(st, ms, me, &doc)) {
        add(cs, K_ANAPHOR, ms, none, none);
        if (cs->n) cs->v[cs->n - 1].doc = doc;
      }
      else cs->unnamed_selon = true;
    }
  }
  for (size_t from = a; from < b && bl_pre_search(pre, PRE_DE_SOURCE, from) > 0;
       from = me > from ? me : from + 1) {
    bl_nspan src;
    bl_rx_group(&st->rx, 0, &ms, &me);
    /* "établi à partir de sources locales": what a count is made from */
    if (bl_word_before_is(s, a, ms, "partir")) continue;
    if (named(st, g->rx_de_source, "src", &src)) add(cs, K_SELON, ms, src, (bl_nspan){0, 0});
    break;
  }
  for (size_t from = a; from < b; from = me > from ? me : from + 1) {
    if (bl_pre_search(pre, PRE_PAR_AGENT, from) <= 0) break;
    bl_rx_group(&st->rx, 0, &ms, &me);
    /* an active past is no passive: "l'OMS a recensé 868 cas d'infection
     * par le virus" */
    if (have_before(st, a, ms)) {
      me = ms + 1;
      continue;
    }
    bl_nspan src;
    if (named(st, g->rx_par_agent, "src", &src)) {
      src = cut_adverbial(st, clean_np(st, src)); /* "établi par l'AFP à partir de" */
      /* "communiqué par le ministre de l'Intérieur, Ihor Klymenko,": the name */
      bl_nspan name = apposed_name(st, src, b);
      if (name.e > name.s) src = name;
      if (usable(st, src)) add(cs, K_AGENT, ms, src, (bl_nspan){0, 0});
    }
  }
  /* (a match that names no speaker is searched again from its next byte:
   * ", fait état de 8 morts, a précisé la sécurité civile" holds the
   * speaker's own verb) */
  size_t before_match = 0;
  for (size_t from = a; from < b; from = cs->n > before_match && me > from ? me : ms + 1) {
    before_match = cs->n;
    int rc = search_inverted(st, from, b);
    if (rc == -BL_NOMEM) cs->nomem = true;
    if (rc <= 0) break;
    bl_rx_group(&st->rx, 0, &ms, &me);
    bl_nspan after = {0, 0}, pron = {0, 0};
    /* a verb of `quote` with no auxiliary ("poursuit") says someone spoke
     * only after a quotation: not "Les secouristes, appuyés par des
     * équipes, poursuivent leurs recherches" */
    bl_nspan qv;
    if (named(st, g->rx_inverted, "qv", &qv) && !named(st, g->rx_inverted, "pron", &pron) && s[ms] == ',' &&
        !(ms > a && s[ms - 1] == '"') && !(ms > a + 1 && s[ms - 1] == ' ' && s[ms - 2] == '"')) {
      bl_nspan aux = bl_word_before(s, a, qv.s); /* ", a lancé le ministre" speaks */
      if (!(aux.e > aux.s && bl_word_aux(bl_word_class(st->g, s, aux.s, aux.e)))) continue;
    }
    if (named(st, g->rx_inverted, "pron", &pron)) {
      if (!(pron.e - pron.s == 2 && !strncasecmp(s + pron.s, "on", 2)))
        add(cs, K_ANAPHOR, ms, (bl_nspan){0, 0}, (bl_nspan){0, 0});
      continue;
    }
    if (named(st, g->rx_inverted, "after", &after)) {
      /* ", a précisé la même source": the source named before */
      size_t sm = after.s;
      while (sm < after.e && (is_space((unsigned char)s[sm]) || s[sm] == ',')) sm++;
      if (bl_rx_match(bl_gram_anchored(g, g->rx_same_source), &st->rx, s, after.e, sm, PCRE2_ANCHORED) > 0) {
        add(cs, K_ANAPHOR, ms, (bl_nspan){0, 0}, (bl_nspan){0, 0});
        continue;
      }
      bl_nspan who = cut_reached_by(st, inverted_speaker(st, after));
      bl_nspan owner = owner_of(st, who);
      if (names_a_figure(st, who) && owner.s == who.s && owner.e == who.e) {
        /* ", précise le texte", ", indique le communiqué": the document of
         * the speaker named before */
        add(cs, K_ANAPHOR, ms, (bl_nspan){0, 0}, (bl_nspan){0, 0});
        continue;
      }
      who = owner;
      bl_nspan cited;
      if (named(st, g->rx_inverted, "cited", &cited)) {
        /* "des médias locaux citant la police": the police, relayed */
        bl_nspan src = cut_adverbial(st, clean_np(st, cited));
        if (usable(st, src) && plausible_subject(st, src) && !names_a_figure(st, src)) {
          add(cs, K_INVERTED, ms, src, usable(st, who) ? who : (bl_nspan){0, 0});
          continue;
        }
      }
      if (usable(st, who) && plausible_subject(st, who) && !names_a_figure(st, who))
        add(cs, K_INVERTED, ms, who, (bl_nspan){0, 0});
    }
  }
  for (size_t from = a; from < b; from = me > from ? me : from + 1) {
    if (bl_pre_search(pre, PRE_VERB, from) <= 0) break;
    bl_rx_group(&st->rx, 0, &ms, &me);
    /* a pronominal verb is no speech: "les recherches se poursuivent" */
    if (bl_word_before_is(s, a, ms, "se") || (ms >= a + 2 && s[ms - 1] == '\'' && s[ms - 2] == 's' &&
                                            (ms == a + 2 || !bl_is_letter((unsigned char)s[ms - 3]))))
      continue;
    if (vote_or_support(st, ms, me, b)) continue;
    bl_nspan fund_verb;
    bool fund = named(st, g->rx_verb, "fund", &fund_verb);
    bool tally = named(st, g->rx_verb, "tally", &fund_verb);
    /* "a décrété un deuil et annoncé": the subject of the verb before */
    bl_nspan coord;
    if (named(st, g->rx_verb, "coord", &coord)) ms = coord.s;
    size_t p = ms;
    while (p > a && is_space((unsigned char)s[p - 1])) p--;
    bl_nspan np = subject_before(st, a, ms);
    /* "Le ministre, X, qui coordonne le comité, a indiqué": the subject
     * before the relative clause */
    if (p > a && s[p - 1] == ',') {
      size_t r0 = p - 1, r1, r2;
      while (r0 > a && s[r0 - 1] != ',') r0--;
      /* (not a quotation's end: "« ..., qui ont permis ... », a déclaré") */
      if (r0 > a && bl_word_at(s, r0, p - 1, &r1, &r2) && bl_word_is(s, r1, r2, "qui") &&
          !memchr(s + r0, '"', p - r0))
        np = subject_before(st, a, r0 - 1);
    }
    size_t q0 = p, q1, q2;
    while (q0 > a && s[q0 - 1] != ',') q0--;
    if (bl_word_at(s, q0, ms, &q1, &q2) && q2 - q1 == 3 && !strncmp(s + q1, "qui", 3)) {
      /* "a indiqué le ministère, qui fait état de": the speaker before */
      bool found = false;
      for (size_t i = cs->n; i-- > 0 && !found;)
        if (cs->v[i].pos < q0 && cs->v[i].src.e > cs->v[i].src.s && cs->v[i].kind != K_AGENT) {
          np = cs->v[i].src;
          found = true;
        }
      /* "l'estimation de l'Organisation internationale pour les migrations
       * (OIM), qui faisait état de": the name that ends on its acronym */
      size_t close = q0 > a ? q0 - 1 : a; /* the comma before "qui", if any */
      while (close > a && is_space((unsigned char)s[close - 1])) close--;
      if (!found && close > a && s[close - 1] == ')' && ends_in_acronym(s, (bl_nspan){a, close})) {
        size_t start = close;
        while (start > a && s[start - 1] != '(') start--;
        np = (bl_nspan){start, close - 1};
      }
    }
    if (np.e > np.s && is_pronoun(st, np)) {
      if (!(np.e - np.s == 2 && !strncasecmp(s + np.s, "on", 2)))
        add(cs, K_ANAPHOR, ms, (bl_nspan){0, 0}, (bl_nspan){0, 0});
      continue;
    }
    np = owner_of(st, np);
    /* "Le feu, qui s'était déclaré jeudi, a été déclaré éteint vendredi, a
     * annoncé la préfecture": the noun is the subject of the verb phrase
     * between the commas, not of the verb of speech after it */
    bool inverted = false;
    if (p > a && s[p - 1] == ',') {
      size_t c0 = p - 1, w0, w1;
      while (c0 > a && s[c0 - 1] != ',') c0--;
      inverted = c0 > a && np.e <= c0 && bl_word_at(s, c0, p - 1, &w0, &w1) &&
                 bl_word_aux(bl_word_class(g, s, w0, w1));
    }
    if (!inverted && usable(st, np) && plausible_subject(st, np) && !names_a_figure(st, np)) {
      add(cs, K_SUBJ, ms, np, (bl_nspan){0, 0});
      if (fund && cs->n) cs->v[cs->n - 1].no_carry = true;
      if (tally && cs->n) cs->v[cs->n - 1].tally = cs->v[cs->n - 1].no_carry = true;
    }
  }
  if (bl_pre_search(pre, PRE_SAME_SOURCE, a) > 0) {
    bl_rx_group(&st->rx, 0, &ms, &me);
    add(cs, K_ANAPHOR, ms, (bl_nspan){0, 0}, (bl_nspan){0, 0});
  }
  if (bl_rx_match(g->rx_cite_par, &st->rx, s, b, a, 0) > 0) {
    bl_nspan ch;
    if (named(st, g->rx_cite_par, "chan", &ch)) {
      ch = clean_np(st, ch);
      if (usable(st, ch)) cs->cite_chan = ch;
    }
  }
}

/* Is the participle at `at` a document's ("Un bilan précédent, communiqué
 * par", "le rapport publié par"): a noun of `nosrc` (words.tsv) among the
 * two words before it, past commas? */
static bool document_before(const bl_docstate *st, size_t at) {
  const char *s = st->text.s;
  for (int k = 0; k < 2; k++) {
    while (at > 0 && (is_space((unsigned char)s[at - 1]) || s[at - 1] == ',')) at--;
    bl_nspan w = bl_word_before(s, 0, at);
    if (w.e <= w.s) return false;
    if (bl_word_class(st->g, s, w.s, w.e) == WD_NOSRC) return true;
    at = w.s;
  }
  return false;
}

/* Is the subject sp a name with no article before it ("Lanaudière compte
 * huit cas": a place that holds them; "la préfecture compte" counts)? */
static bool bare_name(const bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  if (sp.e <= sp.s || !bl_capital_at(s, sp.s)) return false;
  bl_nspan det = bl_word_before(s, sp.s > 8 ? sp.s - 8 : 0, sp.s);
  const bl_lexent *w = det.e > det.s ? bl_lex_find(&st->g->words, s + det.s, det.e - det.s) : NULL;
  return !(w && w->kind == WD_DET) && !(sp.s >= 2 && s[sp.s - 1] == '\'');
}

/* The attribution that governs a claim at [cs, ce) of the sentence; NULL if none. */
static const cand *choose(const bl_docstate *st, const cands *cs, size_t c_s, size_t c_e,
                          bool denied, const cand **relay) {
  const cand *best = NULL;
  *relay = NULL;
  /* a denied figure's agent stated it ("a démenti le chiffre de 230 morts
   * avancé par l'opposition"): the denial is the speaker's */
  for (size_t i = 0; i < cs->n && !denied; i++) {
    const cand *c = &cs->v[i];
    if (c->kind == K_AGENT && c->pos >= c_e && c->pos - c_e <= AGENT_REACH &&
        !memchr(st->text.s + c_e, ',', c->pos - c_e))
      return c;
    /* the participle before the figure, its agent after it: "estimés à 15
     * millions d'euros par la chambre d'agriculture" */
    if (c->kind == K_AGENT && c->pos < c_s && c->src.s >= c_e && c->src.s - c_e <= AGENT_REACH &&
        !memchr(st->text.s + c->pos, ',', c->src.s - c->pos))
      return c;
  }
  /* "selon X": the first after the claim ("1,2 million selon les
   * syndicats, 320 000 selon la police"), else the last before it.  Past
   * another figure, a "selon" is that figure's when the claim has a speaker
   * of its own before it ("la police a compté 87 000 manifestants, contre
   * 500 000 selon le syndicat"). */
  bool own_speaker = false;
  for (size_t i = 0; i < cs->n; i++)
    if (cs->v[i].kind == K_SUBJ && cs->v[i].pos < c_s) own_speaker = true;
  const cand *selon = NULL;
  for (size_t i = 0; i < cs->n; i++) {
    const cand *c = &cs->v[i];
    if (c->kind != K_SELON) continue;
    if (c->pos >= c_e && own_speaker && holds_quantity(st, (bl_nspan){c_e, c->pos})) continue;
    if (c->pos >= c_e) {
      if (!selon || selon->pos < c_e || c->pos < selon->pos) selon = c;
    } else if (!selon || (selon->pos < c_e && c->pos > selon->pos)) {
      selon = c;
    }
  }
  if (selon && selon->pos < c_s) {
    /* "D'après notre décompte, neuf morts : à Combeliane, la municipalité
     * fait état de deux décès": past a ':' or ';', a clause with a speaker
     * of its own before the claim is that speaker's */
    const char *t = st->text.s;
    for (size_t i = 0; i < cs->n; i++) {
      const cand *c = &cs->v[i];
      if (c->kind != K_SUBJ || c->pos <= selon->pos || c->pos >= c_s || c->src.s <= selon->pos)
        continue;
      size_t n = c->src.s - selon->pos;
      if ((memchr(t + selon->pos, ':', n) || memchr(t + selon->pos, ';', n)) &&
          (!best || c->pos > best->pos))
        best = c;
    }
    if (best) return best;
  }
  /* "Bakou a fait état de 80 soldats tués, selon l'agence APA": the agency
   * relays what the speaker before the claim said */
  if (selon && selon->pos >= c_e) {
    const char *t = st->text.s;
    const cand *subj = NULL;
    for (size_t i = 0; i < cs->n; i++) {
      const cand *c = &cs->v[i];
      if (c->kind == K_SUBJ && c->pos < c_s && c->src.e > c->src.s && !c->no_carry &&
          (!subj || c->pos > subj->pos))
        subj = c; /* a speaker, not a verb of means ("a mobilisé des bénévoles") */
    }
    /* the claim in the speaker's clause: no comma between but one that opens
     * its parts (", dont au moins 15 civils"); not "tandis que 5 814 décès" */
    bool same_clause = subj && !memchr(t + subj->pos, ';', selon->pos - subj->pos) &&
                       !memchr(t + subj->pos, ':', selon->pos - subj->pos);
    for (size_t p = subj ? subj->pos : c_s, a, b; same_clause && p < c_s; p++)
      if (t[p] == ',' && !(bl_word_at(t, p + 1, c_s, &a, &b) && b - a == 4 && !memcmp(t + a, "dont", 4)))
        same_clause = false;
    if (same_clause) {
      /* "selon l'organisation" after "l'ONU a recensé" names the ONU again */
      size_t a, b;
      bool one_word = bl_word_at(t, selon->src.s, selon->src.e, &a, &b) && b == selon->src.e;
      if (!one_word) *relay = selon;
      return subj;
    }
  }
  if (selon) return selon;
  /* "Un bilan précédent, communiqué par des sources locales, faisait état
   * de 20 morts": the agent of a document named before the claim */
  for (size_t i = 0; i < cs->n; i++) {
    const cand *c = &cs->v[i];
    if (c->kind == K_AGENT && c->src.e <= c_s && document_before(st, c->pos)) return c;
  }
  /* the nearest speech verb before the claim */
  for (size_t i = 0; i < cs->n; i++) {
    const cand *c = &cs->v[i];
    if (c->kind == K_SUBJ && c->pos < c_s && (!best || c->pos > best->pos)) best = c;
  }
  if (best) {
    for (size_t i = 0; i < cs->n; i++)
      if (cs->v[i].kind == K_INVERTED && cs->v[i].pos > c_e) {
        /* "L'Australie a promis une aide de 2,5 millions de dollars, a
         * annoncé Penny Wong": a verb of means names who gives, the verb of
         * speech after it who said so */
        if (best->no_carry && (!best->tally || bare_name(st, best->src))) return &cs->v[i];
        *relay = &cs->v[i];
      }
    return best;
  }
  /* a speaker named after the claim (", a indiqué X"); a speech verb whose
   * subject comes after the claim is about something else */
  for (size_t i = 0; i < cs->n; i++)
    if (cs->v[i].kind == K_INVERTED) return &cs->v[i];
  for (size_t i = 0; i < cs->n; i++)
    if (cs->v[i].kind == K_ANAPHOR) return &cs->v[i];
  return NULL;
}

/* Is the phrase the speaker's own ("nos équipes", "notre ONG")?  Looks at the
 * possessive just before the cleaned phrase. */
static bool first_person(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t e = sp.s;
  while (e > 0 && is_space((unsigned char)s[e - 1])) e--;
  size_t b = e;
  while (b > 0 && ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || (s[b - 1] >= 'A' && s[b - 1] <= 'Z'))) b--;
  static const char *const mine[] = {"nos", "notre", "mes", "mon", "ma", NULL};
  for (size_t i = 0; mine[i]; i++)
    if (e - b == strlen(mine[i]) && !strncasecmp(s + b, mine[i], e - b)) return true;
  return false;
}

/* Quotations of the line: pairs of '"' (all quotation marks are '"' in the
 * normalised text). Returns the index of the quote [qs, qe) holding pos, -1. */
typedef struct quote {
  size_t s, e;
  bl_nspan speaker;
} quote;

/* Outermost quotations of [a, b), nested ones (“...” inside «...») kept
 * inside; a closing mark with nothing open opens (reversed guillemets). */
static size_t find_quotes(bl_docstate *st, size_t a, size_t b, quote *q, size_t cap) {
  const char *s = st->text.s;
  size_t n = 0, depth = 0, open = 0;
  for (size_t i = a; i < b && n < cap; i++) {
    const char *qm = memchr(s + i, '"', b - i);
    if (!qm) break;
    i = (size_t)(qm - s);
    int side = bl_text_quote_side(&st->text, i);
    bool opening = side > 0 || depth == 0 || (side == 0 && depth == 0);
    if (side == 0 && depth > 0) opening = false;
    if (opening && side >= 0 && depth > 0 && side > 0) {
      depth++;
      continue;
    }
    if (opening) {
      if (depth == 0) open = i;
      depth++;
    } else {
      if (depth > 0 && --depth == 0) {
        q[n].s = open;
        q[n].e = i + 1;
        q[n].speaker.s = q[n].speaker.e = 0;
        n++;
      }
    }
  }
  return n;
}

/* "X a compté 81 000 manifestants, le syndicat 700 000": a figure after a
 * comma or "et" and a noun phrase opened by an article, the speech verb (at
 * `verb`) left out; the phrase is the figure's speaker. */
static bl_nspan gapped_subject(bl_docstate *st, size_t verb, size_t at) {
  const char *s = st->text.s;
  size_t p = at;
  while (p > verb && is_space((unsigned char)s[p - 1])) p--;
  size_t comma = p;
  /* (or "et" alone: "la police a recensé 1,28 million de manifestants et
   * la CGT plus de 3,5 millions") */
  bool and = false;
  while (comma > verb && p - comma < 60 && s[comma - 1] != ',' && !(s[comma - 1] >= '0' && s[comma - 1] <= '9') &&
         !(and = comma - verb >= 4 && !memcmp(s + comma - 4, " et ", 4)))
    comma--;
  if (comma <= verb || (s[comma - 1] != ',' && !and)) return (bl_nspan){0, 0};
  size_t a, b;
  if (bl_word_at(s, comma, p, &a, &b) && b - a == 2 && !memcmp(s + a, "et", 2)) comma = b; /* ", et les syndicats 25 000" */
  if (!bl_word_at(s, comma, p, &a, &b) || !is_article(st, a, b)) return (bl_nspan){0, 0};
  bl_nspan np = clean_np(st, (bl_nspan){comma, p});
  return usable(st, np) && plausible_subject(st, np) ? np : (bl_nspan){0, 0};
}

/* Is the claim on a heading: a line of its own, short, with no closing
 * mark ("Le bilan passe à huit morts" over the paragraph that tells it), or
 * a bullet of a live page's summary ("• Trois personnes sont toujours
 * portées disparues.")?  A headline names its source or has none: it
 * inherits none. */
static bool on_heading(const bl_docstate *st, const bl_cl *c) {
  const bl_line *l = &st->seg.lines[st->seg.sents[c->sent].line];
  const char *s = st->text.s;
  size_t b = l->s;
  while (b < l->e && (s[b] == ' ' || s[b] == '\t')) b++;
  if (l->e - b >= 3 && (!memcmp(s + b, "•", 3) || !memcmp(s + b, "▶", 3) || !memcmp(s + b, "►", 3)))
    return true;
  size_t e = l->e;
  while (e > l->s && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
  if (e <= l->s || e - l->s > 100) return false;
  char last = s[e - 1];
  return last != '.' && last != '!' && last != '?' && last != '"' && last != ')' && last != ':' &&
         last != ';' && last != ',';
}

/* May the tally verb of `w` ("compte") name the source of claim c: a toll
 * or a crowd, the first figure after the verb? */
static bool tally_of(const bl_docstate *st, const cand *w, const bl_cl *c) {
  if (!c->toll && c->category != BL_CAT_PARTICIPANTS) return false;
  /* "La province d'Al-Haouz compte à elle seule 1 643 décès": an area holds
   * its dead, it does not count them */
  size_t x, y;
  const bl_lexent *area = bl_word_at(st->text.s, w->src.s, w->src.e, &x, &y)
                              ? bl_lex_find(&st->g->places, st->text.s + x, y - x)
                              : NULL;
  if (area && area->kind == PL_AREA) return false;
  if (c->text.s < w->pos) return true; /* a figure before the verb: as any speech */
  size_t first = bl_first_figure(st, w->pos);
  return first < st->q.n && st->q.v[first].ne >= c->text.e;
}

/* Is the speaker at `who` a witness, someone the press sets apart from the
 * authorities by an apposition of age ("a raconté Karim, 34 ans, un
 * voisin") or by a first name alone before an indefinite role ("raconte
 * Youssef, un habitant de Moulay Brahim"; not "Jean Dupont, un responsable
 * de l'ONU")?  A witness tells what they saw: the narration after their
 * words is not theirs. */
static bool witness(const bl_docstate *st, bl_nspan who, size_t end) {
  const char *s = st->text.s;
  size_t p = who.e, a, b, x, y;
  /* "a raconté un témoin", "une habitante du quartier": witnesses.tsv */
  bl_nspan det = bl_word_before(s, who.s > 8 ? who.s - 8 : 0, who.s);
  if (det.e - det.s >= 2 && det.e - det.s <= 3 && !strncmp(s + det.s, "un", 2) &&
      bl_word_at(s, who.s, who.e, &x, &y) && bl_lex_find(&st->g->witnesses, s + x, y - x))
    return true;
  while (p < end && s[p] == ' ') p++;
  if (p >= end || s[p] != ',' || !bl_word_at(s, p + 1, end, &a, &b)) return false;
  bool first_name = bl_word_at(s, who.s, who.e, &x, &y) && y == who.e && bl_capital_at(s, x);
  if (first_name && ((b - a == 2 && !memcmp(s + a, "un", 2)) || (b - a == 3 && !memcmp(s + a, "une", 3))))
    return true;
  return s[a] >= '0' && s[a] <= '9' && bl_word_at(s, b, end, &x, &y) && y - x == 3 &&
         !memcmp(s + x, "ans", 3);
}

/* A role followed by a person's name names the person (SPEC §6: the
 * shortest form that says who): "le président kazakh Kasim-Jomart Tokaïev",
 * "l'avocate Me Sanne De Clerck", "le ministre de l'Intérieur Gérald
 * Darmanin" (after "de", the first capitalised word is the role's own:
 * three at least, so that "les autorités de Hong Kong" stay whole).  Two
 * capitalised words at least: "le président Macron" stays as written. */
static bl_nspan person_named(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t ws[24], we[24], n = 0, a, b;
  for (size_t p = sp.s; n < 24 && bl_word_at(s, p, sp.e, &a, &b); p = b) {
    ws[n] = a;
    we[n++] = b;
  }
  if (n < 3 || we[n - 1] != sp.e) return sp;
  size_t run = n;
  while (run > 0 && bl_capital_at(s, ws[run - 1])) run--;
  size_t k = n - run;
  if (run == 0 || k < 2) return sp;
  size_t pa = ws[run - 1], pb = we[run - 1];
  bool of = (pb - pa == 2 && (!memcmp(s + pa, "de", 2) || !memcmp(s + pa, "du", 2) ||
                              !memcmp(s + pa, "d'", 2) || !memcmp(s + pa, "l'", 2) ||
                              !memcmp(s + pa, "la", 2))) ||
            (pb - pa == 3 && !memcmp(s + pa, "des", 3));
  if (of) {
    if (k < 3) return sp;
    run++;
  }
  return (bl_nspan){ws[run], sp.e};
}

/* The speaker a cleft at the sentence's start names ("C'est ce qu'a annoncé
 * mardi le président de la société civile, X": X), or none. */
static bl_nspan cleft_speaker(bl_docstate *st, const bl_sent *sn) {
  bl_nspan none = {0, 0}, after;
  const char *s = st->text.s;
  if (sn->e - sn->s < 12 || (s[sn->s] != 'C' && s[sn->s] != 'c') ||
      bl_rx_match(bl_gram_anchored(st->g, st->g->rx_cleft), &st->rx, s, sn->e, sn->s, PCRE2_ANCHORED) <= 0 ||
      !named(st, st->g->rx_cleft, "after", &after))
    return none;
  bl_nspan who = owner_of(st, cut_reached_by(st, inverted_speaker(st, after)));
  return usable(st, who) && plausible_subject(st, who) && !names_a_figure(st, who) ? who : none;
}

int bl_attribute_line(bl_docstate *st, size_t sfirst, size_t slast, size_t first, bool carry,
                      bl_error *err) {
  if (sfirst >= slast) return BL_OK;
  const bl_line *line = &st->seg.lines[st->seg.sents[sfirst].line];
  bl_nspan para_src = {0, 0}, para_chan = {0, 0};
  bool have = false, para_witness = false;
  if (carry && st->para_src.e > st->para_src.s) {
    para_src = st->para_src;
    para_chan = st->para_chan;
    para_witness = st->para_witness;
    have = true;
  }
  /* Speakers of the line's quotations: the attribution right after the
   * closing quote, else right before the opening one. */
  quote qs[32];
  size_t nq = find_quotes(st, line->s, line->e, qs, BL_ARRAY_LEN(qs));
  for (size_t k = 0; k < nq; k++) {
    /* only a quotation that holds a claim needs its speaker */
    bool holds = false;
    for (size_t c = first; c < st->cl.n && !holds; c++)
      holds = qs[k].s <= st->cl.v[c].text.s && st->cl.v[c].text.e <= qs[k].e;
    if (!holds) continue;
    cands after, before;
    size_t end = line->e, start = line->s;
    for (size_t j = sfirst; j < slast; j++) {
      const bl_sent *sn = &st->seg.sents[j];
      if (sn->s <= qs[k].e && qs[k].e <= sn->e + 1) end = sn->e;
      if (sn->s <= qs[k].s && qs[k].s < sn->e) start = sn->s;
    }
    find_all(st, qs[k].e - 1, end, &after);
    if (after.nomem) return bl_fail(err, BL_NOMEM, "out of memory");
    for (size_t i = 0; i < after.n; i++)
      if (after.v[i].kind == K_INVERTED && after.v[i].pos <= qs[k].e + 3) {
        qs[k].speaker = after.v[i].src;
        break;
      }
    if (!qs[k].speaker.e && qs[k].s > start) {
      find_all(st, start, qs[k].s, &before);
      if (before.nomem) return bl_fail(err, BL_NOMEM, "out of memory");
      for (size_t i = 0; i < before.n; i++)
        if (before.v[i].kind == K_SUBJ) qs[k].speaker = before.v[i].src;
    }
  }
  size_t ci = first;
  for (size_t si = sfirst; si < slast; si++) {
    const bl_sent *sn = &st->seg.sents[si];
    size_t cend = ci;
    while (cend < st->cl.n && st->cl.v[cend].sent == si) cend++;
    cands cs;
    find_all(st, sn->s, sn->e, &cs);
    if (cs.nomem) return bl_fail(err, BL_NOMEM, "out of memory");
    bl_nspan sent_src = {0, 0}, sent_chan = {0, 0};
    bool sent_witness = false;
    bl_nspan cleft = cleft_speaker(st, sn);
    if (cleft.e > cleft.s) {
      /* "C'est ce qu'a annoncé X": X said the sentence before */
      for (size_t k = ci; k-- > first && st->cl.v[k].sent + 1 == si;) {
        bl_cl *c = &st->cl.v[k];
        if (c->source.e <= c->source.s && !c->background) c->source = person_named(st, cleft);
      }
      sent_src = cleft;
    }
    for (size_t k = ci; k < cend; k++) {
      bl_cl *c = &st->cl.v[k];
      const cand *relay;
      const cand *w = choose(st, &cs, c->text.s, c->text.e, c->negated && c->q.value != 0, &relay);
      /* "La ville compte 40 000 habitants" holds them: "compter" says who
       * counted a toll or a crowd only, the first figure after it ("La
       * commune compte 12 500 habitants et 1 460 personnes ont été
       * évacuées" names no source of the 1 460) */
      cands rest; /* (w and relay may point here) */
      if (w && w->tally && !tally_of(st, w, c)) {
        rest = cs;
        rest.n = 0;
        for (size_t i = 0; i < cs.n; i++)
          if (!cs.v[i].tally) rest.v[rest.n++] = cs.v[i];
        w = choose(st, &rest, c->text.s, c->text.e, c->negated && c->q.value != 0, &relay);
      }
      /* a figure inside a source's name ("les autorités des deux pays") is no claim */
      for (size_t i = 0; i < cs.n; i++)
        if (cs.v[i].kind != K_INVERTED && cs.v[i].src.s <= c->text.s && c->text.e <= cs.v[i].src.e)
          c->dropped = true;
      bl_nspan src = {0, 0}, chan = {0, 0};
      bl_nspan gap = {0, 0};
      if (w && w->kind == K_SUBJ && c->subject_of >= 0) gap = gapped_subject(st, w->pos, c->text.s);
      if (gap.e > gap.s) {
        src = gap; /* "la police a compté 81 000 manifestants, le syndicat 700 000" */
      } else if (w && w->src.e > w->src.s) {
        src = w->src;
        chan = w->chan.e > w->chan.s ? w->chan : relay ? relay->src : cs.cite_chan;
        c->source_local = w->no_carry;
      } else if (w) { /* an anaphor */
        src = have ? para_src : st->last_src;
        chan = cs.cite_chan.e ? cs.cite_chan : have ? para_chan : st->last_chan;
      }
      /* inside a quotation: its speaker, unless the sentence names another
       * ("« Nos équipes ont dénombré 45 morts », affirme X": "nos équipes"
       * are the speaker's own) */
      for (size_t q = 0; q < nq && (!w || w->kind == K_ANAPHOR || first_person(st, w->src)); q++)
        if (qs[q].s <= c->text.s && c->text.e <= qs[q].e && qs[q].speaker.e) {
          src = qs[q].speaker;
          chan = (bl_nspan){0, 0};
        }
      /* "selon les chiffres officiels", "selon un premier bilan": the
       * sentence says where the figure is from, and names nobody; no
       * speaker before is its source */
      if (src.e <= src.s && cs.unnamed_selon) c->background = true;
      bool heading = on_heading(st, c) && !carry; /* a list item after "...:" is no heading */
      if (src.e <= src.s && have && !para_witness && !c->background && !heading) {
        src = para_src;
        chan = para_chan;
      }
      if (src.e <= src.s && !c->background && !heading) {
        src = st->issuer;
        chan = (bl_nspan){0, 0};
      }
      /* "selon le dernier bulletin" with no issuer named before: the document */
      if (w && w->kind == K_ANAPHOR) c->document = w->doc;
      if (c->population) src = chan = c->document = (bl_nspan){0, 0};
      c->source = person_named(st, src);
      c->channel = chan;
    }
    /* The sentence's own speaker (not an agent of one figure) carries over. */
    if (cs.n) {
      const cand *relay;
      const cand *w = choose(st, &cs, sn->e, sn->e, false, &relay);
      if (w && w->no_carry) {
        /* money or means announced: no speaker goes on, but the one who
         * said so ("Le Brésil a enregistré un million de cas, a annoncé le
         * ministère") */
        for (size_t i = 0; i < cs.n && !sent_src.e; i++)
          if (cs.v[i].kind == K_INVERTED && cs.v[i].pos > w->pos && cs.v[i].src.e > cs.v[i].src.s) {
            sent_src = cs.v[i].src;
            sent_chan = cs.v[i].chan;
            sent_witness = witness(st, cs.v[i].src, sn->e);
          }
      } else if (w && w->src.e > w->src.s) {
        sent_src = w->src;
        sent_chan = w->chan.e > w->chan.s ? w->chan : relay ? relay->src : cs.cite_chan;
        sent_witness = witness(st, w->src, sn->e);
      } else if (w && (have || st->last_src.e > st->last_src.s)) {
        sent_src = have ? para_src : st->last_src;
        sent_chan = have ? para_chan : st->last_chan;
        sent_witness = have && para_witness;
      }
    } else if (cend == ci && sn->e > sn->s && st->text.s[sn->e - 1] == ':') {
      /* "Le dernier bilan de la préfecture :" before a list: the owner of
       * the document the line names */
      bl_nspan doc = clean_np(st, (bl_nspan){sn->s, sn->e - 1});
      bl_nspan owner = names_a_figure(st, doc) ? owner_of(st, doc) : (bl_nspan){0, 0};
      /* a determined owner or a name: not "Bilan par département :" */
      bl_nspan det = owner.s > doc.s ? bl_word_before(st->text.s, doc.s, owner.s) : owner;
      const bl_lexent *dw = det.e > det.s ? word_entry(st, det.s, det.e) : NULL;
      bool elided = owner.s >= 2 && st->text.s[owner.s - 1] == '\'';
      if (owner.s > doc.s && usable(st, owner) &&
          (bl_capital_at(st->text.s, owner.s) || elided || (dw && dw->kind == WD_DET)))
        sent_src = owner;
    }
    /* "4 200 selon la préfecture, 10 000 selon l'intersyndicale": figures
     * disputed between sources; the sentences after belong to neither */
    bool disputed = false;
    for (size_t k = ci + 1; k < cend && !disputed; k++) {
      const bl_cl *x = &st->cl.v[k], *y = &st->cl.v[ci];
      disputed = x->source.e > x->source.s && y->source.e > y->source.s &&
                 (x->source.s != y->source.s || x->source.e != y->source.e) &&
                 !x->source_local && !y->source_local && x->category == y->category &&
                 x->of < 0 && y->of < 0;
    }
    if (disputed) {
      sent_src = (bl_nspan){0, 0};
      para_src = para_chan = (bl_nspan){0, 0};
      have = false;
    }
    if (sent_src.e > sent_src.s) {
      para_src = sent_src;
      para_chan = sent_chan;
      /* a witness's words go on ("Selon lui, ..."), the narration is not theirs */
      para_witness = sent_witness;
      have = true;
      st->last_src = sent_src;
      st->last_chan = sent_chan;
    }
    ci = cend;
  }
  st->para_src = para_src;
  st->para_chan = para_chan;
  st->para_witness = para_witness;
  return BL_OK;
}

void bl_attribute_issuer(bl_docstate *st) {
  const char *s = st->text.s;
  st->issuer.s = st->issuer.e = 0;
  for (size_t li = 0; li < st->seg.nlines && li < 40; li++) {
    const bl_line *l = &st->seg.lines[li];
    if (bl_rx_match(bl_gram_anchored(st->g, st->g->rx_press), &st->rx, s, l->e, l->s, PCRE2_ANCHORED) <= 0)
      continue;
    /* The issuer: the capitalised lines at the top ("PRÉFET" / "DE
     * SORVÈNE-ET-LAUZE"), joined while each continues the previous. */
    size_t from = SIZE_MAX, to = 0;
    for (size_t k = 0; k < li; k++) {
      const bl_line *h = &st->seg.lines[k];
      if (h->e <= h->s) {
        if (from != SIZE_MAX) break;
        continue;
      }
      bool caps = true;
      for (size_t i = h->s; i < h->e && caps; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z') caps = false;
        if (c == 0xC3 && i + 1 < h->e && (unsigned char)s[i + 1] >= 0xA0) caps = false;
      }
      if (!caps) {
        if (from != SIZE_MAX) break;
        continue;
      }
      if (from == SIZE_MAX) from = h->s;
      to = h->e;
    }
    /* else the first line, a name in ordinary case ("Préfecture du Bas-Rhin") */
    for (size_t k = 0; k < li && from == SIZE_MAX; k++) {
      const bl_line *h = &st->seg.lines[k];
      size_t e = h->e;
      while (e > h->s && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
      if (e <= h->s) continue;
      if (e - h->s <= 80 && bl_capital_at(s, h->s) && !strchr(".:;!?", s[e - 1])) {
        from = h->s;
        to = e;
      }
      break;
    }
    if (from != SIZE_MAX && to > from) {
      st->issuer.s = from;
      st->issuer.e = to;
    }
    return;
  }
}

/* Is the source o set in apposition with the noun s[a, b) ("l'Observatoire
 * (OODH), une organisation non gouvernementale": "selon l'organisation"
 * is the OODH)? */
static bool named_as(const bl_docstate *st, bl_nspan o, size_t a, size_t b) {
  const char *s = st->text.s;
  size_t p = o.e, n = st->text.n;
  if (o.e <= o.s) return false;
  while (p < n && s[p] == ' ') p++;
  if (p >= n || s[p] != ',') return false;
  size_t x, y;
  if (!bl_word_at(s, p + 1, n, &x, &y)) return false;
  const bl_lexent *w = bl_lex_find(&st->g->words, s + x, y - x);
  if (!w || w->kind != WD_DET || !bl_word_at(s, y, n, &x, &y)) return false;
  return y - x == b - a && !strncasecmp(s + x, s + a, b - a);
}

/* Does the noun at p complement another ("directeur de l'ONG", "du
 * syndicat", "de la fondation")? */
static bool complement_at(const char *s, size_t p) {
  size_t floor = p > 16 ? p - 16 : 0;
  bl_nspan de = bl_word_before(s, floor, p > 0 && s[p - 1] == '\'' ? p - 1 : p); /* "l'", "d'": its letter */
  if (de.e - de.s == 1 && s[de.s] == 'd') return true;
  if (bl_of_word(s, de.s, de.e)) return true;
  if (de.e <= de.s) return false;
  /* "de l'ONG", "de la fondation" */
  return bl_word_before_is(s, floor, de.s, "de");
}

/* Was the name o set in apposition after a role that holds the word
 * s[a..b) ("le ministre de l'Information de l'État, William Wol": "le
 * ministre" later is William Wol)? */
static bool role_of(const bl_docstate *st, bl_nspan o, size_t a, size_t b) {
  const char *s = st->text.s;
  size_t q = o.s;
  while (q > 0 && is_space((unsigned char)s[q - 1])) q--;
  if (q == 0 || s[q - 1] != ',' || !bl_capital_at(s, o.s)) return false;
  size_t n = b - a, floor = q > 80 ? q - 80 : 0;
  for (size_t p = q - 1; p > floor + n; p--) {
    char c = s[p - 1];
    if (c == '.' || c == ';' || c == ':' || c == '"' || c == '\n') break;
    size_t w = p - n;
    if (!strncasecmp(s + w, s + a, n) && !bl_is_letter((unsigned char)s[p]) &&
        (w == 0 || !bl_is_letter((unsigned char)s[w - 1])))
      return !complement_at(s, w); /* (not "le directeur de l'ONG, X") */
  }
  return false;
}

/* The name of which the capitalised word s[a, b) is the last word, the
 * first time the text before `limit` gave it whole ("Purusi" after
 * "Jean-Jacques Purusi"); {a, b} when it never did. */
static bl_nspan name_given_before(const bl_docstate *st, size_t a, size_t b, size_t limit) {
  const char *s = st->text.s;
  bl_nspan found = {a, b};
  size_t n = b - a;
  for (size_t h = 0; h + n <= limit; h++) {
    const char *hit = memchr(s + h, s[a], limit - h);
    if (!hit) break;
    h = (size_t)(hit - s);
    if (h + n > limit || memcmp(hit, s + a, n)) continue;
    size_t e = h + n;
    if (e < st->text.n && ((unsigned char)s[e] >= 'a' && (unsigned char)s[e] <= 'z')) continue;
    bl_nspan first = bl_word_before(s, h > 40 ? h - 40 : 0, h);
    while (first.s > 1 && s[first.s - 1] == '-' && bl_capital_at(s, first.s)) /* "Jean-Jacques" */
      first.s = bl_word_before(s, h > 40 ? h - 40 : 0, first.s - 1).s;
    if (first.e + 1 == h && first.e > first.s && bl_capital_at(s, first.s) && s[first.e] == ' ')
      found = (bl_nspan){first.s, e};
  }
  return found;
}

/* "selon le ministère" after "le ministère de la Santé a annoncé": a
 * source of one word names the last source the article named with that
 * word first (whatever its case) and more words after it, or the name it
 * gave after that word's role ("le ministre ..., William Wol"). */
/* Does the source o end in a name set in apposition after its common
 * noun ("le constructeur automobile Stellantis", "l'ONG Human Rights
 * Watch"), not after a preposition ("le ministère de la Santé")? */
static bool names_after_noun(const bl_docstate *st, bl_nspan o) {
  const char *s = st->text.s;
  size_t a, b, prev_a = o.s, prev_b = o.s;
  for (size_t p = o.s; bl_word_at(s, p, o.e, &a, &b); p = b) {
    if (bl_capital_at(s, a)) {
      const bl_lexent *w = bl_lex_find(&st->g->words, s + prev_a, prev_b - prev_a);
      return prev_b > prev_a && !w && s[prev_b] == ' ';
    }
    prev_a = a;
    prev_b = b;
  }
  return false;
}

/* The last source named in the six sentences before sentence `sent`
 * (whether or not a figure goes with it), if it is a capitalised name of
 * more than one word: "Selon Amnesty International, le bilan serait plus
 * lourd". */
/* Is the name o, in the sentence [ss, se), set beside a role "of" the
 * generic noun s[a, b) ("le directeur de l'ONG, Mahmood Amiry-Moghaddam"):
 * a member, not the organisation that noun names again? */
static bool member_of(const bl_docstate *st, bl_nspan o, size_t ss, size_t se, size_t a, size_t b) {
  const char *s = st->text.s;
  size_t n = b - a, from = o.s > ss + 80 ? o.s - 80 : ss, to = o.e + 80 < se ? o.e + 80 : se;
  for (size_t p = from; p + n <= to; p++) {
    if (p >= o.s && p < o.e) continue;
    if (strncasecmp(s + p, s + a, n) || (p + n < to && bl_is_letter((unsigned char)s[p + n]))) continue;
    if (complement_at(s, p)) return true;
  }
  return false;
}

static bl_nspan named_before(bl_docstate *st, size_t sent, size_t noun_s, size_t noun_e) {
  const char *s = st->text.s;
  for (size_t j = sent; j-- > 0 && sent - j <= 12;) {
    const bl_sent *sn = &st->seg.sents[j];
    /* the speaker of a quotation is a person, no organisation, but the
     * organisation named in their title is one ("raconte Mariam Ousmane,
     * coordinatrice de Médecins sans frontières (MSF)": MSF) */
    size_t open = sn->s;
    while (open < sn->e && is_space((unsigned char)s[open])) open++;
    if (open < sn->e && s[open] == '"') {
      for (size_t p = sn->e; p-- > open;)
        if (s[p] == ')' && ends_in_acronym(s, (bl_nspan){open, p + 1})) {
          size_t a = p;
          while (a > open && s[a - 1] != '(') a--;
          return (bl_nspan){a, p};
        }
      /* or the acronym their title is of ("Flavio Di Giacomo, porte-parole
       * de l'OIM en Italie"), after the quotation closes */
      const char *close = memchr(s + open + 1, '"', sn->e - open - 1);
      size_t from = close ? (size_t)(close - s) + 1 : sn->e, x, y;
      for (size_t p = from; p < sn->e; p = y > p ? y : p + 1) {
        if (!bl_word_at(s, p, sn->e, &x, &y)) continue;
        bool caps = y - x >= 2 && y - x <= 8;
        for (size_t k = x; k < y && caps; k++) caps = s[k] >= 'A' && s[k] <= 'Z';
        bool itself = y - x == noun_e - noun_s && !strncmp(s + x, s + noun_s, y - x); /* "de l'ONG" */
        if (caps && !itself && complement_at(s, x)) return (bl_nspan){x, y};
      }
      continue;
    }
    cands cs;
    find_all(st, sn->s, sn->e, &cs);
    if (cs.nomem) break;
    /* the last name of several words or an acronym ("le HCR"); a common
     * noun ("une source humanitaire", "la police") is no such antecedent */
    /* (the last in the sentence, whatever the kind of its cue: "Le bilan
     * du cyclone Batsirai ... a annoncé le BNGRC") */
    bl_nspan last = {0, 0};
    for (size_t i = cs.n; i-- > 0;) {
      bl_nspan o = cs.v[i].src;
      if (o.e <= o.s || o.s < last.s) continue;
      /* "cité par l'AFP": who relays, not who says; "le directeur de
       * l'ONG, X": a member of what the noun names */
      if ((o.s == cs.cite_chan.s && o.e == cs.cite_chan.e) || member_of(st, o, sn->s, sn->e, noun_s, noun_e))
        continue;
      /* "le constructeur automobile Stellantis": a common noun set before a name */
      if (!bl_capital_at(s, o.s) && names_after_noun(st, o)) last = o;
      if (!bl_capital_at(s, o.s)) continue;
      bool acronym = o.e - o.s >= 2;
      for (size_t p = o.s; p < o.e && acronym; p++) acronym = s[p] >= 'A' && s[p] <= 'Z';
      /* one word that never was the last word of a longer name ("Insee",
       * "Stellantis"; not "Tavares" after "Carlos Tavares") */
      size_t a, b;
      if (acronym || memchr(s + o.s, ' ', o.e - o.s) ||
          (bl_word_at(s, o.s, o.e, &a, &b) && a == o.s && b == o.e && b - a >= 3 &&
           name_given_before(st, a, b, a).s == a))
        last = o;
    }
    if (last.e > last.s) return last;
    /* a sentence that opens on a name and its acronym names an
     * organisation, whatever it does ("Médecins sans frontières (MSF) tire
     * la sonnette d'alarme") */
    if (open < sn->e && bl_capital_at(s, open))
      for (size_t p = open; p < sn->e && p < open + 120 && !strchr(",;:.\"", s[p]); p++)
        if (s[p] == ')') {
          if (ends_in_acronym(s, (bl_nspan){open, p + 1})) return (bl_nspan){open, p + 1};
          break;
        }
  }
  return (bl_nspan){0, 0};
}

/* "a déclaré M. Purusi": the full name given before ("Jean-Jacques
 * Purusi"), the shortest form that says who; else the title and name. */
static bl_nspan full_name_before(const bl_docstate *st, bl_nspan src) {
  const char *s = st->text.s;
  size_t p = past_title(s, src), a, b;
  if (p == src.s || !bl_word_at(s, p, src.e, &a, &b) || b != src.e || !bl_capital_at(s, a)) return src;
  bl_nspan found = name_given_before(st, a, b, src.s);
  return found.s == a ? src : found;
}

/* The last name the text before `src` set right after the noun s[a, b)
 * ("la compagnie Voepass", "l'agence AMI"): its capitalised words; `src`
 * when there is none. */
static bl_nspan noun_then_name(const bl_docstate *st, size_t a, size_t b, bl_nspan src) {
  const char *s = st->text.s;
  size_t n = b - a;
  bl_nspan found = src;
  for (size_t h = 0; h + n < src.s; h++) {
    if (strncasecmp(s + h, s + a, n) || (h > 0 && bl_is_letter((unsigned char)s[h - 1])) || s[h + n] != ' ')
      continue;
    size_t p = h + n + 1, x, y, e;
    /* "la compagnie régionale brésilienne Voepass": its adjectives first */
    for (int adj = 0; adj < 3 && bl_word_at(s, p, src.s, &x, &y) && x == p && s[x] >= 'a' && s[x] <= 'z' &&
                      !bl_word_class(st->g, s, x, y) && y < src.s && s[y] == ' ';
         adj++)
      p = y + 1;
    size_t name_s = e = p;
    while (bl_word_at(s, p, src.s, &x, &y) && x == p && bl_capital_at(s, x)) {
      e = y;
      p = y < src.s && s[y] == ' ' ? y + 1 : y;
      if (p == y) break;
    }
    if (e > name_s) found = (bl_nspan){name_s, e};
  }
  return found;
}

/* Where a person's name set in apposition at `at` ends ("Dominique Laurens"
 * in ", Dominique Laurens,"): two to four capitalised words closed by a
 * comma or a full stop; else 0. */
static size_t apposed_name_end(const bl_docstate *st, size_t at, size_t limit) {
  const char *s = st->text.s;
  size_t p = at, a, b, words = 0, e = 0;
  while (words < 4 && bl_word_at(s, p, limit, &a, &b) && a == p && bl_capital_at(s, a) && b - a >= 2) {
    words++;
    e = b;
    if (b >= limit || s[b] != ' ') break;
    p = b + 1;
  }
  return words >= 2 && e < limit && (s[e] == ',' || s[e] == '.') ? e : 0;
}

/* "la magistrate", "selon le ministre de l'Intérieur": the person a role
 * named before in apposition ("La procureure de Marseille, Dominique
 * Laurens, ...", "le ministre de l'Intérieur, Gérald Darmanin, ...").  A
 * person anaphor of anaphors.tsv takes the last name so set; a role word
 * (kind "role": "Le ministre a précisé") the last name set after a phrase
 * that holds it, whatever its complement; another role only a name set
 * after the same words. */
static bl_nspan name_of_role_before(const bl_docstate *st, bl_nspan role, bool anaphor, bool role_word) {
  const char *s = st->text.s;
  size_t n = role.e - role.s, floor = role.s > 3000 ? role.s - 3000 : 0;
  for (size_t p = role.s; p-- > floor + 1;) {
    if (s[p] != ',') continue;
    size_t q = p + 1;
    while (q < role.s && s[q] == ' ') q++;
    size_t e = apposed_name_end(st, q, role.s);
    if (!e) continue;
    size_t b = p;
    while (b > floor && s[b - 1] == ' ') b--;
    bool same = b >= floor + n && !strncasecmp(s + b - n, s + role.s, n) &&
                (b - n == 0 || !bl_is_letter((unsigned char)s[b - n - 1]));
    /* (a role before the name: a lower-case word in the clause before it) */
    bool any = false;
    for (size_t k = b; anaphor && k > floor && k + 60 > b && !strchr(".;:!?\n", s[k - 1]); k--)
      if (s[k - 1] == ' ' && s[k] >= 'a' && s[k] <= 'z') any = true;
    /* (the role word in the phrase before the comma, back to its clause) */
    size_t k = p;
    while (role_word && k > floor && !strchr(".;:!?,\n\"", s[k - 1])) k--;
    for (size_t x = k, u, v; role_word && !any && bl_word_at(s, x, p, &u, &v); x = v)
      any = v - u == n && !strncasecmp(s + u, s + role.s, n);
    if (same || any) return (bl_nspan){q, e};
  }
  return (bl_nspan){0, 0};
}

static void resolve_short_sources(bl_docstate *st) {
  const char *s = st->text.s;
  size_t looked_at = SIZE_MAX; /* the sentence named_before last read for */
  bl_nspan before = {0, 0};
  for (size_t i = 0; i < st->cl.n; i++) {
    bl_cl *c = &st->cl.v[i];
    if (c->source.e > c->source.s) c->source = full_name_before(st, c->source);
    size_t a, b;
    if (c->source.e <= c->source.s || !bl_word_at(s, c->source.s, c->source.e, &a, &b)) continue;
    /* "Le même comité recense": the comité named before */
    size_t a2, b2;
    if ((bl_word_is(s, a, b, "même") || bl_word_is(s, a, b, "mêmes")) && bl_word_at(s, b, c->source.e, &a2, &b2)) {
      c->source.s = a = a2;
      b = b2;
    }
    /* a role in lower case names again the person set after it before */
    if (s[a] >= 'a' && s[a] <= 'z') {
      const bl_lexent *pa = bl_lex_find(&st->g->org_anaphors, s + a, b - a);
      bool anaphor = pa && pa->kind == AN_PERSON && b == c->source.e;
      if (pa && pa->kind == AN_ROLE && b == c->source.e) {
        bl_nspan named = name_of_role_before(st, c->source, false, true);
        if (named.e > named.s) {
          c->source = named;
          continue;
        }
      }
      /* (a one-word role that is no person anaphor, "la préfecture", is
       * looked up as an organisation: no scan back) */
      bl_nspan name = anaphor || b < c->source.e ? name_of_role_before(st, c->source, anaphor, false) : (bl_nspan){0, 0};
      if (name.e > name.s && (anaphor || b < c->source.e)) c->source = name;
      if (anaphor || name.e > name.s) continue; /* (a person is no organisation) */
    }
    /* "selon la Prémar" after "la préfecture maritime de la Manche (Prémar)":
     * an acronym names again the name an earlier claim's source gave it */
    if (b == c->source.e && bl_capital_at(s, a) && b - a >= 2 && b - a <= 12) {
      bool named = false;
      /* (a later claim's name too: a lead's "L'ARS a confirmé" before the
       * body's "l'agence régionale de santé (ARS)") */
      size_t last = st->cl.n - i > 256 ? i + 256 : st->cl.n;
      for (size_t k = last; k-- > (i > 256 ? i - 256 : 0) && !named;) {
        if (k == i) continue;
        bl_nspan o = st->cl.v[k].source;
        size_t n = b - a;
        if (o.e - o.s > n + 4 && s[o.e - 1] == ')' && s[o.e - 2 - n] == '(' && !memcmp(s + o.e - 1 - n, s + a, n)) {
          c->source = o;
          named = true;
        }
      }
      if (named) continue;
    }
    const bl_lexent *generic = bl_lex_find(&st->g->org_anaphors, s + a, b - a);
    if (generic && generic->kind == AN_ROLE) generic = NULL; /* (a person's role names no organisation) */
    /* "l'agence sanitaire", "l'agence onusienne": the noun and an adjective */
    size_t x, y;
    /* (a capitalised noun and its adjective is a name: "la Commission européenne") */
    if (b != c->source.e &&
        !(generic && s[a] >= 'a' && s[a] <= 'z' && bl_word_at(s, b, c->source.e, &x, &y) && y == c->source.e &&
          s[x] >= 'a' && s[x] <= 'z' && !word_entry(st, x, y)))
      continue;
    if (!(s[a] >= 'a' && s[a] <= 'z') && !generic) continue;
    bool found = false;
    for (size_t k = i; k-- > 0 && i - k <= 256 && !found;) {
      bl_nspan o = st->cl.v[k].source;
      /* "l'organisation" names "Organisation internationale pour les migrations" */
      if ((o.e - o.s > b - a && !strncasecmp(s + o.s, s + a, b - a) && s[o.s + (b - a)] == ' ') ||
          named_as(st, o, a, b) || role_of(st, o, a, b)) {
        c->source = o;
        found = true;
      }
    }
    /* "L'ONG affirme avoir recensé 23 décès": the organisation named before */
    /* (or "cet organisme", "cette agence") */
    bl_nspan det = bl_word_before(s, a > 6 ? a - 6 : 0, a);
    bool definite = (a >= 2 && s[a - 1] == '\'' && (s[a - 2] == 'l' || s[a - 2] == 'L')) ||
                    (det.e - det.s == 2 && (s[det.s] == 'l' || s[det.s] == 'L')) ||
                    (det.e - det.s == 3 && !strncasecmp(s + det.s, "cet", 3)) ||
                    (det.e - det.s == 5 && !strncasecmp(s + det.s, "cette", 5));
    if (!found && generic && definite) {
      if (looked_at != c->sent) { /* once per sentence, whatever its claims */
        before = named_before(st, c->sent, a, b);
        looked_at = c->sent;
        /* the name as an earlier claim gave it whole ("Bureau national de
         * gestion des risques et des catastrophes (BNGRC)", not cut at "et") */
        for (size_t k = i; k-- > 0 && before.e > before.s;) {
          bl_nspan o = st->cl.v[k].source;
          if (o.s == before.s && o.e > before.e) before = o;
        }
      }
      if (before.e > before.s) c->source = before;
      /* "la compagnie Voepass" in the text before: "la compagnie" names it */
      else if (b == c->source.e) c->source = noun_then_name(st, a, b, c->source);
    }
  }
}

#define WITNESSES 64 /* witnesses remembered per article; more are rare */

/* The witnesses of the article, by their source spans: who stands in
 * apposition after a comma ("sa maire, Maribel Albalat") or gives a figure
 * inside a quotation ("« On a sorti 14 corps », raconte Youssef"); they
 * tell, they publish no report.  One pass over the claims, in text order,
 * counting the quotation marks of each sentence once. */
static size_t find_witnesses(const bl_docstate *st, bl_nspan *out) {
  const char *s = st->text.s;
  size_t n = 0, sent = SIZE_MAX, pos = 0, marks = 0;
  for (size_t i = 0; i < st->cl.n && n < WITNESSES; i++) {
    const bl_cl *c = &st->cl.v[i];
    if (c->sent != sent || c->text.s < pos) {
      sent = c->sent;
      pos = st->seg.sents[sent].s;
      marks = 0;
    }
    for (; pos < c->text.s; pos++) marks += s[pos] == '"';
    if (c->source.e <= c->source.s) continue;
    size_t q = c->source.s;
    while (q > 0 && is_space((unsigned char)s[q - 1])) q--;
    bool apposition = q > 0 && s[q - 1] == ',' && bl_capital_at(s, c->source.s);
    if (!apposition && marks % 2 == 0) continue;
    bool known = false;
    for (size_t k = 0; k < n && !known; k++) known = out[k].s == c->source.s && out[k].e == c->source.e;
    if (!known) out[n++] = c->source;
  }
  return n;
}

void bl_attribute_finish(bl_docstate *st) {
  resolve_short_sources(st);
  /* A report's figures: a toll or a percentage with no source of its own
   * takes the source named last before it in the article (the lead's
   * "L'IGPR a publié son bilan annuel : ..." covers the paragraphs that
   * detail it) until another source is named. */
  bl_nspan witnesses[WITNESSES];
  size_t nwit = find_witnesses(st, witnesses);
  bl_nspan last = {0, 0};
  unsigned kinds = 0; /* categories (bits) the last source was given, 1 << BL_CAT_COUNT_ = percent */
  for (size_t i = 0; i < st->cl.n; i++) {
    bl_cl *c = &st->cl.v[i];
    bool percent = c->q.unit && !strcmp(c->q.unit, "percent");
    /* the dead, the injured and the missing are one toll's: "1 893 morts
     * [...] Le nombre de blessés s'établit à 79 771" */
    unsigned harm = 1u << BL_CAT_KILLED | 1u << BL_CAT_INJURED | 1u << BL_CAT_MISSING;
    unsigned kind = percent ? 1u << BL_CAT_COUNT_ : 1u << c->category;
    if (kind & harm) kind = harm;
    if (c->source_local) continue;
    if (c->source.e > c->source.s) {
      if (last.e != c->source.e || last.s != c->source.s) kinds = 0;
      /* a witness ("Youssef", "Maribel Albalat") tells, publishes no report */
      bool told = false;
      for (size_t k = 0; k < nwit && !told; k++)
        told = witnesses[k].s == c->source.s && witnesses[k].e == c->source.e;
      last = told ? (bl_nspan){0, 0} : c->source;
      kinds |= kind;
      continue;
    }
    /* the same kind of figure as the report gave (a death toll after a death
     * toll, a percentage after a percentage): a detail of the same report */
    if (last.e > last.s && !c->background && (c->toll || percent) && (kinds & kind) && !on_heading(st, c))
      c->source = last;
    /* "selon le dernier bulletin" with no issuer found: the document */
    if (c->source.e <= c->source.s) c->source = c->document;
  }
  /* "412 cas graves ont été admis en réanimation, dont 58 sont décédés": a
   * part in its whole's sentence is of the whole's report, whatever its
   * kind */
  for (size_t i = 0; i < st->cl.n; i++) {
    bl_cl *c = &st->cl.v[i];
    if (c->source.e > c->source.s || c->of < 0 || c->source_local) continue;
    const bl_cl *whole = &st->cl.v[c->of];
    if (whole->sent == c->sent) {
      c->source = whole->source;
      c->channel = whole->channel;
    }
  }
}
