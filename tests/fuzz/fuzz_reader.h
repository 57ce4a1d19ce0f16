/*
 * fuzz_reader.h — the body of the three reader targets (fuzz_txt.c,
 * fuzz_jsonl.c, fuzz_html.c): read every article of the bytes as one input
 * of that format, check what the reader gives (documented return codes,
 * fields readable, errors inside the input, an end reached), and extract the
 * claims of each body, as `bilan extract` does.
 */
#ifndef BL_FUZZ_READER_H
#define BL_FUZZ_READER_H

#include "fuzz.h"

static bl_doc *doc;

static void fuzz_release(void) {
  bl_doc_free(doc);
  doc = NULL;
}

static void fuzz_read(const uint8_t *data, size_t size, bl_format fmt) {
  if (!doc) doc = bl_doc_new(fuzz_grammar(), NULL);
  FUZZ_CHECK(doc != NULL);
  const char *bytes = (const char *)data;
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_reader *r = bl_reader_open_mem("fuzz", bytes, size, fmt, &err);
  FUZZ_CHECK(r != NULL);
  size_t lines = 1;
  for (size_t i = 0; i < size; i++) lines += bytes[i] == '\n';
  unsigned last_line = 0;
  for (size_t calls = 0;; calls++) {
    FUZZ_CHECK(calls <= lines + 2); /* a record per line at most, then the end */
    bl_article a;
    memset(&err, 0, sizeof err);
    int rc = bl_reader_next(r, &a, &err);
    if (rc == 0) break;
    if (rc < 0) {
      FUZZ_CHECK(rc == -BL_PARSE || rc == -BL_LIMIT);
      FUZZ_CHECK(err.code == -rc && err.msg[0]);
      FUZZ_CHECK(fuzz_span_ok(err.at, size));
      FUZZ_CHECK(a.body.ptr == NULL);
      if (fmt == BL_FMT_JSONL) {
        FUZZ_CHECK(err.line > last_line && err.line <= lines);
        last_line = err.line;
      }
      if (rc == -BL_LIMIT) break;
      continue;
    }
    FUZZ_CHECK(rc == 1 && a.body.ptr != NULL);
    fuzz_touch(a.body);
    fuzz_touch(a.title);
    fuzz_touch(a.outlet);
    fuzz_touch(a.date);
    fuzz_touch(a.url);
    fuzz_touch(a.event);
    fuzz_touch(a.id);
    if (fmt == BL_FMT_TXT) {
      FUZZ_CHECK(a.body_offset <= size && a.body.ptr == bytes + a.body_offset);
      FUZZ_CHECK(a.body.len == size - a.body_offset);
    }
    if (fmt == BL_FMT_JSONL) {
      FUZZ_CHECK(a.line > last_line && a.line <= lines);
      last_line = a.line;
    }
    bl_error derr;
    memset(&derr, 0, sizeof derr);
    int drc = bl_doc_run(doc, a.body.ptr, a.body.len, BL_REPAIR, &derr);
    FUZZ_CHECK(drc == BL_OK || drc == BL_LIMIT);
    for (size_t i = 0; i < bl_doc_claim_count(doc); i++)
      FUZZ_CHECK(fuzz_span_ok(bl_doc_claim(doc, i)->q.span, a.body.len));
  }
  bl_reader_free(r);
}

#endif
