// Checker tests: parses and type-checks the conformance programs that gol passes (those
// listed in tests/conformance.pass, from ../shared/conformance or the directory in
// GOL_CONFORMANCE; every program when the list is missing). Programs with a `// stderr: L:C:
// msg` directive and exit 1 must fail with that first error; others must check cleanly. Standard-library
// packages come from runtime/pkg/*.go, or from GOL_PKG_DIR (a directory of a_b.go files,
// e.g. throwaway stubs) for packages runtime/pkg does not have yet.
// Usage: check_test [FILE.gol...]  (no arguments: the whole corpus)
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "corpus.h"
#include "types.h"
#include "diag.h"
#include "harness.h"
#include "parse.h"
#include "pos.h"

static char *read_text(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = gc_alloc_atomic((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = 0;
    fclose(f);
    *len = got;
    return buf;
}

typedef VEC(PkgSource) SrcVec;

static bool have_path(SrcVec *v, const char *path) {
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->v[i].path, path) == 0)
            return true;
    return false;
}

// Adds dir's NAME.go and NAME+part.go files as the sources of package NAME (a_b: "a/b"),
// except packages an earlier directory already supplied.
static void add_dir(SrcVec *v, const char *dir) {
    int before = v->n;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".go") != 0)
            continue;
        char *path = gc_strndup(de->d_name, n - 3);
        char *part = strchr(path, '+');
        if (part)
            *part = 0;
        for (char *p = path; *p; p++)
            if (*p == '_')
                *p = '/';
        SrcVec earlier = {v->v, before, before};
        if (have_path(&earlier, path))
            continue;
        char full[1024];
        snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = read_text(full, &len);
        if (!text)
            continue;
        PkgSource s = {path, gc_strdup(full), text, len};
        vec_push(v, s);
    }
    closedir(d);
}

static const PkgSource *sources(void) {
    SrcVec v = {0};
    add_dir(&v, "runtime/pkg");
    if (getenv("GOL_PKG_DIR"))
        add_dir(&v, getenv("GOL_PKG_DIR"));
    PkgSource end = {0};
    vec_push(&v, end);
    return v.v;
}

// The expected first error ("L:C: msg") of a program, or NULL.
static char *expected_error(const char *text) {
    const char *p = strstr(text, "// stderr: ");
    const char *x = strstr(text, "// exit: 1\n");
    if (!p || !x || p > strstr(text, "package ") || x > strstr(text, "package "))
        return NULL;
    p += 11;
    const char *e = strchr(p, '\n');
    return gc_strndup(p, (size_t)(e - p));
}

static char *first_error(Diag *d) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    char *nl = strchr(buf, '\n');
    char *first = nl ? gc_strndup(buf, (size_t)(nl - buf)) : gc_strdup(buf);
    free(buf);
    return first;
}

// ---- annotation invariants: no untyped value reaches the compiler ----

static int untyped_leaks;
static const char *cur_path;

static void walk_expr(Expr *e);
static void walk_stmt(Stmt *s);

static void walk_block(Block *b) {
    if (!b)
        return;
    for (int i = 0; i < b->stmts.n; i++)
        walk_stmt(b->stmts.v[i]);
}

static void leak(Expr *e) {
    int line, col;
    pos_line_col(e->pos, &line, &col);
    printf("  %s:%d:%d: untyped %s after checking: %s\n", cur_path, line, col,
           type_string(e->tv), ast_expr_str(e));
    untyped_leaks++;
}

static void walk_expr(Expr *e) {
    if (!e)
        return;
    if (e->mode == MODE_TYPE || e->kind >= E_ARRAYTYPE)
        return;
    if (e->mode != MODE_INVALID && e->mode != MODE_NOVALUE && e->mode != MODE_BUILTIN &&
        e->mode != MODE_PACKAGE && e->tv && type_is_untyped(e->tv) &&
        !(e->kind == E_IDENT && strcmp(e->name, "_") == 0))
        leak(e);
    if (e->mode == MODE_CONST)
        return; // operands of constant expressions are never compiled
    if (e->kind == E_FUNCLIT) {
        walk_block(e->body);
        return;
    }
    if (e->kind == E_SELECTOR && e->sel.kind == SEL_PKG)
        return;
    if (e->kind == E_CALL && e->is_conversion) {
        walk_expr(e->args.v[0]);
        return;
    }
    if (e->kind != E_CALL || e->x->mode != MODE_TYPE)
        walk_expr(e->x);
    walk_expr(e->y);
    if (ast_has_slice_fields(e)) {
        walk_expr(e->lo);
        walk_expr(e->hi);
        walk_expr(e->max);
    }
    if (!(e->kind == E_CALL && (e->builtin == BI_MAKE || e->builtin == BI_NEW)))
        for (int i = 0; i < e->args.n; i++) {
            Expr *a = e->args.v[i];
            if (a->kind == E_KEYVALUE && e->kind == E_COMPOSITE && e->field_index)
                walk_expr(a->y);
            else
                walk_expr(a);
        }
    else
        for (int i = 1; i < e->args.n; i++)
            walk_expr(e->args.v[i]);
}

static void walk_list(ExprVec *v) {
    for (int i = 0; i < v->n; i++)
        walk_expr(v->v[i]);
}

