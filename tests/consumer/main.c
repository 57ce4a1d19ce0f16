/*
 * main.c — a consumer of the installed library (tests/consumer/): only the
 * public header, the one-call scanner API, and a check of what it returns.
 */
#include <bilan.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  static const char text[] = "Plus de 3 211 personnes ont \xC3\xA9t\xC3\xA9 arr\xC3\xAAt\xC3\xA9"
                             "es, dont une vingtaine de mineurs.";
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_grammar *g = bl_grammar_new(NULL, &err);
  if (!g) {
    fprintf(stderr, "consumer: grammar: %s\n", err.msg);
    return 1;
  }
  bl_scan *s = bl_scan_new(g, &err);
  int rc = s ? bl_scan_run(s, text, sizeof text - 1, 0, &err) : err.code;
  int status = 1;
  if (rc != BL_OK) {
    fprintf(stderr, "consumer: %s: %s\n", bl_rc_str(rc), err.msg);
  } else if (bl_scan_count(s) != 2) {
    fprintf(stderr, "consumer: %zu quantities, expected 2\n", bl_scan_count(s));
  } else {
    const bl_quantity *a = bl_scan_get(s, 0), *b = bl_scan_get(s, 1);
    printf("bilan %s: %.*s = %g (%s); %.*s = %g (%s)\n", bl_version(),
           (int)(a->span.end - a->span.start), text + a->span.start, a->value,
           bl_qualifier_name(a->qualifier), (int)(b->span.end - b->span.start),
           text + b->span.start, b->value, bl_qualifier_name(b->qualifier));
    if (a->value == 3211 && a->qualifier == BL_MORE_THAN && isnan(a->hi) && a->span.start == 0 &&
        b->value == 20 && b->qualifier == BL_ABOUT && !strcmp(bl_version(), BL_VERSION))
      status = 0;
    else
      fprintf(stderr, "consumer: unexpected quantities\n");
  }
  bl_scan_free(s);
  bl_grammar_free(g);
  return status;
}
