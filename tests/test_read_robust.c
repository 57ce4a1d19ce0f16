/*
 * test_read_robust.c — every reader on arbitrary bytes: random buffers and
 * mutated fixtures (bytes flipped, markup characters, NUL bytes and line
 * ends inserted, truncations), from memory and from files.  A reader must
 * end, return only documented codes, and hand out fields that lie inside
 * the input or its own storage (ASan checks every byte is readable); what
 * the HTML reader writes is valid UTF-8 without NUL, laid out as documented.
 */
#include "test_read.h"

#include <unicode/utf8.h>

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

/* What the readers gave, by rc (1 = article, then BL_PARSE, BL_LIMIT). */
static size_t seen_articles, seen_parse, seen_limit;

static bool utf8_ok(bl_str s) {
  int32_t i = 0, n = (int32_t)s.len;
  while (i < n) {
    UChar32 c;
    U8_NEXT((const uint8_t *)s.ptr, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

static unsigned long touch(bl_str s) {
  unsigned long sum = 0;
  if (!s.ptr) {
    assert_int_equal(s.len, 0);
    return 0;
  }
  for (size_t i = 0; i < s.len; i++) sum += (unsigned char)s.ptr[i];
  return sum;
}

/* Run one reader to its end and check what it gives. */
static void drain(bl_reader *r, bl_format fmt, const char *data, size_t len, bool from_mem) {
  size_t lines = 1;
  for (size_t i = 0; i < len; i++) lines += data[i] == '\n';
  size_t calls = 0;
  unsigned last_line = 0;
  for (;;) {
    bl_article a;
    bl_error err;
    memset(&err, 0, sizeof err);
    int rc = bl_reader_next(r, &a, &err);
    calls++;
    assert_true(calls <= lines + 2);
    if (rc == 0) break;
    if (rc == -BL_PARSE || rc == -BL_LIMIT) {
      if (rc == -BL_PARSE)
        seen_parse++;
      else
        seen_limit++;
      assert_int_equal(err.code, -rc);
      assert_true(strlen(err.msg) > 0);
      assert_true(err.at.start <= err.at.end && err.at.end <= len);
      if (fmt == BL_FMT_JSONL) {
        assert_true(err.line > last_line && err.line <= lines);
        last_line = err.line;
      }
      if (rc == -BL_LIMIT) break;
      continue;
    }
    assert_int_equal(rc, 1);
    seen_articles++;
    unsigned long sum = touch(a.body) + touch(a.title) + touch(a.outlet) + touch(a.date) +
                        touch(a.url) + touch(a.event) + touch(a.id);
    (void)sum;
    assert_non_null(a.body.ptr);
    switch (fmt) {
    case BL_FMT_TXT:
      assert_true(a.body_offset <= len);
      assert_int_equal(a.body.len, len - a.body_offset);
      if (from_mem)
        assert_ptr_equal(a.body.ptr, data + a.body_offset);
      else
        assert_memory_equal(a.body.ptr, data + a.body_offset, a.body.len);
      break;
    case BL_FMT_JSONL:
      assert_true(a.line > last_line && a.line <= lines);
      last_line = a.line;
      assert_true(a.body.len > 0 && utf8_ok(a.body));
      break;
    case BL_FMT_HTML:
      assert_true(a.body.len > 0);
      assert_true(utf8_ok(a.body) && utf8_ok(a.title) && utf8_ok(a.outlet) && utf8_ok(a.url) &&
                  utf8_ok(a.date));
      assert_null(memchr(a.body.ptr, '\0', a.body.len));
      assert_true(a.body.ptr[0] != ' ' && a.body.ptr[0] != '\n');
      assert_true(a.body.ptr[a.body.len - 1] != ' ' && a.body.ptr[a.body.len - 1] != '\n');
      for (size_t i = 0; i + 1 < a.body.len; i++) {
        const char *p = a.body.ptr + i;
        assert_false(p[0] == ' ' && (p[1] == ' ' || p[1] == '\n'));
        assert_false(p[0] == '\n' && p[1] == ' ');
        assert_false(i + 2 < a.body.len && p[0] == '\n' && p[1] == '\n' && p[2] == '\n');
      }
      break;
    }
  }
}

static void run(const char *data, size_t len, bool also_file) {
  for (int f = BL_FMT_TXT; f <= BL_FMT_HTML; f++) {
    bl_error err;
    bl_reader *r = bl_reader_open_mem("fuzz", data, len, (bl_format)f, &err);
    assert_non_null(r);
    drain(r, (bl_format)f, data, len, true);
    bl_reader_free(r);
    if (!also_file) continue;
    const char *path = temp_file(data, len);
    r = bl_reader_open(path, (bl_format)f, &err);
    assert_non_null(r);
    drain(r, (bl_format)f, data, len, false);
    bl_reader_free(r);
    unlink(path);
  }
}

static void random_bytes(void **state) {
  (void)state;
  static const char alphabet[] = "<>/=\"' \n\r\t\0{}[]:,\\&;#pxa-é\xff\xc3";
  char buf[4096];
  for (int i = 0; i < 600; i++) {
    size_t len = next_rand() % sizeof buf;
    bool markup = i % 2;
    for (size_t k = 0; k < len; k++)
      buf[k] = markup ? alphabet[next_rand() % (sizeof alphabet - 1)] : (char)next_rand();
    run(buf, len, i % 40 == 0);
  }
}

static void mutated_fixtures(void **state) {
  (void)state;
  static const char *names[] = {"header.txt",           "header-crlf.txt",   "no-header.txt",
                                "articles.jsonl",       "page-article.html", "page-main.html",
                                "page-paragraphs.html", "page-latin1.html"};
  static const char inserts[] = "<>\"'&;\n\r\0{}[]:,\\ ";
  for (size_t f = 0; f < BL_ARRAY_LEN(names); f++) {
    size_t len;
    char *orig = slurp_file(fixture(names[f]), &len);
    char *buf = malloc(len + 64);
    assert_non_null(buf);
    for (int i = 0; i < 120; i++) {
      memcpy(buf, orig, len);
      size_t n = len;
      int edits = 1 + (int)(next_rand() % 8);
      for (int e = 0; e < edits; e++) {
        if (n == 0) break;
        size_t at = next_rand() % n;
        switch (next_rand() % 4) {
        case 0: /* flip a byte */
          buf[at] = (char)next_rand();
          break;
        case 1: /* insert a markup character */
          if (n < len + 63) {
            memmove(buf + at + 1, buf + at, n - at);
            buf[at] = inserts[next_rand() % (sizeof inserts - 1)];
            n++;
          }
          break;
        case 2: /* delete a byte */
          memmove(buf + at, buf + at + 1, n - at - 1);
          n--;
          break;
        default: /* truncate */
          n = at;
          break;
        }
      }
      run(buf, n, i % 30 == 0);
    }
    free(buf);
    free(orig);
  }
}

/* The inputs must exercise both outcomes, or the checks above prove nothing. */
static void both_outcomes_seen(void **state) {
  (void)state;
  print_message("%zu articles, %zu records refused, %zu inputs over a limit\n", seen_articles,
                seen_parse, seen_limit);
  assert_true(seen_articles > 1000);
  assert_true(seen_parse > 100);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(random_bytes),
    cmocka_unit_test(mutated_fixtures),
    cmocka_unit_test(both_outcomes_seen),
};

TEST_READ_MAIN(tests)
