// The command line's grammar, the go command's: `gol [flags] [command] [flags] PROGRAM
// [args]`, flags as Go's flag package takes them (-seed 5, -seed=5, --seed 5), accepted before
// and after the command; the program's own arguments follow the program.
#ifndef GOL_CLI_H
#define GOL_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

typedef enum CliCmd { CMD_NONE, CMD_RUN, CMD_CHECK, CMD_DISASM, CMD_VERSION, CMD_HELP,
                      CMD_VET, CMD_TRACE, CMD_EXPLORE } CliCmd;

typedef struct CliArgs {
    CliCmd cmd;        // CMD_NONE: no command word (run a program, or the REPL without one)
    uint64_t seed;     // -seed N: deterministic scheduling (0: off)
    bool race;         // -race: run with the data race detector
    bool all;          // -all: disasm shows the library's functions and the entry too
    const char *out;   // -o FILE: where trace writes (NULL: PROG.trace.html)
    const char *schedule; // -schedule TOKEN: replay one schedule found by gol explore
    int bound;         // explore -bound N: preemptions per schedule (default 2)
    int64_t max;       // explore -max N: schedules at most (default 10000)
    int64_t timeout_ns; // explore -timeout D: time for the whole exploration (default 1m)
    bool json;         // explore -json: one JSON object instead of the report
    int nprog;         // program words: files of one package, a directory, or "-"
    char **prog;
    int nargs;         // the program's arguments (after the program words)
    char **args;
} CliArgs;

// Parse argv into [a]. On -h/-help it prints the usage on stdout and exits 0; on an
// unknown flag or a bad value it prints the error and the usage on stderr and exits 2.
void cli_parse(int argc, char **argv, CliArgs *a);

// Print the usage to [f] (stdout for help, stderr for errors).
void cli_usage(FILE *f);

// Report a usage error ("gol: " + message), print the usage on stderr, exit 2.
_Noreturn void cli_usage_error(const char *msg);

// gol's version line: "gol version <build> go1.26 linux/amd64".
void cli_print_version(void);

#endif
