/*
 * oracle_spellout.c — ICU's spellout rules as the oracle of the French number
 * grammar (src/numword.c, grammars/fr/numbers.tsv, quantity.pcre): ICU writes
 * n in words, bilan must read back exactly n.
 *
 *   oracle_spellout [--full] [--stride K] [--random N] [--seed S] [--threads T]
 *
 * Locales fr, fr_BE and fr_CH; in each, the public cardinal and numbering
 * rule sets (%spellout-numbering, %spellout-cardinal-masculine,
 * %spellout-cardinal-feminine and %spellout-numbering-year, whose French
 * forms, "dix-neuf-cent quatre-vingt-quatre", are plain readings of the
 * number); and variants of each text: as ICU writes it, in the 1990 spelling
 * (every word joined by hyphens, except around million and milliard, which
 * are nouns), and capitalised as at the start of a sentence.
 *
 *   default   every n in [0, 1 000 000] with %spellout-numbering of each
 *             locale, and N random n < 10^12 (default 100 000, fixed seed),
 *             each in one (locale, rule set, variant) taken in turn
 *   --full    every n in [0, 1 000 000] and N random n (default 1 000 000),
 *             each in every (locale, rule set, variant)
 *   --stride  check every K-th n only, and N / K random ones (sanitizer
 *             builds); BILAN_TEST_SCALE=k in the environment multiplies the
 *             stride by k (make test-valgrind)
 *
 * "Reads back" means: the text alone gives exactly one quantity, which
 * covers the whole text, is exact and has value n.  One exception is SPEC
 * §4's: n = 1 is written "un"/"une", the article, which alone is no quantity.
 * A text that several (locale, rule set, variant) write alike is checked
 * once per n.  Exit status: 0 all read back, 1 some did not (the first ones
 * are printed), 2 usage or setup error.
 */
#include "gram.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#define MAX_SEQ 1000000ull
#define RANDOM_LIMIT 1000000000000ull /* 10^12 */
#define MAX_FORMS 64                  /* (locale, rule set) pairs */
#define TEXT_MAX 1024
#define CHUNK 4096
#define SHOW_FAILURES 30

enum { V_ICU = 0, V_1990, V_CAPITAL, V_COUNT };
static const char *const variant_names[V_COUNT] = {"as ICU writes it", "1990 spelling",
                                                   "capitalised"};

typedef struct form {
  char locale[16];
  char ruleset[64];
} form;

typedef struct config {
  bool full;
  unsigned long long stride;
  unsigned long long nrandom;
  unsigned long long seed;
  unsigned threads;
} config;

typedef struct shared {
  const config *cfg;
  const bl_grammar *g;
  form forms[MAX_FORMS];
  size_t nforms;
  size_t seq_forms[MAX_FORMS]; /* forms swept over [0, MAX_SEQ] */
  size_t nseq_forms;
  unsigned long long *randoms; /* owned */
  size_t nrandoms;
  atomic_ullong next_seq;    /* next sequential chunk start (in strides) */
  atomic_ullong next_random; /* next random index */
  atomic_ullong checked, failed;
  pthread_mutex_t lock;
  unsigned shown;
} shared;

/* ---------------------------------------------------------------- helpers */

