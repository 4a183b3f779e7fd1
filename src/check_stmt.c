// Statements: blocks and scopes, expression/send/inc-dec statements, go and defer, return,
// if, switch and type switch (per-clause variables), select, for and range (Go 1.22 range over
// integers; range over functions: check_rangefunc.c). Labels, branches and terminating-
// statement analysis are in check_flow.c; assignments in check_assign.c.
#include "check_int.h"
#include "deepstack.h"

static void check_stmt(Checker *c, Stmt *s);

Scope *check_open_scope(Checker *c) {
    Scope *s = scope_new(c->scope, c->fn ? c->fn->func : NULL);
    if (c->fn)
        vec_push(&c->fn->scopes, s);
    c->scope = s;
    return s;
}

void check_close_scope(Checker *c) {
    c->scope = c->scope->parent;
}

void check_stmt_list(Checker *c, StmtVec *list) {
    for (int i = 0; i < list->n; i++)
        check_stmt(c, list->v[i]);
}

void check_block(Checker *c, Block *b) {
    if (GOL_UNLIKELY(cstack_low())) {
        check_errorf(c, b->lbrace, DEEPSTACK_MSG);
        return;
    }
    b->scope = check_open_scope(c);
    check_stmt_list(c, &b->stmts);
    check_close_scope(c);
}

static void push_target(Checker *c, Stmt *s) {
    vec_push(&c->fn->targets, s);
}

static void pop_target(Checker *c) {
    c->fn->targets.n--;
}

// ---- simple statements ----

static bool is_statement_call(Expr *x) {
    x = ast_unparen(x);
    if (x->kind == E_UNARY && x->op == OP_ARROW)
        return true;
    if (x->kind != E_CALL || x->is_conversion)
        return false;
    switch (x->builtin) {
    case BI_NONE: case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT: case BI_PRINTLN:
    case BI_RECOVER: case BI_CLOSE: case BI_CLEAR:
        return true;
    default:
        return false;
    }
}

static void expr_stmt(Checker *c, Stmt *s) {
    Expr *x = s->x;
    check_raw(c, x, NULL);
    const char *msg;
    switch (x->mode) {
    case MODE_INVALID: return;
    case MODE_BUILTIN: msg = "must be called"; break;
    case MODE_TYPE: msg = "is not an expression"; break;
    default:
        if (is_statement_call(x))
            return;
        msg = "is not used";
        break;
    }
    check_errorf(c, check_start(x), "%s %s", check_operand_str(c, x), msg);
}

static void send_stmt(Checker *c, Stmt *s) {
    check_expr(c, s->x);
    check_expr(c, s->y);
    if (s->x->mode == MODE_INVALID || s->y->mode == MODE_INVALID)
        return;
    Type *u = check_under(s->x->tv);
    if (u->kind != K_CHAN) {
        check_errorf(c, check_start(s->x), "invalid operation: cannot send to non-channel %s",
                     check_operand_str(c, s->x));
        return;
    }
    if (u->dir == CHAN_RECV) {
        check_errorf(c, check_start(s->x), "invalid operation: cannot send to receive-only "
                     "channel %s", check_operand_str(c, s->x));
        return;
    }
    check_assignment(c, s->y, u->elem, "send");
}

static void incdec_stmt(Checker *c, Stmt *s) {
    check_expr(c, s->x);
    if (s->x->mode == MODE_INVALID)
        return;
    if (!type_is_numeric(check_under(s->x->tv))) {
        const char *op = s->op == OP_INC ? "++" : "--";
        check_errorf(c, check_start(s->x), "invalid operation: %s%s (non-numeric type %s)",
                     check_expr_str(s->x), op, check_type_str(c, s->x->tv));
        return;
    }
    check_assignable_lhs(c, s->x);
}

