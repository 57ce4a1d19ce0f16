/*
 * read_html_text.c — from a parsed HTML page (read_html.c) to the article:
 * its body text and metadata (SPEC §3).  The body is text this module
 * writes: block boundaries become "\n\n" (paragraphs, headings, divisions)
 * or "\n" (<br>, list items, table rows), other whitespace runs one space;
 * entities were decoded by libxml2.  Claim offsets count the bytes of that
 * text.  Rules (docs/inputs.md):
 *
 *  - left out everywhere: head, script, style, noscript, template, nav,
 *    aside, header, footer, form, figure and embedded media, the <h1>
 *    headline (it is the title, as a .txt header's is), elements with
 *    `hidden`, aria-hidden="true", display:none, a landmark role other than
 *    main, and, inside the article, blocks whose class or id names page
 *    furniture (share, comments, related, newsletter, "lire aussi", ...)
 *    unless they hold half the article's text or more;
 *  - the article is the <article> with the most text, else <main> (or
 *    role="main"), provided it holds at least half of the text of the page's
 *    paragraphs (so a teaser card is not taken for the article); else the
 *    page's <p> elements outside any <article>; else all of <body>;
 *  - title: og:title, twitter:title, <title>, <h1>; outlet: og:site_name,
 *    else the host of the url; url: og:url, <link rel=canonical>; date:
 *    article:published_time, itemprop=datePublished, a <meta name> date
 *    (date, pubdate, dc.date, ...), the first <time datetime> in the article,
 *    then in the page.
 *
 * Every walk is iterative (parent and sibling links), so no depth costs stack.
 */
#include "read_html.h"

#include <pthread.h>
#include <stdlib.h>
#include <strings.h>

/* ------------------------------------------------------------ elements */

enum {
  E_SKIP = 1 << 0, /* never part of the body */
  E_PARA = 1 << 1, /* a paragraph-level block: "\n\n" around it */
  E_LINE = 1 << 2, /* a line-level block: "\n" around it */
  E_CELL = 1 << 3, /* a table cell: a space around it */
  E_BR = 1 << 4,
  E_P = 1 << 5,      /* <p> */
  E_ARTICLE = 1 << 6 /* <article> */
};

static const struct {
  const char *name;
  unsigned flags;
} elements[] = {
    {"head", E_SKIP},     {"script", E_SKIP},     {"style", E_SKIP},
    {"noscript", E_SKIP}, {"template", E_SKIP},   {"nav", E_SKIP},
    {"aside", E_SKIP},    {"header", E_SKIP},     {"footer", E_SKIP},
    {"form", E_SKIP},     {"figure", E_SKIP},     {"figcaption", E_SKIP},
    {"iframe", E_SKIP},   {"object", E_SKIP},     {"embed", E_SKIP},
    {"svg", E_SKIP},      {"math", E_SKIP},       {"canvas", E_SKIP},
    {"video", E_SKIP},    {"audio", E_SKIP},      {"picture", E_SKIP},
    {"map", E_SKIP},      {"button", E_SKIP},     {"select", E_SKIP},
    {"textarea", E_SKIP}, {"input", E_SKIP},      {"dialog", E_SKIP},
    {"menu", E_SKIP},     {"title", E_SKIP},      {"p", E_PARA | E_P},
    {"div", E_PARA},      {"section", E_PARA},    {"article", E_PARA | E_ARTICLE},
    {"main", E_PARA},     {"h1", E_SKIP},         {"h2", E_PARA},
    {"h3", E_PARA},       {"h4", E_PARA},         {"h5", E_PARA},
    {"h6", E_PARA},       {"blockquote", E_PARA}, {"pre", E_PARA},
    {"ul", E_PARA},       {"ol", E_PARA},         {"dl", E_PARA},
    {"table", E_PARA},    {"address", E_PARA},    {"hr", E_PARA},
    {"details", E_PARA},  {"fieldset", E_PARA},   {"center", E_PARA},
    {"body", E_PARA},     {"li", E_LINE},         {"dt", E_LINE},
    {"dd", E_LINE},       {"tr", E_LINE},         {"caption", E_LINE},
    {"summary", E_LINE},  {"td", E_CELL},         {"th", E_CELL},
    {"br", E_BR},
};

