// The REPL's checker (check.h). Per input: collect its declarations into a new scope (plus
// implicit imports); resolve types, methods, constants and function signatures; check the
// top-level statements in order (the variables of a `var` or `:=` become package-level right
// after their statement, before later code could capture them as locals); then the function
// bodies, which may so use the input's variables. A failed input is undone: its scope is
// dropped, its methods detached from older types and the methods it replaced restored.
#include <stdio.h>

#include "check_int.h"

struct ReplCheck {
    Checker c;
    Package *pkg;
    Scope *top; // the latest committed input's scope
};

typedef VEC(Decl *) DeclList;

// One input being checked.
typedef struct Input {
    ReplInput *out;
    File *file;
    bool file_mode;
    Scope *scope;
    DeclList decls;               // const/var/type declarations in source order
    DeclList funcs;               // function and method declarations in source order
    VEC(Object *) inits;          // init functions
    VEC(Object *) replaced;       // older methods this input's methods replace...
    VEC(Type *) replaced_in;      // ... and their receiver base types
} Input;

ReplCheck *check_repl_new(void) {
    types_init();
    ReplCheck *rc = gc_alloc(sizeof(ReplCheck));
    Loader *ld = gc_alloc(sizeof(Loader));
    ld->srcs = pkg_sources;
    Package *p = gc_alloc(sizeof(Package));
    p->path = p->name = "main";
    p->checked = true;
    rc->pkg = p;
    rc->top = p->scope = scope_new(universe, NULL);
    Checker *c = &rc->c;
    c->ld = ld;
    c->pkg = p;
    c->file_scope = c->scope = p->scope;
    return rc;
}

Scope *check_repl_scope(ReplCheck *rc) {
    return rc->top;
}

void check_repl_reset(ReplCheck *rc) {
    rc->top = rc->pkg->scope = scope_new(universe, NULL);
}

// ---- collecting ----

static DeclInfo *add_info(Checker *c, Object *o, Decl *d) {
    DeclInfo *di = gc_alloc(sizeof(DeclInfo));
    di->obj = o;
    di->kind = D_FUNC;
    di->decl = d;
    ptrmap_put(&c->infos, o, di);
    return di;
}

// A function is a package-level variable holding itself (check.h); methods, init and blank
// functions are ordinary function objects.
static void collect_func(Checker *c, Input *in, Decl *d) {
    const char *name = d->name->name;
    bool generic = d->tparams.n || check_generic_recv(d->recv); // not redefinable
    bool special = generic || d->recv || strcmp(name, "_") == 0 || strcmp(name, "init") == 0;
    Object *o = obj_new(special ? OBJ_FUNC : OBJ_VAR, name, d->name->pos, NULL);
    o->pkg = c->pkg;
    o->decl = d;
    d->obj = o;
    d->name->obj = o;
    add_info(c, o, d);
    vec_push(&in->funcs, d);
    if (generic)
        check_generic_collect(c, o, d, NULL);
    if (generic && !d->recv)
        check_declare(c, c->pkg->scope, o, o->pos);
    if (!special) {
        o->is_global = true;
        o->used = true;
        check_declare(c, c->pkg->scope, o, o->pos);
        vec_push(&in->out->func_vars, o);
    } else if (!d->recv && strcmp(name, "init") == 0) {
        vec_push(&in->inits, o);
    }
}

static void collect_decl(Checker *c, Input *in, Decl *d) {
    if (d->kind == D_FUNC) {
        collect_func(c, in, d);
        return;
    }
    check_collect_decl(c, d);
    if (d->kind != D_IMPORT)
        vec_push(&in->decls, d);
}

// The import path of the package of gol's library whose last path element is [name].
static const char *std_path_named(const char *name) {
    for (const PkgSource *s = pkg_sources; s->path; s++) {
        const char *slash = strrchr(s->path, '/');
        if (strcmp(slash ? slash + 1 : s->path, name) == 0)
            return s->path;
    }
    return NULL;
}

static void implicit_import(Checker *c, const char *name, Pos pos) {
    const char *path = std_path_named(name);
    if (!path || scope_lookup(c->pkg->scope, name, NULL))
        return;
    Decl *d = ast_decl(D_IMPORT, pos);
    Spec *s = ast_spec(pos);
    s->path = path;
    s->path_pos = pos;
    vec_push(&d->specs, s);
    check_collect_decl(c, d);
}

