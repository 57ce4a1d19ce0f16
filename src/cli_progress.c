/*
 * cli_progress.c — the command-line layer's progress line for long runs
 * (`extract`, `ingest`): articles done, rate, and when the size of the input
 * is known, how far along and the time left.  Drawn on stderr only when it
 * is a terminal and --quiet was not given; redrawn at most five times a
 * second, and erased at the end so that it never mixes with the output or
 * the diagnostics that follow.
 */
#define _DEFAULT_SOURCE
#include "cli.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_S 0.2

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The line on screen, erased before any diagnostic (cli_error, cli_diag). */
static cli_progress *active;

void cli_progress_start(cli_progress *p, bool quiet, bool data_on_stdout, uint64_t total_bytes) {
  memset(p, 0, sizeof *p);
  /* Output on the same terminal would be torn by the redrawn line. */
  p->on = !quiet && isatty(STDERR_FILENO) && !(data_on_stdout && isatty(STDOUT_FILENO));
  p->total = total_bytes;
  p->start = now();
  p->last = -1;
  if (p->on) active = p;
}

/* "1 234 567" */
static void grouped(char *out, size_t cap, uint64_t v) {
  char digits[32];
  snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
  size_t n = strlen(digits), k = 0;
  for (size_t i = 0; i < n && k + 2 < cap; i++) {
    if (i && (n - i) % 3 == 0) out[k++] = ' ';
    out[k++] = digits[i];
  }
  out[k] = '\0';
}

static void draw(cli_progress *p, double t) {
  char line[160], num[40];
  double dt = t - p->start;
  grouped(num, sizeof num, p->articles);
  int n = snprintf(line, sizeof line, "bilan: %s article%s", num, p->articles == 1 ? "" : "s");
  if (dt >= 1) n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f/s", p->articles / dt);
  if (p->total && p->bytes <= p->total) {
    double frac = (double)p->bytes / (double)p->total;
    n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f %%", frac * 100);
    if (dt >= 1 && frac > 0.01) {
      long left = (long)(dt / frac - dt + 0.5);
      n += snprintf(line + n, sizeof line - (size_t)n, ", %ld:%02ld left", left / 60, left % 60);
    }
  }
  /* Pad over a longer previous line. */
  fprintf(stderr, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
  fflush(stderr);
  p->width = n;
  p->last = t;
}

void cli_progress_add(cli_progress *p, uint64_t articles, uint64_t bytes) {
  p->articles += articles;
  p->bytes += bytes;
  if (!p->on) return;
  double t = now();
  if (p->last < 0 || t - p->last >= REDRAW_S) draw(p, t);
}

void cli_progress_set_bytes(cli_progress *p, uint64_t bytes) {
  p->bytes = bytes;
}

void cli_progress_pause(void) {
  if (!active || active->last < 0) return;
  fprintf(stderr, "\r%*s\r", active->width, "");
  fflush(stderr);
  active->last = -1; /* drawn again at the next article */
}

void cli_progress_end(cli_progress *p) {
  if (p->on) cli_progress_pause();
  if (active == p) active = NULL;
}

/* ------------------------------------------------------------ input size */

static bool has_ext(const char *name, const char *const *exts) {
  const char *dot = strrchr(name, '.');
  if (!dot) return false;
  for (size_t i = 0; exts[i]; i++)
    if (!strcasecmp(dot + 1, exts[i])) return true;
  return false;
}

static uint64_t size_of(const char *path, const char *const *exts, bool top, int depth) {
  struct stat st;
  if (depth > 64 || stat(path, &st)) return 0;
  if (S_ISREG(st.st_mode)) return top || has_ext(path, exts) ? (uint64_t)st.st_size : 0;
  if (!S_ISDIR(st.st_mode)) return 0;
  DIR *d = opendir(path);
  if (!d) return 0;
  uint64_t sum = 0;
  struct dirent *e;
  char sub[4096];
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
    sum += size_of(sub, exts, false, depth + 1);
  }
  closedir(d);
  return sum;
}

uint64_t cli_input_size(char **paths, int npaths, const char *const *exts) {
  uint64_t sum = 0;
  for (int i = 0; i < npaths; i++) {
    if (!strcmp(paths[i], "-")) return 0; /* standard input: unknown */
    sum += size_of(paths[i], exts, true, 0);
  }
  return sum;
}