/* The table sorted by name once, for bsearch. */
static struct elem {
  const char *name;
  unsigned flags;
} sorted[BL_ARRAY_LEN(elements)];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int by_name(const void *a, const void *b) {
  return strcmp(((const struct elem *)a)->name, ((const struct elem *)b)->name);
}

static void sort_elements(void) {
  for (size_t i = 0; i < BL_ARRAY_LEN(elements); i++)
    sorted[i] = (struct elem){elements[i].name, elements[i].flags};
  qsort(sorted, BL_ARRAY_LEN(sorted), sizeof sorted[0], by_name);
}

static unsigned flags_of(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
  pthread_once(&sorted_once, sort_elements);
  struct elem key = {(const char *)n->name, 0};
  const struct elem *e = bsearch(&key, sorted, BL_ARRAY_LEN(sorted), sizeof sorted[0], by_name);
  return e ? e->flags : 0;
}

static bool is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

/* An attribute's value without allocating (the HTML parser stores it as one
 * text node); NULL when absent. */
static const char *attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && !strcmp((const char *)a->name, name)) {
      const xmlNode *t = a->children;
      return t && t->type == XML_TEXT_NODE && t->content ? (const char *)t->content : "";
    }
  return NULL;
}

static bool has_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (!strncasecmp(hay, needle, n)) return true;
  return false;
}

/* Hidden from readers: `hidden`, aria-hidden, display:none, landmark roles
 * that are not the content. */
static bool hidden(const xmlNode *n) {
  if (attr(n, "hidden")) return true;
  const char *v = attr(n, "aria-hidden");
  if (v && !strcasecmp(v, "true")) return true;
  v = attr(n, "style");
  if (v) {
    char squeezed[256];
    size_t k = 0;
    for (; *v && k + 1 < sizeof squeezed; v++)
      if (*v != ' ' && *v != '\t' && *v != '\n' && *v != '\r') squeezed[k++] = *v;
    squeezed[k] = '\0';
    if (has_ci(squeezed, "display:none") || has_ci(squeezed, "visibility:hidden")) return true;
  }
  v = attr(n, "role");
  if (v) {
    static const char *const roles[] = {"navigation", "complementary", "contentinfo",
                                        "banner",     "search",        "dialog"};
    for (size_t i = 0; i < BL_ARRAY_LEN(roles); i++)
      if (!strcasecmp(v, roles[i])) return true;
  }
  return false;
}

/* Class or id naming page furniture.  Substrings catch compounds
 * ("article__share-bar", "bloc-lire-aussi"); short words must be whole
 * tokens ("ad" but not "header"). */
static bool furniture_word(const char *s, size_t n) {
  static const char *const tokens[] = {"ad",    "ads",  "pub",   "promo",  "tags", "tag",
                                       "views", "vues", "likes", "rating", "menu", "nav"};
  for (size_t i = 0; i < BL_ARRAY_LEN(tokens); i++)
    if (strlen(tokens[i]) == n && !strncasecmp(s, tokens[i], n)) return true;
  return false;
}

static bool furniture_in(const char *v) {
  static const char *const parts[] = {
      "share",     "social",   "comment",   "related",    "newsletter", "breadcrumb", "outbrain",
      "taboola",   "sponsor",  "advert",    "lire-aussi", "lireaussi",  "lire_aussi", "voir-aussi",
      "read-more", "readmore", "recommend", "most-read",  "mostread",   "subscribe",  "abonnement",
      "cookie",    "sidebar",  "widget",    "popup",      "modal",      "navigation", "pagination",
      "author",    "auteur",   "byline",    "caption",    "legende",    "credit",     "counter",
      "compteur",  "teaser",   "toolbar"};
  for (size_t i = 0; i < BL_ARRAY_LEN(parts); i++)
    if (has_ci(v, parts[i])) return true;
  for (const char *p = v; *p;) {
    while (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) p++;
    const char *w = p;
    while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') p++;
    if (p > w && furniture_word(w, (size_t)(p - w))) return true;
  }
  return false;
}

