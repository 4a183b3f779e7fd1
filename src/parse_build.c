// Builders for expressions, types and fields, called by the grammar actions. Each sets the
// node's positions as Go's syntax package does (pos: the node's own token; start:
// syntax.StartPos; end: just past the last byte) and reports the few errors Go's parser
// itself raises about their shape (parenthesized composite-literal types, 3-index slices,
// mixed named and unnamed parameters).
#include "parse_int.h"

static Expr *mk(ExprKind kind, Pos pos, Pos end) {
    Expr *e = ast_expr(kind, pos);
    e->start = pos;
    e->end = end;
    return e;
}

ExprVec *pb_exprs(ExprVec *list, Expr *x) {
    if (!list)
        list = gc_alloc(sizeof *list);
    vec_push(list, x);
    return list;
}

Expr *pb_ident(const char *name, Loc l) {
    Expr *e = mk(E_IDENT, l.pos, l.end);
    e->name = name;
    return e;
}

Expr *pb_lit(Lit lit, Loc l) {
    Expr *e = mk(lit.kind, l.pos, l.end);
    e->lit = lit.text;
    return e;
}

Expr *pb_binary(Op op, Expr *x, Expr *y, Pos op_pos) {
    Expr *e = mk(E_BINARY, op_pos, y->end);
    e->op = op;
    e->x = x;
    e->y = y;
    e->start = x->start;
    return e;
}

Expr *pb_unary(Op op, Expr *x, Pos op_pos) {
    Expr *e = mk(E_UNARY, op_pos, x->end);
    e->op = op;
    e->x = x;
    return e;
}

Expr *pb_recv(Parser *p, Expr *x, Pos op_pos) {
    (void)p;
    return pb_unary(OP_ARROW, x, op_pos);
}

Expr *pb_star(Expr *x, Pos star) {
    Expr *e = mk(E_STAR, star, x->end);
    e->x = x;
    return e;
}

Expr *pb_tilde(Expr *x, Pos tilde) {
    return pb_unary(OP_NONE, x, tilde);
}

Expr *pb_paren(Expr *x, Pos lparen, Pos end) {
    Expr *e = mk(E_PAREN, lparen, end);
    e->x = x;
    return e;
}

Expr *pb_selector(Expr *x, const char *name, Pos dot, Loc name_loc) {
    Expr *e = mk(E_SELECTOR, dot, name_loc.end);
    e->x = x;
    e->name = name;
    e->start = x->start;
    return e;
}

// The offset of the next token at or after [off] (skipping blanks and newlines).
static uint32_t skip_blanks(Parser *p, uint32_t off) {
    while (off < p->len && strchr(" \t\r\n", p->src[off]))
        off++;
    return off;
}

// Go parses `<-chan T` in expression position as a receive applied to `chan T` and then
// re-associates it, so the node's position is that of `chan`, not of `<-`.
Expr *pb_expr_type(Parser *p, Expr *t) {
    if (t->kind == E_CHANTYPE && t->dir == CHAN_RECV)
        t->pos = t->start = (Pos){t->pos.file, skip_blanks(p, t->pos.off + 2)};
    return t;
}

Expr *pb_typeassert(Parser *p, Expr *x, Expr *type, Pos dot, Pos end) {
    (void)p;
    Expr *e = mk(E_TYPEASSERT, dot, end);
    e->x = x;
    e->type = type;
    e->start = x->start;
    return e;
}

Expr *pb_index(Expr *x, Expr *index, ExprVec *more, Pos lbrack, Pos end) {
    Expr *e = mk(E_INDEX, lbrack, end);
    e->x = x;
    e->y = index;
    if (more)
        e->args = *more;
    e->start = x->start;
    return e;
}

// A generic type instantiated in a type context (Stack[int], Pair[K, V]): an E_INDEX like
// the expression form.
Expr *pb_type_inst(Expr *x, ExprVec *types, Pos lbrack, Pos end) {
    ExprVec more = {0};
    for (int i = 1; i < types->n; i++)
        vec_push(&more, types->v[i]);
    return pb_index(x, types->v[0], &more, lbrack, end);
}

