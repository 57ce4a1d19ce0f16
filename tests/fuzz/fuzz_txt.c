/*
 * fuzz_txt.c — libFuzzer target: the .txt reader (an optional `key: value`
 * header, a blank line, the body), then claim extraction on the body it
 * gives (fuzz_reader.h).
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_read(data, size, BL_FMT_TXT);
  return 0;
}
