/*
 * bench.c — `make bench`, step 2: the throughput of bilan's commands against
 * baselines over the same bytes, in one run, as one table.
 *
 *   bilan-bench [--reps N] --bilan PATH CORPUS [CORPUS2]
 *
 * Every row reads one corpus file (CORPUS, or CORPUS2 for the rows marked so:
 * the same text twice as long, to show that memory does not grow with the
 * input).  Baseline rows run in this process and read the file the way bilan
 * does, in 1 MiB pieces that end at a line end: `memchr` counting lines (the
 * floor: reading the bytes) and a PCRE2-JIT scan for digit runs (the least a
 * number finder must do).  Command rows run bilan with its output sent to
 * /dev/null and take its peak RSS from wait4().  Each row runs N times (3 by
 * default); the table gives the median time.
 *
 * To add a row, add a line to `rows` below: an in-process scan function, or
 * an argv where "@bilan" is the bilan binary, "@corpus" the corpus file and
 * "@db" a fresh database path (removed before each run).
 *
 * Exit status: 0, 1 when a row failed, 2 on a usage error.
 */
#define _DEFAULT_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PIECE (1u << 20)
#define MAX_REPS 15

typedef struct result {
  double secs;    /* wall time */
  double cpu;     /* user + system time of the command, 0 for in-process rows */
  long maxrss_kb; /* peak RSS of the command, 0 for in-process rows */
  size_t found;   /* what an in-process scan counted */
} result;

typedef int (*scan_fn)(const char *path, result *r);

typedef struct row {
  const char *name;
  bool big;               /* runs on CORPUS2 */
  scan_fn scan;           /* an in-process baseline, or NULL for a command */
  const char *argv[8];    /* a command; "@bilan", "@corpus", "@db" are replaced */
} row;

static int scan_memchr(const char *path, result *r);
static int scan_pcre2(const char *path, result *r);

/* The baselines come first: every row's throughput is compared to them. */
enum { ROW_MEMCHR, ROW_PCRE2 };
static const row rows[] = {
    {"memchr (lines)", false, scan_memchr, {NULL}},
    {"pcre2-jit [0-9]+", false, scan_pcre2, {NULL}},
    {"bilan numbers", false, NULL, {"@bilan", "numbers", "@corpus", NULL}},
    {"bilan numbers", true, NULL, {"@bilan", "numbers", "@corpus", NULL}},
};
#define NROWS (sizeof rows / sizeof rows[0])

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ pieces */

/* Reads a file in pieces of at most PIECE bytes ending at a line end. */
typedef struct pieces {
  int fd;
  char *buf; /* owned */
  size_t len, taken;
  bool eof;
} pieces;

static int pieces_open(pieces *p, const char *path) {
  memset(p, 0, sizeof *p);
  p->fd = open(path, O_RDONLY);
  if (p->fd < 0) return -1;
  p->buf = malloc(PIECE);
  if (!p->buf) {
    close(p->fd);
    return -1;
  }
  return 0;
}

/* Next piece in (*data, *len); 1, 0 at the end, -1 on a read error. */
static int pieces_next(pieces *p, const char **data, size_t *len) {
  memmove(p->buf, p->buf + p->taken, p->len - p->taken);
  p->len -= p->taken;
  p->taken = 0;
  while (!p->eof && p->len < PIECE) {
    ssize_t got = read(p->fd, p->buf + p->len, PIECE - p->len);
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (got == 0) p->eof = true;
    p->len += (size_t)got;
  }
  if (!p->len) return 0;
  size_t cut = p->len;
  if (!p->eof) {
    while (cut > 0 && p->buf[cut - 1] != '\n') cut--;
    if (!cut) cut = p->len; /* a line longer than a piece: cut anywhere */
  }
  *data = p->buf;
  *len = p->taken = cut;
  return 1;
}

static void pieces_close(pieces *p) {
  close(p->fd);
  free(p->buf);
}

/* ------------------------------------------------------------ baselines */

static int scan_memchr(const char *path, result *r) {
  pieces p;
  if (pieces_open(&p, path)) return -1;
  const char *d;
  size_t n, lines = 0;
  int got;
  while ((got = pieces_next(&p, &d, &n)) > 0)
    for (const char *s = d, *e = d + n; (s = memchr(s, '\n', (size_t)(e - s))); s++) lines++;
  pieces_close(&p);
  r->found = lines;
  return got;
}

