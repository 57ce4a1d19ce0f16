/*
 * test_read_jsonl.c — the JSON Lines reader (read_jsonl.c, SPEC §3): field
 * name variants of common crawlers, bad lines reported with their number and
 * skipped while the others still come, blank lines, overlong lines, lines
 * spread over several read chunks; from a file and from memory alike.
 */
#include "test_read.h"

/* What one call of bl_reader_next on fixtures/inputs/articles.jsonl gives. */
typedef struct expect {
  int rc;
  unsigned line;
  const char *body, *title, *outlet, *date, *url, *event, *id;
  const char *msg; /* part of the error message */
} expect;

static const expect articles[] = {
    {1, 1, "Au moins quatre personnes sont mortes.", "Crues : au moins quatre morts",
     "actu.example", "2024-10-14", "https://actu.example/crues", "crue-2024", "a1", NULL},
    {1, 2, "Le bilan s'élève à 6 morts.", "Explosion au port", "news.example", "2024-06-04",
     "https://news.example/explosion", NULL, NULL, NULL},
    /* line 3 is blank */
    {1, 4, "Près de 1 200 foyers privés d'électricité.", NULL, "lauze.example", "2024-10-14", NULL,
     NULL, "42", NULL},
    {1, 5, "Un texte échappé : 12\u00a0morts.", NULL, "Le Courrier", "2024-10-14", NULL, NULL, NULL,
     NULL},
    {-BL_PARSE, 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "invalid JSON"},
    {-BL_PARSE, 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "not a JSON object"},
    {-BL_PARSE, 8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "no article text"},
    {-BL_PARSE, 9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "\"text\" is not a string"},
    {1, 10, "Une date gardée telle quelle.", NULL, NULL, "hier soir", NULL, NULL, NULL, NULL},
    {1, 11, "CRLF et dernière ligne sans fin de ligne, 3 blessés.", NULL, NULL, NULL, NULL, NULL,
     NULL, NULL},
    /* line 12 holds spaces and "\r" */
    {1, 13, "fin", NULL, NULL, NULL, NULL, NULL, NULL, NULL},
    {0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static void check_sequence(bl_reader *r, const char *data) {
  for (size_t i = 0; i < BL_ARRAY_LEN(articles); i++) {
    const expect *e = &articles[i];
    bl_article a;
    bl_error err;
    memset(&err, 0, sizeof err);
    int rc = bl_reader_next(r, &a, &err);
    if (rc != e->rc) print_error("call %zu: rc %d (%s)\n", i, rc, err.msg);
    assert_int_equal(rc, e->rc);
    if (rc == -BL_PARSE) {
      assert_int_equal(err.line, e->line);
      assert_non_null(strstr(err.msg, e->msg));
      /* err.at lies on the reported line of the file. */
      size_t line = 1;
      for (size_t k = 0; k < err.at.start; k++) line += data[k] == '\n';
      assert_int_equal(line, e->line);
      continue;
    }
    if (rc == 0) continue;
    assert_int_equal(a.line, e->line);
    assert_int_equal(a.body_offset, 0);
    assert_str(a.body, e->body);
    assert_str(a.title, e->title);
    assert_str(a.outlet, e->outlet);
    assert_str(a.date, e->date);
    assert_str(a.url, e->url);
    assert_str(a.event, e->event);
    assert_str(a.id, e->id);
  }
}

static void fixture_from_file(void **state) {
  (void)state;
  size_t len;
  char *data = slurp_file(fixture("articles.jsonl"), &len);
  bl_error err;
  bl_reader *r = bl_reader_open(fixture("articles.jsonl"), BL_FMT_JSONL, &err);
  assert_non_null(r);
  check_sequence(r, data);
  bl_reader_free(r);
  free(data);
}

static void fixture_from_memory(void **state) {
  (void)state;
  size_t len;
  char *data = slurp_file(fixture("articles.jsonl"), &len);
  bl_error err;
  bl_reader *r = bl_reader_open_mem("articles.jsonl", data, len, BL_FMT_JSONL, &err);
  assert_non_null(r);
  check_sequence(r, data);
  bl_reader_free(r);
  free(data);
}

/* One line through a memory reader. */
static int one(const char *line, bl_article *a, bl_error *err, bl_reader **r) {
  *r = bl_reader_open_mem("t.jsonl", line, strlen(line), BL_FMT_JSONL, err);
  assert_non_null(*r);
  memset(err, 0, sizeof *err);
  return bl_reader_next(*r, a, err);
}

static void field_rules(void **state) {
  (void)state;
  bl_article a;
  bl_error err;
  bl_reader *r;
  /* text wins over maintext; outlet over source_domain; date over date_publish. */
  assert_int_equal(
      one("{\"maintext\":\"m\",\"text\":\"t\",\"source_domain\":\"d\",\"outlet\":\"o\","
          "\"date_publish\":\"2020-01-02\",\"date\":\"2021-03-04\"}",
          &a, &err, &r),
      1);
  assert_str(a.body, "t");
  assert_str(a.outlet, "o");
  assert_str(a.date, "2021-03-04");
  bl_reader_free(r);
  /* A blank text falls back to maintext, which is kept as written. */
  assert_int_equal(one("{\"text\":\" \\n\",\"maintext\":\" m\\n\"}", &a, &err, &r), 1);
  assert_str(a.body, " m\n");
  bl_reader_free(r);
  /* Other values are trimmed; blank ones are absent. */
  assert_int_equal(
      one("{\"text\":\"t\",\"title\":\"\\n Titre \",\"url\":\"  \",\"id\":\" 7 \"}", &a, &err, &r),
      1);
  assert_str(a.title, "Titre");
  assert_str(a.url, NULL);
  assert_str(a.id, "7");
  bl_reader_free(r);
  /* A non-string under a known name, even one that would not be used. */
  assert_int_equal(one("{\"text\":\"t\",\"hostname\":[1]}", &a, &err, &r), -BL_PARSE);
  assert_non_null(strstr(err.msg, "hostname"));
  assert_int_equal(err.line, 1);
  bl_reader_free(r);
  assert_int_equal(one("{\"text\":\"t\",\"title\":5}", &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  /* Unknown fields of any type are ignored. */
  assert_int_equal(one("{\"text\":\"t\",\"authors\":[\"a\"],\"n\":{\"x\":1}}", &a, &err, &r), 1);
  bl_reader_free(r);
  /* id: integer, real, string; not a boolean. */
  assert_int_equal(one("{\"text\":\"t\",\"id\":-9007199254740993}", &a, &err, &r), 1);
  assert_str(a.id, "-9007199254740993");
  bl_reader_free(r);
  assert_int_equal(one("{\"text\":\"t\",\"id\":2.5}", &a, &err, &r), 1);
  assert_str(a.id, "2.5");
  bl_reader_free(r);
  assert_int_equal(one("{\"text\":\"t\",\"id\":true}", &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  /* Duplicate keys are accepted (the last one counts). */
  assert_int_equal(one("{\"text\":\"a\",\"text\":\"b\"}", &a, &err, &r), 1);
  assert_str(a.body, "b");
  bl_reader_free(r);
  /* \u0000 inside a string is refused; a raw NUL byte too. */
  assert_int_equal(one("{\"text\":\"a\\u0000b\"}", &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  const char nul[] = "{\"text\":\"a\0b\"}\n{\"text\":\"ok\"}";
  r = bl_reader_open_mem("t.jsonl", nul, sizeof nul - 1, BL_FMT_JSONL, &err);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_PARSE);
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_str(a.body, "ok");
  assert_int_equal(a.line, 2);
  bl_reader_free(r);
  /* Trailing garbage after the object. */
  assert_int_equal(one("{\"text\":\"a\"} x", &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  /* Scalars and arrays are not articles. */
  assert_int_equal(one("\"text\"", &a, &err, &r), -BL_PARSE);
  assert_non_null(strstr(err.msg, "not a JSON object"));
  bl_reader_free(r);
  /* A byte-order mark before the first line. */
  assert_int_equal(one("\xEF\xBB\xBF{\"text\":\"t\"}", &a, &err, &r), 1);
  bl_reader_free(r);
  /* Invalid UTF-8 inside a string: jansson refuses the line. */
  assert_int_equal(one("{\"text\":\"caf\xE9\"}", &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  /* Nothing but blank lines: no article, no error. */
  assert_int_equal(one("\n \n\t\r\n\n", &a, &err, &r), 0);
  bl_reader_free(r);
  assert_int_equal(one("", &a, &err, &r), 0);
  bl_reader_free(r);
}

/* A file of three lines whose middle one is `mid` bytes of JSON. */
static char *three_lines(size_t mid, size_t *len) {
  const char *head = "{\"text\":\"avant\"}\n", *tail = "\n{\"text\":\"après\"}\n";
  size_t h = strlen(head), t = strlen(tail);
  char *s = malloc(h + mid + t + 1);
  assert_non_null(s);
  put(s, head);
  put(s + h, "{\"text\":\"");
  memset(s + h + 9, 'x', mid - 11);
  put(s + h + mid - 2, "\"}");
  put(s + h + mid, tail);
  *len = h + mid + t;
  return s;
}

static void check_three(bl_reader *r, size_t max_line, size_t mid) {
  bl_article a;
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader_set_limits(r, 0, max_line);
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_str(a.body, "avant");
  int rc = bl_reader_next(r, &a, &err);
  if (mid > max_line) {
    assert_int_equal(rc, -BL_PARSE);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "longer than"));
  } else {
    assert_int_equal(rc, 1);
    assert_int_equal(a.body.len, mid - 11);
    assert_int_equal(a.line, 2);
  }
  assert_int_equal(bl_reader_next(r, &a, &err), 1);
  assert_str(a.body, "après");
  assert_int_equal(a.line, 3);
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
}

static void long_lines(void **state) {
  (void)state;
  /* Around a small limit, and around the read chunk size, file and memory. */
  const size_t cases[][2] = {{100, 100},
                             {101, 100},
                             {5000, 100},
                             {3 * BL_READ_CHUNK + 5, 4 * BL_READ_CHUNK},
                             {3 * BL_READ_CHUNK + 5, 2 * BL_READ_CHUNK},
                             {BL_READ_CHUNK - 17, BL_READ_CHUNK}};
  for (size_t i = 0; i < BL_ARRAY_LEN(cases); i++) {
    size_t len, mid = cases[i][0], lim = cases[i][1];
    char *s = three_lines(mid, &len);
    bl_error err;
    bl_reader *r = bl_reader_open_mem("t.jsonl", s, len, BL_FMT_JSONL, &err);
    check_three(r, lim, mid);
    bl_reader_free(r);
    const char *path = temp_file(s, len);
    r = bl_reader_open(path, BL_FMT_JSONL, &err);
    assert_non_null(r);
    check_three(r, lim, mid);
    bl_reader_free(r);
    unlink(path);
    free(s);
  }
}

static void default_line_limit(void **state) {
  (void)state;
  /* The documented 64 MiB: a longer line is skipped, the next one read. */
  size_t len, mid = BL_READ_MAX_LINE + 1;
  char *s = three_lines(mid, &len);
  bl_error err;
  bl_reader *r = bl_reader_open_mem("t.jsonl", s, len, BL_FMT_JSONL, &err);
  check_three(r, BL_READ_MAX_LINE, mid);
  bl_reader_free(r);
  free(s);
}

static void from_stdin(void **state) {
  (void)state;
  /* "-" reads standard input, streamed like a file. */
  size_t len;
  char *data = slurp_file(fixture("articles.jsonl"), &len);
  assert_non_null(freopen(fixture("articles.jsonl"), "rb", stdin));
  bl_error err;
  bl_reader *r = bl_reader_open("-", BL_FMT_JSONL, &err);
  assert_non_null(r);
  check_sequence(r, data);
  bl_reader_free(r);
  free(data);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(from_stdin),          cmocka_unit_test(fixture_from_file),
    cmocka_unit_test(fixture_from_memory), cmocka_unit_test(field_rules),
    cmocka_unit_test(long_lines),          cmocka_unit_test(default_line_limit),
};

TEST_READ_MAIN(tests)
