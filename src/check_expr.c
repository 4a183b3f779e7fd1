// Operands: identifiers (with uses, captures by function literals and init dependencies),
// literals, unary and binary expressions, shifts and comparisons with constant folding
// (src/constant.h). Untyped results stay untyped here; the context that consumes them
// (assignment, conversion, the other operand) gives them their final type (check_assign.c).
#include "check_int.h"
#include "deepstack.h"

static bool is_const_type(Type *t) {
    Kind k = check_under(t)->kind;
    return (k >= K_BOOL && k <= K_STRING) || (k >= K_UNTYPED_BOOL && k <= K_UNTYPED_STRING);
}

// ---- identifiers ----

// Variables of enclosing functions used inside a literal become captures of every literal
// between the use and the declaring function.
static void note_capture(Checker *c, Object *v) {
    if (!v->owner || v->is_global || v->is_field || !c->fn)
        return;
    for (FuncCtx *f = c->fn; f && f->func != v->owner; f = f->outer) {
        bool have = false;
        for (int i = 0; i < f->func->captures.n && !have; i++)
            have = f->func->captures.v[i] == v;
        if (!have)
            vec_push(&f->func->captures, v);
        v->captured = true;
        v->escapes = true;
    }
}

Object *check_ident_obj(Checker *c, Expr *e) {
    Object *o = scope_lookup(c->scope, e->name, NULL);
    if (!o)
        return NULL;
    e->obj = o;
    DeclInfo *di = o->pkg == c->pkg ? ptrmap_get(&c->infos, o) : NULL;
    // Behind an indirection a declared (non-alias) named type is used as it stands and
    // resolved later by the package pass: `type A struct{ b *B }; type B struct{ a A }`.
    bool defer_it = c->indirect && di && o->kind == OBJ_TYPE && di->state == DS_TODO &&
                    di->spec && !di->spec->alias && o->type && o->type->name;
    if (di && !defer_it)
        check_obj_decl(c, o);
    switch (o->kind) {
    case OBJ_VAR:
        if (o->is_global || (o->kind == OBJ_VAR && !o->owner))
            check_record_dep(c, o);
        else {
            note_capture(c, o);
            check_rangefunc_note(c, o);
        }
        break;
    case OBJ_FUNC:
        check_record_dep(c, o);
        break;
    default:
        break;
    }
    return o;
}

static void ident_const(Checker *c, Expr *e, Object *o) {
    if (o->parent_scope == universe && strcmp(o->name, "iota") == 0) {
        if (!c->iota) {
            check_errorf(c, e->pos, "cannot use iota outside constant declaration");
            return;
        }
        e->mode = MODE_CONST;
        e->tv = types_basic[K_UNTYPED_INT];
        e->cval = c->iota;
        return;
    }
    if (!o->type || o->type->kind == K_INVALID || !o->cval)
        return;
    e->mode = MODE_CONST;
    e->tv = o->type;
    e->cval = o->cval;
}

static void ident_type(Checker *c, Expr *e, Object *o) {
    Type *t = o->type;
    if (!t || (t->kind == K_INVALID && !t->incomplete))
        return;
    if (t == types_comparable && !c->in_constraint) {
        check_errorf(c, e->pos, "cannot use type comparable outside a type constraint: "
                                "interface is (or embeds) comparable");
        return;
    }
    if (check_generic_type_unused(c, e, o))
        return;
    e->mode = MODE_TYPE;
    e->tv = t;
}

