/*
 * attrib.c — layer 5: who a figure comes from (SPEC §6).  For each sentence
 * of a line (a paragraph), the rules of attrib.pcre find a source and a
 * channel: "selon X (citant Y)", "de source X", ", a annoncé X", "X a
 * annoncé", "X, cité par Y", "selon la même source".  A source stated once
 * carries over the following sentences of the paragraph (reported speech)
 * until another one appears; a quote whose speaker is named after it gives
 * that speaker to the quote's earlier sentences.
 */
#include "doc.h"

/* A source phrase longer than this is a misreading, not a name. */
#define MAX_SOURCE 110

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

typedef struct found {
  bl_nspan src, chan;
  bool anaphor; /* "la même source", "a-t-il précisé": the paragraph's source */
  bool any;
} found;

static bool named(bl_docstate *st, const pcre2_code *re, const char *name, bl_nspan *out) {
  uint32_t n[4];
  size_t k = bl_rx_groups_named(re, name, n, 4);
  for (size_t i = 0; i < k; i++)
    if (bl_rx_group(&st->rx, n[i], &out->s, &out->e) && out->e > out->s) return true;
  return false;
}

/* Trim a noun phrase: spaces and quotes at both ends, then leading
 * determiners and time words ("lundi soir le préfet" -> "préfet"). */
static bl_nspan clean_np(bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  for (;;) {
    while (sp.s < sp.e && (is_space((unsigned char)s[sp.s]) || s[sp.s] == '"' || s[sp.s] == '-'))
      sp.s++;
    while (sp.e > sp.s && (is_space((unsigned char)s[sp.e - 1]) || s[sp.e - 1] == '"' ||
                           s[sp.e - 1] == '-'))
      sp.e--;
    size_t ws, we;
    if (!bl_word_at(s, sp.s, sp.e, &ws, &we) || we >= sp.e) return sp;
    const bl_lexent *w = bl_lex_find(&st->g->words, s + ws, we - ws);
    const bl_lexent *d = bl_lex_find(&st->g->calendar, s + ws, we - ws);
    bool drop = (w && (w->kind == WD_DET || w->kind == WD_TIME || w->kind == WD_ADV)) ||
                (d && d->kind == CAL_DAY);
    if (!drop) return sp;
    sp.s = we;
  }
}

static bool is_pronoun(bl_docstate *st, bl_nspan sp) {
  const bl_lexent *w = bl_lex_find(&st->g->words, st->text.s + sp.s, sp.e - sp.s);
  return w && w->kind == WD_PRON;
}

static bool usable(bl_docstate *st, bl_nspan sp) {
  if (sp.e <= sp.s || sp.e - sp.s > MAX_SOURCE) return false;
  unsigned char c = (unsigned char)st->text.s[sp.s];
  return !(c >= '0' && c <= '9') && !is_pronoun(st, sp);
}

/* Start of the clause that ends at `at`: after the last , ; : " ( before it. */
static size_t clause_start(bl_docstate *st, size_t from, size_t at) {
  const char *s = st->text.s;
  for (size_t p = at; p > from; p--) {
    char c = s[p - 1];
    if (c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')') return p;
  }
  return from;
}

