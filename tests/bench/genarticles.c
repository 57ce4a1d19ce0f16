/*
 * genarticles.c — the article corpus of `make bench-store`: JSON Lines
 * articles (text, title, outlet, date, url) of about --size MB, each made of
 * sentences drawn from the French texts given (.txt bodies after their
 * header, or any text file), so that bodies differ as real articles do and
 * only the intended share of them are wire copies.
 *
 *   bilan-genarticles --size MB --out FILE [--copies PERCENT] PATH...
 *
 * Deterministic: the same inputs give the same corpus.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct pool {
  char **s;
  size_t n, cap;
} pool;

/* A French prose sentence: no markup or JSON (fixtures mix them in), and
 * one of the commonest French words. */
static bool prose(const char *s, size_t len) {
  static const char *const common[] = {" le ", " la ", " les ", " de ", " des ", " du ", " et "};
  bool fr = false;
  for (size_t i = 0; i < len; i++)
    if (strchr("{}`|#\\<>*_[]=", s[i])) return false;
  char tmp[4096];
  if (len >= sizeof tmp) return false;
  memcpy(tmp, s, len);
  tmp[len] = '\0';
  for (size_t k = 0; k < sizeof common / sizeof *common && !fr; k++) fr = strstr(tmp, common[k]);
  return fr;
}

static void add(pool *p, const char *s, size_t len) {
  while (len && (*s == ' ' || *s == '\n')) s++, len--;
  if (len < 20 || !prose(s, len)) return;
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 1024;
    char **ns = realloc(p->s, p->cap * sizeof *ns);
    if (!ns) exit(1);
    p->s = ns;
  }
  char *c = malloc(len + 1);
  if (!c) exit(1);
  /* one line, no quote or backslash trouble later: JSON escaping handles
   * them, but a sentence keeps its own line breaks out */
  for (size_t i = 0; i < len; i++) c[i] = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
  c[len] = '\0';
  p->s[p->n++] = c;
}

/* Sentences of a text: cut after ". " or a line end. */
static void sentences(pool *p, const char *t) {
  /* Skip a "key: value" header ended by a blank line. */
  const char *blank = strstr(t, "\n\n");
  if (blank && strchr(t, ':') && strchr(t, ':') < strchr(t, '\n')) t = blank + 2;
  const char *st = t;
  for (const char *c = t; *c; c++) {
    if ((c[0] == '.' && (c[1] == ' ' || c[1] == '\n')) || c[0] == '\n') {
      add(p, st, (size_t)(c - st) + (c[0] == '.'));
      st = c + 1;
    }
  }
}

static void read_path(pool *p, const char *path) {
  struct stat sb;
  if (stat(path, &sb) != 0) return;
  if (S_ISDIR(sb.st_mode)) {
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
      if (names[i]->d_name[0] != '.') {
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, names[i]->d_name);
        read_path(p, sub);
      }
      free(names[i]);
    }
    free(names);
    return;
  }
  const char *dot = strrchr(path, '.');
  if (!dot || (strcmp(dot, ".txt") && strcmp(dot, ".md"))) return;
  FILE *f = fopen(path, "rb");
  if (!f) return;
  char *buf = malloc((size_t)sb.st_size + 1);
  if (!buf) exit(1);
  size_t got = fread(buf, 1, (size_t)sb.st_size, f);
  fclose(f);
  buf[got] = '\0';
  sentences(p, buf);
  free(buf);
}

/* Room for `need` bytes in *buf; a generator out of memory just stops. */
static void grow(char **buf, size_t *cap, size_t need) {
  if (need <= *cap) return;
  size_t ncap = need * 2;
  char *nb = realloc(*buf, ncap);
  if (!nb) {
    fputs("bilan-genarticles: out of memory\n", stderr);
    exit(1);
  }
  *buf = nb;
  *cap = ncap;
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static void json_str(FILE *o, const char *s) {
  fputc('"', o);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(o, "\\%c", c);
    else if (c < 0x20) fprintf(o, "\\u%04x", c);
    else fputc(c, o);
  }
  fputc('"', o);
}

int main(int argc, char **argv) {
  double mb = 100;
  int copies = 5;
  const char *out = NULL;
  pool p = {0};
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--size") && i + 1 < argc) mb = atof(argv[++i]);
    else if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--copies") && i + 1 < argc) copies = atoi(argv[++i]);
    else read_path(&p, argv[i]);
  }
  if (!out || p.n < 50) {
    fprintf(stderr, "usage: bilan-genarticles --size MB --out FILE [--copies PERCENT] PATH...\n"
                    "(the paths must hold at least 50 sentences)\n");
    return 2;
  }
  static const char *const outlets[] = {"Agence Nord", "Le Courrier", "La Gazette", "Info Continu",
                                        "Le Matin", "La Voix du Sud", "L'Hebdo", "Radio Plaine"};
  FILE *o = fopen(out, "w");
  if (!o) {
    perror(out);
    return 1;
  }
  size_t target = (size_t)(mb * 1048576.0), size = 0, n = 0;
  char *body = NULL;
  size_t bcap = 0;
  while (size < target) {
    /* A copy republishes the previous article's body under another outlet,
     * with a line of its own (a near-duplicate, not the same bytes). */
    bool copy = n > 0 && (int)(next() % 100) < copies;
    if (copy) {
      size_t len = strlen(body);
      const char *extra = p.s[next() % p.n];
      size_t el = strlen(extra);
      grow(&body, &bcap, len + el + 2);
      memcpy(body + len, extra, el);
      body[len + el] = '\0';
    } else {
      size_t len = 0, k = 8 + next() % 16;
      for (size_t j = 0; j < k; j++) {
        const char *s = p.s[next() % p.n];
        size_t sl = strlen(s);
        grow(&body, &bcap, len + sl + 2);
        memcpy(body + len, s, sl);
        len += sl;
        body[len++] = j % 4 == 3 ? '\n' : ' ';
      }
      body[len] = '\0';
    }
    long before = ftell(o);
    fputs("{\"text\":", o);
    json_str(o, body);
    fprintf(o, ",\"title\":\"Article %zu\",\"outlet\":", n);
    json_str(o, outlets[next() % 8]);
    fprintf(o, ",\"date\":\"2024-%02d-%02d\",\"url\":\"https://corpus.example/%zu\"}\n",
            (int)(n / 5000 % 12) + 1, (int)(next() % 28) + 1, n);
    size += (size_t)(ftell(o) - before);
    n++;
  }
  fclose(o);
  fprintf(stderr, "%s: %zu articles, %.1f MB\n", out, n, (double)size / 1048576.0);
  for (size_t i = 0; i < p.n; i++) free(p.s[i]);
  free(p.s);
  free(body);
  return 0;
}
