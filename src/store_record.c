/*
 * store_record.c — layer 7: an article made ready to store (store.h).  This
 * is the part of ingestion that needs no database: extraction, the body's
 * SHA-256, its MinHash signature, the event and the claims' dates.  It runs
 * in the worker threads of `bilan ingest -j N`; the single writer then only
 * writes.
 */
#include "store.h"

#include "gram.h"

#include <nettle/sha2.h>

void bl_record_init(bl_record *r) {
  memset(r, 0, sizeof *r);
}

void bl_record_clear(bl_record *r) {
  bl_buf *bufs[] = {&r->body, &r->title, &r->outlet, &r->date,
                    &r->url,  &r->event, &r->path,   &r->doc_id};
  for (size_t i = 0; i < BL_ARRAY_LEN(bufs); i++) bl_buf_clear(bufs[i]);
  bl_free(r->claims);
  bl_record_init(r);
}

/* A copy of s in b; a null s leaves b without memory (ptr NULL = null). */
static int set_str(bl_buf *b, const char *s, size_t n) {
  bl_buf_clear(b);
  if (!s) return BL_OK;
  return bl_buf_add(b, s, n);
}

static void hex_sha256(const char *data, size_t len, char out[65]) {
  struct sha256_ctx ctx;
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, len, (const uint8_t *)data);
  sha256_digest(&ctx, sizeof digest, digest);
  static const char hexd[] = "0123456789abcdef";
  for (size_t i = 0; i < sizeof digest; i++) {
    out[2 * i] = hexd[digest[i] >> 4];
    out[2 * i + 1] = hexd[digest[i] & 15];
  }
  out[64] = '\0';
}

/* How badly the injured of c are hurt, from the words of its subject
 * (severity.tsv): "light", "serious", or NULL when it does not say. */
static const char *severity(const bl_grammar *g, const bl_claim *c) {
  if (c->category != BL_CAT_INJURED || !c->subject.ptr) return NULL;
  const char *s = c->subject.ptr;
  size_t n = c->subject.len;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '\'' && s[j] != ',') j++;
    const bl_lexent *e = j > i ? bl_lex_find(&g->severity, s + i, j - i) : NULL;
    if (e) return e->kind == SEV_SERIOUS ? "serious" : "light";
    i = j + 1;
  }
  return NULL;
}

static size_t str_size(bl_str s) {
  return s.ptr ? s.len + 1 : 0;
}

/* Copy claims into r so that the record owns everything their strings
 * point at. */
static int copy_claims(bl_record *r, const bl_claim *claims, size_t n, const char *body,
                       size_t blen) {
  if (bl_grow((void **)&r->claims, &r->cap, n ? n : 1, sizeof *r->claims)) return BL_NOMEM;
  /* Strings inside the body are rebased onto r->body; the others (codes,
   * repaired text) go after the body's NUL in the same buffer. */
  size_t extra = 0;
  for (size_t i = 0; i < n; i++) {
    const bl_str *f[] = {&claims[i].unit, &claims[i].subject, &claims[i].source,
                         &claims[i].channel};
    for (size_t k = 0; k < 4; k++)
      if (f[k]->ptr && !(f[k]->ptr >= body && f[k]->ptr + f[k]->len <= body + blen))
        extra += str_size(*f[k]);
  }
  if (bl_buf_reserve(&r->body, extra + 2)) return BL_NOMEM;
  size_t at = r->body.len + 1; /* after the body's NUL */
  for (size_t i = 0; i < n; i++) {
    bl_rclaim *rc = &r->claims[i];
    rc->c = claims[i];
    bl_str *f[] = {&rc->c.unit, &rc->c.subject, &rc->c.source, &rc->c.channel};
    for (size_t k = 0; k < 4; k++) {
      if (!f[k]->ptr) continue;
      if (f[k]->ptr >= body && f[k]->ptr + f[k]->len <= body + blen) {
        f[k]->ptr = r->body.ptr + (f[k]->ptr - body);
      } else {
        memcpy(r->body.ptr + at, f[k]->ptr, f[k]->len);
        r->body.ptr[at + f[k]->len] = '\0';
        f[k]->ptr = r->body.ptr + at;
        at += f[k]->len + 1;
      }
    }
  }
  r->nclaims = n;
  return BL_OK;
}

