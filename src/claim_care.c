/*
 * claim_care.c — layer 4, last pass: in an article that counts the sick,
 * the cared for are sick.
 *
 * categories.tsv makes "patients", "hospitalisés" and "en réanimation"
 * injured, which is right after an explosion or a crash.  In an article
 * that also counts the sick ("12 500 nouveaux cas", "malades",
 * "contaminés"; not "aucun cas"), or whose figures' sentences name an
 * illness or a heat wave ("la canicule a causé 1 500 décès"), they are the
 * sick in hospital: a claim counted by a word of care (care.tsv) becomes
 * sick, unless its sentence speaks of wounds ("blessés", "brûlés"), and so
 * does a part of a count that became sick.  Only
 * the claims' own spans and sentences are read.
 */
#include "doc.h"

/* Does [sp.s, sp.e) hold a word of care.tsv of kind `kind`? */
static bool has_word(const bl_docstate *st, bl_nspan sp, int kind) {
  const char *s = st->text.s;
  size_t a, b;
  for (size_t p = sp.s; p < sp.e;) {
    if (!bl_word_at(s, p, sp.e, &a, &b)) {
      p = b + 1; /* past a mark: bl_word_at stops at b, before it */
      continue;
    }
    const bl_lexent *e = bl_lex_find(&st->g->care, s + a, b - a);
    if (e && e->kind == kind) return true;
    p = b;
  }
  return false;
}

void bl_claims_care(bl_docstate *st) {
  bool counts_sick = false;
  size_t last_sent = SIZE_MAX;
  for (size_t i = 0; i < st->cl.n && !counts_sick; i++) {
    const bl_cl *c = &st->cl.v[i];
    if (c->dropped) continue;
    counts_sick = !c->negated && c->category == BL_CAT_SICK;
    /* "1 500 décès liés à la canicule": the sentences of its figures name
     * an illness (each sentence read once) */
    if (!counts_sick && c->sent != last_sent) {
      const bl_sent *sn = &st->seg.sents[c->sent];
      counts_sick = has_word(st, (bl_nspan){sn->s, sn->e}, CARE_ILLNESS);
      last_sent = c->sent;
    }
  }
  if (!counts_sick) return;
  for (size_t i = 0; i < st->cl.n; i++) {
    bl_cl *c = &st->cl.v[i];
    if (c->dropped || c->category != BL_CAT_INJURED) continue;
    bool care = has_word(st, c->unit, CARE_CARE) || has_word(st, c->np, CARE_CARE) ||
                has_word(st, c->pred, CARE_CARE) ||
                has_word(st, c->where, CARE_CARE); /* "transportés au centre hospitalier" */
    /* a part of the sick is sick ("700 patients, dont 150 enfants"); parts
     * come after their whole, so the whole is settled first */
    bool part_of_sick = c->of >= 0 && (size_t)c->of < i && st->cl.v[c->of].category == BL_CAT_SICK;
    const bl_sent *sn = &st->seg.sents[c->sent];
    if ((care || part_of_sick) && !has_word(st, (bl_nspan){sn->s, sn->e}, CARE_WOUND))
      c->category = BL_CAT_SICK;
  }
}
