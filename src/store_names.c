/*
 * store_names.c — layer 7: name keys for grouping sources, outlets and
 * places (see store.h).  ICU's "Any-Latin; Latin-ASCII; Any-Lower"
 * transliterator does the script, accent and case work; the French words
 * come from fr/names.tsv.  Keys are cached per bl_names: a news corpus names
 * the same few hundred sources again and again, and the transliterator costs
 * microseconds a call.
 */
#include "gram.h"
#include "store.h"

#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <xxhash.h>

#define CACHE_MAX 65536 /* entries before the cache starts afresh */

typedef struct entry {
  char *in; /* owned: input bytes, then the key right after them (one block) */
  size_t inlen;
  const char *key; /* inside `in` */
  uint64_t hash;
} entry;

struct bl_names {
  const bl_grammar *g;
  UTransliterator *tr; /* owned */
  entry *slots;        /* owned: open addressing, in == NULL = empty */
  size_t nslots, used;
  UChar *u;            /* owned: UTF-16 scratch */
  int32_t ucap;
  bl_buf latin, key;   /* owned scratch */
};

bl_names *bl_names_new(const bl_grammar *g, bl_error *err) {
  bl_names *n = bl_calloc(1, sizeof *n);
  if (!n) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  n->g = g;
  bl_buf_init(&n->latin);
  bl_buf_init(&n->key);
  static const char id[] = "Any-Latin; Latin-ASCII; Any-Lower";
  UChar uid[64];
  UErrorCode st = U_ZERO_ERROR;
  u_uastrncpy(uid, id, (int32_t)BL_ARRAY_LEN(uid));
  n->tr = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
  if (U_FAILURE(st) || !n->tr) {
    bl_fail(err, BL_INTERNAL, "ICU transliterator %s: %s", id, u_errorName(st));
    bl_names_free(n);
    return NULL;
  }
  n->nslots = 1024;
  n->slots = bl_calloc(n->nslots, sizeof *n->slots);
  if (!n->slots) {
    bl_fail(err, BL_NOMEM, "out of memory");
    bl_names_free(n);
    return NULL;
  }
  return n;
}

static void cache_drop(bl_names *n) {
  for (size_t i = 0; i < n->nslots; i++) bl_free(n->slots[i].in);
  memset(n->slots, 0, n->nslots * sizeof *n->slots);
  n->used = 0;
}

void bl_names_free(bl_names *n) {
  if (!n) return;
  if (n->slots) cache_drop(n);
  bl_free(n->slots);
  if (n->tr) utrans_close(n->tr);
  bl_free(n->u);
  bl_buf_clear(&n->latin);
  bl_buf_clear(&n->key);
  bl_free(n);
}

/* s → lower-case ASCII (mostly) in n->latin. */
static int to_latin(bl_names *n, const char *s, size_t len, bl_error *err) {
  bl_buf_reset(&n->latin);
  bool ascii = true;
  for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
  if (ascii) {
    if (bl_buf_add(&n->latin, s, len)) return bl_fail(err, BL_NOMEM, "out of memory");
    for (size_t i = 0; i < len; i++)
      if (n->latin.ptr[i] >= 'A' && n->latin.ptr[i] <= 'Z') n->latin.ptr[i] |= 0x20;
    return BL_OK;
  }
  if (len > INT32_MAX / 8) return bl_fail(err, BL_LIMIT, "name too long");
  /* Transliteration may lengthen the text (œ → oe, щ → shch). */
  int32_t need = (int32_t)len * 4 + 16;
  if (need > n->ucap) {
    UChar *u = bl_realloc(n->u, (size_t)need * sizeof *u);
    if (!u) return bl_fail(err, BL_NOMEM, "out of memory");
    n->u = u;
    n->ucap = need;
  }
  UErrorCode st = U_ZERO_ERROR;
  int32_t ulen = 0;
  u_strFromUTF8Lenient(n->u, n->ucap, &ulen, s, (int32_t)len, &st);
  if (U_FAILURE(st)) return bl_fail(err, BL_INTERNAL, "ICU u_strFromUTF8: %s", u_errorName(st));
  int32_t limit = ulen;
  utrans_transUChars(n->tr, n->u, &ulen, n->ucap, 0, &limit, &st);
  if (st == U_BUFFER_OVERFLOW_ERROR) {
    /* Rare: a script whose Latin form is more than four times longer.  Keep
     * the text as it is rather than fail the article. */
    return bl_buf_add(&n->latin, s, len) ? bl_fail(err, BL_NOMEM, "out of memory") : BL_OK;
  }
  if (U_FAILURE(st)) return bl_fail(err, BL_INTERNAL, "ICU transliteration: %s", u_errorName(st));
  int32_t blen = 0;
  st = U_ZERO_ERROR;
  u_strToUTF8(NULL, 0, &blen, n->u, ulen, &st);
  st = U_ZERO_ERROR;
  if (bl_buf_reserve(&n->latin, (size_t)blen + 1)) return bl_fail(err, BL_NOMEM, "out of memory");
  u_strToUTF8(n->latin.ptr, blen + 1, &blen, n->u, ulen, &st);
  if (U_FAILURE(st)) return bl_fail(err, BL_INTERNAL, "ICU u_strToUTF8: %s", u_errorName(st));
  n->latin.len = (size_t)blen;
  n->latin.ptr[blen] = '\0';
  return BL_OK;
}

static bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The first form of names.tsv with this office value: the institution's
 * name in keys. */
static const bl_lexent *office_name(const bl_lexicon *lx, double value) {
  for (size_t i = 0; i < lx->n; i++)
    if (lx->ents[i].kind == NM_OFFICE && lx->ents[i].value == value) return &lx->ents[i];
  return NULL;
}

/* Append word w[0..len) folded: y → i, an i between vowels dropped, doubled
 * letters once ("Tokayev", "Tokaïev", "Tokaev" → "tokaev"). */
static int add_folded(bl_buf *b, const char *w, size_t len) {
  char prev = 0;
  for (size_t i = 0; i < len; i++) {
    char c = w[i] == 'y' ? 'i' : w[i];
    char next = i + 1 < len ? (w[i + 1] == 'y' ? 'i' : w[i + 1]) : 0;
    if (c == 'i' && i > 0 && is_vowel(prev) && prev != 'i' && is_vowel(next) && next != 'i')
      continue;
    if (c == prev && !(c >= '0' && c <= '9')) continue;
    if (bl_buf_addc(b, c)) return BL_NOMEM;
    prev = c;
  }
  return BL_OK;
}

/* n->latin → n->key. */
static int make_key(bl_names *n) {
  bl_buf *k = &n->key;
  bl_buf_reset(k);
  if (bl_buf_add(k, "", 0)) return BL_NOMEM;
  const char *s = n->latin.ptr;
  size_t len = n->latin.len;
  double last_office = -1;
  for (size_t i = 0; i < len;) {
    while (i < len && !is_word_byte((unsigned char)s[i])) i++;
    size_t st = i;
    while (i < len && is_word_byte((unsigned char)s[i])) i++;
    if (i == st) break;
    const char *w = s + st;
    size_t wl = i - st;
    const bl_lexent *e = bl_lex_find(&n->g->names, w, wl);
    if (e && e->kind == NM_DROP) continue;
    if (e && e->kind == NM_OFFICE) {
      if (e->value == last_office) continue; /* "sapeurs pompiers" is one office */
      last_office = e->value;
      const bl_lexent *o = office_name(&n->g->names, e->value);
      if (o) {
        w = o->form;
        wl = o->len;
      }
    } else {
      last_office = -1;
    }
    if (k->len && bl_buf_addc(k, ' ')) return BL_NOMEM;
    if (add_folded(k, w, wl)) return BL_NOMEM;
  }
  return BL_OK;
}

const char *bl_names_key(bl_names *n, const char *s, size_t len, bl_error *err) {
  uint64_t h = XXH3_64bits(s, len);
  size_t mask = n->nslots - 1;
  size_t i = (size_t)h & mask;
  for (; n->slots[i].in; i = (i + 1) & mask) {
    entry *e = &n->slots[i];
    if (e->hash == h && e->inlen == len && memcmp(e->in, s, len) == 0) return e->key;
  }
  if (to_latin(n, s, len, err)) return NULL;
  if (make_key(n)) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  if (n->used + 1 > n->nslots / 2) {
    /* Grow until CACHE_MAX, then start afresh: memory stays bounded. */
    if (n->nslots * 2 > (size_t)CACHE_MAX * 2) {
      cache_drop(n);
    } else {
      entry *ns = bl_calloc(n->nslots * 2, sizeof *ns);
      if (!ns) {
        bl_fail(err, BL_NOMEM, "out of memory");
        return NULL;
      }
      size_t nm = n->nslots * 2 - 1;
      for (size_t j = 0; j < n->nslots; j++) {
        if (!n->slots[j].in) continue;
        size_t t = (size_t)n->slots[j].hash & nm;
        while (ns[t].in) t = (t + 1) & nm;
        ns[t] = n->slots[j];
      }
      bl_free(n->slots);
      n->slots = ns;
      n->nslots *= 2;
    }
    mask = n->nslots - 1;
    for (i = (size_t)h & mask; n->slots[i].in; i = (i + 1) & mask) {
    }
  }
  char *block = bl_malloc(len + n->key.len + 2);
  if (!block) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  memcpy(block, s, len);
  block[len] = '\0';
  memcpy(block + len + 1, n->key.ptr, n->key.len + 1);
  entry *e = &n->slots[i];
  e->in = block;
  e->inlen = len;
  e->key = block + len + 1;
  e->hash = h;
  n->used++;
  return e->key;
}
