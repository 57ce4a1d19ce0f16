/*
 * text.c — layer 1: UTF-8 validation, NFC and French typographic folding,
 * with an offset map back to the caller's bytes (see text.h).
 *
 * Most French text is already NFC and mostly ASCII, so the normaliser copies
 * nothing until the first change; a text that needs none is used in place.
 * Character classes come from ICU (general category, NFC quick check,
 * canonical combining class) and are cached for the Latin, Greek, Cyrillic
 * and punctuation blocks that news text uses.
 */
#include "text.h"

#include <pthread.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* What the normaliser does with a code point. */
enum fold {
  F_KEEP = 0, /* NFC-stable starter, kept as is */
  F_NFC,      /* combining or composable: renormalise its segment */
  F_SPACE,    /* any Zs space -> ' ' */
  F_APOS,     /* typographic apostrophes -> '\'' */
  F_QUOTE,    /* quotation marks -> '"' */
  F_DASH,     /* dashes and minus -> '-' */
  F_ELLIPSIS, /* U+2026 -> "..." */
  F_DROP,     /* invisible format characters */
  F_NEWLINE   /* NEL, line and paragraph separators -> '\n' */
};

#define CACHED_LIMIT 0x3100
static unsigned char fold_cache[CACHED_LIMIT];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static enum fold classify(UChar32 c) {
  switch (c) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
    return F_APOS;
  case 0x2026:
    return F_ELLIPSIS;
  case 0x2212:
    return F_DASH;
  case 0x0085: case 0x2028: case 0x2029:
    return F_NEWLINE;
  default:
    break;
  }
  switch (u_charType(c)) {
  case U_SPACE_SEPARATOR:
    return F_SPACE;
  case U_INITIAL_PUNCTUATION:
  case U_FINAL_PUNCTUATION:
    return F_QUOTE;
  case U_DASH_PUNCTUATION:
    return F_DASH;
  case U_FORMAT_CHAR:
    return F_DROP;
  default:
    break;
  }
  if (c == 0x201E || c == 0x201F) return F_QUOTE;
  if (u_getCombiningClass(c) != 0 ||
      u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
    return F_NFC;
  return F_KEEP;
}

static void build_cache(void) {
  for (UChar32 c = 0x80; c < CACHED_LIMIT; c++) fold_cache[c] = (unsigned char)classify(c);
}

static enum fold fold_of(UChar32 c) {
  if (c < CACHED_LIMIT) return (enum fold)fold_cache[c];
  return classify(c);
}

static const char *const fold_text[] = {
    [F_SPACE] = " ", [F_APOS] = "'", [F_QUOTE] = "\"", [F_DASH] = "-",
    [F_ELLIPSIS] = "...", [F_DROP] = "", [F_NEWLINE] = "\n",
};

void bl_text_init(bl_text *t) {
  memset(t, 0, sizeof *t);
  bl_buf_init(&t->norm);
}

void bl_text_clear(bl_text *t) {
  bl_buf_clear(&t->norm);
  bl_free(t->edits);
  bl_text_init(t);
}

/* State of one normalisation pass. */
typedef struct pass {
  bl_text *t;
  const char *src;
  size_t len;
  size_t copied; /* source bytes [0, copied) are already accounted for in the output */
  bool copying;  /* the output lives in t->norm */
} pass;

/* Replace source bytes [os, oe) by rep[0..rn). */
static int emit_edit(pass *p, size_t os, size_t oe, const char *rep, size_t rn) {
  bl_text *t = p->t;
  if (!p->copying) {
    /* Normalised text is rarely much longer than the input (… -> ... is 3:3). */
    if (bl_buf_reserve(&t->norm, p->len + 64)) return BL_NOMEM;
    p->copying = true;
  }
  if (bl_buf_add(&t->norm, p->src + p->copied, os - p->copied)) return BL_NOMEM;
  if (bl_grow((void **)&t->edits, &t->cap, t->nedits + 1, sizeof *t->edits)) return BL_NOMEM;
  bl_edit *e = &t->edits[t->nedits++];
  e->ns = t->norm.len;
  if (bl_buf_add(&t->norm, rep, rn)) return BL_NOMEM;
  e->ne = t->norm.len;
  e->os = os;
  e->oe = oe;
  p->copied = oe;
  return BL_OK;
}

/* Renormalise the segment src[from, to) with ICU; emit an edit if it changes. */
static int renormalize(pass *p, size_t from, size_t to, bl_error *err) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
  UChar in[64], out[128];
  int32_t inlen = 0;
  if (U_FAILURE(st) || to - from > 60) return BL_OK; /* absurdly long segment: keep as is */
  u_strFromUTF8(in, (int32_t)BL_ARRAY_LEN(in), &inlen, p->src + from, (int32_t)(to - from), &st);
  if (U_FAILURE(st)) return BL_OK;
  int32_t outlen = unorm2_normalize(nfc, in, inlen, out, (int32_t)BL_ARRAY_LEN(out), &st);
  if (U_FAILURE(st)) return bl_fail_at(err, BL_INTERNAL, from, to, "NFC normalisation failed");
  char utf8[256];
  int32_t n8 = 0;
  u_strToUTF8(utf8, (int32_t)sizeof utf8, &n8, out, outlen, &st);
  if (U_FAILURE(st)) return bl_fail_at(err, BL_INTERNAL, from, to, "NFC normalisation failed");
  if ((size_t)n8 == to - from && memcmp(utf8, p->src + from, to - from) == 0) return BL_OK;
  return emit_edit(p, from, to, utf8, (size_t)n8);
}

