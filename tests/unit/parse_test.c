// Front-end tests: every ../shared/conformance program that gol passes (those listed in
// tests/conformance.pass) parses (610 fails exactly as Go's compiler says), syntax and lexical errors match real Go's first message, every expression
// of three rich files has Go's StartPos, Pos and printed form (oracle: Go's own syntax package
// over tests/unit/data/parse_walk_*.go), REPL continuation detection, AST shapes, and the
// Diag and Pos rules. Run from the repository root.
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "corpus.h"
#include "diag.h"
#include "harness.h"
#include "parse.h"
#include "pos.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = gc_alloc_atomic((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

// The first printed diagnostic (without the trailing newline), or "" when none.
static char *first_error(Diag *d) {
    static char buf[4096];
    FILE *m = fmemopen(buf, sizeof buf, "w");
    diag_print(d, m);
    fclose(m);
    char *nl = strchr(buf, '\n');
    if (nl)
        *nl = 0;
    return buf;
}

static File *parse_text(const char *name, const char *text, size_t len, Diag *d) {
    uint32_t id = pos_add_file(name, text, (uint32_t)len);
    return parse_file(id, d);
}

// ---- conformance programs ----

static void test_conformance(void) {
    const char *dir = "../shared/conformance";
    DIR *dp = opendir(dir);
    if (!dp) {
        printf("skip: %s not found\n", dir);
        return;
    }
    struct dirent *de;
    int files = 0;
    while ((de = readdir(dp))) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".gol") != 0 || !corpus_listed(de->d_name))
            continue;
        char path[1024], *text;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        text = read_file(path, &len);
        Diag d = {0};
        parse_text(path, text, len, &d);
        files++;
        if (strncmp(de->d_name, "610_", 4) == 0) {
            char want[1100];
            snprintf(want, sizeof want, "%s:12:1: syntax error: unexpected EOF, expected }", path);
            CHECKF(strcmp(first_error(&d), want) == 0 && d.syntax, "%s: got %s", path,
                   first_error(&d));
        } else {
            CHECKF(diag_count(&d) == 0, "%s: %s", path, first_error(&d));
        }
    }
    closedir(dp);
    CHECKF(files > 100, "only %d conformance files", files);
}

// ---- syntax and lexical errors against real Go ----

typedef struct Case {
    const char *name, *src;
    size_t len;
    const char *want;
} Case;

#define CASE(name, src, want) {name, src, sizeof(src) - 1, want}
static const Case cases[] = {
#include "data/parse_syntax_cases.h"
};

static void test_syntax_errors(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const Case *c = &cases[i];
        char name[128], want[600];
        snprintf(name, sizeof name, "%s.go", c->name);
        snprintf(want, sizeof want, "%s:%s", name, c->want);
        Diag d = {0};
        parse_text(name, c->src, c->len, &d);
        CHECKF(strcmp(first_error(&d), want) == 0, "%s\n   got: %s\n  want: %s", c->name,
               first_error(&d), want);
    }
}

// ---- positions and printed forms of every expression (oracle: go/syntax) ----

typedef struct Lines {
    VEC(char *) v;
} Lines;

static void add_line(Lines *out, Pos start, Pos pos, const char *s) {
    int l1, c1, l2, c2;
    char buf[1024];
    pos_line_col(start, &l1, &c1);
    pos_line_col(pos, &l2, &c2);
    snprintf(buf, sizeof buf, "%d:%d %d:%d %s", l1, c1, l2, c2, s);
    for (int i = 0; i < out->v.n; i++)
        if (strcmp(out->v.v[i], buf) == 0)
            return;
    vec_push(&out->v, gc_strdup(buf));
}

static void walk_expr(Lines *out, const Expr *e);
static void walk_stmt(Lines *out, const Stmt *s);

static void walk_fields(Lines *out, const FieldVec *v) {
    for (int i = 0; i < v->n; i++) {
        for (int j = 0; j < v->v[i]->names.n; j++)
            walk_expr(out, v->v[i]->names.v[j]);
        walk_expr(out, v->v[i]->type);
    }
}

static void walk_exprs(Lines *out, const ExprVec *v) {
    for (int i = 0; i < v->n; i++)
        walk_expr(out, v->v[i]);
}

