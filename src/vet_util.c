// Helpers shared by the vet analyzers: naming types, functions and expressions the way
// go/types and go/printer do (which is how go vet's messages read), and finding callees.
#include "vet_int.h"

#include "../runtime/buf.h"

// A package path as the go command shows it: gol's `main` is go's command-line-arguments.
static const char *pkg_path(Package *p) {
    return strcmp(p->path, "main") == 0 ? "command-line-arguments" : p->path;
}

static void put_type(Buf *b, Type *t) {
    if (t->name) {
        if (t->pkg) {
            buf_puts(b, pkg_path(t->pkg));
            buf_putc(b, '.');
        }
        buf_puts(b, t->name);
        for (int i = 0; i < t->ntargs; i++) {
            buf_putc(b, i ? ',' : '[');
            put_type(b, t->targs[i]);
        }
        if (t->ntargs)
            buf_putc(b, ']');
        return;
    }
    switch (t->kind) {
    case K_POINTER:
        buf_putc(b, '*');
        put_type(b, t->elem);
        return;
    case K_SLICE:
        buf_puts(b, "[]");
        put_type(b, t->elem);
        return;
    case K_ARRAY:
        buf_printf(b, "[%lld]", (long long)t->len);
        put_type(b, t->elem);
        return;
    case K_MAP:
        buf_puts(b, "map[");
        put_type(b, t->key);
        buf_putc(b, ']');
        put_type(b, t->elem);
        return;
    case K_STRUCT:
        buf_puts(b, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            if (i)
                buf_puts(b, "; ");
            if (!t->fields[i].embedded)
                buf_printf(b, "%s ", t->fields[i].name);
            put_type(b, t->fields[i].type);
        }
        buf_putc(b, '}');
        return;
    case K_INTERFACE:
        if (t->nimethods == 0 && t->nterms == 0) {
            buf_puts(b, "interface{}");
            return;
        }
        break;
    default:
        break;
    }
    buf_puts(b, type_string(t));
}

const char *vet_type_str(Type *t) {
    Buf b = {0};
    put_type(&b, t);
    return buf_cstr(&b);
}

const char *vet_expr_str(Expr *e) {
    return ast_expr_src(e);
}

Object *vet_callee(Expr *call) {
    Expr *f = ast_unparen(call->x);
    Object *o = NULL;
    if (f->kind == E_IDENT)
        o = f->obj;
    else if (f->kind == E_SELECTOR && f->sel.kind != SEL_FIELD)
        o = f->sel.obj;
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

const char *vet_func_name(Object *fn) {
    Buf b = {0};
    Type *rt = fn->recv_type;
    if (rt) {
        bool ptr = rt->kind == K_POINTER && !rt->name;
        buf_puts(&b, ptr ? "(*" : "(");
        put_type(&b, ptr ? rt->elem : rt);
        buf_puts(&b, ").");
    } else if (fn->pkg) {
        buf_puts(&b, pkg_path(fn->pkg));
        buf_putc(&b, '.');
    }
    buf_puts(&b, fn->name);
    return buf_cstr(&b);
}

bool vet_is_func(Object *fn, const char *path, const char *name) {
    return fn && !fn->recv_type && fn->pkg && strcmp(fn->pkg->path, path) == 0 &&
           strcmp(fn->name, name) == 0;
}

const char *vet_const_string(Expr *e, int64_t *len) {
    if (!e || e->mode != MODE_CONST || !e->cval || e->cval->kind != CV_STRING)
        return NULL;
    *len = e->cval->slen;
    return cv_str(e->cval);
}

bool vet_has_method(Type *t, const char *name, int nparams) {
    Selection sel;
    bool amb = false;
    if (!type_lookup(t, name, NULL, &sel, &amb) || amb || sel.kind == SEL_FIELD)
        return false;
    Type *sig = sel.obj->type;
    return sig && sig->kind == K_FUNC && (nparams < 0 || sig->nparams == nparams);
}
