/*
 * gencorpus.c — `make bench`, step 1: a large French news corpus built from
 * the project's fixture texts.
 *
 *   bilan-gencorpus [--seed N] --size MB --out FILE PATH...
 *
 * PATHs (files or directories, walked recursively in byte order of names)
 * give the texts: the body paragraphs of *.txt files (after an optional
 * `key: value` header, SPEC §3) and the snippets of spec-style *.md fixtures
 * (fenced blocks other than JSON, and the lines before a line holding only
 * "."; the expectations and the prose around them are left out).  Paragraphs
 * that are not valid UTF-8, hold a NUL byte or no letter are skipped, so the
 * corpus is text that `bilan numbers` reads whole.
 *
 * The output is paragraphs drawn at random (fixed seed: the same inputs give
 * the same bytes) and separated by a blank line, until at least MB × 10^6
 * bytes.  The digits of each copy are redrawn (keeping the first digit of a
 * run, and the first two of a four-digit run so years stay years), so the
 * corpus does not repeat itself byte for byte.
 *
 * Exit status: 0, 1 when no usable text was found or a file could not be
 * read or written, 2 on a usage error.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unicode/utf8.h>

#define MAX_PARAGRAPH ((size_t)64 * 1024)

typedef struct para {
  char *text; /* owned */
  size_t len;
} para;

typedef struct pool {
  para *v; /* owned */
  size_t n, cap;
  size_t skipped; /* paragraphs rejected as not text */
} pool;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) {
    fprintf(stderr, "bilan-gencorpus: out of memory\n");
    exit(1);
  }
  return q;
}

/* Valid UTF-8, no NUL, at least one letter: text bilan reads whole. */
static bool usable(const char *s, size_t n) {
  bool letter = false;
  for (int32_t i = 0; i < (int32_t)n;) {
    UChar32 c;
    U8_NEXT(s, i, (int32_t)n, c);
    if (c <= 0) return false;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0) letter = true;
  }
  return letter;
}

static void add(pool *p, const char *s, size_t n) {
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ')) n--;
  while (n && (*s == '\n' || *s == '\r')) s++, n--;
  if (!n) return;
  if (n > MAX_PARAGRAPH || n > INT32_MAX || !usable(s, n)) {
    p->skipped++;
    return;
  }
  if (p->n == p->cap) {
    p->cap = p->cap ? 2 * p->cap : 256;
    p->v = xrealloc(p->v, p->cap * sizeof *p->v);
  }
  char *t = xrealloc(NULL, n);
  memcpy(t, s, n);
  p->v[p->n++] = (para){t, n};
}

/* One line of data[0..len) from *pos: [*ls, *le) without its '\n' (and '\r'). */
static bool next_line(const char *data, size_t len, size_t *pos, size_t *ls, size_t *le) {
  if (*pos >= len) return false;
  *ls = *pos;
  const char *nl = memchr(data + *pos, '\n', len - *pos);
  *le = nl ? (size_t)(nl - data) : len;
  *pos = nl ? *le + 1 : len;
  if (*le > *ls && data[*le - 1] == '\r') (*le)--;
  return true;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return false;
  return true;
}

/* A header line of SPEC §3: a known key, a colon, a value. */
static bool header_line(const char *s, size_t n) {
  static const char *const keys[] = {"title", "outlet", "date", "url", "event", "id"};
  const char *colon = memchr(s, ':', n);
  if (!colon) return false;
  size_t kn = (size_t)(colon - s);
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    if (kn == strlen(keys[i]) && !strncasecmp(s, keys[i], kn)) return true;
  return false;
}

/* Body paragraphs of a .txt article. */
static void from_txt(pool *p, const char *d, size_t len) {
  if (len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3)) { /* a BOM is not text */
    d += 3;
    len -= 3;
  }
  size_t pos = 0, ls, le;
  if (next_line(d, len, &pos, &ls, &le) && header_line(d + ls, le - ls)) {
    while (next_line(d, len, &pos, &ls, &le) && !blank(d + ls, le - ls)) {
    }
  } else {
    pos = 0;
  }
  size_t start = pos;
  while (next_line(d, len, &pos, &ls, &le)) {
    if (!blank(d + ls, le - ls)) continue;
    add(p, d + start, ls - start);
    start = pos;
  }
  add(p, d + start, len - start);
}

/* Snippets of a spec-style .md fixture. */
static void from_md(pool *p, const char *d, size_t len) {
  size_t pos = 0, ls, le, start = 0;
  bool fence = false, keep = false;
  while (next_line(d, len, &pos, &ls, &le)) {
    const char *s = d + ls;
    size_t n = le - ls;
    if (n >= 3 && !memcmp(s, "```", 3)) {
      if (fence) {
        if (keep) add(p, d + start, ls - start);
        fence = false;
      } else {
        fence = true;
        /* ```json / ```jsonl hold expectations, not text */
        keep = !(n >= 7 && !strncasecmp(s + 3, "json", 4));
      }
      start = pos;
      continue;
    }
    if (fence) continue;
    if (n == 1 && s[0] == '.') {
      add(p, d + start, ls - start);
      start = pos;
    } else if (blank(s, n) || s[0] == '#' || s[0] == '{' || s[0] == '[') {
      start = pos; /* headings, expectations and blank lines end a snippet */
    }
  }
}

