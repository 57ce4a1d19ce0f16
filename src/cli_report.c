/*
 * cli_report.c — `bilan report`: the database as one self-contained HTML
 * page (SPEC §2; the page itself: report_html.c, docs/report.md).  The page
 * is written to a temporary file next to the target and renamed over it, so
 * that a failed run never leaves half a report.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "report.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char report_usage[] =
    "usage: bilan report [--db PATH] [--event KEY] -o FILE.html\n"
    "\n"
    "Write the database as one self-contained HTML page (no script, nothing\n"
    "fetched from the network): for each event, a timeline chart of every toll\n"
    "(category, group) with the figures of each outlet by date, the hedges drawn\n"
    "as the wording allows them, the conflicts linked to their two claims, and\n"
    "every claim with its sentence, outlet, date, source and article.\n"
    "\n"
    "  -o, --output FILE  the page to write ('-': standard output)\n"
    "  --db PATH          the database (default $BILAN_DB, else ./bilan.db)\n"
    "  --event KEY        only this event\n"
    "\n"
    "Examples:\n"
    "  bilan report -o report.html\n"
    "  bilan report --db news.db --event sorvene-2024-crue -o crue.html\n"
    "  bilan report -o - | gzip > report.html.gz\n";

/* Write data to path through a temporary file in the same directory. */
static int write_atomic(const char *path, const char *data, size_t len) {
  if (!strcmp(path, "-")) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout)) {
      cli_error("standard output: %s", strerror(errno));
      return EXIT_REJECTED;
    }
    return EXIT_OK;
  }
  size_t n = strlen(path);
  char *tmp = malloc(n + 16);
  if (!tmp) {
    cli_error("out of memory");
    return EXIT_INTERNAL;
  }
  snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    cli_error("%s: cannot write: %s", path, strerror(errno));
    free(tmp);
    return EXIT_REJECTED;
  }
  FILE *f = fdopen(fd, "wb");
  bool ok = f && fwrite(data, 1, len, f) == len;
  if (f)
    ok = !fclose(f) && ok;
  else
    close(fd);
  /* mkstemp makes the file private; a report is an ordinary document. */
  mode_t mask = umask(0);
  umask(mask);
  ok = ok && chmod(tmp, 0666 & ~mask) == 0 && rename(tmp, path) == 0;
  if (!ok) {
    cli_error("%s: cannot write: %s", path, strerror(errno));
    unlink(tmp);
    free(tmp);
    return EXIT_REJECTED;
  }
  free(tmp);
  return EXIT_OK;
}

int cmd_report(int argc, char **argv) {
  static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                           {"event", required_argument, NULL, 'e'},
                                           {"output", required_argument, NULL, 'o'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  const char *db = NULL, *event = NULL, *out = NULL;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
    switch (c) {
    case 'd':
      db = optarg;
      break;
    case 'e':
      event = optarg;
      break;
    case 'o':
      out = optarg;
      break;
    case 'h':
      fputs(report_usage, stdout);
      return EXIT_OK;
    default:
      fputs(report_usage, stderr);
      return EXIT_USAGE;
    }
  }
  if (optind != argc) {
    cli_error("report takes no argument '%s' (the page is named with -o)", argv[optind]);
    return EXIT_USAGE;
  }
  if (!out || !*out) {
    cli_error("report needs -o FILE.html (or -o - for standard output)");
    return EXIT_USAGE;
  }
  const char *path = cli_db_path(db);
  bl_store *s = cli_db_open(path, true);
  bl_error err;
  memset(&err, 0, sizeof err);
  bl_buf page;
  bl_buf_init(&page);
  bl_report_info info = {path, event};
  int rc = bl_report_html(&page, bl_store_db(s), &info, &err);
  bl_store_free(s);
  if (rc) {
    bl_buf_clear(&page);
    cli_error("report: %s", err.msg);
    return rc == BL_USAGE ? EXIT_USAGE : rc == BL_DB ? EXIT_DB : EXIT_INTERNAL;
  }
  int ex = write_atomic(out, page.ptr, page.len);
  bl_buf_clear(&page);
  return ex;
}