static void walk_block(Lines *out, const Block *b) {
    for (int i = 0; b && i < b->stmts.n; i++)
        walk_stmt(out, b->stmts.v[i]);
}

static void walk_expr(Lines *out, const Expr *e) {
    if (!e)
        return;
    if (!(e->kind == E_ELLIPSIS && !e->elt)) // [...]T has no node for "..." in Go
        add_line(out, e->start, e->pos, ast_expr_str(e));
    walk_expr(out, e->x), walk_expr(out, e->y), walk_expr(out, e->type);
    walk_exprs(out, &e->args);
    if (ast_has_slice_fields(e))
        walk_expr(out, e->lo), walk_expr(out, e->hi), walk_expr(out, e->max);
    if (ast_has_type_fields(e)) {
        walk_expr(out, e->len && e->len->kind != E_ELLIPSIS ? e->len : NULL);
        walk_expr(out, e->elt), walk_expr(out, e->key);
        walk_fields(out, &e->fields), walk_fields(out, &e->results);
    }
    if (e->kind == E_FUNCLIT)
        walk_block(out, e->body);
}

static void walk_decl(Lines *out, const Decl *d) {
    for (int i = 0; i < d->specs.n; i++) {
        const Spec *sp = d->specs.v[i];
        walk_exprs(out, &sp->names), walk_fields(out, &sp->tparams);
        walk_expr(out, sp->type), walk_exprs(out, &sp->values);
    }
    if (d->kind != D_FUNC)
        return;
    if (d->recv) {
        walk_exprs(out, &d->recv->names);
        walk_expr(out, d->recv->type);
    }
    walk_expr(out, d->name), walk_fields(out, &d->tparams), walk_expr(out, d->ftype);
    walk_block(out, d->body);
}

static void walk_stmt(Lines *out, const Stmt *s) {
    if (!s)
        return;
    if (s->kind == S_DECL)
        walk_decl(out, s->decl);
    if (s->label && s->kind == S_LABELED)
        add_line(out, s->pos, s->pos, s->label);
    if (s->label && s->kind == S_BRANCH)
        add_line(out, s->label_pos, s->label_pos, s->label);
    if (s->bind)
        add_line(out, s->bind_pos, s->bind_pos, s->bind);
    walk_stmt(out, s->init), walk_expr(out, s->x), walk_expr(out, s->y);
    walk_exprs(out, &s->lhs), walk_exprs(out, &s->rhs), walk_expr(out, s->call);
    walk_exprs(out, &s->results), walk_stmt(out, s->body_stmt), walk_exprs(out, &s->list);
    walk_stmt(out, s->comm), walk_expr(out, s->key), walk_expr(out, s->value);
    walk_stmt(out, s->post), walk_block(out, s->body), walk_stmt(out, s->els);
}

static void test_walk(const char *go_path, const char *want_path) {
    size_t len, wlen;
    char *text = read_file(go_path, &len), *want = read_file(want_path, &wlen);
    if (!text || !want) {
        CHECKF(0, "cannot read %s / %s", go_path, want_path);
        return;
    }
    Diag d = {0};
    File *f = parse_text(go_path, text, len, &d);
    CHECKF(diag_count(&d) == 0, "%s: %s", go_path, first_error(&d));
    Lines got = {0};
    for (int i = 0; i < f->decls.n; i++)
        walk_decl(&got, f->decls.v[i]);
    int nwant = 0;
    for (char *line = strtok(want, "\n"); line; line = strtok(NULL, "\n")) {
        nwant++;
        bool found = false;
        for (int i = 0; i < got.v.n && !found; i++)
            found = strcmp(got.v.v[i], line) == 0;
        CHECKF(found, "%s: missing or different: %s", go_path, line);
    }
    CHECKF(nwant == got.v.n, "%s: %d expressions, Go has %d", go_path, got.v.n, nwant);
}

// ---- REPL input ----

static File *repl(const char *src, bool *incomplete, Diag *d) {
    uint32_t id = pos_add_file("repl", src, (uint32_t)strlen(src));
    return parse_repl(id, d, incomplete);
}

