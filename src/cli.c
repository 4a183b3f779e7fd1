// The command-line grammar (cli.h): Go's flag package rules for the flags, the go command's
// for where they may appear (before or after the command word), the usage text and the
// version line. Everything after the program words belongs to the program, as with go run.
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "version.h"

static const struct { const char *name; CliCmd cmd; } commands[] = {
    {"run", CMD_RUN},         {"check", CMD_CHECK}, {"disasm", CMD_DISASM},
    {"version", CMD_VERSION}, {"help", CMD_HELP},   {"vet", CMD_VET},
    {"trace", CMD_TRACE},
    {"explore", CMD_EXPLORE},
    {NULL, CMD_NONE},
};

void cli_usage(FILE *f) {
    fputs("usage: gol [flags] [command] [flags] PROGRAM [arguments...]\n"
          "       gol test [test flags] [packages]\n"
          "       gol [flags]              (the interactive REPL)\n"
          "\n"
          "PROGRAM is one of:\n"
          "  FILE.go | FILE.gol           a program in one file\n"
          "  FILE.go FILE.go...           the files of one package main\n"
          "  DIR | .                      the package main in a directory\n"
          "  -                            a program read from standard input\n"
          "\n"
          "Commands:\n"
          "  run       run the program (the default)\n"
          "  check     parse and type-check only\n"
          "  disasm    print the bytecode, with source lines\n"
          "  vet       type-check, then report likely mistakes as go vet does\n"
          "  trace     run the program and write its timeline: PROG.trace.html, or -o FILE\n"
          "            (.html: a page to open in a browser; .json: the event log)\n"
          "  explore   run the program under every schedule (within a preemption bound)\n"
          "            and list each distinct outcome with a replay token\n"
          "  test      run a module's tests as go test does (gol test -h: its flags)\n"
          "  version   print gol's version\n"
          "  help      print this help\n"
          "\n"
          "Flags (-flag, --flag, -flag=value and -flag value are all accepted):\n"
          "  -seed N   deterministic scheduling: one thread, virtual time, seeded choices\n"
          "  -race     report data races as Go's detector does (exit status 66 if any)\n"
          "  -schedule TOKEN  replay the schedule of a token printed by gol explore\n"
          "  -all      disasm: every function (library and runtime entry too)\n"
          "  -o FILE   trace: write the trace to FILE (.html or .json)\n"
          "  -bound N  explore: preemptions per schedule (default 2)\n"
          "  -max N    explore: schedules at most (default 10000)\n"
          "  -timeout D  explore: time for the whole exploration (default 1m)\n"
          "  -json     explore: print one JSON object instead of the report\n"
          "  -version  print gol's version\n"
          "  -help     print this help\n",
          f);
}

_Noreturn void cli_usage_error(const char *msg) {
    fprintf(stderr, "gol: %s\n", msg);
    cli_usage(stderr);
    exit(2);
}

#if defined(__x86_64__)
#define GOARCH "amd64"
#elif defined(__aarch64__)
#define GOARCH "arm64"
#elif defined(__i386__)
#define GOARCH "386"
#else
#define GOARCH "unknown"
#endif

void cli_print_version(void) {
    printf("gol version %s go1.26 linux/" GOARCH "\n", GOL_VERSION);
}

static _Noreturn void flag_error(const char *fmt, const char *a, const char *b) {
    char msg[512];
    snprintf(msg, sizeof msg, fmt, a, b);
    fprintf(stderr, "%s\n", msg);
    cli_usage(stderr);
    exit(2);
}

// Parse a uint64 as Go's strconv.ParseUint(s, 0, 64) does for flag.Uint64 (decimal, 0x,
// 0o, 0b, 0 prefix; underscores only with a prefix are not needed here).
static bool parse_uint(const char *s, uint64_t *v) {
    if (!*s || *s == '-' || *s == '+' || *s == ' ')
        return false;
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        base = 2, s += 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
        base = 8, s += 2;
    else if (s[0] == '0' && s[1])
        base = 8, s += 1;
    if (!*s)
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, base);
    if (*end || errno)
        return false;
    *v = x;
    return true;
}

