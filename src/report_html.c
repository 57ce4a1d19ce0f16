/*
 * report_html.c — layer 8: the page of `bilan report` (report.h).  One
 * self-contained HTML file: inline CSS, inline SVG, no script, no font or
 * anything else fetched.  Per event, most recent first: the outlets'
 * colours, the conflicts, then for each toll its chart and the table of its
 * claims (the sentence with the figure marked, outlet, date, source, link
 * to the article); the figures of categories that are not compared and the
 * articles close the section.  Anchors: "event-<key>", "toll-…",
 * "conflict-<n>", "claim-<id>".
 */
#include "report.h"

#include <math.h>
#include <strings.h>

static const char style[] =
    "<style>\n"
    ":root{--ink:#1d2129;--mute:#5f6673;--line:#e1e3e8;--red:#d62728;--bg:#fff}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#f7f8fa;color:var(--ink);"
    "font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}\n"
    "main{max-width:960px;margin:0 auto;padding:24px 20px 60px}\n"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:0 0 2px}"
    "h3{font-size:16px;margin:22px 0 6px}\n"
    ".meta{color:var(--mute);margin:0 0 12px}\n"
    "section.event,nav.toc,section.howto{background:var(--bg);border:1px solid var(--line);"
    "border-radius:8px;padding:18px 20px;margin:18px 0}\n"
    "nav.toc ul{margin:6px 0 0;padding-left:18px}nav.toc li{margin:2px 0}\n"
    "a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:6px 0 4px;font-size:13px}\n"
    ".sw{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:5px;"
    "vertical-align:-1px}\n"
    ".conflicts ol{margin:4px 0;padding-left:24px}.conflicts li{margin:5px 0}\n"
    ".conflicts li:target,tr:target{background:#fff4c2}\n"
    ".kind{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;"
    "letter-spacing:.03em;border-radius:3px;padding:0 5px;margin-right:6px;color:#fff;"
    "background:var(--red)}.kind.rev{background:#6b7280}\n"
    ".red{color:var(--red)}.neq{color:var(--red);font-weight:700;margin:0 4px}\n"
    "h3 .sub{font-weight:400;color:var(--mute);font-size:13px;margin-left:8px}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "svg text{font:11px system-ui,'DejaVu Sans',sans-serif;fill:#4b5260}\n"
    "svg .year{fill:#8a909c}svg .voice-label{fill:#2b303a}svg .fig{font-weight:600}\n"
    "svg .voice{fill:none;stroke:#b9bec8;stroke-width:1.5}\n"
    "svg .leader{fill:none;stroke:#c9cdd5;stroke-dasharray:2 2}\n"
    "svg .conflict line{stroke:var(--red);stroke-width:1.8;stroke-dasharray:6 4}\n"
    "svg .revision line{stroke:#6b7280;stroke-width:1.6;stroke-dasharray:2 3}\n"
    "svg line.hit{stroke:transparent!important;stroke-width:10!important;"
    "stroke-dasharray:none!important}\n"
    "svg .ring{fill:none;stroke:var(--red);stroke-width:1.6}\n"
    "svg.key{margin:4px 0 2px}\n"
    "table{border-collapse:collapse;width:100%;font-size:12.5px;margin:4px 0 8px}\n"
    "th{text-align:left;font-weight:600;color:var(--mute);border-bottom:1px solid var(--line);"
    "padding:4px 6px}\n"
    "td{vertical-align:top;border-bottom:1px solid #eef0f3;padding:4px 6px}\n"
    "td.date{white-space:nowrap}td.fig{white-space:nowrap}td.fig b{font-weight:600}\n"
    ".iv{color:var(--mute)}\n"
    "tr.in-conflict td:first-child{box-shadow:inset 3px 0 var(--red)}\n"
    "tr.off td{color:#80868f}\n"
    ".tag{font-size:11px;color:var(--mute);border:1px solid var(--line);border-radius:3px;"
    "padding:0 4px;margin-left:4px;white-space:nowrap}\n"
    ".tag.c{color:var(--red);border-color:#f0b7b7}\n"
    "td.sent{color:#3b414d}mark{background:#ffe680;color:inherit;padding:0 1px;"
    "border-radius:2px}\n"
    "details{margin:12px 0 0}summary{cursor:pointer;font-weight:600}\n"
    "footer{color:var(--mute);text-align:center;font-size:12px}\n"
    "</style>\n";

typedef struct page {
  bl_buf *b;
  const bl_rp *r;
  int rc; /* sticky BL_NOMEM */
} page;

static void put(page *p, const char *s) {
  p->rc |= bl_buf_adds(p->b, s);
}
static void esc(page *p, const char *s) {
  p->rc |= bl_html_escs(p->b, s);
}
static void num(page *p, double v) {
  p->rc |= bl_rp_num(p->b, v);
}
#define PUTF(p, ...) ((p)->rc |= bl_buf_printf((p)->b, __VA_ARGS__))

static void event_id(page *p, const bl_rp_event *e) {
  put(p, "event-");
  p->rc |= bl_html_id(p->b, e->key);
}

static void series_id(page *p, const bl_rp_series *s) {
  put(p, "toll-");
  p->rc |= bl_html_id(p->b, p->r->events[s->event].key);
  put(p, "-");
  p->rc |= bl_html_id(p->b, s->category);
  if (s->grp) put(p, "-"), p->rc |= bl_html_id(p->b, s->grp);
  if (s->unit_key) put(p, "--"), p->rc |= bl_html_id(p->b, s->unit_key);
}

static void day_range(page *p, int32_t a, int32_t z) {
  if (a == BL_NO_DAY) {
    put(p, "undated");
    return;
  }
  char ia[11], iz[11];
  bl_day_format(a, ia);
  bl_day_format(z, iz);
  p->rc |= bl_rp_day_short(p->b, a);
  if (z != a) {
    if (memcmp(ia, iz, 4)) PUTF(p, " %.4s", ia);
    put(p, " – ");
    p->rc |= bl_rp_day_short(p->b, z);
  }
  PUTF(p, " %.4s", iz);
}

static bool is_web(const char *url) {
  return url && (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8));
}

