/*
 * read_html.c — HTML articles (SPEC §3): decodes the page to UTF-8 and
 * parses it with libxml2's forgiving HTML parser (never the network; no
 * error is ever printed), then read_html_text.c reduces the tree to the
 * article's text and metadata.
 *
 * libxml2 parses at most 256 nested elements (its limit without
 * HTML_PARSE_HUGE, which stays off) and stops there: such a page is refused
 * with BL_LIMIT rather than read in part.
 */
#include "read_html.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

/* ---------------------------------------------------------------- parse */

/* The charset a <meta> of the first 64 KiB declares (<meta charset=...> or
 * http-equiv Content-Type), into name; false if none. */
static bool declared_charset(const char *s, size_t n, char name[48]) {
  size_t lim = n < ((size_t)64 << 10) ? n : ((size_t)64 << 10);
  for (size_t i = 0; i + 5 < lim; i++) {
    if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0) continue;
    size_t k = i + 5;
    for (; k + 7 <= lim && s[k] != '>' && s[k] != '<'; k++) {
      if (strncasecmp(s + k, "charset", 7) != 0) continue;
      size_t v = k + 7;
      while (v < lim && (s[v] == ' ' || s[v] == '=' || s[v] == '"' || s[v] == '\'')) v++;
      size_t len = 0;
      while (v + len < lim && len < 47 &&
             (isalnum((unsigned char)s[v + len]) || strchr("-_.:", s[v + len])))
        len++;
      if (!len) continue;
      memcpy(name, s + v, len);
      name[len] = '\0';
      return true;
    }
    i = k - 1; /* each byte is looked at once */
  }
  return false;
}

/* Count the valid multi-byte UTF-8 characters and the bytes that are not
 * UTF-8 (n <= INT32_MAX, checked by the caller). */
static void utf8_census(const char *s, size_t n, size_t *multi, size_t *bad) {
  const uint8_t *u = (const uint8_t *)s;
  int32_t i = 0, len = (int32_t)n;
  *multi = *bad = 0;
  while (i < len) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    UChar32 c;
    U8_NEXT(u, i, len, c);
    if (c < 0)
      ++*bad;
    else
      ++*multi;
  }
}

/* Whether libxml2 can decode a charset (it uses iconv for most). */
static bool known_charset(const char *name) {
  xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);
  if (!h) return false;
  xmlCharEncCloseFunc(h);
  return true;
}

/* s[0..n) in charset `from` to UTF-8 with ICU, every undecodable sequence
 * replaced by U+FFFD (for windows-1252, ICU maps all 256 bytes; iconv
 * refuses five of them and libxml2 would stop there). */
static int to_utf8(const char *from, const char *s, size_t n, bl_buf *dst, bl_error *err) {
  if (n > INT32_MAX / 3) return bl_fail(err, BL_LIMIT, "HTML input too large");
  if (bl_buf_reserve(dst, n * 3)) return bl_fail(err, BL_NOMEM, "out of memory decoding HTML");
  UErrorCode st = U_ZERO_ERROR;
  int32_t k = ucnv_convert("UTF-8", from, dst->ptr, (int32_t)(n * 3 + 1), s, (int32_t)n, &st);
  if (U_FAILURE(st))
    return bl_fail(err, st == U_MEMORY_ALLOCATION_ERROR ? BL_NOMEM : BL_INTERNAL, "decoding %s: %s",
                   from, u_errorName(st));
  dst->len = (size_t)k;
  return BL_OK;
}

typedef struct errs {
  bool fatal;
  int code;
} errs;

/* Errors are recorded, never printed: the library does not write to stderr. */
static void on_error(void *ctx, xmlErrorPtr e) {
  errs *s = ctx;
  if (e && e->level == XML_ERR_FATAL && !s->fatal) {
    s->fatal = true;
    s->code = e->code;
  }
}

static void on_generic(void *ctx, const char *msg, ...) {
  BL_UNUSED(ctx);
  BL_UNUSED(msg);
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) {
  xmlInitParser();
}

/* One libxml2 parse of data[0..len) in encoding enc (NULL: its own guess). */
static xmlDoc *parse_as(const char *data, size_t len, const char *enc, errs *seen) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) {
    seen->fatal = true;
    seen->code = XML_ERR_NO_MEMORY;
    return NULL;
  }
  xmlStructuredErrorFunc old_s = xmlStructuredError;
  void *old_sctx = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_g = xmlGenericError;
  void *old_gctx = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(seen, on_error);
  xmlSetGenericErrorFunc(NULL, on_generic);
  xmlDoc *doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, enc,
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc(old_sctx, old_s);
  xmlSetGenericErrorFunc(old_gctx, old_g);
  htmlFreeParserCtxt(ctxt);
  return doc;
}

