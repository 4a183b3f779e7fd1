// vet's printf analyzer (Go's passes/printf): Print-style calls holding a formatting
// directive or a redundant newline, and Printf-style calls whose verbs do not match their
// arguments (unknown verb, bad flag, wrong type, missing or extra arguments, %w misuse).
#include "vet_int.h"

#include <regex.h>
#include <stdlib.h>

enum {
    A_INT = 1,
    A_RUNE = 2,
    A_STRING = 4,
    A_FLOAT = 8,
    A_COMPLEX = 16,
    A_POINTER = 32,
    A_BOOL = 64,
    A_ERROR = 128,
    A_ANY = 255
};

static const struct Verb {
    char verb;
    const char *flags;
    int typ;
} verbs[] = {
    {'%', "", 0},
    {'b', " -+.0#", A_INT | A_FLOAT | A_COMPLEX | A_POINTER},
    {'c', "-", A_RUNE | A_INT},
    {'d', " -+.0", A_INT | A_POINTER},
    {'e', " -+.0#", A_FLOAT | A_COMPLEX},
    {'E', " -+.0#", A_FLOAT | A_COMPLEX},
    {'f', " -+.0#", A_FLOAT | A_COMPLEX},
    {'F', " -+.0#", A_FLOAT | A_COMPLEX},
    {'g', " -+.0#", A_FLOAT | A_COMPLEX},
    {'G', " -+.0#", A_FLOAT | A_COMPLEX},
    {'o', " -+.0#", A_INT | A_POINTER},
    {'O', " -+.0#", A_INT | A_POINTER},
    {'p', "-#", A_POINTER},
    {'q', " -+.0#", A_RUNE | A_INT | A_STRING},
    {'s', " -+.0", A_STRING},
    {'t', "-", A_BOOL},
    {'T', "-", A_ANY},
    {'U', "-#", A_RUNE | A_INT},
    {'v', " -+.0#", A_ANY},
    {'w', " -+.0#", A_ERROR},
    {'x', " -+.0#", A_RUNE | A_INT | A_STRING | A_POINTER | A_FLOAT | A_COMPLEX},
    {'X', " -+.0#", A_RUNE | A_INT | A_STRING | A_POINTER | A_FLOAT | A_COMPLEX},
    {0, NULL, 0},
};

// Which library functions print: kind 'f' (format at index fmt_index) or 'p' (Print-like,
// values from index fmt_index on).
static const struct PrintFn {
    const char *pkg, *recv, *name;
    char kind;
    int index;
} fns[] = {
    {"fmt", NULL, "Printf", 'f', 0},   {"fmt", NULL, "Sprintf", 'f', 0},
    {"fmt", NULL, "Errorf", 'f', 0},   {"fmt", NULL, "Fprintf", 'f', 1},
    {"fmt", NULL, "Appendf", 'f', 1},  {"fmt", NULL, "Print", 'p', 0},
    {"fmt", NULL, "Println", 'p', 0},  {"fmt", NULL, "Sprint", 'p', 0},
    {"fmt", NULL, "Sprintln", 'p', 0}, {"fmt", NULL, "Fprint", 'p', 1},
    {"fmt", NULL, "Fprintln", 'p', 1}, {"fmt", NULL, "Append", 'p', 1},
    {"fmt", NULL, "Appendln", 'p', 1}, {"log", "*", "Printf", 'f', 0},
    {"log", "*", "Fatalf", 'f', 0},    {"log", "*", "Panicf", 'f', 0},
    {"log", "*", "Print", 'p', 0},     {"log", "*", "Println", 'p', 0},
    {"log", "*", "Fatal", 'p', 0},     {"log", "*", "Fatalln", 'p', 0},
    {"log", "*", "Panic", 'p', 0},     {"log", "*", "Panicln", 'p', 0},
    {"testing", "*", "Logf", 'f', 0},  {"testing", "*", "Errorf", 'f', 0},
    {"testing", "*", "Fatalf", 'f', 0}, {"testing", "*", "Skipf", 'f', 0},
    {"testing", "*", "Log", 'p', 0},   {"testing", "*", "Error", 'p', 0},
    {"testing", "*", "Fatal", 'p', 0}, {"testing", "*", "Skip", 'p', 0},
    {NULL, NULL, NULL, 0, 0},
};