/* The article's outlet with its colour, linked to the article when it has
 * a web address (other schemes are never made links). */
static void outlet_cell(page *p, const bl_rp_article *a) {
  PUTF(p, "<span class=\"sw\" style=\"background:%s\"></span>", bl_rp_colour(a->outlet_ix));
  if (is_web(a->url)) {
    put(p, "<a href=\"");
    esc(p, a->url);
    put(p, "\" title=\"");
    esc(p, a->title ? a->title : a->url);
    put(p, "\">");
    esc(p, a->outlet ? a->outlet : "article");
    put(p, "</a>");
  } else {
    esc(p, a->outlet ? a->outlet : "unknown outlet");
    put(p, "<br><span class=\"iv\">");
    esc(p, a->url ? a->url : a->path);
    put(p, "</span>");
  }
  if (a->origin_id)
    put(p, "<span class=\"tag\" title=\"a copy of an earlier dispatch\">copy</span>");
}

/* The claim's sentence with the figure marked; a long sentence is cut to
 * the words around the figure. */
static void sentence(page *p, const bl_rp_claim *c) {
  const char *s = c->sentence;
  size_t n = c->sentence_len, ms = c->mark_start, me = c->mark_end;
  if (!me) {
    p->rc |= bl_html_esc(p->b, s, n);
    return;
  }
  size_t from = 0, to = n;
  if (n > 420) {
    if (ms > 200) {
      from = ms - 200;
      while (from < ms && s[from] != ' ') from++;
    }
    if (n - me > 200) {
      to = me + 200;
      while (to > me && s[to] != ' ') to--;
    }
  }
  if (from) put(p, "… ");
  p->rc |= bl_html_esc(p->b, s + from, ms - from);
  put(p, "<mark>");
  p->rc |= bl_html_esc(p->b, s + ms, me - ms);
  put(p, "</mark>");
  p->rc |= bl_html_esc(p->b, s + me, to - me);
  if (to < n) put(p, " …");
}

/* Why a claim of a toll is not on its chart. */
static const char *off_chart(const bl_rp_claim *c) {
  if (c->charted) return NULL;
  if (c->negated) return "zero or denial";
  if (c->sub_count) return "sub-count";
  if (c->cumulative == 0) return "delta";
  if (c->unit_kind == BL_RP_PERCENT) return "percent";
  if (c->unit_kind == BL_RP_MONEY) return "money";
  if (c->day == BL_NO_DAY) return "undated";
  return "no bound";
}

