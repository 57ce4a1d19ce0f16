/*
 * embedded.h — data files compiled into the library at build time by
 * src/gen/embed.c: the grammars (grammars/) and the SQL (db/).
 */
#ifndef BL_EMBEDDED_H
#define BL_EMBEDDED_H

#include <stddef.h>

typedef struct bl_embedded {
  const char *name; /* path relative to grammars/ or db/, e.g. "fr/numbers.tsv" */
  const char *data;
  size_t len;
} bl_embedded;

extern const bl_embedded bl_grammar_files[];
extern const bl_embedded bl_db_files[];

#endif