// Name[A, B] where a parameter or an embedded field has an instantiated generic type;
// [first] is NULL for Name[] (Go: "expected operand").
Expr *pb_gen_inst(Parser *p, Expr *x, Expr *first, ExprVec *more, Pos lbrack, Pos end) {
    if (!first) {
        diag_error(p->diag, lbrack, "syntax error: expected operand");
        first = mk(E_BAD, lbrack, end);
    }
    return pb_index(x, first, more, lbrack, end);
}

// Go's parser reports a missing middle index at the second ':' and a missing final index
// at the ']' (plain errors, without "syntax error:").
Expr *pb_slice(Parser *p, Expr *x, Expr *lo, Expr *hi, Expr *max, Pos lbrack, Pos colon2,
               Loc rbrack) {
    Expr *e = mk(E_SLICE, lbrack, rbrack.end);
    e->x = x;
    e->lo = lo;
    e->hi = hi;
    e->max = max;
    e->slice3 = colon2.file != 0;
    if (e->slice3 && !hi)
        diag_error(p->diag, colon2, "middle index required in 3-index slice");
    if (e->slice3 && !max)
        diag_error(p->diag, rbrack.pos, "final index required in 3-index slice");
    return e;
}

Expr *pb_call(Expr *fun, ExprVec *args, bool ellipsis, Pos lparen, Pos end) {
    Expr *e = mk(E_CALL, lparen, end);
    e->x = fun;
    if (args)
        e->args = *args;
    e->has_ellipsis = ellipsis;
    e->start = fun->start;
    return e;
}

Expr *pb_complit(Parser *p, Expr *type, ExprVec *elts, Pos lbrace, Pos rbrace, int was_body) {
    pb_fix_lbrace(p, was_body);
    Expr *e = mk(E_COMPOSITE, lbrace, (Pos){rbrace.file, rbrace.off + 1});
    e->type = type;
    if (elts)
        e->args = *elts;
    e->lbrace = lbrace;
    e->rbrace = rbrace;
    if (type)
        e->start = type->start;
    return e;
}

Expr *pb_paren_complit(Parser *p, Expr *paren, ExprVec *elts, Pos lbrace, Pos rbrace) {
    pe_syntax(p, lbrace, "cannot parenthesize type in composite literal");
    return pb_complit(p, ast_unparen(paren), elts, lbrace, rbrace, 0);
}

Expr *pb_keyvalue(Expr *key, Expr *value, Pos colon) {
    Expr *e = mk(E_KEYVALUE, colon, value->end);
    e->x = key;
    e->y = value;
    return e;
}

Expr *pb_funclit(Parser *p, Expr *ftype, Block *body, int was_body) {
    pb_fix_lbrace(p, was_body);
    Expr *e = mk(E_FUNCLIT, ftype->func_pos, (Pos){body->rbrace.file, body->rbrace.off + 1});
    e->type = ftype;
    e->body = body;
    e->lbrace = body->lbrace;
    e->rbrace = body->rbrace;
    return e;
}

Expr *pb_ellipsis(Expr *elt, Loc l) {
    Expr *e = mk(E_ELLIPSIS, l.pos, elt ? elt->end : l.end);
    e->elt = elt;
    return e;
}

Expr *pb_arraytype(Expr *len, Expr *elt, Pos lbrack) {
    Expr *e = mk(E_ARRAYTYPE, lbrack, elt->end);
    e->len = len;
    e->elt = elt;
    return e;
}

Expr *pb_maptype(Expr *key, Expr *elt, Pos map_pos) {
    Expr *e = mk(E_MAPTYPE, map_pos, elt->end);
    e->key = key;
    e->elt = elt;
    return e;
}

Expr *pb_chantype(ChanDir dir, Expr *elt, Pos pos) {
    Expr *e = mk(E_CHANTYPE, pos, elt->end);
    e->dir = dir;
    e->elt = elt;
    return e;
}

// As in Go's syntax tree, a func type's position is its '(' (func_pos keeps the keyword).
Expr *pb_functype(Parser *p, FieldVec *params, FieldVec *results, Pos func_pos, Pos lparen,
                  Pos end) {
    (void)p;
    Expr *e = mk(E_FUNCTYPE, lparen, end);
    if (params)
        e->fields = *params;
    if (results)
        e->results = *results;
    e->func_pos = func_pos;
    return e;
}