static void claim_row(page *p, const bl_rp_claim *c, const bl_rp_event *e) {
  const bl_rp *r = p->r;
  const bl_rp_article *a = &r->articles[c->article];
  const char *off = c->compared ? off_chart(c) : NULL;
  PUTF(p, "<tr id=\"claim-%lld\"", (long long)c->id);
  if (c->conflict >= 0)
    put(p, " class=\"in-conflict\"");
  else if (off)
    put(p, " class=\"off\"");
  put(p, "><td class=\"date\">");
  esc(p, c->date ? c->date : "—");
  put(p, "</td><td>");
  outlet_cell(p, a);
  put(p, "</td><td>");
  esc(p, c->source ? c->source : "—");
  if (c->channel) put(p, "<br><span class=\"iv\">via "), esc(p, c->channel), put(p, "</span>");
  put(p, "</td><td class=\"fig\"><b>");
  esc(p, c->text);
  put(p, "</b><br><span class=\"iv\">");
  p->rc |= bl_rp_interval(p->b, c);
  put(p, "</span>");
  if (!c->compared) put(p, " <span class=\"tag\">"), esc(p, c->category), put(p, "</span>");
  if (c->status) put(p, "<span class=\"tag\">"), esc(p, c->status), put(p, "</span>");
  if (off) PUTF(p, "<span class=\"tag\" title=\"not on the chart\">%s</span>", off);
  size_t n, tags = 0, more = 0;
  const size_t *near = bl_rp_conflicts_near(r, (size_t)(c - r->claims), &n);
  for (size_t j = 0; j < n; j++) {
    size_t k = near[j];
    if (!bl_rp_in_conflict(r, k, (size_t)(c - r->claims))) continue;
    if (tags == BL_RP_TAGS_MAX || !bl_rp_listed(r, k)) {
      more++;
      continue;
    }
    tags++;
    PUTF(p, "<a class=\"tag c\" href=\"#conflict-%zu\">%s %zu</a>", k + 1,
         r->conflicts[k].revised_down ? "revision" : "conflict", k - e->conflict_first + 1);
  }
  if (more) PUTF(p, "<span class=\"tag c\">+%zu more</span>", more);
  put(p, "</td><td class=\"sent\" lang=\"fr\">");
  sentence(p, c);
  put(p, "</td></tr>\n");
}

static void claims_table(page *p, const bl_rp_event *e, size_t first, size_t n) {
  put(p, "<table class=\"claims\"><thead><tr><th>Date</th><th>Outlet</th><th>Source</th>"
         "<th>Figure</th><th>In the article</th></tr></thead><tbody>\n");
  for (size_t i = first; i < first + n; i++) claim_row(p, &p->r->claims[i], e);
  put(p, "</tbody></table>\n");
}

/* "ministère de l'Intérieur (outlet, 11 Feb): “41” = 41" linked to its row. */
static void conflict_side(page *p, const bl_rp_claim *c) {
  const bl_rp_article *a = &p->r->articles[c->article];
  PUTF(p, "<a href=\"#claim-%lld\">", (long long)c->id);
  esc(p, c->source ? c->source : "no source named");
  put(p, "</a> <span class=\"iv\">(");
  esc(p, a->outlet ? a->outlet : "unknown outlet");
  if (c->day != BL_NO_DAY) put(p, ", "), p->rc |= bl_rp_day_short(p->b, c->day);
  put(p, ")</span> “");
  esc(p, c->text);
  put(p, "” <span class=\"iv\">");
  p->rc |= bl_rp_interval(p->b, c);
  put(p, "</span>");
}

static void conflict_list(page *p, const bl_rp_event *e) {
  const bl_rp *r = p->r;
  size_t nc = 0, nr = 0;
  for (size_t k = e->conflict_first; k < e->conflict_first + e->nconflicts; k++)
    r->conflicts[k].revised_down ? nr++ : nc++;
  put(p, "<div class=\"conflicts\"><h3>");
  if (nc) PUTF(p, "%zu conflict%s", nc, nc > 1 ? "s" : "");
  if (nc && nr) put(p, ", ");
  if (nr) PUTF(p, "%zu revision%s down", nr, nr > 1 ? "s" : "");
  put(p, "</h3><ol>\n");
  size_t shown = e->nconflicts < BL_RP_LIST_MAX ? e->nconflicts : BL_RP_LIST_MAX;
  for (size_t k = e->conflict_first; k < e->conflict_first + shown; k++) {
    const bl_rp_conflict *cf = &r->conflicts[k];
    const bl_rp_series *s = &r->series[cf->series];
    const bl_rp_claim *a = &r->claims[cf->a], *b = &r->claims[cf->b];
    PUTF(p, "<li id=\"conflict-%zu\" value=\"%zu\" class=\"%s\" data-a=\"%lld\" data-b=\"%lld\">",
         k + 1, k - e->conflict_first + 1, cf->revised_down ? "revision" : "conflict",
         (long long)a->id, (long long)b->id);
    PUTF(p, "<span class=\"kind%s\">%s</span><a href=\"#", cf->revised_down ? " rev" : "",
         cf->revised_down ? "revised down" : "conflict");
    series_id(p, s);
    put(p, "\">");
    p->rc |= bl_rp_series_title(p->b, s);
    put(p, "</a>: ");
    conflict_side(p, a);
    put(p, cf->revised_down ? " <span class=\"neq\">→</span> " : " <span class=\"neq\">≠</span> ");
    conflict_side(p, b);
    if (cf->reports > 1) PUTF(p, " <span class=\"iv\">· %ld reports</span>", cf->reports);
    put(p, "</li>\n");
  }
  put(p, "</ol>");
  if (shown < e->nconflicts) {
    PUTF(p, "<p class=\"meta\">and %zu more: <code>bilan conflicts --event ",
         e->nconflicts - shown);
    esc(p, e->key);
    put(p, "</code> lists them all.</p>");
  }
  put(p, "</div>\n");
}