// Go's time.ParseDuration for the forms a command line uses: "90s", "1m30s", "1.5h",
// "500ms". False on anything else or a non-positive duration.
static bool parse_duration(const char *s, int64_t *ns) {
    static const struct { const char *u; double ns; } units[] = {
        {"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9},
    };
    double total = 0;
    if (!*s)
        return false;
    while (*s) {
        char *end;
        if (!((*s >= '0' && *s <= '9') || *s == '.'))
            return false;
        double v = strtod(s, &end);
        if (end == s)
            return false;
        s = end;
        int best = -1;
        size_t bestlen = 0;
        for (int k = 0; k < 7; k++) {
            size_t n = strlen(units[k].u);
            if (strncmp(s, units[k].u, n) == 0 && n > bestlen)
                best = k, bestlen = n;
        }
        if (best < 0)
            return false;
        total += v * units[best].ns;
        s += bestlen;
    }
    if (total <= 0 || total > 9e18)
        return false;
    *ns = (int64_t)total;
    return true;
}

// A flag with a value: -schedule, -bound, -max, -timeout.
static void value_flag(const char *nm, const char *val, CliArgs *a) {
    uint64_t v = 0;
    if (strcmp(nm, "schedule") == 0) {
        a->schedule = val;
    } else if (strcmp(nm, "timeout") == 0) {
        if (!parse_duration(val, &a->timeout_ns))
            flag_error("invalid value \"%s\" for flag -%s: parse error", val, nm);
    } else if (!parse_uint(val, &v) || v > (strcmp(nm, "bound") == 0 ? 1000u : 100000000u)) {
        flag_error("invalid value \"%s\" for flag -%s: parse error", val, nm);
    } else if (strcmp(nm, "bound") == 0) {
        a->bound = (int)v;
    } else {
        a->max = v > 0 ? (int64_t)v : 1;
    }
}

// One flag at argv[*i] (which starts with '-' and is not "-" or "--"). Advances *i past
// the flag and its value.
static void parse_flag(int argc, char **argv, int *i, CliArgs *a) {
    const char *arg = argv[*i];
    const char *name = arg + 1;
    if (*name == '-')
        name++;
    if (!*name || *name == '-' || *name == '=')
        flag_error("bad flag syntax: %s%s", arg, "");
    char nm[128];
    const char *eq = strchr(name, '=');
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    if (n >= sizeof nm)
        n = sizeof nm - 1;
    memcpy(nm, name, n);
    nm[n] = 0;
    const char *val = eq ? eq + 1 : NULL;
    (*i)++;
    if (strcmp(nm, "h") == 0 || strcmp(nm, "help") == 0) {
        cli_usage(stdout);
        exit(0);
    }
    if (strcmp(nm, "version") == 0) { // a bool flag
        if (val && strcmp(val, "true") && strcmp(val, "1") && strcmp(val, "false") &&
            strcmp(val, "0"))
            flag_error("invalid boolean value \"%s\" for -version: parse error", val, "");
        if (!val || strcmp(val, "true") == 0 || strcmp(val, "1") == 0)
            a->cmd = CMD_VERSION;
        return;
    }
    if (strcmp(nm, "race") == 0) { // a bool flag
        if (val && strcmp(val, "true") && strcmp(val, "1") && strcmp(val, "false") &&
            strcmp(val, "0"))
            flag_error("invalid boolean value \"%s\" for -race: parse error", val, "");
        a->race = !val || strcmp(val, "true") == 0 || strcmp(val, "1") == 0;
        return;
    }
    if (strcmp(nm, "all") == 0) { // a bool flag (disasm)
        if (val && strcmp(val, "true") && strcmp(val, "1") && strcmp(val, "false") &&
            strcmp(val, "0"))
            flag_error("invalid boolean value \"%s\" for -all: parse error", val, "");
        a->all = !val || strcmp(val, "true") == 0 || strcmp(val, "1") == 0;
        return;
    }
    if (strcmp(nm, "o") == 0) {
        if (!val) {
            if (*i >= argc)
                flag_error("flag needs an argument: -%s", nm, "");
            val = argv[(*i)++];
        }
        a->out = val;
        return;
    }
    if (strcmp(nm, "json") == 0) { // a bool flag (explore)
        if (val && strcmp(val, "true") && strcmp(val, "1") && strcmp(val, "false") &&
            strcmp(val, "0"))
            flag_error("invalid boolean value \"%s\" for -json: parse error", val, "");
        a->json = !val || strcmp(val, "true") == 0 || strcmp(val, "1") == 0;
        return;
    }
    if (strcmp(nm, "schedule") == 0 || strcmp(nm, "bound") == 0 || strcmp(nm, "max") == 0 ||
        strcmp(nm, "timeout") == 0) {
        if (!val) {
            if (*i >= argc)
                flag_error("flag needs an argument: -%s", nm, "");
            val = argv[(*i)++];
        }
        value_flag(nm, val, a);
        return;
    }
    if (strcmp(nm, "seed") == 0) {
        if (!val) {
            if (*i >= argc)
                flag_error("flag needs an argument: -%s", nm, "");
            val = argv[(*i)++];
        }
        if (!parse_uint(val, &a->seed))
            flag_error("invalid value \"%s\" for flag -%s: parse error", val, nm);
        if (a->seed == 0)
            a->seed = 1;
        return;
    }
    flag_error("flag provided but not defined: -%s%s", nm, "");
}

// Flags from argv[*i] on, up to the first non-flag (or past "--").
static void parse_flags(int argc, char **argv, int *i, CliArgs *a) {
    while (*i < argc) {
        const char *s = argv[*i];
        if (s[0] != '-' || s[1] == 0)
            return;
        if (strcmp(s, "--") == 0) {
            (*i)++;
            return;
        }
        parse_flag(argc, argv, i, a);
    }
}

static bool is_source(const char *s) {
    size_t n = strlen(s);
    return (n > 3 && strcmp(s + n - 3, ".go") == 0) || (n > 4 && strcmp(s + n - 4, ".gol") == 0);
}

void cli_parse(int argc, char **argv, CliArgs *a) {
    memset(a, 0, sizeof *a);
    a->bound = 2;
    a->max = 10000;
    a->timeout_ns = 60000000000LL;
    int i = 1;
    parse_flags(argc, argv, &i, a);
    if (i < argc && a->cmd == CMD_NONE) {
        for (int k = 0; commands[k].name; k++)
            if (strcmp(argv[i], commands[k].name) == 0) {
                a->cmd = commands[k].cmd;
                i++;
                parse_flags(argc, argv, &i, a);
                break;
            }
    }
    if (a->cmd == CMD_HELP) {
        cli_usage(stdout);
        exit(0);
    }
    if (a->out && a->cmd != CMD_TRACE)
        flag_error("flag provided but not defined: -%s%s", "o", "");
    a->prog = argv + i;
    if (i < argc) {
        a->nprog = 1;
        // Like go run: the leading arguments naming source files are the package's files.
        if (is_source(argv[i]))
            while (i + a->nprog < argc && is_source(argv[i + a->nprog]))
                a->nprog++;
    }
    a->args = argv + i + a->nprog;
    a->nargs = argc - i - a->nprog;
}
