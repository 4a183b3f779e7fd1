// Spelling of types: type_string as Go's %T (reflect) prints it, and type_string_local as the
// Go compiler prints types in error messages (no spaces inside struct{...}/interface{...},
// types of the package being compiled unqualified). Both are written by one walker with a
// style flag, into a growable GC buffer.
#include "rtype.h"

#include <stdio.h>
#include <string.h>

typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

typedef struct Style {
    bool reflect;   // %T spelling (else compiler-message spelling)
    Package *local; // message style: this package's types are unqualified
} Style;

static void put(Buf *b, const char *s) {
    size_t k = strlen(s);
    if (b->n + k + 1 > b->cap) {
        b->cap = (b->n + k + 1) * 2;
        b->s = gc_realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, k + 1);
    b->n += k;
}

static void write_type(Buf *b, Type *t, const Style *st);

static const char *basic_name(Kind k) {
    static const char *names[] = {
        [K_INVALID] = "invalid type", [K_BOOL] = "bool", [K_INT] = "int", [K_INT8] = "int8",
        [K_INT16] = "int16", [K_INT32] = "int32", [K_INT64] = "int64", [K_UINT] = "uint",
        [K_UINT8] = "uint8", [K_UINT16] = "uint16", [K_UINT32] = "uint32",
        [K_UINT64] = "uint64", [K_UINTPTR] = "uintptr", [K_FLOAT32] = "float32",
        [K_FLOAT64] = "float64", [K_COMPLEX64] = "complex64", [K_COMPLEX128] = "complex128",
        [K_STRING] = "string", [K_UNSAFEPTR] = "unsafe.Pointer",
        [K_UNTYPED_BOOL] = "untyped bool", [K_UNTYPED_INT] = "untyped int",
        [K_UNTYPED_RUNE] = "untyped rune", [K_UNTYPED_FLOAT] = "untyped float",
        [K_UNTYPED_COMPLEX] = "untyped complex",
        [K_UNTYPED_STRING] = "untyped string", [K_UNTYPED_NIL] = "untyped nil",
    };
    return k < K_ARRAY ? names[k] : "?";
}

static void write_list(Buf *b, Type **ts, int n, bool variadic, const Style *st) {
    for (int i = 0; i < n; i++) {
        if (i)
            put(b, ", ");
        if (variadic && i == n - 1) {
            put(b, "...");
            write_type(b, ts[i]->elem, st);
        } else {
            write_type(b, ts[i], st);
        }
    }
}

// "(params) results" of a signature, without the leading "func".
static void write_sig(Buf *b, Type *t, const Style *st) {
    put(b, "(");
    write_list(b, t->params, t->nparams, t->variadic, st);
    put(b, ")");
    if (t->nresults == 1) {
        put(b, " ");
        write_type(b, t->results[0], st);
    } else if (t->nresults > 1) {
        put(b, " (");
        write_list(b, t->results, t->nresults, false, st);
        put(b, ")");
    }
}

static void write_quoted(Buf *b, const char *s) {
    put(b, "\"");
    char tmp[8];
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            tmp[0] = '\\', tmp[1] = *s, tmp[2] = 0;
        } else {
            tmp[0] = *s, tmp[1] = 0;
        }
        put(b, tmp);
    }
    put(b, "\"");
}

static void write_struct(Buf *b, Type *t, const Style *st) {
    put(b, st->reflect ? "struct {" : "struct{");
    for (int i = 0; i < t->nfields; i++) {
        TField *f = &t->fields[i];
        put(b, i ? "; " : (st->reflect ? " " : ""));
        if (!f->embedded) {
            put(b, f->name);
            put(b, " ");
        }
        write_type(b, f->type, st);
        if (f->tag) {
            put(b, " ");
            write_quoted(b, f->tag);
        }
    }
    put(b, st->reflect && t->nfields ? " }" : "}");
}

static void write_iface(Buf *b, Type *t, const Style *st) {
    if (t->nimethods == 0) {
        put(b, st->reflect ? "interface {}" : "any");
        return;
    }
    put(b, st->reflect ? "interface { " : "interface{");
    for (int i = 0; i < t->nimethods; i++) {
        if (i)
            put(b, "; ");
        IMethod *m = &t->imethods[i];
        if (st->reflect && m->pkg && !obj_exported(m->name)) { // reflect qualifies these
            put(b, pkg_name(m->pkg)->name);
            put(b, ".");
        }
        put(b, m->name);
        write_sig(b, m->sig, st);
    }
    put(b, st->reflect ? " }" : "}");
}

static void write_named(Buf *b, Type *t, const Style *st) {
    if (t->pkg && (st->reflect || t->pkg != st->local)) {
        put(b, pkg_name(t->pkg)->name);
        put(b, ".");
    }
    put(b, t->name);
    for (int i = 0; i < t->ntargs; i++) { // an instance: Pair[string,int]
        put(b, i ? (st->reflect ? "," : ", ") : "[");
        write_type(b, t->targs[i], st);
        if (i == t->ntargs - 1)
            put(b, "]");
    }
}

static void write_chan(Buf *b, Type *t, const Style *st) {
    put(b, t->dir == CHAN_SEND ? "chan<- " : t->dir == CHAN_RECV ? "<-chan " : "chan ");
    bool paren = t->dir == CHAN_BOTH && t->elem->kind == K_CHAN && !t->elem->name &&
                 t->elem->dir == CHAN_RECV;
    if (paren)
        put(b, "(");
    write_type(b, t->elem, st);
    if (paren)
        put(b, ")");
}

static void write_type(Buf *b, Type *t, const Style *st) {
    char num[32];
    if (!t) {
        put(b, "<nil>");
        return;
    }
    if (t->name) {
        write_named(b, t, st);
        return;
    }
    switch (t->kind) {
    case K_POINTER: put(b, "*"); write_type(b, t->elem, st); break;
    case K_SLICE: put(b, "[]"); write_type(b, t->elem, st); break;
    case K_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->len);
        put(b, num);
        write_type(b, t->elem, st);
        break;
    case K_MAP:
        put(b, "map[");
        write_type(b, t->key, st);
        put(b, "]");
        write_type(b, t->elem, st);
        break;
    case K_CHAN: write_chan(b, t, st); break;
    case K_FUNC: put(b, "func"); write_sig(b, t, st); break;
    case K_STRUCT: write_struct(b, t, st); break;
    case K_INTERFACE: write_iface(b, t, st); break;
    case K_TUPLE:
        put(b, "(");
        write_list(b, t->results, t->nresults, false, st);
        put(b, ")");
        break;
    default: put(b, basic_name(t->kind)); break;
    }
}

const char *type_string(Type *t) {
    if (t && t->str_cache)
        return t->str_cache;
    Buf b = {0};
    Style st = {.reflect = true};
    put(&b, "");
    write_type(&b, t, &st);
    if (t)
        __atomic_store_n(&t->str_cache, b.s, __ATOMIC_RELEASE);
    return b.s;
}

const char *type_string_local(Type *t, Package *local) {
    Buf b = {0};
    Style st = {.reflect = false, .local = local};
    put(&b, "");
    write_type(&b, t, &st);
    return b.s;
}
