/*
 * fuzz_jsonl.c — libFuzzer target: the JSON Lines reader (one article per
 * line, bad lines refused with their number and skipped), then claim
 * extraction on each body it gives (fuzz_reader.h).
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_read(data, size, BL_FMT_JSONL);
  return 0;
}
