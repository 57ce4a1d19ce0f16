/*
 * test_alloc.c — the library when memory runs out.  An allocator hook
 * (bl_set_allocator) makes the Nth allocation fail, for every N a run makes,
 * over the fixtures: the grammar load, the number scanner and the claim
 * pipeline on every fixture case (seeds written by run_fixtures --seeds) and
 * article (fixtures/inputs), an article made ready to store, and the store
 * writing it.  Each run must end either in BL_NOMEM (a NULL object with
 * err.code BL_NOMEM) or in the full result, with nothing leaked (ASan's
 * LeakSanitizer, valgrind) and nothing crashed.
 *
 * The grammar load makes ~10^4 allocations and compiles the patterns each
 * time: every N is tried on a copy of grammars/ whose word lists are cut to
 * their first entries (the same files, code paths and patterns, smaller),
 * and every 61st N on the built-in grammar; test_grammar_builtin_full (run
 * only when named, ctest label long) tries every N there.
 *
 *   test_alloc SEEDS_DIR INPUTS_DIR GRAMMARS_DIR [PATTERN]
 *
 * BILAN_TEST_SCALE=k tries every kth N only (for valgrind).
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_files.h"
#include "failing_alloc.h"
#include "grammar_copy.h"
#include "store.h"

static const char *seeds_dir, *inputs_dir;
static long stride = 1;

/* ------------------------------------------------------------------ hook */


#define FAILED (-1L) /* a run's digest after BL_NOMEM */

/*
 * Run fn(ctx) once with no failure for the reference digest, then with the
 * Nth allocation failing for N = 0, 1, ... until a run needs fewer.  Every
 * run returns the reference or FAILED; some must fail.
 */
static void fail_each(const char *what, long (*fn)(void *), void *ctx) {
  bl_allocator al = {hook_malloc, hook_realloc, hook_free, NULL};
  bl_set_allocator(&al);
  countdown = -1;
  made = 0;
  long want = fn(ctx);
  long total = made;
  if (want == FAILED) fail_msg("%s: fails with no allocation failing", what);
  long failures = 0;
  for (long n = 0;; n += stride) {
    countdown = n;
    long got = fn(ctx);
    bool reached = countdown < 0;
    countdown = -1;
    if (!reached) {
      assert_true(got == want);
      break;
    }
    if (got != FAILED && got != want)
      fail_msg("%s: allocation %ld of %ld failed: got %ld, want %ld or a failure", what, n, total,
               got, want);
    failures += got == FAILED;
  }
  bl_set_allocator(NULL);
  if (total > 0 && stride == 1) assert_true(failures > 0);
}

static bl_error fresh_error(void) {
  bl_error err;
  memset(&err, 0, sizeof err);
  return err;
}

/* ---------------------------------------------------------------- inputs */

typedef struct text {
  char *name;
  char *data; /* malloc'd, NUL-terminated */
  size_t len;
} text;

typedef struct texts {
  text *v;
  size_t n;
} texts;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot open %s", path);
  size_t cap = 4096, n = 0;
  char *b = malloc(cap + 1);
  assert_non_null(b);
  size_t got;
  while ((got = fread(b + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      cap *= 2;
      char *nb = realloc(b, cap + 1);
      assert_non_null(nb);
      b = nb;
    }
  }
  fclose(f);
  b[n] = '\0';
  *len = n;
  return b;
}

/* Every file of dir whose name ends with one of `exts` (each followed by a
 * space); "" selects the files without an extension. */
static texts load_dir(const char *dir, const char *exts) {
  texts t = {NULL, 0};
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort);
  if (n < 0) fail_msg("cannot read %s", dir);
  for (int i = 0; i < n; i++) {
    const char *dot = strrchr(names[i]->d_name, '.');
    char ext[16];
    bool want = false;
    if (!*exts) {
      want = !dot && names[i]->d_name[0] != '.';
    } else if (dot && strlen(dot) < sizeof ext - 2) {
      snprintf(ext, sizeof ext, "%s ", dot + 1);
      const char *hit = strstr(exts, ext);
      want = hit && (hit == exts || hit[-1] == ' ');
    }
    {
      if (want) {
        text *nv = realloc(t.v, (t.n + 1) * sizeof *t.v);
        assert_non_null(nv);
        t.v = nv;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        t.v[t.n].name = strdup(names[i]->d_name);
        t.v[t.n].data = slurp(path, &t.v[t.n].len);
        t.n++;
      }
    }
    free(names[i]);
  }
  free(names);
  return t;
}

