/*
 * fuzz_extract.c — libFuzzer target: claim extraction (bl_doc_run, SPEC
 * §5-6) on arbitrary bytes; the first byte holds the options (bit 0
 * BL_REPAIR).  Every claim must lie in the body and in its sentence, with a
 * parent other than itself, known category, group and status, and strings that can
 * be read; an error must be a documented one.  The same bl_doc serves every
 * input, as in `bilan extract`.
 */
#include "fuzz.h"

static bl_doc *doc;

static void fuzz_release(void) {
  bl_doc_free(doc);
  doc = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  if (!doc) doc = bl_doc_new(fuzz_grammar(), NULL);
  FUZZ_CHECK(doc != NULL);
  unsigned opts = data[0] & 1 ? BL_REPAIR : 0;
  const char *body = (const char *)data + 1;
  size_t len = size - 1;
  bl_error err;
  memset(&err, 0, sizeof err);
  int rc = bl_doc_run(doc, body, len, opts, &err);
  if (rc) {
    FUZZ_CHECK(rc == BL_BADUTF8 || rc == BL_LIMIT);
    FUZZ_CHECK(!(rc == BL_BADUTF8 && (opts & BL_REPAIR)));
    FUZZ_CHECK(err.code == rc && err.msg[0]);
    FUZZ_CHECK(fuzz_span_ok(err.at, len));
    FUZZ_CHECK(bl_doc_claim_count(doc) == 0);
    return 0;
  }
  size_t n = bl_doc_claim_count(doc);
  for (size_t i = 0; i < n; i++) {
    const bl_claim *c = bl_doc_claim(doc, i);
    FUZZ_CHECK(c != NULL);
    fuzz_check_quantity(&c->q, len);
    FUZZ_CHECK(fuzz_span_ok(c->sentence, len));
    FUZZ_CHECK(c->sentence.start <= c->q.span.start && c->q.span.end <= c->sentence.end);
    FUZZ_CHECK((unsigned)c->category < BL_CAT_COUNT_ && (unsigned)c->group < BL_GROUP_COUNT_);
    FUZZ_CHECK((unsigned)c->status <= BL_STATUS_REVISED);
    FUZZ_CHECK(c->cumulative >= -1 && c->cumulative <= 1);
    FUZZ_CHECK(c->of >= -1 && c->of < (long)n && c->of != (long)i);
    fuzz_touch(c->unit);
    fuzz_touch(c->subject);
    fuzz_touch(c->source);
    fuzz_touch(c->channel);
  }
  FUZZ_CHECK(bl_doc_claim(doc, n) == NULL);
  return 0;
}
