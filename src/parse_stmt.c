// Builders for statements, declarations and the File, called by the grammar actions. Like
// Go's parser they unpack if/for/switch headers (reporting a header statement that is not
// an expression), recognise type switches, and check go/defer operands, receivers, import
// order and import paths, with Go's messages and positions.
#include "parse_int.h"

#include <stdio.h>

#include "buf.h"
#include "parser.h"

static Stmt *mk(StmtKind kind, Pos pos) {
    return ast_stmt(kind, pos);
}

StmtVec *pb_stmts(StmtVec *list, Stmt *s) {
    if (!list)
        list = gc_alloc(sizeof *list);
    if (s)
        vec_push(list, s);
    return list;
}

Block *pb_block(StmtVec *stmts, Pos lbrace, Pos rbrace) {
    Block *b = ast_block(lbrace);
    b->rbrace = rbrace;
    if (stmts)
        b->stmts = *stmts;
    return b;
}

Block *pb_lazy_body(Loc l) {
    Block *b = ast_block(l.pos);
    b->rbrace = (Pos){l.end.file, l.end.off - 1};
    b->lazy = true;
    return b;
}

Stmt *pb_block_stmt(Block *b) {
    Stmt *s = mk(S_BLOCK, b->lbrace);
    s->body = b;
    return s;
}

Stmt *pb_decl_stmt(Decl *d) {
    Stmt *s = mk(S_DECL, d->pos);
    s->decl = d;
    return s;
}

Stmt *pb_expr_stmt(Expr *x) {
    Stmt *s = mk(S_EXPR, x->start);
    s->x = x;
    return s;
}

Stmt *pb_assign(Op op, ExprVec *lhs, ExprVec *rhs, Pos op_pos) {
    Stmt *s = mk(S_ASSIGN, op_pos);
    s->op = op;
    s->lhs = *lhs;
    s->rhs = *rhs;
    return s;
}

Stmt *pb_incdec(Op op, Expr *x, Pos op_pos) {
    Stmt *s = mk(S_INCDEC, op_pos);
    s->op = op;
    s->x = x;
    return s;
}

Stmt *pb_send(Expr *ch, Expr *value, Pos arrow) {
    Stmt *s = mk(S_SEND, arrow);
    s->x = ch;
    s->y = value;
    return s;
}

Stmt *pb_labeled(Parser *p, const char *label, Pos pos, Pos colon, Stmt *body) {
    (void)p;
    (void)colon;
    Stmt *s = mk(S_LABELED, pos);
    s->label = label;
    s->body_stmt = body ? body : mk(S_EMPTY, pos);
    return s;
}

Stmt *pb_branch(Branch br, Pos pos, const char *label, Loc label_loc) {
    Stmt *s = mk(S_BRANCH, pos);
    s->branch = br;
    s->label = label;
    s->label_pos = label ? label_loc.pos : POS_NONE;
    return s;
}

// Go's callStmt: the operand must not be parenthesized (a plain error, so type checking
// goes on). That it is a call is the checker's to say (types2's "must be function call").
Stmt *pb_go_defer(Parser *p, StmtKind kind, Pos pos, Expr *x) {
    const char *tok = kind == S_GO ? "go" : "defer";
    Expr *t = ast_unparen(x);
    if (t != x)
        diag_error(p->diag, x->pos, "expression in %s must not be parenthesized", tok);
    Stmt *s = mk(kind, pos);
    s->call = t;
    return s;
}

Stmt *pb_return(ExprVec *results, Pos pos) {
    Stmt *s = mk(S_RETURN, pos);
    if (results)
        s->results = *results;
    return s;
}

// ---- headers of if / for / switch ----

