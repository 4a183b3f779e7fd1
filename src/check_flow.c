// Control flow: labels (function-scoped, declared and not used), break/continue/goto/
// fallthrough targets, and the spec's "Terminating statements" for "missing return".
#include <stdio.h>

#include "check_int.h"

static void collect_stmt(Checker *c, Stmt *s);

static void collect_list(Checker *c, StmtVec *l) {
    for (int i = 0; i < l->n; i++)
        collect_stmt(c, l->v[i]);
}

static void collect_block(Checker *c, Block *b) {
    if (b)
        collect_list(c, &b->stmts);
}

static void collect_stmt(Checker *c, Stmt *s) {
    if (!s)
        return;
    switch (s->kind) {
    case S_LABELED: {
        LabelInfo *prev = NULL;
        for (int i = 0; i < c->fn->labels.n; i++)
            if (strcmp(c->fn->labels.v[i].name, s->label) == 0)
                prev = &c->fn->labels.v[i];
        if (prev) {
            char pbuf[256];
            check_errorf(c, s->pos, "label %s already declared\n\t%s: other declaration of %s",
                         s->label, pos_format(prev->stmt->pos, pbuf, sizeof pbuf), s->label);
        } else if (strcmp(s->label, "_") != 0) {
            LabelInfo li = {s->label, s, false};
            vec_push(&c->fn->labels, li);
        }
        collect_stmt(c, s->body_stmt);
        return;
    }
    case S_BLOCK: case S_FOR: case S_RANGE: case S_SWITCH: case S_TYPESWITCH: case S_SELECT:
    case S_CASE: case S_COMM:
        collect_block(c, s->body);
        return;
    case S_IF:
        collect_block(c, s->body);
        collect_stmt(c, s->els);
        return;
    default:
        return;
    }
}

void check_collect_labels(Checker *c, Block *body) {
    collect_block(c, body);
}

void check_report_labels(Checker *c) {
    for (int i = 0; i < c->fn->labels.n; i++) {
        LabelInfo *li = &c->fn->labels.v[i];
        if (!li->used)
            check_errorf(c, li->stmt->pos, "label %s declared and not used", li->name);
    }
}

static bool is_loop(Stmt *s) {
    return s->kind == S_FOR || s->kind == S_RANGE;
}

static bool is_breakable(Stmt *s) {
    return is_loop(s) || s->kind == S_SWITCH || s->kind == S_TYPESWITCH || s->kind == S_SELECT;
}

static void labeled_branch(Checker *c, Stmt *s) {
    LabelInfo *li = NULL;
    for (int i = 0; i < c->fn->labels.n; i++)
        if (strcmp(c->fn->labels.v[i].name, s->label) == 0)
            li = &c->fn->labels.v[i];
    Pos lp = s->label_pos.file ? s->label_pos : s->pos;
    if (!li) {
        check_errorf(c, lp, "label %s not defined", s->label);
        return;
    }
    li->used = true;
    if (s->branch == BR_GOTO) {
        s->target = li->stmt;
        return;
    }
    Stmt *enclosing = NULL;
    for (int i = c->fn->labeled.n - 1; i >= 0; i--)
        if (c->fn->labeled.v[i] == li->stmt)
            enclosing = li->stmt;
    Stmt *body = enclosing ? enclosing->body_stmt : NULL;
    if (s->branch == BR_BREAK) {
        if (!body || !is_breakable(body)) {
            check_errorf(c, lp, "invalid break label %s", s->label);
            return;
        }
    } else if (s->branch == BR_CONTINUE) {
        if (!body || !is_loop(body)) {
            check_errorf(c, lp, "invalid continue label %s", s->label);
            return;
        }
    }
    s->target = body;
}

