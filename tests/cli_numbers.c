/*
 * cli_numbers.c — tests of the `bilan numbers` command (SPEC §2, §3, §4):
 * files, directories, standard input, --lines, the output fields, byte
 * offsets into the input as read, invalid UTF-8, --repair and usage errors.
 * It runs the real binary (its path is the first argument) in a scratch
 * directory and reads its JSON Lines back with jansson.
 */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static const char *bilan; /* path of the binary under test */
static char dir[512];     /* scratch directory */

/* What one run gave. */
typedef struct run {
  int status;   /* exit status */
  char *out;    /* stdout, NUL-terminated */
  size_t outlen;
  char *err;    /* stderr */
  json_t *objs; /* stdout parsed, one object per line */
} run;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0, got;
  char *b = malloc(cap + 1);
  while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *nb = realloc(b, cap * 2 + 1);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
      cap *= 2;
    }
  }
  fclose(f);
  if (!b) return NULL;
  b[n] = '\0';
  if (len) *len = n;
  return b;
}

static void write_file(const char *name, const char *data, size_t len) {
  char path[768];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static void write_text(const char *name, const char *text) {
  write_file(name, text, strlen(text));
}

/* Run `bilan ARGS` in the scratch directory, stdin from `input` (a file of
 * the scratch directory) or /dev/null; with `json`, stdout must be JSON
 * Lines and is parsed into r.objs. */
static run bilan_exec(const char *input, const char *args, bool json) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s <%s%s >out.json 2>err.txt", dir, bilan, args,
           input ? "" : "/dev/null", input ? input : "");
  int rc = system(cmd);
  run r;
  memset(&r, 0, sizeof r);
  assert_true(rc != -1 && WIFEXITED(rc));
  r.status = WEXITSTATUS(rc);
  char path[768];
  snprintf(path, sizeof path, "%s/out.json", dir);
  r.out = slurp(path, &r.outlen);
  snprintf(path, sizeof path, "%s/err.txt", dir);
  r.err = slurp(path, NULL);
  assert_non_null(r.out);
  assert_non_null(r.err);
  r.objs = json_array();
  for (char *line = r.out; json && *line;) {
    char *nl = strchr(line, '\n');
    assert_non_null(nl); /* every line ends with a newline */
    json_error_t je;
    json_t *o = json_loadb(line, (size_t)(nl - line), 0, &je);
    if (!o) fail_msg("stdout line is not JSON: %.*s (%s)", (int)(nl - line), line, je.text);
    assert_true(json_is_object(o));
    json_array_append_new(r.objs, o);
    line = nl + 1;
  }
  return r;
}

static run bilan_run(const char *input, const char *args) {
  return bilan_exec(input, args, true);
}

static void run_free(run *r) {
  free(r->out);
  free(r->err);
  json_decref(r->objs);
}

