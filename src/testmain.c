// The test binary of `gol test` (testmain.h): loads a package with its _test.go files,
// finds its Test, Benchmark and Example functions (and TestMain, and each example's
// `// Output:` comment), generates the main package the go command generates
// (_testmain.go, calling testing.MainStart), then compiles and runs it in the package's
// directory, as go test runs a test binary.
#include "testmain.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/buf.h"
#include "../runtime/out.h"
#include "../runtime/pkg/os.h"
#include "../runtime/race.h"
#include "../runtime/sched.h"
#include "../runtime/vm.h"
#include "check.h"
#include "compile.h"
#include "deepstack.h"
#include "load.h"
#include "parse.h"
#include "vet.h"

// One function of the tests: its kind, name and which package (internal or x_test).
typedef struct TestFn {
    char kind;         // 'T' test, 'B' benchmark, 'F' fuzz test, 'E' example
    const char *name;
    bool x;            // in the x_test package
    const char *output; // examples: the expected output (NULL: none, not run)
    bool unordered;
} TestFn;

typedef struct TestScan {
    const char *path;  // the package's import path (for the error header)
    VEC(TestFn) fns;
    int test_main;     // 0: none, 1: in the package, 2: in x_test
    bool bad;          // a wrong signature was reported
} TestScan;

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

// The go command's isTest: [name] is [prefix] followed by nothing or a non-lowercase rune.
static bool is_test_name(const char *name, const char *prefix) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0)
        return false;
    return name[n] == 0 || !(name[n] >= 'a' && name[n] <= 'z');
}

// ---- example output comments (go/doc's exampleOutput) ----

// The text of the comment group [s, e) (comment markers and the first space of `//` lines
// removed), as ast.CommentGroup.Text.
static char *group_text(const char *s, const char *e) {
    Buf b = {0};
    const char *p = s;
    while (p < e) {
        if (p[0] == '/' && p[1] == '/') {
            p += 2;
            if (*p == ' ')
                p++;
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            const char *end = nl ? nl : e;
            buf_put(&b, p, (size_t)(end - p));
            buf_putc(&b, '\n');
            p = end;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (!end || end > e)
                end = e;
            buf_put(&b, p + 2, (size_t)(end - p - 2));
            buf_putc(&b, '\n');
            p = end + 2;
        } else
            p++;
    }
    return (char *)buf_cstr(&b);
}

// Skip a string, rune or raw string literal at [p]; returns the byte after it.
static const char *skip_literal(const char *p, const char *e) {
    char q = *p++;
    while (p < e && *p != q) {
        if (*p == '\\' && q != '`')
            p++;
        p++;
    }
    return p < e ? p + 1 : e;
}

// The last comment group inside the body text [s, e).
static bool last_group(const char *s, const char *e, const char **gs, const char **ge) {
    const char *p = s, *cur_s = NULL, *cur_e = NULL;
    while (p < e) {
        if (*p == '"' || *p == '\'' || *p == '`') {
            p = skip_literal(p, e);
            continue;
        }
        if (p[0] == '/' && (p[1] == '/' || p[1] == '*')) {
            const char *end;
            if (p[1] == '/') {
                end = memchr(p, '\n', (size_t)(e - p));
                end = end ? end : e;
            } else {
                end = strstr(p + 2, "*/");
                end = end && end < e ? end + 2 : e;
            }
            int newlines = 0; // a group is comments separated by at most one line break
            for (const char *q = cur_e; q && q < p; q++) {
                if (*q == '\n')
                    newlines++;
                else if (*q != ' ' && *q != '\t' && *q != '\r')
                    newlines = 2;
            }
            if (!cur_s || newlines > 1)
                cur_s = p;
            cur_e = end;
            p = end;
            continue;
        }
        if (cur_e && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '}')
            cur_s = cur_e = NULL; // code after the comment: not the last one
        p++;
    }
    *gs = cur_s;
    *ge = cur_e;
    return cur_s != NULL;
}

// Fill [fn]'s output from the function's last comment when it is an Output comment.
static void example_output(Decl *d, TestFn *fn) {
    uint32_t len;
    const char *text = pos_file_text(d->body->lbrace.file, &len);
    const char *s = text + d->body->lbrace.off + 1, *e = text + d->body->rbrace.off, *gs, *ge;
    if (!text || !last_group(s, e, &gs, &ge))
        return;
    char *t = group_text(gs, ge);
    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++;
    bool unordered = strncasecmp(t, "unordered output:", 17) == 0;
    if (!unordered && strncasecmp(t, "output:", 7) != 0)
        return;
    t += unordered ? 17 : 7;
    while (*t == ' ')
        t++;
    if (*t == '\n')
        t++;
    fn->output = t;
    fn->unordered = unordered;
}

// ---- finding the tests ----

static int nparams(Decl *d) {
    FieldVec *ps = &d->ftype->fields;
    int n = 0;
    for (int i = 0; i < ps->n; i++)
        n += ps->v[i]->names.n ? ps->v[i]->names.n : 1;
    return n;
}