// The table entry for [fn]: a function of the package, or ("*" in recv) also a method of
// the package's Logger.
static const struct PrintFn *print_fn(Object *fn) {
    if (!fn || !fn->pkg)
        return NULL;
    for (int i = 0; fns[i].pkg; i++) {
        if (strcmp(fn->pkg->path, fns[i].pkg) || strcmp(fn->name, fns[i].name))
            continue;
        if (!fn->recv_type || fns[i].recv)
            return &fns[i];
    }
    return NULL;
}

static const char *count(int n) {
    char buf[32];
    snprintf(buf, sizeof buf, n == 1 ? "%d arg" : "%d args", n);
    return gc_strdup(buf);
}

// The type go/types records for an argument: an untyped constant converted to an interface
// parameter keeps its default type.
static Type *arg_type(Expr *e) {
    Expr *u = ast_unparen(e);
    if (u->kind == E_IDENT && u->obj && u->obj->kind == OBJ_NIL)
        return types_basic[K_UNTYPED_NIL];
    Type *t = e->tv;
    if (!t || e->mode != MODE_CONST || !e->cval || t->kind != K_INTERFACE)
        return t;
    switch (e->cval->kind) {
    case CV_BOOL:
        return types_basic[K_BOOL];
    case CV_STRING:
        return types_basic[K_STRING];
    case CV_INT:
        return types_basic[u->kind == E_RUNELIT ? K_INT32 : K_INT];
    case CV_FLOAT:
        return types_basic[K_FLOAT64];
    case CV_COMPLEX:
        return types_basic[K_COMPLEX128];
    default:
        return t;
    }
}

static bool is_formatter(Type *t) {
    if (!t || t->kind == K_INTERFACE)
        return true;
    return vet_has_method(t, "Format", 2);
}

static bool to_string(Type *t) {
    if (t->kind == K_UNTYPED_NIL)
        return false;
    return type_implements(t, types_error, NULL, NULL) || vet_has_method(t, "String", 0);
}

static bool match(Type *t, int want, bool top, int depth) {
    if (!t || t->kind == K_INVALID || t->tparam) // unknown here (a generic body): trust it
        return true;
    if (want == A_ERROR) // types.ConvertibleTo(t, error)
        return t->kind == K_UNTYPED_NIL || type_implements(t, types_error, NULL, NULL);
    if (is_formatter(t) || ((want & A_STRING) && to_string(t)))
        return true;
    if (depth > 8)
        return true;
    Type *u = t->under ? t->under : t;
    switch (u->kind) {
    case K_FUNC:
        return want == A_POINTER;
    case K_MAP:
        return want == A_POINTER ||
               (match(u->key, want, false, depth + 1) && match(u->elem, want, false, depth + 1));
    case K_CHAN:
        return want & A_POINTER;
    case K_ARRAY:
    case K_SLICE:
        if (u->elem->under->kind == K_UINT8 && (want & A_STRING))
            return true;
        if (u->kind == K_SLICE && want == A_POINTER)
            return true;
        return match(u->elem, want, false, depth + 1);
    case K_POINTER: {
        if (want == A_POINTER)
            return true;
        Kind k = u->elem->under ? u->elem->under->kind : K_INVALID;
        if (k != K_STRUCT && k != K_ARRAY && k != K_SLICE && k != K_MAP)
            return want & A_POINTER;
        return top && match(u->elem->under, want, false, depth + 1);
    }
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            if (!match(u->fields[i].type, want, false, depth + 1))
                return false;
            if ((want & A_STRING) && !u->fields[i].exported && to_string(u->fields[i].type))
                return false;
        }
        return true;
    case K_BOOL:
    case K_UNTYPED_BOOL:
        return want & A_BOOL;
    case K_INT:
    case K_INT8:
    case K_INT16:
    case K_INT32:
    case K_INT64:
    case K_UINT:
    case K_UINT8:
    case K_UINT16:
    case K_UINT32:
    case K_UINT64:
    case K_UINTPTR:
    case K_UNTYPED_INT:
        return want & A_INT;
    case K_FLOAT32:
    case K_FLOAT64:
    case K_UNTYPED_FLOAT:
        return want & A_FLOAT;
    case K_COMPLEX64:
    case K_COMPLEX128:
    case K_UNTYPED_COMPLEX:
        return want & A_COMPLEX;
    case K_STRING:
    case K_UNTYPED_STRING:
        return want & A_STRING;
    case K_UNSAFEPTR:
        return want & (A_POINTER | A_INT);
    case K_UNTYPED_RUNE:
        return want & (A_INT | A_RUNE);
    case K_UNTYPED_NIL:
        return false;
    default:
        return true;
    }
}

