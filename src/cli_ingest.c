/*
 * cli_ingest.c — `bilan ingest`: articles in, claims into the database
 * (SPEC §2, §7).
 *
 * An ordered pipeline: the main thread reads articles (bl_reader) into a
 * ring of jobs (a JSON line is only framed there, and decoded by a worker),
 * N worker threads extract them into records (bl_doc and the store's record
 * building, no SQLite), and the main thread writes finished records in input
 * order through the store's single writer, committing a transaction every
 * --batch articles.  The writer is the pipeline's narrow part, so the
 * workers run at a lower priority: when cores are short they wait for it,
 * not it for them.  Bad inputs are reported (file, line,
 * reason) and skipped; the run goes on and ends with a summary line and exit
 * code 1.  A database error stops the run with exit code 3: what was
 * committed stays, the open batch is rolled back.
 */
#define _GNU_SOURCE /* gettid */
#include "cli.h"
#include "reader.h"
#include "store.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char ingest_usage[] =
    "usage: bilan ingest [--db PATH] [--event KEY] [--outlet NAME] [--date YYYY-MM-DD]\n"
    "                    [--url URL] [-j N] [--batch N] [--repair] [--quiet] PATH...\n"
    "\n"
    "Extract the claims of articles and store them in the database (created on\n"
    "first use).  PATH is a file, a directory (walked for .txt, .jsonl, .ndjson,\n"
    ".html, .htm) or '-' for standard input.  An article whose body is already\n"
    "stored is skipped as a duplicate.  A bad input is reported and skipped; the\n"
    "others are stored, and the exit status is then 1.\n"
    "\n"
    "  --db PATH       the database (default $BILAN_DB, else ./bilan.db)\n"
    "  --event KEY     the event of every article (else the input's, else a place\n"
    "                  and a week, see docs/database.md)\n"
    "  --outlet NAME   --date YYYY-MM-DD   --url URL\n"
    "                  override the article's own metadata\n"
    "  -j N            extraction threads (default: the processors, at most 8)\n"
    "  --batch N       articles per transaction (default 1024)\n"
    "  --repair        replace invalid UTF-8 by U+FFFD instead of rejecting\n"
    "  --grammars DIR  read the grammars from DIR instead of the built-in copy\n"
    "  -q, --quiet     no progress line (it is shown only when stderr is a terminal)\n"
    "\n"
    "Examples:\n"
    "  bilan ingest corpus/\n"
    "  bilan ingest --event sorvene-2024-crue --outlet 'La Dépêche' article.txt\n";

/* One article on its way: an owned copy (or the JSON line it is to be
 * decoded from), then its record. */
typedef struct job {
  bl_buf f[7]; /* body, title, outlet, date, url, event, id (ptr NULL = null) */
  bool json;   /* f[0] is a JSON line, decoded by the worker */
  bool undecodable; /* ... which is not an article: err says why */
  unsigned line;
  size_t body_offset;
  char *path; /* owned */
  bl_record rec;
  int rc;
  bl_error err;
  size_t repairs; /* invalid UTF-8 sequences replaced (--repair) */
  int state; /* 0 empty, 1 waiting, 2 taken, 3 done */
} job;

/* The ring is deep enough that the workers keep extracting while the writer
 * commits a batch (a commit of a large database takes as long as extracting
 * hundreds of articles: with 4 jobs a worker, ingest of 30 MB waited 20 % of
 * its time), and bounded in bytes so that long articles keep memory flat. */
enum { JOBS_PER_WORKER = 128 };
#define INFLIGHT_MAX ((size_t)64 << 20)

typedef struct run {
  /* options */
  bl_overrides ov;
  unsigned opts;
  size_t batch;
  int threads;
  /* store */
  bl_store *store;
  bl_writer *writer;
  size_t in_batch;
  /* counts */
  size_t read, stored, dups, rejected, claims;
  int worst;
  /* pipeline */
  job *ring;
  size_t cap, head, tail, next;
  size_t inflight; /* body bytes submitted and not yet written */
  bool quit;
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  /* inline extraction (-j 1) and the workers' own state */
  bl_doc *doc;
  bl_names *names;
  cli_progress progress; /* articles written; bytes read */
} run;

static void oom(void) {
  cli_error("out of memory");
  exit(EXIT_INTERNAL);
}

/* ------------------------------------------------------------- jobs */

