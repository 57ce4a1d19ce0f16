/*
 * fuzz_numbers.c — libFuzzer target: the number grammar (bl_scan_run, SPEC
 * §4) on arbitrary bytes.  The first byte holds the options: bit 0
 * BL_REPAIR, bit 1 one text per line (as `bilan numbers --lines`).  Every
 * quantity must lie in its text, in text order, with the bounds its
 * qualifier gives; an error must be a documented one.
 */
#include "fuzz.h"

static bl_scan *scan;

static void fuzz_release(void) {
  bl_scan_free(scan);
  scan = NULL;
}

static void run(const char *text, size_t len, unsigned opts) {
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_scan_run(scan, text, len, opts, &err);
  if (rc) {
    FUZZ_CHECK(rc == BL_BADUTF8 || rc == BL_LIMIT);
    FUZZ_CHECK(!(rc == BL_BADUTF8 && (opts & BL_REPAIR)));
    FUZZ_CHECK(err.code == rc && err.msg[0]);
    FUZZ_CHECK(fuzz_span_ok(err.at, len));
    return;
  }
  size_t n = bl_scan_count(scan), prev = 0;
  for (size_t i = 0; i < n; i++) {
    const bl_quantity *q = bl_scan_get(scan, i);
    fuzz_check_quantity(q, len);
    FUZZ_CHECK(q->span.start >= prev);
    prev = q->span.start;
  }
  FUZZ_CHECK(bl_scan_get(scan, n) == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  if (!scan) scan = bl_scan_new(fuzz_grammar(), NULL);
  FUZZ_CHECK(scan != NULL);
  unsigned opts = data[0] & 1 ? BL_REPAIR : 0;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  if (!(data[0] & 2)) {
    run(text, len, opts);
    return 0;
  }
  for (size_t i = 0; i <= len;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    run(text + i, e - i, opts);
    i = e + 1;
  }
  return 0;
}
