/*
 * gram.h — layer 2: the grammars and lexicons of grammars/fr/, parsed,
 * validated and compiled once (built-in copy or a directory).
 *
 * Every grammar file is UTF-8 text whose first line is "# format: KIND/1";
 * "#" starts a comment line; TSV files have TAB-separated columns; .pcre
 * files hold rules (see grammars/README.md).  Any error names the file, line
 * and column.
 */
#ifndef BL_GRAM_H
#define BL_GRAM_H

#include "internal.h"
#include "rx.h"

/* ---- lexicons: lower-cased forms to values, looked up in O(1). */

typedef struct bl_lexent {
  const char *form; /* borrowed from the grammar's file text, NFC, lower case */
  size_t len;
  double value;
  int kind;         /* meaning depends on the lexicon */
  const char *code; /* a second text column (unit code), or NULL */
  unsigned line;    /* line in its file */
  int group;        /* categories.tsv: bl_group */
} bl_lexent;

typedef struct bl_lexicon {
  const char *file; /* "fr/numbers.tsv" */
  bl_lexent *ents;  /* owned */
  size_t n, cap;
  uint32_t *slots; /* owned: open addressing, entry index + 1, 0 = empty */
  size_t nslots;
  /* lens[c] bit k: some form starts with byte c (ASCII lower-cased) and is k
   * bytes long (bit 31: 31 or more).  Most words of a text fail this test,
   * which costs less than hashing them. */
  uint32_t lens[256];
} bl_lexicon;

/* Look a form up (case-folded ASCII letters; other bytes compared as is).
 * Returns the entry or NULL. */
const bl_lexent *bl_lex_find(const bl_lexicon *lx, const char *s, size_t n);

/* The entry of that form whose kind is in the bit set `kinds` (1u << kind). */
const bl_lexent *bl_lex_find_kind(const bl_lexicon *lx, const char *s, size_t n, unsigned kinds);

/* Kinds of numbers.tsv entries. */
enum { NW_UNIT = 1, NW_TEEN, NW_TENS, NW_HUNDRED, NW_THOUSAND, NW_SCALE, NW_HALF, NW_ABBR };
/* Kinds of vague.tsv entries. */
enum { VG_DET = 1, VG_ALONE };
/* Kinds of units.tsv entries. */
enum { UN_SIGN = 1, UN_WORD };
/* Kinds of calendar.tsv entries. */
enum { CAL_MONTH = 1, CAL_DAY };
/* Kinds of dates.tsv entries (relative dates, store_dates.c). */
enum { DT_REL = 1, DT_PAST, DT_NEXT, DT_BREAK, DT_SINCE };
/* Kinds of names.tsv entries (name keys, store_names.c). */
enum { NM_DROP = 1, NM_OFFICE, NM_PARTICLE };
/* Kinds of places.tsv entries (automatic events, store_event.c). */
enum { PL_LOCATIVE = 1, PL_STREET, PL_ADJECTIVE, PL_AREA };
/* Which currency a cue of currency.tsv makes local: its `replaces` column. */
enum { CUR_DOLLAR = 1, CUR_DINAR };
/* Kinds of categories.tsv entries (value = bl_category or -1). */
enum { CK_NOUN = 1, CK_THING, CK_PRED, CK_WEAK, CK_VERB, CK_COMP, CK_ZERO, CK_FIXED };
enum { CARE_CARE = 1, CARE_WOUND, CARE_ILLNESS };
enum { SEV_LIGHT = 1, SEV_SERIOUS };
enum { GN_FEMININE = 1, GN_MASCULINE, GN_FEM_ENDING };
enum { WT_WITNESS = 1 };
enum { AN_ORG = 1, AN_PERSON, AN_ROLE };
/* Reasons of notclaim.tsv entries. */
enum { NC_DURATION = 1, NC_AGE, NC_MEASURE, NC_RATIO, NC_STAT, NC_TIME, NC_FREQUENCY, NC_DIFFERENCE };
/* Classes of words.tsv entries. */
enum { WD_DET = 1, WD_PREP, WD_CONJ, WD_PRON, WD_AUX, WD_ADV, WD_TIME, WD_ZERO, WD_NOSRC, WD_STOP, WD_HAVE,
       WD_AMOUNT, WD_SHARE, WD_FALL, WD_RISE, WD_FALL_NOUN, WD_RISE_NOUN, WD_COUNT_NOUN, WD_PRENOMINAL,
       WD_ZERO_PRONOUN /* an anchor of zero claims only, a noun otherwise: no class */ };
/* An auxiliary or copula of either kind ("have": the forms of "avoir"). */
static inline bool bl_word_aux(int cls) { return cls == WD_AUX || cls == WD_HAVE; }
/* Tenses of speech.tsv entries. */
enum { SP_PP = 1, SP_PRES, SP_GER, SP_FUND, SP_TALLY, SP_QUOTE };
/* Meanings of status.tsv entries. */
enum { ST_PROVISIONAL = 1, ST_FINAL, ST_REVISED, ST_DELTA, ST_WINDOW, ST_TOTAL, ST_STOCK, ST_PERIOD };
/* What a scanner anchor is (bit set). */
enum { AN_NUMWORD = 1, AN_APPROX = 2, AN_VAGUE = 4, AN_ZERO = 8 };

/* A hedge of hedges.tsv. */
typedef enum { HP_PRE = 0, HP_POST, HP_VERB } bl_hedge_pos;

/* An ex+/ex- line under a rule, for the contract test. */
typedef struct bl_example {
  const char *file;
  unsigned line;
  const char *rule; /* rule id, or NULL for a lexicon row */
  int qualifier;    /* for hedges: the rule's qualifier; -1 otherwise */
  bool positive;
  char *text;       /* owned, NUL-terminated */
} bl_example;

