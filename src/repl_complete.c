// Tab completion candidates: `:commands` at the start of a line; after `pkg.`, the exported
// members of that package of gol's library (loaded on demand, imported or not); after
// `x.`, the fields and methods of x's type (or the methods of type x); otherwise the names
// in scope, Go's keywords and the names of gol's packages.
#include <stdlib.h>
#include <string.h>

#include "repl_int.h"
#include "types.h"

static const char *const keywords[] = {
    "break", "case",   "chan",   "const",  "continue", "default",   "defer",  "else",
    "fallthrough", "for", "func", "go",    "goto",     "if",        "import", "interface",
    "map",   "package", "range", "return", "select",   "struct",    "switch", "type",
    "var",   NULL};

static void add(Completions *out, const char *prefix, const char *head, const char *name) {
    if (!name[0] || strcmp(name, "_") == 0 || strncmp(name, prefix, strlen(prefix)) != 0)
        return;
    if (!head) {
        vec_push(out, name);
        return;
    }
    size_t h = strlen(head), n = strlen(name);
    char *s = gc_alloc_atomic(h + n + 2);
    memcpy(s, head, h);
    s[h] = '.';
    memcpy(s + h + 1, name, n + 1);
    vec_push(out, s);
}

static void methods_of(Completions *out, const char *prefix, const char *head, Type *t) {
    for (int i = 0; t && t->name && i < t->methods.n; i++)
        add(out, prefix, head, t->methods.v[i]->name);
}

// Fields and methods of a value of type [t] (one level of pointer).
static void selectors_of(Completions *out, const char *prefix, const char *head, Type *t) {
    if (t->kind == K_POINTER && !t->name)
        t = t->elem;
    methods_of(out, prefix, head, t);
    Type *u = t->under;
    for (int i = 0; u && u->kind == K_STRUCT && i < u->nfields; i++)
        add(out, prefix, head, u->fields[i].name);
    for (int i = 0; u && u->kind == K_INTERFACE && i < u->nimethods; i++)
        add(out, prefix, head, u->imethods[i].name);
}

static void members(Repl *r, const char *word, const char *dot, Completions *out) {
    size_t n = (size_t)(dot - word);
    char *head = gc_alloc_atomic(n + 1);
    memcpy(head, word, n);
    if (strchr(head, '.'))
        return;
    const char *prefix = dot + 1;
    Object *o = scope_lookup(check_repl_scope(r->check), head, NULL);
    if (o && o->kind == OBJ_VAR && o->type) {
        selectors_of(out, prefix, head, o->type);
        return;
    }
    if (o && o->kind == OBJ_TYPE) {
        methods_of(out, prefix, head, o->type);
        return;
    }
    Package *p = check_repl_package(r->check, head);
    for (int i = 0; p && i < p->scope->objs.n; i++)
        if (obj_exported(p->scope->objs.v[i]->name))
            add(out, prefix, head, p->scope->objs.v[i]->name);
}

static void names(Repl *r, const char *prefix, Completions *out) {
    for (Scope *s = check_repl_scope(r->check); s; s = s->parent)
        for (int i = 0; i < s->objs.n; i++)
            add(out, prefix, NULL, s->objs.v[i]->name);
    for (int i = 0; keywords[i]; i++)
        add(out, prefix, NULL, keywords[i]);
    for (const PkgSource *p = pkg_sources; p->path; p++) {
        const char *slash = strrchr(p->path, '/');
        add(out, prefix, NULL, slash ? slash + 1 : p->path);
    }
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void repl_complete(Repl *r, const char *word, bool at_start, Completions *out) {
    const char *dot = strrchr(word, '.');
    if (word[0] == ':') {
        for (int i = 0; at_start && repl_command_names[i]; i++)
            add(out, word, NULL, repl_command_names[i]);
    } else if (dot) {
        members(r, word, dot, out);
    } else {
        names(r, word, out);
    }
    if (out->n == 0)
        return;
    qsort(out->v, (size_t)out->n, sizeof(const char *), cmp_str);
    int k = 1;
    for (int i = 1; i < out->n; i++)
        if (strcmp(out->v[i], out->v[k - 1]) != 0)
            out->v[k++] = out->v[i];
    out->n = k;
}
