/*
 * read_jsonl.c — JSON Lines articles (SPEC §3): one JSON object per line,
 * parsed with jansson, the file streamed a line at a time by reader.c.  The
 * field names are those of common crawlers and text extractors (news-please,
 * trafilatura, ...); the first one present, in the order below, wins:
 *
 *   body    text, maintext
 *   title   title
 *   url     url
 *   date    date, date_publish, published
 *   outlet  outlet, source_domain, hostname, sitename
 *   event   event
 *   id      id (a string or a number)
 *
 * Values other than the body are trimmed; null and blank strings are absent
 * (so a blank text falls back to maintext).  A line that is not a JSON
 * object, has no body, or has a known field of the wrong type is reported
 * (BL_PARSE, with its line number) and skipped; blank lines are ignored.
 * The body is the decoded string: offsets count its bytes.
 */
#include "reader.h"

#include <jansson.h>
#include <stdio.h>

static const char *const body_keys[] = {"text", "maintext", NULL};
static const char *const title_keys[] = {"title", NULL};
static const char *const url_keys[] = {"url", NULL};
static const char *const date_keys[] = {"date", "date_publish", "published", NULL};
static const char *const outlet_keys[] = {"outlet", "source_domain", "hostname", "sitename", NULL};
static const char *const event_keys[] = {"event", NULL};

void bl_jsonl_obj_clear(bl_jsonl_obj *o) {
  if (o->json) json_decref(o->json);
  o->json = NULL;
}

void bl_read_jsonl_clear(bl_reader *r) { bl_jsonl_obj_clear(&r->jl); }

/* The first string among `keys` of object o that is not blank, into *out
 * (borrowed from o): trimmed, except the body, whose bytes are the ones
 * offsets count.  Every key present must hold a string or null. */
static int get(const json_t *o, const char *const *keys, bool trim, bl_str *out, bl_error *err) {
  *out = bl_str_null();
  for (size_t i = 0; keys[i]; i++) {
    const json_t *v = json_object_get(o, keys[i]);
    if (!v || json_is_null(v)) continue;
    if (!json_is_string(v)) return bl_fail(err, BL_PARSE, "field \"%s\" is not a string", keys[i]);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (!out->ptr && bl_str_trim(s, n).ptr) *out = trim ? bl_str_trim(s, n) : bl_str_make(s, n);
  }
  return BL_OK;
}

/* `id`: a string, or a number written in its shortest JSON form. */
static int get_id(bl_jsonl_obj *jl, const json_t *o, bl_str *out, bl_error *err) {
  const json_t *v = json_object_get(o, "id");
  *out = bl_str_null();
  if (!v || json_is_null(v)) return BL_OK;
  int n;
  if (json_is_string(v)) {
    *out = bl_str_trim(json_string_value(v), json_string_length(v));
    return BL_OK;
  } else if (json_is_integer(v)) {
    n = snprintf(jl->id, sizeof jl->id, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
  } else if (json_is_real(v)) {
    n = snprintf(jl->id, sizeof jl->id, "%.17g", json_real_value(v));
  } else {
    return bl_fail(err, BL_PARSE, "field \"id\" is neither a string nor a number");
  }
  if (n < 0 || (size_t)n >= sizeof jl->id) return bl_fail(err, BL_INTERNAL, "id too long");
  *out = bl_str_make(jl->id, (size_t)n);
  return BL_OK;
}

/* Fill a from the object of one line. */
static int fields(bl_jsonl_obj *jl, const json_t *o, bl_article *a, bl_error *err) {
  int rc;
  if ((rc = get(o, body_keys, false, &a->body, err)) ||
      (rc = get(o, title_keys, true, &a->title, err)) ||
      (rc = get(o, url_keys, true, &a->url, err)) ||
      (rc = get(o, date_keys, true, &a->date, err)) ||
      (rc = get(o, outlet_keys, true, &a->outlet, err)) ||
      (rc = get(o, event_keys, true, &a->event, err)) || (rc = get_id(jl, o, &a->id, err)))
    return rc;
  if (!a->body.ptr) return bl_fail(err, BL_PARSE, "no article text (\"text\" or \"maintext\")");
  if (a->date.ptr && bl_date_norm(a->date.ptr, a->date.len, jl->date))
    a->date = bl_str_make(jl->date, 10);
  return BL_OK;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  return true;
}

int bl_jsonl_next_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err) {
  for (;;) {
    int rc = bl_reader_line(r, line, len, off, err);
    if (rc == BL_PARSE && err) err->line = r->line;
    if (rc) return rc; /* BL_READ_END or an error */
    if (*off == 0 && *len >= 3 && !memcmp(*line, "\xEF\xBB\xBF", 3))
      *line += 3, *len -= 3, *off += 3;
    if (!blank(*line, *len)) return BL_OK;
  }
}

int bl_jsonl_decode(bl_jsonl_obj *jl, const char *s, size_t n, size_t off, bl_article *a,
                    bl_error *err) {
  bl_jsonl_obj_clear(jl);
  memset(a, 0, sizeof *a);
  json_error_t jerr;
  json_t *o = json_loadb(s, n, JSON_DECODE_ANY, &jerr);
  if (!o) {
    size_t at = jerr.position > 0 && (size_t)jerr.position <= n ? (size_t)jerr.position : 0;
    return bl_fail_at(err, BL_PARSE, off + at, off + at, "invalid JSON: %s", jerr.text);
  }
  if (!json_is_object(o)) {
    json_decref(o);
    return bl_fail_at(err, BL_PARSE, off, off + n, "not a JSON object");
  }
  jl->json = o;
  int rc = fields(jl, o, a, err);
  if (rc == BL_OK) return BL_OK;
  bl_jsonl_obj_clear(jl);
  memset(a, 0, sizeof *a);
  if (err) err->at.start = off, err->at.end = off + n;
  return rc;
}

int bl_read_jsonl(bl_reader *r, bl_article *a, bl_error *err) {
  bl_read_jsonl_clear(r);
  const char *s;
  size_t n, off;
  int rc = bl_jsonl_next_line(r, &s, &n, &off, err);
  if (rc) return rc;
  rc = bl_jsonl_decode(&r->jl, s, n, off, a, err);
  if (rc == BL_OK) {
    a->line = r->line;
    return BL_OK;
  }
  if (err) err->line = r->line;
  return rc;
}
