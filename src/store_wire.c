/*
 * store_wire.c — layer 7: MinHash signatures of article bodies, to find the
 * copies of one wire dispatch that several outlets publish (store.h).
 *
 * A body is the set of its word 4-shingles.  Each of BL_MINHASH_N hash
 * functions keeps its smallest value over the set; two signatures agree on a
 * position with probability equal to the Jaccard similarity of the sets.
 * The signature is cut into BL_WIRE_BANDS bands whose hashes are indexed in
 * the database (locality-sensitive hashing): two bodies with similarity 0.6
 * share a band with probability 0.99, with 0.3 only 0.42, and candidates are
 * then checked on the whole signature.
 */
#include "store.h"

#include <xxhash.h>

#define SHINGLE 4
#define ROWS (BL_MINHASH_N / BL_WIRE_BANDS)

/* A 64-bit mixer (the splitmix64 finaliser): one hash function per seed. */
static inline uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

static bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

size_t bl_minhash(const char *body, size_t len, uint64_t sig[BL_MINHASH_N]) {
  static const uint64_t seed0 = 0x9e3779b97f4a7c15ull;
  uint64_t win[SHINGLE] = {0};
  size_t words = 0, shingles = 0;
  for (size_t k = 0; k < BL_MINHASH_N; k++) sig[k] = UINT64_MAX;
  char low[64];
  for (size_t i = 0; i < len;) {
    while (i < len && !word_byte((unsigned char)body[i])) i++;
    size_t st = i, n = 0;
    while (i < len && word_byte((unsigned char)body[i])) {
      char c = body[i++];
      if (n < sizeof low) low[n++] = (c >= 'A' && c <= 'Z') ? (char)(c | 0x20) : c;
    }
    if (i == st) break;
    win[words % SHINGLE] = XXH3_64bits(low, n);
    words++;
    if (words < SHINGLE) continue;
    /* The shingle: the last SHINGLE words in order. */
    uint64_t ordered[SHINGLE];
    for (size_t k = 0; k < SHINGLE; k++) ordered[k] = win[(words + k) % SHINGLE];
    uint64_t h = XXH3_64bits(ordered, sizeof ordered);
    shingles++;
    for (size_t k = 0; k < BL_MINHASH_N; k++) {
      uint64_t v = mix(h ^ (seed0 * (k + 1)));
      if (v < sig[k]) sig[k] = v;
    }
  }
  return shingles >= BL_WIRE_MIN_SHINGLES ? shingles : 0;
}

double bl_minhash_similarity(const uint64_t *a, const uint64_t *b) {
  size_t same = 0;
  for (size_t k = 0; k < BL_MINHASH_N; k++) same += a[k] == b[k];
  return (double)same / BL_MINHASH_N;
}

void bl_minhash_bands(const uint64_t *sig, int64_t bands[BL_WIRE_BANDS]) {
  for (size_t b = 0; b < BL_WIRE_BANDS; b++) {
    uint64_t h = XXH3_64bits_withSeed(sig + b * ROWS, ROWS * sizeof *sig, b);
    int64_t v;
    memcpy(&v, &h, sizeof v);
    bands[b] = v;
  }
}
