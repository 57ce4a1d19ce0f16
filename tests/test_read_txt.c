/*
 * test_read_txt.c — the .txt reader (read_txt.c, SPEC §3): header variants,
 * no header, CRLF, BOM, limits and bad header values; the body is always the
 * file's bytes from body_offset on.
 */
#include "test_read.h"

/* Read one .txt article from a fixture, through the file path and through
 * memory; both must agree.  Returns the memory reader (caller frees) and
 * the file's bytes in *data (caller frees). */
static bl_reader *read_both(const char *name, bl_article *a, char **data, size_t *len) {
  *data = slurp_file(fixture(name), len);
  bl_error err;
  bl_reader *rf = bl_reader_open(fixture(name), BL_FMT_TXT, &err);
  assert_non_null(rf);
  bl_article af;
  assert_int_equal(bl_reader_next(rf, &af, &err), 1);
  bl_reader *rm = bl_reader_open_mem(name, *data, *len, BL_FMT_TXT, &err);
  assert_non_null(rm);
  assert_int_equal(bl_reader_next(rm, a, &err), 1);
  assert_int_equal(af.body_offset, a->body_offset);
  assert_int_equal(af.body.len, a->body.len);
  assert_memory_equal(af.body.ptr, a->body.ptr, a->body.len);
  /* Memory readers hand out views of the caller's bytes. */
  assert_ptr_equal(a->body.ptr, *data + a->body_offset);
  assert_int_equal(a->body.len, *len - a->body_offset);
  assert_int_equal(bl_reader_next(rf, &af, &err), 0);
  bl_reader_free(rf);
  return rm;
}

static void header_dev_style(void **state) {
  (void)state;
  bl_article a;
  char *data;
  size_t len;
  bl_reader *r = read_both("header.txt", &a, &data, &len);
  assert_str(a.title, "Crues : au moins quatre morts et une dizaine de disparus");
  assert_str(a.outlet, "actu.example");
  assert_str(a.date, "2024-10-14");
  assert_str(a.url, "https://actu.example/faits-divers/crues-quatre-morts.html");
  assert_str(a.event, "crue-2024");
  assert_str(a.id, NULL);
  assert_int_equal(a.line, 0);
  assert_true(a.body.len > 0);
  assert_memory_equal(a.body.ptr, "Au moins quatre personnes", 25);
  assert_int_equal(a.body_offset, (size_t)(strstr(data, "\n\nAu moins") - data) + 2);
  bl_error err;
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
  assert_int_equal(bl_reader_next(r, &a, &err), 0); /* stays at the end */
  bl_reader_free(r);
  free(data);
}

static void header_crlf_case_spaces_unknown_keys(void **state) {
  (void)state;
  bl_article a;
  char *data;
  size_t len;
  bl_reader *r = read_both("header-crlf.txt", &a, &data, &len);
  assert_str(a.title, "Explosion au port : 6 morts"); /* "Title", split at the first colon */
  assert_str(a.outlet, "news.example");               /* "Outlet :" */
  assert_str(a.date, "2024-06-04");                   /* "DATE: 04/06/2024" */
  assert_str(a.url, NULL);                            /* empty value */
  assert_str(a.event, NULL);
  assert_int_equal(a.body_offset, (size_t)(strstr(data, "\r\n\r\n") - data) + 4);
  assert_memory_equal(a.body.ptr, "Le bilan", 8);
  bl_reader_free(r);
  free(data);
}

static void no_header(void **state) {
  (void)state;
  bl_article a;
  char *data;
  size_t len;
  bl_reader *r = read_both("no-header.txt", &a, &data, &len);
  assert_int_equal(a.body_offset, 0);
  assert_int_equal(a.body.len, len);
  assert_str(a.title, NULL);
  assert_str(a.date, NULL);
  bl_reader_free(r);
  free(data);
}

static void header_ends_without_blank_line(void **state) {
  (void)state;
  bl_article a;
  char *data;
  size_t len;
  bl_reader *r = read_both("header-unblanked.txt", &a, &data, &len);
  assert_str(a.title, "Bilan routier");
  assert_str(a.date, "2025-01-22");
  assert_memory_equal(a.body.ptr, "L'inspection", 12);
  bl_reader_free(r);
  free(data);
}

static void bom_is_skipped(void **state) {
  (void)state;
  bl_article a;
  char *data;
  size_t len;
  bl_reader *r = read_both("header-bom.txt", &a, &data, &len);
  assert_str(a.title, "Avec BOM");
  assert_int_equal(a.body_offset, 3 + strlen("title: Avec BOM\n\n"));
  bl_reader_free(r);
  free(data);
}

/* Read one article from a string. */
static int read_str(const char *s, bl_article *a, bl_error *err, bl_reader **r) {
  *r = bl_reader_open_mem("t.txt", s, strlen(s), BL_FMT_TXT, err);
  assert_non_null(*r);
  return bl_reader_next(*r, a, err);
}