static bool furniture(const xmlNode *n) {
  const char *c = attr(n, "class"), *id = attr(n, "id");
  return (c && furniture_in(c)) || (id && furniture_in(id));
}

/* What the scan learns of each element, reached through the element's
 * application field (_private): libxml2 leaves that field to us. */
typedef struct einfo {
  size_t len;     /* non-space bytes of text under it (0 in left-out parts) */
  unsigned flags; /* E_* */
  bool skip;      /* left out wherever it is (E_SKIP or hidden) */
  bool furniture; /* class or id names page furniture */
} einfo;

static const einfo no_info = {0, 0, false, false};

static const einfo *info(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && n->_private ? n->_private : &no_info;
}

static size_t tlen(const xmlNode *n) {
  return info(n)->len;
}

static void tlen_add(xmlNode *n, size_t k) {
  if (n->type == XML_ELEMENT_NODE && n->_private) ((einfo *)n->_private)->len += k;
}

/* The node after n in document order within root, going into n's children
 * when `down`; NULL after the last. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, bool down) {
  bool container = n->type == XML_ELEMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE ||
                   n->type == XML_DOCUMENT_NODE;
  if (down && container && n->children) return n->children;
  while (n != root && !n->next) n = n->parent;
  return n == root ? NULL : n->next;
}

static bool ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ------------------------------------------------------------ metadata */

enum slot {
  S_OG_TITLE,
  S_TW_TITLE,
  S_TITLE,
  S_H1,
  S_SITE,
  S_OG_URL,
  S_CANON,
  S_DATE_ARTICLE,
  S_DATE_ITEMPROP,
  S_DATE_META,
  S_TIME_ROOT,
  S_TIME_PAGE,
  S_COUNT
};

/* ------------------------------------------------------------- writing */

enum { B_NONE, B_SPACE, B_LINE, B_PARA };

/* Text written with whitespace collapsed and breaks only between words. */
typedef struct writer {
  bl_buf *b;
  size_t base; /* where this piece began in b */
  int pending; /* B_*: the break owed before the next word */
} writer;

static void brk(writer *o, int level) {
  if (level > o->pending) o->pending = level;
}

static int text(writer *o, const char *s) {
  static const char *const sep[] = {"", " ", "\n", "\n\n"};
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    if (ws(*p)) {
      brk(o, B_SPACE);
      while (ws(*p)) p++;
      continue;
    }
    const unsigned char *w = p;
    while (*p && !ws(*p)) p++;
    if (o->b->len > o->base && o->pending && bl_buf_adds(o->b, sep[o->pending])) return BL_NOMEM;
    o->pending = B_NONE;
    if (bl_buf_add(o->b, w, (size_t)(p - w))) return BL_NOMEM;
  }
  return BL_OK;
}

typedef struct html {
  bl_reader *r;
  xmlDoc *doc;
  size_t slot_off[S_COUNT], slot_len[S_COUNT];
  bool slot_set[S_COUNT];
  xmlNode **articles, **mains; /* candidates, outermost first found */
  size_t narticles, nmains, cap_a, cap_m;
  xmlNode *body;
  size_t ptext; /* text of the page's paragraphs */
  einfo *infos; /* owned: one per element, see info() */
  size_t ninfos;
} html;

/* Store a metadata value (whitespace collapsed) in its slot, first one wins. */
static int set_slot(html *h, enum slot s, const char *v) {
  if (h->slot_set[s] || !v) return BL_OK;
  writer o = {&h->r->meta, h->r->meta.len, B_NONE};
  int rc = text(&o, v);
  if (rc) return rc;
  if (o.b->len == o.base) return BL_OK; /* empty: keep looking */
  h->slot_set[s] = true;
  h->slot_off[s] = o.base;
  h->slot_len[s] = o.b->len - o.base;
  return BL_OK;
}

