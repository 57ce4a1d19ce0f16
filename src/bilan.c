/*
 * bilan.c — layer 6: the claim pipeline and its public API (bl_doc_*):
 * normalise the body, find the quantities, cut lines (dropping page
 * furniture) and sentences, build the claims of each sentence, attribute
 * them, and map every span back to the caller's bytes.
 */
#include "doc.h"

#include <ctype.h>
#include <stdio.h>
#include <strings.h>

struct bl_doc {
  bl_docstate st;
  bl_claim *pub; /* owned */
  size_t npub, pubcap;
  bl_buf arena; /* owned: the strings of pub (unit, subject, source, channel) */
};

bl_doc *bl_doc_new(const bl_grammar *g, bl_error *err) {
  bl_doc *d = bl_calloc(1, sizeof *d);
  if (!d) {
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  d->st.g = g;
  bl_text_init(&d->st.text);
  bl_buf_init(&d->arena);
  bl_buf_init(&d->st.scratch);
  if (bl_rx_state_init(&d->st.rx, g->max_groups + 8)) {
    bl_free(d);
    bl_fail(err, BL_NOMEM, "out of memory");
    return NULL;
  }
  if (bl_seg_init(&d->st.seg, err)) {
    bl_rx_state_clear(&d->st.rx);
    bl_free(d);
    return NULL;
  }
  return d;
}

void bl_doc_free(bl_doc *d) {
  if (!d) return;
  bl_text_clear(&d->st.text);
  bl_rx_state_clear(&d->st.rx);
  bl_seg_clear(&d->st.seg);
  bl_free(d->st.q.v);
  bl_free(d->st.q.zero);
  bl_free(d->st.cl.v);
  bl_free(d->st.stw.v);
  bl_buf_clear(&d->st.scratch);
  bl_pre_free(d->st.attrib_pre);
  bl_free(d->pub);
  bl_buf_clear(&d->arena);
  bl_free(d);
}

/* Strings are first recorded as arena offsets (the arena may move), then
 * turned into pointers once every claim is built. */
typedef struct pending_str {
  size_t off, len;
  bool set;
} pending_str;

static int arena_span(bl_doc *d, bl_nspan sp, pending_str *out) {
  const bl_text *t = &d->st.text;
  out->set = false;
  if (sp.e <= sp.s) return BL_OK;
  bl_span o = bl_text_orig_span(t, sp.s, sp.e);
  out->off = d->arena.len;
  out->len = o.end - o.start;
  out->set = true;
  if (bl_buf_add(&d->arena, t->orig + o.start, o.end - o.start)) return BL_NOMEM;
  /* a name set on two lines ("PRÉFET" / "DE SORVÈNE-ET-LAUZE") reads on one */
  for (size_t i = out->off; i < d->arena.len; i++)
    if (d->arena.ptr[i] == '\n' || d->arena.ptr[i] == '\r' || d->arena.ptr[i] == '\t') d->arena.ptr[i] = ' ';
  return BL_OK;
}

/* " du séisme", " de la tempête", " d'un caboteur", " des inondations":
 * the cause [sp.s, sp.e) (opened by a determiner) after "de", the two
 * fused as French writes them; the determiner in lower case. */
/* Does the word at w open on a vowel (elision: "d'inondations")?
 * A E I O U Y, or À..Æ È..Ï Ò..Ö Ù..Ü and their lower case (UTF-8 C3 xx). */
static bool opens_on_vowel(const char *w, size_t n) {
  unsigned char c0 = n ? (unsigned char)w[0] : 0, c1 = n > 1 ? (unsigned char)w[1] : 0;
  return (c0 && strchr("AEIOUYaeiouy", c0)) ||
         (c0 == 0xC3 && ((c1 >= 0x80 && c1 <= 0x86) || (c1 >= 0x88 && c1 <= 0x8F) ||
                         (c1 >= 0x92 && c1 <= 0x96) || (c1 >= 0x99 && c1 <= 0x9C) ||
                         (c1 >= 0xA0 && c1 <= 0xA6) || (c1 >= 0xA8 && c1 <= 0xAF) ||
                         (c1 >= 0xB2 && c1 <= 0xB6) || (c1 >= 0xB9 && c1 <= 0xBC)));
}

static int add_cause(bl_doc *d, bl_nspan sp) {
  const bl_text *t = &d->st.text;
  bl_span o = bl_text_orig_span(t, sp.s, sp.e);
  const char *w = t->orig + o.start;
  size_t n = o.end - o.start, k = 0;
  while (k < n && w[k] != ' ' && w[k] != '\'' && (unsigned char)w[k] < 0x80) k++;
  if (k < n && w[k] == '\'') k++; /* "l'" */
  char det[8] = {0};
  if (k >= sizeof det) return BL_OK;
  for (size_t i = 0; i < k; i++) det[i] = (char)tolower((unsigned char)w[i]);
  static const struct {
    const char *det, *with_de;
  } fused[] = {{"le", " du "}, {"les", " des "}, {"des", " de "}, {"l'", " de l'"},
               {"la", " de la "}, {"un", " d'un "}, {"une", " d'une "},
               {"au", " du "},  {"aux", " des "}, {"du", " du "}}; /* "ouverte au collège X, qui compte" */
  /* "ce", "cette", "ses", "L’": kept, in lower case, after "de" */
  const char *lead = " de ", *kept = det;
  size_t rest = k;
  for (size_t i = 0; i < BL_ARRAY_LEN(fused); i++)
    if (!strcmp(det, fused[i].det)) {
      lead = fused[i].with_de;
      kept = "";
      while (rest < n && w[rest] == ' ') rest++;
      break;
    }
  /* "des inondations": "d'inondations" */
  if (!strcmp(lead, " de ") && !*kept && rest < n && opens_on_vowel(w + rest, n - rest)) lead = " d'";
  if (bl_buf_add(&d->arena, lead, strlen(lead)) || bl_buf_add(&d->arena, kept, strlen(kept)))
    return BL_NOMEM;
  return rest < n && bl_buf_add(&d->arena, w + rest, n - rest) ? BL_NOMEM : BL_OK;
}

/* Does the phrase open with "de", "du", "des" or "d'"? */
static bool of_phrase(const bl_docstate *st, bl_nspan sp) {
  const char *s = st->text.s;
  size_t n = sp.e - sp.s;
  if (n > 5 && !strncmp(s + sp.s, "d'ici", 5)) return false; /* "d'ici à la fin de l'année" */
  return n > 3 && (!strncmp(s + sp.s, "de ", 3) || !strncmp(s + sp.s, "du ", 3) ||
                   !strncmp(s + sp.s, "d'", 2) || (n > 4 && !strncmp(s + sp.s, "des ", 4)));
}

/* What a share is taken from, written before its noun at `at`: "des tués"
 * is "parmi les tués", "du trafic" "dans le trafic". */
static const char *share_of(const bl_docstate *st, size_t at, char *buf, size_t size) {
  const char *s = st->text.s;
  bl_nspan w = bl_word_before(s, 0, at);
  size_t n = w.e - w.s;
  if (n == 3 && !strncmp(s + w.s, "des", 3)) return "parmi les ";
  if (n == 2 && !strncmp(s + w.s, "du", 2)) return "dans le ";
  if (at >= 5 && !strncmp(s + at - 5, "de l'", 5)) return "dans l'";
  if (n == 2 && !strncmp(s + w.s, "la", 2) && bl_word_before_is(s, 0, w.s, "de")) return "dans la ";
  /* "de ces décès", "de leur fourrage": the determiner stays */
  if (n > 0 && n + 8 < size && bl_word_class(st->g, s, w.s, w.e) == WD_DET &&
      bl_word_before_is(s, 0, w.s, "de")) {
    snprintf(buf, size, "%s %.*s ", s[w.e - 1] == 's' ? "parmi" : "dans", (int)n, s + w.s);
    return buf;
  }
  return "dans ";
}

/* Write the participle of the verb before a count, agreeing with its plural
 * noun (gender.tsv): "tué" -> "tuées" after "personnes", "détruit" ->
 * "détruites" after "maisons", "arrêté" -> "arrêtés" after "hommes". */
static int add_agreed_participle(bl_doc *d, const char *w, size_t n, const char *noun, size_t nn) {
  bool fem = bl_noun_feminine(d->st.g, noun, nn);
  /* a present participle ("tuant", claim.c checked its past one): "tué" */
  bool present = n >= 5 && !memcmp(w + n - 3, "ant", 3);
  if (present) n -= 3;
  const char *end = fem ? "es" : (w[n - 1] == 's' && !present ? "" : "s");
  return bl_buf_add(&d->arena, w, n) || (present && bl_buf_add(&d->arena, "é", 2)) ||
                 bl_buf_add(&d->arena, end, strlen(end))
             ? BL_NOMEM
             : BL_OK;
}

/* Write a predicate whose second half is active, agreeing that half's
 * participle with the noun: "morts ou ont disparu" -> "morts ou disparus",
 * "blessées ou ont disparu" -> "blessées ou disparues". */
static int add_coordinated_pred(bl_doc *d, const char *w, size_t n, const char *noun, size_t nn) {
  static const char *const links[] = {" ou ont ", " et ont ", NULL};
  for (size_t i = 0; links[i]; i++) {
    size_t k = strlen(links[i]);
    for (size_t at = 0; at + k < n; at++) {
      if (memcmp(w + at, links[i], k)) continue;
      size_t p = at + k, q = p;
      while (q < n && w[q] != ' ' && w[q] != ',') q++;
      if (q - p < 3) break;
      return bl_buf_add(&d->arena, w, at + 4) ? BL_NOMEM /* "... ou " */
             : add_agreed_participle(d, w + p, q - p, noun, nn) ? BL_NOMEM
             : bl_buf_add(&d->arena, w + q, n - q)              ? BL_NOMEM
                                                                : BL_OK;
    }
  }
  return bl_buf_add(&d->arena, w, n) ? BL_NOMEM : BL_OK;
}

/* Write a verb phrase that opens on a finite verb of the third person plural
 * with that verb as a present participle: "concernent des" -> "concernant
 * des", "travaillaient pour" -> "travaillant pour" (claim.c keeps the
 * regular forms only). */
static int add_present_participle(bl_doc *d, const char *w, size_t n) {
  size_t v = 0;
  while (v < n && w[v] != ' ') v++;
  size_t cut = v >= 5 && !memcmp(w + v - 5, "aient", 5) ? 5 : v >= 3 && !memcmp(w + v - 3, "ent", 3) ? 3 : 0;
  if (!cut) return bl_buf_add(&d->arena, w, n) ? BL_NOMEM : BL_OK;
  return bl_buf_add(&d->arena, w, v - cut) || bl_buf_add(&d->arena, "ant", 3) ||
                 bl_buf_add(&d->arena, w + v, n - v)
             ? BL_NOMEM
             : BL_OK;
}

/* "subject": the counted noun phrase, the predicate, its cause and a phrase of place,
 * each as written, in text order, joined by a space when apart; an active
 * predicate gets "ayant" ("personnes ayant perdu la vie", not "personnes
 * perdu la vie"); a part that names its own noun, the whole's noun after
 * "parmi les" ("45 survivants, dont six femmes": femmes parmi les
 * survivants). */
static int arena_subject(bl_doc *d, bl_nspan np, bl_nspan rel, bl_nspan pred, bool active, bool finite,
                         bl_nspan verb_pp, bl_nspan cause,
                         bl_nspan cause_tail, bl_nspan where, bool where_of, bl_nspan fronted,
                         bl_nspan among, bl_nspan owner, int change, bl_nspan changed,
                         pending_str *out) {
  const bl_text *t = &d->st.text;
  /* the whole last but the sentence's opening phrase: "enfants tués à Gaza
   * parmi les personnes", "Volontaires pour la défense de la patrie parmi
   * les morts" */
  enum { P_NP, P_REL, P_PRED, P_CAUSE, P_WHERE, P_AMONG, P_FRONTED, P_COUNT };
  /* no predicate after the noun: the participle of the verb before it */
  bool agree = pred.e <= pred.s && verb_pp.e > verb_pp.s && np.e > np.s;
  bl_nspan parts[P_COUNT] = {np, rel, agree ? verb_pp : pred, cause, where, among, fronted};
  out->set = false;
  size_t covered = 0;
  if (owner.e > owner.s) { /* "part des motards", then "dans le trafic" */
    out->off = d->arena.len;
    out->set = true;
    int rc = bl_buf_add(&d->arena, "part", 4) ? BL_NOMEM : add_cause(d, owner);
    if (rc) return rc;
  }
  const bl_lexent *noun = change ? d->st.g->change_noun[change > 0] : NULL;
  if (noun && changed.e > changed.s && owner.e <= owner.s) { /* "baisse de la mortalité" */
    out->off = d->arena.len;
    out->set = true;
    int rc = bl_buf_add(&d->arena, noun->form, noun->len) ? BL_NOMEM : add_cause(d, changed);
    if (rc) return rc;
    covered = changed.e;
  }
  for (int i = 0; i < P_COUNT; i++) {
    bl_nspan p = parts[i];
    if (p.e <= p.s) continue;
    if (i == P_AMONG) { /* already said: "blessés parmi les manifestants" */
      bool said = false;
      for (int k = P_NP; k <= P_WHERE; k++)
        said = said || (parts[k].s <= p.s && p.e <= parts[k].e);
      if (said) continue;
    }
    if (i == P_CAUSE) { /* the cause, named before: "Le séisme a fait 300 morts" (morts du séisme) */
      if (!out->set) continue;
      int rc = add_cause(d, p);
      if (rc) return rc;
      if (cause_tail.e > cause_tail.s) { /* "du naufrage" "d'avril 2023" */
        bl_span o = bl_text_orig_span(t, cause_tail.s, cause_tail.e);
        if (bl_buf_addc(&d->arena, ' ') || bl_buf_add(&d->arena, t->orig + o.start, o.end - o.start))
          return BL_NOMEM;
      }
      continue;
    }
    /* the whole and the opening phrase may come first */
    if (p.s < covered && !(i == P_WHERE && where_of) && i != P_AMONG && i != P_FRONTED &&
        !(i == P_PRED && agree))
      p.s = covered;
    if (p.e <= p.s) continue;
    bl_span o = bl_text_orig_span(t, p.s, p.e);
    if (!out->set) {
      out->off = d->arena.len;
      out->set = true;
    } else if (bl_buf_addc(&d->arena, ' ')) {
      return BL_NOMEM;
    }
    if (i == P_PRED && active && out->off < d->arena.len && bl_buf_add(&d->arena, "ayant ", 6))
      return BL_NOMEM;
    if (i == P_AMONG && bl_buf_add(&d->arena, "parmi les ", 10)) return BL_NOMEM;
    if (i == P_NP && owner.e > owner.s) {
      char buf[32];
      const char *in = share_of(&d->st, p.s, buf, sizeof buf);
      if (bl_buf_add(&d->arena, in, strlen(in))) return BL_NOMEM;
    }
    if (i == P_WHERE && where_of && out->off < d->arena.len) {
      /* "habitants de Pradevel", "habitants d'Arles" */
      bool vowel = opens_on_vowel(t->orig + o.start, o.end - o.start);
      if (bl_buf_add(&d->arena, vowel ? "d'" : "de ", vowel ? 2 : 3)) return BL_NOMEM;
    }
    size_t at = d->arena.len;
    if (i == P_PRED && agree) { /* "a tué 15 personnes": "personnes tuées" */
      size_t b = np.s;
      while (b < np.e && t->s[b] != ' ') b++; /* the noun: its first word */
      bl_span no = bl_text_orig_span(t, np.s, b);
      int rc = add_agreed_participle(d, t->orig + o.start, o.end - o.start, t->orig + no.start, no.end - no.start);
      if (rc) return rc;
    } else if (i == P_PRED && finite) { /* "concernent des personnes": "concernant des personnes" */
      int rc = add_present_participle(d, t->orig + o.start, o.end - o.start);
      if (rc) return rc;
    } else if (i == P_PRED && !active && np.e > np.s) { /* "morts ou ont disparu": "morts ou disparus" */
      size_t b = np.s;
      while (b < np.e && t->s[b] != ' ') b++;
      bl_span no = bl_text_orig_span(t, np.s, b);
      int rc = add_coordinated_pred(d, t->orig + o.start, o.end - o.start, t->orig + no.start, no.end - no.start);
      if (rc) return rc;
    } else if (bl_buf_add(&d->arena, t->orig + o.start, o.end - o.start)) {
      return BL_NOMEM;
    }
    if (i == P_FRONTED) { /* the sentence's opening capital: "À Marseille" -> "à Marseille" */
      unsigned char *c = (unsigned char *)d->arena.ptr + at;
      if (c[0] >= 'A' && c[0] <= 'Z') c[0] = (unsigned char)(c[0] + 32);
      else if (c[0] == 0xC3 && o.end - o.start > 1 && c[1] >= 0x80 && c[1] <= 0x9E) c[1] += 0x20;
    }
    if (p.e > covered) covered = p.e;
  }
  if (out->set) out->len = d->arena.len - out->off;
  return BL_OK;
}

/* "Trois personnes ont été grièvement blessées et sept autres plus
 * légèrement", "dix blessés, dont trois gravement": the borrowed subject (the
 * last string of the arena) with the claim's own adverb of severity.tsv in
 * place of its own ("personnes légèrement blessées"), else before its last
 * word, or after its only one ("blessés gravement"). */
static int set_degree(bl_doc *d, pending_str *subj, bl_nspan degree) {
  const bl_text *t = &d->st.text;
  if (!subj->set || subj->off + subj->len != d->arena.len || subj->len == 0) return BL_OK;
  char *copy = bl_malloc(subj->len);
  if (!copy) return BL_NOMEM;
  memcpy(copy, d->arena.ptr + subj->off, subj->len);
  size_t n = subj->len, cut_s = n, cut_e = n, last = 0;
  for (size_t a = 0, b; a < n; a = b + 1) {
    for (b = a; b < n && copy[b] != ' '; b++) {}
    if (b > a && bl_lex_find(&d->st.g->severity, copy + a, b - a)) {
      cut_s = a;
      cut_e = b < n ? b + 1 : b;
    }
    if (b < n) last = b + 1;
  }
  bl_span o = bl_text_orig_span(t, degree.s, degree.e);
  int rc;
  if (cut_s == n && last == 0) { /* one word ("blessés"): the adverb after it */
    rc = bl_buf_addc(&d->arena, ' ') || bl_buf_add(&d->arena, t->orig + o.start, o.end - o.start) ? BL_NOMEM
                                                                                                 : BL_OK;
    bl_free(copy);
    if (!rc) subj->len = d->arena.len - subj->off;
    return rc;
  }
  if (cut_s == n) cut_s = cut_e = last;
  d->arena.len = subj->off;
  rc = bl_buf_add(&d->arena, copy, cut_s) || bl_buf_add(&d->arena, t->orig + o.start, o.end - o.start) ||
               (cut_e < n && bl_buf_addc(&d->arena, ' ')) || bl_buf_add(&d->arena, copy + cut_e, n - cut_e)
           ? BL_NOMEM
           : BL_OK;
  bl_free(copy);
  if (!rc) subj->len = d->arena.len - subj->off;
  return rc;
}

/* "soit une baisse de 4,2 %" after a count: "baisse du nombre de" and the
 * count's subject (words.tsv `count_noun`).  `out` was the last string
 * written to the arena. */
static int add_change_of(bl_doc *d, pending_str *out, int change, const pending_str *count) {
  const bl_lexent *noun = d->st.g->count_noun;
  if (!count->set || !noun) return BL_OK;
  /* "(+0,3 %)": no noun of its own, the change's ("hausse") */
  const bl_lexent *what = change ? d->st.g->change_noun[change > 0] : NULL;
  if (!out->set && what) {
    out->off = d->arena.len;
    out->set = true;
    if (bl_buf_add(&d->arena, what->form, what->len)) return BL_NOMEM;
    out->len = what->len;
  }
  if (!out->set || out->off + out->len != d->arena.len) return BL_OK;
  char *copy = bl_malloc(count->len + 1);
  if (!copy) return BL_NOMEM;
  memcpy(copy, d->arena.ptr + count->off, count->len);
  int rc = bl_buf_add(&d->arena, " du ", 4) || bl_buf_add(&d->arena, noun->form, noun->len) ||
                   bl_buf_add(&d->arena, " de ", 4) || bl_buf_add(&d->arena, copy, count->len)
               ? BL_NOMEM
               : BL_OK;
  bl_free(copy);
  if (!rc) out->len = d->arena.len - out->off;
  return rc;
}

/* The noun of the whole a part with its own noun belongs to ("45
 * survivants, dont six femmes": survivants), unless the part's noun phrase
 * already says it ("79 771 blessés, dont 11 204 blessés graves"); else empty. */
static bl_nspan whole_noun(const bl_docstate *st, const bl_cl *c) {
  bl_nspan none = {0, 0};
  if (c->of < 0) return none;
  const char *s = st->text.s;
  /* "trois des victimes", "deux d'entre eux": the part's noun is the whole's */
  for (size_t i = c->text.e; i + 4 <= c->np.s; i++)
    if ((i == c->text.e || s[i - 1] == ' ') &&
        (!strncmp(s + i, "des ", 4) || (i + 7 <= c->np.s && !strncmp(s + i, "d'entre", 7))))
      return none;
  const bl_cl *w = &st->cl.v[bl_naming_claim(st, c->of)];
  size_t n = w->unit.e - w->unit.s;
  if (!n) return none;
  for (size_t i = c->np.s; i + n <= c->np.e; i++)
    if (!strncasecmp(s + i, s + w->unit.s, n)) return none;
  return w->unit;
}

/* "Aucune victime", "pas de blessé": a zero claim counts what it denies in
 * the plural, as a count does ("victimes", "blessés"); the first word of
 * the string `p`, the last one written to the arena, is put in the plural,
 * each part of a compound ("sapeurs-pompiers") but a function word
 * ("sous-officiers").  Regular plurals: -s, -x, -z stay; -au, -eu take an
 * x; -al becomes -aux; the rest take an s. */
static int arena_plural_head(bl_doc *d, pending_str *p) {
  if (!p->set || p->off + p->len != d->arena.len) return BL_OK;
  const bl_grammar *g = d->st.g;
  char old[512], out[600];
  if (p->len >= sizeof old) return BL_OK;
  memcpy(old, d->arena.ptr + p->off, p->len);
  size_t n = 0, o = 0;
  while (n < p->len && old[n] != ' ') n++;
  for (size_t a = 0; a < n;) {
    size_t b = a;
    while (b < n && old[b] != '-') b++;
    memcpy(out + o, old + a, b - a);
    o += b - a;
    char last = b > a ? old[b - 1] : 0, before = b - a >= 2 ? old[b - 2] : 0;
    bool plural = b - a >= 3 && !bl_word_class(g, old, a, b) && last != 's' && last != 'x' && last != 'z';
    if (plural && before == 'a' && last == 'l') {
      out[o - 1] = 'u'; /* "animal": "animaux" */
      out[o++] = 'x';
    } else if (plural) {
      out[o++] = (last == 'u' && (before == 'a' || before == 'e')) ? 'x' : 's';
    }
    if (b < n) out[o++] = '-';
    a = b + 1;
  }
  memcpy(out + o, old + n, p->len - n);
  o += p->len - n;
  d->arena.len = p->off;
  p->len = o;
  return bl_buf_add(&d->arena, out, o) ? BL_NOMEM : BL_OK;
}

static bl_str resolve(const bl_doc *d, pending_str p) {
  return p.set ? bl_str_make(d->arena.ptr + p.off, p.len) : bl_str_null();
}

static int publish(bl_doc *d, bl_error *err) {
  bl_docstate *st = &d->st;
  bl_buf_reset(&d->arena);
  d->npub = 0;
  if (bl_grow((void **)&d->pub, &d->pubcap, st->cl.n + 1, sizeof *d->pub))
    return bl_fail(err, BL_NOMEM, "out of memory");
  pending_str *ps = bl_calloc(st->cl.n * 4 + 1, sizeof *ps);
  long *index = bl_calloc(st->cl.n + 1, sizeof *index); /* claim -> published index, or -1 */
  if (!ps || !index) {
    bl_free(ps);
    bl_free(index);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  for (size_t i = 0, n = 0; i < st->cl.n; i++) index[i] = st->cl.v[i].dropped ? -1 : (long)n++;
  int rc = BL_OK;
  for (size_t i = 0; i < st->cl.n && !rc; i++) {
    const bl_cl *c = &st->cl.v[i];
    if (c->dropped) continue;
    bl_claim *p = &d->pub[d->npub];
    pending_str *mine = &ps[d->npub * 4];
    d->npub++;
    memset(p, 0, sizeof *p);
    p->q = c->q;
    p->q.span = bl_text_orig_span(&st->text, c->text.s, c->text.e);
    if (c->hedge.e > c->hedge.s)
      p->q.hedge = bl_text_orig_span(&st->text, c->hedge.s, c->hedge.e);
    else
      p->q.hedge.start = p->q.hedge.end = 0;
    const bl_sent *sn = &st->seg.sents[c->sent];
    p->sentence = bl_text_orig_span(&st->text, sn->s, sn->e);
    p->category = c->category;
    p->group = c->group;
    p->status = c->status;
    p->negated = c->negated;
    p->cumulative = c->cumulative;
    p->period = c->period;
    p->of = c->of >= 0 ? index[c->of] : -1;
    /* "autres", "dont", "contre": the unit, noun phrase and predicate of the
     * nearest earlier count that has them ("cinq autres blessées, dont deux
     * grièvement": "personnes" from the first count, "blessées" from the
     * second); "740 autres ont été blessés" has its own predicate */
    const bl_cl *with_unit = &st->cl.v[bl_naming_claim(st, (long)i)], *with_np = c, *with_pred = c;
    while (with_np->np.e <= with_np->np.s && with_np->subject_of >= 0)
      with_np = &st->cl.v[with_np->subject_of];
    while (with_pred->pred.e <= with_pred->pred.s && with_pred->subject_of >= 0)
      with_pred = &st->cl.v[with_pred->subject_of];
    bl_nspan unit = with_unit->unit, np = with_np->np, pred = with_pred->pred;
    /* "187 élèves de l'école secondaire et 125 de l'école primaire": a
     * complement of its own replaces the one of the borrowed noun phrase */
    if (with_np != c && of_phrase(st, c->where)) np = unit;
    bool active = with_pred->pred_active, finite = with_pred->pred_finite;
    bl_nspan where = c->where;
    /* "estimées à 43 000 morts par le président Zelensky": the agent that
     * is the claim's source is no place ("tués par les forces de sécurité"
     * stays) */
    if (where.e - where.s > 4 && !strncmp(st->text.s + where.s, "par ", 4) && c->source.e > c->source.s &&
        where.s <= c->source.s && c->source.e <= where.e)
      where = (bl_nspan){0, 0};
    rc = arena_span(d, unit, &mine[0]);
    bool zero = c->negated && c->q.value == 0 && with_unit == c;
    if (!rc && zero) rc = arena_plural_head(d, &mine[0]);
    bool where_of = c->where.e > c->where.s && c->where_of;
    /* the group as the sentence names it, else the whole's noun */
    bl_nspan among = c->np.e <= c->np.s ? (bl_nspan){0, 0} : c->among.e > c->among.s ? c->among : whole_noun(st, c);
    if (!rc) rc = arena_subject(d, np, with_pred == c ? c->rel : (bl_nspan){0, 0}, pred, active, finite,
                                  c->verb_pp, c->cause, c->cause_tail, where, where_of, c->fronted,
                                  among, c->owner, c->change, c->changed, &mine[1]);
    if (!rc && zero && with_np == c && np.s == unit.s) rc = arena_plural_head(d, &mine[1]);
    if (!rc && c->degree.e > c->degree.s) rc = set_degree(d, &mine[1], c->degree);
    if (!rc && c->change_of >= 0 && index[c->change_of] >= 0)
      rc = add_change_of(d, &mine[1], c->change, &ps[index[c->change_of] * 4 + 1]);
    if (!rc) rc = arena_span(d, c->source, &mine[2]);
    if (!rc) rc = arena_span(d, c->channel, &mine[3]);
  }
  bl_free(index);
  if (rc) {
    bl_free(ps);
    return bl_fail(err, BL_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < d->npub; i++) {
    bl_claim *p = &d->pub[i];
    const pending_str *mine = &ps[i * 4];
    p->unit = p->q.unit ? bl_str_make(p->q.unit, strlen(p->q.unit)) : resolve(d, mine[0]);
    p->subject = resolve(d, mine[1]);
    p->source = resolve(d, mine[2]);
    p->channel = resolve(d, mine[3]);
  }
  bl_free(ps);
  return BL_OK;
}

int bl_doc_run(bl_doc *d, const char *body, size_t len, unsigned opts, bl_error *err) {
  bl_docstate *st = &d->st;
  st->q.n = st->q.nzero = 0;
  st->q.want_zero = true;
  st->q.max = BL_DOC_MAX_CLAIMS;
  st->cl.n = 0;
  st->stw.valid = false;
  st->last_src.s = st->last_src.e = st->last_chan.s = st->last_chan.e = 0;
  d->npub = 0;
  int rc = bl_text_normalize(&st->text, body, len, opts, err);
  if (rc) return rc;
  const char *s = st->text.s;
  size_t n = st->text.n;
  rc = bl_num_find(st->g, &st->rx, s, 0, n, &st->q, err);
  if (!rc) bl_num_local_dollars(st->g, &st->rx, s, n, &st->q);
  if (!rc) rc = bl_seg_lines(&st->seg, st->g, &st->rx, s, n, err);
  if (rc) {
    if (err) err->at = bl_text_orig_span(&st->text, err->at.start, err->at.end);
    return rc;
  }
  bl_attribute_issuer(st);
  st->para_src.s = st->para_src.e = 0;
  size_t qi = 0, zi = 0;
  bool prev_intro = false; /* the line before ends with ':' and opens a list */
  for (size_t li = 0; li < st->seg.nlines; li++) {
    const bl_line *l = &st->seg.lines[li];
    size_t qa = qi, za = zi;
    while (qi < st->q.n && st->q.v[qi].ns < l->e + 1) qi++;
    while (zi < st->q.nzero && st->q.zero[zi] < l->e + 1) zi++;
    bool item = l->e > l->s && (s[l->s] == '-' || s[l->s] == '*' || !strncmp(s + l->s, "\xE2\x80\xA2", 3));
    bool carry = item && prev_intro;
    bool intro = l->e > l->s && s[l->e - 1] == ':';
    prev_intro = carry || intro;
    if (l->furniture || ((qa == qi && za == zi) && !intro)) {
      if (!item && l->e > l->s) st->para_src.s = st->para_src.e = 0;
      continue;
    }
    size_t sa = st->seg.nsents;
    if ((rc = bl_seg_sentences(&st->seg, st->g, s, li, err))) return rc;
    size_t sb = st->seg.nsents, first_claim = st->cl.n, qk = qa;
    for (size_t si = sa; si < sb; si++) {
      size_t q0 = qk;
      size_t send = si + 1 < sb ? st->seg.sents[si + 1].s : l->e + 1;
      while (qk < qi && st->q.v[qk].ns < send) qk++;
      /* A figure across the cut of an overlong sentence (seg.c) goes whole
       * to the next part, with the words after it; one written across the
       * end of its line ("de 10 à\n15 %") stretches the line's last
       * sentence, so that a claim always lies in its sentence. */
      bl_sent *sn = &st->seg.sents[si];
      if (qk > q0 && st->q.v[qk - 1].ne > sn->e) {
        if (si + 1 < sb) {
          bl_sent *next = &st->seg.sents[si + 1];
          qk--;
          next->s = st->q.v[qk].ns;
          sn->e = next->s > sn->s ? next->s : sn->s;
          while (sn->e > sn->s && s[sn->e - 1] == ' ') sn->e--;
        } else {
          sn->e = st->q.v[qk - 1].ne;
        }
      }
      if ((rc = bl_claims_of_sentence(st, si, q0, qk, err))) return rc;
    }
    if ((rc = bl_attribute_line(st, sa, sb, first_claim, carry, err))) return rc;
  }
  bl_claims_care(st);
  bl_attribute_finish(st);
  return publish(d, err);
}

size_t bl_doc_claim_count(const bl_doc *d) {
  return d->npub;
}

const bl_claim *bl_doc_claim(const bl_doc *d, size_t i) {
  return i < d->npub ? &d->pub[i] : NULL;
}

size_t bl_doc_repairs(const bl_doc *d) {
  return d->st.text.repairs;
}
