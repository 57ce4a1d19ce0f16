/*
 * err.c — return codes and the in-place error record (layer 0).
 */
#include "internal.h"

#include <stdio.h>

static const char *const rc_text[] = {
    [BL_OK] = "ok",
    [BL_NOMEM] = "out of memory",
    [BL_BADUTF8] = "invalid UTF-8",
    [BL_LIMIT] = "limit reached",
    [BL_IO] = "input/output error",
    [BL_GRAMMAR] = "malformed grammar",
    [BL_PARSE] = "malformed input",
    [BL_DB] = "database error",
    [BL_USAGE] = "usage error",
    [BL_INTERNAL] = "internal error",
    [BL_READONLY] = "write refused",
};

const char *bl_rc_str(int rc) {
  if (rc < 0 || (size_t)rc >= BL_ARRAY_LEN(rc_text) || !rc_text[rc]) return "unknown error";
  return rc_text[rc];
}

const char *bl_version(void) {
  return BL_VERSION;
}

void bl_error_clear(bl_error *err) {
  if (err) memset(err, 0, sizeof *err);
}

static int vfail(bl_error *err, int code, size_t start, size_t end, const char *fmt, va_list ap) {
  if (!err) return code;
  err->code = code;
  err->at.start = start;
  err->at.end = end;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  return code;
}

int bl_fail(bl_error *err, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(err, code, err ? err->at.start : 0, err ? err->at.end : 0, fmt, ap);
  va_end(ap);
  return code;
}

int bl_fail_at(bl_error *err, int code, size_t start, size_t end, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(err, code, start, end, fmt, ap);
  va_end(ap);
  return code;
}