static void ident(Checker *c, Expr *e) {
    if (strcmp(e->name, "_") == 0) {
        check_errorf(c, e->pos, "cannot use _ as value or type");
        return;
    }
    Object *o = check_ident_obj(c, e);
    if (!o) {
        check_errorf(c, e->pos, "undefined: %s", e->name);
        return;
    }
    switch (o->kind) {
    case OBJ_PKG:
        o->used = true;
        check_errorf(c, e->pos, "use of package %s not in selector", o->name);
        return;
    case OBJ_CONST: ident_const(c, e, o); return;
    case OBJ_TYPE: ident_type(c, e, o); return;
    case OBJ_VAR:
        o->used = true;
        if (!o->type || o->type->kind == K_INVALID)
            return;
        e->mode = o->decl ? MODE_VALUE : MODE_VAR; // a REPL function is a value (check.h)
        e->tv = o->type;
        return;
    case OBJ_FUNC:
        if (!o->type || o->type->kind == K_INVALID)
            return;
        e->mode = MODE_VALUE;
        e->tv = o->type;
        return;
    case OBJ_BUILTIN:
        e->mode = MODE_BUILTIN;
        e->builtin = o->builtin;
        return;
    case OBJ_NIL:
        e->mode = MODE_VALUE;
        e->tv = types_basic[K_UNTYPED_NIL];
        return;
    default:
        return;
    }
}

static void basic_lit(Checker *c, Expr *e) {
    const char *err = NULL;
    ConstVal *v = cv_from_literal(e->kind, e->lit, &err);
    if (!v) {
        check_errorf(c, e->pos, "%s", err ? err : "invalid literal");
        return;
    }
    Kind k = e->kind == E_INTLIT     ? K_UNTYPED_INT
             : e->kind == E_FLOATLIT ? K_UNTYPED_FLOAT
             : e->kind == E_IMAGLIT  ? K_UNTYPED_COMPLEX
             : e->kind == E_RUNELIT  ? K_UNTYPED_RUNE
                                     : K_UNTYPED_STRING;
    e->mode = MODE_CONST;
    e->tv = types_basic[k];
    e->cval = v;
}

// ---- escapes ----

void check_mark_escape(Checker *c, Expr *e) {
    GOL_UNUSED(c);
    for (;;) {
        e = ast_unparen(e);
        if (e->kind == E_SELECTOR && e->sel.kind == SEL_FIELD && e->x &&
            !(e->x->tv && check_under(e->x->tv)->kind == K_POINTER)) {
            e = e->x;
            continue;
        }
        if (e->kind == E_INDEX && e->x && e->x->tv && check_under(e->x->tv)->kind == K_ARRAY) {
            e = e->x;
            continue;
        }
        break;
    }
    if (e->kind == E_IDENT && e->obj && e->obj->kind == OBJ_VAR)
        e->obj->escapes = true;
}

// ---- unary ----

static void star(Checker *c, Expr *e) {
    check_raw(c, e->x, NULL);
    Expr *x = e->x;
    if (x->mode == MODE_INVALID)
        return;
    if (x->mode == MODE_TYPE) {
        e->mode = MODE_TYPE;
        e->tv = type_pointer(x->tv);
        return;
    }
    if (!check_single_value(c, x))
        return;
    if (x->tv->kind == K_UNTYPED_NIL) {
        check_errorf(c, check_start(x), "invalid operation: cannot indirect nil");
        return;
    }
    Type *u = check_under(x->tv);
    if (u->kind != K_POINTER) {
        check_errorf(c, check_start(x), "invalid operation: cannot indirect %s",
                     check_operand_str(c, x));
        return;
    }
    e->mode = MODE_VAR;
    e->tv = u->elem;
}

static void address_of(Checker *c, Expr *e, Type *hint) {
    Expr *x = ast_unparen(e->x);
    if (x->kind == E_COMPOSITE) {
        Type *h = hint && check_under(hint)->kind == K_POINTER ? check_under(hint)->elem : NULL;
        check_expr_hint(c, e->x, h);
        if (e->x->mode == MODE_INVALID)
            return;
        e->mode = MODE_VALUE;
        e->tv = type_pointer(e->x->tv);
        return;
    }
    check_expr(c, e->x);
    if (e->x->mode == MODE_INVALID)
        return;
    if (e->x->mode != MODE_VAR) {
        check_errorf(c, check_start(e->x), "invalid operation: cannot take address of %s",
                     check_operand_str(c, e->x));
        return;
    }
    check_mark_escape(c, e->x);
    e->mode = MODE_VALUE;
    e->tv = type_pointer(e->x->tv);
}

