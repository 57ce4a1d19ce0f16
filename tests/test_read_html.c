/*
 * test_read_html.c — the HTML reader (read_html.c, read_html_text.c; SPEC
 * §3): what the body keeps and leaves out, <article> vs <main> vs the
 * paragraphs fallback, metadata from meta tags, entities and charsets,
 * deeply nested and broken documents, NUL bytes, and silence on stderr.
 */
#include "test_read.h"

/* Read the one article of a fixture from its file and from memory; both
 * must give the same article.  The memory reader stays open (caller frees). */
static bl_reader *read_fixture(const char *name, bl_article *a) {
  size_t len;
  char *data = slurp_file(fixture(name), &len);
  bl_error err;
  bl_reader *rm = bl_reader_open_mem(name, data, len, BL_FMT_HTML, &err);
  assert_non_null(rm);
  assert_int_equal(bl_reader_next(rm, a, &err), 1);
  free(data); /* an HTML article does not borrow the input */
  bl_reader *rf = bl_reader_open(fixture(name), BL_FMT_HTML, &err);
  assert_non_null(rf);
  bl_article af;
  assert_int_equal(bl_reader_next(rf, &af, &err), 1);
  assert_int_equal(af.body.len, a->body.len);
  assert_memory_equal(af.body.ptr, a->body.ptr, a->body.len);
  assert_int_equal(bl_reader_next(rf, &af, &err), 0);
  bl_reader_free(rf);
  return rm;
}

static void article_page(void **state) {
  (void)state;
  bl_article a;
  bl_reader *r = read_fixture("page-article.html", &a);
  assert_str(a.body, "Au moins quatre personnes ont trouvé la mort et une dizaine d'autres sont "
                     "portées disparues, a annoncé lundi le préfet.\n\n"
                     "Quelque 1\u00a0200 foyers étaient privés d\u2019électricité\u00a0; 350 "
                     "pompiers\nont été mobilisés.\n\n"
                     "Des routes coupées\n\n"
                     "Selon la préfecture, 27 routes restent fermées & 3 ponts endommagés.\n\n"
                     "Castelvieil : 2 morts\nMirabrune : 2 morts");
  assert_str(a.title, "Crues dans la vallée : au moins quatre morts"); /* og:title */
  assert_str(a.outlet, "Le Courrier de la Lauze");                     /* og:site_name */
  assert_str(a.url, "https://www.courrier-lauze.example/faits-divers/crues-quatre-morts.html");
  assert_str(a.date, "2024-10-14"); /* article:published_time beats <time> */
  assert_str(a.event, NULL);
  assert_str(a.id, NULL);
  assert_int_equal(a.line, 0);
  assert_int_equal(a.body_offset, 0);
  bl_error err;
  assert_int_equal(bl_reader_next(r, &a, &err), 0);
  bl_reader_free(r);
}

static void main_page(void **state) {
  (void)state;
  bl_article a;
  bl_reader *r = read_fixture("page-main.html", &a);
  assert_str(a.body, "Le bilan provisoire fait état de 5 morts.\n\n"
                     "Quelque 400 personnes ont été évacuées.\n\n"
                     "Commune Évacués\nCastelvieil 250");
  assert_str(a.title, "Point de situation");                              /* <title> */
  assert_str(a.url, "https://www.prefecture.example/point-de-situation"); /* canonical */
  assert_str(a.outlet, "prefecture.example");                             /* host of the url */
  assert_str(a.date, "2024-10-14");                                       /* meta name=date */
  bl_reader_free(r);
}

static void paragraphs_page(void **state) {
  (void)state;
  bl_article a;
  bl_reader *r = read_fixture("page-paragraphs.html", &a);
  assert_str(a.body, "Quatre corps ont été repêchés.\n\n"
                     "Une cinquantaine de personnes sont portées disparues.");
  assert_str(a.title, "Naufrage : une cinquantaine de disparus"); /* twitter:title */
  assert_str(a.date, "2024-08-21");                               /* itemprop */
  assert_str(a.outlet, "actu.example");
  bl_reader_free(r);
}

static void teaser_card_is_not_the_article(void **state) {
  (void)state;
  bl_article a;
  bl_reader *r = read_fixture("page-teaser.html", &a);
  assert_str(a.body,
             "Le ministère de l'Intérieur a porté le bilan à 53 morts mercredi soir.\n\n"
             "L'ONG recense pour sa part au moins 138 morts depuis le début des troubles.\n\n"
             "Plus de 2 700 personnes ont été arrêtées, selon les autorités.");
  bl_reader_free(r);
}

static void declared_latin1(void **state) {
  (void)state;
  bl_article a;
  bl_reader *r = read_fixture("page-latin1.html", &a);
  assert_str(a.title, "Dépêche");
  assert_str(a.body, "Près de 1\u00a0200 sinistrés, selon la préfecture.\n\n15 octobre");
  assert_str(a.date, "2024-10-15"); /* <time datetime> in the article */
  bl_reader_free(r);
}

