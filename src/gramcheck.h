/*
 * gramcheck.h — layer 4: the grammar contract.  Every ex+/ex- line of
 * grammars/ runs through the real pipeline; used at build time (gen/gramc.c)
 * and by ctest.
 */
#ifndef BL_GRAMCHECK_H
#define BL_GRAMCHECK_H

#include "gram.h"

typedef void (*bl_gram_report)(const bl_example *ex, const char *why, void *ctx);

/* Run every example; report each failure.  Returns the number of failures,
 * or -1 when the check itself could not run (out of memory). */
long bl_gram_check(const bl_grammar *g, bl_gram_report report, void *ctx);

#endif