static void legend(page *p, const bl_rp_event *e) {
  const bl_rp *r = p->r;
  put(p, "<div class=\"legend\" aria-label=\"outlets\">");
  for (size_t i = 0; i < e->narticles; i++) {
    const bl_rp_article *a = &r->articles[e->article_first + i];
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++) {
      const bl_rp_article *o = &r->articles[e->article_first + j];
      seen = o->outlet_ix == a->outlet_ix;
    }
    if (seen) continue;
    PUTF(p, "<span><span class=\"sw\" style=\"background:%s\"></span>", bl_rp_colour(a->outlet_ix));
    esc(p, a->outlet ? a->outlet : "unknown outlet");
    put(p, "</span>");
  }
  put(p, "</div>\n");
}

static void articles_table(page *p, const bl_rp_event *e) {
  const bl_rp *r = p->r;
  PUTF(p, "<details class=\"articles\"><summary>Articles (%zu)</summary>", e->narticles);
  put(p, "<table><thead><tr><th>Published</th><th>Outlet</th><th>Title</th></tr></thead>"
         "<tbody>\n");
  for (size_t i = 0; i < e->narticles; i++) {
    const bl_rp_article *a = &r->articles[e->article_first + i];
    PUTF(p, "<tr id=\"article-%lld\"><td class=\"date\">", (long long)a->id);
    esc(p, a->published ? a->published : "—");
    put(p, "</td><td>");
    outlet_cell(p, a);
    put(p, "</td><td lang=\"fr\">");
    esc(p, a->title ? a->title : a->path);
    if (a->origin_id)
      PUTF(p, " <a class=\"tag\" href=\"#article-%lld\">copy of</a>", (long long)a->origin_id);
    put(p, "</td></tr>\n");
  }
  put(p, "</tbody></table></details>\n");
}

static void series_block(page *p, const bl_rp_series *s, const bl_rp_event *e) {
  put(p, "<section class=\"toll\" id=\"");
  series_id(p, s);
  put(p, "\"><h3>");
  p->rc |= bl_rp_series_title(p->b, s);
  put(p, "<span class=\"sub\">");
  PUTF(p, "%zu figure%s from %zu source%s", s->n, s->n > 1 ? "s" : "", s->nvoices,
       s->nvoices > 1 ? "s" : "");
  size_t nc = s->nconflicts, nr = s->nrevisions;
  if (nc) PUTF(p, " · <span class=\"red\">%zu conflict%s</span>", nc, nc > 1 ? "s" : "");
  if (nr) PUTF(p, " · %zu revision%s down", nr, nr > 1 ? "s" : "");
  put(p, "</span></h3>\n");
  if (s->ncharted) p->rc |= bl_rp_svg(p->b, p->r, s);
  claims_table(p, e, s->first, s->n);
  put(p, "</section>\n");
}

static void event_section(page *p, const bl_rp_event *e) {
  const bl_rp *r = p->r;
  put(p, "<section class=\"event\" id=\"");
  event_id(p, e);
  put(p, "\" data-event=\"");
  esc(p, e->key);
  put(p, "\"><h2>");
  esc(p, e->key);
  put(p, "</h2><p class=\"meta\">");
  day_range(p, e->pub_min, e->pub_max);
  PUTF(p, " · %zu article%s from %zu outlet%s · %zu claim%s</p>\n", e->narticles,
       e->narticles > 1 ? "s" : "", e->noutlets, e->noutlets == 1 ? "" : "s", e->nclaims,
       e->nclaims == 1 ? "" : "s");
  legend(p, e);
  if (e->nconflicts) conflict_list(p, e);
  for (size_t i = 0; i < e->nseries; i++) series_block(p, &r->series[e->series_first + i], e);
  if (e->nother) {
    PUTF(p,
         "<details class=\"other\"><summary>Other figures (%zu): money, percentages, "
         "counts that are not tolls</summary>\n",
         e->nother);
    claims_table(p, e, e->other_first, e->nother);
    put(p, "</details>\n");
  }
  articles_table(p, e);
  put(p, "</section>\n");
}