static void receive(Checker *c, Expr *e) {
    Expr *x = e->x;
    check_expr(c, x);
    if (x->mode == MODE_INVALID)
        return;
    Type *u = check_under(x->tv);
    if (u->kind != K_CHAN) {
        check_errorf(c, check_start(x), "invalid operation: cannot receive from non-channel %s",
                     check_operand_str(c, x));
        return;
    }
    if (u->dir == CHAN_SEND) {
        check_errorf(c, check_start(x),
                     "invalid operation: cannot receive from send-only channel %s",
                     check_operand_str(c, x));
        return;
    }
    e->mode = MODE_COMMAOK;
    e->tv = u->elem;
}

// Typed constants must stay representable after each operation.
static bool overflow(Checker *c, Expr *e) {
    if (type_is_untyped(e->tv))
        return true;
    int code = 0;
    if (!check_representable(c, e, check_under(e->tv), &code)) {
        check_invalid_conversion(c, e, e->tv, code);
        check_set_invalid(e);
        return false;
    }
    return true;
}

// ~x in an expression (it parses, as in Go, for constraints' sake): refused in types2's
// words; on an integer operand the check goes on as ^x, as types2 does.
static bool tilde_as_xor(Checker *c, Expr *e) {
    if (!type_is_integer(check_under(e->x->tv))) {
        check_errorf(c, e->pos, "cannot use ~ outside of interface or type constraint");
        return false;
    }
    check_errorf(c, e->pos,
                 "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)");
    e->op = OP_XOR;
    return true;
}

static void unary(Checker *c, Expr *e, Type *hint) {
    if (e->op == OP_AND) {
        address_of(c, e, hint);
        return;
    }
    if (e->op == OP_ARROW) {
        receive(c, e);
        return;
    }
    Expr *x = e->x;
    check_expr(c, x);
    if (x->mode == MODE_INVALID)
        return;
    Type *t = x->tv;
    if (e->op == OP_NONE && !tilde_as_xor(c, e))
        return;
    bool ok = e->op == OP_NOT ? type_is_boolean(check_under(t))
              : e->op == OP_XOR ? type_is_integer(check_under(t))
                                : type_is_numeric(check_under(t));
    if (!ok) {
        check_errorf(c, check_start(x), "invalid operation: operator %s not defined on %s",
                     ast_op_str(e->op), check_operand_str(c, x));
        return;
    }
    e->tv = t;
    if (x->mode == MODE_CONST) {
        int ubits = type_is_unsigned(check_under(t)) ? type_bits(check_under(t)) : 0;
        e->cval = cv_unary(e->op, x->cval, ubits);
        e->mode = e->cval ? MODE_CONST : MODE_INVALID;
        if (e->cval)
            overflow(c, e);
        return;
    }
    e->mode = MODE_VALUE;
}

// ---- expression entry points ----

void check_raw(Checker *c, Expr *e, Type *hint) {
    if (e->prechecked)
        return;
    check_set_invalid(e);
    if (GOL_UNLIKELY(cstack_low())) {
        check_errorf(c, e->pos, DEEPSTACK_MSG);
        return;
    }
    switch (e->kind) {
    case E_BAD: return;
    case E_IDENT: ident(c, e); return;
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_RUNELIT: case E_STRINGLIT:
        basic_lit(c, e);
        return;
    case E_COMPOSITE: check_composite(c, e, hint); return;
    case E_FUNCLIT: check_funclit(c, e); return;
    case E_PAREN:
        check_raw(c, e->x, hint);
        e->mode = e->x->mode;
        e->tv = e->x->tv;
        e->cval = e->x->cval;
        e->builtin = e->x->builtin;
        return;
    case E_SELECTOR: check_selector(c, e); return;
    case E_INDEX: check_index(c, e, hint); return;
    case E_SLICE: check_slice_expr(c, e); return;
    case E_TYPEASSERT: check_type_assert(c, e); return;
    case E_CALL: check_call(c, e); return;
    case E_STAR: star(c, e); return;
    case E_UNARY: unary(c, e, hint); return;
    case E_BINARY: check_binary(c, e, e->x, e->y, e->op, e->pos); return;
    case E_KEYVALUE:
        check_errorf(c, check_start(e), "unexpected key:value expression");
        return;
    case E_ELLIPSIS:
        check_errorf(c, e->pos, "invalid use of ...");
        return;
    default:
        check_type(c, e);
        return;
    }
}