static void copy_str(bl_buf *b, bl_str s) {
  bl_buf_clear(b);
  if (s.ptr && bl_buf_add(b, s.ptr, s.len)) oom();
}

static void job_start(job *j, const char *path) {
  free(j->path);
  j->path = strdup(path);
  if (!j->path) oom();
  j->rc = BL_OK;
  j->undecodable = false;
  memset(&j->err, 0, sizeof j->err);
}

static void job_fill(job *j, const char *path, const bl_article *a) {
  const bl_str src[7] = {a->body, a->title, a->outlet, a->date, a->url, a->event, a->id};
  for (int i = 0; i < 7; i++) copy_str(&j->f[i], src[i]);
  j->json = false;
  j->line = a->line;
  j->body_offset = a->body_offset;
  job_start(j, path);
}

/* A JSON line at byte off of path, line number `line`. */
static void job_fill_json(job *j, const char *path, bl_str text, size_t off, unsigned line) {
  copy_str(&j->f[0], text);
  for (int i = 1; i < 7; i++) bl_buf_clear(&j->f[i]);
  j->json = true;
  j->line = line;
  j->body_offset = off;
  job_start(j, path);
}

static bl_article job_article(const job *j) {
  bl_article a;
  memset(&a, 0, sizeof a);
  bl_str *dst[7] = {&a.body, &a.title, &a.outlet, &a.date, &a.url, &a.event, &a.id};
  for (int i = 0; i < 7; i++)
    *dst[i] = j->f[i].ptr ? bl_str_make(j->f[i].ptr, j->f[i].len) : bl_str_null();
  a.line = j->line;
  a.body_offset = j->body_offset;
  return a;
}

static void job_clear(job *j) {
  for (int i = 0; i < 7; i++) bl_buf_clear(&j->f[i]);
  free(j->path);
  bl_record_clear(&j->rec);
}

/* jl: the worker's decoded JSON line, for a job that holds one. */
static void extract(job *j, bl_doc *doc, bl_names *names, bl_jsonl_obj *jl, const run *r) {
  bl_article a = job_article(j);
  bl_record_clear(&j->rec);
  if (j->json) {
    j->rc = bl_jsonl_decode(jl, j->f[0].ptr ? j->f[0].ptr : "", j->f[0].len, j->body_offset, &a,
                            &j->err);
    if (j->rc) {
      j->undecodable = true;
      j->repairs = 0;
      return;
    }
    a.line = j->line;
  }
  j->rc = bl_record_build(&j->rec, doc, names, cli_grammar(), j->path, &a, &r->ov, r->opts,
                          &j->err);
  j->repairs = j->rc ? 0 : bl_doc_repairs(doc);
  if (j->json) bl_jsonl_obj_clear(jl);
}

/* ----------------------------------------------------------- writing */

static void summary(const run *r, const char *db) {
  printf("bilan ingest: %zu article%s read, %zu stored, %zu duplicate%s skipped, %zu rejected; "
         "%zu claim%s stored in %s\n",
         r->read, r->read == 1 ? "" : "s", r->stored, r->dups, r->dups == 1 ? "" : "s",
         r->rejected, r->claims, r->claims == 1 ? "" : "s", db);
  fflush(stdout);
}

static void db_fatal(run *r, const bl_error *err) {
  cli_error("%s", err->msg);
  bl_writer_free(r->writer); /* rolls back the open batch */
  r->writer = NULL;
  bl_store_free(r->store);
  exit(err->code == BL_NOMEM || err->code == BL_INTERNAL ? EXIT_INTERNAL : EXIT_DB);
}

/* Where an article comes from, for messages: "file" or "file:line". */
static void where(const job *j, char *out, size_t cap) {
  if (j->line)
    snprintf(out, cap, "%s:%u", j->path, j->line);
  else
    snprintf(out, cap, "%s", j->path);
}

