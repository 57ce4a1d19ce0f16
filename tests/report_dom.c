/*
 * report_dom.c — checks a report as a browser built it (the DOM Chromium
 * dumps after loading the page) against what the database holds.
 *
 *   report_dom DOM.html EVENTS.jsonl CHARTS.jsonl CONFLICTS.jsonl SHOT.png
 *
 * The .jsonl files are `bilan query --format json` output: every event
 * ({"event"}), every toll that has a chart ({"event","category","grp",
 * "unit"}), every row of the conflicts view ({"kind","a","b"}).  Each must be
 * on the page, and nothing else: a section per event, an <svg class="chart">
 * per toll, a list item per conflict whose two claims have their rows, every
 * link of a chart pointing at a row that exists.  The screenshot must be a
 * PNG of the window's size with enough in it to not be blank.
 * Exit 0 when all holds, 1 with the reasons otherwise.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

__attribute__((format(printf, 1, 2))) static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("report_dom: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  failures++;
}

/* A set of strings, as a sorted array (small). */
typedef struct set {
  char **v;
  size_t n, cap;
} set;

static void set_add(set *s, const char *k) {
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 16;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
    if (!s->v) abort();
  }
  s->v[s->n] = strdup(k);
  if (!s->v[s->n]) abort();
  s->n++;
}

static bool set_has(const set *s, const char *k) {
  for (size_t i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], k)) return true;
  return false;
}

static void set_free(set *s) {
  for (size_t i = 0; i < s->n; i++) free(s->v[i]);
  free(s->v);
}

/* Every value of `xpath` (attributes or text) in doc. */
static void collect(xmlXPathContextPtr cx, const char *xpath, set *out) {
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)xpath, cx);
  if (!r) {
    fail("bad XPath %s", xpath);
    return;
  }
  for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
    xmlChar *v = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
    set_add(out, v ? (const char *)v : "");
    xmlFree(v);
  }
  xmlXPathFreeObject(r);
}

/* A key from a JSON object's fields, joined by '|' (null and "" alike). */
static void key_of(json_t *o, const char *const *fields, char *out, size_t cap) {
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; fields[i]; i++) {
    json_t *v = json_object_get(o, fields[i]);
    char num[32];
    const char *s = "";
    if (json_is_string(v)) s = json_string_value(v);
    else if (json_is_integer(v)) {
      snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
      s = num;
    }
    n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", i ? "|" : "", s);
  }
}

static void load(const char *path, const char *const *fields, set *out) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fail("cannot read %s", path);
    return;
  }
  char line[4096], key[1024];
  while (fgets(line, sizeof line, f)) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je);
    if (!json_is_object(o)) {
      fail("%s: not a JSON object: %s", path, line);
      json_decref(o);
      continue;
    }
    key_of(o, fields, key, sizeof key);
    set_add(out, key);
    json_decref(o);
  }
  fclose(f);
}

/* want ⊆ got and got ⊆ want, naming each difference. */
static void same(const char *what, const set *want, const set *got) {
  for (size_t i = 0; i < want->n; i++)
    if (!set_has(got, want->v[i])) fail("%s missing from the page: %s", what, want->v[i]);
  for (size_t i = 0; i < got->n; i++)
    if (!set_has(want, got->v[i])) fail("%s on the page but not in the database: %s", what, got->v[i]);
}

/* The charts on the page as "event|category|group|unit". */
static void page_charts(xmlXPathContextPtr cx, set *out) {
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)"//svg[@class='chart']", cx);
  static const char *const attrs[] = {"data-event", "data-category", "data-group", "data-unit"};
  for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
    xmlNodePtr n = r->nodesetval->nodeTab[i];
    char key[1024];
    size_t k = 0;
    key[0] = '\0';
    for (size_t a = 0; a < 4; a++) {
      xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
      k += (size_t)snprintf(key + k, k < sizeof key ? sizeof key - k : 0, "%s%s", a ? "|" : "",
                            v ? (const char *)v : "");
      xmlFree(v);
    }
    if (set_has(out, key)) fail("chart drawn twice: %s", key);
    set_add(out, key);
  }
  xmlXPathFreeObject(r);
}