static bool ident_byte(char ch, bool first) {
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (unsigned char)ch >= 0x80 || (!first && ch >= '0' && ch <= '9');
}

// Index just past the comment, string or rune literal starting at t[i], or i if none does.
static uint32_t skip_literal(const char *t, uint32_t len, uint32_t i) {
    char ch = t[i];
    if (ch == '/' && i + 1 < len && (t[i + 1] == '/' || t[i + 1] == '*')) {
        const char *end = strstr(t + i + 2, t[i + 1] == '/' ? "\n" : "*/");
        return end ? (uint32_t)(end - t) + 1 : len;
    }
    if (ch == '`') {
        const char *end = strchr(t + i + 1, '`');
        return end ? (uint32_t)(end - t) + 1 : len;
    }
    if (ch != '"' && ch != '\'')
        return i;
    for (i++; i < len && t[i] != ch && t[i] != '\n'; i++)
        if (t[i] == '\\')
            i++;
    return i + 1;
}

// `name.x` where name is undeclared and names one of gol's packages imports that package.
// A plain scan of the source text (outside comments and literals) is enough: a spurious
// import is harmless, as unused imports are no error at the prompt.
static void implicit_imports(Checker *c, File *f) {
    uint32_t len;
    const char *t = pos_file_text(f->file_id, &len);
    for (uint32_t i = 0; i < len;) {
        uint32_t j = skip_literal(t, len, i);
        if (j != i) {
            i = j;
            continue;
        }
        if (!ident_byte(t[i], true) || (i > 0 && ident_byte(t[i - 1], false))) {
            i++;
            continue;
        }
        uint32_t start = i;
        while (i < len && ident_byte(t[i], false))
            i++;
        if (i + 1 < len && t[i] == '.' && ident_byte(t[i + 1], true) &&
            (start == 0 || t[start - 1] != '.')) {
            char *name = gc_alloc_atomic(i - start + 1);
            memcpy(name, t + start, i - start);
            implicit_import(c, name, (Pos){f->file_id, start});
        }
    }
}

// ---- resolving ----

static void resolve_decls(Checker *c, Input *in, DeclKind kind) {
    for (int i = 0; i < in->decls.n; i++) {
        Decl *d = in->decls.v[i];
        if (d->kind != kind)
            continue;
        for (int k = 0; k < d->specs.n; k++)
            for (int j = 0; j < d->specs.v[k]->names.n && d->specs.v[k]->objs; j++)
                check_obj_decl(c, d->specs.v[k]->objs[j]);
    }
}

// The named type of this package a method declaration's receiver names, or NULL.
static Type *receiver_base(Checker *c, Decl *d) {
    Expr *te = ast_unparen(d->recv->type);
    if (te->kind == E_STAR)
        te = ast_unparen(te->x);
    if (te->kind != E_IDENT)
        return NULL;
    Object *o = scope_lookup(c->pkg->scope, te->name, NULL);
    if (!o || o->kind != OBJ_TYPE)
        return NULL;
    check_obj_decl(c, o);
    Type *t = o->type;
    return t && t->name && t->pkg == c->pkg ? t : NULL;
}

static void remove_method(Type *t, Object *m) {
    for (int i = 0; i < t->methods.n; i++) {
        if (t->methods.v[i] != m)
            continue;
        memmove(&t->methods.v[i], &t->methods.v[i + 1],
                sizeof(Object *) * (size_t)(t->methods.n - i - 1));
        t->methods.n--;
        return;
    }
}

// A method redeclared in a later input replaces the earlier one (Go would report it as
// already declared): detach the old one before the new one is attached.
static void resolve_method(Checker *c, Input *in, Decl *d) {
    if (d->obj->generic) { // a method of a generic type: its instances get their own
        check_obj_decl(c, d->obj);
        return;
    }
    Type *t = receiver_base(c, d);
    for (int i = 0; t && i < t->methods.n; i++) {
        Object *m = t->methods.v[i];
        if (strcmp(m->name, d->name->name) == 0 && m->pos.file != in->file->file_id) {
            remove_method(t, m);
            vec_push(&in->replaced, m);
            vec_push(&in->replaced_in, t);
            break;
        }
    }
    check_obj_decl(c, d->obj);
}

static void resolve_funcs(Checker *c, Input *in, bool methods) {
    for (int i = 0; i < in->funcs.n; i++) {
        Decl *d = in->funcs.v[i];
        if ((d->recv != NULL) != methods)
            continue;
        if (methods)
            resolve_method(c, in, d);
        else
            check_obj_decl(c, d->obj);
    }
}