static unsigned long long splitmix64(unsigned long long *x) {
  unsigned long long z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* n spelled by f (ICU) into out as UTF-8; returns its length or -1. */
static int spell(UNumberFormat *f, unsigned long long n, char *out, size_t cap) {
  UChar buf[TEXT_MAX / 2];
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = unum_formatInt64(f, (int64_t)n, buf, (int32_t)(sizeof buf / sizeof buf[0]), NULL,
                                 &st);
  if (U_FAILURE(st)) return -1;
  int32_t n8 = 0;
  u_strToUTF8(out, (int32_t)cap, &n8, buf, len, &st);
  return U_FAILURE(st) || (size_t)n8 >= cap ? -1 : n8;
}

static bool is_scale_word(const bl_grammar *g, const char *s, size_t n) {
  const bl_lexent *e = bl_lex_find(&g->numbers, s, n);
  return e && e->kind == NW_SCALE;
}

/* Rewrite text[0..n) in place as the variant asks. */
static void make_variant(const bl_grammar *g, int variant, char *text, size_t n) {
  if (variant == V_CAPITAL) {
    if (text[0] >= 'a' && text[0] <= 'z') text[0] = (char)(text[0] - 'a' + 'A');
    return;
  }
  if (variant != V_1990) return;
  /* Every space becomes a hyphen unless a word next to it is a scale noun. */
  size_t prev_s = 0;
  for (size_t i = 0; i < n; i++) {
    if (text[i] != ' ') continue;
    size_t next_e = i + 1;
    while (next_e < n && text[next_e] != ' ' && text[next_e] != '-') next_e++;
    size_t ps = i;
    while (ps > prev_s && text[ps - 1] != '-' && text[ps - 1] != ' ') ps--;
    if (!is_scale_word(g, text + ps, i - ps) && !is_scale_word(g, text + i + 1, next_e - i - 1))
      text[i] = '-';
    prev_s = i + 1;
  }
}

/* ----------------------------------------------------------------- checks */

typedef struct worker {
  shared *sh;
  UNumberFormat *fmt[MAX_FORMS];
  bl_scan *scan;
  unsigned long long checked, failed;
} worker;

static void report(worker *w, size_t fi, int variant, unsigned long long n, const char *text,
                   size_t len, const char *why) {
  shared *sh = w->sh;
  pthread_mutex_lock(&sh->lock);
  if (sh->shown < SHOW_FAILURES) {
    sh->shown++;
    printf("FAIL %s %s (%s) n=%llu \"%.*s\": %s\n", sh->forms[fi].locale, sh->forms[fi].ruleset,
           variant_names[variant], n, (int)len, text, why);
  }
  pthread_mutex_unlock(&sh->lock);
}

/* Check one text; returns true when it reads back as n. */
static bool check_text(worker *w, size_t fi, int variant, unsigned long long n, const char *text,
                       size_t len) {
  bl_error err;
  memset(&err, 0, sizeof err);
  char why[200];
  w->checked++;
  int rc = bl_scan_run(w->scan, text, len, 0, &err);
  if (rc) {
    snprintf(why, sizeof why, "bl_scan_run: %s", err.msg);
    report(w, fi, variant, n, text, len, why);
    return false;
  }
  size_t count = bl_scan_count(w->scan);
  /* SPEC §4: the article "un"/"une" alone is not a quantity. */
  if (n == 1) {
    if (count == 0) return true;
    snprintf(why, sizeof why, "the article alone gave %zu quantities", count);
    report(w, fi, variant, n, text, len, why);
    return false;
  }
  const bl_quantity *q = count ? bl_scan_get(w->scan, 0) : NULL;
  if (count != 1) {
    snprintf(why, sizeof why, "%zu quantities (first: \"%.*s\" = %.17g)", count,
             q ? (int)(q->span.end - q->span.start) : 0, q ? text + q->span.start : "",
             q ? q->value : 0.0);
  } else if (q->value != (double)n) {
    snprintf(why, sizeof why, "read %.17g", q->value);
  } else if (q->span.start != 0 || q->span.end != len) {
    snprintf(why, sizeof why, "the quantity covers bytes [%zu, %zu) of %zu", q->span.start,
             q->span.end, len);
  } else if (q->qualifier != BL_EXACT) {
    snprintf(why, sizeof why, "qualifier %s", bl_qualifier_name(q->qualifier));
  } else {
    return true;
  }
  report(w, fi, variant, n, text, len, why);
  return false;
}

/* Check n in the given forms and variants, each distinct text once. */
static void check_n(worker *w, unsigned long long n, const size_t *fis, size_t nfis, int vfrom,
                    int vto) {
  static _Thread_local char seen[MAX_FORMS * V_COUNT][TEXT_MAX];
  static _Thread_local size_t seen_len[MAX_FORMS * V_COUNT];
  size_t nseen = 0;
  for (size_t k = 0; k < nfis; k++) {
    size_t fi = fis[k];
    char base[TEXT_MAX];
    int len = spell(w->fmt[fi], n, base, sizeof base);
    if (len < 0) {
      report(w, fi, V_ICU, n, "", 0, "ICU could not spell it");
      w->failed++;
      continue;
    }
    for (int v = vfrom; v < vto; v++) {
      char *text = seen[nseen];
      memcpy(text, base, (size_t)len + 1);
      make_variant(w->sh->g, v, text, (size_t)len);
      bool dup = false;
      for (size_t j = 0; j < nseen && !dup; j++)
        dup = seen_len[j] == (size_t)len && !memcmp(seen[j], text, (size_t)len);
      if (dup) continue;
      seen_len[nseen++] = (size_t)len;
      if (!check_text(w, fi, v, n, text, (size_t)len)) w->failed++;
    }
  }
}

static void *run_worker(void *p) {
  worker *w = p;
  shared *sh = w->sh;
  const config *cfg = sh->cfg;
  /* The sequential sweep. */
  unsigned long long nsteps = MAX_SEQ / cfg->stride + 1;
  for (;;) {
    unsigned long long k0 = atomic_fetch_add(&sh->next_seq, CHUNK);
    if (k0 >= nsteps) break;
    unsigned long long k1 = k0 + CHUNK < nsteps ? k0 + CHUNK : nsteps;
    for (unsigned long long k = k0; k < k1; k++)
      check_n(w, k * cfg->stride, sh->seq_forms, sh->nseq_forms, V_ICU,
              cfg->full ? V_COUNT : V_ICU + 1);
  }
  /* The random numbers. */
  for (;;) {
    unsigned long long i = atomic_fetch_add(&sh->next_random, 1);
    if (i >= sh->nrandoms) break;
    unsigned long long n = sh->randoms[i];
    if (cfg->full) {
      size_t all[MAX_FORMS];
      for (size_t f = 0; f < sh->nforms; f++) all[f] = f;
      check_n(w, n, all, sh->nforms, V_ICU, V_COUNT);
    } else {
      /* One (form, variant) in turn. */
      size_t fi = (size_t)(i % sh->nforms);
      int v = (int)((i / sh->nforms) % V_COUNT);
      check_n(w, n, &fi, 1, v, v + 1);
    }
  }
  return NULL;
}

/* ------------------------------------------------------------------- setup */

/* The public cardinal and numbering rule sets of `locale` into sh->forms. */
static int add_locale(shared *sh, const char *locale) {
  UErrorCode st = U_ZERO_ERROR;
  UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "oracle_spellout: ICU has no spellout rules for %s: %s\n", locale,
            u_errorName(st));
    return -1;
  }
  UChar names[2048];
  int32_t n = unum_getTextAttribute(f, UNUM_PUBLIC_RULESETS, names,
                                    (int32_t)(sizeof names / sizeof names[0]), &st);
  char u8[4096];
  u_strToUTF8(u8, (int32_t)sizeof u8, NULL, names, n, &st);
  unum_close(f);
  if (U_FAILURE(st)) return -1;
  size_t before = sh->nforms;
  for (char *tok = strtok(u8, ";"); tok; tok = strtok(NULL, ";")) {
    if (strncmp(tok, "%spellout-numbering", 19) != 0 &&
        strncmp(tok, "%spellout-cardinal", 18) != 0)
      continue;
    if (sh->nforms == MAX_FORMS || strlen(tok) >= sizeof sh->forms[0].ruleset) return -1;
    form *fm = &sh->forms[sh->nforms++];
    snprintf(fm->locale, sizeof fm->locale, "%s", locale);
    snprintf(fm->ruleset, sizeof fm->ruleset, "%s", tok);
    if (!strcmp(tok, "%spellout-numbering")) sh->seq_forms[sh->nseq_forms++] = sh->nforms - 1;
  }
  if (sh->nforms == before) {
    fprintf(stderr, "oracle_spellout: no cardinal rule set for %s\n", locale);
    return -1;
  }
  return 0;
}

