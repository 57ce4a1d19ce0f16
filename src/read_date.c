/*
 * read_date.c — publication dates of every input format, normalised to
 * YYYY-MM-DD so that articles from different sources sort and compare
 * (SPEC §8 windows).  Accepted forms (docs/inputs.md), after optional
 * spaces:
 *
 *   2024-10-14, 2024/10/14, 20241014          ISO 8601 calendar date
 *   ... followed by T or a space and anything 2024-10-14T08:30:00+02:00
 *   14/10/2024, 14-10-2024, 14.10.2024        day first, as written in French
 *   [lundi] 14 octobre 2024, 1er oct. 2024    French month names and abbreviations
 *   Mon, 14 Oct 2024 08:30:00 +0000           RFC 822 (RSS), English months
 *
 * The calendar date is taken as written: a time zone is not applied, since
 * the publisher's own day is the one its readers saw.  The date must exist
 * (no 31 June, 29 February only in leap years) and the year have four
 * digits.  Anything else is left to the caller, which keeps it as written.
 */
#include "reader.h"

typedef struct cur {
  const char *s;
  size_t n, i;
} cur;

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

static bool alpha(unsigned char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Read 1..max digits; returns the count read (0 if none). */
static int num(cur *c, int max, int *out) {
  int k = 0, v = 0;
  while (c->i < c->n && k < max && digit(c->s[c->i])) v = v * 10 + (c->s[c->i++] - '0'), k++;
  *out = v;
  return k;
}

static void spaces(cur *c) {
  while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t')) c->i++;
}

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid(int y, int m, int d) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= dim[m - 1] + (m == 2 && leap(y));
}

/* The date ends here: at the end, or before a time or a separator, never in
 * the middle of a number or a word ("2024-10-145" is not a date). */
static bool ends(const cur *c) {
  if (c->i >= c->n) return true;
  char ch = c->s[c->i];
  return !digit(ch) && (!alpha((unsigned char)ch) || ch == 'T' || ch == 't');
}

static bool emit(int y, int m, int d, char out[11]) {
  if (!valid(y, m, d)) return false;
  /* valid() bounds every part, so the digits are written by hand. */
  const int parts[] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1,
                       m / 10,   m % 10,       -1,          d / 10, d % 10};
  for (size_t i = 0; i < BL_ARRAY_LEN(parts); i++)
    out[i] = parts[i] < 0 ? '-' : (char)('0' + parts[i]);
  out[10] = '\0';
  return true;
}

/* Month names, French (with and without accents, with abbreviations) and
 * English; compared case-insensitively on ASCII letters. */
static const struct {
  const char *name;
  int month;
} months[] = {
    {"janvier", 1},   {"janv", 1},      {"jan", 1},       {"january", 1},   {"février", 2},
    {"fevrier", 2},   {"févr", 2},      {"fevr", 2},      {"fév", 2},       {"fev", 2},
    {"feb", 2},       {"february", 2},  {"mars", 3},      {"mar", 3},       {"march", 3},
    {"avril", 4},     {"avr", 4},       {"apr", 4},       {"april", 4},     {"mai", 5},
    {"may", 5},       {"juin", 6},      {"jun", 6},       {"june", 6},      {"juillet", 7},
    {"juil", 7},      {"jul", 7},       {"july", 7},      {"août", 8},      {"aout", 8},
    {"aug", 8},       {"august", 8},    {"septembre", 9}, {"sept", 9},      {"sep", 9},
    {"september", 9}, {"octobre", 10},  {"oct", 10},      {"october", 10},  {"novembre", 11},
    {"nov", 11},      {"november", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    {"dec", 12},      {"december", 12},
};

static const char *const weekdays[] = {
    "lundi",  "mardi",   "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche",
    "lun",    "mar",     "mer",       "jeu",      "ven",      "sam",      "dim",
    "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
    "mon",    "tue",     "wed",       "thu",      "fri",      "sat",      "sun",
};

static bool word_is(const char *w, size_t n, const char *name) {
  if (strlen(name) != n) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)w[i], b = (unsigned char)name[i];
    if (a < 0x80 && b < 0x80 ? (a | 0x20) != (b | 0x20) : a != b) return false;
  }
  return true;
}

/* The letters of the word at c (ASCII letters and UTF-8 bytes). */
static size_t word(const cur *c) {
  size_t k = c->i;
  while (k < c->n && alpha((unsigned char)c->s[k])) k++;
  return k - c->i;
}

static int month_word(cur *c) {
  size_t n = word(c);
  for (size_t i = 0; i < BL_ARRAY_LEN(months); i++)
    if (word_is(c->s + c->i, n, months[i].name)) {
      c->i += n;
      if (c->i < c->n && c->s[c->i] == '.') c->i++;
      return months[i].month;
    }
  return 0;
}

/* [weekday[.][,]] D[er] month[.] YYYY */
static bool textual(cur *c, char out[11]) {
  size_t n = word(c);
  if (n) {
    bool wd = false;
    for (size_t i = 0; i < BL_ARRAY_LEN(weekdays) && !wd; i++)
      wd = word_is(c->s + c->i, n, weekdays[i]);
    if (!wd) return false;
    c->i += n;
    if (c->i < c->n && c->s[c->i] == '.') c->i++;
    if (c->i < c->n && c->s[c->i] == ',') c->i++;
    spaces(c);
  }
  int d, y;
  if (!num(c, 2, &d)) return false;
  if (c->i + 1 < c->n && (c->s[c->i] | 0x20) == 'e' && (c->s[c->i + 1] | 0x20) == 'r')
    c->i += 2; /* 1er */
  spaces(c);
  int m = month_word(c);
  if (!m) return false;
  spaces(c);
  if (num(c, 5, &y) != 4 || !ends(c)) return false;
  return emit(y, m, d, out);
}

bool bl_date_norm(const char *s, size_t n, char out[11]) {
  cur c = {s, n, 0};
  spaces(&c);
  if (c.i >= c.n) return false;
  if (!digit(s[c.i])) return textual(&c, out);
  size_t start = c.i;
  int a, b, d;
  int k = num(&c, 8, &a);
  if (k == 8) { /* 20241014 */
    if (!ends(&c)) return false;
    return emit(a / 10000, a / 100 % 100, a % 100, out);
  }
  if (c.i >= c.n) return false;
  char sep = s[c.i];
  if (k == 4 && (sep == '-' || sep == '/')) { /* 2024-10-14 */
    c.i++;
    if (num(&c, 3, &b) != 2 || c.i >= c.n || s[c.i] != sep) return false;
    c.i++;
    if (num(&c, 3, &d) != 2 || !ends(&c)) return false;
    return emit(a, b, d, out);
  }
  if (k <= 2 && (sep == '/' || sep == '-' || sep == '.')) { /* 14/10/2024 */
    c.i++;
    if (!num(&c, 3, &b) || b > 12 || c.i >= c.n || s[c.i] != sep) return false;
    c.i++;
    if (num(&c, 5, &d) != 4 || !ends(&c)) return false;
    return emit(d, b, a, out);
  }
  c.i = start;
  return textual(&c, out);
}
