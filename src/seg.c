/*
 * seg.c — layer 2: lines, furniture, sentences (see seg.h).
 */
#include "seg.h"

#include <unicode/ustring.h>

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int bl_seg_init(bl_seg *sg, bl_error *err) {
  memset(sg, 0, sizeof *sg);
  UErrorCode st = U_ZERO_ERROR;
  sg->bi = ubrk_open(UBRK_SENTENCE, "fr", NULL, 0, &st);
  if (U_FAILURE(st)) {
    sg->bi = NULL;
    return bl_fail(err, BL_INTERNAL, "ICU sentence breaker: %s", u_errorName(st));
  }
  return BL_OK;
}

void bl_seg_clear(bl_seg *sg) {
  if (sg->bi) ubrk_close(sg->bi);
  bl_free(sg->u16);
  bl_free(sg->lines);
  bl_free(sg->sents);
  memset(sg, 0, sizeof *sg);
}

int bl_seg_lines(bl_seg *sg, const bl_grammar *g, bl_rx_state *rx, const char *s, size_t n,
                 bl_error *err) {
  sg->nlines = sg->nsents = 0;
  bool tail = false, block = false, block_seen = false; /* block_seen: a line of the block read */
  for (size_t i = 0; i <= n;) {
    const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
    size_t e = nl ? (size_t)(nl - s) : n;
    if (bl_grow((void **)&sg->lines, &sg->lcap, sg->nlines + 1, sizeof *sg->lines))
      return bl_fail(err, BL_NOMEM, "out of memory");
    bl_line *l = &sg->lines[sg->nlines++];
    l->s = i;
    l->e = e;
    bool blank = true;
    for (size_t k = i; k < e && blank; k++) blank = is_space((unsigned char)s[k]);
    /* "Lire aussi" alone, a blank line, then its teaser: the block starts
     * at its first line, a short one (a paragraph of the article is no
     * teaser), and ends at the blank line after it */
    if (blank && block_seen) block = false;
    if (!blank && block && !block_seen) {
      block_seen = true;
      if (e - i > 200) block = false;
    }
    l->furniture = tail || (block && !blank);
    if (!l->furniture && e > i) {
      int rc = bl_rx_match(g->furniture, rx, s, e, i, PCRE2_ANCHORED);
      if (rc < 0) return bl_fail_at(err, -rc, i, e, "furniture pattern limit at byte %zu", i);
      if (rc > 0) {
        l->furniture = true;
        const char *mark = bl_rx_mark(rx);
        if (mark && !strncmp(mark, "tail-", 5)) tail = true;
        if (mark && !strncmp(mark, "block-", 6)) {
          block = true;
          block_seen = false;
        }
      }
    }
    if (!nl) break;
    i = e + 1;
  }
  return BL_OK;
}

/* Does the text before `at` end with an abbreviation or an initial? */
static bool ends_with_abbrev(const bl_grammar *g, const char *s, size_t from, size_t at) {
  size_t e = at;
  while (e > from && is_space((unsigned char)s[e - 1])) e--;
  if (e == from || s[e - 1] != '.') return false;
  size_t b = e - 1;
  while (b > from && !is_space((unsigned char)s[b - 1]) && s[b - 1] != '(' && s[b - 1] != '"')
    b--;
  size_t len = e - b;
  /* An initial: one capital letter and its period ("J. Dupont"). */
  if (len == 2 && s[b] >= 'A' && s[b] <= 'Z') return true;
  if (bl_lex_find(&g->abbrev, s + b, len)) return true;
  /* an elided article: "l'art. 3" */
  if (len > 3 && s[b + 1] == '\'' && bl_lex_find(&g->abbrev, s + b + 2, len - 2)) return true;
  /* "J.-C." inside "av. J.-C.": look at the last dotted part too. */
  return false;
}

/* Where to cut a sentence starting at `a` and longer than BL_SENT_MAX, in
 * the second half of its first BL_SENT_MAX bytes: before the last figure
 * written in digits (a figure's words lie mostly after it: "12 personnes
 * ont été blessées"), else after the last clause mark, else at the last
 * space, else at a character boundary. */