// Go's isFunctionValue: an argument of an unnamed func type.
static bool is_func_value(Expr *e) {
    return e->mode != MODE_TYPE && e->tv && e->tv->kind == K_FUNC && !e->tv->name;
}

// Go's recursiveStringer: the receiver r (or &r) of the String or Error method being
// walked, printed with a verb that calls that method again. Returns the method's name.
static const char *recursive_stringer(Vet *v, Expr *e) {
    Object *m = v->stringer;
    if (!m || !m->recv || is_formatter(e->tv))
        return NULL;
    if (e->kind == E_UNARY && e->op == OP_AND)
        e = e->x;
    if (e->kind != E_IDENT || e->obj != m->recv)
        return NULL;
    return vet_func_name(m);
}

// One directive being parsed (Go's formatState).
typedef struct Directive {
    const char *s; // from the '%'
    int len, nbytes;
    char flags[16];
    int nflags;
    int argnums[8];
    int nargnums;
    int arg, first;
    bool has_index, index_pending;
    char verb;
    int verb_off; // where the verb starts in s
} Directive;

typedef struct PCall {
    Vet *v;
    Expr *call;
    const char *name;
    int nargs;
} PCall;

static void scan_num(Directive *d) {
    while (d->nbytes < d->len && d->s[d->nbytes] >= '0' && d->s[d->nbytes] <= '9')
        d->nbytes++;
}

static const char *dtext(Directive *d) {
    return gc_strndup(d->s, (size_t)d->nbytes);
}

static bool parse_index(PCall *pc, Directive *d) {
    if (d->nbytes == d->len || d->s[d->nbytes] != '[')
        return true;
    d->nbytes++;
    int start = d->nbytes;
    scan_num(d);
    bool ok = true;
    if (d->nbytes == d->len || d->nbytes == start || d->s[d->nbytes] != ']') {
        ok = false;
        const char *rb = memchr(d->s + start, ']', (size_t)(d->len - start));
        if (!rb) {
            vet_report(pc->v, pc->call->start, "%s format %s is missing closing ]", pc->name,
                       gc_strndup(d->s, (size_t)d->len));
            return false;
        }
        d->nbytes = (int)(rb - d->s);
    }
    char *idx = gc_strndup(d->s + start, (size_t)(d->nbytes - start));
    long n = strtol(idx, NULL, 10);
    if (!ok || !*idx || strlen(idx) > 9 || n <= 0 || n > pc->nargs - d->first) {
        vet_report(pc->v, pc->call->start, "%s format has invalid argument index [%s]", pc->name,
                   idx);
        return false;
    }
    d->nbytes++;
    d->arg = (int)n + d->first - 1;
    d->has_index = d->index_pending = true;
    return true;
}

static void push_arg(Directive *d) {
    if (d->nargnums < 8)
        d->argnums[d->nargnums++] = d->arg;
}

static void parse_num(Directive *d) {
    if (d->nbytes < d->len && d->s[d->nbytes] == '*') {
        d->index_pending = false;
        d->nbytes++;
        push_arg(d);
        d->arg++;
    } else {
        scan_num(d);
    }
}

static void add_flag(Directive *d, char c) {
    if (d->nflags < 15)
        d->flags[d->nflags++] = c;
}