static const char *str(const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static long long num(const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  assert_true(json_is_integer(v));
  return (long long)json_integer_value(v);
}

/* The bytes [start, end) of `data` are the object's text. */
static void assert_points_at(const json_t *o, const char *data, size_t len) {
  long long s = num(o, "start"), e = num(o, "end");
  assert_true(s >= 0 && s <= e && (size_t)e <= len);
  const char *t = str(o, "text");
  assert_non_null(t);
  assert_int_equal(strlen(t), (size_t)(e - s));
  assert_memory_equal(data + s, t, (size_t)(e - s));
}

/* ------------------------------------------------------------------ tests */

/* SPEC §2: no path or "-" reads standard input; doc is "-". */
static void test_stdin(void **state) {
  (void)state;
  write_text("in.txt", "Plus de 3 211 personnes ont été arrêtées.\n");
  const char *forms[] = {"numbers", "numbers -"};
  for (size_t i = 0; i < 2; i++) {
    run r = bilan_run("in.txt", forms[i]);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_int_equal(json_array_size(r.objs), 1);
    json_t *o = json_array_get(r.objs, 0);
    assert_string_equal(str(o, "doc"), "-");
    assert_string_equal(str(o, "text"), "Plus de 3 211");
    assert_int_equal(num(o, "start"), 0);
    assert_int_equal(num(o, "end"), 13);
    assert_int_equal(num(o, "value"), 3211);
    assert_int_equal(num(o, "lo"), 3211);
    assert_true(json_is_null(json_object_get(o, "hi")));
    assert_string_equal(str(o, "qualifier"), "more_than");
    assert_string_equal(str(o, "hedge"), "Plus de");
    assert_true(json_is_null(json_object_get(o, "unit")));
    run_free(&r);
  }
}

/* Every field of SPEC §2 is present on every object, with its type; `line`
 * only with --lines. */
static void test_every_field(void **state) {
  (void)state;
  write_text("fields.txt", "Entre 20 et 30 blessés, des dizaines de disparus, 12,5 % des voix et "
                           "35 M€ d'aide ; au moins quatre morts, environ 2 000 évacués.\n");
  static const char *const keys[] = {"doc", "start", "end", "text", "value", "lo",
                                     "hi",  "qualifier", "hedge", "unit", NULL};
  static const char *const quals[] = {"exact",   "more_than", "at_least", "less_than",
                                      "at_most", "about",     "range",    "vague", NULL};
  for (int lines = 0; lines < 2; lines++) {
    run r = bilan_run(NULL, lines ? "numbers --lines fields.txt" : "numbers fields.txt");
    assert_int_equal(r.status, 0);
    assert_int_equal(json_array_size(r.objs), 6);
    json_t *o;
    for (size_t i = 0; i < json_array_size(r.objs); i++) {
      o = json_array_get(r.objs, i);
      for (size_t k = 0; keys[k]; k++)
        if (!json_object_get(o, keys[k])) fail_msg("object %zu lacks \"%s\"", i, keys[k]);
      assert_int_equal(json_object_size(o), lines ? 11 : 10);
      if (lines) assert_int_equal(num(o, "line"), 1);
      assert_true(json_is_integer(json_object_get(o, "start")));
      assert_true(json_is_integer(json_object_get(o, "end")));
      assert_true(json_is_string(json_object_get(o, "text")));
      for (size_t k = 4; k <= 6; k++) {
        json_t *v = json_object_get(o, keys[k]);
        assert_true(json_is_number(v) || json_is_null(v));
      }
      const char *q = str(o, "qualifier");
      assert_non_null(q);
      bool known = false;
      for (size_t k = 0; quals[k]; k++) known |= !strcmp(q, quals[k]);
      assert_true(known);
      json_t *h = json_object_get(o, "hedge"), *u = json_object_get(o, "unit");
      assert_true(json_is_string(h) || json_is_null(h));
      assert_true(json_is_string(u) || json_is_null(u));
    }
    /* Spot checks of the values (SPEC §4). */
    o = json_array_get(r.objs, 0);
    assert_string_equal(str(o, "qualifier"), "range");
    assert_true(json_is_null(json_object_get(o, "value")));
    assert_int_equal(num(o, "lo"), 20);
    assert_int_equal(num(o, "hi"), 30);
    o = json_array_get(r.objs, 1);
    assert_string_equal(str(o, "qualifier"), "vague");
    assert_int_equal(num(o, "lo"), 20);
    assert_int_equal(num(o, "hi"), 99);
    o = json_array_get(r.objs, 2);
    assert_string_equal(str(o, "unit"), "percent");
    assert_true(json_real_value(json_object_get(o, "value")) == 12.5);
    o = json_array_get(r.objs, 3);
    assert_string_equal(str(o, "unit"), "EUR");
    assert_int_equal(num(o, "value"), 35000000);
    run_free(&r);
  }
}

/* Offsets are bytes of the input as read, whatever the normalisation did:
 * U+00A0 and U+202F inside figures, decomposed accents in hedges, 4-byte
 * characters before a figure. */
static void test_offsets_exact_bytes(void **state) {
  (void)state;
  static const char buf[] =
      "Pre\xcc\x80s de 3\xe2\x80\xaf" "000 personnes ont \xc3\xa9t\xc3\xa9 e\xcc\x81vacu\xc3\xa9" "es ;\n"
      "12,5\xc2\xa0% des logements sont inhabitables \xf0\x9f\x8c\x8a" "45 morts.\n"
      "\xc2\xab Jusqu\xe2\x80\x99\xc3\xa0 1\xc2\xa0" "200 \xc2\xbb disparus, selon l\xe2\x80\x99ONG.\n";
  const size_t n = sizeof buf - 1;
  write_file("offsets.txt", buf, n);
  run r = bilan_run(NULL, "numbers offsets.txt");
  assert_int_equal(r.status, 0);
  assert_int_equal(json_array_size(r.objs), 4);
  json_t *o;
  for (size_t i = 0; i < json_array_size(r.objs); i++)
    assert_points_at(json_array_get(r.objs, i), buf, n);
  o = json_array_get(r.objs, 0);
  assert_int_equal(num(o, "start"), 0);
  assert_string_equal(str(o, "text"), "Pre\xcc\x80s de 3\xe2\x80\xaf" "000");
  assert_string_equal(str(o, "hedge"), "Pre\xcc\x80s de");
  assert_string_equal(str(o, "qualifier"), "about");
  o = json_array_get(r.objs, 1);
  assert_string_equal(str(o, "text"), "12,5\xc2\xa0%");
  o = json_array_get(r.objs, 2);
  assert_string_equal(str(o, "text"), "45");
  o = json_array_get(r.objs, 3);
  assert_string_equal(str(o, "text"), "Jusqu\xe2\x80\x99\xc3\xa0 1\xc2\xa0" "200");
  assert_string_equal(str(o, "hedge"), "Jusqu\xe2\x80\x99\xc3\xa0");
  assert_string_equal(str(o, "qualifier"), "at_most");
  run_free(&r);
}

/* --lines: each line its own text; `line` is 1-based and offsets are within
 * the line.  Empty lines count. */
static void test_lines(void **state) {
  (void)state;
  static const char text[] = "Trois morts.\n\nLe bilan\xc2\xa0: 1\xe2\x80\xaf" "200 bless\xc3\xa9s et 4 "
                             "disparus.\nAucun chiffre ici.\nEnfin 7.";
  write_text("lines.txt", text);
  run r = bilan_run(NULL, "numbers --lines lines.txt");
  assert_int_equal(r.status, 0);
  assert_int_equal(json_array_size(r.objs), 4);
  const long long want_line[] = {1, 3, 3, 5};
  const char *want_text[] = {"Trois", "1\xe2\x80\xaf" "200", "4", "7"};
  /* The start of each line in the file. */
  size_t line_start[8] = {0};
  size_t nl = 1;
  for (size_t k = 0; text[k] && nl < 8; k++)
    if (text[k] == '\n') line_start[nl++] = k + 1;
  for (size_t i = 0; i < 4; i++) {
    json_t *o = json_array_get(r.objs, i);
    assert_int_equal(num(o, "line"), want_line[i]);
    assert_string_equal(str(o, "text"), want_text[i]);
    const char *ls = text + line_start[want_line[i] - 1];
    size_t llen = strcspn(ls, "\n");
    assert_points_at(o, ls, llen);
  }
  assert_int_equal(num(json_array_get(r.objs, 1), "start"), 12);
  run_free(&r);
}

/* Directories are walked recursively, in name order, for .txt files; other
 * files are left alone.  Several paths in one run. */
static void test_directory(void **state) {
  (void)state;
  char path[768];
  snprintf(path, sizeof path, "%s/corpus/b/deeper", dir);
  char mk[800];
  snprintf(mk, sizeof mk, "mkdir -p '%s'", path);
  assert_int_equal(system(mk), 0);
  write_text("corpus/a.txt", "Un mort et 2 blessés.\n");
  write_text("corpus/b/c.txt", "Au moins 30 évacués.\n");
  write_text("corpus/b/deeper/d.txt", "Environ 400 sinistrés.\n");
  write_text("corpus/b/notes.md", "1 2 3 4 5\n");
  write_text("corpus/b/data.csv", "10,20,30\n");
  write_text("single.txt", "Une centaine de pompiers.\n");
  run r = bilan_run(NULL, "numbers corpus single.txt");
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err, "");
  assert_int_equal(json_array_size(r.objs), 4);
  const char *docs[] = {"corpus/a.txt", "corpus/b/c.txt", "corpus/b/deeper/d.txt", "single.txt"};
  const char *texts[] = {"2", "Au moins 30", "Environ 400", "Une centaine"};
  for (size_t i = 0; i < 4; i++) {
    json_t *o = json_array_get(r.objs, i);
    assert_string_equal(str(o, "doc"), docs[i]);
    assert_string_equal(str(o, "text"), texts[i]);
  }
  run_free(&r);
}