bool check_single_value(Checker *c, Expr *e) {
    switch (e->mode) {
    case MODE_INVALID: return false;
    case MODE_NOVALUE:
        check_errorf(c, check_start(e), "%s used as value", check_operand_str(c, e));
        break;
    case MODE_BUILTIN:
        check_errorf(c, check_start(e), "%s must be called", check_operand_str(c, e));
        break;
    case MODE_TYPE:
        check_errorf(c, check_start(e), "%s is not an expression", check_operand_str(c, e));
        break;
    case MODE_PACKAGE:
        check_errorf(c, check_start(e), "use of package %s not in selector", e->name);
        break;
    default:
        if (e->tv && e->tv->kind == K_TUPLE) {
            check_errorf(c, check_start(e), "multiple-value %s in single-value context",
                         check_operand_str(c, e));
            break;
        }
        return check_generic_value(c, e);
    }
    check_set_invalid(e);
    return false;
}

void check_expr_hint(Checker *c, Expr *e, Type *hint) {
    check_raw(c, e, hint);
    check_single_value(c, e);
    // A value of invalid type (a variable or call result whose type was reported as wrong)
    // takes part in nothing that could report again (types2 avoids follow-on errors).
    if (e->mode != MODE_INVALID && e->tv && e->tv->kind == K_INVALID)
        e->mode = MODE_INVALID;
}

void check_expr(Checker *c, Expr *e) {
    check_expr_hint(c, e, NULL);
}

void check_expr_or_type(Checker *c, Expr *e) {
    check_raw(c, e, NULL);
    if (e->mode != MODE_TYPE)
        check_single_value(c, e);
}

void check_multi(Checker *c, Expr *e) {
    check_raw(c, e, NULL);
    if (e->mode == MODE_TYPE || e->mode == MODE_BUILTIN || e->mode == MODE_NOVALUE ||
        e->mode == MODE_PACKAGE)
        check_single_value(c, e);
    else
        check_generic_value(c, e);
}

// ---- binary ----

static bool is_shift(Op op) {
    return op == OP_SHL || op == OP_SHR;
}

static bool is_comparison(Op op) {
    return op >= OP_EQL && op <= OP_GEQ;
}