// The go command's error for a test function of the wrong type: its position is absolute.
// Whether the one parameter of [d] is written *X.[type] (testing imported under any name).
static bool param_is(Decl *d, const char *type) {
    Expr *t = d->ftype->fields.n ? d->ftype->fields.v[0]->type : NULL;
    if (!t || t->kind != E_STAR || !t->x || t->x->kind != E_SELECTOR)
        return false;
    return strcmp(t->x->name, type) == 0;
}

static void bad_signature(TestScan *sc, Decl *d, const char *name, const char *want) {
    int line, col;
    pos_line_col(d->pos, &line, &col);
    char abs[PATH_MAX];
    const char *file = pos_file_name(d->pos.file);
    if (realpath(file, abs))
        file = abs;
    out_flush();
    if (!sc->bad)
        fprintf(stderr, "# %s\n", sc->path);
    fprintf(stderr, "%s:%d:%d: wrong signature for %s, must be: func %s(%s)\n", file, line, col,
            name, name, want);
    sc->bad = true;
}

static void scan_decl(TestScan *sc, Decl *d, bool x) {
    if (d->kind != D_FUNC || d->recv || !d->body || d->tparams.n)
        return;
    const char *name = d->name->name;
    TestFn fn = {0, name, x, NULL, false};
    int np = nparams(d);
    bool results = d->ftype->results.n > 0;
    if (strcmp(name, "TestMain") == 0) {
        if (np != 1 || results || !param_is(d, "M")) {
            bad_signature(sc, d, name, "m *testing.M");
        }
        sc->test_main = x ? 2 : 1;
        return;
    }
    const char *want = NULL;
    if (is_test_name(name, "Test"))
        fn.kind = 'T', want = "t *testing.T";
    else if (is_test_name(name, "Benchmark"))
        fn.kind = 'B', want = "b *testing.B";
    else if (is_test_name(name, "Fuzz"))
        fn.kind = 'F', want = "f *testing.F";
    else if (is_test_name(name, "Example"))
        fn.kind = 'E', want = "";
    else
        return;
    if (np != (fn.kind == 'E' ? 0 : 1) || results ||
        (fn.kind != 'E' && !param_is(d, fn.kind == 'T' ? "T" : fn.kind == 'B' ? "B" : "F"))) {
        bad_signature(sc, d, name, want);
        return;
    }
    if (fn.kind == 'E')
        example_output(d, &fn);
    vec_push(&sc->fns, fn);
}

static void scan_files(TestScan *sc, FileVec *files, bool x) {
    for (int i = 0; files && i < files->n; i++) {
        File *f = files->v[i];
        const char *fname = pos_file_name(f->file_id);
        if (!has_suffix(fname, "_test.go") && !has_suffix(fname, "_test.gol"))
            continue;
        for (int k = 0; k < f->decls.n; k++)
            scan_decl(sc, f->decls.v[k], x);
    }
}

// ---- the generated main package ----

