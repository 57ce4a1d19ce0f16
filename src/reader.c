/*
 * reader.c — the input layer's entry points (bl_reader_*): opens a file,
 * standard input or a caller's buffer, dispatches to the format readers
 * (read_txt.c, read_jsonl.c, read_html.c), and gives them bounded access to
 * the bytes: the whole source up to BL_READ_MAX_DOC, or one line at a time up
 * to BL_READ_MAX_LINE, so a multi-gigabyte JSON Lines file is streamed in
 * constant memory.
 */
#define _POSIX_C_SOURCE 200809L
#include "reader.h"

#include <errno.h>
#include <strings.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------- formats */

int bl_format_of_path(const char *path) {
  if (!path) return -1;
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return -1;
  static const struct {
    const char *ext;
    bl_format fmt;
  } exts[] = {{"txt", BL_FMT_TXT},
              {"jsonl", BL_FMT_JSONL},
              {"ndjson", BL_FMT_JSONL},
              {"html", BL_FMT_HTML},
              {"htm", BL_FMT_HTML}};
  for (size_t i = 0; i < BL_ARRAY_LEN(exts); i++)
    if (!strcasecmp(dot + 1, exts[i].ext)) return (int)exts[i].fmt;
  return -1;
}

/* ------------------------------------------------------------ open/free */

static bl_reader *reader_new(bl_format fmt, bl_error *err) {
  if ((unsigned)fmt > BL_FMT_HTML) {
    bl_fail(err, BL_USAGE, "unknown input format %d", (int)fmt);
    return NULL;
  }
  bl_reader *r = bl_calloc(1, sizeof *r);
  if (!r) {
    bl_fail(err, BL_NOMEM, "out of memory opening an input");
    return NULL;
  }
  r->fmt = fmt;
  r->max_doc = BL_READ_MAX_DOC;
  r->max_line = BL_READ_MAX_LINE;
  bl_buf_init(&r->chunk);
  bl_buf_init(&r->data);
  bl_buf_init(&r->text);
  bl_buf_init(&r->meta);
  return r;
}

static void errno_text(int e, char *out, size_t n) {
  if (strerror_r(e, out, n) != 0) snprintf(out, n, "error %d", e);
}

bl_reader *bl_reader_open(const char *path, bl_format fmt, bl_error *err) {
  if (!path) {
    bl_fail(err, BL_USAGE, "no input path");
    return NULL;
  }
  bl_reader *r = reader_new(fmt, err);
  if (!r) return NULL;
  if (!strcmp(path, "-")) {
    r->f = stdin;
    return r;
  }
  r->f = fopen(path, "rb");
  if (!r->f) {
    char why[96];
    errno_text(errno, why, sizeof why);
    bl_fail(err, BL_IO, "cannot open: %s", why);
    bl_free(r);
    return NULL;
  }
  r->own_f = true;
  return r;
}

bl_reader *bl_reader_open_mem(const char *name, const char *data, size_t len, bl_format fmt,
                              bl_error *err) {
  if (!data && len) {
    bl_fail(err, BL_USAGE, "%s: NULL buffer", name ? name : "input");
    return NULL;
  }
  bl_reader *r = reader_new(fmt, err);
  if (!r) return NULL;
  r->mem = data ? data : "";
  r->mem_len = len;
  return r;
}

void bl_reader_set_limits(bl_reader *r, size_t max_doc, size_t max_line) {
  if (max_doc) r->max_doc = max_doc;
  if (max_line) r->max_line = max_line;
}

void bl_reader_free(bl_reader *r) {
  if (!r) return;
  bl_read_jsonl_clear(r);
  if (r->f && r->own_f) fclose(r->f);
  bl_buf_clear(&r->chunk);
  bl_buf_clear(&r->data);
  bl_buf_clear(&r->text);
  bl_buf_clear(&r->meta);
  bl_free(r);
}

static int dispatch(bl_reader *r, bl_article *a, bl_error *err) {
  switch (r->fmt) {
  case BL_FMT_TXT:
    return bl_read_txt(r, a, err);
  case BL_FMT_JSONL:
    return bl_read_jsonl(r, a, err);
  case BL_FMT_HTML:
    return bl_read_html(r, a, err);
  }
  return bl_fail(err, BL_INTERNAL, "reader in an unknown format");
}

int bl_reader_next(bl_reader *r, bl_article *a, bl_error *err) {
  if (a) memset(a, 0, sizeof *a);
  if (!r || !a) return -bl_fail(err, BL_USAGE, "bl_reader_next: NULL argument");
  if (r->fatal) {
    if (err) *err = r->fatal_err;
    return -r->fatal;
  }
  bl_error e;
  bl_error_clear(&e);
  int rc = dispatch(r, a, &e);
  if (rc == BL_OK) return 1;
  if (rc == BL_READ_END) return 0;
  memset(a, 0, sizeof *a);
  if (err) *err = e;
  if (rc != BL_PARSE) {
    r->fatal = rc;
    r->fatal_err = e;
  }
  return -rc;
}

bl_format bl_reader_format(const bl_reader *r) { return r->fmt; }