/* The text of an element (for <title>) into a slot. */
static int set_slot_text(html *h, enum slot s, xmlNode *n) {
  if (h->slot_set[s]) return BL_OK;
  writer o = {&h->r->meta, h->r->meta.len, B_NONE};
  for (xmlNode *c = n; c; c = next_node(c, n, true))
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      int rc = text(&o, (const char *)c->content);
      if (rc) return rc;
    }
  if (o.b->len == o.base) return BL_OK;
  h->slot_set[s] = true;
  h->slot_off[s] = o.base;
  h->slot_len[s] = o.b->len - o.base;
  return BL_OK;
}

static bool in_list(const char *v, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcasecmp(v, list[i])) return true;
  return false;
}

/* <meta>, <link>, <title>, <time> and itemprop anywhere in the page. */
static int metadata(html *h, xmlNode *n) {
  static const char *const date_names[] = {
      "date",          "pubdate",          "publishdate",      "publish-date",   "publish_date",
      "dc.date",       "dc.date.issued",   "dcterms.date",     "dcterms.issued", "dcterms.created",
      "sailthru.date", "parsely-pub-date", "article.published"};
  int rc = BL_OK;
  const char *ip = attr(n, "itemprop");
  if (ip && !strcasecmp(ip, "datePublished")) {
    const char *v = attr(n, "content");
    rc = set_slot(h, S_DATE_ITEMPROP, v ? v : attr(n, "datetime"));
    if (rc) return rc;
  }
  if (is(n, "meta")) {
    const char *key = attr(n, "property"), *v = attr(n, "content");
    if (!key) key = attr(n, "name");
    if (!key || !v) return BL_OK;
    if (!strcasecmp(key, "og:title"))
      rc = set_slot(h, S_OG_TITLE, v);
    else if (!strcasecmp(key, "twitter:title"))
      rc = set_slot(h, S_TW_TITLE, v);
    else if (!strcasecmp(key, "og:site_name"))
      rc = set_slot(h, S_SITE, v);
    else if (!strcasecmp(key, "og:url"))
      rc = set_slot(h, S_OG_URL, v);
    else if (!strcasecmp(key, "article:published_time"))
      rc = set_slot(h, S_DATE_ARTICLE, v);
    else if (in_list(key, date_names, BL_ARRAY_LEN(date_names)))
      rc = set_slot(h, S_DATE_META, v);
  } else if (is(n, "link")) {
    const char *rel = attr(n, "rel");
    if (rel && has_ci(rel, "canonical")) rc = set_slot(h, S_CANON, attr(n, "href"));
  } else if (is(n, "title")) {
    rc = set_slot_text(h, S_TITLE, n);
  } else if (is(n, "h1")) {
    rc = set_slot_text(h, S_H1, n);
  } else if (is(n, "time")) {
    rc = set_slot(h, S_TIME_PAGE, attr(n, "datetime"));
  }
  return rc;
}

/* ----------------------------------------------------------------- scan */

static int push(xmlNode ***list, size_t *len, size_t *cap, xmlNode *n) {
  if (bl_grow((void **)list, cap, *len + 1, sizeof(xmlNode *))) return BL_NOMEM;
  (*list)[(*len)++] = n;
  return BL_OK;
}

/*
 * One pass over the whole document: metadata, the text length of every
 * element outside the left-out subtrees, candidate <article>/<main>
 * elements and the paragraph text.  Iterative: the tree can be as deep as
 * libxml2 allows without costing stack.
 */