/* A charset name that libxml2 should be given as declared: not one of
 * those handled here (UTF-8, and the labels browsers read as windows-1252),
 * and one it knows. */
static bool use_declared(const char *cs) {
  static const char *const here[] = {"utf-8",    "utf8",  "iso-8859-1",   "latin1",
                                     "us-ascii", "ascii", "windows-1252", "cp1252"};
  for (size_t i = 0; i < BL_ARRAY_LEN(here); i++)
    if (strcasecmp(cs, here[i]) == 0) return false;
  return known_charset(cs);
}

/*
 * Parse data[0..len) into *doc.  The encoding:
 *  - a byte-order mark's (libxml2 reads it);
 *  - UTF-8 when the bytes are UTF-8, or mostly (more valid multi-byte
 *    characters than stray bytes; these become U+FFFD).  Pages saved by
 *    crawlers are often re-encoded to UTF-8 while their <meta> still names
 *    the original charset, and libxml2 reads undeclared UTF-8 as Latin-1;
 *  - else the charset the page declares, if libxml2 can decode it;
 *  - else, or when that decoding fails, windows-1252, which browsers use
 *    for undeclared legacy pages and for the labels iso-8859-1 and us-ascii.
 */
static int parse(const char *data, size_t len, xmlDoc **doc, bl_error *err) {
  if (len > INT32_MAX / 3) return bl_fail(err, BL_LIMIT, "HTML input too large");
  pthread_once(&init_once, init_libxml);
  *doc = NULL;
  errs seen = {false, 0};
  bool bom = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ||
             (len >= 2 && (memcmp(data, "\xFE\xFF", 2) == 0 || memcmp(data, "\xFF\xFE", 2) == 0));
  const char *from = "windows-1252"; /* the bytes to convert with ICU, if any */
  if (bom) {
    *doc = parse_as(data, len, NULL, &seen);
    from = NULL;
  } else {
    size_t multi, bad;
    char cs[48];
    utf8_census(data, len, &multi, &bad);
    if (bad == 0) {
      *doc = parse_as(data, len, "UTF-8", &seen);
      from = NULL;
    } else if (multi > bad) {
      from = "UTF-8";
    } else if (declared_charset(data, len, cs) && use_declared(cs)) {
      *doc = parse_as(data, len, cs, &seen);
      from = NULL;
      if (seen.fatal && seen.code != XML_ERR_NO_MEMORY && seen.code != XML_ERR_INTERNAL_ERROR) {
        xmlFreeDoc(*doc); /* the bytes are not in that charset after all */
        *doc = NULL;
        seen.fatal = false;
        from = "windows-1252";
      }
    }
  }
  if (from) {
    bl_buf u;
    bl_buf_init(&u);
    int rc = to_utf8(from, data, len, &u, err);
    if (!rc) *doc = parse_as(u.ptr, u.len, "UTF-8", &seen);
    bl_buf_clear(&u);
    if (rc) return rc;
  }
  if (seen.fatal) {
    xmlFreeDoc(*doc);
    *doc = NULL;
    if (seen.code == XML_ERR_NO_MEMORY) return bl_fail(err, BL_NOMEM, "out of memory parsing HTML");
    if (seen.code == XML_ERR_INTERNAL_ERROR)
      return bl_fail(err, BL_LIMIT, "HTML elements nested deeper than 256; page refused");
    return bl_fail(err, BL_PARSE, "HTML could not be parsed (libxml2 error %d)", seen.code);
  }
  return BL_OK;
}

int bl_read_html(bl_reader *r, bl_article *a, bl_error *err) {
  if (r->done) return BL_READ_END;
  r->done = true;
  const char *data;
  size_t len;
  int rc = bl_reader_slurp(r, &data, &len, err);
  if (rc) return rc;
  xmlDoc *doc = NULL;
  if (len) {
    rc = parse(data, len, &doc, err);
    if (rc) return rc;
  }
  if (doc) {
    rc = bl_html_extract(doc, r, a);
    if (rc == BL_NOMEM) bl_fail(err, rc, "out of memory extracting the HTML text");
    xmlFreeDoc(doc);
  }
  if (rc) {
    memset(a, 0, sizeof *a);
    return rc;
  }
  if (!a->body.len) {
    memset(a, 0, sizeof *a);
    return bl_fail(err, BL_PARSE, "no article text in the page");
  }
  return BL_OK;
}