static void toc(page *p) {
  const bl_rp *r = p->r;
  put(p, "<nav class=\"toc\"><h2>Events</h2><ul>\n");
  for (size_t i = 0; i < r->nevents; i++) {
    const bl_rp_event *e = &r->events[i];
    put(p, "<li><a href=\"#");
    event_id(p, e);
    put(p, "\">");
    esc(p, e->key);
    put(p, "</a> <span class=\"iv\">");
    day_range(p, e->pub_min, e->pub_max);
    PUTF(p, " · %zu article%s", e->narticles, e->narticles > 1 ? "s" : "");
    size_t nc = 0;
    for (size_t k = e->conflict_first; k < e->conflict_first + e->nconflicts; k++)
      nc += !r->conflicts[k].revised_down;
    if (nc) PUTF(p, " · <span class=\"red\">%zu conflict%s</span>", nc, nc > 1 ? "s" : "");
    put(p, "</span></li>\n");
  }
  put(p, "</ul></nav>\n");
}

static void howto(page *p) {
  put(p, "<section class=\"howto\"><h2>How to read the charts</h2>"
         "<p class=\"meta\">One chart per toll (event, category, group): a figure per mark, "
         "placed on the date it holds for and coloured by outlet. The mark shows what the "
         "wording allows:</p>");
  p->rc |= bl_rp_svg_key(p->b);
  put(p, "<p class=\"meta\">A grey line follows one source from day to day; its last figure "
         "is named on the right. <span style=\"color:var(--red)\">Red dashes</span> join two "
         "figures that cannot both be true (a conflict: different sources, same day, intervals "
         "that do not overlap, with ±");
  num(p, p->r->about_tolerance * 100);
  put(p, " % around an “about”); grey dots join a source’s figure to its later, lower one "
         "(revised down). Every mark links to its claim in the table below the chart.</p>"
         "</section>\n");
}

int bl_report_html(bl_buf *out, sqlite3 *db, const bl_report_info *info, bl_error *err) {
  bl_rp r;
  bl_rp_init(&r);
  int rc = bl_rp_load(&r, db, info->event, err);
  if (rc) return rc;
  page pg = {out, &r, 0};
  page *p = &pg;
  size_t nconf = 0, nrev = 0;
  for (size_t k = 0; k < r.nconflicts; k++) r.conflicts[k].revised_down ? nrev++ : nconf++;
  put(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"bilan " BL_VERSION "\">\n<title>bilan report");
  if (info->event) put(p, " — "), esc(p, info->event);
  if (info->db_name) put(p, " — "), esc(p, info->db_name);
  put(p, "</title>\n");
  put(p, style);
  put(p, "</head>\n<body><main>\n<header><h1>bilan report</h1><p class=\"meta\">");
  PUTF(p, "%zu event%s · %zu article%s · %zu claim%s · %zu conflict%s · %zu revision%s down",
       r.nevents, r.nevents == 1 ? "" : "s", r.narticles, r.narticles == 1 ? "" : "s", r.nclaims,
       r.nclaims == 1 ? "" : "s", nconf, nconf == 1 ? "" : "s", nrev, nrev == 1 ? "" : "s");
  if (info->db_name) put(p, "<br>database "), esc(p, info->db_name);
  if (r.grammar) put(p, " · grammar "), esc(p, r.grammar);
  if (r.last_ingest) put(p, " · last ingested "), esc(p, r.last_ingest);
  put(p, "</p></header>\n");
  if (!r.nevents) {
    put(p, "<section class=\"howto\"><p>The database holds no article yet. Add some with "
           "<code>bilan ingest PATH…</code>, then write this report again.</p></section>\n");
  } else {
    toc(p);
    howto(p);
    for (size_t i = 0; i < r.nevents; i++) event_section(p, &r.events[i]);
  }
  put(p, "<footer>Written by bilan " BL_VERSION ". Every figure links to the sentence it was "
         "read from.</footer>\n</main></body>\n</html>\n");
  bl_rp_clear(&r);
  if (p->rc) return bl_fail(err, BL_NOMEM, "out of memory");
  return BL_OK;
}