Expr *pb_structtype(Parser *p, FieldVec *fields, Pos pos, Loc rbrace, int was_body) {
    pb_fix_lbrace(p, was_body);
    Expr *e = mk(E_STRUCTTYPE, pos, rbrace.end);
    if (fields)
        e->fields = *fields;
    return e;
}

Expr *pb_ifacetype(Parser *p, FieldVec *methods, Pos pos, Loc rbrace, int was_body) {
    pb_fix_lbrace(p, was_body);
    Expr *e = mk(E_IFACETYPE, pos, rbrace.end);
    if (methods)
        e->fields = *methods;
    return e;
}

// ---- fields and parameters ----

FieldVec *pb_fields(FieldVec *list, Field *f) {
    if (!list)
        list = gc_alloc(sizeof *list);
    vec_push(list, f);
    return list;
}

FieldVec *pb_fields_cat(FieldVec *a, FieldVec *b) {
    for (int i = 0; i < b->n; i++)
        vec_push(a, b->v[i]);
    return a;
}

Field *pb_field(ExprVec *names, Expr *type, const char *tag) {
    Field *f = ast_field(names && names->n ? names->v[0]->pos : type->start);
    if (names)
        f->names = *names;
    f->type = type;
    f->tag = tag;
    return f;
}

Field *pb_tagged(Field *f, Lit tag) {
    f->tag = tag.kind == E_BAD ? NULL : tag.text;
    return f;
}

Field *pb_embed_ptr(Field *f, Pos star) {
    f->type = pb_star(f->type, star);
    f->pos = star;
    return f;
}

// One parameter item: [name] may be NULL; a lone name arrives as a type (an E_IDENT).
Field *pb_param(Expr *name, Expr *type) {
    Field *f = ast_field(name ? name->pos : type->start);
    if (name)
        vec_push(&f->names, name);
    f->type = type;
    return f;
}

Field *pb_method(Parser *p, const char *name, Loc name_loc, FieldVec *params,
                 FieldVec *results, Pos lparen, Pos end) {
    Expr *ft = pb_functype(p, params, results, lparen, lparen, end);
    Field *f = ast_field(name_loc.pos);
    vec_push(&f->names, pb_ident(name, name_loc));
    f->type = ft;
    return f;
}

static bool is_name_only(const Field *f) {
    return f->names.n == 0 && f->type->kind == E_IDENT;
}

// Go's paramList: if no item has both a name and a type, every item is a type; otherwise
// every item must be named and a name without a type takes the type of the next typed item.
FieldVec *pb_params(Parser *p, FieldVec *items) {
    int named = 0;
    for (int i = 0; i < items->n; i++)
        named += items->v[i]->names.n > 0;
    if (named == 0)
        return items;
    Pos bad = POS_NONE;
    Expr *typ = NULL;
    Expr **types = gc_alloc((size_t)items->n * sizeof(Expr *));
    for (int i = items->n - 1; i >= 0; i--) {
        Field *f = items->v[i];
        if (f->names.n > 0) {
            typ = types[i] = f->type;
        } else if (is_name_only(f) && typ) {
            types[i] = typ;
        } else {
            bad = is_name_only(f) ? f->type->pos : f->type->start;
            types[i] = typ = f->type;
        }
    }
    if (bad.file)
        pe_syntax(p, bad, "mixed named and unnamed parameters");
    FieldVec *out = gc_alloc(sizeof *out);
    for (int i = 0; i < items->n; i++) {
        Field *f = items->v[i];
        Expr *name = f->names.n ? f->names.v[0] : is_name_only(f) ? f->type : NULL;
        if (out->n && vec_last(out)->type == types[i] && name && vec_last(out)->names.n) {
            vec_push(&vec_last(out)->names, name);
            continue;
        }
        Field *g = ast_field(f->pos);
        if (name)
            vec_push(&g->names, name);
        g->type = types[i];
        vec_push(out, g);
    }
    return out;
}