static void test_repl(void) {
    static const char *incomplete[] = {
        "for {\n", "func f() {\n", "x := 1 +\n", "f(1,\n", "var x = []int{1, 2,\n",
        "s := `abc\n", "/* note\n", "if x {\n} else\n", "fmt.Println(\"a\",\n",
        "type T struct {\n", "switch x {\ncase 1:\n", "f(1, 2", "x := []int{1",
    };
    for (size_t i = 0; i < sizeof incomplete / sizeof *incomplete; i++) {
        Diag d = {0};
        bool inc = false;
        repl(incomplete[i], &inc, &d);
        CHECKF(inc && diag_count(&d) > 0, "REPL %s: should be incomplete", incomplete[i]);
    }
    // As in Go, a newline after an operand ends the line with a semicolon: an unclosed
    // list is then a syntax error, not an incomplete input.
    static const char *complete_bad[] = {"}\n", "x := 1 y\n", "s := \"abc\n", "f(1))\n",
                                         "f(1, 2\n", "var x = []int{1, 2\n"};
    for (size_t i = 0; i < sizeof complete_bad / sizeof *complete_bad; i++) {
        Diag d = {0};
        bool inc = true;
        repl(complete_bad[i], &inc, &d);
        CHECKF(!inc && diag_count(&d) > 0, "REPL %s: should be an error", complete_bad[i]);
    }
    Diag d = {0};
    bool inc = true;
    File *f = repl("package main\nimport \"fmt\"\nx := 1\nvar y = x\nfunc (p P) M() {}\n"
                   "fmt.Println(x, y)\nfunc(a int) { fmt.Println(a) }(2)\ngo f()\nfor range 3 {}\n",
                   &inc, &d);
    CHECKF(diag_count(&d) == 0 && !inc, "REPL mix: %s", first_error(&d));
    CHECKF(f->is_repl && f->decls.n == 2 && f->stmts.n == 6, "REPL mix: %d decls %d stmts",
           f->decls.n, f->stmts.n);
    CHECKF(f->stmts.n == 6 && f->stmts.v[1]->kind == S_DECL && f->stmts.v[4]->kind == S_GO,
           "REPL statement kinds");
    CHECKF(f->decls.n == 2 && f->decls.v[1]->recv, "REPL method declaration");
}

// ---- AST shapes ----

static File *parse_ok(const char *src) {
    Diag d = {0};
    File *f = parse_text("shape.go", src, strlen(src), &d);
    CHECKF(diag_count(&d) == 0, "shape: %s", first_error(&d));
    return f;
}

static Stmt *body_stmt(File *f, int decl, int i) {
    return f->decls.v[decl]->body->stmts.v[i];
}