/* Parse one HTML string; the body (or NULL) into want-checking callers. */
static int html(const char *s, size_t n, bl_article *a, bl_error *err, bl_reader **r) {
  *r = bl_reader_open_mem("t.html", s, n, BL_FMT_HTML, err);
  assert_non_null(*r);
  memset(err, 0, sizeof *err);
  return bl_reader_next(*r, a, err);
}

#define assert_body(src, want)                                                                     \
  do {                                                                                             \
    bl_article a_;                                                                                 \
    bl_error e_;                                                                                   \
    bl_reader *r_;                                                                                 \
    assert_int_equal(html((src), strlen(src), &a_, &e_, &r_), 1);                                  \
    assert_str(a_.body, (want));                                                                   \
    bl_reader_free(r_);                                                                            \
  } while (0)

static void text_layout(void **state) {
  (void)state;
  assert_body("<p>a<br>b<br><br>c</p>", "a\nb\n\nc");
  assert_body("<p>  a \n\t b  </p>\n<p>c</p>", "a b\n\nc");
  assert_body("<p>12<b>morts</b> et <i>3</i> blessés</p>", "12morts et 3 blessés");
  assert_body("<div><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></div>",
              "a b\nc");
  assert_body("<article><p>x</p><ul><li>a</li><li>b</li></ul></article>", "x\n\na\nb");
  assert_body("<article><h2>T</h2>Texte nu<div>bloc</div></article>", "T\n\nTexte nu\n\nbloc");
  /* Bare text without any element: the <body> libxml2 implies. */
  assert_body("Just text, 3 morts.", "Just text, 3 morts.");
}

static void entities(void **state) {
  (void)state;
  assert_body("<p>&eacute;&#233;&#xE9; &amp;&lt;&gt; &nbsp;x &hellip; l&rsquo;&eacute;t&eacute; "
              "&laquo;&nbsp;oui&nbsp;&raquo; 3&#8239;211</p>",
              "ééé &<> \u00a0x \u2026 l\u2019été \u00ab\u00a0oui\u00a0\u00bb 3\u202f211");
  /* Unknown entities stay as written. */
  assert_body("<p>a &nosuch; b</p>", "a &nosuch; b");
}

static void left_out(void **state) {
  (void)state;
  assert_body("<article><p>Texte.</p><script>var n = 12;</script><style>p{}</style>"
              "<nav>Accueil</nav><aside>Pub 3</aside><footer>© 2024</footer>"
              "<!-- 12 morts --><noscript>JS</noscript><form>5 champs</form>"
              "<figure><img alt=\"x\"><figcaption>Photo 1</figcaption></figure>"
              "<p style=\"display: none\">caché</p><p aria-hidden=\"true\">caché</p>"
              "<div role=\"navigation\">menu</div><p hidden>caché</p></article>",
              "Texte.");
  /* Page furniture by class or id, inside the article. */
  assert_body("<article><p>Un texte assez long pour être l'article, 4 morts.</p>"
              "<div class=\"social-share\">Partager 37</div>"
              "<div id=\"comments\">5 commentaires</div>"
              "<div class=\"bloc-lire-aussi\">Lire aussi : 12 morts</div>"
              "<div class=\"ad\">Publicité</div>"
              "<p class=\"related-links\">Voir : 9 morts</p></article>",
              "Un texte assez long pour être l'article, 4 morts.");
  /* ...but not when the class is on the block holding the text. */
  assert_body("<article><div class=\"article-body js-share-tracking\"><p>Le bilan s'élève à 12 "
              "morts et 40 blessés selon la préfecture.</p></div>"
              "<div class=\"share\">Partager</div></article>",
              "Le bilan s'élève à 12 morts et 40 blessés selon la préfecture.");
  /* Short class words match whole words only: "heading", "shadow" stay. */
  assert_body("<article><div class=\"heading\">Titre</div><div class=\"shadow\">Texte</div>"
              "</article>",
              "Titre\n\nTexte");
}

static void choosing_the_article(void **state) {
  (void)state;
  /* The outer article, with the nested one inside it. */
  assert_body("<article><p>x</p><article><p>y</p></article></article>", "x\n\ny");
  /* The biggest of several articles. */
  assert_body("<article><p>court</p></article><article><p>beaucoup plus long</p></article>",
              "beaucoup plus long");
  /* <main> when there is no article; role=main counts as main. */
  assert_body("<div>menu</div><main><p>contenu</p></main><div>pied</div>", "contenu");
  assert_body("<div>menu</div><div role=\"main\"><p>contenu</p></div><p>autre</p>", "contenu");
  /* An <article> inside <aside> is not a candidate. */
  assert_body("<aside><article><p>carte</p></article></aside><p>texte du corps</p>",
              "texte du corps");
  /* Paragraphs fallback: only <p> text, not loose text or other articles. */
  assert_body("<div>loose 5</div><p>un</p><div><p>deux</p></div><article><p>z</p></article>"
              "<p>trois paragraphes assez longs</p>",
              "un\n\ndeux\n\ntrois paragraphes assez longs");
}