static int scan_pcre2(const char *path, result *r) {
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR) "[0-9]+", PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
  if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
    fprintf(stderr, "bilan-bench: PCRE2 JIT is not available\n");
    pcre2_code_free(re);
    return -1;
  }
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  pieces p;
  if (!md || pieces_open(&p, path)) {
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return -1;
  }
  const char *d;
  size_t n, runs = 0;
  int got;
  while ((got = pieces_next(&p, &d, &n)) > 0) {
    PCRE2_SIZE at = 0;
    while (pcre2_jit_match(re, (PCRE2_SPTR)d, n, at, 0, md, NULL) > 0) {
      at = pcre2_get_ovector_pointer(md)[1];
      runs++;
    }
  }
  pieces_close(&p);
  pcre2_match_data_free(md);
  pcre2_code_free(re);
  r->found = runs;
  return got;
}

/* ------------------------------------------------------------ commands */

static int run_command(const row *rw, const char *bilan, const char *corpus, const char *db,
                       result *r) {
  const char *argv[8];
  size_t i = 0;
  for (; i < 7 && rw->argv[i]; i++) {
    const char *a = rw->argv[i];
    argv[i] = !strcmp(a, "@bilan") ? bilan : !strcmp(a, "@corpus") ? corpus
            : !strcmp(a, "@db")    ? db
                                   : a;
  }
  argv[i] = NULL;
  if (!argv[0]) return -1;
  if (unlink(db) != 0 && errno != ENOENT) return -1;
  double t0 = now();
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0) _exit(127);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) return -1;
  r->secs = now() - t0;
  r->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  r->maxrss_kb = ru.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "bilan-bench: %s %s: %s %d\n", rw->name, corpus,
            WIFEXITED(status) ? "exit status" : "killed by signal",
            WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    return -1;
  }
  unlink(db);
  return 0;
}

/* ------------------------------------------------------------ table */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double file_mb(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (double)st.st_size / 1e6 : 0;
}

int main(int argc, char **argv) {
  const char *bilan = NULL, *corpus[2] = {NULL, NULL};
  int reps = 3, i = 1;
  for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
    if (i + 1 >= argc) break;
    if (!strcmp(argv[i], "--bilan")) bilan = argv[++i];
    else if (!strcmp(argv[i], "--reps")) reps = atoi(argv[++i]);
    else break;
  }
  if (i < argc) corpus[0] = argv[i++];
  corpus[1] = i < argc ? argv[i++] : corpus[0];
  if (!bilan || !corpus[0] || i != argc || reps < 1 || reps > MAX_REPS) {
    fputs("usage: bilan-bench [--reps N] --bilan PATH CORPUS [CORPUS2]\n", stderr);
    return 2;
  }
  double mb[2] = {file_mb(corpus[0]), file_mb(corpus[1])};
  if (!(mb[0] > 0) || !(mb[1] > 0)) {
    fprintf(stderr, "bilan-bench: empty or missing corpus\n");
    return 2;
  }
  char db[4096];
  snprintf(db, sizeof db, "%s.bench.db", corpus[0]);

  printf("corpus: %s (%.1f MB), %s (%.1f MB); median of %d runs, one core\n\n", corpus[0], mb[0],
         corpus[1], mb[1], reps);
  printf("%-24s %7s %8s %9s %9s %10s %10s\n", "row", "MB", "seconds", "MB/s", "peak RSS",
         "vs memchr", "vs pcre2");
  double mbps[NROWS] = {0};
  int failed = 0;
  for (size_t k = 0; k < NROWS; k++) {
    const row *rw = &rows[k];
    const char *path = corpus[rw->big];
    double secs[MAX_REPS];
    result r;
    long maxrss = 0;
    int rc = 0;
    for (int rep = 0; rep < reps && !rc; rep++) {
      memset(&r, 0, sizeof r);
      if (rw->scan) {
        double t0 = now();
        rc = rw->scan(path, &r);
        r.secs = now() - t0;
      } else {
        rc = run_command(rw, bilan, path, db, &r);
      }
      secs[rep] = r.secs;
      if (r.maxrss_kb > maxrss) maxrss = r.maxrss_kb;
    }
    if (rc) {
      printf("%-24s %7.1f %8s\n", rw->name, mb[rw->big], "failed");
      failed = 1;
      continue;
    }
    qsort(secs, (size_t)reps, sizeof *secs, cmp_double);
    double med = secs[reps / 2];
    mbps[k] = mb[rw->big] / med;
    char rss[32] = "-";
    if (maxrss) snprintf(rss, sizeof rss, "%.1f MB", (double)maxrss / 1024);
    printf("%-24s %7.1f %8.3f %9.1f %9s", rw->name, mb[rw->big], med, mbps[k], rss);
    for (size_t b = ROW_MEMCHR; b <= ROW_PCRE2; b++) {
      if (mbps[b] > 0) printf(" %10.4f", mbps[k] / mbps[b]);
      else printf(" %10s", "-");
    }
    putchar('\n');
    fflush(stdout);
  }
  return failed;
}
