/*
 * rx_pre.c — where the rules of a set may start in a span (see rx_pre.h).
 *
 * Searched over a sentence, a rule that opens on a word (attrib.pcre
 * "verb", "selon", "par-agent") makes PCRE2 enter its match at every byte
 * of its start bitmap, that is at most letters, for about 100 instructions
 * each.  Here each position is first put to PCRE2 itself on the few bytes
 * around it: the rule's anchored twin, matched with PCRE2_PARTIAL_SOFT on
 * the text from the rule's longest lookbehind before the position to the
 * end of what was read after it.  PCRE2_ERROR_NOMATCH then means that no
 * match can start at the position, whatever follows (pcre2partial(3): at
 * least the character at the position is read); the other positions are
 * tried anchored, in order, and the first that matches is the match the
 * search would have found, with the same groups.  An answer depends on
 * those bytes alone, so it is kept: for the character at the position and
 * the one before it (which rules out the inside of words), for the word at
 * the position, then for it and the next word.
 */
#include "rx_pre.h"

/* Bytes of a word read after a position (more would only be a longer key). */
#define WORD_MAX 32
/* Kept answers before the cache starts afresh. */
#define CACHE_MAX 32768u
/* Bytes of the longest key (what PCRE2 is shown of the text). */
#define KEY_MAX 96

typedef struct entry {
  uint64_t hash;
  uint32_t off; /* key bytes in pre->keys */
  uint16_t len;
  uint8_t at;    /* offset of the position in the key */
  uint8_t known; /* rules tested (bits) */
  uint8_t may;   /* rules that may match (bits) */
} entry;

typedef struct spot {
  size_t pos;
  unsigned may;
} spot;

struct bl_prefilter {
  size_t nrules;
  const pcre2_code *rule[BL_PRE_MAX];
  const pcre2_code *twin[BL_PRE_MAX];
  unsigned usable;    /* rules tried through the prefilter (bits) */
  uint32_t back;      /* characters before a position its rules can see */
  uint8_t first[256]; /* rules whose match can start with the byte (bits) */
  /* When back == 1, the answers for a character and the one before it,
   * both ASCII or in U+00C0..U+00FF (C3 xx, most French accents): known
   * rules << 8 | rules that may match, by (before, at), each of the two an
   * ASCII byte or 128 + (xx & 0x3F). */
  uint16_t pair[192 * 192];
  /* By the byte before a position and the byte at it (b0 << 8 | b1): 1
   * when no rule can start there: b1 continues a character or starts none
   * of the rules, or both are ASCII and their pair rules them all out. */
  uint8_t dead[65536];
  entry *tab; /* open addressing, cap a power of two */
  size_t cap, n;
  bl_buf keys;
  spot *spots; /* the positions of the last scan, in order */
  size_t nspots, spotcap;
  bl_rx_state *rx; /* of the last scan */
  const char *s;
  size_t b; /* the subject's end of the last scan */
};

bl_prefilter *bl_pre_new(const bl_grammar *g, const pcre2_code *const *rules, size_t n) {
  if (n > BL_PRE_MAX) return NULL;
  bl_prefilter *p = bl_calloc(1, sizeof *p);
  if (!p) return NULL;
  bl_buf_init(&p->keys);
  p->nrules = n;
  for (size_t r = 0; r < n; r++) {
    p->rule[r] = rules[r];
    p->twin[r] = bl_gram_anchored(g, rules[r]);
    uint32_t lb = 0, empty = 1;
    const uint8_t *bits = NULL;
    pcre2_pattern_info(rules[r], PCRE2_INFO_MAXLOOKBEHIND, &lb);
    pcre2_pattern_info(rules[r], PCRE2_INFO_MATCHEMPTY, &empty);
    pcre2_pattern_info(rules[r], PCRE2_INFO_FIRSTBITMAP, (void *)&bits);
    /* a rule without an anchored twin, that can match nothing, or that
     * looks far back is searched as it is */
    if (p->twin[r] == rules[r] || empty || lb > 4) continue;
    p->usable |= 1u << r;
    if (lb > p->back) p->back = lb;
    for (int c = 0; c < 256; c++)
      if ((c & 0xC0) != 0x80 && (!bits || (bits[c / 8] >> (c % 8)) & 1))
        p->first[c] |= (uint8_t)(1u << r);
  }
  for (int i = 0; i < 65536; i++) p->dead[i] = !(p->first[i & 0xFF] & p->usable);
  return p;
}