static int scan(html *h) {
  xmlNode *top = (xmlNode *)h->doc, *n = top, *out_at = NULL;
  size_t in_article = 0, nelem = 0;
  if (!top) return BL_OK;
  for (xmlNode *k = top; k; k = next_node(k, top, true)) nelem += k->type == XML_ELEMENT_NODE;
  h->infos = bl_calloc(nelem + 1, sizeof *h->infos);
  if (!h->infos) return BL_NOMEM;
  for (;;) {
    bool down = false;
    n->_private = NULL;
    if (n->type == XML_ELEMENT_NODE) {
      if (h->ninfos < nelem) {
        einfo *e = &h->infos[h->ninfos++];
        e->flags = flags_of(n);
        e->skip = (e->flags & E_SKIP) || hidden(n);
        e->furniture = furniture(n);
        n->_private = e;
      }
      int rc = metadata(h, n);
      if (rc) return rc;
      if (!out_at && info(n)->skip) out_at = n;
      if (!out_at) {
        const char *role = attr(n, "role");
        if (is(n, "body") && !h->body) h->body = n;
        if ((info(n)->flags & E_ARTICLE) && in_article++ == 0)
          rc = push(&h->articles, &h->narticles, &h->cap_a, n);
        else if (is(n, "main") || (role && strcasecmp(role, "main") == 0))
          rc = push(&h->mains, &h->nmains, &h->cap_m, n);
        if (rc) return rc;
      }
      down = n->children != NULL;
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && !out_at &&
               n->parent && n->content) {
      size_t k = 0;
      for (const unsigned char *p = n->content; *p; p++) k += !ws(*p);
      tlen_add(n->parent, k);
    } else if (n->type == XML_HTML_DOCUMENT_NODE || n->type == XML_DOCUMENT_NODE) {
      down = n->children != NULL;
    }
    if (down) {
      n = n->children;
      continue;
    }
    /* Leave n and every ancestor whose last child it was. */
    for (;;) {
      if (n->type == XML_ELEMENT_NODE) {
        if (n == out_at) {
          out_at = NULL;
        } else if (!out_at) {
          if (info(n)->flags & E_ARTICLE) in_article--;
          if (info(n)->flags & E_P) h->ptext += tlen(n);
          if (n->parent && n->parent != top) tlen_add(n->parent, tlen(n));
        }
      }
      if (n == top) return BL_OK;
      if (n->next) break;
      n = n->parent;
      if (!n) return BL_OK;
    }
    n = n->next;
  }
}

/* The candidate with the most text, if it holds at least half the text of
 * the page's paragraphs. */
static xmlNode *best(xmlNode **list, size_t n, size_t ptext) {
  xmlNode *b = NULL;
  for (size_t i = 0; i < n; i++)
    if (!b || tlen(list[i]) > tlen(b)) b = list[i];
  return b && tlen(b) > 0 && tlen(b) >= ptext / 2 + ptext % 2 ? b : NULL;
}

/* The first <time datetime> under root, left-out parts included (the
 * article's own <header> carries its date). */
static int time_in(html *h, xmlNode *root) {
  for (xmlNode *n = root; n; n = next_node(n, root, true))
    if (is(n, "time") && attr(n, "datetime")) return set_slot(h, S_TIME_ROOT, attr(n, "datetime"));
  return BL_OK;
}

/* ----------------------------------------------------------------- emit */

static void open_close(writer *o, unsigned f, bool opening) {
  if (f & E_PARA)
    brk(o, B_PARA);
  else if (f & E_LINE)
    brk(o, B_LINE);
  else if (f & E_CELL)
    brk(o, B_SPACE);
  else if ((f & E_BR) && opening)
    brk(o, o->pending >= B_LINE ? B_PARA : B_LINE);
}

/*
 * Write the text under root into o.  With p_only, only the text inside <p>
 * elements (the paragraphs fallback).  `whole` is the text length the
 * furniture rule compares a block with.
 */
static int emit(writer *o, xmlNode *root, bool p_only, size_t whole) {
  xmlNode *n = root;
  size_t in_p = 0;
  for (;;) {
    bool down = false;
    if (n->type == XML_ELEMENT_NODE) {
      /* In the paragraphs fallback an <article> is some other article (a
       * teaser card): the page's own was not good enough to be chosen. */
      const einfo *e = info(n);
      bool keep = n == root || !(e->skip || (p_only && (e->flags & E_ARTICLE)) ||
                                 (e->furniture && e->len * 2 < whole));
      if (keep) {
        unsigned f = e->flags;
        if (f & E_P) in_p++;
        open_close(o, f, true);
        down = n->children != NULL;
        if (!down) {
          open_close(o, f, false);
          if (f & E_P) in_p--;
        }
      }
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
               (!p_only || in_p)) {
      int rc = text(o, (const char *)n->content);
      if (rc) return rc;
    }
    if (down) {
      n = n->children;
      continue;
    }
    while (n != root && !n->next) {
      n = n->parent;
      open_close(o, info(n)->flags, false);
      if (info(n)->flags & E_P) in_p--;
    }
    if (n == root) return BL_OK;
    n = n->next;
  }
}