static void header_rules(void **state) {
  (void)state;
  bl_article a;
  bl_error err;
  bl_reader *r;
  /* A first line with an unknown key: no header (the text keeps every byte). */
  assert_int_equal(read_str("author: X\ntitle: Y\n\nbody", &a, &err, &r), 1);
  assert_int_equal(a.body_offset, 0);
  assert_str(a.title, NULL);
  bl_reader_free(r);
  /* French typography in a first line that is prose: no header. */
  assert_int_equal(read_str("Selon la préfecture : 5 morts.\n\nSuite.", &a, &err, &r), 1);
  assert_int_equal(a.body_offset, 0);
  bl_reader_free(r);
  /* A blank first line: no header. */
  assert_int_equal(read_str("\ntitle: x\n\nbody", &a, &err, &r), 1);
  assert_int_equal(a.body_offset, 0);
  bl_reader_free(r);
  /* Repeated key: the last value; id is read; tabs trimmed. */
  assert_int_equal(read_str("title: a\ntitle:\tb\t\nid: x-1\n\nbody", &a, &err, &r), 1);
  assert_str(a.title, "b");
  assert_str(a.id, "x-1");
  assert_str(a.body, "body");
  bl_reader_free(r);
  /* A header running to the end: empty body at the end of the file. */
  assert_int_equal(read_str("title: seul\nurl: u", &a, &err, &r), 1);
  assert_str(a.url, "u");
  assert_int_equal(a.body.len, 0);
  assert_int_equal(a.body_offset, strlen("title: seul\nurl: u"));
  bl_reader_free(r);
  /* A blank line made of spaces ends the header too. */
  assert_int_equal(read_str("title: t\n  \t\nbody", &a, &err, &r), 1);
  assert_str(a.body, "body");
  bl_reader_free(r);
  /* A date that cannot be read is kept as written. */
  assert_int_equal(read_str("date: hier soir\n\nx", &a, &err, &r), 1);
  assert_str(a.date, "hier soir");
  bl_reader_free(r);
  /* Empty input: one article with an empty body. */
  assert_int_equal(read_str("", &a, &err, &r), 1);
  assert_int_equal(a.body.len, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
  bl_reader_free(r);
}

static void overlong_first_line_is_not_a_header(void **state) {
  (void)state;
  size_t n = 70000;
  char *s = malloc(n + 32);
  assert_non_null(s);
  put(s, "title: ");
  memset(s + 7, 'a', n);
  put(s + 7 + n, "\n\nbody");
  bl_article a;
  bl_error err;
  bl_reader *r;
  assert_int_equal(read_str(s, &a, &err, &r), 1);
  assert_int_equal(a.body_offset, 0);
  assert_str(a.title, NULL);
  bl_reader_free(r);
  free(s);
}

static void bad_header_value(void **state) {
  (void)state;
  const char s[] = "title: caf\xe9\nurl: u\n\nbody";
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader *r = bl_reader_open_mem("t.txt", s, sizeof s - 1, BL_FMT_TXT, &err);
  bl_article a;
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_PARSE);
  assert_int_equal(err.code, BL_PARSE);
  assert_int_equal(err.at.start, 10); /* the 0xE9 byte */
  assert_non_null(strstr(err.msg, "title"));
  assert_null(a.body.ptr);
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
  bl_reader_free(r);
  /* A control character in a value. */
  const char c[] = "title: a\x01z\n\nbody";
  r = bl_reader_open_mem("t.txt", c, sizeof c - 1, BL_FMT_TXT, &err);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_PARSE);
  assert_int_equal(err.at.start, 8);
  bl_reader_free(r);
}

static void nul_bytes_reach_the_body(void **state) {
  (void)state;
  /* Readers pass bytes through; the text layer judges them (SPEC §3). */
  const char s[] = "title: t\n\na\0b\0";
  bl_error err;
  bl_reader *r = bl_reader_open_mem("t.txt", s, sizeof s - 1, BL_FMT_TXT, &err);
  bl_article a;
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_int_equal(a.body.len, 4);
  assert_memory_equal(a.body.ptr, "a\0b\0", 4);
  bl_reader_free(r);
}