static void test_shapes(void) {
    File *f = parse_ok("package p\nconst (\n\ta = iota\n\tb\n\tc, d int = 1, 2\n)\n");
    Decl *d = f->decls.v[0];
    CHECKF(d->kind == D_CONST && d->specs.n == 3 && d->specs.v[1]->iota == 1 &&
               d->specs.v[1]->values.n == 0 && d->specs.v[2]->names.n == 2,
           "const group");
    f = parse_ok("package p\nimport (\n\tf \"fmt\"\n\t. \"os\"\n\t_ \"io\"\n\t\"strings\"\n)\n");
    d = f->decls.v[0];
    CHECKF(d->specs.n == 4 && !strcmp(d->specs.v[0]->local, "f") &&
               !strcmp(d->specs.v[1]->local, ".") && !strcmp(d->specs.v[2]->path, "io") &&
               !d->specs.v[3]->local && !strcmp(d->specs.v[3]->path, "strings"),
           "imports");
    f = parse_ok("package p\nfunc f(a, b int, c ...string) (x, y int) { return }\n"
                 "func g(int, string) {}\ntype S struct {\n\t*T\n\tp.Q `tag`\n\tx, y int\n}\n");
    Expr *ft = f->decls.v[0]->ftype;
    CHECKF(ft->fields.n == 2 && ft->fields.v[0]->names.n == 2 &&
               ft->fields.v[1]->type->kind == E_ELLIPSIS && ft->results.n == 1 &&
               ft->results.v[0]->names.n == 2,
           "parameter grouping");
    ft = f->decls.v[1]->ftype;
    CHECKF(ft->fields.n == 2 && ft->fields.v[0]->names.n == 0, "unnamed parameters");
    Expr *st = f->decls.v[2]->specs.v[0]->type;
    CHECKF(st->fields.n == 3 && st->fields.v[0]->type->kind == E_STAR &&
               st->fields.v[1]->type->kind == E_SELECTOR &&
               !strcmp(st->fields.v[1]->tag, "`tag`") && st->fields.v[2]->names.n == 2,
           "struct fields");
    f = parse_ok("package p\nfunc f(i interface{}, m map[int]int, ch chan int) {\n"
                 "\tswitch v := i.(type) {\n\tcase int:\n\t}\n"
                 "\tfor k, v := range m {\n\t}\n"
                 "\tselect {\n\tcase v, ok := <-ch:\n\tcase ch <- 1:\n\tcase <-ch:\n\tdefault:\n\t}\n"
                 "L:\n\tfor {\n\t\tbreak L\n\t}\n"
                 "\tif x := 1; x > 0 {\n\t} else if false {\n\t} else {\n\t}\n}\n");
    Stmt *s = body_stmt(f, 0, 0);
    CHECKF(s->kind == S_TYPESWITCH && !strcmp(s->bind, "v") && s->x->kind == E_IDENT &&
               s->body->stmts.n == 1,
           "type switch");
    s = body_stmt(f, 0, 1);
    CHECKF(s->kind == S_RANGE && s->define && s->key && s->value, "range");
    s = body_stmt(f, 0, 2);
    CHECKF(s->kind == S_SELECT && s->body->stmts.n == 4 &&
               s->body->stmts.v[0]->comm->kind == S_ASSIGN &&
               s->body->stmts.v[1]->comm->kind == S_SEND &&
               s->body->stmts.v[2]->comm->kind == S_EXPR && s->body->stmts.v[3]->is_default,
           "select");
    s = body_stmt(f, 0, 3);
    CHECKF(s->kind == S_LABELED && s->body_stmt->kind == S_FOR &&
               s->body_stmt->body->stmts.v[0]->kind == S_BRANCH,
           "labeled for");
    s = body_stmt(f, 0, 4);
    CHECKF(s->kind == S_IF && s->init && s->els && s->els->kind == S_IF &&
               s->els->els->kind == S_BLOCK,
           "if/else chain");
    f = parse_ok("package p\nvar x = 1 /* two\nlines */\nvar y = 2\n");
    CHECKF(f->decls.n == 2, "a multi-line comment ends a line");
}

// ---- Diag and Pos ----

static void test_diag_pos(void) {
    const char *text = "ab\ncd\n\nx";
    uint32_t id = pos_add_file("t.go", text, (uint32_t)strlen(text));
    int line, col;
    pos_line_col((Pos){id, 4}, &line, &col);
    CHECKF(line == 2 && col == 2, "line/col %d:%d", line, col);
    pos_line_col((Pos){id, 7}, &line, &col);
    CHECKF(line == 4 && col == 1, "line/col at last line %d:%d", line, col);
    Diag d = {0};
    diag_error(&d, (Pos){id, 3}, "b");
    diag_error(&d, (Pos){id, 0}, "a");
    diag_error(&d, (Pos){id, 3}, "b");
    diag_error(&d, (Pos){id, 0}, "syntax error: one");
    diag_error(&d, (Pos){id, 1}, "syntax error: two");
    CHECKF(diag_count(&d) == 3, "dedup: %d", diag_count(&d));
    CHECKF(!strcmp(first_error(&d), "t.go:1:1: a"), "sorted: %s", first_error(&d));
    diag_clear(&d);
    for (int i = 0; i < 12; i++)
        diag_error(&d, (Pos){id, 7}, "e%d", i);
    char buf[2048];
    FILE *m = fmemopen(buf, sizeof buf, "w");
    int n = diag_print(&d, m);
    fclose(m);
    CHECKF(n == 10 && strstr(buf, "t.go:4:1: e9\nt.go:4:1: too many errors\n") &&
               !strstr(buf, "e10"),
           "too many errors: %s", buf);
}

int main(void) {
    gc_init();
    test_conformance();
    test_syntax_errors();
    test_walk("tests/unit/data/parse_walk_a.go", "tests/unit/data/parse_walk_a.txt");
    test_walk("tests/unit/data/parse_walk_b.go", "tests/unit/data/parse_walk_b.txt");
    test_walk("tests/unit/data/parse_walk_c.go", "tests/unit/data/parse_walk_c.txt");
    test_repl();
    test_shapes();
    test_diag_pos();
    return unit_summary("parse");
}
