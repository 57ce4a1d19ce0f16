/*
 * json.h — layer 7: the JSON Lines writer of the hot output paths
 * (`numbers`, `extract`).  It appends to a bl_buf with no allocation per
 * value; jansson builds a tree per object, which at 1.2 µs an object would
 * cap `bilan numbers` near 40 MB/s on figure-dense text.  The tests parse
 * every line it writes back with jansson.
 */
#ifndef BL_JSON_H
#define BL_JSON_H

#include "internal.h"

/* A JSON string (escaped) for s[0..n); NULL writes null.  Bytes that are not
 * well-formed UTF-8 are written as \ufffd, so every line stays valid JSON. */
int bl_json_str(bl_buf *b, const char *s, size_t n);
/* A number: integral values without a fraction, others in the shortest
 * form that reads back the same; NAN writes null. */
int bl_json_num(bl_buf *b, double v);
/* "key": with the comma before it unless first. */
int bl_json_key(bl_buf *b, const char *key, bool first);

#endif
