/*
 * cli.h — the command-line layer (main.c and cli_*.c): exit codes, input
 * walking, diagnostics.  Only this layer prints or exits.
 */
#ifndef BL_CLI_H
#define BL_CLI_H

#include "bilan.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Exit codes (SPEC §2). */
enum {
  EXIT_OK = 0,
  EXIT_REJECTED = 1, /* some inputs were rejected; the others were processed */
  EXIT_USAGE = 2,
  EXIT_DB = 3,
  EXIT_INTERNAL = 4
};

/* Print "bilan: FILE:LINE:COL: msg" for byte `off` of data[0..len) (the part
 * of the file starting at line `base_line`, byte `base_off`), then the line
 * and a caret under the byte. */
void cli_diag(const char *file, const char *data, size_t len, unsigned base_line,
              size_t base_off, size_t off, const char *severity, const char *msg);
/* "bilan: msg" */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Expand PATH arguments: files as given, directories walked recursively in
 * name order keeping files whose extension is in `exts` (NULL-terminated,
 * without dots), "-" for stdin.  Calls fn for each; returns the worst exit
 * code seen (a missing path is EXIT_REJECTED). */
typedef int (*cli_file_fn)(const char *path, void *ctx);
int cli_walk(char **paths, int npaths, const char *const *exts, cli_file_fn fn, void *ctx);

/* Read a whole file (or stdin for "-") into *data (malloc'd).  Returns 0, or
 * -1 with errno set. */
int cli_read_all(const char *path, char **data, size_t *len);

/* Chunked reader: hands over pieces ending at a line end (bounded memory). */
typedef struct cli_chunks {
  FILE *f;
  bool is_stdin;
  char *buf;
  size_t cap, len;
  size_t base;      /* file offset of buf[0] */
  unsigned line;    /* line number of buf[0] */
  size_t taken;     /* bytes of buf handed over by the last cli_chunk_next */
  bool eof;
} cli_chunks;

int cli_chunks_open(cli_chunks *c, const char *path);
/* Next piece: (*data, *len) covers whole lines (the last piece may lack a final
 * newline; a line longer than the buffer is cut at a space).  Returns 1 when
 * a piece is given, 0 at the end, -1 on a read error. */
int cli_chunk_next(cli_chunks *c, const char **data, size_t *len);
void cli_chunks_close(cli_chunks *c);

/* Progress of a long run on stderr (cli_progress.c): drawn only when stderr
 * is a terminal, not `quiet`, and not when the run's data goes to stdout on
 * the same terminal; articles done, rate, and with a known total of input
 * bytes the share done and the time left.  Diagnostics erase the line first
 * (cli_progress_pause); cli_progress_end erases it. */
typedef struct cli_progress {
  bool on;
  double start, last; /* seconds; last < 0: nothing drawn yet */
  uint64_t total;     /* input bytes, 0 = unknown */
  uint64_t bytes, articles;
  int width; /* of the line on screen */
} cli_progress;
void cli_progress_start(cli_progress *p, bool quiet, bool data_on_stdout, uint64_t total_bytes);
void cli_progress_add(cli_progress *p, uint64_t articles, uint64_t bytes);
void cli_progress_set_bytes(cli_progress *p, uint64_t bytes);
void cli_progress_pause(void);
void cli_progress_end(cli_progress *p);
/* Total size of the files cli_walk would visit (0 when one is stdin). */
uint64_t cli_input_size(char **paths, int npaths, const char *const *exts);

/* Output: stdout buffered in large writes. */
void cli_out(const char *s, size_t n);
void cli_out_flush(void);

/* Result printers (cli_table.c): an aligned table, CSV (RFC 4180) or JSON
 * Lines. */
typedef enum cli_format { CLI_TABLE = 0, CLI_CSV, CLI_JSON } cli_format;
int cli_format_parse(const char *s, cli_format *f); /* 0, or -1 if unknown */
typedef struct cli_table cli_table;
cli_table *cli_table_new(cli_format fmt, int ncols, const char *const *names);
/* vals[i] NULL = SQL NULL; types[i] SQLITE_INTEGER... (numbers print as such). */
void cli_table_row(cli_table *t, const char *const *vals, const int *types);
void cli_table_end(cli_table *t); /* prints the table, frees, flushes */

/* A row printer for bl_query_run: the rows as a table, CSV or JSON
 * (cli_view.c). */
typedef struct cli_sink {
  cli_format fmt;
  cli_table *t; /* made at the first row */
} cli_sink;
int cli_sink_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
                 const int *types); /* ctx: a cli_sink */

/* A command that prints a view (tolls, conflicts): --db, --event (bound as
 * ?1 of sql, NULL for all) and --format into *sink; each row goes to
 * row(ctx, ...), or to cli_sink_row(sink, ...) when row is NULL.  Returns
 * the exit status. */
typedef struct cli_view {
  const char *name, *usage, *sql;
  int (*row)(void *ctx, int ncols, const char *const *names, const char *const *vals,
             const int *types);
} cli_view;
int cli_view_command(int argc, char **argv, const cli_view *v, cli_sink *sink, void *ctx);

/* The database (cli_db.c): --db, else $BILAN_DB, else ./bilan.db. */
const char *cli_db_path(const char *flag);
/* Open it (created and migrated when not read-only); on failure print the
 * reason and exit with EXIT_DB. */
struct bl_store *cli_db_open(const char *path, bool readonly);

/* Commands. */
int cmd_numbers(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_tolls(int argc, char **argv);
int cmd_conflicts(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* The built-in grammar, or the one of --grammars DIR (set by main). */
const bl_grammar *cli_grammar(void);
extern const char *cli_grammar_dir;

#endif
