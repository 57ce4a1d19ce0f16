/*
 * test_json.c — unit tests of the JSON Lines writer (src/json.c): every line
 * it writes is parsed back with jansson and must give the same values
 * (strings with control characters, quotes, backslashes, non-ASCII and
 * invalid UTF-8; NaN and infinities as null; integers; decimals that need 17
 * significant digits), and an allocation failure is reported, not a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static bl_buf buf;

static int setup(void **state) {
  (void)state;
  bl_buf_init(&buf);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  bl_buf_clear(&buf);
  bl_set_allocator(NULL);
  return 0;
}

/* Parse the one-line object in buf; fails the test when jansson refuses it. */
static json_t *parse(void) {
  json_error_t e;
  assert_non_null(memchr(buf.ptr, '}', buf.len));
  json_t *j = json_loadb(buf.ptr, buf.len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &e);
  if (!j) fail_msg("jansson: %s at %d in <%s>", e.text, e.position, buf.ptr);
  assert_true(json_is_object(j));
  return j;
}

/* {"s":<s>} must read back as `want` (wn bytes). */
static void roundtrip_str(const char *s, size_t n, const char *want, size_t wn) {
  bl_buf_reset(&buf);
  assert_int_equal(bl_buf_addc(&buf, '{'), BL_OK);
  assert_int_equal(bl_json_key(&buf, "s", true), BL_OK);
  assert_int_equal(bl_json_str(&buf, s, n), BL_OK);
  assert_int_equal(bl_buf_addc(&buf, '}'), BL_OK);
  assert_null(memchr(buf.ptr, '\n', buf.len)); /* one line, whatever the string */
  json_t *j = parse();
  json_t *v = json_object_get(j, "s");
  assert_true(json_is_string(v));
  assert_int_equal(json_string_length(v), wn);
  assert_memory_equal(json_string_value(v), want, wn);
  json_decref(j);
}

#define SAME(lit) roundtrip_str(lit, sizeof(lit) - 1, lit, sizeof(lit) - 1)

static void test_strings(void **state) {
  (void)state;
  SAME("");
  SAME("3 211");
  SAME("il a dit \"non\"");
  SAME("C:\\chemin\\fichier");
  SAME("\\\"\\\\\"");
  SAME("ligne 1\nligne 2\r\n\tfin");
  SAME("\x01\x02\x1b\x1f\x7f");
  SAME("été, ça, Œuvre, «\u00a0non\u00a0», 3\u202f211 €");
  SAME("😀 𠀀 中文 русский");
  SAME("\u2028\u2029");
  SAME("a\0b"); /* NUL inside a string */
  for (int c = 0; c < 0x80; c++) {
    char s[3] = {'x', (char)c, 'y'};
    roundtrip_str(s, 3, s, 3);
  }
}

