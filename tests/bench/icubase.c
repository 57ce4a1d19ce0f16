/*
 * icubase.c — `make bench` baseline for `bilan extract`: what every design
 * pays before reading a word, over the same bytes: ICU's UTF-8 to UTF-16
 * conversion and French sentence breaking.  Reads FILE in pieces of 1 MiB
 * ending at a line end; prints the number of sentences (so the work is not
 * optimised away) and the seconds taken.
 *
 *   bilan-icubase FILE
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#define PIECE (1u << 20)

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bilan-icubase FILE\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  char *buf = malloc(PIECE);
  UChar *u16 = malloc(sizeof(UChar) * (PIECE + 1));
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = buf && u16 ? ubrk_open(UBRK_SENTENCE, "fr", NULL, 0, &st) : NULL;
  if (!bi) {
    fprintf(stderr, "bilan-icubase: %s\n", buf && u16 ? u_errorName(st) : "out of memory");
    free(buf);
    free(u16);
    fclose(f);
    return 1;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  size_t len = 0, sentences = 0;
  int rc = 0;
  for (;;) {
    size_t got = fread(buf + len, 1, PIECE - len, f);
    len += got;
    if (len == 0) break;
    size_t cut = len;
    if (got > 0 && len == PIECE) {
      while (cut > 0 && buf[cut - 1] != '\n') cut--;
      if (cut == 0) cut = len;
    }
    int32_t n16 = 0;
    st = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u16, PIECE + 1, &n16, buf, (int32_t)cut, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
      fprintf(stderr, "bilan-icubase: %s\n", u_errorName(st));
      rc = 1;
      break;
    }
    ubrk_setText(bi, u16, n16, &st);
    while (ubrk_next(bi) != UBRK_DONE) sentences++;
    memmove(buf, buf + cut, len - cut);
    len -= cut;
    if (got == 0 && len == 0) break;
    if (got == 0 && cut == len) break;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (!rc)
    printf("%zu sentences %.3f s\n", sentences,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
  ubrk_close(bi);
  free(buf);
  free(u16);
  fclose(f);
  return rc;
}
