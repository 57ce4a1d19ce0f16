/*
 * test_read_date.c — publication date normalisation (read_date.c): every
 * documented form gives YYYY-MM-DD; impossible dates and other text are
 * refused (the readers then keep them as written).
 */
#include "test_read.h"

static const struct {
  const char *in, *out; /* out NULL: not a date */
} cases[] = {
    /* ISO 8601 */
    {"2024-10-14", "2024-10-14"},
    {"2024-10-14T08:30:00Z", "2024-10-14"},
    {"2024-10-14T23:30:00-05:00", "2024-10-14"},
    {"2024-10-14 08:30:00", "2024-10-14"},
    {"  2024-10-14  ", "2024-10-14"},
    {"2024/10/14", "2024-10-14"},
    {"20241014", "2024-10-14"},
    {"20241014T083000Z", "2024-10-14"},
    {"2024-02-29", "2024-02-29"},
    {"2000-02-29", "2000-02-29"},
    {"1900-02-29", NULL},
    {"2023-02-29", NULL},
    {"2024-06-31", NULL},
    {"2024-13-01", NULL},
    {"2024-00-10", NULL},
    {"2024-10-00", NULL},
    {"2024-1-14", NULL},
    {"2024-10-145", NULL},
    {"2024-10/14", NULL},
    {"0999-10-14", NULL},
    {"2024-10-14abc", NULL},
    /* day first */
    {"14/10/2024", "2024-10-14"},
    {"4/1/2025", "2025-01-04"},
    {"14-10-2024", "2024-10-14"},
    {"14.10.2024", "2024-10-14"},
    {"14/10/2024 08:30", "2024-10-14"},
    {"4/1/2025 08:30", "2025-01-04"},
    {"14/10/24", NULL},
    {"10/14/2024", NULL}, /* month first is not read */
    {"14/10.2024", NULL},
    {"31/04/2024", NULL},
    /* month names */
    {"14 octobre 2024", "2024-10-14"},
    {"lundi 14 octobre 2024", "2024-10-14"},
    {"Lundi 14 Octobre 2024 à 08h30", "2024-10-14"},
    {"1er février 2025", "2025-02-01"},
    {"1er fevrier 2025", "2025-02-01"},
    {"3 févr. 2025", "2025-02-03"},
    {"15 août 2024", "2024-08-15"},
    {"15 aout 2024", "2024-08-15"},
    {"15 aout 2024 à 8h", "2024-08-15"},
    {"1er févr. 2025", "2025-02-01"},
    {"2 déc. 2024", "2024-12-02"},
    {"7 juil 2024", "2024-07-07"},
    {"Mon, 14 Oct 2024 08:30:00 +0000", "2024-10-14"},
    {"Thu, 1 May 2025 00:00:00 GMT", "2025-05-01"},
    {"14 October 2024", "2024-10-14"},
    {"32 octobre 2024", NULL},
    {"14 brumaire 2024", NULL},
    {"octobre 2024", NULL},
    {"hier soir", NULL},
    {"Publié le 14 octobre 2024", NULL},
    {"14 octobre", NULL},
    {"", NULL},
    {"   ", NULL},
    {"2024", NULL},
    {"1728894600", NULL}, /* a Unix time: not a calendar date */
};

static void forms(void **state) {
  (void)state;
  for (size_t i = 0; i < BL_ARRAY_LEN(cases); i++) {
    char out[11] = "xxxxxxxxxx";
    bool ok = bl_date_norm(cases[i].in, strlen(cases[i].in), out);
    if (ok != (cases[i].out != NULL) || (ok && strcmp(out, cases[i].out) != 0)) {
      print_error("\"%s\": got %s%s\n", cases[i].in, ok ? "" : "no date", ok ? out : "");
      fail();
    }
  }
}

static void bounded_reads(void **state) {
  (void)state;
  /* The length is honoured: no byte after n is read. */
  char out[11];
  assert_true(bl_date_norm("2024-10-14T", 10, out));
  assert_false(bl_date_norm("2024-10-1", 9, out));
  assert_false(bl_date_norm("14 oct", 6, out));
  char buf[] = {'1', '4', ' ', 'o', 'c', 't', ' ', '2', '0', '2', '4'};
  assert_true(bl_date_norm(buf, sizeof buf, out));
  assert_string_equal(out, "2024-10-14");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(forms),
    cmocka_unit_test(bounded_reads),
};

TEST_READ_MAIN(tests)