/* Conflicts on the page as "kind|a|b", each with its two claim rows. */
static void page_conflicts(xmlXPathContextPtr cx, const set *rows, set *out) {
  xmlXPathObjectPtr r = xmlXPathEvalExpression(
      (const xmlChar *)"//li[@class='conflict' or @class='revision']", cx);
  for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
    xmlNodePtr n = r->nodesetval->nodeTab[i];
    xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
    xmlChar *a = xmlGetProp(n, (const xmlChar *)"data-a");
    xmlChar *b = xmlGetProp(n, (const xmlChar *)"data-b");
    char key[256], ra[64], rb[64];
    snprintf(key, sizeof key, "%s|%s|%s",
             cls && !strcmp((const char *)cls, "revision") ? "revised_down" : "conflict",
             a ? (const char *)a : "", b ? (const char *)b : "");
    snprintf(ra, sizeof ra, "claim-%s", a ? (const char *)a : "");
    snprintf(rb, sizeof rb, "claim-%s", b ? (const char *)b : "");
    if (!set_has(rows, ra)) fail("conflict %s: no row %s", key, ra);
    if (!set_has(rows, rb)) fail("conflict %s: no row %s", key, rb);
    set_add(out, key);
    xmlFree(cls);
    xmlFree(a);
    xmlFree(b);
  }
  xmlXPathFreeObject(r);
}

/* The PNG: signature, IHDR size, and bytes enough for a page with content
 * (a blank 1400×3000 window compresses to a few kilobytes). */
static void check_png(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fail("no screenshot %s", path);
    return;
  }
  unsigned char h[24];
  size_t got = fread(h, 1, sizeof h, f);
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fclose(f);
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (got < 24 || memcmp(h, sig, 8) || memcmp(h + 12, "IHDR", 4)) {
    fail("%s is not a PNG", path);
    return;
  }
  uint32_t w = (uint32_t)h[16] << 24 | (uint32_t)h[17] << 16 | (uint32_t)h[18] << 8 | h[19];
  uint32_t ht = (uint32_t)h[20] << 24 | (uint32_t)h[21] << 16 | (uint32_t)h[22] << 8 | h[23];
  char dims[64];
  snprintf(dims, sizeof dims, "%ux%u", w, ht);
  if (w < 1000 || ht < 2000) fail("screenshot %s is only %s", path, dims);
  if (size < 60000) fail("screenshot %s looks blank (%s pixels, few bytes)", path, dims);
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr,
            "usage: report_dom DOM.html EVENTS.jsonl CHARTS.jsonl CONFLICTS.jsonl SHOT.png\n");
    return 2;
  }
  htmlDocPtr doc = htmlReadFile(argv[1], "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET);
  if (!doc) {
    fprintf(stderr, "report_dom: cannot parse %s\n", argv[1]);
    return 1;
  }
  xmlXPathContextPtr cx = xmlXPathNewContext(doc);

  static const char *const ev_fields[] = {"event", NULL};
  static const char *const ch_fields[] = {"event", "category", "grp", "unit", NULL};
  static const char *const cf_fields[] = {"kind", "a", "b", NULL};
  set want_ev = {0}, want_ch = {0}, want_cf = {0}, ev = {0}, ch = {0}, cf = {0}, rows = {0},
      links = {0};
  load(argv[2], ev_fields, &want_ev);
  load(argv[3], ch_fields, &want_ch);
  load(argv[4], cf_fields, &want_cf);
  if (!want_ev.n || !want_ch.n || !want_cf.n) fail("the database gave no events, charts or conflicts");

  collect(cx, "//section[@class='event']/@data-event", &ev);
  collect(cx, "//tr[starts-with(@id,'claim-')]/@id", &rows);
  page_charts(cx, &ch);
  page_conflicts(cx, &rows, &cf);
  same("event", &want_ev, &ev);
  same("chart", &want_ch, &ch);
  same("conflict", &want_cf, &cf);

  /* Every mark of every chart links to a row of the page. */
  collect(cx, "//svg[@class='chart']//a/@href", &links);
  size_t marks = 0;
  for (size_t i = 0; i < links.n; i++) {
    const char *h = links.v[i];
    if (strncmp(h, "#claim-", 7)) continue;
    marks++;
    if (!set_has(&rows, h + 1)) fail("chart links to %s, which is not on the page", h);
  }
  if (marks < ch.n) fail("fewer chart marks than charts");
  check_png(argv[5]);

  printf("report_dom: %zu events, %zu charts (%zu marks), %zu conflicts, %zu claim rows\n",
         ev.n, ch.n, marks, cf.n, rows.n);
  set *all[] = {&want_ev, &want_ch, &want_cf, &ev, &ch, &cf, &rows, &links};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) set_free(all[i]);
  xmlXPathFreeContext(cx);
  xmlFreeDoc(doc);
  xmlCleanupParser();
  return failures ? 1 : 0;
}