static void walk_stmt(Stmt *s) {
    if (!s)
        return;
    if (s->kind == S_DECL && s->decl) {
        for (int i = 0; i < s->decl->specs.n; i++)
            if (s->decl->kind == D_VAR)
                walk_list(&s->decl->specs.v[i]->values);
        return;
    }
    if (s->kind == S_TYPESWITCH) {
        walk_stmt(s->init);
        walk_expr(s->x);
        for (int i = 0; i < s->body->stmts.n; i++)
            walk_block(s->body->stmts.v[i]->body);
        return;
    }
    walk_expr(s->x);
    walk_expr(s->y);
    walk_expr(s->call);
    walk_expr(s->key);
    walk_expr(s->value);
    walk_list(&s->lhs);
    walk_list(&s->rhs);
    walk_list(&s->results);
    walk_list(&s->list);
    walk_stmt(s->body_stmt);
    walk_stmt(s->init);
    walk_stmt(s->els);
    walk_stmt(s->post);
    walk_stmt(s->comm);
    walk_block(s->body);
}

// Generic bodies are checked against their constraints but never compiled (their instances
// are, and are walked from the package's functions); the invariant holds for instances.
static void walk_file(File *f, Package *p) {
    for (int i = 0; p && i < p->funcs.n; i++) {
        Object *fn = p->funcs.v[i];
        if (fn->decl && fn->decl->obj == fn && !fn->generic && strchr(fn->name, '['))
            walk_block(fn->decl->body);
    }
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind == D_FUNC && !(d->obj && d->obj->generic))
            walk_block(d->body);
        else if (d->kind == D_VAR)
            for (int k = 0; k < d->specs.n; k++)
                walk_list(&d->specs.v[k]->values);
    }
}

static int skipped;

// GOL_CHECK_DUMP=1: print functions with captures and escaping variables, and init order.
static void dump_package(Package *p) {
    for (int i = 0; i < p->funcs.n; i++) {
        Object *fn = p->funcs.v[i];
        printf("func %s%s%s captures:", fn->name[0] ? fn->name : "<lit>",
               fn->has_defer ? " defer" : "", fn->has_recover ? " recover" : "");
        for (int k = 0; k < fn->captures.n; k++)
            printf(" %s", fn->captures.v[k]->name);
        printf("\n");
    }
    printf("init order:");
    for (int i = 0; i < p->init_order.n; i++)
        for (int k = 0; k < p->init_order.v[i]->nlhs; k++)
            printf(" %s", p->init_order.v[i]->lhs[k] ? p->init_order.v[i]->lhs[k]->name : "_");
    printf("\n");
}

static bool run_one(const char *path, const PkgSource *srcs, bool verbose) {
    size_t len;
    char *text = read_text(path, &len);
    if (!text) {
        printf("FAIL %s: cannot read\n", path);
        return false;
    }
    char *want = expected_error(text);
    Diag d = {0};
    uint32_t id = pos_add_file(path, text, (uint32_t)len);
    File *f = parse_file(id, &d);
    Package *pkg = NULL;
    if (diag_count(&d) == 0)
        pkg = check_main_with(f, &d, srcs);
    if (pkg && getenv("GOL_CHECK_DUMP"))
        dump_package(pkg);
    int n = diag_count(&d);
    if (n == 0) {
        int before = untyped_leaks;
        cur_path = path;
        walk_file(f, pkg);
        if (untyped_leaks != before) {
            printf("FAIL %s: untyped values left\n", path);
            return false;
        }
    }
    if (verbose && n)
        diag_print(&d, stdout);
    if (!want) {
        if (n == 0)
            return true;
        if (strstr(first_error(&d), "is not in gol's standard library")) {
            skipped++; // a package not written yet
            const char *base = strrchr(path, '/'), *why = strstr(first_error(&d), ": package ");
            printf("unit/check: skipped %s (%s)\n", base ? base + 1 : path, why ? why + 2 : "");
            return true;
        }
        printf("FAIL %s: unexpected errors:\n", path);
        diag_print(&d, stdout);
        return false;
    }
    char *got = n ? first_error(&d) : gc_strdup("(no error)");
    if (strstr(got, want))
        return true;
    printf("FAIL %s:\n  want %s\n  got  %s\n", path, want, got);
    return false;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    gc_init();
    const PkgSource *srcs = sources();
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            run_one(argv[i], srcs, true) ? unit_pass() : unit_fail();
        return unit_summary("check");
    }
    const char *dir = getenv("GOL_CONFORMANCE") ? getenv("GOL_CONFORMANCE")
                                                : "../shared/conformance";
    DIR *dd = opendir(dir);
    if (!dd) {
        printf("unit/check: 0 passed, 0 failed (no corpus at %s)\n", dir);
        return 0;
    }
    VEC(char *) names = {0};
    struct dirent *de;
    while ((de = readdir(dd))) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".gol") == 0 && corpus_listed(de->d_name))
            vec_push(&names, gc_strdup(de->d_name));
    }
    closedir(dd);
    qsort(names.v, (size_t)names.n, sizeof(char *), cmp_str);
    for (int i = 0; i < names.n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names.v[i]);
        run_one(path, srcs, false) ? unit_pass() : unit_fail();
    }
    printf("unit/check: %d skipped (missing packages)\n", skipped);
    return unit_summary("check");
}