static void check_bodies(Checker *c, Input *in) {
    for (int i = 0; i < in->funcs.n; i++) {
        Decl *d = in->funcs.v[i];
        Object *o = d->obj;
        if (!d->body || !o->type || o->type->kind != K_FUNC)
            continue;
        c->decl = ptrmap_get(&c->infos, o);
        c->scope = in->scope;
        if (o->generic)
            check_generic_body(c, d);
        else
            check_func_body(c, o, d->ftype, d->body, o->recv);
        c->decl = NULL;
    }
    check_generic_drain();
    check_report_bodyless(c); // (the REPL runs each input at once: no later report)
}

// ---- top-level statements ----

static void globalize(Scope *scope, int before, Stmt *s);

static ReplStep *add_step(Input *in, ReplStepKind kind) {
    ReplStep st = {.kind = kind};
    vec_push(&in->out->steps, st);
    return &in->out->steps.v[in->out->steps.n - 1];
}

// `var` at the prompt: checked as a statement (`var v = v + 1` uses the earlier v), its
// variables then made package-level and initialised where the declaration stands.
static void top_var(Checker *c, Input *in, Stmt *s) {
    int before = in->scope->objs.n;
    check_one_stmt(c, s);
    globalize(in->scope, before, s);
    for (int k = 0; k < s->decl->specs.n; k++) {
        Spec *sp = s->decl->specs.v[k];
        InitEntry *ie = gc_alloc(sizeof(InitEntry));
        ie->lhs = sp->objs;
        ie->nlhs = sp->names.n;
        ie->rhs = sp->values.v;
        ie->nrhs = sp->values.n;
        ie->pos = sp->pos;
        add_step(in, RSTEP_INIT)->init = ie;
    }
}

static bool is_fmt_print(Expr *x) {
    x = ast_unparen(x);
    if (x->kind != E_CALL)
        return false;
    Expr *f = ast_unparen(x->x);
    if (f->kind != E_SELECTOR || f->sel.kind != SEL_PKG || !f->sel.obj->pkg)
        return false;
    return strcmp(f->sel.obj->pkg->path, "fmt") == 0 &&
           (strncmp(f->name, "Print", 5) == 0 || strncmp(f->name, "Fprint", 6) == 0);
}

// An expression statement: true when its values are to be printed. A call without results
// is a plain statement, and so is fmt.Print*: its byte count and nil error are noise.
static bool top_expr(Checker *c, Stmt *s) {
    Expr *x = s->x;
    check_raw(c, x, NULL);
    switch (x->mode) {
    case MODE_INVALID:
    case MODE_NOVALUE: return false;
    case MODE_BUILTIN:
        check_errorf(c, check_start(x), "%s must be called", check_operand_str(c, x));
        return false;
    case MODE_TYPE:
        check_errorf(c, check_start(x), "%s is not an expression", check_operand_str(c, x));
        return false;
    default: break;
    }
    if (is_fmt_print(x))
        return false;
    if (x->tv && x->tv->kind == K_TUPLE)
        return true;
    return check_assignment(c, x, types_empty_iface, "assignment");
}

// Variables the statement declared in the input's scope become package-level; a `:=` then
// assigns them instead of declaring locals.
static void globalize(Scope *scope, int before, Stmt *s) {
    for (int i = before; i < scope->objs.n; i++) {
        Object *o = scope->objs.v[i];
        if (o->kind == OBJ_VAR && !o->is_global) {
            o->is_global = true;
            o->owner = NULL;
            o->used = true;
        }
    }
    while (s->kind == S_LABELED && s->body_stmt)
        s = s->body_stmt;
    if (s->kind == S_ASSIGN && s->op == OP_DEFINE && s->define_new)
        for (int i = 0; i < s->lhs.n; i++)
            s->define_new[i] = false;
}

static void check_top_stmt(Checker *c, Input *in, Stmt *s) {
    if (s->kind == S_DECL) {
        if (s->decl->kind == D_VAR)
            top_var(c, in, s);
        return; // constants and types were resolved with the other declarations
    }
    if (s->kind == S_EXPR) {
        add_step(in, top_expr(c, s) ? RSTEP_PRINT : RSTEP_STMT)->stmt = s;
        return;
    }
    int before = in->scope->objs.n;
    check_one_stmt(c, s);
    globalize(in->scope, before, s);
    add_step(in, RSTEP_STMT)->stmt = s;
}