static void put_quoted(Buf *b, const char *s) {
    buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_puts(b, "\\n");
        else if (c < 0x20 || c == 0x7f)
            buf_printf(b, "\\x%02x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

static bool uses(TestScan *sc, bool x) {
    if (sc->test_main == (x ? 2 : 1))
        return true;
    for (int i = 0; i < sc->fns.n; i++)
        if (sc->fns.v[i].x == x && (sc->fns.v[i].kind != 'E' || sc->fns.v[i].output))
            return true;
    return false;
}

static void put_list(Buf *b, TestScan *sc, char kind, const char *type) {
    buf_printf(b, "var %s = []testing.%s{\n",
               kind == 'T' ? "tests" : kind == 'B' ? "benchmarks" : kind == 'F' ? "fuzzTargets"
                                                                             : "examples", type);
    for (int i = 0; i < sc->fns.n; i++) {
        TestFn *f = &sc->fns.v[i];
        if (f->kind != kind || (kind == 'E' && !f->output))
            continue;
        buf_printf(b, "\t{\"%s\", %s.%s", f->name, f->x ? "_xtest" : "_test", f->name);
        if (kind == 'E') {
            buf_puts(b, ", ");
            put_quoted(b, f->output);
            buf_puts(b, f->unordered ? ", true" : ", false");
        }
        buf_puts(b, "},\n");
    }
    buf_puts(b, "}\n\n");
}

static char *gen_main(TestScan *sc, TestPkg *t) {
    Buf b = {0};
    buf_puts(&b, "package main\n\nimport (\n\t\"os\"\n\t\"reflect\"\n\t\"testing\"\n"
                 "\t\"testing/internal/testdeps\"\n");
    if (uses(sc, false))
        buf_printf(&b, "\t_test \"%s\"\n", t->pkg->path);
    if (t->xpkg && uses(sc, true))
        buf_printf(&b, "\t_xtest \"%s\"\n", t->xpkg->path);
    buf_puts(&b, ")\n\nvar _ = reflect.ValueOf\nvar _ = os.Exit\n\n");
    put_list(&b, sc, 'T', "InternalTest");
    put_list(&b, sc, 'B', "InternalBenchmark");
    put_list(&b, sc, 'F', "InternalFuzzTarget");
    put_list(&b, sc, 'E', "InternalExample");
    buf_puts(&b, "func init() {\n\ttestdeps.ImportPath = ");
    put_quoted(&b, t->pkg->path);
    buf_puts(&b, "\n}\n\nfunc main() {\n\tm := testing.MainStart(testdeps.TestDeps{}, tests, "
                 "benchmarks, fuzzTargets, examples)\n");
    if (sc->test_main)
        buf_printf(&b, "\t%s.TestMain(m)\n\tos.Exit(int(reflect.ValueOf(m).Elem()."
                       "FieldByName(\"exitCode\").Int()))\n}\n",
                   sc->test_main == 2 ? "_xtest" : "_test");
    else
        buf_puts(&b, "\tos.Exit(m.Run())\n}\n");
    return (char *)buf_cstr(&b);
}

// ---- building and running ----

typedef struct Build {
    const char *dir;
    int status;    // TESTMAIN_BUILD_FAILED after errors
    GoFunc *entry;
    const char *path;
} Build;

static void build_failed(Build *bd, Diag *d) {
    out_flush();
    bool in_test = true; // the header names the test binary unless the package itself failed
    if (d && d->msgs.n) {
        const char *f = pos_file_name(d->msgs.v[0].pos.file);
        in_test = has_suffix(f, "_test.go") || has_suffix(f, "_test.gol");
    }
    if (bd->path && in_test)
        fprintf(stderr, "# %s [%s.test]\n", bd->path, bd->path);
    else if (bd->path)
        fprintf(stderr, "# %s\n", bd->path);
    if (d)
        diag_print(d, stderr);
    bd->status = TESTMAIN_BUILD_FAILED;
}

// go test's vet step: the analyzers go test runs, on the package and its x_test package
// (found among the generated main's imports). Findings go to stderr under go's headers;
// false when there were any.
static bool vet_tests(Package *main, TestPkg *t) {
    bool ok = true;
    for (int i = 0; i < main->imports.n; i++) {
        Package *p = main->imports.v[i];
        if (strcmp(p->path, t->pkg->path) != 0 && (!t->xpkg || strcmp(p->path, t->xpkg->path)))
            continue;
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (!f)
            continue;
        int n = vet_package_for_test(p, f);
        fclose(f);
        if (n > 0) {
            out_flush();
            fprintf(stderr, "# %s\n# [%s]\n%s", p->path, p->path, text);
            ok = false;
        }
        free(text);
    }
    return ok;
}

static void front_end(void *arg) {
    Build *bd = arg;
    Diag d = {0};
    Program prog;
    TestPkg t;
    if (!load_test_package(bd->dir, &prog, &t, &d)) {
        bd->path = t.pkg ? t.pkg->path : NULL;
        build_failed(bd, diag_count(&d) ? &d : NULL);
        return;
    }
    bd->path = t.pkg->path;
    TestScan sc = {.path = t.pkg->path};
    scan_files(&sc, &t.pkg->files, false);
    scan_files(&sc, t.xpkg ? &t.xpkg->files : NULL, true);
    if (sc.bad) {
        bd->status = TESTMAIN_SETUP_FAILED;
        return;
    }
    char *src = gen_main(&sc, &t);
    File *main = parse_file(pos_add_file("_testmain.go", src, (uint32_t)strlen(src)), &d);
    if (!main || !load_test_main(&prog, &t, main, &d)) {
        build_failed(bd, &d);
        return;
    }
    Package *pkg = check_program(&prog, &d);
    if (pkg->failed || diag_count(&d)) {
        build_failed(bd, &d);
        return;
    }
    if (!vet_tests(pkg, &t)) {
        bd->status = TESTMAIN_BUILD_FAILED;
        return;
    }
    bd->entry = comp_program(pkg);
}

int testmain_run(const char *dir, bool race, int argc, char **argv) {
    Build bd = {.dir = dir};
    if (race)
        race_init(); // before compiling: the compiler instruments accesses
    bool errfd = fcntl(3, F_GETFD) != -1; // gol test's own stderr, for build errors
    if (errfd)
        dup2(3, 2);
    deepstack_run(front_end, &bd, dir);
    if (bd.status)
        return bd.status;
    if (errfd) { // the tests' stderr goes with their stdout
        dup2(1, 2);
        close(3);
    }
    if (chdir(dir) != 0) {
        perror(dir);
        return TESTMAIN_BUILD_FAILED;
    }
    rt_set_args(argc, argv);
    os_set_args(argc, argv);
    G *g = vm_main_g(bd.entry);
    sched_main(g, 0, 0);
    out_flush();
    return 0;
}
