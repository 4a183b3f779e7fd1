// Checker helpers: error reporting, Go's start position of an expression (where go/types
// reports errors), operand descriptions ("x (variable of type int)") and a pointer-keyed map.
#include <stdarg.h>
#include <stdio.h>

#include "buf.h"
#include "check_int.h"
#include "hashset.h"

static void report(Checker *c, Pos pos, bool alone, const char *fmt, va_list ap) {
    if (c->errpos)
        pos = *c->errpos;
    Buf b = {0};
    buf_vprintf(&b, fmt, ap);
    const char *buf = buf_cstr(&b);
    static const char *const typeless[] = {"declared and not used", "undefined: ",
                                           "missing return", "label ", NULL};
    bool pass = false;
    for (int i = 0; c->quiet && c->quiet_typeless && typeless[i]; i++)
        pass |= strncmp(buf, typeless[i], strlen(typeless[i])) == 0;
    if (c->quiet && !pass) {
        if (!c->quiet_msg) {
            c->quiet_msg = buf;
            c->quiet_pos = pos;
        }
        return;
    }
    if (alone)
        diag_error_alone(c->d, pos, buf);
    else
        diag_error(c->d, pos, "%s", buf);
    c->nerrors++;
    c->pkg->failed = true;
}

void check_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    report(c, pos, false, fmt, ap);
    va_end(ap);
}

void check_cycle_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    report(c, pos, true, fmt, ap);
    va_end(ap);
}

char *check_sprintf(const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return (char *)buf_cstr(&b);
}

Pos check_start(Expr *e) {
    while (e) {
        switch (e->kind) {
        case E_BINARY: case E_CALL: case E_SELECTOR: case E_INDEX: case E_SLICE:
        case E_TYPEASSERT: case E_KEYVALUE:
            if (!e->x)
                return e->pos;
            e = e->x;
            break;
        case E_COMPOSITE:
            if (!e->type)
                return e->lbrace.file ? e->lbrace : e->pos;
            e = e->type;
            break;
        default:
            return e->pos;
        }
    }
    return POS_NONE;
}

const char *check_type_str(Checker *c, Type *t) {
    if (t && t == c->spelled_type && c->spelled_as)
        return c->spelled_as;
    return type_string_local(t, c->pkg);
}

const char *check_expr_str(Expr *e) {
    return ast_expr_str(e);
}

void check_set_invalid(Expr *e) {
    e->mode = MODE_INVALID;
    e->tv = INVALID_TYPE;
    e->cval = NULL;
}

Type *check_under(Type *t) {
    return t->under ? t->under : t;
}

bool check_is_blank(Expr *e) {
    e = ast_unparen(e);
    return e->kind == E_IDENT && strcmp(e->name, "_") == 0;
}

static const char *mode_str(Mode m) {
    switch (m) {
    case MODE_INVALID: return "invalid operand";
    case MODE_NOVALUE: return "no value";
    case MODE_BUILTIN: return "built-in";
    case MODE_TYPE: return "type";
    case MODE_CONST: return "constant";
    case MODE_VAR: return "variable";
    case MODE_MAPINDEX: return "map index expression";
    case MODE_VALUE: return "value";
    case MODE_COMMAOK: return "comma, ok expression";
    default: return "value";
    }
}

// go/types operandString.
const char *check_operand_str(Checker *c, Expr *e) {
    const char *expr = check_expr_str(e);
    Type *t = e->tv;
    if (t && t->kind == K_UNTYPED_NIL && e->mode != MODE_CONST)
        return "nil";
    Buf b = {0};
    buf_printf(&b, "%s (", expr);
    bool has_type = false;
    Mode m = e->mode;
    if (m != MODE_INVALID && m != MODE_NOVALUE && m != MODE_BUILTIN && m != MODE_TYPE && t) {
        if (type_is_untyped(t))
            buf_printf(&b, "%s ", type_string(t));
        else
            has_type = true;
    }
    buf_puts(&b, mode_str(m));
    if (m == MODE_CONST && e->cval) {
        const char *v = cv_string_repr(e->cval);
        if (strcmp(v, expr) != 0)
            buf_printf(&b, " %s", v);
    }
    if (has_type) {
        if (t->kind != K_INVALID)
            buf_printf(&b, " of type %s", check_type_str(c, t));
        if (t->tparam) // types2: "variable of type T constrained by any"
            buf_printf(&b, " constrained by %s",
                       t->tparam->bound ? check_type_str(c, t->tparam->bound) : t->tparam->cname);
        if (t->kind == K_INVALID)
            buf_puts(&b, " with invalid type");
    }
    buf_putc(&b, ')');
    return buf_cstr(&b);
}

// ---- pointer map ----

static uint32_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

void *ptrmap_get(PtrMap *m, const void *key) {
    if (!m->cap)
        return NULL;
    uint32_t mask = (uint32_t)m->cap - 1;
    for (uint32_t i = ptr_hash(key) & mask; m->keys[i]; i = (i + 1) & mask)
        if (m->keys[i] == key)
            return m->vals[i];
    return NULL;
}

static void ptrmap_grow(PtrMap *m) {
    PtrMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->keys = gc_alloc(sizeof(void *) * (size_t)m->cap);
    m->vals = gc_alloc(sizeof(void *) * (size_t)m->cap);
    for (int i = 0; i < old.cap; i++)
        if (old.keys[i])
            ptrmap_put(m, old.keys[i], old.vals[i]);
}

void ptrmap_put(PtrMap *m, const void *key, void *val) {
    if ((m->n + 1) * 2 > m->cap)
        ptrmap_grow(m);
    uint32_t mask = (uint32_t)m->cap - 1;
    uint32_t i = ptr_hash(key) & mask;
    for (; m->keys[i]; i = (i + 1) & mask) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return;
        }
    }
    m->keys[i] = (void *)key;
    m->vals[i] = val;
    m->n++;
}

bool check_const_key_same(const void *x, const void *y) {
    const Expr *a = x, *b = y;
    return a->tv == b->tv && a->cval->kind == b->cval->kind &&
           cv_compare(OP_EQL, a->cval, b->cval);
}

uint64_t check_const_key_hash(const Expr *k) {
    ConstVal *v = k->cval;
    uint64_t h = (uint64_t)(uintptr_t)k->tv * 31 + (uint64_t)v->kind;
    switch (v->kind) {
    case CV_BOOL: return h + v->b;
    case CV_STRING: return h ^ hashset_bytes(cv_str(v), (size_t)v->slen);
    case CV_INT:
    case CV_FLOAT: {
        double d = cv_float64(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return h ^ bits;
    }
    default: return h;
    }
}