void check_branch(Checker *c, Stmt *s) {
    if (s->label && s->branch != BR_FALLTHROUGH) {
        labeled_branch(c, s);
        return;
    }
    VEC(Stmt *) *t = (void *)&c->fn->targets;
    switch (s->branch) {
    case BR_BREAK:
        if (t->n == 0) {
            check_errorf(c, s->pos, "break is not in a loop, switch, or select");
            return;
        }
        s->target = vec_last(t);
        return;
    case BR_CONTINUE:
        for (int i = t->n - 1; i >= 0; i--) {
            if (is_loop(t->v[i])) {
                s->target = t->v[i];
                return;
            }
        }
        check_errorf(c, s->pos, "continue is not in a loop");
        return;
    case BR_FALLTHROUGH:
        if (!s->target)
            check_errorf(c, s->pos, "fallthrough statement out of place");
        return;
    default:
        return;
    }
}

// ---- terminating statements ----

static bool has_break_list(StmtVec *l, const char *label, bool implicit);

static bool has_break_block(Block *b, const char *label, bool implicit) {
    return b && has_break_list(&b->stmts, label, implicit);
}

// Whether [s] contains a break referring to the enclosing statement: unlabeled when
// [implicit] (not nested in another breakable statement), or labeled with [label].
static bool has_break(Stmt *s, const char *label, bool implicit) {
    if (!s)
        return false;
    switch (s->kind) {
    case S_BRANCH:
        if (s->branch != BR_BREAK)
            return false;
        if (!s->label)
            return implicit;
        return label && strcmp(s->label, label) == 0;
    case S_LABELED: return has_break(s->body_stmt, label, implicit);
    case S_BLOCK: case S_CASE: case S_COMM: return has_break_block(s->body, label, implicit);
    case S_IF:
        return has_break_block(s->body, label, implicit) || has_break(s->els, label, implicit);
    case S_FOR: case S_RANGE: case S_SWITCH: case S_TYPESWITCH: case S_SELECT:
        return label && has_break_block(s->body, label, false);
    default: return false;
    }
}

static bool has_break_list(StmtVec *l, const char *label, bool implicit) {
    for (int i = 0; i < l->n; i++)
        if (has_break(l->v[i], label, implicit))
            return true;
    return false;
}

static bool is_panic_call(Expr *x) {
    x = ast_unparen(x);
    return x->kind == E_CALL && x->builtin == BI_PANIC;
}

static bool clauses_terminate(Stmt *s, bool need_default) {
    bool has_default = false;
    StmtVec *cls = &s->body->stmts;
    for (int i = 0; i < cls->n; i++) {
        Stmt *cl = cls->v[i];
        has_default |= cl->is_default;
        StmtVec *body = &cl->body->stmts;
        Stmt *last = body->n ? vec_last(body) : NULL;
        bool ft = last && last->kind == S_BRANCH && last->branch == BR_FALLTHROUGH;
        if (!check_list_terminating(body) && !ft)
            return false;
    }
    return !need_default || has_default;
}

bool check_is_terminating(Stmt *s, const char *label) {
    switch (s->kind) {
    case S_RETURN: return true;
    case S_BRANCH: return s->branch == BR_GOTO || s->branch == BR_FALLTHROUGH;
    case S_EXPR: return is_panic_call(s->x);
    case S_BLOCK: return check_list_terminating(&s->body->stmts);
    case S_IF:
        return s->els && check_list_terminating(&s->body->stmts) &&
               check_is_terminating(s->els, NULL);
    case S_SWITCH: case S_TYPESWITCH:
        return clauses_terminate(s, true) && !has_break_block(s->body, label, true);
    case S_SELECT:
        return clauses_terminate(s, false) && !has_break_block(s->body, label, true);
    case S_FOR:
        return !s->x && !has_break_block(s->body, label, true);
    case S_LABELED: return check_is_terminating(s->body_stmt, s->label);
    default: return false;
    }
}

bool check_list_terminating(StmtVec *list) {
    int i = list->n - 1;
    while (i >= 0 && list->v[i]->kind == S_EMPTY)
        i--;
    return i >= 0 && check_is_terminating(list->v[i], NULL);
}