static void write_job(run *r, job *j) {
  char at[512];
  where(j, at, sizeof at);
  if (j->rc != BL_OK) {
    if (j->rc == BL_NOMEM || j->rc == BL_INTERNAL) {
      cli_error("%s: %s", at, j->err.msg);
      exit(EXIT_INTERNAL);
    }
    if (j->undecodable) {
      /* As the reader says it: the line is skipped. */
      cli_error("%s: %s", at, j->err.msg);
      r->rejected++;
      if (r->worst < EXIT_REJECTED) r->worst = EXIT_REJECTED;
      return;
    }
    /* Extraction refused the body: say where in the file. */
    if (j->line)
      cli_error("%s: byte %zu of the text: %s", at, j->err.at.start, j->err.msg);
    else
      cli_error("%s: byte %zu: %s", at, j->body_offset + j->err.at.start, j->err.msg);
    r->rejected++;
    if (r->worst < EXIT_REJECTED) r->worst = EXIT_REJECTED;
    return;
  }
  if (j->repairs)
    cli_error("%s: warning: replaced %zu invalid UTF-8 sequence(s) by U+FFFD", at, j->repairs);
  bl_error err;
  memset(&err, 0, sizeof err);
  if (!r->in_batch && bl_writer_begin(r->writer, &err)) db_fatal(r, &err);
  bl_put_status st;
  size_t nc;
  int rc = bl_writer_put(r->writer, &j->rec, &st, &nc, &err);
  r->in_batch++;
  /* Past its first checks a failed put has rolled the batch back: the run
   * cannot go on without losing articles it accepted. */
  if (rc && rc != BL_USAGE) db_fatal(r, &err);
  if (rc) {
    cli_error("%s: %s", at, err.msg);
    r->rejected++;
    if (r->worst < EXIT_REJECTED) r->worst = EXIT_REJECTED;
  } else if (st == BL_PUT_DUPLICATE) {
    r->dups++;
  } else {
    r->stored++;
    r->claims += nc;
  }
  if (r->in_batch >= r->batch) {
    if (bl_writer_commit(r->writer, &err)) db_fatal(r, &err);
    r->in_batch = 0;
  }
  cli_progress_add(&r->progress, 1, 0);
}

/* ---------------------------------------------------------- workers */

typedef struct worker {
  run *r;
  pthread_t th;
  bl_doc *doc;
  bl_names *names;
  bl_jsonl_obj jl;
} worker;

/* How much lower the workers' priority is than the writer's (nice levels):
 * on two cores, 100 MB of articles are ingested in 20.7 s instead of 22.8. */
enum { WORKER_NICE = 10 };

static void *work(void *arg) {
  worker *w = arg;
  run *r = w->r;
#ifdef __linux__
  /* Linux keeps a nice value per thread; elsewhere this would be the process's. */
  (void)setpriority(PRIO_PROCESS, (id_t)gettid(), getpriority(PRIO_PROCESS, 0) + WORKER_NICE);
#endif
  for (;;) {
    pthread_mutex_lock(&r->mu);
    while (!r->quit && r->next == r->tail) pthread_cond_wait(&r->work, &r->mu);
    if (r->next == r->tail) {
      pthread_mutex_unlock(&r->mu);
      return NULL;
    }
    job *j = &r->ring[r->next++ % r->cap];
    j->state = 2;
    pthread_mutex_unlock(&r->mu);
    extract(j, w->doc, w->names, &w->jl, r);
    pthread_mutex_lock(&r->mu);
    j->state = 3;
    pthread_cond_broadcast(&r->done);
    pthread_mutex_unlock(&r->mu);
  }
}

/* Write the oldest job once it is done. */
static void drain_one(run *r) {
  job *j = &r->ring[r->head % r->cap];
  pthread_mutex_lock(&r->mu);
  while (j->state != 3) pthread_cond_wait(&r->done, &r->mu);
  pthread_mutex_unlock(&r->mu);
  write_job(r, j);
  r->inflight -= j->f[0].len;
  j->state = 0;
  r->head++;
}

/* A free slot of the ring for `bytes` more, the oldest jobs written first. */
static job *ring_slot(run *r, size_t bytes) {
  while (r->tail > r->head &&
         (r->tail - r->head == r->cap || r->inflight + bytes > INFLIGHT_MAX))
    drain_one(r);
  r->inflight += bytes;
  return &r->ring[r->tail % r->cap];
}

/* Hand the job at the tail to the workers. */
static void ring_push(run *r, job *j) {
  pthread_mutex_lock(&r->mu);
  j->state = 1;
  r->tail++;
  pthread_cond_signal(&r->work);
  pthread_mutex_unlock(&r->mu);
}

static void submit(run *r, const char *path, const bl_article *a) {
  r->read++;
  cli_progress_set_bytes(&r->progress, r->progress.bytes + a->body.len);
  if (r->threads <= 1) {
    job *j = &r->ring[0];
    job_fill(j, path, a);
    extract(j, r->doc, r->names, NULL, r);
    write_job(r, j);
    return;
  }
  job *j = ring_slot(r, a->body.len);
  job_fill(j, path, a);
  ring_push(r, j);
}