static void go_defer(Checker *c, Stmt *s) {
    const char *what = s->kind == S_GO ? "go" : "defer";
    Expr *call = s->call;
    if (s->kind == S_DEFER && c->fn)
        c->fn->func->has_defer = true;
    if (!call || ast_unparen(call)->kind != E_CALL) {
        check_errorf(c, call ? check_start(call) : s->pos, "expression in %s must be function call",
                     what);
        if (call)
            check_raw(c, call, NULL); // types2's use: errors inside it come after
        return;
    }
    check_raw(c, call, NULL);
    Expr *u = ast_unparen(call);
    if (u->mode == MODE_INVALID)
        return;
    if (u->is_conversion) {
        check_errorf(c, check_start(call), "%s requires function call, not conversion", what);
        return;
    }
    if (!is_statement_call(u))
        check_errorf(c, check_start(call), "%s discards result of %s", what, check_expr_str(u));
}

// ---- return ----

static void return_error(Checker *c, Stmt *s, Type **have, int nhave, bool many, Pos at) {
    Type *sig = c->fn->sig;
    char hbuf[512] = "(", wbuf[512] = "(";
    for (int i = 0; i < nhave; i++) {
        const char *t = !have[i] ? "unknown type"
                        : type_is_untyped(have[i]) ? (type_is_numeric(have[i]) ? "number" : type_string(have[i]) + 8)
                                                   : check_type_str(c, have[i]);
        strncat(hbuf, i ? ", " : "", sizeof hbuf - strlen(hbuf) - 1);
        strncat(hbuf, t, sizeof hbuf - strlen(hbuf) - 1);
    }
    for (int i = 0; i < sig->nresults; i++) {
        strncat(wbuf, i ? ", " : "", sizeof wbuf - strlen(wbuf) - 1);
        strncat(wbuf, check_type_str(c, sig->results[i]), sizeof wbuf - strlen(wbuf) - 1);
    }
    GOL_UNUSED(s);
    check_errorf(c, at, "%s return values\n\thave %s)\n\twant %s)", many ? "too many" : "not enough",
                 hbuf, wbuf);
}

static void bare_return(Checker *c, Stmt *s) {
    Object *fn = c->fn->func;
    for (int i = 0; i < fn->results.n; i++) {
        Object *r = fn->results.v[i];
        Object *o = scope_lookup(c->scope, r->name, NULL);
        if (o && o != r) {
            char pbuf[256];
            check_errorf(c, s->pos, "result parameter %s not in scope at return\n\t%s: inner "
                         "declaration of %s", r->name, pos_format(o->pos, pbuf, sizeof pbuf),
                         r->name);
        }
    }
}

static void return_stmt(Checker *c, Stmt *s) {
    Type *sig = c->fn->sig;
    s->func_obj = c->fn->func;
    int n = s->results.n, want = sig->nresults;
    if (n == 0) {
        if (want > 0 && c->fn->func->results.v[0]->name[0])
            bare_return(c, s);
        else if (want > 0)
            return_error(c, s, NULL, 0, false, s->pos);
        return;
    }
    if (n == want && !(n == 1 && ast_unparen(s->results.v[0])->kind == E_CALL && want != 1)) {
        for (int i = 0; i < n; i++) {
            Expr *saved_ok = c->generic_ok;
            c->generic_ok = s->results.v[i]; // return Double (Go 1.21)
            check_expr_hint(c, s->results.v[i], sig->results[i]);
            c->generic_ok = saved_ok;
            check_assignment(c, s->results.v[i], sig->results[i], "return statement");
        }
        return;
    }
    Type **have = gc_alloc(sizeof(Type *) * (size_t)(n + 1));
    int nhave = n;
    if (n == 1) {
        Expr *e = s->results.v[0];
        check_multi(c, e);
        int k = check_value_count(e);
        if (k < 0)
            return;
        if (k == want) {
            for (int i = 0; i < k; i++)
                if (!type_assignable(e->tv->results[i], sig->results[i]))
                    check_errorf(c, check_start(e), "cannot use %s (value of type %s) as %s "
                                 "value in return statement", check_expr_str(e),
                                 check_type_str(c, e->tv->results[i]),
                                 check_type_str(c, sig->results[i]));
            return;
        }
        nhave = k;
        have = k > 1 ? e->tv->results : have;
        if (k == 1)
            have[0] = e->tv;
    } else {
        for (int i = 0; i < n; i++) {
            check_expr(c, s->results.v[i]);
            if (s->results.v[i]->mode == MODE_INVALID)
                return;
            have[i] = s->results.v[i]->tv;
        }
    }
    bool many = nhave > want;
    Pos at = many ? check_start(s->results.v[n == 1 ? 0 : want])
                  : check_start(s->results.v[n - 1]);
    return_error(c, s, have, nhave, many, at);
}