static void check_top_stmts(Checker *c, Input *in) {
    Object *entry = in->out->entry;
    FuncCtx ctx = {.func = entry, .sig = entry->type};
    c->fn = &ctx;
    c->scope = in->scope;
    Block *body = ast_block(POS_NONE);
    body->stmts = in->file->stmts;
    body->scope = in->scope;
    check_collect_labels(c, body);
    for (int i = 0; i < in->file->stmts.n; i++)
        check_top_stmt(c, in, in->file->stmts.v[i]);
    check_report_labels(c);
    c->fn = NULL;
    c->scope = in->scope;
}

// ---- a whole file (:load) ----

// Package-level variables of the file in Go's initialisation order (as check_pkg.c's
// init_order, following dependencies through the bodies of functions, which here are
// variables too).
static void init_order(Checker *c, Input *in) {
    int n = c->var_decls.n;
    DeclInfoVec *deps = gc_alloc(sizeof(DeclInfoVec) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        PtrMap seen = {0};
        check_var_deps(c, c->var_decls.v[i], &seen, &deps[i]);
    }
    PtrMap done = {0};
    bool *emitted = gc_alloc_atomic(sizeof(bool) * (size_t)(n + 1));
    for (int round = 0; round < n; round++) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            bool ready = !emitted[i];
            for (int k = 0; k < deps[i].n && ready; k++)
                ready = ptrmap_get(&done, deps[i].v[k]) != NULL;
            if (ready)
                pick = i;
        }
        if (pick < 0) {
            for (int i = 0; i < n; i++)
                if (!emitted[i]) {
                    Object *o = c->var_decls.v[i]->obj;
                    check_errorf(c, o->pos, "initialization cycle or initialization loop");
                    return;
                }
        }
        emitted[pick] = true;
        ptrmap_put(&done, c->var_decls.v[pick], c->var_decls.v[pick]);
        if (c->var_decls.v[pick]->init)
            add_step(in, RSTEP_INIT)->init = c->var_decls.v[pick]->init;
    }
}

// After the declarations: initialisation, init functions, then main if the file has one.
static void file_steps(Checker *c, Input *in) {
    resolve_decls(c, in, D_VAR);
    if (c->nerrors == 0)
        init_order(c, in);
    check_unused_imports(c, in->file);
    for (int i = 0; i < in->inits.n; i++)
        add_step(in, RSTEP_CALL)->fn = in->inits.v[i];
    Object *m = scope_lookup_local(in->scope, "main");
    if (m && m->kind == OBJ_VAR && m->decl && m->type && m->type->kind == K_FUNC)
        add_step(in, RSTEP_CALL)->fn = m;
}

// ---- inputs ----

static void begin_input(ReplCheck *rc, Input *in, File *f, Diag *d, bool file_mode) {
    Checker *c = &rc->c;
    c->d = c->ld->d = d;
    c->pkg->failed = false;
    c->nerrors = 0;
    c->fn = NULL;
    c->decl = NULL;
    c->iota = NULL;
    c->path.n = 0;
    memset(&c->var_decls, 0, sizeof c->var_decls);
    c->report_unused = file_mode;
    in->file = f;
    in->file_mode = file_mode;
    in->scope = scope_new(rc->top, NULL);
    c->pkg->scope = c->file_scope = c->scope = in->scope;
    ReplInput *out = gc_alloc(sizeof(ReplInput));
    out->pkg = c->pkg;
    out->scope = in->scope;
    out->entry = obj_new(OBJ_FUNC, "main", POS_NONE, type_func(NULL, 0, NULL, 0, false));
    out->entry->pkg = c->pkg;
    in->out = out;
}

static void collect_all(ReplCheck *rc, Input *in) {
    Checker *c = &rc->c;
    File *f = in->file;
    if (in->file_mode && f->pkg_name && strcmp(f->pkg_name, "main") != 0)
        check_errorf(c, f->pkg_pos, "package %s is not a main package", f->pkg_name);
    for (int i = 0; i < f->decls.n; i++)
        collect_decl(c, in, f->decls.v[i]);
    for (int i = 0; i < f->stmts.n; i++) // constants and types (variables: top_var)
        if (f->stmts.v[i]->kind == S_DECL && f->stmts.v[i]->decl->kind != D_VAR)
            collect_decl(c, in, f->stmts.v[i]->decl);
    if (!in->file_mode)
        implicit_imports(c, f);
}

