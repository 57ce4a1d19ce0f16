/*
 * cli_io.c — the command-line layer's input and output: walking paths,
 * reading files whole or in bounded pieces, diagnostics with a caret line,
 * buffered stdout.
 */
#define _DEFAULT_SOURCE
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *cli_grammar_dir;

const bl_grammar *cli_grammar(void) {
  static bl_grammar *g;
  if (!g) {
    bl_error err;
    memset(&err, 0, sizeof err);
    g = bl_grammar_new(cli_grammar_dir, &err);
    if (!g) {
      if (err.file)
        fprintf(stderr, "bilan: %s%s%s:%u:%zu: %s\n", cli_grammar_dir ? cli_grammar_dir : "",
                cli_grammar_dir ? "/" : "", err.file, err.line, err.at.start, err.msg);
      else
        fprintf(stderr, "bilan: grammar: %s\n", err.msg);
      exit(cli_grammar_dir ? EXIT_USAGE : EXIT_INTERNAL);
    }
  }
  return g;
}

void cli_error(const char *fmt, ...) {
  cli_progress_pause();
  va_list ap;
  va_start(ap, fmt);
  fputs("bilan: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

void cli_diag(const char *file, const char *data, size_t len, unsigned base_line,
              size_t base_off, size_t off, const char *severity, const char *msg) {
  cli_progress_pause();
  if (!data || off < base_off || off - base_off > len) {
    fprintf(stderr, "bilan: %s:%zu: %s%s\n", file, off, severity, msg);
    return;
  }
  size_t rel = off - base_off, ls = 0;
  unsigned line = base_line;
  for (size_t i = 0; i < rel; i++)
    if (data[i] == '\n') {
      line++;
      ls = i + 1;
    }
  size_t le = rel;
  while (le < len && data[le] != '\n' && le - ls < 200) le++;
  fprintf(stderr, "bilan: %s:%u:%zu: %s%s\n", file, line, rel - ls + 1, severity, msg);
  /* The line (bytes shown as is, control and invalid bytes as '?'), then a caret. */
  size_t from = rel - ls > 60 ? rel - 60 : ls;
  fputs("  ", stderr);
  for (size_t i = from; i < le; i++) {
    unsigned char c = (unsigned char)data[i];
    fputc(c < 0x20 || c == 0x7f || (c >= 0x80 && i >= rel && i < rel + 4) ? '?' : c, stderr);
  }
  fputs("\n  ", stderr);
  for (size_t i = from; i < rel; i++)
    if (((unsigned char)data[i] & 0xC0) != 0x80) fputc(' ', stderr);
  fputs("^\n", stderr);
}

/* ------------------------------------------------------------------ walk */

static bool has_ext(const char *name, const char *const *exts) {
  const char *dot = strrchr(name, '.');
  if (!dot) return false;
  for (size_t i = 0; exts[i]; i++)
    if (!strcasecmp(dot + 1, exts[i])) return true;
  return false;
}

static int walk_dir(const char *dir, const char *const *exts, cli_file_fn fn, void *ctx) {
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort);
  if (n < 0) {
    cli_error("%s: %s", dir, strerror(errno));
    return EXIT_REJECTED;
  }
  int worst = EXIT_OK;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    if (name[0] == '.') {
      free(names[i]);
      continue;
    }
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path) {
      cli_error("out of memory");
      exit(EXIT_INTERNAL);
    }
    snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    struct stat st;
    int rc = EXIT_OK;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
      rc = walk_dir(path, exts, fn, ctx);
    else if (has_ext(name, exts))
      rc = fn(path, ctx);
    if (rc > worst) worst = rc;
    free(path);
    free(names[i]);
  }
  free(names);
  return worst;
}