// ---- if / for ----

static void cond(Checker *c, Expr *x, const char *what) {
    check_expr(c, x);
    if (x->mode == MODE_INVALID)
        return;
    if (!type_is_boolean(check_under(x->tv))) {
        check_errorf(c, check_start(x), "non-boolean condition in %s statement", what);
        return;
    }
    check_default(c, x);
}

static void if_stmt(Checker *c, Stmt *s) {
    check_open_scope(c);
    if (s->init)
        check_stmt(c, s->init);
    cond(c, s->x, "if");
    check_block(c, s->body);
    if (s->els)
        check_stmt(c, s->els);
    check_close_scope(c);
}

static void for_stmt(Checker *c, Stmt *s) {
    check_open_scope(c);
    if (s->init)
        check_stmt(c, s->init);
    if (s->x)
        cond(c, s->x, "for");
    if (s->post) {
        if (s->post->kind == S_ASSIGN && s->post->op == OP_DEFINE)
            check_errorf(c, s->post->pos, "cannot declare in post statement of for loop");
        else
            check_stmt(c, s->post);
    }
    push_target(c, s);
    check_block(c, s->body);
    pop_target(c);
    check_close_scope(c);
}

// ---- statements ----

static void check_stmt(Checker *c, Stmt *s) {
    switch (s->kind) {
    case S_BAD: case S_EMPTY: return;
    case S_DECL: check_decl_stmt(c, s->decl); return;
    case S_LABELED:
        vec_push(&c->fn->labeled, s);
        check_stmt(c, s->body_stmt);
        c->fn->labeled.n--;
        return;
    case S_EXPR: expr_stmt(c, s); return;
    case S_SEND: send_stmt(c, s); return;
    case S_INCDEC: incdec_stmt(c, s); return;
    case S_ASSIGN: check_assign_stmt(c, s); return;
    case S_GO: case S_DEFER: go_defer(c, s); return;
    case S_RETURN: return_stmt(c, s); return;
    case S_BRANCH: check_branch(c, s); return;
    case S_BLOCK: check_block(c, s->body); return;
    case S_IF: if_stmt(c, s); return;
    case S_SWITCH: check_switch_stmt(c, s); return;
    case S_TYPESWITCH: check_typeswitch_stmt(c, s); return;
    case S_SELECT: check_select_stmt(c, s); return;
    case S_FOR: for_stmt(c, s); return;
    case S_RANGE: check_range_stmt(c, s); return;
    default: return;
    }
}

void check_one_stmt(Checker *c, Stmt *s) {
    check_stmt(c, s);
}

void check_report_unused(Checker *c, FuncCtx *fn) {
    for (int i = 0; i < fn->scopes.n; i++) {
        Scope *s = fn->scopes.v[i];
        for (int k = 0; k < s->objs.n; k++) {
            Object *o = s->objs.v[k];
            if (o->kind == OBJ_VAR && !o->used && !o->is_param && !o->is_result)
                check_errorf(c, o->pos, "declared and not used: %s", o->name);
        }
    }
}
