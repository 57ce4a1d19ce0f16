/*
 * bilan.h — the one public header of libbilan: French news text in, quantity
 * claims out.
 *
 * This header is the manual. Read it top to bottom once:
 *
 *   Ownership.  `_new` returns an object the caller owns and must release with
 *   the matching `_free` (every `_free` accepts NULL).  Getters return pointers
 *   *borrowed* from their owner: valid until the owner is freed or run again.
 *   Nothing returned by a getter is ever freed by the caller.
 *
 *   Errors.  Functions return an `int` rc (`BL_OK` == 0, else a `bl_rc`);
 *   constructors return NULL.  Every function takes an optional `bl_error *`
 *   (may be NULL) that is filled in place with a message and, where it
 *   applies, the byte span in the caller's input.  The library never exits and
 *   never prints.
 *
 *   Offsets.  Every span that leaves the library is a half-open byte range
 *   [start, end) into the caller's text exactly as given, whatever
 *   normalisation (NFC, space and apostrophe folding) happened inside.
 *
 *   Threads.  A `bl_grammar` is immutable once built and may be shared by any
 *   number of threads.  A `bl_scan` or `bl_doc` belongs to one thread at a
 *   time.
 */
#ifndef BILAN_H
#define BILAN_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define BL_API __attribute__((visibility("default")))
#else
#define BL_API
#endif

#define BL_VERSION "0.1.0"

/* ------------------------------------------------------------------ basics */

/* A half-open byte range [start, end) in the caller's text. */
typedef struct bl_span {
  size_t start;
  size_t end;
} bl_span;

/* A borrowed string view; `ptr` is NULL when the value is absent. */
typedef struct bl_str {
  const char *ptr;
  size_t len;
} bl_str;

/* Return codes.  Stable: never renumbered, only appended to. */
typedef enum bl_rc {
  BL_OK = 0,
  BL_NOMEM = 1,    /* an allocation failed */
  BL_BADUTF8 = 2,  /* input is not valid UTF-8 (error.at points at the byte) */
  BL_LIMIT = 3,    /* a documented limit was reached (size, matches, depth) */
  BL_IO = 4,       /* a file could not be read or written */
  BL_GRAMMAR = 5,  /* a grammar file is malformed (error.file/line) */
  BL_PARSE = 6,    /* an input record is malformed (bad JSON line, header) */
  BL_DB = 7,       /* SQLite reported an error */
  BL_USAGE = 8,    /* the caller passed something meaningless */
  BL_INTERNAL = 9, /* a bug: an invariant did not hold */
  BL_READONLY = 10 /* a statement would write through a read-only path */
} bl_rc;

/* Filled in place, never allocated. */
typedef struct bl_error {
  int code;         /* bl_rc */
  char msg[160];    /* what is wrong, in English, no trailing newline */
  bl_span at;       /* bytes in the input or grammar file, when known */
  const char *file; /* grammar file name, or NULL */
  unsigned line;    /* 1-based line in `file` or in a JSON Lines input; 0 = none */
} bl_error;

/* Static text for an rc ("out of memory", ...). */
BL_API const char *bl_rc_str(int rc);

/* The library version ("0.1.0"). */
BL_API const char *bl_version(void);

/*
 * Allocator hook, process-wide.  Install before any other call; pass NULL to
 * restore malloc/realloc/free.  Used by the tests to make the Nth allocation
 * fail: every entry point must then return BL_NOMEM (or NULL) without leaking.
 * Memory that PCRE2, ICU, SQLite or jansson allocate internally is theirs.
 */
typedef struct bl_allocator {
  void *(*malloc_fn)(size_t size, void *ctx);
  void *(*realloc_fn)(void *ptr, size_t size, void *ctx);
  void (*free_fn)(void *ptr, void *ctx);
  void *ctx;
} bl_allocator;
BL_API void bl_set_allocator(const bl_allocator *alloc);

/* ----------------------------------------------------------------- grammar */

/*
 * The French grammars and lexicons (grammars/fr/ in the source tree), parsed
 * and compiled to PCRE2 JIT code once.  `dir` NULL selects the copy built into
 * the library; a directory path loads the same files from disk through the
 * same validator (for quick iteration on a rule).  Returns NULL on failure
 * with `err` naming the file, line and column.
 */
typedef struct bl_grammar bl_grammar;
BL_API bl_grammar *bl_grammar_new(const char *dir, bl_error *err);
BL_API void bl_grammar_free(bl_grammar *g);
/* "fr/<n>": stamped into JSON output and the database. Borrowed from g. */
BL_API const char *bl_grammar_version(const bl_grammar *g);

/* -------------------------------------------------------------- quantities */