int bl_record_build_claims(bl_record *r, bl_names *names, const bl_grammar *g, const char *path,
                           const bl_article *a, const bl_overrides *ov, const bl_claim *claims,
                           size_t n, bl_error *err) {
  bl_overrides none = {NULL, NULL, NULL, NULL};
  if (!ov) ov = &none;
  const char *body = a->body.ptr ? a->body.ptr : "";
  size_t blen = a->body.ptr ? a->body.len : 0;
  int rc = set_str(&r->body, body, blen);
  if (!rc) rc = set_str(&r->title, a->title.ptr, a->title.len);
  if (!rc)
    rc = ov->outlet ? set_str(&r->outlet, ov->outlet, strlen(ov->outlet))
                    : set_str(&r->outlet, a->outlet.ptr, a->outlet.len);
  if (!rc)
    rc = ov->date ? set_str(&r->date, ov->date, strlen(ov->date))
                  : set_str(&r->date, a->date.ptr, a->date.len);
  if (!rc)
    rc = ov->url ? set_str(&r->url, ov->url, strlen(ov->url))
                 : set_str(&r->url, a->url.ptr, a->url.len);
  if (!rc) rc = set_str(&r->path, path, path ? strlen(path) : 0);
  if (!rc) rc = set_str(&r->doc_id, a->id.ptr, a->id.len);
  if (!rc) rc = copy_claims(r, claims, n, body, blen);
  if (rc) return bl_fail(err, BL_NOMEM, "out of memory");
  r->line = a->line;
  r->pub = r->date.ptr ? bl_day_parse(r->date.ptr, r->date.len) : BL_NO_DAY;
  hex_sha256(r->body.ptr, r->body.len, r->sha256);
  r->shingles = bl_minhash(r->body.ptr, r->body.len, r->sig);

  /* Event: the flag, else the input's, else the automatic rule. */
  if (ov->event && *ov->event) {
    r->event_how = "flag";
    rc = set_str(&r->event, ov->event, strlen(ov->event));
  } else if (a->event.ptr && a->event.len) {
    r->event_how = "header";
    rc = set_str(&r->event, a->event.ptr, a->event.len);
  } else {
    r->event_how = "auto";
    bl_buf_clear(&r->event);
    bl_str title = r->title.ptr ? bl_str_make(r->title.ptr, r->title.len) : bl_str_null();
    rc = bl_event_auto(g, names, title, bl_str_make(r->body.ptr, r->body.len), r->pub, &r->event,
                       err);
    if (rc) return rc;
    /* No place, no evidence of what the article is about: it is its own
     * event, compared with nothing else (a week's placeless articles are not
     * one toll). */
    if (!strncmp(r->event.ptr, "sans-lieu", 9) &&
        (bl_buf_addc(&r->event, '-') || bl_buf_add(&r->event, r->sha256, 12)))
      return bl_fail(err, BL_NOMEM, "out of memory");
  }
  if (rc) return bl_fail(err, BL_NOMEM, "out of memory");

  /* Event dates: the sentence's date word, else the publication day. */
  int32_t *days = bl_malloc((n ? n : 1) * sizeof *days);
  bl_claim *plain = bl_malloc((n ? n : 1) * sizeof *plain);
  if (!days || !plain) {
    bl_free(days);
    bl_free(plain);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) plain[i] = r->claims[i].c;
  rc = bl_dates_resolve(g, r->body.ptr, r->body.len, plain, n, r->pub, days, err);
  for (size_t i = 0; i < n && !rc; i++) {
    r->claims[i].dated = days[i] != BL_NO_DAY;
    r->claims[i].event_day = r->claims[i].dated ? days[i] : r->pub;
    r->claims[i].severity = severity(g, &r->claims[i].c);
  }
  bl_free(days);
  bl_free(plain);
  return rc;
}

int bl_record_build(bl_record *r, bl_doc *doc, bl_names *names, const bl_grammar *g,
                    const char *path, const bl_article *a, const bl_overrides *ov,
                    unsigned opts, bl_error *err) {
  const char *body = a->body.ptr ? a->body.ptr : "";
  int rc = bl_doc_run(doc, body, a->body.ptr ? a->body.len : 0, opts, err);
  if (rc) return rc;
  size_t n = bl_doc_claim_count(doc);
  bl_claim *claims = bl_malloc((n ? n : 1) * sizeof *claims);
  if (!claims) return bl_fail(err, BL_NOMEM, "out of memory");
  for (size_t i = 0; i < n; i++) claims[i] = *bl_doc_claim(doc, i);
  rc = bl_record_build_claims(r, names, g, path, a, ov, claims, n, err);
  bl_free(claims);
  return rc;
}
