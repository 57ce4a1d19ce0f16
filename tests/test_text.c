/*
 * test_text.c — unit tests of the text layer (src/text.c): UTF-8 validation
 * with exact byte offsets, --repair, NFC, the French typographic folding,
 * and the offset map from normalised bytes back to the caller's bytes,
 * checked at every position of mixed texts and through the number scanner.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "text.h"

/* ------------------------------------------------------------ helpers */

static bl_text txt;

static int setup_text(void **state) {
  (void)state;
  bl_text_init(&txt);
  return 0;
}

static int teardown_text(void **state) {
  (void)state;
  bl_text_clear(&txt);
  return 0;
}

/* Normalise s[0..n) and expect success with exactly `want` as the result. */
static void expect_norm(const char *s, size_t n, const char *want) {
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_text_normalize(&txt, s, n, 0, &err);
  if (rc != BL_OK) fail_msg("normalize failed: %s", err.msg);
  assert_int_equal(txt.n, strlen(want));
  assert_memory_equal(txt.s, want, txt.n);
}

/* Normalise s[0..n) and expect BL_BADUTF8 naming byte `at`. */
static void expect_bad(const char *s, size_t n, size_t at) {
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_text_normalize(&txt, s, n, 0, &err);
  assert_int_equal(rc, BL_BADUTF8);
  assert_int_equal(err.code, BL_BADUTF8);
  assert_int_equal(err.at.start, at);
  assert_true(err.at.end > err.at.start && err.at.end <= n);
  char where[32];
  snprintf(where, sizeof where, "byte %zu", at);
  assert_non_null(strstr(err.msg, where));
}

#define BAD(lit, at) expect_bad(lit, sizeof(lit) - 1, at)
#define NORM(lit, want) expect_norm(lit, sizeof(lit) - 1, want)

/* ------------------------------------------------------------ validation */

static void test_valid_text_is_used_in_place(void **state) {
  (void)state;
  static const char s[] = "Plus de 3 211 personnes ont été arrêtées à Almaty 😀 𠀀.";
  NORM(s, s);
  assert_ptr_equal(txt.s, s); /* nothing changed: no copy */
  assert_int_equal(txt.nedits, 0);
  for (size_t i = 0; i <= txt.n; i++) {
    assert_int_equal(bl_text_orig_start(&txt, i), i);
    assert_int_equal(bl_text_orig_end(&txt, i), i);
  }
  NORM("", "");
}

static void test_truncated_sequences(void **state) {
  (void)state;
  BAD("ab\xC3", 2);                 /* 2-byte lead at the end */
  BAD("12 \xC3 morts", 3);          /* 2-byte lead before a space */
  BAD("x\xE2\x82", 1);              /* 3-byte sequence missing its last byte */
  BAD("x\xE2\x82y", 1);
  BAD("12\xF0\x9F\x98", 2);         /* 4-byte sequence cut */
  BAD("12\xF0\x9F\x98 morts", 2);
  BAD("\x80", 0);                   /* continuation byte alone */
  BAD("abc\xBF", 3);
  BAD("\xC3\xA9\xA9", 2);           /* one continuation byte too many */
}

static void test_overlong_forms(void **state) {
  (void)state;
  BAD("\xC0\xAF", 0);         /* '/' in two bytes */
  BAD("a\xC1\xBF", 1);
  BAD("ab\xE0\x80\xAF", 2);   /* '/' in three bytes */
  BAD("ab\xE0\x9F\xBF", 2);   /* U+07FF in three bytes */
  BAD("\xF0\x80\x80\xAF", 0); /* '/' in four bytes */
  BAD("z\xF0\x8F\xBF\xBF", 1);
}

static void test_surrogates_and_beyond_unicode(void **state) {
  (void)state;
  BAD("12 \xED\xA0\x80", 3);  /* U+D800 */
  BAD("12 \xED\xBF\xBF", 3);  /* U+DFFF */
  BAD("\xF4\x90\x80\x80", 0); /* U+110000 */
  NORM("\xED\x9F\xBF", "\xED\x9F\xBF"); /* U+D7FF is fine */
  NORM("\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"); /* U+10FFFF is fine */
}

static void test_bytes_f5_to_ff(void **state) {
  (void)state;
  char s[8];
  for (unsigned b = 0xF5; b <= 0xFF; b++) {
    snprintf(s, sizeof s, "ab%c\x80\x80\x80", (char)b);
    expect_bad(s, 6, 2);
  }
}

