/*
 * read_html.h — between the two halves of the HTML reader: read_html.c
 * (decoding and parsing) and read_html_text.c (tree to article).
 */
#ifndef BL_READ_HTML_H
#define BL_READ_HTML_H

#include "reader.h"

#include <libxml/tree.h>

/* The body text and metadata of a parsed page into a, borrowing r->text and
 * r->meta (reset first).  Returns BL_OK or BL_NOMEM; an empty body is the
 * caller's to judge. */
int bl_html_extract(xmlDoc *doc, bl_reader *r, bl_article *a);

#endif
