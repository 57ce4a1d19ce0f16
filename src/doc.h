/*
 * doc.h — layers 4-6: the state of one article while its claims are built
 * (claim.c, attrib.c) and the public bl_doc (bilan.c).  All offsets here are
 * in the normalised text; bilan.c maps them back at the end.
 */
#ifndef BL_DOC_H
#define BL_DOC_H

#include "num.h"
#include "rx_pre.h"
#include "seg.h"

/* A normalised span; s == e means none. */
typedef struct bl_nspan {
  size_t s, e;
} bl_nspan;

/* A claim under construction. */
typedef struct bl_cl {
  bl_quantity q;        /* value, bounds, qualifier, unit code; spans filled at the end */
  bl_nspan text, hedge; /* the quantity expression and its hedge */
  size_t sent;          /* index in seg.sents */
  bl_nspan unit;        /* the counted noun (head and adjectives) */
  bl_nspan np;          /* the counted noun phrase, for the subject */
  bl_nspan pred;        /* the predicate that gave the category, for the subject */
  bl_nspan verb_pp;     /* the participle of the verb before the figure ("a tué 15
                           personnes"), for the subject: "personnes tuées" */
  bl_nspan degree;      /* "et 27 autres plus légèrement": an adverb of severity.tsv
                           that replaces the one of the borrowed subject */
  bl_nspan rel;         /* a predicate in a relative clause before it ("qui étaient
                           portés disparus"), for the subject */
  bool pred_active;     /* after "avoir" ("ont perdu la vie"): "ayant perdu la vie" */
  bool pred_finite;     /* a finite verb opens it ("concernent ..."): "concernant ..." */
  bl_nspan where;       /* a phrase after them ("à Pradevel", "dans les hôpitaux de la capitale") */
  bool where_of;        /* `where` is a place named before the figure: "de " joins it
                           ("Pradevel, village de 2 100 habitants") */
  bl_nspan fronted;     /* the place that opens the sentence, when `where` is empty
                           ("Dans la commune de Paiporta, 62 personnes ...") */
  bl_nspan cause_tail;  /* after the cause's noun: "d'avril 2023" (for "celui d'avril 2023") */
  bl_nspan cause;       /* what caused the count, opened by a determiner ("Le séisme
                           a fait 300 morts": "Le séisme"); "de" joins it */
  bl_nspan among;       /* the group it is among, as written ("figurent parmi les
                           morts": "morts"), for the subject */
  int change;           /* a measure's fall (-1) or rise (1): "la mortalité a reculé de 11 %" */
  bl_nspan changed;     /* ... of what, with its determiner ("la mortalité") */
  long change_of;       /* "soit une baisse de 4,2 %": the count it is the change of; -1 */
  bl_nspan owner;       /* whose share a percentage is ("Les motards représentent
                           21 % des tués": "Les motards") */
  long subject_of;      /* "autres": reuse that claim's unit and subject; -1 */
  bool former;          /* a figure a new one replaces ("contre 31", "qui faisait état de
                           133 morts"): no whole of a later part, no running total */
  bl_category category;
  bl_group group;
  bl_status status;
  int cumulative;       /* 1, 0, -1 = null */
  bool period;          /* a toll of a calendar period beyond the event (status.tsv) */
  bool negated;
  bool toll;            /* counts people (not money, things, percent) */
  bool thing;           /* counts objects or places (categories.tsv `thing`) */
  long of;              /* parent claim index, -1 (after it for "12 des 43 mineurs") */
  size_t whole_at;      /* "12 des 43 mineurs": where the whole's figure starts, or 0 */
  bl_nspan source, channel;
  bl_nspan document; /* "selon le dernier bulletin": the source if no issuer is found */
  bool source_local; /* the subject of a verb of means ("débloque"): no report's source */
  bool background;      /* population, history: no inherited source */
  bool population;      /* a place's inhabitants: no source at all */
  bool dropped;         /* found to be part of a source's name: not published */
} bl_cl;

typedef struct bl_cls {
  bl_cl *v; /* owned */
  size_t n, cap;
} bl_cls;

