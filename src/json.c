/*
 * json.c — layer 7: JSON Lines writer (see json.h).
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int bl_json_str(bl_buf *b, const char *s, size_t n) {
  if (!s) return bl_buf_add(b, "null", 4);
  if (bl_buf_reserve(b, n + 2)) return BL_NOMEM;
  if (bl_buf_addc(b, '"')) return BL_NOMEM;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    if (bl_buf_add(b, s + run, i - run)) return BL_NOMEM;
    run = i + 1;
    char esc[8];
    switch (c) {
    case '"': strcpy(esc, "\\\""); break;
    case '\\': strcpy(esc, "\\\\"); break;
    case '\n': strcpy(esc, "\\n"); break;
    case '\r': strcpy(esc, "\\r"); break;
    case '\t': strcpy(esc, "\\t"); break;
    default: snprintf(esc, sizeof esc, "\\u%04x", c); break;
    }
    if (bl_buf_adds(b, esc)) return BL_NOMEM;
  }
  if (bl_buf_add(b, s + run, n - run)) return BL_NOMEM;
  return bl_buf_addc(b, '"');
}

int bl_json_num(bl_buf *b, double v) {
  if (isnan(v) || isinf(v)) return bl_buf_add(b, "null", 4);
  char tmp[40];
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    snprintf(tmp, sizeof tmp, "%.0f", v);
  } else {
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
  }
  return bl_buf_adds(b, tmp);
}

int bl_json_key(bl_buf *b, const char *key, bool first) {
  if (!first && bl_buf_addc(b, ',')) return BL_NOMEM;
  if (bl_json_str(b, key, strlen(key))) return BL_NOMEM;
  return bl_buf_addc(b, ':');
}
