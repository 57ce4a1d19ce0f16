/*
 * numword.c — layer 3: values of digit and word figures (see numword.h).
 * The word forms and their kinds come from grammars/fr/numbers.tsv; this file
 * holds only the arithmetic of French numerals and the order in which the
 * kinds may follow each other.
 */
#include "numword.h"

#include <math.h>
#include <stdlib.h>

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Count of digits starting at s[i] (bounded by end). */
static size_t digit_run(const char *s, size_t i, size_t end) {
  size_t k = i;
  while (k < end && is_digit(s[k])) k++;
  return k - i;
}

/* After the digits: an optional scale word ("million", "mille") and "et
 * demi(e)".  Updates v and returns the new end. */
static size_t digits_scale(const bl_grammar *g, const char *s, size_t i, size_t end,
                           bl_numval *v) {
  size_t k = i;
  while (k < end && is_space(s[k])) k++;
  size_t w = k;
  while (w < end && is_letter((unsigned char)s[w])) w++;
  if (w == k) return i;
  const bl_lexent *e = bl_lex_find(&g->numbers, s + k, w - k);
  if (!e || (e->kind != NW_SCALE && e->kind != NW_THOUSAND)) return i;
  v->value *= e->value;
  v->scale = e->value;
  size_t after = w;
  /* "3 millions et demi": "et", then a half word of numbers.tsv. */
  size_t a = w;
  while (a < end && is_space(s[a])) a++;
  if (a + 2 < end && (s[a] == 'e' || s[a] == 'E') && (s[a + 1] == 't' || s[a + 1] == 'T') &&
      is_space(s[a + 2])) {
    size_t b = a + 2;
    while (b < end && is_space(s[b])) b++;
    size_t c = b;
    while (c < end && is_letter((unsigned char)s[c])) c++;
    const bl_lexent *h = c > b ? bl_lex_find(&g->numbers, s + b, c - b) : NULL;
    if (h && h->kind == NW_HALF) {
      v->value += e->value * h->value;
      after = c;
    }
  }
  return after;
}

static bool parse_digits(const bl_grammar *g, const char *s, size_t start, size_t end,
                         bl_numval *v) {
  char clean[96];
  size_t n = 0, i = start;
  if (i < end && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') clean[n++] = '-';
    i++;
  }
  size_t run = digit_run(s, i, end);
  if (!run) return false;
  bool grouped = false, decimal = false;
  for (;;) {
    if (n + run + 2 >= sizeof clean) return false;
    memcpy(clean + n, s + i, run);
    n += run;
    i += run;
    if (i >= end) break;
    char c = s[i];
    size_t next = (i + 1 < end) ? digit_run(s, i + 1, end) : 0;
    if (!decimal && (c == ' ' || c == '\'') && next == 3) {
      grouped = true;
      i++;
      run = next;
      continue;
    }
    if (!decimal && c == '.' && next == 3) {
      /* A dot followed by exactly three digits groups thousands (SPEC §4). */
      grouped = true;
      i++;
      run = next;
      continue;
    }
    if (!decimal && (c == ',' || c == '.') && next > 0) {
      clean[n++] = '.';
      decimal = true;
      i++;
      run = next;
      continue;
    }
    break;
  }
  clean[n] = '\0';
  v->value = strtod(clean, NULL);
  v->grouped = grouped;
  v->words = false;
  v->scale = 1;
  v->end = digits_scale(g, s, i, end, v);
  return true;
}

/* ---- words */

typedef struct wordtok {
  size_t s, e;
} wordtok;

static bool is_et(const char *s, const wordtok *t) {
  return t->e - t->s == 2 && (s[t->s] == 'e' || s[t->s] == 'E') && (s[t->s + 1] == 't' || s[t->s + 1] == 'T');
}

