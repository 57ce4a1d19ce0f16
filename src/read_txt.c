/*
 * read_txt.c — plain-text articles (SPEC §3): an optional header of
 * `key: value` lines ended by a blank line, then the body.  The body is the
 * file's bytes from body_offset on, untouched, so claim offsets count from
 * its first byte.  Rules (docs/inputs.md):
 *
 *  - the header exists only if the first line is `key: value` with a known
 *    key (title, outlet, date, url, event, id; any case); otherwise the whole
 *    file is the body, so a text that happens to start with "Selon: ..." or
 *    with a long paragraph keeps every byte;
 *  - after that, lines `key: value` with any identifier key belong to the
 *    header (unknown keys are ignored); the header ends at the first blank
 *    line, or just before the first line that is not `key: value`;
 *  - values are trimmed; an empty value or "unknown" is absent; a repeated key keeps its
 *    last value; a UTF-8 byte-order mark before the header is skipped;
 *    "\r\n" line ends work everywhere.
 */
#include "reader.h"

#include <strings.h>

/* A header line longer than this is not a header line. */
#define MAX_HEADER_LINE ((size_t)64 << 10)
#define MAX_KEY 32

enum key { K_TITLE, K_OUTLET, K_DATE, K_URL, K_EVENT, K_ID, K_UNKNOWN };

static const char *const key_names[] = {"title", "outlet", "date", "url", "event", "id"};

/* One header line split into key and value. */
typedef struct hline {
  enum key key;
  size_t vstart, vend; /* value bytes, trimmed, in the file */
} hline;

static bool key_char(unsigned char c, bool first) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return !first && ((c >= '0' && c <= '9') || c == '_' || c == '-');
}

/* Parse s[ls, le) (without its line end) as `key: value`; false if it is not
 * one.  Spaces or tabs may precede the colon ("title : ..."). */
static bool parse_hline(const char *s, size_t ls, size_t le, hline *h) {
  if (le - ls > MAX_HEADER_LINE) return false;
  size_t i = ls;
  while (i < le && i - ls < MAX_KEY && key_char((unsigned char)s[i], i == ls)) i++;
  size_t klen = i - ls;
  if (klen == 0) return false;
  while (i < le && (s[i] == ' ' || s[i] == '\t')) i++;
  if (i >= le || s[i] != ':') return false;
  h->key = K_UNKNOWN;
  for (size_t k = 0; k < BL_ARRAY_LEN(key_names); k++)
    if (strlen(key_names[k]) == klen && !strncasecmp(s + ls, key_names[k], klen))
      h->key = (enum key)k;
  bl_str v = bl_str_trim(s + i + 1, le - i - 1);
  h->vstart = v.ptr ? (size_t)(v.ptr - s) : i + 1;
  h->vend = h->vstart + v.len;
  return true;
}

static bool blank_line(const char *s, size_t ls, size_t le) {
  for (size_t i = ls; i < le; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  return true;
}

/* Parse the header of s[0..n); set the fields of a and a->body_offset. */
static int parse_header(bl_reader *r, const char *s, size_t n, bl_article *a, bl_error *err) {
  size_t start = 0;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) start = 3;
  bl_str *fields[] = {&a->title, &a->outlet, &a->date, &a->url, &a->event, &a->id};
  size_t body = start;
  bool first = true;
  for (size_t ls = start; ls < n;) {
    const char *nl = memchr(s + ls, '\n', n - ls);
    size_t le = nl ? (size_t)(nl - s) : n;
    size_t next = nl ? le + 1 : n;
    if (!first && blank_line(s, ls, le)) {
      body = next;
      break;
    }
    hline h;
    if (!parse_hline(s, ls, le, &h) || (first && h.key == K_UNKNOWN)) {
      body = ls; /* no header at all, or one ended without a blank line */
      break;
    }
    first = false;
    if (h.key != K_UNKNOWN) {
      size_t bad;
      if (!bl_meta_ok(s + h.vstart, h.vend - h.vstart, &bad))
        return bl_fail_at(err, BL_PARSE, h.vstart + bad, h.vstart + bad + 1,
                          "header \"%s\": invalid UTF-8 or control character", key_names[h.key]);
      /* "unknown" (as crawlers and annotators write it) is no value */
      size_t vn = h.vend - h.vstart;
      bool unknown = vn == 7 && !strncasecmp(s + h.vstart, "unknown", 7);
      *fields[h.key] = vn && !unknown ? bl_str_make(s + h.vstart, vn) : bl_str_null();
    }
    body = next; /* a header running to the end of the file leaves no body */
    ls = next;
  }
  a->body = bl_str_make(s + body, n - body);
  a->body_offset = body;
  if (a->date.ptr && bl_date_norm(a->date.ptr, a->date.len, r->date))
    a->date = bl_str_make(r->date, 10);
  return BL_OK;
}

int bl_read_txt(bl_reader *r, bl_article *a, bl_error *err) {
  if (r->done) return BL_READ_END;
  r->done = true;
  const char *s;
  size_t n;
  int rc = bl_reader_slurp(r, &s, &n, err);
  if (rc) return rc;
  rc = parse_header(r, s, n, a, err);
  if (rc) {
    memset(a, 0, sizeof *a);
    return rc;
  }
  return BL_OK;
}