static void free_texts(texts *t) {
  for (size_t i = 0; i < t->n; i++) {
    free(t->v[i].name);
    free(t->v[i].data);
  }
  free(t->v);
  t->v = NULL;
  t->n = 0;
}

/* ---------------------------------------------------------------- grammar */

static const char *grammars_dir;
static char small_grammars[256]; /* the cut copy, made by setup */

static long run_grammar(void *ctx) {
  const char *dir = ctx;
  bl_error err = fresh_error();
  bl_grammar *g = bl_grammar_new(dir, &err);
  if (!g) {
    if (err.code != BL_NOMEM) fail_msg("grammar: %s (%s)", bl_rc_str(err.code), err.msg);
    return FAILED;
  }
  long digest = (long)strlen(bl_grammar_version(g));
  bl_grammar_free(g);
  return digest;
}

static void test_grammar_files(void **state) {
  (void)state;
  fail_each("bl_grammar_new(dir)", run_grammar, small_grammars);
}

static void test_grammar_builtin(void **state) {
  (void)state;
  long saved = stride;
  stride *= 61;
  fail_each("bl_grammar_new(NULL)", run_grammar, NULL);
  stride = saved;
}

static void test_grammar_builtin_full(void **state) {
  (void)state;
  fail_each("bl_grammar_new(NULL)", run_grammar, NULL);
}

/* Copy GRAMMARS_DIR/fr to dst/fr, word lists (.tsv, .txt) cut to their
 * first few entries; comments, examples and patterns kept whole. */
static void make_small_grammars(const char *dst) {
  char path[4096];
  snprintf(path, sizeof path, "%s/fr", dst);
  if (mkdir(dst, 0700) || mkdir(path, 0700)) fail_msg("cannot create %s", path);
  char src[4096];
  snprintf(src, sizeof src, "%s/fr", grammars_dir);
  texts t = load_dir(src, "tsv txt pcre ");
  texts v = load_dir(src, "");
  for (size_t i = 0; i < t.n + v.n; i++) {
    const text *f = i < t.n ? &t.v[i] : &v.v[i - t.n];
    bool list = strstr(f->name, ".tsv") || strstr(f->name, ".txt");
    snprintf(path, sizeof path, "%s/fr/%s", dst, f->name);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    int entries = 0;
    for (const char *l = f->data; *l;) {
      const char *nl = strchr(l, '\n');
      size_t n = nl ? (size_t)(nl - l) + 1 : strlen(l);
      bool entry = n > 1 && l[0] != '#' && strncmp(l, "ex", 2);
      if (!list || !entry || ++entries <= 6) fwrite(l, 1, n, out);
      l += n;
    }
    fclose(out);
  }
  free_texts(&t);
  free_texts(&v);
}

/* Everything below uses one grammar, loaded before the hook is set. */
static bl_grammar *grammar;

/* ------------------------------------------------------- numbers, claims */

static long quantity_digest(const bl_quantity *q) {
  long d = (long)(q->span.start * 7 + q->span.end * 13 + q->hedge.end) + (long)q->qualifier;
  if (q->value == q->value) d += (long)(q->value * 3) % 100003;
  return d;
}

static long run_scan(void *ctx) {
  const text *t = ctx;
  bl_error err = fresh_error();
  bl_scan *sc = bl_scan_new(grammar, &err);
  if (!sc) {
    assert_int_equal(err.code, BL_NOMEM);
    return FAILED;
  }
  long digest = 1;
  int rc = bl_scan_run(sc, t->data, t->len, BL_REPAIR, &err);
  if (rc == BL_NOMEM) {
    assert_int_equal(err.code, BL_NOMEM);
    digest = FAILED;
  } else if (rc) {
    digest = 1000000 + rc; /* a refusal other than memory: the same every time */
  } else {
    for (size_t i = 0; i < bl_scan_count(sc); i++) digest += quantity_digest(bl_scan_get(sc, i));
  }
  bl_scan_free(sc);
  return digest;
}