/* Find the attribution of sentence [a, b). */
static void find_in_sentence(bl_docstate *st, size_t a, size_t b, found *f) {
  const bl_grammar *g = st->g;
  memset(f, 0, sizeof *f);
  int rc;
  /* selon X (citant Y) */
  rc = bl_rx_match(g->rx_selon, &st->rx, st->text.s, b, a, 0);
  if (rc > 0) {
    bl_nspan src = {0, 0}, orig = {0, 0};
    named(st, g->rx_selon, "src", &src);
    if (named(st, g->rx_selon, "chan_src", &orig)) {
      f->chan = clean_np(st, src);
      f->src = clean_np(st, orig);
    } else {
      f->src = clean_np(st, src);
    }
    if (bl_rx_match(g->rx_same_source, &st->rx, st->text.s, b, a, 0) > 0) f->anaphor = true;
    if (f->anaphor || usable(st, f->src)) {
      f->any = true;
      goto channel;
    }
  }
  /* de source hospitalière */
  rc = bl_rx_match(g->rx_de_source, &st->rx, st->text.s, b, a, 0);
  if (rc > 0 && named(st, g->rx_de_source, "src", &f->src)) {
    f->any = true;
    goto channel;
  }
  /* ", a annoncé le préfet" / "», a-t-il ajouté" */
  for (size_t from = a; from < b;) {
    rc = bl_rx_match(g->rx_inverted, &st->rx, st->text.s, b, from, 0);
    if (rc <= 0) break;
    size_t ms = 0, me = 0;
    bl_rx_group(&st->rx, 0, &ms, &me);
    bl_nspan src = {0, 0}, pron = {0, 0};
    bool has_pron = named(st, g->rx_inverted, "pron", &pron) || named(st, g->rx_inverted, "pron2", &pron);
    bool has_src = named(st, g->rx_inverted, "src", &src);
    if (has_src) src = clean_np(st, src);
    if (has_src && usable(st, src)) {
      f->src = src;
      f->any = true;
      goto channel;
    }
    if (has_pron && !(pron.e - pron.s == 2 && !memcmp(st->text.s + pron.s, "on", 2))) {
      f->anaphor = f->any = true;
      goto channel;
    }
    from = me > from ? me : from + 1;
  }
  /* "Le ministère ... a annoncé", "La préfecture fait état de" */
  for (size_t from = a; from < b;) {
    rc = bl_rx_match(g->rx_verb, &st->rx, st->text.s, b, from, 0);
    if (rc <= 0) break;
    size_t ms = 0, me = 0;
    bl_rx_group(&st->rx, 0, &ms, &me);
    size_t cs = clause_start(st, a, ms);
    bl_nspan np = clean_np(st, (bl_nspan){cs, ms});
    if (np.e > np.s && is_pronoun(st, np)) {
      if (!(np.e - np.s == 2 && !memcmp(st->text.s + np.s, "on", 2))) f->anaphor = f->any = true;
      goto channel;
    }
    if (usable(st, np)) {
      f->src = np;
      f->any = true;
      goto channel;
    }
    from = me > from ? me : from + 1;
  }
  if (bl_rx_match(g->rx_same_source, &st->rx, st->text.s, b, a, 0) > 0) f->anaphor = f->any = true;
channel:
  if (!f->chan.e && bl_rx_match(g->rx_cite_par, &st->rx, st->text.s, b, a, 0) > 0) {
    bl_nspan ch;
    if (named(st, g->rx_cite_par, "chan", &ch)) {
      ch = clean_np(st, ch);
      if (usable(st, ch)) {
        f->chan = ch;
        if (!f->any) f->anaphor = f->any = true; /* "X, cité par Y": X is before */
      }
    }
  }
}

int bl_attribute_line(bl_docstate *st, size_t sfirst, size_t slast, size_t first,
                      bl_error *err) {
  BL_UNUSED(err);
  bl_nspan para_src = {0, 0}, para_chan = {0, 0};
  bool have = false;
  /* Sentences before the first attributed one, in a paragraph that opens
   * with a quote, take the speaker named at its end. */
  bool opens_quote = st->seg.sents[sfirst].s < st->text.n && st->text.s[st->seg.sents[sfirst].s] == '"';
  size_t ci = first;
  size_t pending_from = first; /* claims still without a source, for a quote's speaker */
  for (size_t si = sfirst; si < slast; si++) {
    const bl_sent *sn = &st->seg.sents[si];
    size_t cend = ci;
    while (cend < st->cl.n && st->cl.v[cend].sent == si) cend++;
    found f;
    find_in_sentence(st, sn->s, sn->e, &f);
    bl_nspan src = {0, 0}, chan = {0, 0};
    if (f.any && !f.anaphor && f.src.e > f.src.s) {
      src = f.src;
      chan = f.chan;
    } else if (f.any && have) {
      src = para_src;
      chan = f.chan.e ? f.chan : para_chan;
    }
    bool explicit_here = src.e > src.s;
    if (explicit_here && opens_quote && !have) {
      for (size_t k = pending_from; k < ci; k++) {
        st->cl.v[k].source = src;
        st->cl.v[k].channel = chan;
      }
    }
    for (size_t k = ci; k < cend; k++) {
      bl_cl *c = &st->cl.v[k];
      if (explicit_here) {
        c->source = src;
        c->channel = chan;
      } else if (have && !c->background) {
        c->source = para_src;
        c->channel = para_chan;
      }
    }
    if (explicit_here) {
      para_src = src;
      para_chan = chan;
      have = true;
    }
    ci = cend;
  }
  return BL_OK;
}