int bl_reader_next_line(bl_reader *r, const char **line, size_t *len, size_t *off, unsigned *lineno,
                        bl_error *err) {
  if (!r || r->fmt != BL_FMT_JSONL)
    return -bl_fail(err, BL_USAGE, "bl_reader_next_line: not a JSON Lines reader");
  if (r->fatal) {
    if (err) *err = r->fatal_err;
    return -r->fatal;
  }
  bl_error e;
  bl_error_clear(&e);
  int rc = bl_jsonl_next_line(r, line, len, off, &e);
  if (rc == BL_OK) {
    *lineno = r->line;
    return 1;
  }
  if (rc == BL_READ_END) return 0;
  if (err) *err = e;
  if (rc != BL_PARSE) {
    r->fatal = rc;
    r->fatal_err = e;
  }
  return -rc;
}

/* --------------------------------------------------------------- bytes */

/* Read up to `want` more bytes from the stream into b.  Sets r->eof at the
 * end.  Returns BL_OK, BL_IO or BL_NOMEM. */
static int fill(bl_reader *r, bl_buf *b, size_t want, bl_error *err) {
  if (bl_buf_reserve(b, want)) return bl_fail(err, BL_NOMEM, "out of memory reading the input");
  size_t got = fread(b->ptr + b->len, 1, want, r->f);
  b->len += got;
  b->ptr[b->len] = '\0';
  if (got < want) {
    if (ferror(r->f)) {
      char why[96];
      errno_text(errno, why, sizeof why);
      return bl_fail(err, BL_IO, "read error: %s", why);
    }
    r->eof = true;
  }
  return BL_OK;
}

int bl_reader_slurp(bl_reader *r, const char **data, size_t *len, bl_error *err) {
  if (r->mem) {
    if (r->mem_len > r->max_doc)
      return bl_fail(err, BL_LIMIT, "input of %zu bytes is larger than the %zu MiB limit",
                     r->mem_len, r->max_doc >> 20);
    *data = r->mem;
    *len = r->mem_len;
    return BL_OK;
  }
  bl_buf_reset(&r->data);
  while (!r->eof) {
    /* One byte past the limit tells "exactly at the limit" from "over". */
    size_t room = r->max_doc + 1 - r->data.len;
    int rc = fill(r, &r->data, room < BL_READ_CHUNK ? room : BL_READ_CHUNK, err);
    if (rc) return rc;
    if (r->data.len > r->max_doc)
      return bl_fail(err, BL_LIMIT, "input is larger than the %zu MiB limit", r->max_doc >> 20);
  }
  *data = r->data.ptr ? r->data.ptr : "";
  *len = r->data.len;
  return BL_OK;
}

/* The next line of a caller's buffer: a view, nothing copied. */
static int mem_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err) {
  if (r->pos >= r->mem_len) return BL_READ_END;
  const char *s = r->mem + r->pos;
  size_t rest = r->mem_len - r->pos;
  const char *nl = memchr(s, '\n', rest);
  size_t n = nl ? (size_t)(nl - s) : rest;
  *off = r->pos;
  r->pos += n + (nl ? 1 : 0);
  r->line++;
  if (n > r->max_line)
    return bl_fail_at(err, BL_PARSE, *off, *off + n,
                      "line of %zu bytes is longer than the %zu MiB limit; skipped", n,
                      r->max_line >> 20);
  *line = s;
  *len = n;
  return BL_OK;
}

/* The next line of a stream, gathered into r->data from fixed-size chunks;
 * the bytes of an overlong line are counted and dropped as they come. */
static int stream_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err) {
  bl_buf_reset(&r->data);
  size_t n = 0;
  bool newline = false, over = false;
  while (!newline) {
    if (r->chunk_pos == r->chunk.len) {
      if (r->eof) break;
      bl_buf_reset(&r->chunk);
      r->chunk_pos = 0;
      int rc = fill(r, &r->chunk, BL_READ_CHUNK, err);
      if (rc) return rc;
      continue;
    }
    const char *s = r->chunk.ptr + r->chunk_pos;
    size_t rest = r->chunk.len - r->chunk_pos;
    const char *nl = memchr(s, '\n', rest);
    size_t k = nl ? (size_t)(nl - s) : rest;
    if (!over && n + k > r->max_line) {
      over = true;
      bl_buf_clear(&r->data); /* give the memory back while the rest is skipped */
    }
    if (!over && bl_buf_add(&r->data, s, k))
      return bl_fail(err, BL_NOMEM, "out of memory reading a line");
    n += k;
    r->chunk_pos += k + (nl ? 1 : 0);
    newline = nl != NULL;
  }
  if (n == 0 && !newline) return BL_READ_END;
  *off = r->pos;
  r->pos += n + (newline ? 1 : 0);
  r->line++;
  if (over)
    return bl_fail_at(err, BL_PARSE, *off, *off + n,
                      "line of %zu bytes is longer than the %zu MiB limit; skipped", n,
                      r->max_line >> 20);
  *line = r->data.ptr ? r->data.ptr : "";
  *len = n;
  return BL_OK;
}

int bl_reader_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err) {
  return r->mem ? mem_line(r, line, len, off, err) : stream_line(r, line, len, off, err);
}

/* ------------------------------------------------------------- helpers */

static bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bl_str bl_str_trim(const char *s, size_t n) {
  while (n && is_blank(*s)) s++, n--;
  while (n && is_blank(s[n - 1])) n--;
  return n ? bl_str_make(s, n) : bl_str_null();
}

bool bl_meta_ok(const char *s, size_t n, size_t *bad) {
  const uint8_t *u = (const uint8_t *)s;
  if (n > INT32_MAX) {
    *bad = 0;
    return false;
  }
  int32_t i = 0, len = (int32_t)n;
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(u, i, len, c);
    if (c < 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
      *bad = (size_t)at;
      return false;
    }
  }
  return true;
}