static void size_limit(void **state) {
  (void)state;
  const char *s = "title: t\n\n0123456789";
  size_t n = strlen(s);
  bl_error err;
  bl_article a;
  /* Exactly at the limit: read. */
  bl_reader *r = bl_reader_open_mem("t.txt", s, n, BL_FMT_TXT, &err);
  bl_reader_set_limits(r, n, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  bl_reader_free(r);
  /* One byte over: BL_LIMIT, from memory and from a file. */
  r = bl_reader_open_mem("t.txt", s, n, BL_FMT_TXT, &err);
  bl_reader_set_limits(r, n - 1, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_LIMIT);
  bl_reader_free(r);
  const char *path = temp_file(s, n);
  r = bl_reader_open(path, BL_FMT_TXT, &err);
  assert_non_null(r);
  bl_reader_set_limits(r, n - 1, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_LIMIT);
  assert_int_equal(err.code, BL_LIMIT);
  bl_reader_free(r);
  r = bl_reader_open(path, BL_FMT_TXT, &err);
  bl_reader_set_limits(r, n, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_str(a.body, "0123456789");
  assert_int_equal(a.body_offset, n - 10);
  bl_reader_free(r);
  unlink(path);
}

static void large_file_across_chunks(void **state) {
  (void)state;
  /* Several read chunks, to check the whole file is gathered. */
  size_t n = 3 * BL_READ_CHUNK + 17;
  char *s = malloc(n + 1);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) s[i] = (char)('a' + i % 26);
  s[put(s, "url: x\n\n")] = 'a';
  const char *path = temp_file(s, n);
  bl_error err;
  bl_reader *r = bl_reader_open(path, BL_FMT_TXT, &err);
  bl_article a;
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_int_equal(a.body.len, n - 8);
  assert_memory_equal(a.body.ptr, s + 8, n - 8);
  bl_reader_free(r);
  unlink(path);
  free(s);
}

static void from_stdin(void **state) {
  (void)state;
  size_t len;
  char *data = slurp_file(fixture("header.txt"), &len);
  assert_non_null(freopen(fixture("header.txt"), "rb", stdin));
  bl_error err;
  bl_reader *r = bl_reader_open("-", BL_FMT_TXT, &err);
  assert_non_null(r);
  bl_article a;
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_str(a.outlet, "actu.example");
  assert_int_equal(a.body.len, len - a.body_offset);
  assert_memory_equal(a.body.ptr, data + a.body_offset, a.body.len);
  bl_reader_free(r);
  free(data);
}

static void open_errors(void **state) {
  (void)state;
  bl_error err;
  memset(&err, 0, sizeof err);
  assert_null(bl_reader_open(fixture("does-not-exist.txt"), BL_FMT_TXT, &err));
  assert_int_equal(err.code, BL_IO);
  assert_non_null(strstr(err.msg, "No such file"));
  /* A directory opens but cannot be read. */
  bl_reader *r = bl_reader_open(fixtures_dir, BL_FMT_TXT, &err);
  if (r) {
    bl_article a;
    assert_int_equal(bl_reader_next(r, &a, &err), -BL_IO);
    bl_reader_free(r);
  } else {
    assert_int_equal(err.code, BL_IO);
  }
  assert_null(bl_reader_open(NULL, BL_FMT_TXT, &err));
  assert_int_equal(err.code, BL_USAGE);
  assert_null(bl_reader_open_mem("x", "abc", 3, (bl_format)7, &err));
  assert_int_equal(err.code, BL_USAGE);
  assert_null(bl_reader_open_mem("x", NULL, 3, BL_FMT_TXT, NULL));
  bl_reader_free(NULL);
  assert_int_equal(bl_reader_next(NULL, NULL, &err), -BL_USAGE);
}

static void format_of_path(void **state) {
  (void)state;
  assert_int_equal(bl_format_of_path("a/b.txt"), BL_FMT_TXT);
  assert_int_equal(bl_format_of_path("B.TXT"), BL_FMT_TXT);
  assert_int_equal(bl_format_of_path("x.jsonl"), BL_FMT_JSONL);
  assert_int_equal(bl_format_of_path("x.ndjson"), BL_FMT_JSONL);
  assert_int_equal(bl_format_of_path("x.html"), BL_FMT_HTML);
  assert_int_equal(bl_format_of_path("dir.v2/x.HTM"), BL_FMT_HTML);
  assert_int_equal(bl_format_of_path("x.json"), -1);
  assert_int_equal(bl_format_of_path("dir.txt/x"), -1);
  assert_int_equal(bl_format_of_path(".txt"), -1);
  assert_int_equal(bl_format_of_path("-"), -1);
  assert_int_equal(bl_format_of_path(NULL), -1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(header_dev_style),
    cmocka_unit_test(header_crlf_case_spaces_unknown_keys),
    cmocka_unit_test(no_header),
    cmocka_unit_test(header_ends_without_blank_line),
    cmocka_unit_test(bom_is_skipped),
    cmocka_unit_test(header_rules),
    cmocka_unit_test(overlong_first_line_is_not_a_header),
    cmocka_unit_test(bad_header_value),
    cmocka_unit_test(nul_bytes_reach_the_body),
    cmocka_unit_test(size_limit),
    cmocka_unit_test(large_file_across_chunks),
    cmocka_unit_test(from_stdin),
    cmocka_unit_test(open_errors),
    cmocka_unit_test(format_of_path),
};

TEST_READ_MAIN(tests)
