/*
 * test_read_alloc.c — the readers when memory runs out: an allocator hook
 * fails the Nth allocation, for every N a run makes, for each format read
 * from memory and from a file.  Each run must end in BL_NOMEM (or a NULL
 * reader with BL_NOMEM) or in the full result, and leak nothing (ASan).
 */
#include "test_read.h"
#include "failing_alloc.h"


/* Read everything; returns a digest of the articles, or -1 after BL_NOMEM. */
static long run(const char *path, const char *data, size_t len, bl_format fmt) {
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader *r =
      path ? bl_reader_open(path, fmt, &err) : bl_reader_open_mem("t", data, len, fmt, &err);
  if (!r) {
    assert_int_equal(err.code, BL_NOMEM);
    return -1;
  }
  long digest = 0;
  for (;;) {
    bl_article a;
    int rc = bl_reader_next(r, &a, &err);
    if (rc == 0) break;
    if (rc == -BL_NOMEM) {
      assert_int_equal(err.code, BL_NOMEM);
      digest = -1;
      break;
    }
    if (rc == -BL_PARSE) {
      digest += 1000;
      continue;
    }
    assert_int_equal(rc, 1);
    digest += (long)a.body.len + (long)a.title.len + (long)a.date.len + (long)a.outlet.len;
  }
  bl_reader_free(r);
  return digest;
}

static void fail_each(const char *name, bl_format fmt) {
  size_t len;
  char *data = slurp_file(fixture(name), &len);
  for (int from_file = 0; from_file < 2; from_file++) {
    const char *path = from_file ? fixture(name) : NULL;
    long want = run(path, data, len, fmt);
    assert_true(want > 0);
    bl_allocator al = {hook_malloc, hook_realloc, hook_free, NULL};
    bl_set_allocator(&al);
    long failures = 0;
    for (long n = 0;; n++) {
      countdown = n;
      made = 0;
      long got = run(path, data, len, fmt);
      bool failed = countdown < 0;
      countdown = -1;
      if (!failed) {
        assert_int_equal(got, want);
        break;
      }
      /* A failed allocation either surfaces as BL_NOMEM or was one the
       * reader could do without; it never changes the result silently. */
      if (!(got == -1 || got == want))
        print_error("n=%ld file=%d got=%ld want=%ld\n", n, from_file, got, want);
      assert_true(got == -1 || got == want);
      failures += got == -1;
    }
    bl_set_allocator(NULL);
    assert_true(failures > 0);
  }
  free(data);
}

static void txt(void **state) {
  (void)state;
  fail_each("header.txt", BL_FMT_TXT);
}
static void jsonl(void **state) {
  (void)state;
  fail_each("articles.jsonl", BL_FMT_JSONL);
}
static void html_article(void **state) {
  (void)state;
  fail_each("page-article.html", BL_FMT_HTML);
}
static void html_paragraphs(void **state) {
  (void)state;
  fail_each("page-paragraphs.html", BL_FMT_HTML);
}
static void html_latin1(void **state) {
  (void)state;
  fail_each("page-latin1.html", BL_FMT_HTML);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(txt),          cmocka_unit_test(jsonl),
    cmocka_unit_test(html_article), cmocka_unit_test(html_paragraphs),
    cmocka_unit_test(html_latin1),
};

TEST_READ_MAIN(tests)