int cli_walk(char **paths, int npaths, const char *const *exts, cli_file_fn fn, void *ctx) {
  static char dash[] = "-";
  static char *stdin_only[] = {dash};
  if (npaths == 0) {
    paths = stdin_only;
    npaths = 1;
  }
  int worst = EXIT_OK;
  for (int i = 0; i < npaths; i++) {
    int rc;
    struct stat st;
    if (strcmp(paths[i], "-") == 0) {
      rc = fn("-", ctx);
    } else if (stat(paths[i], &st) != 0) {
      cli_error("%s: %s", paths[i], strerror(errno));
      rc = EXIT_REJECTED;
    } else if (S_ISDIR(st.st_mode)) {
      rc = walk_dir(paths[i], exts, fn, ctx);
    } else {
      rc = fn(paths[i], ctx);
    }
    if (rc > worst) worst = rc;
  }
  return worst;
}

/* ------------------------------------------------------------------ read */

int cli_read_all(const char *path, char **data, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return -1;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) {
    if (f != stdin) fclose(f);
    errno = ENOMEM;
    return -1;
  }
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *nb = realloc(buf, cap * 2 + 1);
      if (!nb) {
        free(buf);
        if (f != stdin) fclose(f);
        errno = ENOMEM;
        return -1;
      }
      buf = nb;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) {
    free(buf);
    errno = EIO;
    return -1;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return 0;
}

#define CHUNK (1u << 20)

int cli_chunks_open(cli_chunks *c, const char *path) {
  memset(c, 0, sizeof *c);
  c->is_stdin = strcmp(path, "-") == 0;
  c->f = c->is_stdin ? stdin : fopen(path, "rb");
  if (!c->f) return -1;
  c->cap = CHUNK;
  c->buf = malloc(c->cap);
  if (!c->buf) {
    if (!c->is_stdin) fclose(c->f);
    errno = ENOMEM;
    return -1;
  }
  c->line = 1;
  return 0;
}

int cli_chunk_next(cli_chunks *c, const char **data, size_t *len) {
  /* Drop what the last call handed over. */
  if (c->taken) {
    for (const char *p = c->buf, *e = c->buf + c->taken; (p = memchr(p, '\n', (size_t)(e - p)));
         p++)
      c->line++;
    memmove(c->buf, c->buf + c->taken, c->len - c->taken);
    c->len -= c->taken;
    c->base += c->taken;
    c->taken = 0;
  }
  while (!c->eof && c->len < c->cap) {
    size_t got = fread(c->buf + c->len, 1, c->cap - c->len, c->f);
    c->len += got;
    if (got == 0) {
      if (ferror(c->f)) return -1;
      c->eof = true;
    }
  }
  if (c->len == 0) return 0;
  size_t cut = c->len;
  if (!c->eof) {
    /* End on a line end; failing that on a space; failing that, hard cut. */
    const char *nl = NULL;
    for (size_t i = c->len; i > 0; i--)
      if (c->buf[i - 1] == '\n') {
        nl = c->buf + i;
        break;
      }
    if (nl) {
      cut = (size_t)(nl - c->buf);
    } else {
      size_t i = c->len;
      while (i > c->len / 2 && c->buf[i - 1] != ' ') i--;
      if (i > c->len / 2) cut = i;
      /* never split a UTF-8 sequence */
      while (cut > 0 && cut < c->len && ((unsigned char)c->buf[cut] & 0xC0) == 0x80) cut--;
    }
  }
  *data = c->buf;
  *len = cut;
  c->taken = cut;
  return 1;
}

void cli_chunks_close(cli_chunks *c) {
  if (c->f && !c->is_stdin) fclose(c->f);
  free(c->buf);
  memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ out */

static char outbuf[1 << 16];
static size_t outlen;

void cli_out_flush(void) {
  if (outlen && fwrite(outbuf, 1, outlen, stdout) != outlen) {
    cli_error("write error on standard output");
    exit(EXIT_INTERNAL);
  }
  outlen = 0;
  fflush(stdout);
}

void cli_out(const char *s, size_t n) {
  if (n > sizeof outbuf - outlen) {
    cli_out_flush();
    if (n > sizeof outbuf) {
      if (fwrite(s, 1, n, stdout) != n) {
        cli_error("write error on standard output");
        exit(EXIT_INTERNAL);
      }
      return;
    }
  }
  memcpy(outbuf + outlen, s, n);
  outlen += n;
}
