/*
 * store_event.c — layer 7: the automatic event of an article (store.h).
 *
 * When neither `--event` nor the input names the event, bilan derives one:
 * the place the article names most often, and the ISO week of publication.
 * A place is a capitalised name after a locative of fr/places.tsv ("à
 * Vessograd", "au Kazakhstan", "dans la Sorvène") or the dateline that opens
 * a dispatch ("ALMATY (AFP) -", "Vessograd, 12 fév 2025 (AHP) -"); names are
 * grouped by their key (store_names.c), so "Almaty" and "Almatî" count
 * together.  The rule is simple on purpose: it is documented, it does not
 * depend on the order articles are ingested in, and `--event` or an UPDATE of
 * articles.event overrides it.
 */
#include "gram.h"
#include "store.h"

#include <stdio.h>

#define MAX_PLACES 64

typedef struct place {
  char key[64];
  unsigned count;
} place;

typedef struct word {
  size_t start, end;
  char low[48];
  size_t lowlen;
  bool cap;   /* starts with a capital letter */
  bool comma; /* followed by ',' or '(' */
} word;

static bool letter_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '-' || c == '\'';
}

/* Next word of s[*i..n): letters (any non-ASCII byte counts as one, minus
 * the spaces and apostrophe of typography). */
static bool next_word(const char *s, size_t n, size_t *i, word *w) {
  const unsigned char *u = (const unsigned char *)s;
  size_t p = *i;
  for (;;) {
    while (p < n && !letter_byte(u[p])) p++;
    if (p >= n) return false;
    /* U+00A0, U+202F, guillemets: not letters. */
    if (u[p] == 0xC2 && p + 1 < n && (u[p + 1] == 0xA0 || u[p + 1] == 0xAB || u[p + 1] == 0xBB)) {
      p += 2;
      continue;
    }
    if (u[p] == 0xE2) {
      p += 3;
      continue;
    }
    if (u[p] == '-' || u[p] == '\'') {
      p++;
      continue;
    }
    break;
  }
  memset(w, 0, sizeof *w);
  w->start = p;
  w->cap = (u[p] >= 'A' && u[p] <= 'Z') || (u[p] == 0xC3 && p + 1 < n && u[p + 1] >= 0x80 &&
                                               u[p + 1] <= 0x9E);
  while (p < n && letter_byte(u[p]) && u[p] != 0xE2 &&
         !(u[p] == 0xC2 && p + 1 < n && (u[p + 1] == 0xA0 || u[p + 1] == 0xAB || u[p + 1] == 0xBB))) {
    unsigned char c = u[p];
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    if (p > 0 && u[p - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) c += 0x20;
    if (w->lowlen + 1 < sizeof w->low) w->low[w->lowlen++] = (char)c;
    p++;
  }
  /* "l'" and "d'" glue to the next word: keep the apostrophe word whole. */
  while (p > w->start && (u[p - 1] == '-' || u[p - 1] == '\'')) {
    p--;
    if (w->lowlen) w->lowlen--;
  }
  w->low[w->lowlen] = '\0';
  w->end = p;
  size_t q = p;
  while (q < n && (u[q] == ' ')) q++;
  w->comma = q < n && (u[q] == ',' || u[q] == '(');
  *i = p > w->start ? p : p + 1;
  return true;
}

static int count_place(bl_names *names, place *pl, size_t *np, const char *s, size_t len,
                       bl_error *err) {
  const char *key = bl_names_key(names, s, len, err);
  if (!key) return err ? err->code : BL_NOMEM;
  if (!*key || strlen(key) >= sizeof pl->key) return BL_OK;
  for (size_t i = 0; i < *np; i++)
    if (strcmp(pl[i].key, key) == 0) {
      pl[i].count++;
      return BL_OK;
    }
  if (*np == MAX_PLACES) return BL_OK;
  snprintf(pl[*np].key, sizeof pl->key, "%s", key);
  pl[*np].count = 1;
  (*np)++;
  return BL_OK;
}

/* Places of one text into pl. */
static int scan_places(const bl_grammar *g, bl_names *names, bl_str text, bool dateline,
                       place *pl, size_t *np, bl_error *err) {
  if (!text.ptr) return BL_OK;
  word w[3];
  size_t i = 0;
  bool first = true;
  while (next_word(text.ptr, text.len, &i, &w[0])) {
    /* Dateline: the body opens with a capitalised name and a comma or "(". */
    if (first && dateline && w[0].cap && w[0].comma) {
      int rc = count_place(names, pl, np, text.ptr + w[0].start, w[0].end - w[0].start, err);
      if (rc) return rc;
    }
    first = false;
    const bl_lexent *e = bl_lex_find(&g->places, w[0].low, w[0].lowlen);
    size_t after = i;
    if (!e || e->kind != PL_LOCATIVE) {
      /* Two-word locatives ("près de"). */
      size_t j = i;
      if (!next_word(text.ptr, text.len, &j, &w[1])) continue;
      char two[100];
      int l = snprintf(two, sizeof two, "%s %s", w[0].low, w[1].low);
      e = l > 0 && (size_t)l < sizeof two ? bl_lex_find(&g->places, two, (size_t)l) : NULL;
      if (!e || e->kind != PL_LOCATIVE) continue;
      after = j;
    }
    /* Skip determiners ("dans la Sorvène"), then take a capitalised name. */
    size_t j = after;
    if (!next_word(text.ptr, text.len, &j, &w[1])) break;
    if (!w[1].cap) {
      const bl_lexent *d = bl_lex_find(&g->names, w[1].low, w[1].lowlen);
      if (!d || d->kind != NM_DROP || !next_word(text.ptr, text.len, &j, &w[1]) || !w[1].cap)
        continue;
    }
    int rc = count_place(names, pl, np, text.ptr + w[1].start, w[1].end - w[1].start, err);
    if (rc) return rc;
  }
  return BL_OK;
}

int bl_event_auto(const bl_grammar *g, bl_names *names, bl_str title, bl_str body, int32_t pub,
                  bl_buf *out, bl_error *err) {
  place pl[MAX_PLACES];
  size_t np = 0;
  int rc = scan_places(g, names, title, false, pl, &np, err);
  if (!rc) rc = scan_places(g, names, body, true, pl, &np, err);
  if (rc) return rc;
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < np; i++)
    if (best == SIZE_MAX || pl[i].count > pl[best].count) best = i;
  bl_buf_reset(out);
  if (best == SIZE_MAX) {
    rc = bl_buf_adds(out, "sans-lieu");
  } else {
    for (const char *p = pl[best].key; *p && !rc; p++) rc = bl_buf_addc(out, *p == ' ' ? '-' : *p);
  }
  if (!rc) {
    if (pub == BL_NO_DAY) {
      rc = bl_buf_adds(out, "-sans-date");
    } else {
      int y, wk;
      bl_day_isoweek(pub, &y, &wk);
      rc = bl_buf_printf(out, "-%04d-w%02d", y, wk);
    }
  }
  return rc ? bl_fail(err, BL_NOMEM, "out of memory") : BL_OK;
}