static void test_nul_byte(void **state) {
  (void)state;
  static const char s[] = "12\0morts";
  bl_error err;
  memset(&err, 0, sizeof err);
  assert_int_equal(bl_text_normalize(&txt, s, sizeof s - 1, 0, &err), BL_BADUTF8);
  assert_int_equal(err.at.start, 2);
  assert_non_null(strstr(err.msg, "NUL"));
  BAD("\0", 0);
  /* The first bad byte is reported, wherever later ones are. */
  BAD("ok \xFF then \0", 3);
}

/* ------------------------------------------------------------ repair */

static void test_repair(void **state) {
  (void)state;
  static const struct {
    const char *in;
    size_t len;
    const char *want;
    size_t repairs;
  } cases[] = {
      {"a\xFF" "b", 3, "a\xEF\xBF\xBD" "b", 1},
      {"12\xC3", 3, "12\xEF\xBF\xBD", 1},
      {"x\xE2\x82y", 4, "x\xEF\xBF\xBDy", 1},     /* one maximal subpart */
      {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2}, /* C0 starts nothing */
      {"\xED\xA0\x80!", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!", 3},
      {"a\0b\0", 4, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", 2},
      {"\xF0\x9F\x98 5 morts", 11, "\xEF\xBF\xBD 5 morts", 1},
      {"ok", 2, "ok", 0},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    assert_true(cases[k].len >= strlen(cases[k].in));
    bl_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(bl_text_normalize(&txt, cases[k].in, cases[k].len, BL_REPAIR, &err), BL_OK);
    assert_int_equal(txt.repairs, cases[k].repairs);
    assert_int_equal(txt.n, strlen(cases[k].want));
    assert_memory_equal(txt.s, cases[k].want, txt.n);
  }
  /* The replacement maps back to exactly the bad bytes. */
  static const char s[] = "a\xE2\x82" "b";
  assert_int_equal(bl_text_normalize(&txt, s, sizeof s - 1, BL_REPAIR, NULL), BL_OK);
  assert_int_equal(bl_text_orig_start(&txt, 1), 1);
  assert_int_equal(bl_text_orig_end(&txt, 4), 3);
  assert_int_equal(bl_text_orig_start(&txt, 4), 3); /* 'b' */
  assert_int_equal(bl_text_orig_end(&txt, 5), 4);
  /* A later clean run forgets the count. */
  NORM("propre", "propre");
  assert_int_equal(txt.repairs, 0);
}

/* ------------------------------------------------------------ NFC */

static void test_nfc_composes_accents(void **state) {
  (void)state;
  NORM("re\xCC\x81" "fugie\xCC\x81" "s", "réfugiés");
  NORM("E\xCC\x81" "vacue\xCC\x81" "s", "Évacués");
  NORM("a\xCC\x80 c\xCC\xA7" "a", "à ça");
  NORM("A\xCC\x8A", "\xC3\x85");                         /* Å */
  NORM("\xE2\x84\xAB", "\xC3\x85");                       /* Angstrom sign -> Å */
  NORM("12 e\xCC\x81lus", "12 élus");
  NORM("5\xCC\x81", "5\xCC\x81");                         /* nothing to compose with */
  NORM("o\xCC\x88\xCC\x81", "\xC3\xB6\xCC\x81");          /* ö then acute */
  NORM("e\xCC\xA3\xCC\x81", "\xE1\xBA\xB9\xCC\x81");      /* ẹ + acute */
  NORM("e\xCC\x81\xCC\xA3", "\xE1\xBA\xB9\xCC\x81");      /* marks reordered first */

  /* Offsets: "é" (2 bytes) stands for "e" + U+0301 (3 bytes). */
  static const char s[] = "Ame\xCC\x81lie a 12 ans";
  NORM(s, "Amélie a 12 ans");
  assert_int_equal(bl_text_orig_start(&txt, 2), 2); /* é */
  assert_int_equal(bl_text_orig_end(&txt, 4), 5);
  assert_int_equal(bl_text_orig_start(&txt, 4), 5); /* l */
  size_t twelve = (size_t)(strstr(txt.s, "12") - txt.s);
  bl_span sp = bl_text_orig_span(&txt, twelve, twelve + 2);
  assert_memory_equal(s + sp.start, "12", 2);
  assert_int_equal(sp.end - sp.start, 2);
}

/* ------------------------------------------------------------ folding */

/* Every input of `ins` becomes `want`, alone and between digits. */
static void expect_fold(const char *const *ins, size_t n, const char *want) {
  for (size_t k = 0; k < n; k++) {
    char in[32], out[32];
    snprintf(in, sizeof in, "3%s211", ins[k]);
    snprintf(out, sizeof out, "3%s211", want);
    expect_norm(in, strlen(in), out);
    size_t len = strlen(ins[k]), wl = strlen(want);
    /* The folded bytes map to the whole original character. */
    if (wl) {
      assert_int_equal(bl_text_orig_start(&txt, 1), 1);
      assert_int_equal(bl_text_orig_end(&txt, 1 + wl), 1 + len);
    }
    assert_int_equal(bl_text_orig_start(&txt, 1 + wl), 1 + len); /* "211" */
    assert_int_equal(bl_text_orig_end(&txt, txt.n), strlen(in));
    assert_int_equal(bl_text_orig_end(&txt, 1), 1); /* "3" ends before it */
  }
}

static void test_spaces_fold_to_space(void **state) {
  (void)state;
  static const char *const spaces[] = {
      "\xC2\xA0",     /* U+00A0 no-break space */
      "\xE2\x80\xAF", /* U+202F narrow no-break space */
      "\xE2\x80\x89", /* U+2009 thin space */
      "\xE2\x80\x87", /* U+2007 figure space */
      "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86",
      "\xE2\x80\x88", "\xE2\x80\x8A", /* U+2002-U+200A */
      "\xE3\x80\x80",                 /* U+3000 ideographic space */
      "\xE1\x9A\x80",                 /* U+1680 ogham space mark */
      "\xE2\x81\x9F",                 /* U+205F medium mathematical space */
  };
  expect_fold(spaces, sizeof spaces / sizeof spaces[0], " ");
  NORM("a \t\nb", "a \t\nb"); /* ASCII whitespace is kept as is */
}

static void test_apostrophes_quotes_dashes(void **state) {
  (void)state;
  static const char *const apos[] = {
      "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xE2\x80\x9B", "\xE2\x80\xB2", "\xE2\x80\x9A"};
  expect_fold(apos, sizeof apos / sizeof apos[0], "'");
  static const char *const quotes[] = {
      "\xC2\xAB", "\xC2\xBB",                 /* « » */
      "\xE2\x80\x9C", "\xE2\x80\x9D",         /* “ ” */
      "\xE2\x80\x9E", "\xE2\x80\x9F",         /* „ ‟ */
      "\xE2\x80\xB9", "\xE2\x80\xBA"};        /* ‹ › */
  expect_fold(quotes, sizeof quotes / sizeof quotes[0], "\"");
  static const char *const dashes[] = {
      "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93",
      "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x88\x92"}; /* U+2010-2015, minus */
  expect_fold(dashes, sizeof dashes / sizeof dashes[0], "-");
  NORM("l\xE2\x80\x99" "arme\xCC\x81" "e", "l'armée");
  NORM("\xC2\xAB\xC2\xA0" "Non\xC2\xA0\xC2\xBB", "\" Non \"");
}

static void test_ellipsis_and_newlines(void **state) {
  (void)state;
  static const char *const ell[] = {"\xE2\x80\xA6"};
  expect_fold(ell, 1, "...");
  /* Each of the three dots maps to the whole ellipsis. */
  NORM("12\xE2\x80\xA6", "12...");
  for (size_t i = 2; i < 5; i++) {
    assert_int_equal(bl_text_orig_start(&txt, i), 2);
    assert_int_equal(bl_text_orig_end(&txt, i + 1), 5);
  }
  static const char *const nl[] = {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85"};
  expect_fold(nl, sizeof nl / sizeof nl[0], "\n");
}

static void test_format_characters_dropped(void **state) {
  (void)state;
  static const char *const drop[] = {
      "\xC2\xAD",     /* soft hyphen */
      "\xE2\x80\x8B", /* zero width space */
      "\xEF\xBB\xBF", /* BOM / zero width no-break space */
      "\xE2\x81\xA0", /* word joiner */
      "\xE2\x80\x8D", /* zero width joiner */
  };
  expect_fold(drop, sizeof drop / sizeof drop[0], "");
  /* A leading BOM: the text starts after it. */
  static const char bom[] = "\xEF\xBB\xBF" "12 morts";
  NORM(bom, "12 morts");
  assert_int_equal(bl_text_orig_start(&txt, 0), 3);
  assert_int_equal(bl_text_orig_end(&txt, 2), 5);
  /* "mani\u00ADfestants": the word is whole again, its span covers the hyphen. */
  static const char shy[] = "200 mani\xC2\xAD" "festants";
  NORM(shy, "200 manifestants");
  bl_span sp = bl_text_orig_span(&txt, 4, txt.n);
  assert_int_equal(sp.start, 4);
  assert_int_equal(sp.end, sizeof shy - 1);
}

static void test_four_byte_characters_next_to_digits(void **state) {
  (void)state;
  NORM("12\xF0\x9F\x98\x80" "34", "12\xF0\x9F\x98\x80" "34"); /* U+1F600 kept */
  NORM("\xF0\xA0\x80\x80" "5", "\xF0\xA0\x80\x80" "5");       /* CJK ext-B U+20000 */
  /* Next to an edit, a 4-byte character keeps its bytes and offsets. */
  static const char s[] = "\xF0\x9F\x98\x80\xC2\xA0" "12\xE2\x80\xAF" "000\xF0\xA0\x80\x80";
  NORM(s, "\xF0\x9F\x98\x80 12 000\xF0\xA0\x80\x80");
  assert_int_equal(bl_text_orig_start(&txt, 0), 0);
  assert_int_equal(bl_text_orig_end(&txt, 4), 4);
  assert_int_equal(bl_text_orig_start(&txt, 5), 6);  /* "12" */
  assert_int_equal(bl_text_orig_end(&txt, 11), 14);  /* "12 000" ends after "000" */
  assert_int_equal(bl_text_orig_start(&txt, 11), 14); /* U+20000 */
  assert_int_equal(bl_text_orig_end(&txt, 15), 18);
}

/* ------------------------------------------------------------ offset map */

/* A piece of a mixed text: original bytes and what they normalise to. */
typedef struct piece {
  const char *orig;
  const char *norm;
} piece;

static const piece pieces[] = {
    {"Le bilan ", "Le bilan "},
    {"s'\xC3\xA9l\xC3\xA8ve ", "s'élève "},
    {"12", "12"},
    {"3", "3"},
    {" morts", " morts"},
    {"e\xCC\x81", "\xC3\xA9"},
    {"E\xCC\x81", "\xC3\x89"},
    {"a\xCC\x80", "\xC3\xA0"},
    {"c\xCC\xA7", "\xC3\xA7"},
    {"\xC2\xA0", " "},
    {"\xE2\x80\xAF", " "},
    {"\xE2\x80\x89", " "},
    {"\xE2\x80\x87", " "},
    {"\xE2\x80\x83", " "},
    {"\xE3\x80\x80", " "},
    {"\xE2\x80\x99", "'"},
    {"\xCA\xBC", "'"},
    {"\xC2\xAB", "\""},
    {"\xE2\x80\x9D", "\""},
    {"\xE2\x80\x93", "-"},
    {"\xE2\x88\x92", "-"},
    {"\xE2\x80\xA6", "..."},
    {"\xC2\xAD", ""},
    {"\xE2\x80\x8B", ""},
    {"\xEF\xBB\xBF", ""},
    {"\xE2\x80\xA8", "\n"},
    {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"\xF0\xA0\x80\x80", "\xF0\xA0\x80\x80"},
    {"\xC3\xA9t\xC3\xA9", "été"},
    {" ", " "},
    {"\n", "\n"},
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* splitmix64: a fixed sequence for reproducible random texts. */
static uint64_t rng_next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

typedef struct mixed {
  char orig[4096], norm[4096];
  size_t olen, nlen;
  size_t os[256], ns[256], ol[256], nl[256]; /* per piece: offsets and lengths */
  size_t n;
} mixed;

static void mixed_add(mixed *m, const piece *p) {
  size_t ol = strlen(p->orig), nl = strlen(p->norm);
  m->os[m->n] = m->olen;
  m->ns[m->n] = m->nlen;
  m->ol[m->n] = ol;
  m->nl[m->n] = nl;
  m->n++;
  memcpy(m->orig + m->olen, p->orig, ol);
  memcpy(m->norm + m->nlen, p->norm, nl);
  m->olen += ol;
  m->nlen += nl;
}

/* Check the map at every normalised position against the pieces. */
static void check_map(const mixed *m) {
  bl_error err;
  memset(&err, 0, sizeof err);
  assert_int_equal(bl_text_normalize(&txt, m->orig, m->olen, 0, &err), BL_OK);
  assert_int_equal(txt.n, m->nlen);
  assert_memory_equal(txt.s, m->norm, m->nlen);
  size_t prev_s = 0, prev_e = 0;
  for (size_t k = 0; k < m->n; k++) {
    bool same = m->ol[k] == m->nl[k] && !memcmp(m->orig + m->os[k], m->norm + m->ns[k], m->nl[k]);
    for (size_t i = 0; i < m->nl[k]; i++) {
      size_t n = m->ns[k] + i;
      size_t s = bl_text_orig_start(&txt, n), e = bl_text_orig_end(&txt, n + 1);
      if (same) {
        assert_int_equal(s, m->os[k] + i);
        assert_int_equal(e, m->os[k] + i + 1);
      } else {
        assert_int_equal(s, m->os[k]);
        assert_int_equal(e, m->os[k] + m->ol[k]);
      }
      /* Monotonic, and never inside a UTF-8 sequence at a character start. */
      assert_true(s >= prev_s && e >= prev_e);
      prev_s = s;
      prev_e = e;
      if (((unsigned char)txt.s[n] & 0xC0) != 0x80)
        assert_true(s == m->olen || ((unsigned char)m->orig[s] & 0xC0) != 0x80);
    }
  }
  /* The ends of the text. */
  size_t lead = 0, trail = 0;
  for (size_t k = 0; k < m->n && !m->nl[k]; k++) lead += m->ol[k];
  for (size_t k = m->n; k > 0 && !m->nl[k - 1]; k--) trail += m->ol[k - 1];
  if (m->nlen) {
    assert_int_equal(bl_text_orig_start(&txt, 0), lead);
    assert_int_equal(bl_text_orig_end(&txt, m->nlen), m->olen - trail);
  }
}

static void test_offset_map_every_position(void **state) {
  (void)state;
  /* Every piece between two others, then long random mixtures. */
  for (size_t k = 0; k < NPIECES; k++) {
    mixed m;
    memset(&m, 0, sizeof m);
    mixed_add(&m, &pieces[2]);
    mixed_add(&m, &pieces[k]);
    mixed_add(&m, &pieces[4]);
    check_map(&m);
  }
  uint64_t rng = 42;
  for (int round = 0; round < 2000; round++) {
    mixed m;
    memset(&m, 0, sizeof m);
    size_t n = 1 + rng_next(&rng) % 60;
    for (size_t k = 0; k < n; k++) mixed_add(&m, &pieces[rng_next(&rng) % NPIECES]);
    check_map(&m);
  }
}

/* ------------------------------------------------------------ quantities */

static const bl_grammar *gram;
static bl_rx_state rx;

static int setup_scan(void **state) {
  bl_error err;
  memset(&err, 0, sizeof err);
  gram = bl_grammar_new(NULL, &err);
  if (!gram) {
    print_error("grammar: %s\n", err.msg);
    return -1;
  }
  if (bl_rx_state_init(&rx, gram->max_groups)) return -1;
  return setup_text(state);
}

static int teardown_scan(void **state) {
  bl_rx_state_clear(&rx);
  bl_grammar_free((bl_grammar *)gram);
  return teardown_text(state);
}

/* The digits of s[0..n), in order. */
static size_t digits_of(const char *s, size_t n, char *out) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] >= '0' && s[i] <= '9') out[k++] = s[i];
  out[k] = '\0';
  return k;
}

/* Separators inside a figure, and junk around it, as original bytes. */
static const char *const group_seps[] = {" ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89",
                                         "\xE2\x80\x87"};
static const char *const junk[] = {
    "Selon l\xE2\x80\x99" "AFP, ",     "\xC2\xAB\xC2\xA0" "C\xE2\x80\x99" "est grave\xC2\xA0\xC2\xBB, ",
    "re\xCC\x81" "fugie\xCC\x81" "s\xE2\x80\xA6 ", "\xF0\x9F\x98\x80 ",
    "mani\xC2\xAD" "festation ",       "\xEF\xBB\xBF",
    "\xE2\x80\x94 ",                   "\xE3\x80\x80",
    "\xF0\xA0\x80\x80 ",               "le bilan ",
    "e\xCC\x81t\xC3\xA9 ",             "\xE2\x80\x8B",
};
static const char *const before[] = {"", "plus de ", "plus\xC2\xA0" "de ", "environ ",
                                     "au\xE2\x80\xAF" "moins ", "pr\xC3\xA8s de "};

/* Copy s (with its NUL) to text + len; returns strlen(s). */
static size_t append(char *text, size_t len, const char *s) {
  size_t n = strlen(s);
  memcpy(text + len, s, n + 1);
  return n;
}

static void test_quantities_map_back_to_their_digits(void **state) {
  (void)state;
  uint64_t rng = 7;
  bl_qtys q;
  memset(&q, 0, sizeof q);
  size_t found_expected = 0, rounds = 3000;
  for (size_t round = 0; round < rounds; round++) {
    char text[1024], want[64];
    size_t len = 0, wl = 0;
    size_t nj = rng_next(&rng) % 4;
    for (size_t k = 0; k < nj; k++) {
      const char *j = junk[rng_next(&rng) % (sizeof junk / sizeof junk[0])];
      len += append(text, len, j);
    }
    const char *b = before[rng_next(&rng) % (sizeof before / sizeof before[0])];
    len += append(text, len, b);
    /* A figure of 1 to 3 groups: "7", "12 500", "3 211 000". */
    size_t groups = 1 + rng_next(&rng) % 3;
    const char *sep = group_seps[rng_next(&rng) % (sizeof group_seps / sizeof group_seps[0])];
    for (size_t gk = 0; gk < groups; gk++) {
      if (gk) {
        len += append(text, len, sep);
        for (int d = 0; d < 3; d++) text[len++] = want[wl++] = (char)('0' + rng_next(&rng) % 10);
      } else {
        size_t nd = 1 + rng_next(&rng) % 3;
        for (size_t d = 0; d < nd; d++)
          text[len++] = want[wl++] = (char)((d ? '0' : '1') + rng_next(&rng) % (d ? 10 : 9));
      }
    }
    want[wl] = '\0';
    static const char tail[] = " bless\xC3\xA9" "s, dont deux enfants\xE2\x80\xA6";
    memcpy(text + len, tail, sizeof tail - 1);
    len += sizeof tail - 1;

    bl_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(bl_text_normalize(&txt, text, len, 0, &err), BL_OK);
    q.n = 0;
    assert_int_equal(bl_num_find(gram, &rx, txt.s, 0, txt.n, &q, &err), BL_OK);
    bl_num_map(&txt, &q, 0);
    bool seen = false;
    for (size_t k = 0; k < q.n; k++) {
      const bl_quantity *p = &q.v[k].pub;
      assert_true(p->span.start <= p->span.end && p->span.end <= len);
      char od[256], nd[256];
      digits_of(text + p->span.start, p->span.end - p->span.start, od);
      digits_of(txt.s + q.v[k].ns, q.v[k].ne - q.v[k].ns, nd);
      assert_string_equal(od, nd);
      /* The original bytes normalise to the normalised span, on their own. */
      bl_text alone;
      bl_text_init(&alone);
      assert_int_equal(bl_text_normalize(&alone, text + p->span.start,
                                         p->span.end - p->span.start, 0, NULL),
                       BL_OK);
      assert_int_equal(alone.n, q.v[k].ne - q.v[k].ns);
      assert_memory_equal(alone.s, txt.s + q.v[k].ns, alone.n);
      bl_text_clear(&alone);
      if (!strcmp(od, want)) seen = true;
    }
    if (seen) found_expected++;
  }
  bl_free(q.v);
  bl_free(q.zero);
  /* The figure itself is found in (nearly) every text; the exceptions are
   * figures the grammar reads as a year ("en 2024" never occurs here, but a
   * bare four-digit figure may). */
  assert_true(found_expected * 10 >= rounds * 9);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_valid_text_is_used_in_place, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_truncated_sequences, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_overlong_forms, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_surrogates_and_beyond_unicode, setup_text,
                                      teardown_text),
      cmocka_unit_test_setup_teardown(test_bytes_f5_to_ff, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_nul_byte, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_repair, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_nfc_composes_accents, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_spaces_fold_to_space, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_apostrophes_quotes_dashes, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_ellipsis_and_newlines, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_format_characters_dropped, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_four_byte_characters_next_to_digits, setup_text,
                                      teardown_text),
      cmocka_unit_test_setup_teardown(test_offset_map_every_position, setup_text, teardown_text),
      cmocka_unit_test_setup_teardown(test_quantities_map_back_to_their_digits, setup_scan,
                                      teardown_scan),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
