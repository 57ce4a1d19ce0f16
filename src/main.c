/*
 * main.c — the `bilan` command: parses the command name and hands over to
 * cli_<command>.c.  Only the CLI layer prints and exits (exit codes: cli.h).
 */
#include "cli.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static const char usage[] =
    "usage: bilan COMMAND [OPTIONS] [PATH...]\n"
    "\n"
    "bilan reads French news and turns every reported figure into a structured,\n"
    "comparable claim.\n"
    "\n"
    "Commands:\n"
    "  numbers   every quantity expression, JSON Lines\n"
    "  extract   every claim of the articles, JSON Lines or TSV; no database\n"
    "  ingest    extract the claims of articles into the database\n"
    "  tolls     every figure of each toll, by outlet, source and date\n"
    "  conflicts figures of one toll that disagree, or were revised down\n"
    "  query     read-only SQL over the database (table, CSV or JSON)\n"
    "  report    the database as one HTML page: charts, conflicts, provenance\n"
    "\n"
    "  bilan COMMAND --help   options and examples of a command\n"
    "  bilan --version        versions of bilan and of its grammar\n"
    "\n"
    "Exit status: 0 all good; 1 some inputs were rejected (the others were fully\n"
    "processed); 2 usage error; 3 database error; 4 internal error.\n";

int main(int argc, char **argv) {
#ifdef __GLIBC__
  /* Compiling the grammar at start-up grows and frees the heap again and
   * again; glibc's default gives its free top back to the kernel past
   * 128 KiB and faults it in anew.  Keeping up to 32 MiB halves the page
   * faults and cuts start-up from about 0.2 s to 0.08 s of CPU
   * (docs/bench.md), which every run pays; memory stays bounded. */
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "--version")) {
    printf("bilan %s (grammar %s)\n", bl_version(), bl_grammar_version(cli_grammar()));
    return EXIT_OK;
  }
  static const struct {
    const char *name;
    int (*fn)(int, char **);
  } commands[] = {{"numbers", cmd_numbers},
                   {"extract", cmd_extract},
                   {"ingest", cmd_ingest},
                   {"tolls", cmd_tolls},
                   {"conflicts", cmd_conflicts},
                   {"query", cmd_query},
                   {"report", cmd_report}};
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(cmd, commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
  cli_error("unknown command '%s' (see bilan --help)", cmd);
  return EXIT_USAGE;
}