/* Everything bl_doc_run needs, reused from one article to the next. */
typedef struct bl_docstate {
  const bl_grammar *g;
  bl_rx_state rx;
  bl_text text;
  bl_qtys q;
  bl_seg seg;
  bl_cls cl;
  bl_nspan last_src, last_chan; /* the last source of the article, for anaphors */
  bl_nspan para_src, para_chan; /* the source carried over the current paragraph */
  bool para_witness;             /* ... is a witness: anaphors only (attrib.c witness) */
  bl_nspan issuer;              /* a press release's issuer: every figure's default */
  bl_buf scratch;               /* attrib.c: the text behind a ',' (search_inverted) */
  bl_prefilter *attrib_pre;     /* owned: the word rules of attrib.pcre (attrib.c) */
  /* claim.c: the status words (claims.pcre "status") of one sentence,
   * found once for all its claims; valid only while `sent` is that
   * sentence's span in this text (bl_doc_run resets it). */
  struct {
    bl_nspan sent;
    bool valid;
    bl_nspan *v; /* owned */
    size_t n, cap;
  } stw;
} bl_docstate;

/* claim.c: the claims of sentence `si` (quantities q->v[first..last) lie in
 * it; zero-claim anchors are read from q->zero).  Appends to st->cl. */
int bl_claims_of_sentence(bl_docstate *st, size_t si, size_t first, size_t last,
                          bl_error *err);

/* claim_cause.c: the noun phrase of what caused the count whose figure (or
 * hedge) starts at `at` ("Le séisme a fait 300 morts": "Le séisme"), read
 * within [floor, at); empty when none.  *tail gets what follows the noun
 * when a pronoun stood for it ("celui d'avril 2023": "d'avril 2023"). */
bl_nspan bl_cause_of(bl_docstate *st, size_t floor, size_t at, bl_nspan *tail);

/* claim_cause.c: whose share is the percentage whose figure (or hedge)
 * starts at `at`, the subject of a verb of share right before it ("Les
 * motards, qui ne représentent que 2 % du trafic": "Les motards"); empty
 * when none. */
bl_nspan bl_share_owner(bl_docstate *st, size_t floor, size_t at);

/* claim.c: the index of the first quantity of st->q starting at or after
 * `from` (they are in text order: a binary search); st->q.n if none. */
size_t bl_first_figure(const bl_docstate *st, size_t from);

/* claim.c: the class of a word in words.tsv (WD_*), or 0. */
int bl_word_class(const bl_grammar *g, const char *s, size_t a, size_t b);
/* claim.c: does s[a..b) look like a finite verb ("travaillaient")? */
bool bl_finite_verb(const char *s, size_t a, size_t b);

/* claim_care.c: in an article that counts the sick, claims counted by a word
 * of care (care.tsv) and not of wounds are sick, not injured. */
void bl_claims_care(bl_docstate *st);

/* attrib.c: sources and channels of the claims st->cl.v[first..], whose
 * sentences are sfirst..slast of one line.  `carry`: the line continues the
 * previous one (a list item after "...:"), so its paragraph source holds. */
int bl_attribute_line(bl_docstate *st, size_t sfirst, size_t slast, size_t first, bool carry,
                      bl_error *err);

/* attrib.c: after every line, the single lead source of an article that
 * names no other carries over all its figures. */
void bl_attribute_finish(bl_docstate *st);

/* attrib.c: find a press release's issuer (st->issuer) from the lines. */
void bl_attribute_issuer(bl_docstate *st);

/* A byte of a word: an ASCII letter or any byte of a UTF-8 sequence. */
static inline bool bl_is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
/* An ASCII digit; a space, tab or line end. */
static inline bool bl_is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static inline bool bl_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* claim.c: does the word at s[p] start with a capital (a name, a sentence
 * start)?  ASCII A-Z and the Latin-1 capitals (UTF-8 C3 80..9E). */
bool bl_capital_at(const char *s, size_t p);
/* Tokens: the word at or after p (letters, digits, inner hyphens; an elided
 * "d'"/"l'"/"qu'" is one word ending with its apostrophe).  Returns false at
 * `end` or at punctuation (then *ws is the punctuation's offset). */
bool bl_word_at(const char *s, size_t p, size_t end, size_t *ws, size_t *we);
/* The word of letters ending right before `at` past spaces, within
 * [floor, at); empty (s == e) when there is none. */
bl_nspan bl_word_before(const char *s, size_t floor, size_t at);
/* Is the word ending right before `at` (within [floor, at)) this one? */
bool bl_word_before_is(const char *s, size_t floor, size_t at, const char *word);
/* Is the word s[a, b) this one? */
bool bl_word_is(const char *s, size_t a, size_t b, const char *word);
/* Is s[a, b) "de", "d'", "du" or "des" (a complement goes on)? */
bool bl_of_word(const char *s, size_t a, size_t b);
/* claim.c: the claim that names the noun claim k counts: k, or the earlier
 * count it takes its noun from ("dont 81 000 à Paris"), or -1. */
long bl_naming_claim(const bl_docstate *st, long k);

#endif
