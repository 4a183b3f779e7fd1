// `gol test [flags] [packages]` (gotest.h), the go command's test driver: go test's flags,
// package patterns (`.`, `./...`, `./x`, import paths of the module), one test binary per
// package (gol itself, re-run as `gol test -test.main DIR`, see testmain.c) whose merged
// output is shown or summarised as go test does: `ok  	pkg	0.012s`, the failures and
// `FAIL	pkg	0.003s`, `?   	pkg	[no test files]`, a final FAIL and exit status 1.
#include "gotest.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/buf.h"
#include "../runtime/pkgsrc.h"
#include "common.h"
#include "test2json.h"
#include "testmain.h"

typedef VEC(char *) Strs;

// go test's flags: each is passed to the test binary as -test.NAME=VALUE.
static const struct { const char *name; bool is_bool; } test_flags[] = {
    {"v", true},         {"run", false},     {"skip", false},     {"bench", false},
    {"benchtime", false}, {"benchmem", true}, {"count", false},    {"failfast", true},
    {"short", true},     {"timeout", false}, {"shuffle", false},  {"cpu", false},
    {"parallel", false}, {"list", false},    {"json", true},      {"race", true},
    {"fuzz", false},
    {NULL, false},
};

typedef struct TestRun {
    Strs bin_args;     // -test.* flags for every test binary
    Strs patterns;     // package patterns (none: the current directory, "local mode")
    bool verbose, bench, json, race, list;
    const char *module, *moddir; // moddir absolute
} TestRun;