static void shift(Checker *c, Expr *e, Expr *x, Expr *y, Op op) {
    ConstVal *xv = x->mode == MODE_CONST ? cv_to_int(x->cval) : NULL;
    bool ok = type_is_integer(check_under(x->tv)) || (type_is_untyped(x->tv) && xv);
    if (!ok) {
        check_errorf(c, check_start(x), "invalid operation: shifted operand %s must be integer",
                     check_operand_str(c, x));
        return;
    }
    if (y->mode == MODE_CONST) {
        ConstVal *yv = cv_to_int(y->cval);
        if (yv && cv_sign(yv) < 0) {
            check_errorf(c, check_start(y), "invalid operation: negative shift count %s",
                         check_operand_str(c, y));
            return;
        }
        if (type_is_untyped(y->tv)) {
            int code = 0;
            if (!check_representable(c, y, types_basic[K_UINT], &code)) {
                check_invalid_conversion(c, y, types_basic[K_UINT], code);
                return;
            }
            check_update_type(c, y, types_basic[K_UINT]);
        }
    } else if (type_is_untyped(y->tv) || !type_is_integer(check_under(y->tv))) {
        // a non-constant untyped count (itself a shift of a constant, 1<<(1<<s)) becomes
        // uint, as in types2 (go.dev/issue/47410)
        if (type_is_untyped(y->tv)) {
            check_convert_untyped(c, y, types_basic[K_UINT]);
            if (y->mode == MODE_INVALID)
                return;
        } else {
            check_errorf(c, check_start(y), "invalid operation: shift count %s must be integer",
                         check_operand_str(c, y));
            return;
        }
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        uint64_t s = cv_uint64(y->cval);
        if (cv_sign(y->cval) < 0 || s > 1023 - 1 + 52) {
            check_errorf(c, check_start(y), "invalid operation: invalid shift count %s",
                         check_operand_str(c, y));
            return;
        }
        e->tv = type_is_integer(x->tv) ? x->tv : types_basic[K_UNTYPED_INT];
        e->cval = cv_shift(op, xv, s);
        e->mode = e->cval ? MODE_CONST : MODE_INVALID;
        if (e->cval)
            overflow(c, e);
        return;
    }
    if (x->mode == MODE_CONST && type_is_untyped(x->tv)) {
        e->mode = MODE_VALUE; // final type comes from the context (check_update_type)
        e->tv = x->tv;
        return;
    }
    if (!type_is_integer(check_under(x->tv))) {
        check_errorf(c, check_start(x), "invalid operation: shifted operand %s must be integer",
                     check_operand_str(c, x));
        return;
    }
    e->mode = MODE_VALUE;
    e->tv = x->tv;
}

// Whether [pred] holds for [t]'s underlying type, or for a type parameter's every term's
// (types2's allBoolean, allString and hasNil: false for a type set without terms).
static bool all_under(Type *t, bool (*pred)(Type *)) {
    if (!type_is_tparam(t))
        return pred(check_under(t));
    for (int i = 0; i < t->tparam->nterms; i++)
        if (!pred(check_under(t->tparam->terms[i].type)))
            return false;
    return t->tparam->nterms > 0;
}

// types2's mayConvert: whether an untyped operand may take the other operand's type.
static bool may_convert(Expr *x, Expr *y) {
    Type *xt = x->tv, *yt = y->tv;
    if (!type_is_untyped(xt) && !type_is_untyped(yt))
        return false;
    if ((check_under(xt)->kind == K_INTERFACE && !type_is_tparam(xt)) ||
        (check_under(yt)->kind == K_INTERFACE && !type_is_tparam(yt)))
        return true;
    if (all_under(xt, type_is_boolean) != all_under(yt, type_is_boolean))
        return false;
    if (all_under(xt, type_is_string) != all_under(yt, type_is_string))
        return false;
    if (xt->kind == K_UNTYPED_NIL)
        return all_under(yt, type_has_nil);
    if (yt->kind == K_UNTYPED_NIL)
        return all_under(xt, type_has_nil);
    if (check_under(xt)->kind == K_POINTER || check_under(yt)->kind == K_POINTER)
        return false;
    return true;
}

static const char *kind_string(Checker *c, Type *t) {
    switch (check_under(t)->kind) {
    case K_ARRAY: return "array";
    case K_SLICE: return "slice";
    case K_STRUCT: return "struct";
    case K_POINTER: return "pointer";
    case K_FUNC: return "func";
    case K_INTERFACE: return "interface";
    case K_MAP: return "map";
    case K_CHAN: return "chan";
    default: return check_type_str(c, t);
    }
}

static const char *incomparable_cause(Checker *c, Type *t) {
    Kind k = check_under(t)->kind;
    if (k == K_SLICE || k == K_FUNC || k == K_MAP)
        return check_sprintf("%s can only be compared to nil", kind_string(c, t));
    Type *u = check_under(t);
    if (k == K_STRUCT)
        for (int i = 0; i < u->nfields; i++)
            if (!type_is_comparable(u->fields[i].type))
                return check_sprintf("struct containing %s cannot be compared",
                                     check_type_str(c, u->fields[i].type));
    if (k == K_ARRAY)
        return check_sprintf("%s cannot be compared", check_type_str(c, t));
    return NULL;
}

