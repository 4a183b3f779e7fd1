// Packages: loading imports from the embedded standard library (each package parsed and
// checked once, cached by path in the Loader), collecting a package's declarations, the
// checking passes (types, methods, other objects, bodies), unused imports, and package
// variable initialisation order (spec "Package initialization": dependencies followed through
// function bodies, earliest ready variable first).
#include <stdio.h>

#include "check_int.h"
#include "load.h"
#include "parse.h"

typedef VEC(File *) Files;

static void check_package(Checker *c, Files *files);

static const PkgSource *find_source(Loader *ld, const char *path) {
    for (const PkgSource *s = ld->srcs; s && s->path; s++)
        if (strcmp(s->path, path) == 0)
            return s;
    return NULL;
}

static Package *new_package(const char *path) {
    Package *p = gc_alloc(sizeof(Package));
    p->path = path;
    const char *slash = strrchr(path, '/');
    p->name = slash ? slash + 1 : path;
    p->scope = scope_new(universe, NULL);
    return p;
}

// ---- standard packages shared between programs (check_share_std) ----
// ld: the loader holding every shared package; homes: their checkers (instances of their
// generics are checked there, reporting to the current program's Diag); on: sharing was
// asked for. Touched only by the thread checking a program.
// What a program adds to the shared packages is taken out again before the next one
// (share_begin): the instances it made of their generics (check_generic_forget_programs)
// and the functions those added to the packages' funcs, compiled or not: a program that
// failed leaves them unchecked or half-checked, and the next program would compile them.
static struct {
    Loader *ld;
    VEC(Checker *) homes;
    bool on;
    unsigned loads;          // packages loaded into a shared loader so far
    unsigned loading;        // share_import calls in progress: what they add is the library's
    PtrMap program_funcs;    // functions added to shared packages' funcs for this program
} share;

void check_share_std(void) {
    share.on = true;
}

unsigned check_share_loads(void) {
    return share.loads;
}

bool check_share_programs(void) {
    return share.on && share.loading == 0;
}

void check_share_note_func(Package *p, Object *fn) {
    if (p->std && check_share_programs())
        ptrmap_put(&share.program_funcs, fn, fn);
}

// Take the functions the last program added out of the shared packages' funcs, keeping the
// compiled ones first (comp_package_funcs compiles from ncompiled on).
static void share_drop_program_funcs(void) {
    for (int k = 0; share.ld && share.program_funcs.n && k < share.ld->pkgs.n; k++) {
        Package *p = share.ld->pkgs.v[k];
        int n = 0, compiled = 0;
        for (int i = 0; i < p->funcs.n; i++) {
            Object *f = p->funcs.v[i];
            if (ptrmap_get(&share.program_funcs, f))
                continue;
            compiled += i < p->ncompiled;
            p->funcs.v[n++] = f;
        }
        p->funcs.n = n;
        p->ncompiled = compiled;
    }
    memset(&share.program_funcs, 0, sizeof share.program_funcs);
}

// A shared package marked failed (an error in an instance of its generics, which depends on
// the program that instantiated it) is not reused: the next program loads them all afresh.
static void share_drop_failed(void) {
    for (int i = 0; share.ld && i < share.ld->pkgs.n; i++)
        if (share.ld->pkgs.v[i]->failed) {
            share.ld = NULL;
            share.homes.n = 0;
        }
}

static bool programs_pkg(Package *p) {
    return !p->std;
}

static Package *tparam_pkg(Type *t) {
    return t->tparam->pkg;
}

// Start checking a program with [d]: the shared packages report to it from now on.
static void share_begin(Diag *d) {
    if (!share.on)
        return;
    share_drop_failed();
    types_forget_programs(programs_pkg, tparam_pkg);
    check_generic_forget_programs();
    share_drop_program_funcs();
    if (!share.ld) {
        share.ld = gc_alloc(sizeof(Loader));
        share.ld->srcs = pkg_sources;
    }
    share.ld->d = d;
    for (int i = 0; i < share.homes.n; i++)
        share.homes.v[i]->d = d;
}