static bool has_ext(const char *name, const char *ext) {
  const char *dot = strrchr(name, '.');
  return dot && !strcasecmp(dot + 1, ext);
}

static int read_file(pool *p, const char *path) {
  bool txt = has_ext(path, "txt"), md = has_ext(path, "md");
  if (!txt && !md) return 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bilan-gencorpus: %s: %s\n", path, strerror(errno));
    return 1;
  }
  char *d = NULL;
  size_t len = 0, cap = 0, got;
  do {
    if (cap - len < 65536) d = xrealloc(d, cap = cap * 2 + 65536);
    got = fread(d + len, 1, cap - len, f);
    len += got;
  } while (got > 0);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    fprintf(stderr, "bilan-gencorpus: %s: read error\n", path);
    free(d);
    return 1;
  }
  if (txt) from_txt(p, d, len);
  else from_md(p, d, len);
  free(d);
  return 0;
}

static int walk(pool *p, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "bilan-gencorpus: %s: %s\n", path, strerror(errno));
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) return read_file(p, path);
  struct dirent **names;
  int n = scandir(path, &names, NULL, alphasort);
  if (n < 0) {
    fprintf(stderr, "bilan-gencorpus: %s: %s\n", path, strerror(errno));
    return 1;
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    if (names[i]->d_name[0] != '.') {
      size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
      char *sub = xrealloc(NULL, len);
      snprintf(sub, len, "%s/%s", path, names[i]->d_name);
      rc |= walk(p, sub);
      free(sub);
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t next_rand(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Copy s[0..n) to out with the digits of each run redrawn. */
static void vary_digits(char *out, const char *s, size_t n, uint64_t *rng) {
  memcpy(out, s, n);
  for (size_t i = 0; i < n;) {
    if (s[i] < '0' || s[i] > '9') {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    size_t keep = j - i == 4 ? 2 : 1;
    for (size_t k = i + keep; k < j; k++) out[k] = (char)('0' + next_rand(rng) % 10);
    i = j;
  }
}

static int usage(void) {
  fputs("usage: bilan-gencorpus [--seed N] --size MB --out FILE PATH...\n", stderr);
  return 2;
}

int main(int argc, char **argv) {
  uint64_t seed = 20240601;
  double mb = 0;
  const char *out = NULL;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
    if (i + 1 >= argc) return usage();
    char *end;
    if (!strcmp(argv[i], "--seed")) {
      seed = strtoull(argv[++i], &end, 10);
      if (*end) return usage();
    } else if (!strcmp(argv[i], "--size")) {
      mb = strtod(argv[++i], &end);
      if (*end || !(mb > 0)) return usage();
    } else if (!strcmp(argv[i], "--out")) {
      out = argv[++i];
    } else {
      return usage();
    }
  }
  if (!out || !(mb > 0) || i >= argc) return usage();

  pool p = {NULL, 0, 0, 0};
  int rc = 0;
  for (; i < argc; i++) rc |= walk(&p, argv[i]);
  if (rc) return 1;
  if (!p.n) {
    fprintf(stderr, "bilan-gencorpus: no usable .txt or .md text under the given paths\n");
    return 1;
  }

  FILE *f = fopen(out, "wb");
  if (!f) {
    fprintf(stderr, "bilan-gencorpus: %s: %s\n", out, strerror(errno));
    return 1;
  }
  static char obuf[1 << 20];
  setvbuf(f, obuf, _IOFBF, sizeof obuf);
  char *tmp = xrealloc(NULL, MAX_PARAGRAPH + 2);
  uint64_t want = (uint64_t)(mb * 1e6), written = 0, rng = seed;
  while (written < want) {
    const para *q = &p.v[next_rand(&rng) % p.n];
    vary_digits(tmp, q->text, q->len, &rng);
    tmp[q->len] = tmp[q->len + 1] = '\n';
    if (fwrite(tmp, 1, q->len + 2, f) != q->len + 2) break;
    written += q->len + 2;
  }
  if (fclose(f) != 0 || written < want) {
    fprintf(stderr, "bilan-gencorpus: %s: write error\n", out);
    return 1;
  }
  fprintf(stderr, "bilan-gencorpus: %s: %.1f MB from %zu paragraphs (%zu skipped: not text)\n",
          out, (double)written / 1e6, p.n, p.skipped);
  for (size_t k = 0; k < p.n; k++) free(p.v[k].text);
  free(p.v);
  free(tmp);
  return 0;
}