/* End of the run of ASCII bytes other than NUL from s[i], eight at a time:
 * (w - 0x01..) sets a byte's high bit when the byte is 0, and w has it set
 * when the byte is >= 0x80. */
static size_t ascii_run(const unsigned char *s, size_t i, size_t len) {
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, s + i, sizeof w);
    if (((w - 0x0101010101010101ull) | w) & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < len && s[i] < 0x80 && s[i] != 0) i++;
  return i;
}

int bl_text_normalize(bl_text *t, const char *src, size_t len, unsigned opts, bl_error *err) {
  pthread_once(&fold_once, build_cache);
  bl_buf_reset(&t->norm);
  t->nedits = 0;
  t->repairs = 0;
  t->orig = src;
  t->orig_len = len;
  if (len > INT32_MAX) return bl_fail_at(err, BL_LIMIT, 0, 0, "text longer than 2 GiB");

  pass p = {t, src, len, 0, false};
  const unsigned char *s = (const unsigned char *)src;
  size_t i = 0, starter = 0; /* starter: offset of the last code point with an NFC boundary */
  while (i < len) {
    /* ASCII run: nothing to do but look for NUL. */
    size_t run = ascii_run(s, i, len);
    if (run > i) {
      starter = run - 1;
      i = run;
      if (i >= len) break;
    }
    size_t cs = i;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)len, c);
    if (c <= 0) {
      if (!(opts & BL_REPAIR))
        return bl_fail_at(err, BL_BADUTF8, cs, i,
                          c == 0 ? "NUL byte at byte %zu" : "invalid UTF-8 at byte %zu", cs);
      t->repairs++;
      if (emit_edit(&p, cs, i, "\xEF\xBF\xBD", 3)) return bl_fail(err, BL_NOMEM, "out of memory");
      starter = i;
      continue;
    }
    enum fold f = fold_of(c);
    if (f == F_KEEP) {
      starter = cs;
      continue;
    }
    if (f != F_NFC) {
      const char *rep = fold_text[f];
      if (emit_edit(&p, cs, i, rep, strlen(rep))) return bl_fail(err, BL_NOMEM, "out of memory");
      starter = i;
      continue;
    }
    /* A combining or composable character: renormalise from the last starter
     * up to the next code point that starts a new segment. */
    size_t from = starter < p.copied ? p.copied : starter;
    size_t to = i;
    const UNormalizer2 *nfc;
    UErrorCode st = U_ZERO_ERROR;
    nfc = unorm2_getNFCInstance(&st);
    while (to < len) {
      size_t k = to;
      UChar32 d;
      U8_NEXT(s, k, (int32_t)len, d);
      if (d <= 0 || U_FAILURE(st) || unorm2_hasBoundaryBefore(nfc, d)) break;
      to = k;
    }
    int rc = renormalize(&p, from, to, err);
    if (rc) return rc == BL_NOMEM ? bl_fail(err, BL_NOMEM, "out of memory") : rc;
    i = to;
    starter = to;
  }
  if (p.copying) {
    if (bl_buf_add(&t->norm, src + p.copied, len - p.copied))
      return bl_fail(err, BL_NOMEM, "out of memory");
    t->s = t->norm.ptr;
    t->n = t->norm.len;
  } else {
    t->s = src;
    t->n = len;
  }
  return BL_OK;
}

/* Index of the last edit whose ns <= n (strict: ns < n), or -1. */
static long find_edit(const bl_text *t, size_t n, bool strict) {
  long lo = 0, hi = (long)t->nedits - 1, best = -1;
  while (lo <= hi) {
    long mid = lo + (hi - lo) / 2;
    size_t ns = t->edits[mid].ns;
    if (strict ? ns < n : ns <= n) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

size_t bl_text_orig_start(const bl_text *t, size_t n) {
  long k = find_edit(t, n, false);
  if (k < 0) return n;
  /* Deletions (ns == ne) share their ns with the next edit: take the last. */
  const bl_edit *e = &t->edits[k];
  if (n < e->ne) return e->os;
  return e->oe + (n - e->ne);
}

size_t bl_text_orig_end(const bl_text *t, size_t n) {
  long k = find_edit(t, n, true);
  if (k < 0) return n;
  const bl_edit *e = &t->edits[k];
  if (n <= e->ne) return e->oe;
  return e->oe + (n - e->ne);
}

int bl_text_quote_side(const bl_text *t, size_t i) {
  size_t o = bl_text_orig_start(t, i);
  const unsigned char *u = (const unsigned char *)t->orig + o;
  size_t left = t->orig_len - o;
  if (left >= 2 && u[0] == 0xC2) return u[1] == 0xAB ? 1 : u[1] == 0xBB ? -1 : 0;
  if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80)
    return (u[2] == 0x9C || u[2] == 0x9E || u[2] == 0xB9) ? 1 : (u[2] == 0x9D || u[2] == 0xBA) ? -1 : 0;
  return 0;
}