/* A missing path is reported and the run goes on: exit 1, the other inputs
 * fully processed (SPEC §2). */
static void test_missing_file(void **state) {
  (void)state;
  write_text("good1.txt", "Douze blessés.\n");
  write_text("good2.txt", "Treize disparus.\n");
  run r = bilan_run(NULL, "numbers good1.txt absent.txt good2.txt");
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "bilan: absent.txt"));
  assert_int_equal(json_array_size(r.objs), 2);
  assert_string_equal(str(json_array_get(r.objs, 0), "doc"), "good1.txt");
  assert_string_equal(str(json_array_get(r.objs, 1), "doc"), "good2.txt");
  run_free(&r);
}

/* Invalid UTF-8: an error naming FILE:LINE:COL, exit 1, and the good files
 * of the same run still processed.  --repair: a warning and the results. */
static void test_invalid_utf8(void **state) {
  (void)state;
  static const char bad[] = "ligne 1\nLe bilan : 12 morts \xff ici.\n";
  write_file("bad.txt", bad, sizeof bad - 1);
  write_text("ok.txt", "Quinze blessés.\n");
  run r = bilan_run(NULL, "numbers bad.txt ok.txt");
  assert_int_equal(r.status, 1);
  if (!strstr(r.err, "bilan: bad.txt:2:21: invalid UTF-8"))
    fail_msg("unexpected diagnostic: %s", r.err);
  assert_int_equal(json_array_size(r.objs), 1);
  assert_string_equal(str(json_array_get(r.objs, 0), "doc"), "ok.txt");
  run_free(&r);

  r = bilan_run(NULL, "numbers --lines bad.txt ok.txt");
  assert_int_equal(r.status, 1);
  if (!strstr(r.err, "bilan: bad.txt:2:21: invalid UTF-8"))
    fail_msg("unexpected diagnostic: %s", r.err);
  assert_int_equal(json_array_size(r.objs), 1);
  run_free(&r);

  r = bilan_run(NULL, "numbers --repair bad.txt");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "bilan: bad.txt:"));
  assert_non_null(strstr(r.err, "warning:"));
  assert_int_equal(json_array_size(r.objs), 1);
  json_t *o = json_array_get(r.objs, 0);
  assert_string_equal(str(o, "text"), "12");
  assert_points_at(o, bad, sizeof bad - 1);
  run_free(&r);

  /* A NUL byte is not text either. */
  static const char nul[] = "5 morts\0 et 6 blessés\n";
  write_file("nul.txt", nul, sizeof nul - 1);
  r = bilan_run(NULL, "numbers nul.txt");
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "bilan: nul.txt:1:8:"));
  run_free(&r);
}