static long str_digest(bl_str s) {
  unsigned long d = s.len;
  for (size_t i = 0; s.ptr && i < s.len; i++) d = d * 31 + (unsigned char)s.ptr[i];
  return (long)(d % 1000003);
}

static long claims_digest(const bl_doc *d) {
  long digest = 2;
  for (size_t i = 0; i < bl_doc_claim_count(d); i++) {
    const bl_claim *c = bl_doc_claim(d, i);
    digest += quantity_digest(&c->q) + str_digest(c->unit) + str_digest(c->subject) +
              str_digest(c->source) + str_digest(c->channel) + (long)c->category * 5 + (long)c->group * 11 +
              c->status + c->negated + c->cumulative + c->of;
  }
  return digest;
}

static long run_doc(void *ctx) {
  const text *t = ctx;
  bl_error err = fresh_error();
  bl_doc *d = bl_doc_new(grammar, &err);
  if (!d) {
    assert_int_equal(err.code, BL_NOMEM);
    return FAILED;
  }
  long digest;
  int rc = bl_doc_run(d, t->data, t->len, BL_REPAIR, &err);
  if (rc == BL_NOMEM) {
    assert_int_equal(err.code, BL_NOMEM);
    digest = FAILED;
  } else if (rc) {
    digest = 1000000 + rc;
  } else {
    digest = claims_digest(d);
    /* and again with the same doc (reused state) */
    rc = bl_doc_run(d, t->data, t->len, BL_REPAIR, &err);
    if (rc == BL_NOMEM) digest = FAILED;
    else if (rc || claims_digest(d) != digest) fail_msg("%s: a second run differs", t->name);
  }
  bl_doc_free(d);
  return digest;
}

/* Every fixture case through the scanner and the claim pipeline. */
static void test_fixture_cases(void **state) {
  (void)state;
  texts t = load_dir(seeds_dir, "txt ");
  if (t.n < 50) fail_msg("only %zu seeds in %s", t.n, seeds_dir);
  for (size_t i = 0; i < t.n; i++) {
    fail_each(t.v[i].name, run_scan, &t.v[i]);
    fail_each(t.v[i].name, run_doc, &t.v[i]);
  }
  free_texts(&t);
}

/* ------------------------------------------------- articles and records */

typedef struct article_run {
  const text *file;
  bl_format fmt;
  bool store; /* also write the records to a database */
} article_run;

static char dbpath[256];

static void unlink_db(void) {
  remove_db_files(dbpath);
}

/* Read a file's articles, build their records (extraction, hash, event,
 * dates) and, with ar->store, write them in one batch and count the rows. */