static void checker_init(Checker *c, Loader *ld, Package *p, bool std) {
    memset(c, 0, sizeof *c);
    c->d = ld->d;
    c->ld = ld;
    c->pkg = p;
    c->std = std;
    p->std = std;
    c->report_unused = true;
    c->file_scope = scope_new(p->scope, NULL);
    c->scope = c->file_scope;
    if (ld == share.ld) {
        vec_push(&share.homes, c);
        share.loads++;
    }
}

// The standard package [path] from the shared loader (loaded into it on first use).
static Package *share_import(Checker *c, const char *path, Pos pos) {
    Checker top = {.d = c->d, .ld = share.ld, .pkg = c->pkg};
    share.loading++;
    Package *p = check_import(&top, path, pos);
    share.loading--;
    if (p)
        vec_push(&c->ld->pkgs, p);
    return p;
}

// A package of the program's module (parsed by load.c, which reported import cycles).
static Package *check_local(Checker *c, LocalPkg *lp) {
    Package *p = new_package(lp->path);
    p->shared_loopvars = c->pkg->shared_loopvars;
    vec_push(&c->ld->pkgs, p);
    for (int i = 0; i < lp->files.n; i++)
        vec_push(&p->files, lp->files.v[i]);
    Checker *sub = gc_alloc(sizeof(Checker)); // kept: instances of its generics check here
    checker_init(sub, c->ld, p, false);
    check_package(sub, (Files *)&p->files);
    if (p->failed)
        c->pkg->failed = true;
    return p;
}

Package *check_import(Checker *c, const char *path, Pos pos) {
    Loader *ld = c->ld;
    for (int i = 0; i < ld->pkgs.n; i++) {
        Package *p = ld->pkgs.v[i];
        if (strcmp(p->path, path) != 0)
            continue;
        if (!p->checked) {
            check_errorf(c, pos, "import cycle not allowed");
            return NULL;
        }
        return p;
    }
    LocalPkg *lp = ld->prog ? load_find(ld->prog, path) : NULL;
    if (lp)
        return check_local(c, lp);
    const PkgSource *src = find_source(ld, path);
    if (!src)
        return NULL;
    if (share.ld && ld != share.ld && ld->srcs == share.ld->srcs)
        return share_import(c, path, pos);
    Package *p = new_package(path);
    vec_push(&ld->pkgs, p);
    int before = diag_count(ld->d);
    for (const PkgSource *s = src; s->path; s++) { // a package may span files (tools/embed.sh)
        if (strcmp(s->path, path) != 0)
            continue;
        uint32_t id = pos_add_file(s->file, s->text, (uint32_t)s->len);
        File *f = check_lazy_bodies ? parse_file_lazy(id, ld->d) : parse_file(id, ld->d);
        if (!f || diag_count(ld->d) > before) {
            p->failed = true;
            p->checked = true;
            return p;
        }
        vec_push(&p->files, f);
        if (f->pkg_name)
            p->name = f->pkg_name;
    }
    Checker *sub = gc_alloc(sizeof(Checker)); // kept: instances of its generics check here
    checker_init(sub, ld, p, true);
    p->checker = sub;
    check_package(sub, (Files *)&p->files);
    if (p->failed)
        c->pkg->failed = true;
    return p;
}

// ---- collection ----

static DeclInfo *new_info(Checker *c, Object *obj, DeclKind k) {
    DeclInfo *di = gc_alloc(sizeof(DeclInfo));
    di->obj = obj;
    di->kind = k;
    di->file_scope = c->file_scope;
    ptrmap_put(&c->infos, obj, di);
    return di;
}

static Object *pkg_obj(Checker *c, ObjKind k, Expr *id) {
    Object *o = obj_new(k, id->name, id->pos, NULL);
    o->pkg = c->pkg;
    id->obj = o;
    return o;
}