static void metadata_rules(void **state) {
  (void)state;
  bl_article a;
  bl_error err;
  bl_reader *r;
  const char *s = "<html><head><title> Titre\n de page </title>"
                  "<link rel=\"stylesheet canonical\" href=\"https://www.site.example:8080/a\">"
                  "</head><body><div><time datetime=\"2020-01-01\">x</time></div>"
                  "<article><header><time datetime=\"2024-10-13T23:00:00-05:00\">hier</time>"
                  "</header><p>t</p></article></body></html>";
  assert_int_equal(html(s, strlen(s), &a, &err, &r), 1);
  assert_str(a.title, "Titre de page");
  assert_str(a.url, "https://www.site.example:8080/a");
  assert_str(a.outlet, "site.example");
  assert_str(a.date, "2024-10-13"); /* the article's <time>, as the publisher wrote it */
  bl_reader_free(r);
  /* meta name=date beats <time>; an unreadable date is kept as written. */
  s = "<head><meta name=\"pubdate\" content=\"mardi 15 octobre\"></head>"
      "<article><time datetime=\"2024-10-13\"></time><p>t</p></article>";
  assert_int_equal(html(s, strlen(s), &a, &err, &r), 1);
  assert_str(a.date, "mardi 15 octobre");
  assert_str(a.title, NULL);
  assert_str(a.outlet, NULL);
  bl_reader_free(r);
  /* The headline: out of the body, the title when nothing else names one. */
  s = "<article><h1>Au moins <a href=\"#\">12</a> morts</h1><p>Texte.</p></article>";
  assert_int_equal(html(s, strlen(s), &a, &err, &r), 1);
  assert_str(a.title, "Au moins 12 morts");
  assert_str(a.body, "Texte.");
  bl_reader_free(r);
  /* Only a page's own <time> otherwise. */
  s = "<div><time datetime=\"14/10/2024\">x</time></div><p>t</p>";
  assert_int_equal(html(s, strlen(s), &a, &err, &r), 1);
  assert_str(a.date, "2024-10-14");
  bl_reader_free(r);
}

static void charsets(void **state) {
  (void)state;
  /* UTF-8 without a declaration (libxml2 alone would read Latin-1). */
  assert_body("<p>café à 3\u00a0€</p>", "café à 3\u00a0€");
  /* Undeclared legacy bytes: windows-1252, all 256 of them. */
  assert_body("<p>l\x92\xe9t\xe9 \x80 \x9c\x81</p>", "l\u2019été € \u0153\xc2\x81");
  /* A page re-encoded to UTF-8 whose <meta> still says Latin-1. */
  assert_body("<meta charset=\"iso-8859-1\"><p>café</p>", "café");
  /* A charset nobody knows, on UTF-8 bytes. */
  assert_body("<meta charset=\"x-bogus\"><p>café</p>", "café");
  /* A declared charset the bytes break: windows-1252 instead, no failure. */
  assert_body("<meta charset=\"shift_jis\"><p>\xff\xfe caf\xe9</p>", "ÿþ café");
  /* Mostly UTF-8 with a stray byte: UTF-8, the stray byte U+FFFD. */
  assert_body("<p>café \xe9t\xc3\xa9</p>", "café \ufffdt\u00e9");
  /* Declared through http-equiv. */
  assert_body("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
              "<p>\xa4 \xe9</p>",
              "€ é");
}

static void nesting(void **state) {
  (void)state;
  bl_article a;
  bl_error err;
  bl_reader *r;
  /* 200 levels: read. */
  size_t depth = 200, n = depth * 11 + 64;
  char *s = malloc(n);
  assert_non_null(s);
  size_t k = 0;
  for (size_t i = 0; i < depth; i++) k += (size_t)sprintf(s + k, "<div>");
  k += (size_t)sprintf(s + k, "12 morts");
  for (size_t i = 0; i < depth; i++) k += (size_t)sprintf(s + k, "</div>");
  assert_int_equal(html(s, k, &a, &err, &r), 1);
  assert_str(a.body, "12 morts");
  bl_reader_free(r);
  free(s);
  /* 100 000 levels, never closed: refused, without crash or deep recursion. */
  depth = 100000;
  s = malloc(depth * 5 + 16);
  assert_non_null(s);
  for (k = 0; k < depth; k++) put(s + 5 * k, "<div>");
  put(s + 5 * depth, "x");
  assert_int_equal(html(s, 5 * depth + 1, &a, &err, &r), -BL_LIMIT);
  assert_non_null(strstr(err.msg, "256"));
  bl_reader_free(r);
  /* Inline elements nest too: <b> 100 000 times. */
  for (k = 0; k < depth; k++) put(s + 5 * k, "<b>ab");
  assert_int_equal(html(s, 5 * depth, &a, &err, &r), -BL_LIMIT);
  bl_reader_free(r);
  free(s);
}