static char *dupstr(const char *s) {
    size_t n = strlen(s);
    char *r = gc_alloc_atomic(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

static char *fmt_str(const char *fmt, const char *a, const char *b) {
    char buf[PATH_MAX * 2];
    snprintf(buf, sizeof buf, fmt, a, b);
    return dupstr(buf);
}

static _Noreturn void usage_error(const char *msg, const char *arg) {
    fprintf(stderr, msg, arg);
    fputs("\nusage: gol test [flags] [packages]\nRun 'gol help' for details.\n", stderr);
    exit(2);
}

static bool is_true(const char *v) {
    return !v || strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcmp(v, "t") == 0 ||
           strcmp(v, "T") == 0 || strcmp(v, "TRUE") == 0 || strcmp(v, "True") == 0;
}

// One flag at argv[*i]; advances *i.
static void parse_test_flag(int argc, char **argv, int *i, TestRun *r) {
    const char *name = argv[*i] + 1;
    if (*name == '-')
        name++;
    if (strncmp(name, "test.", 5) == 0)
        name += 5;
    const char *eq = strchr(name, '=');
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    char nm[64];
    snprintf(nm, sizeof nm, "%.*s", (int)(n < 63 ? n : 63), name);
    const char *val = eq ? eq + 1 : NULL;
    (*i)++;
    int k = 0;
    while (test_flags[k].name && strcmp(test_flags[k].name, nm) != 0)
        k++;
    if (!test_flags[k].name)
        usage_error("flag provided but not defined: -%s", nm);
    if (!test_flags[k].is_bool && !val) {
        if (*i >= argc)
            usage_error("flag needs an argument: -%s", nm);
        val = argv[(*i)++];
    }
    if (test_flags[k].is_bool) {
        bool on = is_true(val);
        if (strcmp(nm, "v") == 0)
            r->verbose = on;
        else if (strcmp(nm, "json") == 0)
            r->json = on;
        else if (strcmp(nm, "race") == 0 && on) {
            fputs("gol test: -race: the race detector is not part of this build yet\n", stderr);
            exit(2);
        }
        val = on ? "true" : "false";
    }
    if (strcmp(nm, "fuzz") == 0 && val[0]) {
        fputs("gol test: -fuzz: gol does not fuzz (without -fuzz, FuzzX runs its seed corpus)\n",
              stderr);
        exit(2);
    }
    if (strcmp(nm, "bench") == 0)
        r->bench = val[0] != 0;
    if (strcmp(nm, "list") == 0)
        r->list = val[0] != 0;
    if (strcmp(nm, "json") != 0 && strcmp(nm, "race") != 0 && strcmp(nm, "fuzz") != 0)
        vec_push(&r->bin_args, fmt_str("-test.%s=%s", nm, val));
}

// ---- packages ----

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

// Whether [dir] holds Go files (any: *tests counts its _test.go files).
static bool go_files(const char *dir, int *tests) {
    DIR *d = opendir(dir);
    if (!d)
        return false;
    int n = 0;
    *tests = 0;
    for (struct dirent *e; (e = readdir(d));) {
        const char *nm = e->d_name;
        if (nm[0] == '.' || nm[0] == '_' || !(has_suffix(nm, ".go") || has_suffix(nm, ".gol")))
            continue;
        n++;
        if (has_suffix(nm, "_test.go") || has_suffix(nm, "_test.gol"))
            (*tests)++;
    }
    closedir(d);
    return n > 0;
}

// Find the module around the current directory.
static bool find_module(TestRun *r) {
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return false;
    for (;;) {
        char path[PATH_MAX + 8];
        snprintf(path, sizeof path, "%s/go.mod", strcmp(dir, "/") ? dir : "");
        FILE *f = fopen(path, "r");
        if (f) {
            char line[1024], word[1024];
            while (fgets(line, sizeof line, f))
                if (sscanf(line, " module %1023s", word) == 1) {
                    char *w = word[0] == '"' ? word + 1 : word;
                    if (has_suffix(w, "\""))
                        w[strlen(w) - 1] = 0;
                    r->module = dupstr(w);
                }
            fclose(f);
            r->moddir = dupstr(dir);
            return r->module != NULL;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return false;
        *slash = 0;
    }
}

typedef struct Pkg {
    char *path, *dir; // import path, directory (absolute)
} Pkg;
typedef VEC(Pkg) Pkgs;

static void add_pkg(TestRun *r, Pkgs *out, const char *abs) {
    size_t ml = strlen(r->moddir);
    const char *rest = abs + ml;
    Pkg p = {*rest ? fmt_str("%s%s", r->module, rest) : dupstr(r->module), dupstr(abs)};
    for (int i = 0; i < out->n; i++)
        if (strcmp(out->v[i].path, p.path) == 0)
            return;
    vec_push(out, p);
}

// The packages under [abs] (the go command's "..."): not testdata, _ or . directories,
// nor nested modules.
static void walk(TestRun *r, Pkgs *out, const char *abs, bool top) {
    int tests;
    char gomod[PATH_MAX + 8];
    snprintf(gomod, sizeof gomod, "%s/go.mod", abs);
    if (!top && access(gomod, F_OK) == 0)
        return;
    if (go_files(abs, &tests))
        add_pkg(r, out, abs);
    DIR *d = opendir(abs);
    if (!d)
        return;
    Strs subs = {0};
    for (struct dirent *e; (e = readdir(d));) {
        const char *nm = e->d_name;
        if (nm[0] == '.' || nm[0] == '_' || strcmp(nm, "testdata") == 0)
            continue;
        char *sub = fmt_str("%s/%s", abs, nm);
        if (is_dir(sub))
            vec_push(&subs, sub);
    }
    closedir(d);
    for (int i = 0; i < subs.n; i++)
        walk(r, out, subs.v[i], false);
}

static bool is_std(const char *path) {
    for (const PkgSource *s = pkg_sources; s->path; s++)
        if (strcmp(s->path, path) == 0)
            return true;
    return false;
}

// The directory of pattern [pat] (without "/..."), absolute; NULL with a message printed.
static char *pattern_dir(TestRun *r, const char *pat) {
    char buf[PATH_MAX];
    size_t ml = strlen(r->module);
    if (pat[0] == '.' || pat[0] == '/') {
        if (!realpath(pat, buf)) {
            char cwd[PATH_MAX];
            fprintf(stderr, "stat %s: directory not found\n",
                    pat[0] == '/' ? pat : fmt_str("%s/%s", getcwd(cwd, sizeof cwd), pat));
            return NULL;
        }
        size_t dl = strlen(r->moddir);
        if (strncmp(buf, r->moddir, dl) != 0 || (buf[dl] && buf[dl] != '/')) {
            fprintf(stderr, "main module (%s) does not contain package %s\n", r->module, buf);
            return NULL;
        }
        return dupstr(buf);
    }
    if (strncmp(pat, r->module, ml) == 0 && (pat[ml] == 0 || pat[ml] == '/'))
        return fmt_str("%s%s", r->moddir, pat + ml);
    if (is_std(pat))
        fprintf(stderr, "gol test: package %s is gol's standard library; gol tests only the "
                        "packages of the current module\n", pat);
    else
        fprintf(stderr, "package %s is not in std\n", pat);
    return NULL;
}

static int cmp_pkg(const void *a, const void *b) {
    return strcmp(((const Pkg *)a)->path, ((const Pkg *)b)->path);
}

static bool expand(TestRun *r, Pkgs *out) {
    bool ok = true;
    for (int i = 0; i < r->patterns.n; i++) {
        char *pat = dupstr(r->patterns.v[i]);
        bool dots = strcmp(pat, "...") == 0 || has_suffix(pat, "/...");
        if (dots && strcmp(pat, "...") == 0)
            pat = dupstr(r->module);
        else if (dots)
            pat[strlen(pat) - 4] = 0;
        char *dir = pattern_dir(r, pat);
        if (!dir) {
            ok = false;
            continue;
        }
        int n = out->n, tests;
        if (dots) {
            walk(r, out, dir, true);
            qsort(out->v + n, (size_t)(out->n - n), sizeof(Pkg), cmp_pkg);
        }
        else if (go_files(dir, &tests))
            add_pkg(r, out, dir);
        else {
            fprintf(stderr, "no Go files in %s\n", dir);
            ok = false;
        }
        if (dots && out->n == n)
            fprintf(stderr, "go: warning: \"%s\" matched no packages\n", r->patterns.v[i]);
    }
    return ok;
}

// ---- running one package's test binary ----

static double now_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// [abs] as the go command names files: relative to the current directory when below it.
static char *rel_dir(const char *abs) {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return (char *)abs;
    size_t n = strlen(cwd);
    if (strcmp(abs, cwd) == 0)
        return ".";
    if (strncmp(abs, cwd, n) == 0 && abs[n] == '/')
        return (char *)abs + n + 1;
    return (char *)abs;
}

// Run the test binary of [p]; its merged stdout and stderr go to [out] (and, when
// [stream], to our stdout as they come). Returns its exit status.
static int run_binary(TestRun *r, Pkg *p, Buf *out, bool stream, T2J *json) {
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int err = dup(2); // build errors go to our stderr as fd 3 (testmain.c)
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        dup2(err, 3);
        for (int fd = 4; fd < 256; fd++) // the pipe's ends and the copy (fd 3 was replaced)
            close(fd);
        char **argv = calloc((size_t)r->bin_args.n + 5, sizeof(char *));
        int n = 0;
        argv[n++] = "gol";
        argv[n++] = "test";
        argv[n++] = "-test.main";
        argv[n++] = rel_dir(p->dir);
        for (int i = 0; i < r->bin_args.n; i++)
            argv[n++] = r->bin_args.v[i];
        execv("/proc/self/exe", argv);
        perror("gol test: exec");
        _exit(127);
    }
    close(fds[1]);
    char chunk[8192];
    for (;;) {
        ssize_t k = read(fds[0], chunk, sizeof chunk);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        buf_put(out, chunk, (size_t)k);
        if (json)
            t2j_text(json, chunk, (size_t)k);
        else if (stream) {
            fwrite(chunk, 1, (size_t)k, stdout);
            fflush(stdout);
        }
    }
    close(fds[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

// Print go test's line for package [p] (to the JSON stream with -json).
static void summary(TestRun *r, T2J *json, const char *action, double dt, const char *fmt,
                    const char *a, const char *b) {
    char line[PATH_MAX + 128];
    snprintf(line, sizeof line, fmt, a, b);
    if (r->json)
        t2j_finish(json, line, action, dt);
    else
        fputs(line, stdout);
    fflush(stdout);
}

// Test package [p]; true when it passed.
static bool test_package(TestRun *r, Pkg *p) {
    int tests = 0;
    T2J json;
    if (r->json)
        t2j_start(&json, p->path);
    go_files(p->dir, &tests);
    if (tests == 0) {
        summary(r, &json, "skip", 0, "?   \t%s\t[no test files]\n", p->path, "");
        return true;
    }
    bool local = r->patterns.n == 0;
    bool show = local || r->verbose || r->bench || r->list || r->json;
    Buf out = {0};
    double t0 = now_sec();
    int st = run_binary(r, p, &out, show, r->json ? &json : NULL);
    double dt = now_sec() - t0;
    char secs[32];
    snprintf(secs, sizeof secs, "%.3fs", dt);
    const char *text = buf_cstr(&out);
    if (st == TESTMAIN_BUILD_FAILED || st == TESTMAIN_SETUP_FAILED) {
        summary(r, &json, "fail", dt, "FAIL\t%s [%s failed]\n", p->path,
                st == TESTMAIN_BUILD_FAILED ? "build" : "setup");
        return false;
    }
    if (st == 0) {
        bool norun = strncmp(text, "testing: warning: no tests to run\n", 34) == 0 ||
                     strstr(text, "\ntesting: warning: no tests to run\n");
        summary(r, &json, NULL, dt, norun ? "ok  \t%s\t%s [no tests to run]\n" : "ok  \t%s\t%s\n",
                p->path, secs);
        return true;
    }
    if (!show)
        fputs(text, stdout);
    if (local && !r->json)
        printf("exit status %d\n", st);
    summary(r, &json, "fail", dt, "FAIL\t%s\t%s\n", p->path, secs);
    return false;
}

int gotest_main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[2], "-test.main") == 0) {
        char *dir = argv[3];
        argv[3] = "/tmp/go-build/pkg.test"; // the binary's os.Args[0]
        return testmain_run(dir, argc - 3, argv + 3);
    }
    TestRun r = {0};
    for (int i = 2; i < argc;) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1] && strcmp(a, "--") != 0) {
            if (strcmp(a, "-h") == 0 || strcmp(a, "-help") == 0 || strcmp(a, "--help") == 0) {
                gotest_usage(stdout);
                return 0;
            }
            parse_test_flag(argc, argv, &i, &r);
        } else if (strcmp(a, "--") == 0)
            i++;
        else
            vec_push(&r.patterns, argv[i++]);
    }
    bool has_timeout = false;
    for (int i = 0; i < r.bin_args.n; i++)
        has_timeout |= strncmp(r.bin_args.v[i], "-test.timeout=", 14) == 0;
    if (r.json) // test2json reads the marked -v output
        vec_push(&r.bin_args, "-test.v=test2json");
    if (!has_timeout) // go test's default
        vec_push(&r.bin_args, "-test.timeout=10m0s");
    if (!find_module(&r)) {
        fprintf(stderr, "go: go.mod file not found in current directory or any parent "
                        "directory; see 'go help modules'\n");
        return 1;
    }
    Pkgs pkgs = {0};
    if (r.patterns.n == 0) {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            add_pkg(&r, &pkgs, cwd);
    } else if (!expand(&r, &pkgs))
        return 1;
    bool ok = true;
    for (int i = 0; i < pkgs.n; i++)
        if (!test_package(&r, &pkgs.v[i])) {
            ok = false;
        }
    if (!ok && r.patterns.n == 0)
        return 1;
    if (!ok && r.json)
        return 1;
    if (!ok) {
        puts("FAIL");
        fflush(stdout);
        return 1;
    }
    return 0;
}

