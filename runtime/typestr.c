// Spelling of types: type_string as Go's %T (reflect) prints it, and type_string_local as the
// Go compiler prints types in error messages (no spaces inside struct{...}/interface{...},
// types of the package being compiled unqualified). Both are written by one walker with a
// style flag, into a growable GC buffer.
#include "rtype.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"

typedef struct Style {
    bool reflect;   // %T spelling (else compiler-message spelling)
    Package *local; // message style: this package's types are unqualified
} Style;

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
            buf_puts(b, ", ");
        if (variadic && i == n - 1) {
            buf_puts(b, "...");
            write_type(b, ts[i]->elem, st);
        } else {
            write_type(b, ts[i], st);
        }
    }
}

// "(params) results" of a signature, without the leading "func".
static void write_sig(Buf *b, Type *t, const Style *st) {
    buf_puts(b, "(");
    write_list(b, t->params, t->nparams, t->variadic, st);
    buf_puts(b, ")");
    if (t->nresults == 1) {
        buf_puts(b, " ");
        write_type(b, t->results[0], st);
    } else if (t->nresults > 1) {
        buf_puts(b, " (");
        write_list(b, t->results, t->nresults, false, st);
        buf_puts(b, ")");
    }
}

static void write_quoted(Buf *b, const char *s) {
    buf_puts(b, "\"");
    char tmp[8];
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            tmp[0] = '\\', tmp[1] = *s, tmp[2] = 0;
        } else {
            tmp[0] = *s, tmp[1] = 0;
        }
        buf_puts(b, tmp);
    }
    buf_puts(b, "\"");
}

static void write_struct(Buf *b, Type *t, const Style *st) {
    buf_puts(b, st->reflect ? "struct {" : "struct{");
    for (int i = 0; i < t->nfields; i++) {
        TField *f = &t->fields[i];
        buf_puts(b, i ? "; " : (st->reflect ? " " : ""));
        if (!f->embedded) {
            buf_puts(b, f->name);
            buf_puts(b, " ");
        }
        write_type(b, f->type, st);
        if (f->tag) {
            buf_puts(b, " ");
            write_quoted(b, f->tag);
        }
    }
    buf_puts(b, st->reflect && t->nfields ? " }" : "}");
}

static void write_iface(Buf *b, Type *t, const Style *st) {
    if (t->nimethods == 0) {
        buf_puts(b, st->reflect ? "interface {}" : "any");
        return;
    }
    buf_puts(b, st->reflect ? "interface { " : "interface{");
    for (int i = 0; i < t->nimethods; i++) {
        if (i)
            buf_puts(b, "; ");
        IMethod *m = &t->imethods[i];
        if (st->reflect && m->pkg && !obj_exported(m->name)) { // reflect qualifies these
            buf_puts(b, pkg_name(m->pkg)->name);
            buf_puts(b, ".");
        }
        buf_puts(b, m->name);
        write_sig(b, m->sig, st);
    }
    buf_puts(b, st->reflect ? " }" : "}");
}

static void write_named(Buf *b, Type *t, const Style *st) {
    if (t->pkg && (st->reflect || t->pkg != st->local)) {
        buf_puts(b, pkg_name(t->pkg)->name);
        buf_puts(b, ".");
    }
    buf_puts(b, t->name);
    for (int i = 0; i < t->ntargs; i++) { // an instance: Pair[string,int]
        buf_puts(b, i ? (st->reflect ? "," : ", ") : "[");
        write_type(b, t->targs[i], st);
        if (i == t->ntargs - 1)
            buf_puts(b, "]");
    }
}

static void write_chan(Buf *b, Type *t, const Style *st) {
    buf_puts(b, t->dir == CHAN_SEND ? "chan<- " : t->dir == CHAN_RECV ? "<-chan " : "chan ");
    bool paren = t->dir == CHAN_BOTH && t->elem->kind == K_CHAN && !t->elem->name &&
                 t->elem->dir == CHAN_RECV;
    if (paren)
        buf_puts(b, "(");
    write_type(b, t->elem, st);
    if (paren)
        buf_puts(b, ")");
}

// Types shared through aliases form a DAG whose string, spelled out, can grow exponentially
// (a struct of four fields of a struct of four fields ..., 18 deep): writing stops past this
// many bytes and the string ends with "...".
enum { TYPE_STRING_MAX = 1 << 20 };

static void write_type(Buf *b, Type *t, const Style *st) {
    char num[32];
    if (b->len > TYPE_STRING_MAX)
        return;
    if (!t) {
        buf_puts(b, "<nil>");
        return;
    }
    if (t->name) {
        write_named(b, t, st);
        return;
    }
    switch (t->kind) {
    case K_POINTER: buf_puts(b, "*"); write_type(b, t->elem, st); break;
    case K_SLICE: buf_puts(b, "[]"); write_type(b, t->elem, st); break;
    case K_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->len);
        buf_puts(b, num);
        write_type(b, t->elem, st);
        break;
    case K_MAP:
        buf_puts(b, "map[");
        write_type(b, t->key, st);
        buf_puts(b, "]");
        write_type(b, t->elem, st);
        break;
    case K_CHAN: write_chan(b, t, st); break;
    case K_FUNC: buf_puts(b, "func"); write_sig(b, t, st); break;
    case K_STRUCT: write_struct(b, t, st); break;
    case K_INTERFACE: write_iface(b, t, st); break;
    case K_TUPLE:
        buf_puts(b, "(");
        write_list(b, t->results, t->nresults, false, st);
        buf_puts(b, ")");
        break;
    default: buf_puts(b, basic_name(t->kind)); break;
    }
}

static void end_truncated(Buf *b) {
    if (b->len > TYPE_STRING_MAX) {
        b->len = TYPE_STRING_MAX;
        buf_puts(b, "...");
    }
}

const char *type_string(Type *t) {
    if (t && t->str_cache)
        return t->str_cache;
    Buf b = {0};
    Style st = {.reflect = true};
    buf_reserve(&b, 0); // never NULL, even for ""
    write_type(&b, t, &st);
    end_truncated(&b);
    if (t)
        __atomic_store_n(&t->str_cache, b.data, __ATOMIC_RELEASE);
    return b.data;
}

const char *type_string_local(Type *t, Package *local) {
    Buf b = {0};
    Style st = {.reflect = false, .local = local};
    buf_reserve(&b, 0); // never NULL, even for ""
    write_type(&b, t, &st);
    end_truncated(&b);
    return b.data;
}