/* The host of an http(s) URL, without "www.": the outlet when the page does
 * not name itself. */
static bl_str url_host(bl_str url) {
  if (!url.ptr) return bl_str_null();
  const char *s = url.ptr, *e = url.ptr + url.len;
  const char *p = NULL;
  for (const char *q = s; q + 2 < e; q++)
    if (q[0] == ':' && q[1] == '/' && q[2] == '/') {
      p = q + 3;
      break;
    }
  if (!p) return bl_str_null();
  const char *h = p;
  while (p < e && *p != '/' && *p != '?' && *p != '#') p++;
  const char *at = memchr(h, '@', (size_t)(p - h));
  if (at) h = at + 1;
  const char *colon = memchr(h, ':', (size_t)(p - h));
  const char *end = colon ? colon : p;
  if ((size_t)(end - h) > 4 && !strncasecmp(h, "www.", 4)) h += 4;
  return end > h ? bl_str_make(h, (size_t)(end - h)) : bl_str_null();
}

static bl_str slot(const html *h, enum slot s) {
  return h->slot_set[s] ? bl_str_make(h->r->meta.ptr + h->slot_off[s], h->slot_len[s])
                        : bl_str_null();
}

static bl_str first(bl_str a, bl_str b) {
  return a.ptr ? a : b;
}

/* Body and metadata of doc into a (borrowing r->text and r->meta). */
static int extract(html *h, bl_article *a) {
  bl_reader *r = h->r;
  int rc = scan(h);
  if (rc) return rc;
  xmlNode *root = best(h->articles, h->narticles, h->ptext);
  if (!root) root = best(h->mains, h->nmains, h->ptext);
  bool p_only = false;
  size_t whole;
  if (root) {
    whole = tlen(root);
  } else {
    root = h->body ? h->body : xmlDocGetRootElement(h->doc);
    p_only = h->ptext > 0;
    whole = p_only ? h->ptext : (root ? tlen(root) : 0);
  }
  if (root) {
    writer o = {&r->text, 0, B_NONE};
    if ((rc = emit(&o, root, p_only, whole)) || (rc = time_in(h, root))) return rc;
  }
  a->body = bl_str_make(r->text.ptr ? r->text.ptr : "", r->text.len);
  a->title = first(slot(h, S_OG_TITLE),
                   first(slot(h, S_TW_TITLE), first(slot(h, S_TITLE), slot(h, S_H1))));
  a->url = first(slot(h, S_OG_URL), slot(h, S_CANON));
  a->outlet = first(slot(h, S_SITE), url_host(a->url));
  a->date =
      first(slot(h, S_DATE_ARTICLE),
            first(slot(h, S_DATE_ITEMPROP),
                  first(slot(h, S_DATE_META), first(slot(h, S_TIME_ROOT), slot(h, S_TIME_PAGE)))));
  if (a->date.ptr && bl_date_norm(a->date.ptr, a->date.len, r->date))
    a->date = bl_str_make(r->date, 10);
  return BL_OK;
}

int bl_html_extract(xmlDoc *doc, bl_reader *r, bl_article *a) {
  html h;
  memset(&h, 0, sizeof h);
  h.r = r;
  h.doc = doc;
  bl_buf_reset(&r->text);
  bl_buf_reset(&r->meta);
  int rc = extract(&h, a);
  bl_free(h.articles);
  bl_free(h.mains);
  bl_free(h.infos);
  return rc;
}
