/*
 * fuzz_html.c — libFuzzer target: the HTML reader (libxml2's parser, the
 * encoding, the choice of the article's text, metadata), then claim
 * extraction on the body it gives (fuzz_reader.h).
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_read(data, size, BL_FMT_HTML);
  return 0;
}