/* Usage errors exit 2; --help exits 0 with the usage on stdout. */
static void test_usage(void **state) {
  (void)state;
  run r = bilan_exec(NULL, "numbers --bogus", false);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "usage: bilan numbers"));
  assert_int_equal(r.outlen, 0);
  run_free(&r);
  r = bilan_exec(NULL, "frobnicate", false);
  assert_int_equal(r.status, 2);
  run_free(&r);
  r = bilan_exec(NULL, "numbers --help", false);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "usage: bilan numbers"));
  assert_string_equal(r.err, "");
  run_free(&r);
}

/* An empty input and a text without figures give no output and exit 0. */
static void test_empty(void **state) {
  (void)state;
  write_text("empty.txt", "");
  write_text("words.txt", "Le maire a réagi dans la soirée. Un homme a été entendu.\n");
  run r = bilan_run(NULL, "numbers empty.txt words.txt");
  assert_int_equal(r.status, 0);
  assert_int_equal(r.outlen, 0);
  assert_string_equal(r.err, "");
  run_free(&r);
}

static int setup(void **state) {
  (void)state;
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/bilan-cli-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: cli_numbers PATH-TO-BILAN\n");
    return 2;
  }
  static char abs_bilan[4096];
  if (!realpath(argv[1], abs_bilan)) {
    perror(argv[1]);
    return 2;
  }
  bilan = abs_bilan; /* the tests run in a scratch directory */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stdin),        cmocka_unit_test(test_every_field),
      cmocka_unit_test(test_offsets_exact_bytes), cmocka_unit_test(test_lines),
      cmocka_unit_test(test_directory),    cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_invalid_utf8), cmocka_unit_test(test_usage),
      cmocka_unit_test(test_empty),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
