// Lazy function bodies of library packages (check.h's check_lazy_bodies): the lexer skips
// a body (parse_file_lazy), check_bodies leaves it, and check_lazy_body parses and checks it
// on demand: when the compiled program first calls the function, or earlier when a package
// variable's initializer depends on it (the initialization order needs its references).
// The package's checker is kept for that (Package.checker); its state outside the body
// (scopes, DeclInfos) is what it was after the package was checked. The Diag the checkers
// were made with belongs to the front end, gone at run time: while a body is checked, every
// library checker (instances of generics check in their declaring package's) reports to
// the caller's.
#include "check_int.h"
#include "parse.h"

bool check_lazy_bodies;

// Point the Loader and the checkers of its first [n] packages at [d], keeping the old ones
// in [saved]; with d NULL, put the saved ones back.
static void swap_diags(Loader *ld, int n, Diag *d, Diag **saved) {
    if (d)
        ld->d = d;
    for (int i = 0; i < n && i < ld->pkgs.n; i++) {
        Checker *pc = ld->pkgs.v[i]->checker;
        if (!pc)
            continue;
        if (d) {
            saved[i] = pc->d;
            pc->d = d;
        } else {
            pc->d = saved[i];
        }
    }
}

bool check_lazy_body(Object *f, Diag *d) {
    Decl *dc = f->decl;
    Checker *c = f->pkg ? f->pkg->checker : NULL;
    if (!f->lazy || !c || !dc || !dc->body)
        return !f->lazy;
    int before = diag_count(d);
    Block *b = parse_body(dc->body->lbrace.file, dc->body->lbrace, dc->body->rbrace, d);
    if (!b)
        return false;
    *dc->body = *b;
    f->lazy = false;
    Diag *saved_ld = c->ld->d;
    int npkgs = c->ld->pkgs.n;
    Diag **saved = gc_alloc(sizeof(Diag *) * (size_t)(npkgs + 1));
    swap_diags(c->ld, npkgs, d, saved);
    DeclInfo *saved_decl = c->decl;
    Scope *saved_scope = c->scope, *saved_file = c->file_scope;
    c->decl = ptrmap_get(&c->infos, f);
    if (c->decl && c->decl->file_scope)
        c->file_scope = c->decl->file_scope;
    c->scope = c->file_scope;
    check_func_body(c, f, dc->ftype, dc->body, f->recv);
    check_generic_drain();
    swap_diags(c->ld, npkgs, NULL, saved);
    c->ld->d = saved_ld;
    c->decl = saved_decl;
    c->scope = saved_scope;
    c->file_scope = saved_file;
    return diag_count(d) == before;
}