/* A JSON line, decoded by a worker (the main thread, which also writes, only
 * finds where lines end). */
static void submit_json(run *r, const char *path, bl_str line, size_t off, unsigned lineno) {
  r->read++;
  cli_progress_set_bytes(&r->progress, r->progress.bytes + line.len);
  job *j = ring_slot(r, line.len);
  job_fill_json(j, path, line, off, lineno);
  ring_push(r, j);
}

/* ------------------------------------------------------------ inputs */

/* Standard input has no extension: JSON Lines if it opens with '{'. */
static int sniff(const char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  if (i < len && data[i] == '{') return BL_FMT_JSONL;
  if (i < len && data[i] == '<') return BL_FMT_HTML;
  return BL_FMT_TXT;
}

static int ingest_file(const char *path, void *ctx) {
  run *r = ctx;
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader *rd;
  char *data = NULL;
  if (!strcmp(path, "-")) {
    size_t len;
    if (cli_read_all("-", &data, &len) != 0) {
      cli_error("-: %s", strerror(errno));
      r->rejected++;
      return EXIT_REJECTED;
    }
    rd = bl_reader_open_mem("-", data, len, (bl_format)sniff(data, len), &err);
  } else {
    int fmt = bl_format_of_path(path);
    rd = bl_reader_open(path, fmt < 0 ? BL_FMT_TXT : (bl_format)fmt, &err);
  }
  if (!rd) {
    cli_error("%s: %s", path, err.msg);
    free(data);
    r->rejected++;
    if (err.code == BL_NOMEM) exit(EXIT_INTERNAL);
    return EXIT_REJECTED;
  }
  int worst = EXIT_OK;
  uint64_t base = r->progress.bytes;
  bl_article a;
  bool lines = r->threads > 1 && bl_reader_format(rd) == BL_FMT_JSONL;
  for (;;) {
    memset(&err, 0, sizeof err);
    int rc;
    if (lines) {
      const char *s;
      size_t n, off;
      unsigned lineno;
      rc = bl_reader_next_line(rd, &s, &n, &off, &lineno, &err);
      if (rc == 1) {
        submit_json(r, path, bl_str_make(s, n), off, lineno);
        continue;
      }
    } else {
      rc = bl_reader_next(rd, &a, &err);
      if (rc == 1) {
        submit(r, path, &a);
        continue;
      }
    }
    if (rc == 0) break;
    if (err.line)
      cli_error("%s:%u: %s", path, err.line, err.msg);
    else
      cli_error("%s: %s", path, err.msg);
    r->read++;
    r->rejected++;
    worst = EXIT_REJECTED;
    if (rc == -BL_NOMEM) exit(EXIT_INTERNAL);
    if (rc != -BL_PARSE) break; /* the rest of the file cannot be read */
  }
  bl_reader_free(rd);
  free(data);
  struct stat st;
  if (strcmp(path, "-") && !stat(path, &st)) cli_progress_set_bytes(&r->progress, base + (uint64_t)st.st_size);
  return worst;
}

/* ------------------------------------------------------------- main */

static bool valid_date(const char *s) {
  return bl_day_parse(s, strlen(s)) != BL_NO_DAY && strlen(s) == 10;
}