static void declare_pkg(Checker *c, Object *o) {
    Object *imp = scope_lookup_local(c->file_scope, o->name);
    if (imp && imp->kind == OBJ_PKG) {
        char pbuf[256];
        check_errorf(c, o->pos, "%s already declared through import of package %s\n\t%s: other "
                     "declaration of %s", o->name, imp->imported ? imp->imported->name : o->name,
                     pos_format(imp->pos, pbuf, sizeof pbuf), o->name);
        return;
    }
    check_declare(c, c->pkg->scope, o, o->pos);
}

static void collect_import(Checker *c, Spec *s) {
    Package *p = check_import(c, s->path, s->path_pos);
    if (!p) {
        check_errorf(c, s->path_pos, "package %s is not in gol's standard library", s->path);
    } else {
        bool dup = false;
        for (int i = 0; i < c->pkg->imports.n; i++)
            dup |= c->pkg->imports.v[i] == p;
        if (!dup)
            vec_push(&c->pkg->imports, p);
    }
    const char *slash = strrchr(s->path, '/');
    const char *name = s->local ? s->local : p ? p->name : slash ? slash + 1 : s->path;
    if (strcmp(name, "_") == 0)
        return;
    if (strcmp(name, ".") == 0) {
        check_errorf(c, s->pos, "dot imports are not supported by gol");
        return;
    }
    Object *o = obj_new(OBJ_PKG, name, s->local ? s->pos : s->path_pos, NULL);
    o->imported = p;
    o->pkg = c->pkg;
    o->used = p == NULL;
    o->decl = NULL;
    s->objs = gc_alloc(sizeof(Object *));
    s->objs[0] = o;
    check_declare(c, c->file_scope, o, o->pos);
}

static void collect_consts(Checker *c, Decl *d) {
    Spec *last = NULL;
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        last = check_const_values_spec(c, s, last);
        s->objs = gc_alloc(sizeof(Object *) * (size_t)(s->names.n + 1));
        for (int k = 0; k < s->names.n; k++) {
            Object *o = pkg_obj(c, OBJ_CONST, s->names.v[k]);
            s->objs[k] = o;
            DeclInfo *di = new_info(c, o, D_CONST);
            di->spec = s;
            di->index = k;
            di->values_spec = last;
            declare_pkg(c, o);
        }
    }
}

static InitEntry *new_entry(Object **lhs, int nlhs, Expr **rhs, int nrhs, Pos pos) {
    InitEntry *ie = gc_alloc(sizeof(InitEntry));
    ie->lhs = lhs;
    ie->nlhs = nlhs;
    ie->rhs = rhs;
    ie->nrhs = nrhs;
    ie->pos = pos;
    return ie;
}

static void collect_vars(Checker *c, Decl *d) {
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        int n = s->names.n;
        s->objs = gc_alloc(sizeof(Object *) * (size_t)(n + 1));
        for (int k = 0; k < n; k++) {
            s->objs[k] = pkg_obj(c, OBJ_VAR, s->names.v[k]);
            s->objs[k]->is_global = true;
            s->objs[k]->used = true;
        }
        bool shared = s->values.n > 0 && s->values.n != n;
        DeclInfo *sh = NULL;
        for (int k = 0; k < n; k++) {
            Object *o = s->objs[k];
            DeclInfo *di = sh ? sh : new_info(c, o, D_VAR);
            if (sh)
                ptrmap_put(&c->infos, o, sh);
            di->spec = s;
            di->index = k;
            if (shared && !sh) {
                di->init = new_entry(s->objs, n, s->values.v, s->values.n, s->pos);
                sh = di;
                vec_push(&c->var_decls, di);
            } else if (!shared && s->values.n) {
                Object **l = gc_alloc(sizeof(Object *));
                l[0] = o;
                di->init = new_entry(l, 1, &s->values.v[k], 1, s->names.v[k]->pos);
                vec_push(&c->var_decls, di);
            } else if (!shared) { // no initializer: still uninitialised until its turn
                vec_push(&c->var_decls, di);
            }
            declare_pkg(c, o);
        }
    }
}