// The predeclared nil (possibly already converted to a typed nil by the context).
static bool is_nil(Expr *e) {
    e = ast_unparen(e);
    return e->kind == E_IDENT && e->obj && e->obj->kind == OBJ_NIL;
}

// Returns the error cause or NULL when the comparison is valid; *err_y tells which operand.
static const char *comparison_error(Checker *c, Expr *x, Expr *y, Op op, bool *err_y) {
    *err_y = false;
    if (!type_assignable(x->tv, y->tv) && !type_assignable(y->tv, x->tv)) {
        *err_y = true;
        return check_sprintf("mismatched types %s and %s", check_type_str(c, x->tv),
                             check_type_str(c, y->tv));
    }
    if (op == OP_EQL || op == OP_NEQ) {
        bool xn = is_nil(x), yn = is_nil(y);
        if (xn || yn) {
            Type *t = xn ? y->tv : x->tv;
            if (t->tparam && !t->tparam->nterms) {
                *err_y = true;
                return check_sprintf("mismatched types %s and untyped nil",
                                     check_type_str(c, t));
            }
            if (!type_has_nil(check_under(t))) {
                *err_y = true;
                return check_sprintf("operator %s not defined on %s", ast_op_str(op),
                                     kind_string(c, y->tv));
            }
            return NULL;
        }
        if ((x->tv->tparam && !x->tv->tparam->comparable && !x->tv->tparam->nterms) ||
            (y->tv->tparam && !y->tv->tparam->comparable && !y->tv->tparam->nterms))
            return "incomparable types in type set";
        if (!type_is_comparable(x->tv)) {
            const char *cause = incomparable_cause(c, x->tv);
            return cause ? cause : check_sprintf("operator %s not defined on %s",
                                                 ast_op_str(op), kind_string(c, x->tv));
        }
        if (!type_is_comparable(y->tv)) {
            *err_y = true;
            const char *cause = incomparable_cause(c, y->tv);
            return cause ? cause : check_sprintf("operator %s not defined on %s",
                                                 ast_op_str(op), kind_string(c, y->tv));
        }
        return NULL;
    }
    Expr *bad = !type_is_ordered(check_under(x->tv)) ? x
                : !type_is_ordered(check_under(y->tv)) ? y : NULL;
    if (!bad)
        return NULL;
    *err_y = bad == y;
    if (bad->tv->tparam)
        return check_sprintf("type parameter %s is not comparable with %s", bad->tv->name,
                             ast_op_str(op));
    return check_sprintf("operator %s not defined on %s", ast_op_str(op),
                         kind_string(c, bad->tv));
}

static void comparison(Checker *c, Expr *e, Expr *x, Expr *y, Op op) {
    bool err_y;
    const char *cause = comparison_error(c, x, y, op, &err_y);
    if (cause) {
        Expr *at = err_y ? y : x;
        check_errorf(c, check_start(at), "invalid operation: %s %s %s (%s)", check_expr_str(x),
                     ast_op_str(op), check_expr_str(y), cause);
        return;
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        e->mode = MODE_CONST;
        e->cval = cv_bool(cv_compare(op, x->cval, y->cval));
    } else {
        e->mode = MODE_VALUE;
    }
    check_update_type(c, x, type_default(x->tv));
    check_update_type(c, y, type_default(y->tv));
    e->tv = types_basic[K_UNTYPED_BOOL];
}

static bool op_defined(Op op, Type *t) {
    Type *u = check_under(t);
    switch (op) {
    case OP_ADD: return type_is_numeric(u) || type_is_string(u);
    case OP_SUB: case OP_MUL: case OP_QUO: return type_is_numeric(u);
    case OP_REM: case OP_AND: case OP_OR: case OP_XOR: case OP_AND_NOT:
        return type_is_integer(u);
    case OP_LAND: case OP_LOR: return type_is_boolean(u);
    default: return false;
    }
}

