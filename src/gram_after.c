/*
 * gram_after.c — @after(a|b) / @notafter(a|b): the text just before is (is
 * not) one of the words.
 *
 * notq.pcre tests such lists at every figure, where the text before is
 * almost never one of the words; so the words are read from their end, as a
 * trie of their last characters: "(?=(?<=\s)(?:(?<=n\p{Any}{1})(?:...)|
 * (?<=s\p{Any}{1})(?:...)|...))".  Each step is a fixed-length lookbehind
 * that tests one more character to the left (a class of the children's
 * characters first where there are more than two), and most texts fail after
 * a character or two.  Past TRIE_DEPTH characters the few words left are
 * compared whole in one lookbehind, grouped by length (deeper trie levels
 * step back further for each child and make a larger pattern; a PCRE2
 * pattern holds at most 64 KiB of compiled code).
 *
 * The texts accepted are those of one "(?<=(?<![\p{L}\p{N}])word\s)" per
 * word: PCRE2 folds case one character at a time, \p{Xan} is [\p{L}\p{N}]
 * and \p{Any} any character (newlines too).
 */
#include "gram_after.h"

/* One character of a word, or its space (len 0: "\s"). */
typedef struct unit {
  const char *p;
  size_t len;
} unit;

typedef struct tnode {
  unit key;     /* the character this node adds on the left */
  size_t up;    /* parent */
  size_t child; /* first child, 0 = none (the root is node 0) */
  size_t next;  /* next sibling, 0 = none */
  size_t depth; /* characters from the position */
  bool word;    /* a whole word ends here */
} tnode;

typedef struct trie {
  tnode *v;
  size_t n, cap;
} trie;

static bool same_unit(unit a, unit b) {
  return a.len == b.len && (!a.len || !memcmp(a.p, b.p, a.len));
}

/* The child of node `at` with key u, made if missing; 0 on no memory. */
static size_t child_of(trie *t, size_t at, unit u) {
  size_t last = 0;
  for (size_t c = t->v[at].child; c; c = t->v[c].next) {
    if (same_unit(t->v[c].key, u)) return c;
    last = c;
  }
  if (bl_grow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v)) return 0;
  size_t c = t->n++;
  t->v[c] = (tnode){u, at, 0, 0, t->v[at].depth + 1, false};
  if (last)
    t->v[last].next = c;
  else
    t->v[at].child = c;
  return c;
}

/* Add w[0..n) (UTF-8), then a space when `space`, read from the right. */
static int add_word(trie *t, const char *w, size_t n, bool space) {
  size_t at = 0;
  if (space && !(at = child_of(t, 0, (unit){w, 0}))) return BL_NOMEM;
  for (size_t e = n; e > 0;) {
    size_t i = e - 1;
    while (i > 0 && ((unsigned char)w[i] & 0xC0) == 0x80) i--; /* the character's start */
    if (!(at = child_of(t, at, (unit){w + i, w[i] == ' ' ? 0 : e - i}))) return BL_NOMEM;
    e = i;
  }
  t->v[at].word = true;
  return BL_OK;
}

/* One character as a pattern (in a class too): "\s" for the space, other
 * ASCII punctuation escaped (extended mode ignores spaces and '#'). */
static int add_unit(bl_buf *b, unit u) {
  if (!u.len) return bl_buf_adds(b, "\\s");
  unsigned char c = (unsigned char)u.p[0];
  bool plain =
      c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (!plain && bl_buf_addc(b, '\\')) return BL_NOMEM;
  return bl_buf_add(b, u.p, u.len);
}

/* The characters right of the tested one: already matched. */
static int add_skip(bl_buf *b, size_t k) {
  return k ? bl_buf_printf(b, "\\p{Any}{%zu}", k) : BL_OK;
}

/* Below this depth the rest of a word is compared whole (see add_rest). */
#define TRIE_DEPTH 3

/* Every word below node `at`, in one lookbehind whose branches group the
 * words of equal length, each word whole and the word-start test once per
 * length: the few words left past the first characters, compactly (a
 * pattern of PCRE2 has at most 64 KiB of compiled code). */