static void collect_types(Checker *c, Decl *d) {
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        Object *o = pkg_obj(c, OBJ_TYPE, s->names.v[0]);
        if (!s->alias)
            o->type = type_named(o->name, c->pkg, o);
        s->objs = gc_alloc(sizeof(Object *));
        s->objs[0] = o;
        DeclInfo *di = new_info(c, o, D_TYPE);
        di->spec = s;
        if (s->tparams.n)
            check_generic_collect(c, o, NULL, s);
        declare_pkg(c, o);
    }
}

static void collect_func(Checker *c, Decl *d) {
    Object *o = pkg_obj(c, OBJ_FUNC, d->name);
    o->decl = d;
    d->obj = o;
    DeclInfo *di = new_info(c, o, D_FUNC);
    di->decl = d;
    if ((d->tparams.n && d->body) || check_generic_recv(d->recv))
        check_generic_collect(c, o, d, NULL);
    if (d->recv || strcmp(o->name, "_") == 0)
        return;
    if (strcmp(o->name, "init") == 0) {
        vec_push(&c->pkg->init_funcs, o);
        return;
    }
    if (strcmp(o->name, "main") == 0 && strcmp(c->pkg->name, "main") == 0 && d->body == NULL)
        GOL_UNUSED(0);
    declare_pkg(c, o);
}

void check_collect_decl(Checker *c, Decl *d) {
    switch (d->kind) {
    case D_IMPORT:
        for (int k = 0; k < d->specs.n; k++)
            collect_import(c, d->specs.v[k]);
        break;
    case D_CONST: collect_consts(c, d); break;
    case D_VAR: collect_vars(c, d); break;
    case D_TYPE: collect_types(c, d); break;
    case D_FUNC: collect_func(c, d); break;
    default: break;
    }
}

static void collect(Checker *c, File *f) {
    for (int i = 0; i < f->decls.n; i++)
        check_collect_decl(c, f->decls.v[i]);
}

// ---- passes ----

static void resolve_all(Checker *c, File *f, DeclKind kind, bool methods) {
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind != kind)
            continue;
        if (kind == D_FUNC) {
            if ((d->recv != NULL) == methods)
                check_obj_decl(c, d->obj);
            continue;
        }
        for (int k = 0; k < d->specs.n; k++)
            for (int j = 0; j < d->specs.v[k]->names.n && d->specs.v[k]->objs; j++)
                check_obj_decl(c, d->specs.v[k]->objs[j]);
    }
}

static void check_bodies(Checker *c, File *f) {
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind != D_FUNC || !d->body || !d->obj || !d->obj->type ||
            d->obj->type->kind != K_FUNC)
            continue;
        if (d->body->lazy) { // checked when first referenced (check_lazy.c)
            d->obj->lazy = c->pkg->lazy = true;
            continue;
        }
        c->decl = ptrmap_get(&c->infos, d->obj);
        c->scope = c->file_scope;
        if (d->obj->generic)
            check_generic_body(c, d);
        else
            check_func_body(c, d->obj, d->ftype, d->body, d->obj->recv);
        c->decl = NULL;
    }
}

void check_unused_imports(Checker *c, File *f) {
    if (c->pkg->lazy) // imports used only in unchecked bodies would look unused
        return;
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind != D_IMPORT)
            continue;
        for (int k = 0; k < d->specs.n; k++) {
            Spec *s = d->specs.v[k];
            Object *o = s->objs ? s->objs[0] : NULL;
            if (!o || o->used)
                continue;
            if (s->local && strcmp(s->local, o->imported->name) != 0)
                check_errorf(c, s->pos, "\"%s\" imported as %s and not used", s->path, s->local);
            else
                check_errorf(c, s->path_pos, "\"%s\" imported and not used", s->path);
        }
    }
}