void gotest_usage(FILE *f) {
    fputs("usage: gol test [flags] [packages]\n"
          "\n"
          "Runs the tests, examples and benchmarks of the packages (as go test): `.` (the\n"
          "default), `./...`, `./dir`, or import paths inside the current module.\n"
          "\n"
          "Flags (also as -test.NAME):\n"
          "  -v              verbose: === RUN / --- PASS lines and every log\n"
          "  -run REGEXP     run only the tests and examples matching (per level: A/B)\n"
          "  -skip REGEXP    skip the tests matching\n"
          "  -bench REGEXP   run the benchmarks matching (. for all)\n"
          "  -benchtime T    time (1s) or iterations (100x) per benchmark\n"
          "  -benchmem       print memory allocations of benchmarks\n"
          "  -count N        run each test and benchmark N times\n"
          "  -cpu LIST       GOMAXPROCS values to run the tests with (1,2,4)\n"
          "  -failfast       stop after the first failing test\n"
          "  -short          testing.Short() reports true\n"
          "  -timeout D      panic after D (default 10m)\n"
          "  -shuffle off|on|N   run tests in random order\n"
          "  -parallel N     parallel tests running at once (default GOMAXPROCS)\n"
          "  -json           print test2json's event stream\n"
          "  -list REGEXP    list the tests, benchmarks and examples matching\n",
          f);
}