void bl_pre_free(bl_prefilter *p) {
  if (!p) return;
  bl_free(p->tab);
  bl_buf_clear(&p->keys);
  bl_free(p->spots);
  bl_free(p);
}

/* The rules of `rules` that may match at key[at], the key being all the
 * subject PCRE2 sees. */
static unsigned test(bl_prefilter *p, const char *key, size_t len, size_t at, unsigned rules) {
  unsigned may = 0;
  for (size_t r = 0; r < p->nrules; r++) {
    if (!(rules & (1u << r))) continue;
    int rc = pcre2_match(p->twin[r], (PCRE2_SPTR)key, len, at,
                         PCRE2_PARTIAL_SOFT | PCRE2_NO_UTF_CHECK, p->rx->md, p->rx->mc);
    if (rc != PCRE2_ERROR_NOMATCH) may |= 1u << r; /* a match, a partial one, or a limit */
  }
  return may;
}

static uint64_t hash_key(const char *k, size_t n, size_t at) {
  uint64_t h = 1469598103934665603ull ^ at ^ ((uint64_t)n << 8);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, k + i, sizeof w);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  for (; i < n; i++) h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
  return h;
}

static int grow_table(struct bl_prefilter *p) {
  size_t cap = p->cap ? p->cap * 2 : 1024;
  entry *t = bl_calloc(cap, sizeof *t);
  if (!t) return BL_NOMEM;
  for (size_t i = 0; i < p->cap; i++) {
    if (!p->tab[i].len) continue;
    size_t j = (size_t)p->tab[i].hash & (cap - 1);
    while (t[j].len) j = (j + 1) & (cap - 1);
    t[j] = p->tab[i];
  }
  bl_free(p->tab);
  p->tab = t;
  p->cap = cap;
  return BL_OK;
}

/* The rules of `rules` that may match at key[at]: kept, or tested now.
 * Returns `rules` itself (try them all) when out of memory. */
static unsigned lookup(bl_prefilter *p, const char *key, size_t len, size_t at, unsigned rules) {
  if (p->n >= CACHE_MAX) {
    memset(p->tab, 0, p->cap * sizeof *p->tab);
    p->n = 0;
    bl_buf_reset(&p->keys);
  }
  if (p->n * 2 >= p->cap && grow_table(p)) return rules;
  uint64_t h = hash_key(key, len, at);
  size_t j = (size_t)h & (p->cap - 1);
  for (; p->tab[j].len; j = (j + 1) & (p->cap - 1)) {
    entry *e = &p->tab[j];
    if (e->hash != h || e->len != len || e->at != at || memcmp(p->keys.ptr + e->off, key, len))
      continue;
    unsigned missing = rules & ~(unsigned)e->known;
    if (missing) {
      e->may = (uint8_t)(e->may | test(p, key, len, at, missing));
      e->known = (uint8_t)(e->known | missing);
    }
    return rules & e->may;
  }
  unsigned may = test(p, key, len, at, rules);
  if (p->keys.len > UINT32_MAX - len || bl_buf_add(&p->keys, key, len)) return may;
  p->tab[j] = (entry){
      h, (uint32_t)(p->keys.len - len), (uint16_t)len, (uint8_t)at, (uint8_t)rules, (uint8_t)may};
  p->n++;
  return may;
}

/* Start of the character before byte q (a character start). */
static size_t char_before(const unsigned char *s, size_t q) {
  do q--;
  while (q > 0 && (s[q] & 0xC0) == 0x80);
  return q;
}

/* End of the character starting at q, at most `end`. */
static size_t char_after(const unsigned char *s, size_t q, size_t end) {
  do q++;
  while (q < end && (s[q] & 0xC0) == 0x80);
  return q;
}

static bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '-' || c >= 0x80;
}

/* The index in p->pair of the character at s[q] (q < b): an ASCII byte,
 * 128 + xx for C3 xx; -1 for any other. */
static int pair_index(const unsigned char *s, size_t q, size_t b) {
  if (s[q] < 0x80) return s[q];
  return s[q] == 0xC3 && q + 1 < b ? 128 + (s[q + 1] & 0x3F) : -1;
}

/* The rules of m that may start at q for the character at q and those
 * before it that the rules can see (from *ctx on). */