// ---- initialisation order ----

void check_var_deps(Checker *c, DeclInfo *di, PtrMap *seen, DeclInfoVec *out) {
    for (int i = 0; i < di->deps.n; i++) {
        Object *o = di->deps.v[i];
        DeclInfo *d = ptrmap_get(&c->infos, o);
        if (!d || ptrmap_get(seen, d))
            continue;
        ptrmap_put(seen, d, d);
        if (d->kind == D_FUNC && o->lazy && !check_lazy_body(o, c->d))
            continue;
        if (d->kind == D_FUNC)
            check_var_deps(c, d, seen, out);
        else if (o->kind == OBJ_VAR)
            vec_push(out, d);
    }
}

// Depth-first search for a path of dependencies (variables and functions) from [from]
// back to [target]; on success [path] holds it, target first.
typedef VEC(Object *) ObjectPath;

static bool find_cycle(Checker *c, Object *from, Object *target, PtrMap *seen,
                       ObjectPath *path) {
    DeclInfo *di = ptrmap_get(&c->infos, from);
    if (!di || ptrmap_get(seen, from))
        return false;
    ptrmap_put(seen, from, from);
    vec_push(path, from);
    for (int i = 0; i < di->deps.n; i++) {
        Object *d = di->deps.v[i];
        if (d == target || find_cycle(c, d, target, seen, path))
            return true;
    }
    path->n--;
    return false;
}

// Report gc's initialization cycle through [o], if o is on one.
static bool report_var_cycle(Checker *c, Object *o) {
    PtrMap seen = {0};
    ObjectPath path = {0};
    if (!find_cycle(c, o, o, &seen, &path))
        return false;
    check_report_init_cycle(c, path.v, path.n);
    return true;
}

static void init_order(Checker *c) {
    int n = c->var_decls.n;
    if (n == 0)
        return;
    DeclInfoVec *deps = gc_alloc(sizeof(DeclInfoVec) * (size_t)n);
    for (int i = 0; i < n; i++) {
        PtrMap seen = {0};
        check_var_deps(c, c->var_decls.v[i], &seen, &deps[i]);
    }
    PtrMap done = {0};
    bool *emitted = gc_alloc_atomic(sizeof(bool) * (size_t)n);
    for (int round = 0; round < n; round++) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            if (emitted[i])
                continue;
            bool ready = true;
            for (int k = 0; k < deps[i].n && ready; k++) {
                DeclInfo *d = deps[i].v[k];
                ready = ptrmap_get(&done, d) != NULL;
            }
            if (ready)
                pick = i;
        }
        if (pick < 0) { // a cycle: report it, then go on as if its first variable were ready
            for (int i = 0; i < n && pick < 0; i++)
                if (!emitted[i] && report_var_cycle(c, c->var_decls.v[i]->obj))
                    pick = i;
            if (pick < 0)
                return;
        }
        emitted[pick] = true;
        ptrmap_put(&done, c->var_decls.v[pick], c->var_decls.v[pick]);
        if (c->var_decls.v[pick]->init)
            vec_push(&c->pkg->init_order, c->var_decls.v[pick]->init);
    }
}