typedef enum bl_qualifier {
  BL_EXACT = 0,
  BL_MORE_THAN,
  BL_AT_LEAST,
  BL_LESS_THAN,
  BL_AT_MOST,
  BL_ABOUT,
  BL_RANGE,
  BL_VAGUE
} bl_qualifier;

/* "exact", "more_than", ... (SPEC §4 names). */
BL_API const char *bl_qualifier_name(bl_qualifier q);

/*
 * One quantity expression.  `value`, `lo` and `hi` are NAN when null
 * (SPEC §4: value is null for ranges and vague amounts; lo/hi null =
 * unbounded).  `hedge` is {0,0} when there is none; a verbal hedge
 * ("dépasse 1,2 milliard") lies outside `span`.  `unit` is "percent", an
 * ISO 4217 code, or NULL; static storage.
 */
typedef struct bl_quantity {
  bl_span span;
  bl_span hedge;
  double value;
  double lo;
  double hi;
  bl_qualifier qualifier;
  const char *unit;
} bl_quantity;

/* Options for bl_scan_run and bl_doc_run. */
enum {
  BL_REPAIR = 1u << 0 /* replace invalid UTF-8 by U+FFFD instead of failing */
};

/*
 * A number scanner: reusable state (normalised text, offset map, PCRE2 match
 * data) for reading the quantities of one text after another.
 */
typedef struct bl_scan bl_scan;
BL_API bl_scan *bl_scan_new(const bl_grammar *g, bl_error *err);
BL_API void bl_scan_free(bl_scan *s);
/*
 * Find every quantity in text[0..len).  Returns BL_OK, BL_BADUTF8 (err->at
 * is the first bad byte; with BL_REPAIR the bad bytes are replaced and the
 * count of repairs is bl_scan_repairs), BL_LIMIT or BL_NOMEM.  Results are
 * borrowed until the next run or bl_scan_free.
 */
BL_API int bl_scan_run(bl_scan *s, const char *text, size_t len, unsigned opts, bl_error *err);
BL_API size_t bl_scan_count(const bl_scan *s);
BL_API const bl_quantity *bl_scan_get(const bl_scan *s, size_t i);
BL_API size_t bl_scan_repairs(const bl_scan *s);

/* ------------------------------------------------------------------ claims */

typedef enum bl_category {
  BL_CAT_OTHER = 0,
  BL_CAT_KILLED,
  BL_CAT_INJURED,
  BL_CAT_MISSING,
  BL_CAT_ARRESTED,
  BL_CAT_HOSTAGES,
  BL_CAT_DISPLACED,
  BL_CAT_EVACUATED,
  BL_CAT_AFFECTED,
  BL_CAT_SICK,
  BL_CAT_PARTICIPANTS,
  BL_CAT_DEPLOYED,
  BL_CAT_COUNT_
} bl_category;

typedef enum bl_group {
  BL_GROUP_NONE = 0,
  BL_GROUP_CIVILIANS,
  BL_GROUP_CHILDREN,
  BL_GROUP_SECURITY_FORCES,
  BL_GROUP_MILITANTS,
  BL_GROUP_PROTESTERS,
  BL_GROUP_MIGRANTS,
  BL_GROUP_JOURNALISTS,
  BL_GROUP_HEALTH_WORKERS,
  BL_GROUP_COUNT_
} bl_group;

typedef enum bl_status {
  BL_STATUS_NONE = 0,
  BL_STATUS_PROVISIONAL,
  BL_STATUS_FINAL,
  BL_STATUS_REVISED
} bl_status;

/* SPEC §5 names; bl_group_name(BL_GROUP_NONE) and bl_status_name(NONE) are NULL. */
BL_API const char *bl_category_name(bl_category c);
BL_API const char *bl_group_name(bl_group g);
BL_API const char *bl_status_name(bl_status s);
/* Reverse lookups; -1 when the name is unknown. */
BL_API int bl_category_from_name(const char *name);
BL_API int bl_group_from_name(const char *name);

/*
 * One claim (SPEC §5).  Strings are borrowed from the bl_doc that made it and
 * are the caller's bytes as written (a `bl_str` with ptr NULL is null), except
 * `unit`, which is a static code ("percent", "EUR") for percentages and money.
 */
