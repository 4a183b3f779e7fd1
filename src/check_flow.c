// Control flow: labels (function-scoped, defined and not used), break/continue/goto/
// fallthrough targets, gotos into blocks or over variable declarations (gc's syntax-level
// checks, with its wording), and the spec's "Terminating statements" for "missing return".
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
            check_errorf(c, s->pos, "label %s already defined at %s", s->label,
                         pos_format(prev->stmt->pos, pbuf, sizeof pbuf));
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

// ---- gotos into blocks and over variable declarations ----

// A statement list (a block, a case clause's body) and the position gc names as its start.
typedef struct GList {
    StmtVec *list;
    Pos start;
} GList;

// Where a label or goto sits: the chain of enclosing lists, outermost first, and the index
// of the enclosing statement in each.
typedef struct GPath {
    int depth;
    GList *lists;
    int *idx;
} GPath;

typedef struct GotoSite {
    Stmt *s;
    GPath path;
} GotoSite;

typedef struct GotoScan {
    VEC(GList) lists;
    VEC(int) idx;
    VEC(GotoSite) gotos;  // goto statements
    VEC(GotoSite) labels; // labeled statements
} GotoScan;

static GPath gpath_snapshot(GotoScan *g) {
    GPath p = {g->lists.n, gc_alloc(sizeof(GList) * (size_t)(g->lists.n + 1)),
               gc_alloc(sizeof(int) * (size_t)(g->idx.n + 1))};
    for (int i = 0; i < g->lists.n; i++) {
        p.lists[i] = g->lists.v[i];
        p.idx[i] = g->idx.v[i];
    }
    return p;
}

static void scan_list(GotoScan *g, StmtVec *l, Pos start);

static void scan_block(GotoScan *g, Block *b) {
    if (b)
        scan_list(g, &b->stmts, b->lbrace);
}

static void scan_stmt(GotoScan *g, Stmt *s) {
    switch (s->kind) {
    case S_LABELED: {
        GotoSite site = {s, gpath_snapshot(g)};
        vec_push(&g->labels, site);
        if (s->body_stmt)
            scan_stmt(g, s->body_stmt);
        return;
    }
    case S_BRANCH:
        if (s->branch == BR_GOTO && s->label) {
            GotoSite site = {s, gpath_snapshot(g)};
            vec_push(&g->gotos, site);
        }
        return;
    case S_BLOCK: case S_FOR: case S_RANGE: scan_block(g, s->body); return;
    case S_IF:
        scan_block(g, s->body);
        if (s->els)
            scan_stmt(g, s->els);
        return;
    case S_SWITCH: case S_TYPESWITCH: case S_SELECT:
        for (int i = 0; s->body && i < s->body->stmts.n; i++) {
            Stmt *cl = s->body->stmts.v[i];
            if (cl->body)
                scan_list(g, &cl->body->stmts, cl->pos);
        }
        return;
    default: return;
    }
}

static void scan_list(GotoScan *g, StmtVec *l, Pos start) {
    GList gl = {l, start};
    vec_push(&g->lists, gl);
    vec_push(&g->idx, 0);
    for (int i = 0; i < l->n; i++) {
        vec_last(&g->idx) = i;
        scan_stmt(g, l->v[i]);
    }
    g->lists.n--;
    g->idx.n--;
}

// The variable a statement declares (gc: the first var spec's first name, or a :='s left
// side), with its position (gc: the spec, or the := operator); NULL if none.
static const char *declared_var(Stmt *s, Pos *pos) {
    while (s && s->kind == S_LABELED)
        s = s->body_stmt;
    if (!s)
        return NULL;
    if (s->kind == S_ASSIGN && s->op == OP_DEFINE) {
        *pos = s->pos;
        const char *str = "";
        for (int i = 0; i < s->lhs.n; i++)
            str = check_sprintf("%s%s%s", str, i ? ", " : "", check_expr_str(s->lhs.v[i]));
        return str;
    }
    if (s->kind == S_DECL && s->decl && s->decl->kind == D_VAR && s->decl->specs.n &&
        s->decl->specs.v[0]->names.n) {
        *pos = s->decl->specs.v[0]->pos;
        return check_expr_str(s->decl->specs.v[0]->names.v[0]);
    }
    return NULL;
}

static void check_goto(Checker *c, GotoSite *go, GotoSite *lab) {
    GPath *lp = &lab->path;
    StmtVec *home = lp->lists[lp->depth - 1].list;
    int li = lp->idx[lp->depth - 1], gi = -1;
    for (int d = 0; d < go->path.depth; d++)
        if (go->path.lists[d].list == home)
            gi = go->path.idx[d];
    char pbuf[256];
    Pos lpos = go->s->label_pos.file ? go->s->label_pos : go->s->pos;
    if (gi < 0) {
        check_errorf(c, lpos, "goto %s jumps into block starting at %s", go->s->label,
                     pos_format(lp->lists[lp->depth - 1].start, pbuf, sizeof pbuf));
        return;
    }
    const char *var = NULL;
    Pos vpos = {0};
    for (int k = gi + 1; k < li; k++) {
        Pos p;
        const char *v = declared_var(home->v[k], &p);
        if (v) {
            var = v;
            vpos = p;
        }
    }
    if (var)
        check_errorf(c, lpos, "goto %s jumps over declaration of %s at %s", go->s->label, var,
                     pos_format(vpos, pbuf, sizeof pbuf));
}

static void check_gotos(Checker *c, Block *body) {
    GotoScan g = {0};
    scan_block(&g, body);
    for (int i = 0; i < g.gotos.n; i++) {
        GotoSite *lab = NULL;
        for (int j = 0; j < g.labels.n && !lab; j++)
            if (strcmp(g.labels.v[j].s->label, g.gotos.v[i].s->label) == 0)
                lab = &g.labels.v[j];
        if (lab) // an undefined label is reported with the branch
            check_goto(c, &g.gotos.v[i], lab);
    }
}

void check_collect_labels(Checker *c, Block *body) {
    collect_block(c, body);
    if (body)
        check_gotos(c, body);
}

void check_report_labels(Checker *c) {
    for (int i = 0; i < c->fn->labels.n; i++) {
        LabelInfo *li = &c->fn->labels.v[i];
        if (!li->used)
            check_errorf(c, li->stmt->pos, "label %s defined and not used", li->name);
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
        if (s->branch == BR_BREAK)
            check_errorf(c, lp, "break label not defined: %s", s->label);
        else if (s->branch == BR_CONTINUE)
            check_errorf(c, lp, "continue label not defined: %s", s->label);
        else
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