// Go's parsePrintfVerb; false after a report.
static bool parse_verb(PCall *pc, Directive *d) {
    d->nbytes = 1;
    while (d->nbytes < d->len && strchr("#0+- ", d->s[d->nbytes]))
        add_flag(d, d->s[d->nbytes++]);
    if (!parse_index(pc, d))
        return false;
    parse_num(d);
    if (d->nbytes < d->len && d->s[d->nbytes] == '.') {
        add_flag(d, '.');
        d->nbytes++;
        if (!parse_index(pc, d))
            return false;
        parse_num(d);
    }
    if (!d->index_pending && !parse_index(pc, d))
        return false;
    if (d->nbytes == d->len) {
        vet_report(pc->v, pc->call->x->start, "%s format %s is missing verb at end of string",
                   pc->name, dtext(d));
        return false;
    }
    d->verb_off = d->nbytes;
    d->verb = d->s[d->nbytes++];
    if ((unsigned char)d->verb >= 0x80) // a multi-byte verb: take the whole rune
        while (d->nbytes < d->len && ((unsigned char)d->s[d->nbytes] & 0xC0) == 0x80)
            d->nbytes++;
    if (d->verb != '%')
        push_arg(d);
    return true;
}

// Go's argCanBeChecked.
static bool can_check(PCall *pc, Directive *d, int i) {
    int n = d->argnums[i];
    if (n < pc->nargs - 1)
        return true;
    if (pc->call->has_ellipsis)
        return false;
    if (n < pc->nargs)
        return true;
    vet_report(pc->v, pc->call->start, "%s format %s reads arg #%d, but call has %s", pc->name,
               dtext(d), n - d->first + 1, count(pc->nargs - d->first));
    return false;
}

// Go's okPrintfArg: false after a report (one per call is enough).
static bool ok_arg(PCall *pc, Directive *d) {
    const struct Verb *v = NULL;
    for (int i = 0; verbs[i].verb; i++)
        if (verbs[i].verb == d->verb)
            v = &verbs[i];
    bool formatter = false;
    if ((!v || v->typ != A_ERROR) && d->arg < pc->nargs)
        formatter = is_formatter(arg_type(pc->call->args.v[d->arg]));
    Pos at = pc->call->start;
    if (!formatter) {
        if (!v) {
            vet_report(pc->v, at, "%s format %s has unknown verb %s", pc->name, dtext(d),
                       gc_strndup(d->s + d->verb_off, (size_t)(d->nbytes - d->verb_off)));
            return false;
        }
        for (int i = 0; i < d->nflags; i++)
            if (d->flags[i] != '0' && !strchr(v->flags, d->flags[i])) {
                vet_report(pc->v, at, "%s format %s has unrecognized flag %c", pc->name, dtext(d),
                           d->flags[i]);
                return false;
            }
    }
    int true_args = d->verb == '%' ? 0 : 1;
    for (int i = 0; i < d->nargnums - true_args; i++) {
        if (!can_check(pc, d, i))
            return false;
        Expr *a = pc->call->args.v[d->argnums[i]];
        if (!match(arg_type(a), A_INT, true, 0)) {
            vet_report(pc->v, at, "%s format %s uses non-int %s as argument of *", pc->name,
                       dtext(d), vet_expr_str(a));
            return false;
        }
    }
    if (d->verb == '%' || formatter)
        return true;
    if (!can_check(pc, d, d->nargnums - 1))
        return false;
    Expr *a = pc->call->args.v[d->argnums[d->nargnums - 1]];
    if (is_func_value(a) && d->verb != 'p' && d->verb != 'T') {
        vet_report(pc->v, at, "%s format %s arg %s is a func value, not called", pc->name, dtext(d),
                   vet_expr_str(a));
        return false;
    }
    Type *t = arg_type(a);
    if (v->typ != A_ANY && t && !match(t, v->typ, true, 0)) {
        vet_report(pc->v, at, "%s format %s has arg %s of wrong type %s", pc->name, dtext(d),
                   vet_expr_str(a), vet_type_str(t));
        return false;
    }
    const char *rec;
    if ((v->typ & A_STRING) && d->verb != 'T' && !memchr(d->flags, '#', (size_t)d->nflags) &&
        (rec = recursive_stringer(pc->v, a))) {
        vet_report(pc->v, at, "%s format %s with arg %s causes recursive %s method call", pc->name,
                   dtext(d), vet_expr_str(a), rec);
        return false;
    }
    return true;
}