static size_t cut_point(const char *s, size_t a) {
  size_t hi = a + BL_SENT_MAX, lo = a + BL_SENT_MAX / 2;
  for (size_t p = hi; p > lo; p--)
    if (s[p - 1] == ' ' && s[p] >= '0' && s[p] <= '9') return p;
  for (size_t p = hi; p > lo; p--)
    if ((s[p - 2] == ',' || s[p - 2] == ';' || s[p - 2] == ':') && s[p - 1] == ' ') return p;
  for (size_t p = hi; p > lo; p--)
    if (s[p - 1] == ' ') return p;
  size_t p = hi;
  while (p > lo && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
  return p;
}

static int add_sentence(bl_seg *sg, const char *s, size_t a, size_t z, size_t li, bl_error *err) {
  while (a < z && is_space((unsigned char)s[a])) a++;
  while (z > a && is_space((unsigned char)s[z - 1])) z--;
  if (z <= a) return BL_OK;
  if (bl_grow((void **)&sg->sents, &sg->scap, sg->nsents + 1, sizeof *sg->sents))
    return bl_fail(err, BL_NOMEM, "out of memory");
  bl_sent *t = &sg->sents[sg->nsents++];
  t->s = a;
  t->e = z;
  t->line = li;
  return BL_OK;
}

/* A sentence of at most BL_SENT_MAX bytes a piece. */
static int add_bounded(bl_seg *sg, const char *s, size_t a, size_t z, size_t li, bl_error *err) {
  while (z - a > BL_SENT_MAX) {
    size_t c = cut_point(s, a);
    int rc = add_sentence(sg, s, a, c, li, err);
    if (rc) return rc;
    a = c;
  }
  return add_sentence(sg, s, a, z, li, err);
}

/* Does a new sentence open at p, on a figure in digits after a full stop
 * ("... ont été évacués. 12 personnes ont été blessées")?  ICU's rules
 * (UAX #29, SB8) keep such a stop inside the sentence, because a lowercase
 * word follows the figure. */
static bool opens_on_digits(const bl_grammar *g, const char *s, size_t a, size_t p) {
  if (p <= a + 2 || s[p] < '0' || s[p] > '9' || !is_space((unsigned char)s[p - 1])) return false;
  size_t q = p;
  while (q > a && is_space((unsigned char)s[q - 1])) q--;
  if (q <= a) return false;
  char c = s[q - 1];
  if (c != '.' && c != '!' && c != '?') return false;
  /* "n. 12", "p. 4", "J. 3": not a stop; "3. 4" is no French figure either */
  if (q >= a + 2 && s[q - 2] >= '0' && s[q - 2] <= '9') return false;
  return !ends_with_abbrev(g, s, a, p);
}

/* [a, z) split where a sentence opens on a figure in digits. */
static int add_span(bl_seg *sg, const bl_grammar *g, const char *s, size_t a, size_t z, size_t li,
                    bl_error *err) {
  for (size_t p = a + 1; p < z; p++)
    if (opens_on_digits(g, s, a, p)) {
      int rc = add_bounded(sg, s, a, p, li, err);
      if (rc) return rc;
      a = p;
    }
  return add_bounded(sg, s, a, z, li, err);
}

int bl_seg_sentences(bl_seg *sg, const bl_grammar *g, const char *s, size_t li, bl_error *err) {
  const bl_line *l = &sg->lines[li];
  if (l->e <= l->s) return BL_OK;
  /* ICU reads UTF-16 from an array much faster than UTF-8 through a UText
   * (a third of the cost of the breaks); the line has been checked. */
  size_t n = l->e - l->s;
  if (n >= INT32_MAX) return bl_fail(err, BL_LIMIT, "line of %zu bytes", n);
  if (bl_grow((void **)&sg->u16, &sg->u16cap, n + 1, sizeof *sg->u16))
    return bl_fail(err, BL_NOMEM, "out of memory");
  UErrorCode st = U_ZERO_ERROR;
  int32_t n16 = 0;
  u_strFromUTF8(sg->u16, (int32_t)(n + 1), &n16, s + l->s, (int32_t)n, &st);
  if (U_SUCCESS(st)) ubrk_setText(sg->bi, sg->u16, n16, &st);
  if (U_FAILURE(st)) return bl_fail(err, BL_INTERNAL, "ICU sentence breaker: %s", u_errorName(st));
  size_t start = l->s, at = l->s;
  int32_t at16 = 0;
  for (int32_t b = ubrk_next(sg->bi); b != UBRK_DONE; b = ubrk_next(sg->bi)) {
    /* the byte offset of UTF-16 offset b */
    while (at16 < b) {
      unsigned char c = (unsigned char)s[at];
      size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      at += k;
      at16 += k == 4 ? 2 : 1;
    }
    if (at < l->e && ends_with_abbrev(g, s, start, at)) continue;
    int rc = add_span(sg, g, s, start, at, li, err);
    if (rc) return rc;
    start = at;
  }
  return BL_OK;
}