static void test_invalid_utf8_becomes_replacement(void **state) {
  (void)state;
  static const struct {
    const char *in;
    size_t len;
    const char *want;
  } cases[] = {
      {"a\xFF" "b", 3, "a\xEF\xBF\xBD" "b"},
      {"12\xC3", 3, "12\xEF\xBF\xBD"},
      {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"x\xE2\x82y", 4, "x\xEF\xBF\xBDy"},
      {"\xF0\x9F\x98", 3, "\xEF\xBF\xBD"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
    roundtrip_str(cases[k].in, cases[k].len, cases[k].want, strlen(cases[k].want));
}

static void test_null_string(void **state) {
  (void)state;
  bl_buf_reset(&buf);
  bl_buf_addc(&buf, '{');
  bl_json_key(&buf, "unit", true);
  assert_int_equal(bl_json_str(&buf, NULL, 5), BL_OK);
  bl_buf_addc(&buf, '}');
  json_t *j = parse();
  assert_true(json_is_null(json_object_get(j, "unit")));
  json_decref(j);
}

/* {"v":<v>} must read back as exactly v (null for NaN and infinities). */
static void roundtrip_num(double v) {
  bl_buf_reset(&buf);
  bl_buf_addc(&buf, '{');
  bl_json_key(&buf, "v", true);
  assert_int_equal(bl_json_num(&buf, v), BL_OK);
  bl_buf_addc(&buf, '}');
  json_t *j = parse();
  json_t *x = json_object_get(j, "v");
  if (isnan(v) || isinf(v)) {
    assert_true(json_is_null(x));
  } else if (json_is_integer(x)) {
    assert_true(v == floor(v));
    assert_true((double)json_integer_value(x) == v);
    assert_null(strpbrk(buf.ptr, ".eE")); /* integral values have no fraction */
  } else {
    assert_true(json_is_real(x));
    if (json_real_value(x) != v) fail_msg("%s does not read back as %.17g", buf.ptr, v);
  }
  json_decref(j);
}

static void test_numbers(void **state) {
  (void)state;
  roundtrip_num(NAN);
  roundtrip_num(INFINITY);
  roundtrip_num(-INFINITY);
  static const double vals[] = {0,
                                1,
                                -1,
                                3211,
                                -17,
                                1200000000,
                                9007199254740991.0,  /* 2^53 - 1 */
                                -9007199254740991.0,
                                9007199254740992.0,  /* 2^53: no longer an exact integer path */
                                1e12,
                                1e20,
                                -1e300,
                                DBL_MAX,
                                12.5,
                                0.1,
                                0.1 + 0.2, /* 0.30000000000000004: 17 digits */
                                1.0 / 3,
                                2.0 / 3,
                                3.14159265358979323846,
                                1e-7,
                                -2.5e-10,
                                5e-324, /* the smallest denormal */
                                DBL_MIN,
                                6700.54,
                                1.005,
                                123456789.123456789};
  for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) roundtrip_num(vals[k]);
  /* Integral values are written like "%.0f" would, without a fraction. */
  bl_buf_reset(&buf);
  bl_json_num(&buf, 3211);
  bl_buf_addc(&buf, ' ');
  bl_json_num(&buf, -45);
  bl_buf_addc(&buf, ' ');
  bl_json_num(&buf, 12.5);
  assert_string_equal(buf.ptr, "3211 -45 12.5");
}

/* splitmix64, for reproducible random values. */
static uint64_t rng_next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void test_random_values_read_back(void **state) {
  (void)state;
  uint64_t rng = 1;
  for (int k = 0; k < 20000; k++) {
    uint64_t bits = rng_next(&rng);
    double v;
    memcpy(&v, &bits, sizeof v);
    roundtrip_num(v); /* any bit pattern: NaNs, denormals, huge values */
    roundtrip_num((double)(int64_t)(bits >> 11) * (bits & 1 ? 1 : -1)); /* integers */
    roundtrip_num((double)(bits % 100000) / 100); /* figures with two decimals */
  }
  /* Random byte strings always give a line jansson reads. */
  for (int k = 0; k < 5000; k++) {
    unsigned char s[40];
    size_t n = rng_next(&rng) % sizeof s;
    for (size_t i = 0; i < n; i++) s[i] = (unsigned char)rng_next(&rng);
    bl_buf_reset(&buf);
    bl_buf_addc(&buf, '{');
    bl_json_key(&buf, "s", true);
    assert_int_equal(bl_json_str(&buf, (const char *)s, n), BL_OK);
    bl_buf_addc(&buf, '}');
    json_decref(parse());
  }
}

static void test_a_whole_line(void **state) {
  (void)state;
  bl_buf_reset(&buf);
  int rc = bl_buf_addc(&buf, '{');
  rc |= bl_json_key(&buf, "doc", true) | bl_json_str(&buf, "dir/a \"b\".txt", 13);
  rc |= bl_json_key(&buf, "start", false) | bl_json_num(&buf, 0);
  rc |= bl_json_key(&buf, "end", false) | bl_json_num(&buf, 13);
  rc |= bl_json_key(&buf, "text", false) | bl_json_str(&buf, "Plus de 3\u202f211", 15);
  rc |= bl_json_key(&buf, "value", false) | bl_json_num(&buf, 3211);
  rc |= bl_json_key(&buf, "lo", false) | bl_json_num(&buf, 3211);
  rc |= bl_json_key(&buf, "hi", false) | bl_json_num(&buf, NAN);
  rc |= bl_json_key(&buf, "clé \"x\"", false) | bl_json_num(&buf, 0.5);
  rc |= bl_buf_addc(&buf, '}');
  assert_int_equal(rc, BL_OK);
  json_t *j = parse();
  assert_string_equal(json_string_value(json_object_get(j, "doc")), "dir/a \"b\".txt");
  assert_int_equal(json_integer_value(json_object_get(j, "end")), 13);
  assert_string_equal(json_string_value(json_object_get(j, "text")), "Plus de 3\u202f211");
  assert_int_equal(json_integer_value(json_object_get(j, "value")), 3211);
  assert_true(json_is_null(json_object_get(j, "hi")));
  assert_true(json_real_value(json_object_get(j, "clé \"x\"")) == 0.5);
  assert_int_equal(json_object_size(j), 8);
  json_decref(j);
}

/* An allocator that fails every call once `left` reaches zero. */
static long left;
static void *fail_malloc(size_t n, void *ctx) {
  (void)ctx;
  return left-- > 0 ? malloc(n) : NULL;
}
static void *fail_realloc(void *p, size_t n, void *ctx) {
  (void)ctx;
  return left-- > 0 ? realloc(p, n) : NULL;
}
static void plain_free(void *p, void *ctx) {
  (void)ctx;
  free(p);
}

static void test_allocation_failure(void **state) {
  (void)state;
  static const bl_allocator failing = {fail_malloc, fail_realloc, plain_free, NULL};
  static const char s[] = "une chaîne \"longue\" \x01 à échapper, 😀";
  for (long n = 0; n < 4; n++) {
    bl_buf b;
    bl_buf_init(&b);
    left = n;
    bl_set_allocator(&failing);
    int rc = bl_json_str(&b, s, sizeof s - 1);
    rc |= bl_json_num(&b, 0.1 + 0.2);
    rc |= bl_json_key(&b, "clé", false);
    bl_set_allocator(NULL);
    if (rc) assert_int_equal(rc & BL_NOMEM, BL_NOMEM);
    bl_buf_clear(&b);
  }
  /* With no memory at all every writer says so. */
  bl_buf b;
  bl_buf_init(&b);
  left = 0;
  bl_set_allocator(&failing);
  assert_int_equal(bl_json_str(&b, s, sizeof s - 1), BL_NOMEM);
  assert_int_equal(bl_json_num(&b, 42), BL_NOMEM);
  assert_int_equal(bl_json_num(&b, 0.1), BL_NOMEM);
  assert_int_equal(bl_json_key(&b, "k", true), BL_NOMEM);
  bl_set_allocator(NULL);
  bl_buf_clear(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
      cmocka_unit_test_setup_teardown(test_invalid_utf8_becomes_replacement, setup, teardown),
      cmocka_unit_test_setup_teardown(test_null_string, setup, teardown),
      cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
      cmocka_unit_test_setup_teardown(test_random_values_read_back, setup, teardown),
      cmocka_unit_test_setup_teardown(test_a_whole_line, setup, teardown),
      cmocka_unit_test_setup_teardown(test_allocation_failure, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