/* Group numbers of the quantity pattern that num.c reads (0 = absent). */
enum {
  QG_N1, QG_N2, QG_DET, QG_APPROX, QG_APPROX2, QG_APPROX_MUL, QG_VDET, QG_VNOUN, QG_VMUL, QG_VALONE,
  QG_RANGE_ENTRE, QG_RANGE_DE, QG_RANGE_BARE, QG_ABBR, QG_SIGN, QG_HP, QG_HV, QG_HQ,
  QG_COUNT_
};
#define BL_QG_MAX_DUP 4

struct bl_grammar {
  char version[32];
  char *texts[32]; /* owned: file texts loaded from a directory */
  size_t ntexts;

  bl_lexicon numbers, approx, vague, units, calendar;
  bl_lexicon dates, names, places; /* used by the store (store_*.c) */
  bl_lexicon categories, notclaim, words, speech, status, abbrev, currency;
  bl_lexicon care; /* care.tsv: words of care and of wounds, kind = CARE_* */
  bl_lexicon severity; /* severity.tsv: kind = SEV_* (the store) */
  bl_lexicon gender;   /* gender.tsv: kind = GN_* (bl_noun_feminine) */
  bl_lexicon witnesses; /* witnesses.tsv: nouns of a witness (attrib.c) */
  bl_lexicon org_anaphors; /* anaphors.tsv: "l'ONG" names an organisation again (attrib.c) */
  bl_lexicon anchors; /* every word that may start a figure, kind = AN_* bits */

  pcre2_code *quantity;  /* owned */
  pcre2_code *starter;   /* owned: quantity.pcre's starter rule, compiled anchored */
  const bl_lexent *change_noun[2]; /* words.tsv fall_noun, rise_noun ("baisse", "hausse") */
  const bl_lexent *count_noun;     /* words.tsv count_noun ("nombre") */
  uint8_t starter_first[32]; /* bytes a starter match can begin with (PCRE2's
                              * start bitmap; all when it gives none) */
  /* starter_pair[c1][c2 / 8] bit c2 % 8: a starter match may begin with the
   * ASCII bytes c1 c2 (PCRE2 asked once per pair of letters with a partial
   * match; set for every other pair) */
  uint8_t starter_pair[128][16];
  pcre2_code *notq;      /* owned */
  pcre2_code *unit_word; /* owned: "\s+(de |d')?<unit word>" after a figure */
  pcre2_code *furniture; /* owned: furniture.pcre, one alternation with (*MARK:id) */
  /* claims.pcre rules, each compiled alone (owned) */
  pcre2_code *rx_autres, *rx_sub_before, *rx_sub_after, *rx_zero, *rx_nc_after, *rx_nc_before;
  pcre2_code *rx_ratio_after, *rx_share;
  pcre2_code *rx_denial, *rx_status, *rx_partitive, *rx_includes, *rx_currency_cue,
      *rx_dollar_explicit;
  pcre2_code *rx_versus, *rx_ellipsis, *rx_copula, *rx_pron_count, *rx_population, *rx_population_after, *rx_among_after, *rx_among_before, *rx_presentative, *rx_penalty_after, *rx_percent_stat,
      *rx_forecast, *rx_promise, *rx_cause, *rx_mining, *rx_miner, *rx_crowd;
  /* attrib.pcre rules (owned) */
  pcre2_code *rx_selon, *rx_de_source, *rx_cite_par, *rx_inverted, *rx_verb, *rx_same_source, *rx_relative;
  pcre2_code *rx_par_agent, *rx_press, *rx_cleft;
  /* the category forms as one pattern each: noun, pred (pred+weak), verb */
  pcre2_code *rx_cat_pred, *rx_cat_pred2, *rx_cat_verb; /* cat-pred: two halves (claims.pcre) */
  uint32_t qg[QG_COUNT_][BL_QG_MAX_DUP];
  uint32_t hedge_group[3][BL_VAGUE + 1]; /* [pos][qualifier] group number, 0 none */
  uint32_t max_groups;

  /* Every compiled rule by file and id, for the contract check: rules of an
   * alternation (notq, furniture) share its code and are told apart by MARK. */
  struct bl_rule_ref {
    const char *file;
    const char *id;
    const pcre2_code *code;
    bool by_mark;
  } *rules; /* owned */
  size_t nrules, rulecap;

  /* Anchored twins of the claims.pcre and attrib.pcre rules, which are also
   * searched: PCRE2's JIT code cannot anchor at match time (rx.c), so a rule
   * matched at a position uses its twin compiled anchored. */
  struct bl_twin {
    const pcre2_code *search;
    pcre2_code *anchored; /* owned */
  } *twins;
  size_t ntwins, twincap;

  bl_example *examples; /* owned */
  size_t nexamples, excap;
  char **owned_ids; /* owned: rule and hedge ids that examples point at */
  size_t nids, idcap;
};

/* The compiled rule `id` of `file`, or NULL; *by_mark tells whether it is
 * one alternative of a larger pattern, told apart by its (*MARK). */
const pcre2_code *bl_gram_rule(const bl_grammar *g, const char *file, const char *id,
                               bool *by_mark);

/* Whether the plural or singular noun w[0, n) is feminine, by gender.tsv:
 * the noun whole, else its longest listed ending; masculine when neither. */
bool bl_noun_feminine(const bl_grammar *g, const char *w, size_t n);

/* The anchored twin of a rule (the rule itself when it has none). */
const pcre2_code *bl_gram_anchored(const bl_grammar *g, const pcre2_code *re);

/* Build from `dir` (NULL = built-in).  Same as bl_grammar_new. */
bl_grammar *bl_gram_load(const char *dir, bl_error *err);

#endif
