/*
 * report_fmt.c — layer 8: the text of `bilan report` (report.h): HTML
 * escaping, ids, figures, intervals and dates as the page writes them.
 * Everything appends to a bl_buf and returns BL_OK or BL_NOMEM.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>

int bl_html_esc(bl_buf *b, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep;
    switch (s[i]) {
    case '&':
      rep = "&amp;";
      break;
    case '<':
      rep = "&lt;";
      break;
    case '>':
      rep = "&gt;";
      break;
    case '"':
      rep = "&quot;";
      break;
    case '\'':
      rep = "&#39;";
      break;
    case '\0':
      rep = "\xEF\xBF\xBD";
      break; /* U+FFFD: HTML has no NUL */
    default:
      continue;
    }
    if (bl_buf_add(b, s + from, i - from) || bl_buf_adds(b, rep)) return BL_NOMEM;
    from = i + 1;
  }
  return bl_buf_add(b, s + from, n - from);
}

int bl_html_escs(bl_buf *b, const char *s) {
  return s ? bl_html_esc(b, s, strlen(s)) : BL_OK;
}

int bl_html_id(bl_buf *b, const char *s) {
  static const char hexd[] = "0123456789abcdef";
  for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
    bool keep_it = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';
    int rc = keep_it ? bl_buf_addc(b, (char)*p)
                     : bl_buf_addc(b, '.') | bl_buf_addc(b, hexd[*p >> 4]) |
                           bl_buf_addc(b, hexd[*p & 15]);
    if (rc) return BL_NOMEM;
  }
  return BL_OK;
}

/* Digits grouped by threes with U+202F (narrow no-break space), the
 * typographic convention that no locale reads as a decimal mark. */
int bl_rp_num(bl_buf *b, double v) {
  if (!isfinite(v)) return bl_buf_adds(b, v > 0 ? "∞" : "–");
  char digits[64];
  if (fabs(v) >= 1e15) return bl_buf_printf(b, "%g", v);
  double ip = floor(fabs(v) + 0.5);
  bool integral = fabs(fabs(v) - ip) < 1e-9;
  snprintf(digits, sizeof digits, "%.0f", integral ? ip : floor(fabs(v)));
  if (v < 0 && bl_buf_adds(b, "−")) return BL_NOMEM;
  size_t n = strlen(digits);
  for (size_t i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0 && bl_buf_adds(b, "\xE2\x80\xAF")) return BL_NOMEM;
    if (bl_buf_addc(b, digits[i])) return BL_NOMEM;
  }
  if (!integral) {
    char frac[32];
    snprintf(frac, sizeof frac, "%.2f", fabs(v) - floor(fabs(v)));
    size_t k = strlen(frac);
    while (k > 2 && frac[k - 1] == '0') frac[--k] = '\0';
    if (k > 2 && bl_buf_adds(b, frac + 1)) return BL_NOMEM; /* ".5" */
  }
  return BL_OK;
}

int bl_rp_interval(bl_buf *b, const bl_rp_claim *c) {
  const char *op = NULL;
  double v = c->value;
  switch (c->qualifier) {
  case BL_EXACT:
    op = "= ";
    break;
  case BL_ABOUT:
    op = "≈ ";
    break;
  case BL_MORE_THAN:
    op = "&gt; ";
    v = c->lo;
    break;
  case BL_AT_LEAST:
    op = "≥ ";
    v = c->lo;
    break;
  case BL_LESS_THAN:
    op = "&lt; ";
    v = c->hi;
    break;
  case BL_AT_MOST:
    op = "≤ ";
    v = c->hi;
    break;
  case BL_RANGE:
  case BL_VAGUE:
    break;
  }
  if (op) {
    if (!isfinite(v)) v = isfinite(c->value) ? c->value : isfinite(c->lo) ? c->lo : c->hi;
    return bl_buf_adds(b, op) | bl_rp_num(b, v);
  }
  return bl_rp_num(b, c->lo) | bl_buf_adds(b, "–") | bl_rp_num(b, c->hi);
}

int bl_rp_day_short(bl_buf *b, int32_t day) {
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char iso[11];
  bl_day_format(day, iso);
  int m = (iso[5] - '0') * 10 + (iso[6] - '0');
  int d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (m < 1 || m > 12) return bl_buf_adds(b, iso);
  return bl_buf_printf(b, "%d %s", d, months[m - 1]);
}

/* "security_forces" → "security forces", escaped. */
static int words(bl_buf *b, const char *s) {
  for (; *s; s++)
    if (*s == '_' ? bl_buf_addc(b, ' ') : bl_html_esc(b, s, 1)) return BL_NOMEM;
  return BL_OK;
}

int bl_rp_series_title(bl_buf *b, const bl_rp_series *s) {
  size_t at = b->len;
  if (words(b, s->category)) return BL_NOMEM;
  if (b->len > at && b->ptr[at] >= 'a' && b->ptr[at] <= 'z') b->ptr[at] = (char)(b->ptr[at] - 32);
  if (s->grp && (bl_buf_adds(b, " · ") || words(b, s->grp))) return BL_NOMEM;
  if (s->unit_key && (bl_buf_adds(b, " · ") || bl_html_escs(b, s->unit ? s->unit : s->unit_key)))
    return BL_NOMEM;
  return BL_OK;
}