typedef struct bl_claim {
  bl_quantity q;
  bl_str unit;     /* counted noun as written, or a code; may be null */
  bl_str subject;  /* who or what is counted, a short noun phrase */
  bl_str source;   /* originator of the figure, or null */
  bl_str channel;  /* relay between originator and article, or null */
  bl_category category;
  bl_group group;
  bl_status status;
  bool negated;    /* zero claims ("aucune victime") and denials */
  int cumulative;  /* 1 running total, 0 delta/partial, -1 null (non-toll) */
  bool period;     /* a toll over a calendar period that holds more than the
                      event ("Depuis le début de l'année, plus de 1 100
                      personnes sont mortes en tentant la traversée"); not
                      part of the extract output (SPEC §5), stored */
  long of;         /* index of the parent claim (sub-counts), or -1; the parent
                      usually comes before, but follows in "12 des 43 mineurs" */
  bl_span sentence;
} bl_claim;

/*
 * A document: reusable state to extract the claims of one article body after
 * another (bl_doc_new → bl_doc_run → bl_doc_claim... → bl_doc_run ...).
 *
 * Limit: an article holds at most BL_DOC_MAX_CLAIMS figures (quantity
 * expressions and zero words such as "aucune victime"), so at most that many
 * claims; past it bl_doc_run returns BL_LIMIT with err->at on the first
 * figure over the limit, and memory stays bounded whatever the input.
 */
#define BL_DOC_MAX_CLAIMS ((size_t)100000)
typedef struct bl_doc bl_doc;
BL_API bl_doc *bl_doc_new(const bl_grammar *g, bl_error *err);
BL_API void bl_doc_free(bl_doc *d);
/* Extract claims from body[0..len).  Same rc as bl_scan_run. */
BL_API int bl_doc_run(bl_doc *d, const char *body, size_t len, unsigned opts, bl_error *err);
BL_API size_t bl_doc_claim_count(const bl_doc *d);
BL_API const bl_claim *bl_doc_claim(const bl_doc *d, size_t i);
BL_API size_t bl_doc_repairs(const bl_doc *d);

/* ---------------------------------------------------------------- articles */

/*
 * One article as read from an input file (SPEC §3).  Every field is borrowed
 * from the reader and valid until the next bl_reader_next or bl_reader_free.
 * Absent fields are null (ptr NULL).  `body` is the text claims point into:
 * the bytes after a .txt header, the `text`/`maintext` of a JSON line, the
 * extracted text of an HTML page.  `date` is normalised to YYYY-MM-DD when
 * it can be read, else given as written.
 */
typedef struct bl_article {
  bl_str body;
  bl_str title;
  bl_str outlet;
  bl_str date;
  bl_str url;
  bl_str event;
  bl_str id;
  unsigned line;       /* 1-based line of a JSON Lines record, else 0 */
  size_t body_offset;  /* byte offset of the body in the file (.txt), else 0 */
} bl_article;

typedef enum bl_format { BL_FMT_TXT = 0, BL_FMT_JSONL, BL_FMT_HTML } bl_format;

/* Format from a path's extension (.txt, .jsonl/.ndjson, .html/.htm), or -1. */
BL_API int bl_format_of_path(const char *path);

/*
 * A reader of one input (SPEC §3; formats, rules and limits: docs/inputs.md):
 * a file path ("-" = standard input) or a memory buffer.  bl_reader_open_mem
 * borrows `data`, which must stay unchanged until bl_reader_free; `name` is
 * only used in messages and may be NULL.
 *
 * bl_reader_next returns 1 and fills *a with the next article, 0 at the end,
 * or a negative rc:
 *   -BL_PARSE  a record is malformed (err names the reason, and for JSON
 *              Lines err->line and err->at the line); it is skipped and the
 *              next call goes on with the next record;
 *   -BL_IO, -BL_NOMEM, -BL_LIMIT
 *              fatal: the input cannot be read further (further calls return
 *              the same error);
 *   -BL_USAGE  r or a is NULL.
 * err->code holds the positive code.  (Errors are negated because BL_NOMEM
 * is 1, the value that means "an article".)  On any return other than 1, *a
 * is all null.
 *
 * Limits: a .txt or .html input over BL_READ_MAX_DOC bytes is refused
 * (-BL_LIMIT); a JSON line over BL_READ_MAX_LINE bytes is skipped
 * (-BL_PARSE); an HTML page nested deeper than 256 elements is refused
 * (-BL_LIMIT).
 */
#define BL_READ_MAX_DOC ((size_t)64 << 20)
#define BL_READ_MAX_LINE ((size_t)64 << 20)
typedef struct bl_reader bl_reader;
BL_API bl_reader *bl_reader_open(const char *path, bl_format fmt, bl_error *err);
BL_API bl_reader *bl_reader_open_mem(const char *name, const char *data, size_t len,
                                     bl_format fmt, bl_error *err);
BL_API int bl_reader_next(bl_reader *r, bl_article *a, bl_error *err);
BL_API void bl_reader_free(bl_reader *r);

#ifdef __cplusplus
}
#endif
#endif /* BILAN_H */