// An expression list as Go prints it ("a, b"). With [emphasize], a single binary
// expression is parenthesized (Go's emphasize, for the sides of "cannot use assignment").
static const char *list_str(const ExprVec *v, bool emphasize) {
    Buf b = {0};
    bool paren = emphasize && v->n == 1 && v->v[0]->kind == E_BINARY;
    buf_puts(&b, paren ? "(" : "");
    for (int i = 0; i < v->n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", ast_expr_str(v->v[i]));
    buf_puts(&b, paren ? ")" : "");
    return buf_cstr(&b);
}

// Go's wording for a simple statement where an expression was required.
static void report_not_value(Parser *p, Stmt *s) {
    switch (s->kind) {
    case S_ASSIGN:
        if (s->op == OP_ASSIGN)
            pe_syntax(p, s->pos, "cannot use assignment %s = %s as value",
                      list_str(&s->lhs, true), list_str(&s->rhs, true));
        else
            pe_syntax(p, s->pos, "cannot use %s %s%s %s as value", list_str(&s->lhs, false),
                      ast_op_str(s->op), s->op == OP_DEFINE ? "" : "=", list_str(&s->rhs, false));
        break;
    case S_INCDEC:
        pe_syntax(p, s->pos, "cannot use %s%s as value", ast_expr_str(s->x), ast_op_str(s->op));
        break;
    case S_SEND:
        pe_syntax(p, s->pos, "cannot use %s <- %s as value", ast_expr_str(s->x),
                  ast_expr_str(s->y));
        break;
    default:
        pe_syntax(p, s->pos, "cannot use statement as value");
    }
}

// The condition of a header: an expression statement's expression, else an error.
static Expr *cond_of(Parser *p, Stmt *s) {
    if (!s)
        return NULL;
    if (s->kind == S_EXPR)
        return s->x;
    report_not_value(p, s);
    return NULL;
}

// `v := x.(type)` or `x.(type)` as a switch header makes a type switch.
static bool type_switch_guard(Stmt *cond, Stmt *s) {
    if (cond->kind == S_EXPR && cond->x->kind == E_TYPEASSERT && !cond->x->type) {
        s->x = cond->x->x;
        return true;
    }
    if (cond->kind == S_ASSIGN && cond->op == OP_DEFINE && cond->lhs.n == 1 &&
        cond->rhs.n == 1 && cond->lhs.v[0]->kind == E_IDENT &&
        cond->rhs.v[0]->kind == E_TYPEASSERT && !cond->rhs.v[0]->type) {
        s->x = cond->rhs.v[0]->x;
        s->bind = cond->lhs.v[0]->name;
        s->bind_pos = cond->lhs.v[0]->pos;
        s->define = true;
        return true;
    }
    return false;
}

// Go's header(): an if needs a condition; a condition must be an expression. The lookahead
// is the body's '{' when this runs.
Stmt *pb_header(Parser *p, Stmt *init, Stmt *cond, Pos semi, bool is_switch) {
    p->hdr_semis = semi.file ? 1 : 0;
    Stmt *s = mk(is_switch ? S_SWITCH : S_IF, POS_NONE);
    s->init = init;
    if (is_switch && cond && type_switch_guard(cond, s))
        s->kind = S_TYPESWITCH;
    else if (cond)
        s->x = cond_of(p, cond);
    else if (!is_switch && semi.file && p->src[semi.off] != ';')
        pe_syntax(p, semi, "unexpected newline, expected { after if clause");
    else if (!is_switch)
        pe_syntax(p, semi.file ? semi : p->tok_pos, "missing condition in if statement");
    return s;
}

Stmt *pb_if(Parser *p, Pos pos, Stmt *header, Block *body, Stmt *els) {
    (void)p;
    header->pos = pos;
    header->body = body;
    header->els = els;
    return header;
}

Stmt *pb_for_header(Parser *p, Stmt *init, Stmt *cond, Stmt *post, bool three, Pos semi) {
    (void)semi;
    p->hdr_semis = three ? 2 : 0;
    Stmt *s = mk(S_FOR, POS_NONE);
    s->init = init;
    s->x = cond_of(p, cond);
    s->post = post;
    if (three && post && post->kind == S_ASSIGN && post->op == OP_DEFINE)
        pe_syntax(p, post->pos, "cannot declare in post statement of for loop");
    return s;
}

Stmt *pb_range(Parser *p, ExprVec *lhs, bool define, Expr *x, Pos range_pos) {
    p->hdr_semis = -1;
    Stmt *s = mk(S_RANGE, range_pos);
    s->x = x;
    s->define = define;
    if (lhs && lhs->n > 0)
        s->key = lhs->v[0];
    if (lhs && lhs->n > 1)
        s->value = lhs->v[1];
    if (lhs && lhs->n > 2)
        s->lhs = *lhs; // the checker reports the extra variables
    return s;
}

Stmt *pb_for(Parser *p, Pos pos, Stmt *header, Block *body) {
    (void)p;
    header->pos = pos;
    header->body = body;
    return header;
}

Stmt *pb_switch(Parser *p, Pos pos, Stmt *header, StmtVec *cases, Pos lbrace, Pos rbrace) {
    (void)p;
    header->pos = pos;
    header->body = pb_block(cases, lbrace, rbrace);
    return header;
}

// A clause is reduced when the next `case`, `default` or `}` arrives; Go requires a
// semicolon (or newline) between the last statement and a following case.
static void check_clause_end(Parser *p) {
    if ((p->tok == CASE || p->tok == DEFAULT) && p->prev_tok != ';' && p->prev_tok != ':')
        pe_syntax(p, p->tok_pos, "unexpected %s at end of statement",
                  p->tok == CASE ? "case" : "default");
}

Stmt *pb_case(Parser *p, ExprVec *list, StmtVec *body, Pos pos, Pos colon) {
    check_clause_end(p);
    Stmt *s = mk(S_CASE, pos);
    if (list)
        s->list = *list;
    s->is_default = !list;
    s->body = pb_block(body, colon, POS_NONE);
    return s;
}

Stmt *pb_select(Pos pos, StmtVec *cases, Pos lbrace, Pos rbrace) {
    Stmt *s = mk(S_SELECT, pos);
    s->body = pb_block(cases, lbrace, rbrace);
    return s;
}

Stmt *pb_comm(Parser *p, Stmt *comm, StmtVec *body, Pos pos, Pos colon) {
    check_clause_end(p);
    Stmt *s = mk(S_COMM, pos);
    s->comm = comm;
    s->is_default = !comm;
    s->body = pb_block(body, colon, POS_NONE);
    return s;
}

// ---- declarations ----

SpecVec *pb_specs(SpecVec *list, Spec *s) {
    if (!list)
        list = gc_alloc(sizeof *list);
    vec_push(list, s);
    return list;
}

// The import path without its quotes (escapes are not expected in import paths).
static const char *unquote_path(const char *lit) {
    size_t n = strlen(lit);
    return n >= 2 ? gc_strndup(lit + 1, n - 2) : gc_strdup("");
}

Spec *pb_import(Parser *p, const char *local, Pos local_pos, Lit path, Pos path_pos) {
    Spec *s = ast_spec(local ? local_pos : path_pos);
    s->local = local;
    s->path_pos = path_pos;
    if (path.kind != E_STRINGLIT) {
        if (path.kind != E_BAD)
            pe_syntax(p, path_pos, "import path must be a string");
        s->path = gc_strdup("");
    } else {
        s->path = unquote_path(path.text);
    }
    return s;
}

Spec *pb_value_spec(ExprVec *names, Expr *type, ExprVec *values) {
    Spec *s = ast_spec(names->v[0]->pos);
    s->names = *names;
    s->type = type;
    if (values)
        s->values = *values;
    return s;
}

Spec *pb_type_spec(Parser *p, const char *name, Pos pos, FieldVec *tparams, bool alias,
                   Expr *type) {
    (void)p;
    Spec *s = ast_spec(pos);
    vec_push(&s->names, pb_ident(name, (Loc){pos, (Pos){pos.file, pos.off + (uint32_t)strlen(name)}}));
    s->type = type;
    s->alias = alias;
    if (tparams)
        s->tparams = *tparams;
    return s;
}

Decl *pb_decl(DeclKind kind, Pos pos, SpecVec *specs) {
    Decl *d = ast_decl(kind, pos);
    if (specs)
        d->specs = *specs;
    for (int i = 0; i < d->specs.n; i++)
        d->specs.v[i]->iota = i;
    return d;
}

Decl *pb_decl1(DeclKind kind, Pos pos, Spec *s) {
    return pb_decl(kind, pos, pb_specs(NULL, s));
}

// Go's funcDeclOrNil: exactly one receiver (plain errors at the method name otherwise).
static Field *one_receiver(Parser *p, FieldVec *recv, Pos name_pos) {
    int n = 0;
    for (int i = 0; recv && i < recv->n; i++)
        n += recv->v[i]->names.n ? recv->v[i]->names.n : 1;
    if (n == 0) {
        diag_error(p->diag, name_pos, "method has no receiver");
        return NULL;
    }
    Field *f = recv->v[0];
    if (n > 1) {
        diag_error(p->diag, name_pos, "method has multiple receivers");
        if (f->names.n > 1) {
            Field *g = ast_field(f->pos);
            vec_push(&g->names, f->names.v[0]);
            g->type = f->type;
            f = g;
        }
    }
    return f;
}

Decl *pb_func_decl(Parser *p, Pos func_pos, FieldVec *recv, Pos recv_pos, const char *name,
                   Loc name_loc, FieldVec *tparams, FieldVec *params, FieldVec *results,
                   Pos sig_pos, Block *body) {
    Decl *d = ast_decl(D_FUNC, func_pos);
    if (recv_pos.off != func_pos.off || recv)
        d->recv = one_receiver(p, recv, name_loc.pos);
    d->name = pb_ident(name, name_loc);
    d->ftype = pb_functype(p, params, results, func_pos, sig_pos, name_loc.end);
    if (results && results->n && vec_last(results)->type)
        d->ftype->end = vec_last(results)->type->end;
    if (tparams)
        d->tparams = *tparams;
    d->body = body;
    return d;
}

void pb_package(Parser *p, const char *name, Pos pos) {
    p->ast->pkg_name = name;
    p->ast->pkg_pos = pos;
}

void pb_top_decl(Parser *p, Decl *d) {
    if (!p->repl) {
        if (d->kind == D_IMPORT && p->saw_non_import)
            pe_syntax(p, d->pos, "imports must appear before other declarations");
        if (d->kind != D_IMPORT)
            p->saw_non_import = true;
    }
    vec_push(&p->ast->decls, d);
}

void pb_repl_stmt(Parser *p, Stmt *s) {
    if (s)
        vec_push(&p->ast->stmts, s);
}