static int add_rest(bl_buf *b, const trie *t, size_t at) {
  /* the words' end nodes: a walk of the subtree */
  size_t *stack = bl_malloc(2 * t->n * sizeof *stack);
  if (!stack) return BL_NOMEM;
  size_t *ends = stack + t->n, nst = 0, ne = 0;
  stack[nst++] = at;
  while (nst) {
    size_t x = stack[--nst];
    if (t->v[x].word) ends[ne++] = x;
    for (size_t c = t->v[x].child; c; c = t->v[c].next) stack[nst++] = c;
  }
  int rc = bl_buf_adds(b, "(?<=");
  bool firstlen = true;
  for (size_t i = 0; i < ne && !rc; i++) {
    size_t len = t->v[ends[i]].depth;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++) seen = t->v[ends[j]].depth == len;
    if (seen) continue; /* emitted with an earlier word of its length */
    if (!firstlen) rc = bl_buf_addc(b, '|');
    firstlen = false;
    rc = rc ? rc : bl_buf_adds(b, "(?:");
    bool firstw = true;
    for (size_t j = i; j < ne && !rc; j++) {
      if (t->v[ends[j]].depth != len) continue;
      if (!firstw) rc = bl_buf_addc(b, '|');
      firstw = false;
      /* from the word's first character up to the root: left to right */
      for (size_t x = ends[j]; x && !rc; x = t->v[x].up) rc = add_unit(b, t->v[x].key);
    }
    rc = rc ? rc : bl_buf_printf(b, ")(?<!\\p{Xan}\\p{Any}{%zu})", len);
  }
  bl_free(stack);
  return rc ? rc : bl_buf_addc(b, ')');
}

/* What may stand left of node `at`, k characters from the position. */
static int add_node(bl_buf *b, const trie *t, size_t at, size_t k) {
  if (k >= TRIE_DEPTH) return add_rest(b, t, at);
  const tnode *nd = &t->v[at];
  size_t nkids = 0;
  for (size_t c = nd->child; c; c = t->v[c].next) nkids++;
  size_t parts = nkids + nd->word;
  int rc = parts > 1 ? bl_buf_adds(b, "(?:") : BL_OK;
  if (!rc && nd->word) {
    /* the word starts a word */
    rc = bl_buf_printf(b, "(?<!\\p{Xan}\\p{Any}{%zu})", k);
    if (!rc && nkids) rc = bl_buf_addc(b, '|');
  }
  if (!rc && nkids > 2) { /* the cheap test of all the children at once */
    rc = bl_buf_adds(b, "(?<=[");
    for (size_t c = nd->child; c && !rc; c = t->v[c].next) rc = add_unit(b, t->v[c].key);
    rc = rc ? rc : bl_buf_addc(b, ']');
    rc = rc ? rc : add_skip(b, k);
    rc = rc ? rc : bl_buf_addc(b, ')');
    rc = rc ? rc : bl_buf_adds(b, "(?:");
  }
  for (size_t c = nd->child; c && !rc; c = t->v[c].next) {
    if (c != nd->child) rc = bl_buf_addc(b, '|');
    /* a chain of single children is tested in one step */
    size_t end = c, len = 1;
    while (k + len < TRIE_DEPTH && !t->v[end].word && t->v[end].child &&
           !t->v[t->v[end].child].next) {
      end = t->v[end].child;
      len++;
    }
    rc = rc ? rc : bl_buf_adds(b, "(?<=");
    /* the chain's characters, leftmost (deepest) first */
    for (size_t d = len; d-- > 0 && !rc;) {
      size_t x = c;
      for (size_t i = 0; i < d; i++) x = t->v[x].child;
      rc = add_unit(b, t->v[x].key);
    }
    rc = rc ? rc : add_skip(b, k);
    rc = rc ? rc : bl_buf_addc(b, ')');
    rc = rc ? rc : add_node(b, t, end, k + len);
  }
  if (!rc && nkids > 2) rc = bl_buf_addc(b, ')');
  if (!rc && parts > 1) rc = bl_buf_addc(b, ')');
  return rc;
}

int bl_gram_after(bl_buf *b, const char *args, size_t n, bool negate) {
  trie t = {NULL, 0, 0};
  if (bl_grow((void **)&t.v, &t.cap, 1, sizeof *t.v)) return BL_NOMEM;
  t.v[t.n++] = (tnode){{NULL, 0}, 0, 0, 0, 0, false};
  int rc = BL_OK;
  size_t start = 0;
  for (size_t i = 0; i <= n && !rc; i++) {
    if (i < n && args[i] != '|') continue;
    const char *w = args + start;
    size_t wn = i - start;
    start = i + 1;
    if (!wn) continue;
    unsigned char last = (unsigned char)w[wn - 1];
    bool ends_in_letter =
        (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last >= 0x80;
    /* A word ending in a letter needs a space after it; "n°", "d'", "mi-" may touch. */
    rc = add_word(&t, w, wn, true);
    if (!rc && !ends_in_letter) rc = add_word(&t, w, wn, false);
  }
  /* an empty list constrains nothing */
  if (!rc && t.v[0].child) {
    rc = bl_buf_adds(b, negate ? "(?!" : "(?=");
    rc = rc ? rc : add_node(b, &t, 0, 0);
    rc = rc ? rc : bl_buf_addc(b, ')');
  }
  bl_free(t.v);
  return rc;
}