static void broken_and_empty(void **state) {
  (void)state;
  bl_article a;
  bl_error err;
  bl_reader *r;
  /* NUL bytes are dropped by the parser; the text goes on. */
  const char nul[] = "<p>a\0b 3 morts</p>\0<p>c</p>";
  assert_int_equal(html(nul, sizeof nul - 1, &a, &err, &r), 1);
  assert_null(memchr(a.body.ptr, '\0', a.body.len));
  assert_non_null(strstr(a.body.ptr, "3 morts"));
  bl_reader_free(r);
  /* Unclosed and misnested tags. */
  assert_body("<p>un <b>deux <i>trois</b> quatre</i><p>cinq", "un deux trois quatre\n\ncinq");
  assert_body("<article><p>a</div></span></p></p>b</article>", "a\n\nb");
  /* An attribute value never closed swallows the rest of the page. */
  const char *unclosed = "<p attr=\"x>y</p>";
  assert_int_equal(html(unclosed, strlen(unclosed), &a, &err, &r), -BL_PARSE);
  bl_reader_free(r);
  /* No text: BL_PARSE. */
  const char *empty[] = {"", "<html></html>", "<script>12</script>", "<!-- x -->", "   "};
  for (size_t i = 0; i < BL_ARRAY_LEN(empty); i++) {
    assert_int_equal(html(empty[i], strlen(empty[i]), &a, &err, &r), -BL_PARSE);
    assert_non_null(strstr(err.msg, "no article text"));
    assert_null(a.body.ptr);
    assert_int_equal(bl_reader_next(r, &a, &err), 0);
    bl_reader_free(r);
  }
}

static void size_limit(void **state) {
  (void)state;
  const char *s = "<p>0123456789</p>";
  bl_error err;
  bl_article a;
  bl_reader *r = bl_reader_open_mem("t.html", s, strlen(s), BL_FMT_HTML, &err);
  bl_reader_set_limits(r, strlen(s) - 1, 0);
  assert_int_equal(bl_reader_next(r, &a, &err), -BL_LIMIT);
  bl_reader_free(r);
}

static void never_prints(void **state) {
  (void)state;
  /* Inputs that make libxml2 complain, with stderr sent to a file. */
  const char *inputs[] = {"<p>\xff\xfe\x01 caf\xe9</p>", "<meta charset=\"x-bogus\"><p>\xe9</p>",
                          "<meta charset=\"shift_jis\"><p>\xff\xff</p>", "\xff\xfe<\0p\0>\0",
                          "<p><<<>>>&&&;;</q></r><!DOCTYPE><?pi?><![CDATA[x]]>"};
  fflush(stderr);
  int saved = dup(2);
  assert_true(saved >= 0);
  const char *path = temp_file("", 0);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  assert_true(dup2(fileno(f), 2) >= 0);
  for (size_t i = 0; i < BL_ARRAY_LEN(inputs); i++) {
    bl_article a;
    bl_error err;
    bl_reader *r;
    size_t n = i == 3 ? 8 : strlen(inputs[i]);
    int rc = html(inputs[i], n, &a, &err, &r);
    assert_true(rc == 1 || rc == -BL_PARSE);
    bl_reader_free(r);
  }
  fflush(stderr);
  assert_true(dup2(saved, 2) >= 0);
  close(saved);
  fclose(f);
  size_t len;
  char *out = slurp_file(path, &len);
  if (len) print_error("stderr got: %s\n", out);
  assert_int_equal(len, 0);
  free(out);
  unlink(path);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(article_page),
    cmocka_unit_test(main_page),
    cmocka_unit_test(paragraphs_page),
    cmocka_unit_test(teaser_card_is_not_the_article),
    cmocka_unit_test(declared_latin1),
    cmocka_unit_test(text_layout),
    cmocka_unit_test(entities),
    cmocka_unit_test(left_out),
    cmocka_unit_test(choosing_the_article),
    cmocka_unit_test(metadata_rules),
    cmocka_unit_test(charsets),
    cmocka_unit_test(nesting),
    cmocka_unit_test(broken_and_empty),
    cmocka_unit_test(size_limit),
    cmocka_unit_test(never_prints),
};

TEST_READ_MAIN(tests)