static unsigned first_char(bl_prefilter *p, size_t q, size_t b, unsigned m, size_t *ctx) {
  const unsigned char *s = (const unsigned char *)p->s;
  size_t c0 = q, end = char_after(s, q, b);
  int i = -1, j = -1;
  if (p->back == 1 && q > 0) {
    c0 = s[q - 1] < 0x80 ? q - 1 : q > 1 && s[q - 2] == 0xC3 ? q - 2 : q;
    if (c0 < q && (j = pair_index(s, q, b)) >= 0) i = pair_index(s, c0, b);
  }
  if (i < 0) {
    c0 = q;
    for (uint32_t k = 0; k < p->back && c0 > 0; k++) c0 = char_before(s, c0);
    *ctx = c0;
    return lookup(p, (const char *)s + c0, end - c0, q - c0, m);
  }
  *ctx = c0;
  uint16_t *pr = &p->pair[i * 192 + j];
  unsigned missing = m & ~(unsigned)(*pr >> 8);
  if (missing) {
    unsigned may = test(p, (const char *)s + c0, end - c0, q - c0, missing);
    *pr = (uint16_t)(((*pr >> 8 | missing) << 8) | (*pr & 0xFF) | may);
  }
  return m & *pr & 0xFF;
}

/* End of the word at q (at most WORD_MAX bytes, not inside a character;
 * at least the character at q), at most b. */
static size_t word_end(const unsigned char *s, size_t q, size_t b) {
  size_t e = q;
  while (e < b && e - q < WORD_MAX && word_byte(s[e])) e++;
  while (e > q && e < b && (s[e] & 0xC0) == 0x80) e--;
  return e > q ? e : char_after(s, q, b);
}

int bl_pre_scan(bl_prefilter *p, bl_rx_state *rx, const char *text, size_t a, size_t b) {
  const unsigned char *s = (const unsigned char *)text;
  const unsigned usable = p->usable;
  const uint32_t back = p->back;
  p->rx = rx;
  p->s = text;
  p->nspots = 0;
  p->b = b;
  for (size_t q = a; q < b; q++) {
    unsigned char c = s[q];
    /* most positions end here: inside a word, or not a rule's first byte */
    if (p->dead[(q > 0 ? (unsigned)s[q - 1] << 8 : 0) | c]) continue;
    unsigned m = p->first[c] & usable;
    /* the character at q and the one before it */
    size_t ctx = q - 1;
    if (back == 1 && q > 0 && s[ctx] < 0x80 && c < 0x80) {
      uint16_t *pr = &p->pair[s[ctx] * 192 + c];
      unsigned missing = m & ~(unsigned)(*pr >> 8);
      if (missing) {
        unsigned may = test(p, (const char *)s + ctx, 2, 1, missing);
        *pr = (uint16_t)(((*pr >> 8 | missing) << 8) | (*pr & 0xFF) | may);
      }
      m &= *pr & 0xFF;
      if (!m) {
        p->dead[(unsigned)s[ctx] << 8 | c] = 1;
        continue;
      }
    } else {
      m = first_char(p, q, b, m, &ctx);
      if (!m) continue;
    }
    /* the word at q; then with the next word ("de la" is no "de source",
     * "a été" may still be "a ... annoncé") */
    size_t e = word_end(s, q, b);
    if (e - ctx > KEY_MAX) e = ctx; /* too long to keep: try the rules there */
    if (e > ctx) m = lookup(p, (const char *)s + ctx, e - ctx, q - ctx, m);
    if (!m) continue;
    size_t n = e > ctx ? e : b;
    while (n < b && (s[n] == ' ' || s[n] == ',')) n++;
    if (n < b && word_byte(s[n])) {
      size_t e2 = word_end(s, n, b);
      if (e2 - ctx <= KEY_MAX) m = lookup(p, (const char *)s + ctx, e2 - ctx, q - ctx, m);
    }
    if (!m) continue;
    if (bl_grow((void **)&p->spots, &p->spotcap, p->nspots + 1, sizeof *p->spots)) return BL_NOMEM;
    p->spots[p->nspots++] = (spot){q, m};
  }
  return BL_OK;
}

int bl_pre_search(bl_prefilter *p, size_t rule, size_t from) {
  if (!(p->usable & (1u << rule))) return bl_rx_match(p->rule[rule], p->rx, p->s, p->b, from, 0);
  size_t lo = 0, hi = p->nspots;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p->spots[mid].pos < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k < p->nspots; k++) {
    if (!(p->spots[k].may & (1u << rule))) continue;
    int rc = bl_rx_match(p->twin[rule], p->rx, p->s, p->b, p->spots[k].pos, PCRE2_ANCHORED);
    if (rc) return rc;
  }
  return 0;
}
