/*
 * reader.h — the input layer: articles from .txt, .jsonl/.ndjson and .html
 * files (SPEC §3, docs/inputs.md).  Sits before the text layer: a reader
 * hands over body bytes and metadata; it does not validate or normalise the
 * body (text.c does), but it never reads out of bounds or unboundedly,
 * whatever the bytes.
 *
 * reader.c owns the source (a file, standard input or a caller's buffer),
 * its limits and the dispatch; read_txt.c, read_jsonl.c and read_html.c
 * each turn the source into articles; read_date.c normalises dates.
 */
#ifndef BL_READER_H
#define BL_READER_H

#include "internal.h"

#include <stdio.h>

/* Bytes read from a file at a time. */
#define BL_READ_CHUNK ((size_t)64 << 10)

struct json_t;

/* One JSON Lines object, decoded: the strings of the article it fills borrow
 * from it until bl_jsonl_obj_clear or the next decode. */
typedef struct bl_jsonl_obj {
  struct json_t *json; /* owned */
  char date[11];       /* normalised YYYY-MM-DD */
  char id[32];         /* a numeric id written as text */
} bl_jsonl_obj;

struct bl_reader {
  bl_format fmt;
  /* The source: either a caller's buffer (borrowed) or a stream. */
  const char *mem; /* borrowed; NULL for a stream */
  size_t mem_len;
  FILE *f; /* owned unless it is stdin */
  bool own_f;
  bool eof; /* the source has no more bytes */
  size_t max_doc, max_line;

  /* Stream buffering (JSON Lines read from a stream). */
  bl_buf chunk; /* owned: bytes read but not yet handed over */
  size_t chunk_pos;

  size_t pos;    /* bytes of the source consumed so far */
  unsigned line; /* lines consumed so far */
  bool done;     /* a whole-file format has returned its article */

  bl_buf data;         /* owned: a whole file, or the current line of a stream */
  bl_buf text;         /* owned: extracted HTML body */
  bl_buf meta;         /* owned: HTML metadata strings, one after another */
  bl_jsonl_obj jl;      /* owned: the current JSON line, decoded */
  char date[11];        /* normalised YYYY-MM-DD of the current article */
  int fatal;           /* a fatal rc already returned, repeated by later calls */
  bl_error fatal_err;
};

/* Internal end-of-input code: bl_reader_next turns BL_OK into 1 (an
 * article), this into 0 and an error rc into -rc.  Internally every
 * function returns BL_OK, BL_READ_END or an error rc, since BL_NOMEM == 1. */
#define BL_READ_END (-1)

/* Whole source (for .txt and .html): *data, *len borrowed from r.  Returns
 * BL_OK, BL_LIMIT (larger than r->max_doc), BL_IO or BL_NOMEM. */
int bl_reader_slurp(bl_reader *r, const char **data, size_t *len, bl_error *err);

/* Next line of the source, without its "\n" (a "\r" before it is kept).
 * Returns BL_OK with *line, *len (borrowed until the next call) and *off (its
 * byte offset in the source); BL_READ_END at the end; BL_PARSE for a line longer than
 * r->max_line (consumed and skipped; err names it); BL_IO or BL_NOMEM. */
int bl_reader_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err);

/* The three formats: BL_OK with the next article in *a, BL_READ_END, or an
 * error rc (BL_PARSE: the record is skipped, the next call goes on). */
int bl_read_txt(bl_reader *r, bl_article *a, bl_error *err);
int bl_read_jsonl(bl_reader *r, bl_article *a, bl_error *err);
int bl_read_html(bl_reader *r, bl_article *a, bl_error *err);
/* Release format state held between calls (the JSON object). */
void bl_read_jsonl_clear(bl_reader *r);

/* JSON Lines in two steps, so that the lines can be decoded on other threads
 * than the one reading (bilan ingest).  bl_jsonl_next_line: the next line
 * that is not blank, a byte-order mark removed (BL_OK, BL_READ_END or an
 * error as bl_reader_line).  bl_jsonl_decode: the article of one line, off
 * its byte offset in the source (BL_PARSE for a line that is not an object
 * with a text). */
int bl_jsonl_next_line(bl_reader *r, const char **line, size_t *len, size_t *off, bl_error *err);
int bl_jsonl_decode(bl_jsonl_obj *o, const char *s, size_t n, size_t off, bl_article *a,
                    bl_error *err);
void bl_jsonl_obj_clear(bl_jsonl_obj *o);

/* bilan ingest's reading loop: for a JSON Lines source, the next line, not
 * decoded, and its line number; returns 1, 0 at the end or -rc, as
 * bl_reader_next does.  Any other format is BL_USAGE. */
int bl_reader_next_line(bl_reader *r, const char **line, size_t *len, size_t *off, unsigned *lineno,
                        bl_error *err);
bl_format bl_reader_format(const bl_reader *r);

/* Set the limits (tests use small ones); 0 keeps the current value. */
void bl_reader_set_limits(bl_reader *r, size_t max_doc, size_t max_line);

/*
 * Normalise a publication date: write "YYYY-MM-DD" and a NUL to out and
 * return true when s[0..n) is one of the forms of docs/inputs.md (ISO 8601
 * date or date-time, day-first numeric dates, French or English month
 * names); false otherwise (the caller keeps the value as written).
 */
bool bl_date_norm(const char *s, size_t n, char out[11]);

/* The value of a metadata field with surrounding spaces removed; null when
 * nothing is left. */
bl_str bl_str_trim(const char *s, size_t n);

/* Whether s[0..n) is valid UTF-8 without control characters other than tab;
 * else *bad is the offset of the first offending byte. */
bool bl_meta_ok(const char *s, size_t n, size_t *bad);

#endif