static void match_types(Checker *c, Expr *x, Expr *y) {
    if (!may_convert(x, y))
        return;
    check_convert_untyped(c, x, y->tv);
    if (x->mode == MODE_INVALID)
        return;
    check_convert_untyped(c, y, x->tv);
}

void check_binary(Checker *c, Expr *e, Expr *x, Expr *y, Op op, Pos oppos) {
    GOL_UNUSED(oppos);
    check_set_invalid(e);
    check_expr(c, x);
    check_expr(c, y);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
        return;
    if (is_shift(op)) {
        shift(c, e, x, y, op);
        return;
    }
    match_types(c, x, y);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
        return;
    if (is_comparison(op)) {
        comparison(c, e, x, y, op);
        return;
    }
    if (x->tv != y->tv) {
        Expr *u = type_is_untyped(x->tv) ? x : y, *p = u == x ? y : x;
        if (type_is_untyped(u->tv) && p->tv->tparam) { // some type in T's type set refuses it
            check_errorf(c, check_start(u), "cannot convert %s to type %s",
                         check_operand_str(c, u), check_type_str(c, p->tv));
            return;
        }
        if (x->tv->kind != K_INVALID && y->tv->kind != K_INVALID) {
            if (e->kind == E_BINARY)
                check_errorf(c, check_start(x), "invalid operation: %s (mismatched types %s and %s)",
                             check_expr_str(e), check_type_str(c, x->tv), check_type_str(c, y->tv));
            else
                check_errorf(c, check_start(x),
                             "invalid operation: %s %s= %s (mismatched types %s and %s)",
                             check_expr_str(x), ast_op_str(op), check_expr_str(y),
                             check_type_str(c, x->tv), check_type_str(c, y->tv));
        }
        return;
    }
    if (!op_defined(op, x->tv)) {
        check_errorf(c, check_start(x), "invalid operation: operator %s not defined on %s",
                     ast_op_str(op), check_operand_str(c, x));
        return;
    }
    bool intdiv = type_is_integer(check_under(x->tv));
    if ((op == OP_QUO || op == OP_REM) && y->mode == MODE_CONST &&
        (x->mode == MODE_CONST || intdiv) && cv_sign(y->cval) == 0) {
        check_errorf(c, check_start(y), "invalid operation: division by zero");
        return;
    }
    e->tv = x->tv;
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        if (op == OP_LAND || op == OP_LOR)
            e->cval = cv_bool(op == OP_LAND ? x->cval->b && y->cval->b : x->cval->b || y->cval->b);
        else
            e->cval = cv_binary(op, x->cval, y->cval, intdiv);
        if (!e->cval && cv_sign(y->cval) == 0) {
            check_errorf(c, check_start(y), "invalid operation: division by zero");
            check_set_invalid(e);
            return;
        }
        if ((!e->cval || cv_unknown(e->cval)) && !cv_unknown(x->cval) && !cv_unknown(y->cval)) {
            check_errorf(c, oppos, "constant result is not representable"); // overflow
            check_set_invalid(e);
            return;
        }
        e->mode = MODE_CONST;
        overflow(c, e);
        return;
    }
    e->mode = MODE_VALUE;
    GOL_UNUSED(is_const_type);
}

bool check_case_compare(Checker *c, Expr *v, Expr *tag) {
    check_convert_untyped(c, v, tag->tv);
    if (v->mode == MODE_INVALID)
        return false;
    bool err_y;
    const char *cause = comparison_error(c, v, tag, OP_EQL, &err_y);
    if (cause) {
        check_errorf(c, check_start(v), "invalid case %s in switch on %s (%s)", check_expr_str(v),
                     check_expr_str(tag), cause);
        return false;
    }
    check_default(c, v);
    return true;
}