static void check_printf(PCall *pc, Object *fn, int idx) {
    if (idx >= pc->nargs)
        return;
    int64_t flen;
    const char *f = vet_const_string(pc->call->args.v[idx], &flen);
    if (!f)
        return;
    int first = idx + 1;
    if (!memchr(f, '%', (size_t)flen)) {
        if (pc->nargs > first)
            vet_report(pc->v, pc->call->pos, "%s call has arguments but no formatting directives",
                       pc->name);
        return;
    }
    int arg = first, maxarg = first;
    bool any_index = false;
    for (int64_t i = 0, w; i < flen; i += w) {
        w = 1;
        if (f[i] != '%')
            continue;
        Directive d = {.s = f + i, .len = (int)(flen - i), .arg = arg, .first = first};
        if (!parse_verb(pc, &d))
            return;
        w = d.nbytes;
        if (!ok_arg(pc, &d))
            return;
        any_index |= d.has_index;
        if (d.verb == 'w' && strcmp(fn->name, "Errorf") != 0) {
            vet_report(pc->v, pc->call->start, "%s does not support error-wrapping directive %%w",
                       pc->name);
            return;
        }
        if (d.nargnums > 0)
            arg = d.argnums[d.nargnums - 1] + 1;
        for (int k = 0; k < d.nargnums; k++)
            if (d.argnums[k] >= maxarg)
                maxarg = d.argnums[k] + 1;
    }
    if ((pc->call->has_ellipsis && maxarg >= pc->nargs - 1) || any_index)
        return;
    if (maxarg != pc->nargs)
        vet_report(pc->v, pc->call->start, "%s call needs %s but has %s", pc->name,
                   count(maxarg - first), count(pc->nargs - first));
}

static void check_print(PCall *pc, Object *fn, int first) {
    if (pc->nargs <= first)
        return;
    int64_t n;
    const char *s = vet_const_string(pc->call->args.v[first], &n);
    if (s) {
        static regex_t re;
        static bool compiled;
        if (!compiled) {
            regcomp(&re,
                    "%[-+#]*([0-9]+|(\\[[0-9]+\\])?\\*)?\\.?([0-9]+|(\\[[0-9]+\\])?\\*)?"
                    "(\\[[0-9]+\\])?[bcdefgopqstvxEFGTUX]",
                    REG_EXTENDED);
            compiled = true;
        }
        char *str = gc_strndup(s, (size_t)n);
        size_t len = strlen(str);
        if (len && str[len - 1] == '%')
            str[len - 1] = 0;
        regmatch_t m[1];
        if (strchr(str, '%') && regexec(&re, str, 1, m, 0) == 0)
            vet_report(pc->v, pc->call->start,
                       "%s call has possible Printf formatting directive %s", pc->name,
                       gc_strndup(str + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so)));
    }
    size_t nl = strlen(fn->name);
    if (nl > 2 && strcmp(fn->name + nl - 2, "ln") == 0) {
        s = vet_const_string(pc->call->args.v[pc->nargs - 1], &n);
        if (s && n > 0 && s[n - 1] == '\n')
            vet_report(pc->v, pc->call->start, "%s arg list ends with redundant newline", pc->name);
    }
    for (int i = first; i < pc->nargs; i++) {
        Expr *a = pc->call->args.v[i];
        const char *rec;
        if (is_func_value(a))
            vet_report(pc->v, pc->call->start, "%s arg %s is a func value, not called", pc->name,
                       vet_expr_str(a));
        if ((rec = recursive_stringer(pc->v, a)))
            vet_report(pc->v, pc->call->start, "%s arg %s causes recursive call to %s method",
                       pc->name, vet_expr_str(a), rec);
    }
}

void vet_printf_call(Vet *v, Expr *call) {
    Object *fn = vet_callee(call);
    const struct PrintFn *pf = print_fn(fn);
    if (!pf)
        return;
    PCall pc = {v, call, vet_func_name(fn), call->args.n};
    if (pf->kind == 'f')
        check_printf(&pc, fn, pf->index);
    else
        check_print(&pc, fn, pf->index);
}