static bool parse_words(const bl_grammar *g, const char *s, size_t start, size_t end,
                        bl_numval *v) {
  double total = 0, last_scale = INFINITY, half_scale = 0;
  double thousands = -1, cur = 0;
  int prev = 0;
  double prev_val = 0;
  bool pending_et = false, pending_half = false, any = false;
  size_t last_end = start, ntok = 0;
  size_t i = start;
  while (i < end) {
    while (i < end && (is_space(s[i]) || s[i] == '-')) i++;
    if (i >= end) break;
    wordtok t = {i, i};
    while (t.e < end && is_letter((unsigned char)s[t.e])) t.e++;
    if (t.e == t.s) break;
    i = t.e;
    if (is_et(s, &t)) {
      if (pending_et || !(prev == NW_TENS || prev == NW_SCALE || prev == NW_THOUSAND)) break;
      pending_et = true;
      continue;
    }
    const bl_lexent *e = bl_lex_find(&g->numbers, s + t.s, t.e - t.s);
    if (!e || e->kind == NW_ABBR) break;
    double x = e->value;
    int kind = e->kind;
    bool ok = false;
    double grp = fmod(cur, 1000);
    switch (kind) {
    case NW_UNIT:
      if (pending_half) break;
      if (pending_et)
        ok = x == 1 && prev == NW_TENS;
      else if (!prev || prev == NW_HUNDRED || prev == NW_THOUSAND || prev == NW_SCALE)
        ok = fmod(cur, 100) == 0;
      else if (prev == NW_TENS)
        ok = fmod(cur, 10) == 0;
      else if (prev == NW_TEEN)
        ok = prev_val == 10 && x >= 7;
      if (ok) cur += x;
      break;
    case NW_TEEN:
      if (pending_half) break;
      if (pending_et)
        ok = x == 11 && prev == NW_TENS && fmod(cur, 100) == 60;
      else if (!prev || prev == NW_HUNDRED || prev == NW_THOUSAND || prev == NW_SCALE)
        ok = fmod(cur, 100) == 0;
      else if (prev == NW_TENS)
        ok = fmod(cur, 100) == 60 || fmod(cur, 100) == 80;
      if (ok) cur += x;
      break;
    case NW_TENS:
      if (pending_half || pending_et) break;
      if (x == 20 && prev == NW_UNIT && prev_val == 4 && fmod(cur, 100) == 4) {
        cur += 76; /* quatre-vingt(s) */
        ok = true;
      } else if (!prev || prev == NW_HUNDRED || prev == NW_THOUSAND || prev == NW_SCALE) {
        ok = fmod(cur, 100) == 0;
        if (ok) cur += x;
      }
      break;
    case NW_HUNDRED:
      if (pending_half || pending_et) break;
      if (grp == 0 && (!prev || prev == NW_THOUSAND || prev == NW_SCALE)) {
        cur += 100;
        ok = true;
      } else if ((prev == NW_UNIT || prev == NW_TEEN) && grp >= 2 && grp < 100 &&
                 (thousands < 0 || grp < 10)) {
        /* deux cents; dix-neuf cents (1900) only as a whole group */
        cur = cur - grp + grp * 100;
        ok = true;
      }
      break;
    case NW_THOUSAND:
      if (pending_half || pending_et || thousands >= 0) break;
      if (cur < 1000) {
        thousands = any ? cur : 1;
        if (thousands == 0) thousands = 1;
        cur = 0;
        ok = true;
      }
      break;
    case NW_SCALE: {
      if (pending_et) break;
      if (x >= last_scale) break;
      if (pending_half) {
        total += x * half_scale;
        pending_half = false;
      } else {
        double group = (thousands >= 0 ? thousands * 1000 : 0) + cur;
        if (!any) group = 1;
        if (group == 0) break;
        total += group * x;
      }
      last_scale = x;
      thousands = -1;
      cur = 0;
      ok = true;
      break;
    }
    case NW_HALF:
      if (pending_et && prev == NW_SCALE) {
        total += last_scale / 2;
        ok = true;
      } else if (pending_et && prev == NW_THOUSAND) {
        cur += 500;
        ok = true;
      } else if (!pending_et && (!any || (prev == NW_UNIT && prev_val == 1 && ntok == 1))) {
        /* "demi-million", "un demi-million": the scale must follow */
        if (any) cur = 0, any = false;
        pending_half = true;
        half_scale = 0.5;
        prev = NW_HALF;
        continue;
      }
      break;
    default:
      break;
    }
    if (!ok) break;
    any = true;
    prev = kind;
    prev_val = x;
    pending_et = false;
    last_end = t.e;
    ntok++;
  }
  if (!any) return false;
  v->value = total + (thousands >= 0 ? thousands * 1000 : 0) + cur;
  v->end = last_end;
  v->words = true;
  v->grouped = false;
  /* The scale a figure ends with covers the first bound of a range
   * ("cinq à six cents", "deux ou trois mille"). */
  if (!isinf(last_scale))
    v->scale = last_scale;
  else if (thousands >= 0 && cur == 0)
    v->scale = 1000;
  else if (thousands < 0 && prev == NW_HUNDRED && fmod(cur, 100) == 0)
    v->scale = 100;
  else
    v->scale = 1;
  v->article = ntok == 1 && prev == NW_UNIT && prev_val == 1;
  return true;
}

bool bl_number_parse(const bl_grammar *g, const char *s, size_t start, size_t end,
                     bl_numval *out) {
  memset(out, 0, sizeof *out);
  out->scale = 1;
  if (start >= end) return false;
  char c = s[start];
  if (is_digit(c) || ((c == '+' || c == '-') && start + 1 < end && is_digit(s[start + 1])))
    return parse_digits(g, s, start, end, out);
  return parse_words(g, s, start, end, out);
}