static UNumberFormat *open_form(const form *fm) {
  UErrorCode st = U_ZERO_ERROR;
  UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, fm->locale, NULL, &st);
  UChar rs[64];
  u_uastrcpy(rs, fm->ruleset);
  if (U_SUCCESS(st)) unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rs, -1, &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "oracle_spellout: %s %s: %s\n", fm->locale, fm->ruleset, u_errorName(st));
    unum_close(f);
    return NULL;
  }
  return f;
}

static bool parse_ull(const char *s, unsigned long long *out) {
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (!*s || *end) return false;
  *out = v;
  return true;
}

int main(int argc, char **argv) {
  static config cfg = {false, 1, 0, 20240607, 0}; /* static: the shared state points at it */
  bool random_given = false;
  unsigned long long threads = 0;
  for (int i = 1; i < argc; i++) {
    bool has = i + 1 < argc;
    if (!strcmp(argv[i], "--full")) {
      cfg.full = true;
    } else if (!strcmp(argv[i], "--stride") && has && parse_ull(argv[i + 1], &cfg.stride) &&
               cfg.stride > 0) {
      i++;
    } else if (!strcmp(argv[i], "--random") && has && parse_ull(argv[i + 1], &cfg.nrandom)) {
      random_given = true;
      i++;
    } else if (!strcmp(argv[i], "--seed") && has && parse_ull(argv[i + 1], &cfg.seed)) {
      i++;
    } else if (!strcmp(argv[i], "--threads") && has && parse_ull(argv[i + 1], &threads) &&
               threads > 0 && threads <= 64) {
      i++;
    } else {
      fprintf(stderr, "usage: oracle_spellout [--full] [--stride K] [--random N] [--seed S] "
                      "[--threads T]\n");
      return 2;
    }
  }
  if (cfg.stride == 0) return 2;
  const char *scale = getenv("BILAN_TEST_SCALE");
  if (scale && atoi(scale) > 1) cfg.stride *= (unsigned long long)atoi(scale);
  if (!random_given) cfg.nrandom = cfg.full ? 1000000 : 100000;
  cfg.nrandom /= cfg.stride;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  cfg.threads = threads ? (unsigned)threads : (unsigned)(ncpu > 0 ? (ncpu < 16 ? ncpu : 16) : 1);

  static shared sh;
  sh.cfg = &cfg;
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_grammar *g = bl_grammar_new(NULL, &err);
  if (!g) {
    fprintf(stderr, "oracle_spellout: grammar: %s\n", err.msg);
    return 2;
  }
  sh.g = g;
  pthread_mutex_init(&sh.lock, NULL);
  int status = 2;
  unsigned started = 0;
  unsigned long long checked = 0, failed = 0;
  worker *ws = calloc(cfg.threads, sizeof *ws);
  pthread_t *tids = calloc(cfg.threads, sizeof *tids);
  static const char *const locales[] = {"fr", "fr_BE", "fr_CH"};
  for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++)
    if (add_locale(&sh, locales[i])) goto out;
  if (cfg.full) {
    sh.nseq_forms = sh.nforms;
    for (size_t i = 0; i < sh.nforms; i++) sh.seq_forms[i] = i;
  }
  sh.nrandoms = (size_t)cfg.nrandom;
  sh.randoms = malloc((sh.nrandoms + 1) * sizeof *sh.randoms);
  if (!sh.randoms || !ws || !tids) goto out;
  unsigned long long x = cfg.seed;
  for (size_t i = 0; i < sh.nrandoms; i++) sh.randoms[i] = splitmix64(&x) % RANDOM_LIMIT;

  for (unsigned t = 0; t < cfg.threads; t++) {
    ws[t].sh = &sh;
    if (!(ws[t].scan = bl_scan_new(g, &err))) goto out;
    for (size_t f = 0; f < sh.nforms; f++)
      if (!(ws[t].fmt[f] = open_form(&sh.forms[f]))) goto out;
  }
  for (; started < cfg.threads; started++)
    if (pthread_create(&tids[started], NULL, run_worker, &ws[started])) break;
  for (unsigned t = 0; t < started; t++) {
    pthread_join(tids[t], NULL);
    checked += ws[t].checked;
    failed += ws[t].failed;
  }
  if (started < cfg.threads) goto out;

  printf("oracle_spellout: %zu rule sets in fr, fr_BE, fr_CH:", sh.nforms);
  for (size_t f = 0; f < sh.nforms; f++) printf(" %s:%s", sh.forms[f].locale, sh.forms[f].ruleset);
  printf("\noracle_spellout: n in [0, %llu] every %llu with %zu rule set(s), %zu random n < 10^12 "
         "(seed %llu)%s; %llu distinct texts checked, %llu failed\n",
         MAX_SEQ, cfg.stride, sh.nseq_forms, sh.nrandoms, cfg.seed,
         cfg.full ? ", every variant" : "", checked, failed);
  status = failed ? 1 : 0;
out:
  for (unsigned t = 0; ws && t < cfg.threads; t++) {
    for (size_t f = 0; f < sh.nforms; f++) unum_close(ws[t].fmt[f]);
    bl_scan_free(ws[t].scan);
  }
  free(sh.randoms);
  free(ws);
  free(tids);
  bl_grammar_free(g);
  pthread_mutex_destroy(&sh.lock);
  return status;
}