// Check a package of one or more files: one package scope, a file scope (imports) each.
static void check_package(Checker *c, Files *files) {
    int n = files->n;
    Scope **fscopes = gc_alloc(sizeof(Scope *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        File *f = files->v[i];
        if (f->pkg_name)
            c->pkg->name = f->pkg_name;
        fscopes[i] = i == 0 ? c->file_scope : scope_new(c->pkg->scope, NULL);
        c->file_scope = c->scope = fscopes[i];
        collect(c, f);
    }
    static const struct { DeclKind kind; bool methods; } passes[] = {
        {D_TYPE, false}, {D_FUNC, true}, {D_CONST, false}, {D_VAR, false}, {D_FUNC, false},
    };
    for (size_t k = 0; k < sizeof passes / sizeof passes[0]; k++)
        for (int i = 0; i < n; i++) {
            c->file_scope = c->scope = fscopes[i];
            resolve_all(c, files->v[i], passes[k].kind, passes[k].methods);
        }
    for (int i = 0; i < n; i++) {
        c->file_scope = c->scope = fscopes[i];
        check_bodies(c, files->v[i]);
    }
    check_generic_drain();
    for (int i = 0; i < n; i++)
        check_unused_imports(c, files->v[i]);
    init_order(c);
    if (diag_count(c->d) == 0) // gc's backend reports them: only for a package that checked
        check_report_bodyless(c);
    c->pkg->checked = true;
}

// Like the go command, which fails while loading packages: when an import of the program
// does not exist, report each missing one and nothing else (no type checking).
static bool imports_exist(Checker *c, File *f) {
    bool ok = true;
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        for (int k = 0; d->kind == D_IMPORT && k < d->specs.n; k++) {
            Spec *s = d->specs.v[k];
            if (!find_source(c->ld, s->path) && !(c->ld->prog && load_find(c->ld->prog, s->path))) {
                check_errorf(c, s->path_pos, "package %s is not in gol's standard library",
                             s->path);
                ok = false;
            }
        }
    }
    return ok;
}

// The main package of [files] (at least one), loading imports from [srcs] and [prog].
static Package *check_files(Files *files, Diag *d, const PkgSource *srcs, const Program *prog) {
    types_init();
    share_begin(d);
    Loader *ld = gc_alloc(sizeof(Loader));
    ld->d = d;
    ld->srcs = srcs;
    ld->prog = prog;
    Package *p = new_package("main");
    p->shared_loopvars = prog && prog->go_minor > 0 && prog->go_minor < 22;
    for (int i = 0; i < files->n; i++)
        vec_push(&p->files, files->v[i]);
    vec_push(&ld->pkgs, p);
    Checker *c = gc_alloc(sizeof(Checker)); // kept: instances of its generics check here
    checker_init(c, ld, p, false);
    File *file = files->v[0];
    if (file->pkg_name && strcmp(file->pkg_name, "main") != 0) {
        check_errorf(c, file->pkg_pos, "package %s is not a main package", file->pkg_name);
        p->checked = true;
        return p;
    }
    bool ok = true;
    for (int i = 0; i < files->n; i++)
        ok &= imports_exist(c, files->v[i]);
    // As the go command builds dependencies first: the module's packages, dependencies
    // before importers; a package that fails stops the build before main is checked.
    for (int i = 0; ok && prog && i < prog->pkgs.n; i++) {
        Package *dep = check_import(c, prog->pkgs.v[i]->path, POS_NONE);
        ok = dep && !dep->failed;
    }
    if (!ok) {
        p->checked = true;
        p->failed = true;
        return p;
    }
    check_package(c, files);
    // The linker's error, so only for a package that compiled, and without a position.
    Object *m = scope_lookup_local(p->scope, "main");
    if ((!m || m->kind != OBJ_FUNC) && diag_count(c->d) == 0)
        check_errorf(c, POS_NONE,
                     "runtime.main_main·f: function main is undeclared in the main package");
    return p;
}

Package *check_main_with(File *file, Diag *d, const PkgSource *srcs) {
    Files files = {0};
    vec_push(&files, file);
    return check_files(&files, d, srcs, NULL);
}

Package *check_main(File *file, Diag *d) {
    return check_main_with(file, d, pkg_sources);
}

Package *check_program(const Program *prog, Diag *d) {
    Package *p = check_files((Files *)&prog->files, d, pkg_sources, prog);
    check_embed_report(prog, d);
    return p;
}