// The functions this input replaces in place: same name and identical type.
static void find_replaced(ReplCheck *rc, ReplInput *out) {
    for (int i = 0; i < out->func_vars.n; i++) {
        Object *v = out->func_vars.v[i];
        Object *old = scope_lookup(rc->top, v->name, NULL);
        bool same = old && old->kind == OBJ_VAR && old->decl && old->type && v->type &&
                    type_identical(old->type, v->type);
        vec_push(&out->func_prev, same ? old : NULL);
    }
}

static Type *method_base(Object *m) {
    Type *t = m->recv_type;
    return t && t->kind == K_POINTER && !t->name ? t->elem : t;
}

// The methods this input declares, each with the method it replaces in place (same
// receiver, same name, identical signature), whose callers then run the new code.
static void find_replaced_methods(Input *in) {
    ReplInput *out = in->out;
    for (int i = 0; i < in->funcs.n; i++) {
        Object *m = in->funcs.v[i]->obj;
        if (!in->funcs.v[i]->recv || !method_base(m))
            continue;
        Object *same = NULL;
        for (int k = 0; k < in->replaced.n; k++) {
            Object *old = in->replaced.v[k];
            if (in->replaced_in.v[k] == method_base(m) && strcmp(old->name, m->name) == 0 &&
                old->ptr_recv == m->ptr_recv && type_identical(old->type, m->type))
                same = old;
        }
        vec_push(&out->methods, m);
        vec_push(&out->method_prev, same);
    }
}

static void undo(Input *in) {
    for (int i = 0; i < in->funcs.n; i++) {
        Object *m = in->funcs.v[i]->obj;
        if (in->funcs.v[i]->recv && method_base(m))
            remove_method(method_base(m), m);
    }
    for (int i = 0; i < in->replaced.n; i++)
        vec_push(&in->replaced_in.v[i]->methods, in->replaced.v[i]);
}

static void commit(ReplCheck *rc, Input *in, int funcs_mark) {
    ReplInput *out = in->out;
    Package *p = rc->pkg;
    for (int i = funcs_mark; i < p->funcs.n; i++)
        vec_push(&out->funcs, p->funcs.v[i]);
    for (int i = 0; i < in->scope->objs.n; i++) {
        Object *o = in->scope->objs.v[i];
        bool shared = false;
        for (int k = 0; k < out->func_vars.n; k++)
            shared |= out->func_vars.v[k] == o && out->func_prev.v[k];
        if (o->kind == OBJ_VAR && o->is_global && !shared)
            vec_push(&out->globals, o);
    }
    rc->top = in->scope;
}

ReplInput *check_repl_input(ReplCheck *rc, File *f, Diag *d, bool file_mode) {
    Checker *c = &rc->c;
    Input in = {0};
    int funcs_mark = rc->pkg->funcs.n;
    begin_input(rc, &in, f, d, file_mode);
    collect_all(rc, &in);
    resolve_decls(c, &in, D_TYPE);
    resolve_funcs(c, &in, true);
    resolve_decls(c, &in, D_CONST);
    resolve_funcs(c, &in, false);
    if (!file_mode)
        check_top_stmts(c, &in);
    check_bodies(c, &in);
    if (file_mode)
        file_steps(c, &in);
    if (c->nerrors || c->pkg->failed || diag_count(d)) {
        undo(&in);
        rc->pkg->funcs.n = funcs_mark;
        rc->pkg->scope = rc->top;
        return NULL;
    }
    find_replaced(rc, in.out);
    find_replaced_methods(&in);
    commit(rc, &in, funcs_mark);
    return in.out;
}

// ---- queries ----

Package *check_repl_package(ReplCheck *rc, const char *name) {
    Object *o = scope_lookup(rc->top, name, NULL);
    if (o)
        return o->kind == OBJ_PKG && o->imported && !o->imported->failed ? o->imported : NULL;
    const char *path = std_path_named(name);
    if (!path)
        return NULL;
    Checker *c = &rc->c;
    Diag scratch = {0}, *saved = c->d;
    c->d = c->ld->d = &scratch; // errors in a library package: it is just not offered
    Package *p = check_import(c, path, POS_NONE);
    c->d = c->ld->d = saved;
    return p && !p->failed ? p : NULL;
}