int cmd_ingest(int argc, char **argv) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"event", required_argument, NULL, 'e'},
                                           {"outlet", required_argument, NULL, 'o'},
                                           {"date", required_argument, NULL, 't'},
                                           {"url", required_argument, NULL, 'u'},
                                           {"batch", required_argument, NULL, 'b'},
                                           {"repair", no_argument, NULL, 'r'},
                                           {"grammars", required_argument, NULL, 'g'},
                                           {"quiet", no_argument, NULL, 'q'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  run r;
  memset(&r, 0, sizeof r);
  const char *db = NULL;
  r.batch = 1024;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  r.threads = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (int)ncpu;
  int c;
  bool quiet = false;
  optind = 1;
  while ((c = getopt_long(argc, argv, "hj:q", longopts, NULL)) != -1) {
    char *end;
    switch (c) {
    case 'q': quiet = true; break;
    case 'd': db = optarg; break;
    case 'e': r.ov.event = optarg; break;
    case 'o': r.ov.outlet = optarg; break;
    case 't':
      if (!valid_date(optarg)) {
        cli_error("--date wants YYYY-MM-DD, not '%s'", optarg);
        return EXIT_USAGE;
      }
      r.ov.date = optarg;
      break;
    case 'u': r.ov.url = optarg; break;
    case 'j':
      r.threads = (int)strtol(optarg, &end, 10);
      if (*end || r.threads < 1 || r.threads > 256) {
        cli_error("-j wants a number of threads from 1 to 256, not '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'b':
      r.batch = (size_t)strtoul(optarg, &end, 10);
      if (*end || r.batch < 1) {
        cli_error("--batch wants a positive number, not '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'r': r.opts |= BL_REPAIR; break;
    case 'g': cli_grammar_dir = optarg; break;
    case 'h': fputs(ingest_usage, stdout); return EXIT_OK;
    default: fputs(ingest_usage, stderr); return EXIT_USAGE;
    }
  }
  if (optind == argc) {
    cli_error("ingest needs a PATH ('-' for standard input)");
    fputs(ingest_usage, stderr);
    return EXIT_USAGE;
  }
  const char *path = cli_db_path(db);
  const bl_grammar *g = cli_grammar();
  r.store = cli_db_open(path, false);
  bl_error err;
  memset(&err, 0, sizeof err);
  r.writer = bl_writer_new(r.store, g, &err);
  if (!r.writer) db_fatal(&r, &err);

  worker *workers = NULL;
  if (r.threads < 1) r.threads = 1;
  r.cap = r.threads <= 1 ? 1 : (size_t)r.threads * JOBS_PER_WORKER;
  r.ring = calloc(r.cap, sizeof *r.ring);
  if (!r.ring) oom();
  if (r.threads <= 1) {
    r.doc = bl_doc_new(g, &err);
    r.names = r.doc ? bl_names_new(g, &err) : NULL;
    if (!r.names) {
      cli_error("%s", err.msg);
      exit(EXIT_INTERNAL);
    }
  } else {
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.done, NULL);
    workers = calloc((size_t)r.threads, sizeof *workers);
    if (!workers) oom();
    for (int i = 0; i < r.threads; i++) {
      workers[i].r = &r;
      workers[i].doc = bl_doc_new(g, &err);
      workers[i].names = workers[i].doc ? bl_names_new(g, &err) : NULL;
      if (!workers[i].names) {
        cli_error("%s", err.msg);
        exit(EXIT_INTERNAL);
      }
      if (pthread_create(&workers[i].th, NULL, work, &workers[i]) != 0) {
        cli_error("cannot start a thread");
        exit(EXIT_INTERNAL);
      }
    }
  }

  static const char *const exts[] = {"txt", "jsonl", "ndjson", "html", "htm", NULL};
  cli_progress_start(&r.progress, quiet, false, cli_input_size(argv + optind, argc - optind, exts));
  int rc = cli_walk(argv + optind, argc - optind, exts, ingest_file, &r);
  if (rc == EXIT_REJECTED && r.rejected == 0) r.rejected++; /* a path that does not exist */

  if (workers) {
    while (r.head != r.tail) drain_one(&r);
    pthread_mutex_lock(&r.mu);
    r.quit = true;
    pthread_cond_broadcast(&r.work);
    pthread_mutex_unlock(&r.mu);
    for (int i = 0; i < r.threads; i++) {
      pthread_join(workers[i].th, NULL);
      bl_doc_free(workers[i].doc);
      bl_names_free(workers[i].names);
      bl_jsonl_obj_clear(&workers[i].jl);
    }
    free(workers);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.work);
    pthread_cond_destroy(&r.done);
  }
  if (bl_writer_commit(r.writer, &err)) db_fatal(&r, &err);
  cli_progress_end(&r.progress);
  /* Fresh statistics for the planner of the comparison views. */
  sqlite3_exec(bl_store_db(r.store), "PRAGMA optimize", NULL, NULL, NULL);
  summary(&r, path);
  for (size_t i = 0; i < r.cap; i++) job_clear(&r.ring[i]);
  free(r.ring);
  bl_doc_free(r.doc);
  bl_names_free(r.names);
  bl_writer_free(r.writer);
  bl_store_free(r.store);
  if (rc > r.worst) r.worst = rc;
  return r.worst;
}