static long run_articles(void *ctx) {
  const article_run *ar = ctx;
  bl_error err = fresh_error();
  long digest = 3;
  bl_reader *r = NULL;
  bl_doc *d = NULL;
  bl_names *names = NULL;
  bl_store *s = NULL;
  bl_writer *w = NULL;
  bl_record rec;
  bl_record_init(&rec);
  if (ar->store) {
    unlink_db();
    s = bl_store_open(dbpath, 0, bl_grammar_version(grammar), &err);
    if (!s) goto failed;
    w = bl_writer_new(s, grammar, &err);
    if (!w) goto failed;
    if (bl_writer_begin(w, &err)) goto failed;
  }
  r = bl_reader_open_mem(ar->file->name, ar->file->data, ar->file->len, ar->fmt, &err);
  if (!r) goto failed;
  d = bl_doc_new(grammar, &err);
  if (!d) goto failed;
  names = bl_names_new(grammar, &err);
  if (!names) goto failed;
  for (;;) {
    bl_article a;
    int got = bl_reader_next(r, &a, &err);
    if (got == 0) break;
    if (got == -BL_PARSE) {
      digest += 1000;
      continue;
    }
    if (got < 0) goto failed;
    bl_overrides ov = {NULL, NULL, NULL, NULL};
    bl_record_clear(&rec);
    bl_record_init(&rec);
    int rc = bl_record_build(&rec, d, names, grammar, ar->file->name, &a, &ov, BL_REPAIR, &err);
    if (rc) goto failed;
    digest += (long)rec.nclaims * 17 + (long)rec.shingles + str_digest(bl_str_make(rec.sha256, 64)) +
              str_digest(bl_str_make(rec.event.ptr, rec.event.len));
    for (size_t i = 0; i < rec.nclaims; i++)
      digest += rec.claims[i].event_day % 1000 + str_digest(rec.claims[i].c.source);
    if (w) {
      bl_put_status st;
      size_t nc;
      if (bl_writer_put(w, &rec, &st, &nc, &err)) goto failed;
      digest += (long)nc * 3 + st;
    }
  }
  if (w && bl_writer_commit(w, &err)) goto failed;
  goto done;
failed:
  if (err.code != BL_NOMEM) fail_msg("%s: %s (%s)", ar->file->name, bl_rc_str(err.code), err.msg);
  digest = FAILED;
done:
  bl_record_clear(&rec);
  bl_names_free(names);
  bl_doc_free(d);
  bl_reader_free(r);
  bl_writer_free(w);
  bl_store_free(s);
  if (ar->store) {
    /* What was committed is whole: every claim row has its article. */
    sqlite3 *db;
    if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
      sqlite3_stmt *st;
      if (sqlite3_prepare_v2(db,
                             "SELECT count(*) FROM claims WHERE article_id NOT IN "
                             "(SELECT id FROM articles)",
                             -1, &st, NULL) == SQLITE_OK) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 0);
        sqlite3_finalize(st);
      }
    }
    sqlite3_close(db);
    unlink_db();
  }
  return digest;
}

static void test_articles(void **state) {
  (void)state;
  texts t = load_dir(inputs_dir, "txt jsonl html ");
  if (t.n < 5) fail_msg("only %zu inputs in %s", t.n, inputs_dir);
  for (size_t i = 0; i < t.n; i++) {
    article_run ar = {&t.v[i], (bl_format)bl_format_of_path(t.v[i].name), false};
    fail_each(t.v[i].name, run_articles, &ar);
  }
  free_texts(&t);
}

static void test_store(void **state) {
  (void)state;
  texts t = load_dir(inputs_dir, "jsonl ");
  assert_true(t.n > 0);
  for (size_t i = 0; i < t.n; i++) {
    article_run ar = {&t.v[i], BL_FMT_JSONL, true};
    fail_each(t.v[i].name, run_articles, &ar);
  }
  free_texts(&t);
}

/* ------------------------------------------------------------------ main */

static int setup(void **state) {
  (void)state;
  bl_error err = fresh_error();
  grammar = bl_grammar_new(NULL, &err);
  snprintf(dbpath, sizeof dbpath, "test_alloc_%d.db", (int)getpid());
  snprintf(small_grammars, sizeof small_grammars, "test_alloc_grammars_%d", (int)getpid());
  make_small_grammars(small_grammars);
  return grammar ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  bl_grammar_free(grammar);
  remove_grammar_copy(small_grammars);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: test_alloc SEEDS_DIR INPUTS_DIR GRAMMARS_DIR [PATTERN]\n");
    return 2;
  }
  seeds_dir = argv[1];
  inputs_dir = argv[2];
  grammars_dir = argv[3];
  if (argc > 4)
    cmocka_set_test_filter(argv[4]);
  else
    cmocka_set_skip_filter("*_full");
  const char *sc = getenv("BILAN_TEST_SCALE");
  if (sc && atol(sc) > 0) stride = atol(sc);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_grammar_files),
      cmocka_unit_test(test_grammar_builtin),
      cmocka_unit_test(test_grammar_builtin_full),
      cmocka_unit_test(test_fixture_cases),
      cmocka_unit_test(test_articles),
      cmocka_unit_test(test_store),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
